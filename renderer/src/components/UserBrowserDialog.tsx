import { useId, useState, type KeyboardEvent } from 'react';
import type { ZoomUserView } from '../../../shared/domain/users';
import { formatAsOf, formatCount, formatDateTime } from '../format/time';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useUserDirectory } from '../hooks/use-user-directory';
import { EmptyState } from './EmptyState';
import { ErrorCallout } from './ErrorCallout';
import { FormDialog } from './FormDialog';
import { Icon } from './Icon';
import { Spinner } from './Spinner';
import { UserDirectoryList } from './UserDirectoryList';

const PAGE_STEP = 8;

/** "Browse users": the account's users, searchable, picked with the mouse or the keyboard. */
export function UserBrowserDialog({
  open,
  account,
  accountName,
  onPick,
  onClose,
}: {
  open: boolean;
  account: string | undefined;
  accountName: string | null;
  onPick: (user: ZoomUserView) => void;
  onClose: () => void;
}) {
  return (
    <FormDialog
      open={open}
      title="Browse users"
      subtitle={
        accountName === null
          ? 'Pick the user whose password to change.'
          : `Users of ${accountName}: pick the one whose password to change.`
      }
      onClose={onClose}
    >
      <UserBrowser account={account} onPick={onPick} />
    </FormDialog>
  );
}

function UserBrowser({ account, onPick }: { account: string | undefined; onPick: (user: ZoomUserView) => void }) {
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const needle = useDebouncedValue(typed, 150);
  const directory = useUserDirectory(account, needle);
  // The selection belongs to what was typed (not the debounced search), so arrow keys pressed right after
  // typing are not undone when the search applies.
  const [active, setActive] = useState({ typed, index: -1 });
  const listId = useId();
  const statusId = useId();
  const { data, loading } = directory;
  const count = data?.matched ?? 0;
  // A new search starts again with nothing selected.
  const activeIndex = active.typed === typed ? Math.min(active.index, count - 1) : -1;
  const activeUser = activeIndex >= 0 ? directory.userAt(activeIndex) : undefined;

  const moveTo = (index: number) => {
    if (count === 0) return;
    setActive({ typed, index: Math.max(0, Math.min(count - 1, index)) });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex <= 0 ? 0 : activeIndex - 1,
      PageDown: activeIndex + PAGE_STEP,
      PageUp: activeIndex - PAGE_STEP,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const only = count === 1 ? directory.userAt(0) : undefined;
      const picked = activeUser ?? only;
      if (picked !== undefined) onPick(picked);
    }
  };

  return (
    <div className="browser">
      <div className="browser-search">
        <span className="input-with-icon">
          <Icon name="search" size={16} className="input-icon" />
          <input
            className="input"
            type="text"
            role="combobox"
            aria-label="Search users"
            aria-expanded={count > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeUser === undefined ? undefined : `${listId}-${activeIndex}`}
            aria-describedby={statusId}
            placeholder="Name, e-mail or user ID"
            autoComplete="off"
            spellCheck={false}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </span>
      </div>
      <div className="browser-status">
        <p id={statusId} className="browser-count" role="status" data-testid="directory-status">
          {data === null
            ? 'Fetching the account’s users from Zoom…'
            : data.error !== null && data.pages.size === 0
              ? 'Zoom did not list the users.'
              : needle === '' || data.matched === data.total
                ? `${formatCount(data.total)} ${data.total === 1 ? 'user' : 'users'}`
                : `${formatCount(data.matched)} of ${formatCount(data.total)} users match`}
          {data?.asOf == null ? null : (
            <>
              {' · as of '}
              <time dateTime={data.asOf} title={formatDateTime(data.asOf)} data-testid="directory-as-of">
                {formatAsOf(data.asOf)}
              </time>
            </>
          )}
        </p>
        {loading && data !== null ? <Spinner /> : null}
        <button type="button" className="button button-small" onClick={directory.refresh}>
          <Icon name="refresh" size={14} />
          Refresh
        </button>
      </div>
      <BrowserBody
        directory={directory}
        needle={needle}
        listId={listId}
        activeIndex={activeIndex}
        onActivate={(index) => setActive({ typed, index })}
        onPick={onPick}
      />
      <p className="browser-keys" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> pick · <kbd>Esc</kbd> close
      </p>
    </div>
  );
}

function BrowserBody({
  directory,
  needle,
  listId,
  activeIndex,
  onActivate,
  onPick,
}: {
  directory: ReturnType<typeof useUserDirectory>;
  needle: string;
  listId: string;
  activeIndex: number;
  onActivate: (index: number) => void;
  onPick: (user: ZoomUserView) => void;
}) {
  const { data } = directory;
  if (data === null) {
    return (
      <div className="browser-empty">
        <Spinner />
        <span>Large accounts take a moment the first time; the list is kept for next time.</span>
      </div>
    );
  }
  if (data.error !== null && data.pages.size === 0) {
    return (
      <ErrorCallout error={data.error} title="The users could not be listed">
        <button type="button" className="button button-small" onClick={directory.refresh}>
          <Icon name="refresh" size={14} />
          Try again
        </button>
      </ErrorCallout>
    );
  }
  if (data.matched === 0) {
    return (
      <div className="browser-empty">
        {needle === '' ? (
          <EmptyState icon="users" title="No users listed">
            Zoom listed no active users for this account. Refresh if users were added since.
          </EmptyState>
        ) : (
          <EmptyState icon="search" title="No user matches">
            Nobody&apos;s name, e-mail or ID contains &quot;{needle}&quot;. You can still type the user into the field
            yourself.
          </EmptyState>
        )}
      </div>
    );
  }
  return (
    <UserDirectoryList
      listId={listId}
      count={data.matched}
      userAt={directory.userAt}
      ensureRange={directory.ensureRange}
      activeIndex={activeIndex}
      onActivate={onActivate}
      onPick={onPick}
    />
  );
}
