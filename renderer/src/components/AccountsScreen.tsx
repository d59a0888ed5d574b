import { useState } from 'react';
import type { AccountView, ConnectionTestResultView } from '../accounts/account-model';
import { api, type UiError } from '../api/client';
import type { AccountsState } from '../hooks/use-accounts';
import { AccountCard } from './AccountCard';
import { AccountForm } from './AccountForm';
import { ConfirmDialog } from './ConfirmDialog';
import { ConnectionTestPanel } from './ConnectionTestPanel';
import { ErrorCallout } from './ErrorCallout';
import { FormDialog } from './FormDialog';
import { Icon } from './Icon';

type Editing = { mode: 'add' } | { mode: 'edit'; account: AccountView } | null;

/** Every Zoom account: add, edit, remove, make active, and test what each one's credentials allow. */
export function AccountsScreen({
  accounts,
  addRequested = false,
  onAddHandled,
}: {
  accounts: AccountsState;
  /** Set when "Add account…" was picked elsewhere (the header's switcher). */
  addRequested?: boolean;
  onAddHandled?: () => void;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<AccountView | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [tests, setTests] = useState<ReadonlyMap<string, ConnectionTestResultView>>(new Map());
  const [testing, setTesting] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; error: UiError } | null>(null);

  // "Add account…" picked in the header's switcher opens the same dialog.
  const shown: Editing = editing ?? (addRequested ? { mode: 'add' } : null);
  const closeDialog = () => {
    setEditing(null);
    onAddHandled?.();
  };

  const forget = (id: string) =>
    setTests((map) => {
      const next = new Map(map);
      next.delete(id);
      return next;
    });

  const test = async (account: AccountView) => {
    setTesting((s) => new Set([...s, account.id]));
    forget(account.id);
    setError(null);
    const result = await api.testAccount(account.id);
    setTesting((s) => new Set([...s].filter((id) => id !== account.id)));
    if (result.ok) setTests((map) => new Map(map).set(account.id, result.value));
    else setError({ title: `“${account.name}” could not be tested`, error: result.error });
  };

  const activate = async (account: AccountView) => {
    setBusy(account.id);
    const result = await accounts.activate(account.id);
    setBusy(null);
    setError(result.ok ? null : { title: `“${account.name}” was not made active`, error: result.error });
  };

  const remove = async () => {
    if (removing === null) return;
    setRemoveBusy(true);
    const result = await api.removeAccount(removing.id);
    setRemoveBusy(false);
    setError(result.ok ? null : { title: `“${removing.name}” was not removed`, error: result.error });
    if (result.ok) forget(removing.id);
    setRemoving(null);
    await accounts.refresh();
  };

  const saved = async (account: AccountView) => {
    closeDialog();
    // A changed credential or address makes an earlier test result stale.
    forget(account.id);
    await accounts.refresh();
  };

  const list = accounts.accounts;
  return (
    <div className="accounts">
      <div className="accounts-intro">
        <p className="accounts-lead">
          Every change runs against the <strong>active</strong> account. Secrets stay in your operating system&apos;s
          keychain, one entry per account.
        </p>
        <button type="button" className="button button-primary" onClick={() => setEditing({ mode: 'add' })}>
          <Icon name="plus" size={16} />
          Add account…
        </button>
      </div>
      {accounts.error === null ? null : <ErrorCallout error={accounts.error} title="The accounts could not be read" />}
      {error === null ? null : <ErrorCallout error={error.error} title={error.title} />}
      {list.length === 0 && accounts.error === null ? (
        <div className="card accounts-empty">
          <p className="empty-state-title">No accounts yet</p>
          <p className="empty-state-text">Add the Zoom account whose users’ passwords you look after.</p>
        </div>
      ) : (
        <ul className="account-list" aria-label="Zoom accounts">
          {list.map((account) => {
            const result = tests.get(account.id);
            return (
              <AccountCard
                key={account.id}
                account={account}
                testing={testing.has(account.id)}
                busy={busy === account.id}
                onTest={() => void test(account)}
                onActivate={() => void activate(account)}
                onEdit={() => setEditing({ mode: 'edit', account })}
                onRemove={() => setRemoving(account)}
              >
                {result === undefined ? null : (
                  <ConnectionTestPanel result={result} onDismiss={() => forget(account.id)} />
                )}
              </AccountCard>
            );
          })}
        </ul>
      )}

      <FormDialog
        open={shown !== null}
        title={shown?.mode === 'edit' ? `Edit “${shown.account.name}”` : 'Add a Zoom account'}
        subtitle={
          shown?.mode === 'edit'
            ? 'Leave a secret field empty to keep what the keychain holds.'
            : 'Its secret goes to the OS keychain; nothing else ever shows it again.'
        }
        onClose={closeDialog}
      >
        {shown === null ? null : (
          <AccountForm
            key={shown.mode === 'edit' ? shown.account.id : 'add'}
            account={shown.mode === 'edit' ? shown.account : null}
            submitLabel={shown.mode === 'edit' ? 'Save changes' : 'Add account'}
            onSaved={(account) => void saved(account)}
            onCancel={closeDialog}
            autoFocus
          />
        )}
      </FormDialog>

      <ConfirmDialog
        open={removing !== null}
        title={`Remove “${removing?.name ?? ''}”?`}
        confirmLabel="Remove account"
        busy={removeBusy}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Its {removing?.credential.kind === 's2s' ? 'client secret' : 'access token'} is deleted from the OS keychain
          and the account is forgotten. The history keeps its entries.
          {removing?.active === true ? ' Pick another account to make active afterwards.' : ''}
        </p>
      </ConfirmDialog>
    </div>
  );
}
