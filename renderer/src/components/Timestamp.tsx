import { formatCompactDateTime, formatDateTime } from '../format/time';

/** A time in local format, with the exact ISO 8601 value on hover. */
export function Timestamp({ iso, compact = false }: { iso: string; compact?: boolean }) {
  return (
    <time dateTime={iso} title={iso}>
      {compact ? formatCompactDateTime(iso) : formatDateTime(iso)}
    </time>
  );
}
