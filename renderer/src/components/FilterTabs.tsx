import { formatCount } from '../format/time';

/**
 * A row of toggle buttons that narrow a table, each with its count; one is pressed at a time.
 * Buttons with aria-pressed, so each is reachable with Tab and read out with its state.
 */
export function FilterTabs<K extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly { key: K; label: string; count: number; tone?: 'danger' | 'warning' }[];
  value: K;
  onChange: (key: K) => void;
}) {
  return (
    <div className="filter-tabs" role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.key}
          type="button"
          className={`filter-tab${option.tone === undefined || option.count === 0 ? '' : ` is-${option.tone}`}`}
          aria-pressed={option.key === value}
          onClick={() => onChange(option.key)}
          data-filter={option.key}
        >
          {option.label}
          <span className="filter-tab-count">{formatCount(option.count)}</span>
        </button>
      ))}
    </div>
  );
}
