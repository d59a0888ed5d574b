import { useId } from 'react';
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from '../../../shared/domain/outcome';
import { isFormFiltered, type FilterForm } from '../history/filter-form';
import { Icon } from './Icon';

/** The filter fields under the toolbar: user, account, outcome and a date range; all combine. */
export function HistoryFilters({
  form,
  onChange,
  onClear,
  dateProblem,
  accounts,
}: {
  form: FilterForm;
  onChange: (patch: Partial<FilterForm>) => void;
  onClear: () => void;
  dateProblem: string | null;
  /** Account names seen so far, offered as suggestions. */
  accounts: readonly string[];
}) {
  const id = useId();
  const ids = {
    user: `${id}-user`,
    account: `${id}-account`,
    accounts: `${id}-accounts`,
    outcome: `${id}-outcome`,
    dates: `${id}-dates`,
    problem: `${id}-problem`,
  };
  const invalid = dateProblem !== null;
  return (
    <div className="history-filters" role="group" aria-label="Filter history">
      <div className="filter-field filter-user">
        <label htmlFor={ids.user} className="filter-label">
          User
        </label>
        <input
          id={ids.user}
          className="input"
          type="search"
          placeholder="E-mail or ID"
          aria-label="Filter by user"
          autoComplete="off"
          spellCheck={false}
          maxLength={320}
          value={form.user}
          onChange={(e) => onChange({ user: e.target.value })}
        />
      </div>
      <div className="filter-field filter-account">
        <label htmlFor={ids.account} className="filter-label">
          Account
        </label>
        <input
          id={ids.account}
          className="input"
          type="search"
          placeholder="Any"
          list={ids.accounts}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={form.account}
          onChange={(e) => onChange({ account: e.target.value })}
        />
        <datalist id={ids.accounts}>
          {accounts.map((account) => (
            <option key={account} value={account} />
          ))}
        </datalist>
      </div>
      <div className="filter-field filter-outcome">
        <label htmlFor={ids.outcome} className="filter-label">
          Outcome
        </label>
        <select
          id={ids.outcome}
          className="select"
          value={form.outcome}
          onChange={(e) => onChange({ outcome: e.target.value as Outcome | '' })}
        >
          <option value="">All outcomes</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field filter-dates" role="group" aria-labelledby={ids.dates}>
        <span id={ids.dates} className="filter-label">
          Date range
        </span>
        <span className="filter-date-inputs">
          <input
            className="input"
            type="date"
            aria-label="From"
            title="From this day (included)"
            min="1000-01-01"
            max="9999-12-31"
            value={form.from}
            aria-invalid={invalid}
            aria-describedby={invalid ? ids.problem : undefined}
            onChange={(e) => onChange({ from: e.target.value })}
          />
          <span className="filter-date-separator" aria-hidden="true">
            –
          </span>
          <input
            className="input"
            type="date"
            aria-label="To"
            title="To this day (included)"
            min="1000-01-01"
            max="9999-12-31"
            value={form.to}
            aria-invalid={invalid}
            aria-describedby={invalid ? ids.problem : undefined}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </span>
      </div>
      {isFormFiltered(form) ? (
        <button type="button" className="button button-quiet filter-clear" onClick={onClear} title="Clear filters">
          <Icon name="x" size={14} />
          <span className="filter-clear-label">Clear filters</span>
        </button>
      ) : null}
      {invalid ? (
        <p id={ids.problem} className="filter-problem" role="alert">
          <Icon name="alert" size={14} />
          {dateProblem} The dates are not applied until it is fixed.
        </p>
      ) : null}
    </div>
  );
}
