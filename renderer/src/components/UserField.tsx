import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import type { UserIdCheck } from '../../../shared/domain/user-id';
import type { RecentUser } from '../../../shared/ipc/contract';
import { formatDateTime, formatRelative } from '../format/time';
import { Icon } from './Icon';
import { OutcomeBadge } from './OutcomeBadge';

const KIND_LABELS = { me: "The token's own user", email: 'E-mail address', id: 'Zoom user ID' } as const;

/**
 * The user to act on, typed or picked from the recent users: an ARIA 1.2 combobox (list autocomplete).
 * Arrow keys open and move through the list, Enter picks, Escape closes; Enter with the list closed submits.
 */
export function UserField({
  value,
  onChange,
  recentUsers,
  check,
  showError,
  serverError,
  disabled,
  onBlur,
  inputRef,
  onBrowse,
  onPick,
}: {
  value: string;
  onChange: (value: string) => void;
  recentUsers: readonly RecentUser[];
  check: UserIdCheck;
  showError: boolean;
  serverError: string | null;
  disabled: boolean;
  onBlur: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Opens the Browse users dialog; no button when absent. */
  onBrowse?: () => void;
  /** A recent user was picked from the list (look it up at once). */
  onPick?: (user: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [filtering, setFiltering] = useState(false);
  const [active, setActive] = useState(-1);
  const inputId = useId();
  const listId = useId();
  const statusId = useId();

  const needle = value.trim().toLowerCase();
  const options = filtering && needle !== '' ? recentUsers.filter((u) => matchesRecent(u, needle)) : recentUsers;
  const expanded = open && options.length > 0 && !disabled;
  const activeOption = expanded ? options[active] : undefined;
  const error = serverError ?? (showError && !check.ok ? check.reason : null);

  const show = (fromTyping: boolean) => {
    setOpen(true);
    setFiltering(fromTyping);
    setActive(-1);
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (user: string) => {
    onChange(user);
    onPick?.(user);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        show(false);
        setActive(event.key === 'ArrowDown' ? 0 : recentUsers.length - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === 'Enter' && activeOption !== undefined) {
      event.preventDefault();
      pick(activeOption.user);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="field">
      <label htmlFor={inputId} className="field-label">
        User
      </label>
      <div className="user-input-row">
        <div className={`combobox${expanded ? ' is-open' : ''}`}>
          <span className="input-with-icon">
            <Icon name="user" size={16} className="input-icon" />
            <input
              ref={inputRef}
              id={inputId}
              className="input"
              type="text"
              role="combobox"
              name="zoom-user"
              autoComplete="off"
              spellCheck={false}
              placeholder="jane@example.com, a Zoom user ID, or me"
              value={value}
              disabled={disabled}
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={activeOption === undefined ? undefined : `${listId}-${active}`}
              aria-invalid={error !== null}
              aria-describedby={statusId}
              onChange={(e) => {
                onChange(e.target.value);
                show(true);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => {
                close();
                onBlur();
              }}
            />
          </span>
          <button
            type="button"
            className="combobox-toggle"
            tabIndex={-1}
            aria-label="Recent users"
            aria-controls={listId}
            aria-expanded={expanded}
            disabled={disabled || recentUsers.length === 0}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (expanded ? close() : show(false))}
          >
            <Icon name="chevron-down" size={16} />
          </button>
          <ul id={listId} className="combobox-list" role="listbox" aria-label="Recent users" hidden={!expanded}>
            {options.map((option, index) => (
              <li
                key={option.user}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className="combobox-option"
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(option.user)}
              >
                <RecentUserLabel user={option} />
                <OutcomeBadge outcome={option.lastOutcome} size="small" />
                <time className="option-time" dateTime={option.lastAt} title={formatDateTime(option.lastAt)}>
                  {formatRelative(option.lastAt)}
                </time>
              </li>
            ))}
          </ul>
        </div>
        {onBrowse === undefined ? null : (
          <button type="button" className="button" onClick={onBrowse} disabled={disabled} title="Browse users (Alt+B)">
            <Icon name="users" size={16} />
            Browse users…
          </button>
        )}
      </div>
      <p id={statusId} className={error === null ? 'field-status' : 'field-error'} aria-live="polite">
        {error !== null ? (
          <>
            <Icon name="alert" size={14} />
            {error}
          </>
        ) : check.ok ? (
          <>
            <Icon name="check" size={14} className="tone-success" />
            {KIND_LABELS[check.kind]}
          </>
        ) : (
          <span className="field-hint">
            A Zoom user ID, an e-mail address, or &quot;me&quot; for the token&apos;s own user.
            {recentUsers.length > 0 ? ' Press ↓ for recent users.' : ''}
          </span>
        )}
      </p>
    </div>
  );
}

function matchesRecent(user: RecentUser, needle: string): boolean {
  return [user.user, user.name ?? '', user.email ?? ''].some((text) => text.toLowerCase().includes(needle));
}

/** The name and e-mail learned from the last lookup, else the user as it was typed. */
function RecentUserLabel({ user }: { user: RecentUser }) {
  const name = user.name?.trim() ?? '';
  const detail = user.email !== undefined && user.email !== '' ? user.email : user.user;
  if (name === '') return <span className="option-user">{user.user}</span>;
  return (
    <span className="option-who">
      <span className="option-name">{name}</span>
      <span className="option-user" title={detail === name ? user.user : detail}>
        {detail === name ? user.user : detail}
      </span>
    </span>
  );
}
