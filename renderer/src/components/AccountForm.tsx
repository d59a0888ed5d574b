import { useRef, useState, type FormEvent } from 'react';
import type { IpcRequest, IpcResult } from '../../../shared/ipc/contract';
import type { AccountView, Cloud, CredentialKind } from '../accounts/account-model';
import {
  clientIdProblem,
  clientSecretProblem,
  nameProblem,
  tokenProblem,
  urlProblem,
  zoomAccountIdProblem,
} from '../accounts/validate';
import { api, type UiError } from '../api/client';
import { CloudPicker } from './CloudPicker';
import { CredentialHelp } from './CredentialHelp';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';
import { PasswordField } from './PasswordField';
import { Spinner } from './Spinner';
import { TextField } from './TextField';

type Field = 'name' | 'apiBase' | 'oauthBase' | 'accountId' | 'clientId' | 'clientSecret' | 'token';
const FIELDS: readonly Field[] = ['name', 'apiBase', 'oauthBase', 'accountId', 'clientId', 'clientSecret', 'token'];

interface Values {
  name: string;
  cloud: Cloud;
  apiBase: string;
  oauthBase: string;
  kind: CredentialKind;
  accountId: string;
  clientId: string;
  clientSecret: string;
  token: string;
}

function initialValues(account: AccountView | null): Values {
  const s2s = account?.credential.kind === 's2s' ? account.credential : null;
  return {
    name: account?.name ?? '',
    cloud: account?.cloud ?? 'zoom',
    apiBase: account?.cloud === 'custom' ? account.apiBase : '',
    oauthBase: account?.cloud === 'custom' ? account.oauthBase : '',
    kind: account?.credential.kind ?? 's2s',
    accountId: s2s?.accountId ?? '',
    clientId: s2s?.clientId ?? '',
    clientSecret: '',
    token: '',
  };
}

/** Every problem of the form as it stands; secrets may stay empty when editing an account of the same kind. */
function problems(v: Values, editing: AccountView | null): Partial<Record<Field, string>> {
  const keepSecret = editing !== null && editing.credential.kind === v.kind && editing.secretStored;
  const found: Partial<Record<Field, string | null>> = { name: nameProblem(v.name) };
  if (v.cloud === 'custom') {
    found.apiBase = urlProblem(v.apiBase, 'API address');
    found.oauthBase = urlProblem(v.oauthBase, 'token address');
  }
  if (v.kind === 's2s') {
    found.accountId = zoomAccountIdProblem(v.accountId);
    found.clientId = clientIdProblem(v.clientId);
    found.clientSecret = keepSecret && v.clientSecret === '' ? null : clientSecretProblem(v.clientSecret);
  } else {
    found.token = keepSecret && v.token === '' ? null : tokenProblem(v.token);
  }
  return Object.fromEntries(Object.entries(found).filter(([, p]) => p !== null && p !== undefined));
}

function addRequest(v: Values, activate: boolean | undefined): IpcRequest<'addAccount'> {
  return {
    name: v.name.trim(),
    cloud: v.cloud,
    ...(v.cloud === 'custom' ? { apiBase: v.apiBase.trim(), oauthBase: v.oauthBase.trim() } : {}),
    credential:
      v.kind === 's2s'
        ? {
            kind: 's2s',
            accountId: v.accountId.trim(),
            clientId: v.clientId.trim(),
            clientSecret: v.clientSecret.trim(),
          }
        : { kind: 'token', token: v.token.trim() },
    ...(activate === undefined ? {} : { activate }),
  };
}

/** Only what changed: an unchanged secret field means "keep the stored one". */
function patchFor(v: Values, account: AccountView): IpcRequest<'editAccount'>['patch'] {
  const patch: IpcRequest<'editAccount'>['patch'] = {};
  if (v.name.trim() !== account.name) patch.name = v.name.trim();
  if (v.cloud !== account.cloud) patch.cloud = v.cloud;
  if (v.cloud === 'custom' && (v.cloud !== account.cloud || v.apiBase.trim() !== account.apiBase)) {
    patch.apiBase = v.apiBase.trim();
  }
  if (v.cloud === 'custom' && (v.cloud !== account.cloud || v.oauthBase.trim() !== account.oauthBase)) {
    patch.oauthBase = v.oauthBase.trim();
  }
  const old = account.credential;
  if (v.kind === 's2s') {
    const c: { kind: 's2s'; accountId?: string; clientId?: string; clientSecret?: string } = { kind: 's2s' };
    if (old.kind !== 's2s' || v.accountId.trim() !== old.accountId) c.accountId = v.accountId.trim();
    if (old.kind !== 's2s' || v.clientId.trim() !== old.clientId) c.clientId = v.clientId.trim();
    if (v.clientSecret !== '') c.clientSecret = v.clientSecret.trim();
    if (Object.keys(c).length > 1) patch.credential = c;
  } else if (old.kind !== 'token' || v.token !== '') {
    patch.credential = v.token === '' ? { kind: 'token' } : { kind: 'token', token: v.token.trim() };
  }
  return patch;
}

/**
 * Add an account, or edit one. Secrets typed here go to main once and the fields are emptied; an edit
 * with an empty secret field keeps the secret already in the keychain.
 */
