import { useId, useState } from 'react';
import { MAX_RETENTION_DAYS } from '../../../shared/domain/history';
import { formatCount, formatDateTime } from '../format/time';
import { useRetention } from '../hooks/use-retention';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';

const DAY_MS = 86_400_000;
const SUGGESTED_DAYS = 365;

function daysProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter a number of days.';
  if (!/^\d+$/.test(trimmed)) return 'Enter a whole number of days.';
  const days = Number(trimmed);
  if (days < 1 || days > MAX_RETENTION_DAYS) {
    return `Enter a number from 1 to ${formatCount(MAX_RETENTION_DAYS)} (100 years).`;
  }
  return null;
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * Settings > History retention: keep everything (the default) or the last N days. Choosing a period
 * asks first, then removes the older entries at once (and at every start from then on); the history
 * records each removal, so it stays verifiable.
 */
export function RetentionCard() {
  const retention = useRetention();
  // The form starts from what is stored, once that is known (and again after each change).
  return <RetentionForm key={String(retention.state.days)} {...retention} />;
}

function RetentionForm({ state, save }: ReturnType<typeof useRetention>) {
  const stored = state.days;
  const [mode, setMode] = useState<'all' | 'days'>(typeof stored === 'number' ? 'days' : 'all');
  const [daysText, setDaysText] = useState(String(stored ?? SUGGESTED_DAYS));
  // The instant before which entries go, fixed when the confirmation opens.
  const [cutoff, setCutoff] = useState<string | null>(null);
  const id = useId();

  const problem = mode === 'days' ? daysProblem(daysText) : null;
  const wanted = mode === 'all' ? null : problem === null ? Number(daysText.trim()) : undefined;
  const changed = wanted !== undefined && stored !== undefined && wanted !== stored;

  const apply = async () => {
    if (wanted === undefined) return;
    // Closed either way: a failure is shown on the card, under the choice it was about.
    await save(wanted);
    setCutoff(null);
  };

  const current =
    stored === undefined
      ? 'Loading…'
      : stored === null
        ? 'Everything is kept.'
        : `Entries older than ${plural(stored, 'day', 'days')} are removed at every start.`;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="retention-card">
      <div className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          History retention
        </h2>
        <p className="card-subtitle">How long the request history is kept on this computer.</p>
      </div>
      <div className="card-body">
        <fieldset className="choice-group" disabled={stored === undefined || state.saving}>
          <legend className="visually-hidden">Keep history</legend>
          <label className={`choice${mode === 'all' ? ' is-checked' : ''}`}>
            <input type="radio" name={`${id}-mode`} checked={mode === 'all'} onChange={() => setMode('all')} />
            <span className="choice-text">
              <span className="choice-title">Keep everything (default)</span>
              <span className="choice-hint">Nothing is ever removed.</span>
            </span>
          </label>
          <label className={`choice${mode === 'days' ? ' is-checked' : ''}`}>
            <input type="radio" name={`${id}-mode`} checked={mode === 'days'} onChange={() => setMode('days')} />
            <span className="choice-text">
              <span className="choice-title">
                Keep the last
                <input
                  className="input retention-days"
                  type="text"
                  inputMode="numeric"
                  aria-label="Days to keep"
                  aria-invalid={problem !== null}
                  aria-describedby={problem === null ? undefined : `${id}-problem`}
                  value={daysText}
                  onFocus={() => setMode('days')}
                  onChange={(e) => setDaysText(e.target.value)}
                />
                days
              </span>
              <span className="choice-hint">
                Older entries are removed now and at every start. Each removal is recorded in the history.
              </span>
            </span>
          </label>
        </fieldset>
        {problem === null ? null : (
          <p id={`${id}-problem`} className="field-error" role="alert">
            {problem}
          </p>
        )}
        <p className="retention-current" data-testid="retention-current">
          <Icon name="archive" size={15} />
          <span>Now: {current}</span>
        </p>
        {state.applied === null ? null : (
          <p className="retention-applied" role="status" data-testid="retention-applied">
            <Icon name="check-circle" size={15} />
            {state.applied.days === null
              ? 'Saved: the history now keeps everything.'
              : state.applied.result === null || state.applied.result.removed === 0
                ? `Saved: nothing was older than ${plural(state.applied.days, 'day', 'days')}, so nothing was removed.`
                : `Saved: ${plural(state.applied.result.removed, 'entry', 'entries')} older than ${plural(state.applied.days, 'day', 'days')} removed, ${plural(state.applied.result.kept, 'entry', 'entries')} kept. The removal is recorded in the history.`}
          </p>
        )}
        {state.error === null ? null : (
          <ErrorCallout error={state.error} title="The retention period was not changed" />
        )}
      </div>
      <div className="card-footer">
        <button
          type="button"
          className="button button-primary"
          disabled={!changed || state.saving}
          aria-busy={state.saving}
          onClick={() =>
            typeof wanted === 'number' ? setCutoff(new Date(Date.now() - wanted * DAY_MS).toISOString()) : void apply()
          }
        >
          {wanted === null ? 'Save' : 'Apply…'}
        </button>
      </div>
      <ConfirmDialog
        open={cutoff !== null}
        title={`Remove entries older than ${typeof wanted === 'number' ? plural(wanted, 'day', 'days') : ''}?`}
        confirmLabel="Remove older entries"
        busy={state.saving}
        onConfirm={() => void apply()}
        onCancel={() => setCutoff(null)}
      >
        <p>
          Entries that started before <strong>{cutoff === null ? '' : formatDateTime(cutoff)}</strong> are removed from
          the history now, and again each time the app starts. Export the history first if you need a copy.
        </p>
        <p>
          The removal itself is recorded in the history (when, the period and how many entries), so{' '}
          <em>Verify history</em> still confirms that nothing else was changed.
        </p>
      </ConfirmDialog>
    </section>
  );
}
