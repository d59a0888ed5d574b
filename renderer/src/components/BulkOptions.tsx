import type { BulkPreview, RateLimitSetting } from '../../../shared/ipc/contract';
import type { UiError } from '../api/client';
import { effectiveConcurrency, MAX_REASON_LENGTH, type BulkOptionsForm, type OptionsCheck } from '../bulk/options-form';
import { formatCount } from '../format/time';
import { BulkCheckbox } from './BulkCheckbox';
import { BulkNumberField } from './BulkNumberField';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';
import { Spinner } from './Spinner';
import { TextField } from './TextField';

const PLAN_LABELS = { free: 'Free plan', pro: 'Pro plan', business: 'Business plan or higher' } as const;

function limitText(limit: RateLimitSetting): string {
  const perDay = limit.perDay === null ? '' : ` and ${formatCount(limit.perDay)} per day`;
  const source =
    limit.source === 'custom'
      ? 'set for this account'
      : limit.source === 'plan' && limit.plan !== null
        ? PLAN_LABELS[limit.plan]
        : 'plan unknown: Pro assumed';
  return `Account limit: ${limit.perSecond} per second${perDay} (${source}), shared with other apps using the account.`;
}

/** The run's options beside the preview, with the button that starts it. */
export function BulkOptions({
  preview,
  form,
  onChange,
  check,
  limit,
  limitError,
  starting,
  startError,
  onStart,
}: {
  preview: BulkPreview;
  form: BulkOptionsForm;
  onChange: (patch: Partial<BulkOptionsForm>) => void;
  check: OptionsCheck;
  limit: RateLimitSetting | null;
  limitError: UiError | null;
  starting: boolean;
  startError: UiError | null;
  onStart: () => void;
}) {
  const { included, withoutPassword } = preview.counts;
  const generated = !form.dryRun && form.generate ? withoutPassword : 0;
  const perSecond = limit?.perSecond ?? null;
  let startLabel = form.dryRun ? 'Check users…' : 'Change passwords…';
  if (included > 0)
    startLabel = form.dryRun
      ? `Check ${formatCount(included)} ${included === 1 ? 'user' : 'users'}…`
      : `Change ${formatCount(included)} ${included === 1 ? 'password' : 'passwords'}…`;

  return (
    <section className="card bulk-options" aria-labelledby="bulk-options-title">
      <div className="card-header">
        <h2 id="bulk-options-title" className="card-title">
          Run options
        </h2>
      </div>
      <div className="card-body">
        <BulkCheckbox label="Dry run" checked={form.dryRun} onChange={(dryRun) => onChange({ dryRun })}>
          Look every user up and report who can be changed. Nothing is changed.
        </BulkCheckbox>

        <BulkCheckbox
          label="Generate passwords"
          checked={form.generate && withoutPassword > 0}
          disabled={form.dryRun || withoutPassword === 0}
          onChange={(generate) => onChange({ generate })}
        >
          {included === 0
            ? 'No row is ready to send yet.'
            : withoutPassword === 0
              ? 'Every row brings its own password.'
              : `For the ${formatCount(withoutPassword)} ${withoutPassword === 1 ? 'row' : 'rows'} without one, following the account's rules.`}
        </BulkCheckbox>

        {generated > 0 ? (
          <BulkCheckbox
            label="Save generated passwords to a file"
            checked={form.passwordsOut}
            onChange={(passwordsOut) => onChange({ passwordsOut })}
          >
            You choose where when the run starts. Each password is written there before it is sent.
          </BulkCheckbox>
        ) : null}
        {generated > 0 && form.passwordsOut ? (
          <div className="callout callout-warning bulk-warning" role="note" data-testid="passwords-file-warning">
            <Icon name="alert" size={16} className="callout-icon" />
            <p>
              The file holds the new passwords <strong>in plain text</strong>. Anyone who can read it can sign in as
              these users: keep it on an encrypted drive, hand the passwords over, then delete it.
            </p>
          </div>
        ) : null}
        {generated > 0 && !form.passwordsOut ? (
          <p className="bulk-note">
            <Icon name="info" size={14} />
            Without the file, nobody will know the generated passwords: users sign in again with “Forgot password”.
          </p>
        ) : null}

        <div className="bulk-numbers">
          <BulkNumberField
            label="Rate"
            unit="per second"
            value={form.rate}
            onChange={(rate) => onChange({ rate })}
            placeholder={perSecond === null ? 'Account limit' : String(perSecond)}
            error={check.rate}
            disabled={limit === null && limitError === null}
          />
          <BulkNumberField
            label="Concurrency"
            unit="at once"
            value={form.concurrency}
            onChange={(concurrency) => onChange({ concurrency })}
            placeholder={String(effectiveConcurrency({ ...form, concurrency: '' }, limit))}
            error={check.concurrency}
          />
        </div>
        <p className="field-hint bulk-limit" data-testid="bulk-rate-limit">
          {limit !== null ? limitText(limit) : limitError !== null ? limitError.message : 'Reading the account limit…'}
        </p>

        <TextField
          label="Reason or ticket"
          name="bulk-reason"
          value={form.reason}
          onChange={(reason) => onChange({ reason })}
          placeholder="e.g. INC-2041, new school term"
          error={check.reason}
          hint={`Stored with every request of the run in the History (at most ${MAX_REASON_LENGTH} characters).`}
        />
      </div>
      <div className="card-footer bulk-options-footer">
        {check.blocker === null ? null : (
          <p className="bulk-blocker" role="status">
            <Icon name="info" size={14} />
            {check.blocker}
          </p>
        )}
        {startError === null ? null : <ErrorCallout error={startError} title="The run did not start" />}
        <button
          type="button"
          className="button button-primary button-large bulk-start-button"
          disabled={check.blocker !== null || starting}
          aria-busy={starting}
          onClick={onStart}
        >
          {starting ? <Spinner /> : <Icon name={form.dryRun ? 'search' : 'play'} size={16} />}
          {startLabel}
        </button>
      </div>
    </section>
  );
}