export function AccountForm({
  account = null,
  activate,
  submitLabel,
  onSaved,
  onCancel,
  autoFocus = false,
}: {
  /** The account to edit; null adds a new one. */
  account?: AccountView | null;
  activate?: boolean;
  submitLabel: string;
  onSaved: (account: AccountView) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const [values, setValues] = useState<Values>(() => initialValues(account));
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<UiError | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const found = problems(values, account);
  const serverField = serverError?.field as Field | undefined;
  const fieldServerError = serverField !== undefined && FIELDS.includes(serverField) ? serverError : null;
  const otherError = serverError !== null && fieldServerError === null ? serverError : null;
  const errorOf = (field: Field): string | null => {
    if (fieldServerError?.field === field) return fieldServerError.message;
    // An empty field is not an error until the form is sent: leaving it to look elsewhere is fine.
    const shown = submitted || (touched.has(field) && values[field].trim() !== '');
    return shown ? (found[field] ?? null) : null;
  };
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (serverError !== null && (serverError.field === key || serverError.field === undefined)) setServerError(null);
  };
  const touch = (field: Field) => setTouched((t) => (t.has(field) ? t : new Set([...t, field])));
  const keepSecret = account !== null && account.credential.kind === values.kind && account.secretStored;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const first = FIELDS.find((f) => found[f] !== undefined);
    if (first !== undefined) {
      formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setPending(true);
    setServerError(null);
    let result: IpcResult<AccountView>;
    if (account === null) {
      result = await api.addAccount(addRequest(values, activate));
    } else {
      const patch = patchFor(values, account);
      result =
        Object.keys(patch).length === 0 ? { ok: true, value: account } : await api.editAccount(account.id, patch);
    }
    setPending(false);
    if (result.ok) {
      // Stored: the secret typed here is not kept a moment longer.
      setValues((v) => ({ ...v, clientSecret: '', token: '' }));
      onSaved(result.value);
      return;
    }
    setServerError(result.error);
    const field = result.error.field as Field | undefined;
    if (field !== undefined) formRef.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();
  };

  return (
    <form ref={formRef} className="account-form" onSubmit={(e) => void submit(e)} aria-busy={pending} noValidate>
      <div className="account-form-fields">
        <TextField
          label="Account name"
          name="name"
          value={values.name}
          onChange={(v) => set('name', v)}
          onBlur={() => touch('name')}
          disabled={pending}
          error={errorOf('name')}
          placeholder="e.g. Acme Corp"
          hint="How this account appears in the header, the history and zpa."
          autoFocus={autoFocus}
        />
        <CloudPicker
          cloud={values.cloud}
          onCloud={(cloud) => set('cloud', cloud)}
          apiBase={values.apiBase}
          oauthBase={values.oauthBase}
          onApiBase={(v) => set('apiBase', v)}
          onOAuthBase={(v) => set('oauthBase', v)}
          disabled={pending}
          errors={{
            ...(errorOf('apiBase') === null ? {} : { apiBase: errorOf('apiBase') ?? '' }),
            ...(errorOf('oauthBase') === null ? {} : { oauthBase: errorOf('oauthBase') ?? '' }),
          }}
        />
        <fieldset className="form-section">
          <legend className="field-label">Sign-in</legend>
          <div className="kind-options">
            {(
              [
                ['s2s', 'Server-to-Server OAuth', 'Recommended: tokens are fetched and renewed automatically.'],
                ['token', 'Pasted access token', 'Expires after about an hour; paste a new one then.'],
              ] as const
            ).map(([kind, label, hint]) => (
              <label key={kind} className="kind-option" data-checked={values.kind === kind}>
                <input
                  type="radio"
                  name="credential-kind"
                  value={kind}
                  checked={values.kind === kind}
                  disabled={pending}
                  onChange={() => set('kind', kind)}
                />
                <span>
                  <span className="kind-label">{label}</span>
                  <span className="kind-hint" aria-hidden="true">
                    {hint}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {values.kind === 's2s' ? (
          <div className="credential-fields">
            <div className="credential-grid">
              <TextField
                label="Account ID"
                name="accountId"
                mono
                value={values.accountId}
                onChange={(v) => set('accountId', v)}
                onBlur={() => touch('accountId')}
                disabled={pending}
                error={errorOf('accountId')}
              />
              <TextField
                label="Client ID"
                name="clientId"
                mono
                value={values.clientId}
                onChange={(v) => set('clientId', v)}
                onBlur={() => touch('clientId')}
                disabled={pending}
                error={errorOf('clientId')}
              />
            </div>
            <PasswordField
              label="Client Secret"
              name="clientSecret"
              autoComplete="off"
              value={values.clientSecret}
              onChange={(v) => set('clientSecret', v)}
              disabled={pending}
              error={errorOf('clientSecret')}
              placeholder={keepSecret ? 'Leave empty to keep the stored secret' : undefined}
              hint="Kept in your operating system’s keychain; never shown again."
            />
          </div>
        ) : (
          <div className="credential-fields">
            <PasswordField
              label="Access token"
              name="token"
              autoComplete="off"
              value={values.token}
              onChange={(v) => set('token', v)}
              disabled={pending}
              error={errorOf('token')}
              placeholder={keepSecret ? 'Leave empty to keep the stored token' : 'Paste the token here'}
              hint="Kept in your operating system’s keychain; never shown again."
            />
          </div>
        )}
        <CredentialHelp kind={values.kind} />
      </div>
      {otherError === null ? null : (
        <ErrorCallout
          error={otherError}
          title={account === null ? 'The account was not added' : 'Nothing was changed'}
        />
      )}
      <div className="form-actions account-form-actions">
        {onCancel === undefined ? null : (
          <button type="button" className="button" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={pending} aria-busy={pending}>
          {pending ? <Spinner /> : <Icon name={account === null ? 'plus' : 'check'} size={16} />}
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
