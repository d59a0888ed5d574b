import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CREDENTIAL_LABELS, cloudShortLabel, type AccountView } from '../accounts/account-model';
import type { UiError } from '../api/client';
import { Icon, type IconName } from './Icon';

/**
 * The header's account menu: shows the account every action runs against, and switches it. A menu
 * button (Enter, Space or ArrowDown opens; arrows, Home and End move; Escape closes and returns focus).
 */
export function AccountSwitcher({
  accounts,
  active,
  error,
  onSwitch,
  onManage,
  onAdd,
}: {
  accounts: AccountView[];
  active: AccountView | null;
  error: UiError | null;
  onSwitch: (id: string) => void;
  onManage: () => void;
  onAdd: () => void;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  // The dialog the action opens takes the focus, so the menu closes without handing it back.
  const closeThen = (action: () => void) => {
    close(false);
    action();
  };

  useEffect(() => {
    if (!open) return;
    // Focus the checked account (or the first item) once the menu is there.
    const all = items();
    (all.find((el) => el.getAttribute('aria-checked') === 'true') ?? all[0])?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  if (error !== null && accounts.length === 0) {
    return (
      <span className="pill pill-danger" data-account-state="error" title={error.action ?? error.message}>
        <Icon name="alert" size={14} />
        Accounts unavailable
      </span>
    );
  }
  if (accounts.length === 0) {
    return (
      <span className="pill pill-neutral" data-account-state="none">
        <span className="status-dot" aria-hidden="true" />
        No account
      </span>
    );
  }

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => all[(index + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  const pick = (account: AccountView) => {
    close(true);
    if (!account.active) onSwitch(account.id);
  };

  return (
    <div className="account-switcher">
      <button
        ref={buttonRef}
        type="button"
        className="account-switcher-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={
          active === null
            ? 'Account: none active. Choose an account'
            : `Account: ${active.name}, ${cloudShortLabel(active)}. Switch account`
        }
        title={active === null ? undefined : `Requests go to ${active.apiBase}`}
        data-account-state={active === null ? 'none-active' : active.secretStored ? 'ready' : 'no-secret'}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className={`account-switcher-mark cloud-${active?.cloud ?? 'none'}`} aria-hidden="true">
          <Icon name="building" size={15} />
        </span>
        <span className="account-switcher-text">
          <span className="account-switcher-name">{active?.name ?? 'Choose an account'}</span>
          {active === null ? null : <span className="account-switcher-cloud">{cloudShortLabel(active)}</span>}
        </span>
        <Icon name="chevron-down" size={15} className="account-switcher-chevron" />
      </button>
      {open ? (
        <div ref={menuRef} id={menuId} className="menu" role="menu" aria-label="Accounts" onKeyDown={onMenuKey}>
          <div className="menu-group-label" aria-hidden="true">
            Switch account
          </div>
          {accounts.map((account) => (
            <button
              key={account.id}
              type="button"
              role="menuitemradio"
              aria-checked={account.active}
              tabIndex={-1}
              className="menu-item"
              onClick={() => pick(account)}
            >
              <span className="menu-check" aria-hidden="true">
                {account.active ? <Icon name="check" size={15} /> : null}
              </span>
              <span className="menu-item-text">
                <span className="menu-item-name">{account.name}</span>
                <span className="menu-item-detail">
                  {cloudShortLabel(account)} · {CREDENTIAL_LABELS[account.credential.kind]}
                </span>
              </span>
            </button>
          ))}
          <div className="menu-separator" role="separator" />
          <MenuAction icon="plus" label="Add account…" onClick={() => closeThen(onAdd)} />
          <MenuAction icon="settings" label="Manage accounts" onClick={() => closeThen(onManage)} />
        </div>
      ) : null}
    </div>
  );
}

/** A command at the foot of the switcher's menu (reached with the arrow keys, like the accounts above it). */
function MenuAction({ icon, label, onClick }: { icon: IconName; label: string; onClick: () => void }) {
  return (
    <button type="button" role="menuitem" tabIndex={-1} className="menu-item" onClick={onClick}>
      <span className="menu-check" aria-hidden="true">
        <Icon name={icon} size={15} />
      </span>
      <span className="menu-item-name">{label}</span>
    </button>
  );
}
