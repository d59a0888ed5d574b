import type { HistoryEntry } from '../../../shared/domain/history';
import { formatDateTime, formatWait } from '../format/time';
import { Icon } from './Icon';

function adviceFor(entry: HistoryEntry): string | null {
  switch (entry.outcome) {
    case 'updated':
      return `Zoom e-mails ${entry.user} about the change, without the password: pass the new one on through a channel you trust.`;
    case 'unknown':
      return 'It may have applied. Do not send a different password: Check resends the same one and tells which it was.';
    case 'rate_limited':
      return entry.retryAfterSeconds == null
        ? 'Zoom did not say how long to wait: give it a minute before trying again.'
        : `Wait ${formatWait(entry.retryAfterSeconds)} (until ${formatDateTime(
            new Date(Date.parse(entry.at) + entry.durationMs + entry.retryAfterSeconds * 1000).toISOString(),
          )}) before trying again.`;
    case 'unauthorized':
      return 'Check the account in Accounts (test its connection, or store a new token), then try again.';
    default:
      return null;
  }
}

/** The one thing to keep in mind about this outcome, where there is one. */
export function ResultAdvice({ entry }: { entry: HistoryEntry }) {
  const advice = adviceFor(entry);
  if (advice === null) return null;
  return (
    <p className="result-advice" data-testid="result-advice">
      <Icon name={entry.outcome === 'updated' ? 'info' : 'alert'} size={16} />
      <span>{advice}</span>
    </p>
  );
}
