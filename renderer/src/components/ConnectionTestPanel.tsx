import { useEffect, useRef } from 'react';
import {
  APP_ACTIONS,
  APP_ACTION_NAMES,
  type Capability,
  type ConnectionTestResultView,
} from '../accounts/account-model';
import { formatDateTime, formatDuration } from '../format/time';
import { CopyButton } from './CopyButton';
import { Icon, type IconName } from './Icon';
import { RichText } from './RichText';

type TestState = 'ok' | 'missing-scope' | 'failed';

const STATE_META: Readonly<Record<TestState, { title: string; icon: IconName }>> = {
  ok: { title: 'Connection works', icon: 'check-circle' },
  'missing-scope': { title: 'Connected, but scopes are missing', icon: 'alert' },
  failed: { title: 'Connection failed', icon: 'x-circle' },
};

const CAPABILITY_WORDS: Readonly<Record<Capability, string>> = {
  allowed: 'Allowed',
  missing: 'Missing scope',
  unknown: 'Unknown',
};

const CAPABILITY_ICONS: Readonly<Record<Capability, IconName>> = {
  allowed: 'check',
  missing: 'x',
  unknown: 'help',
};

function stateOf(result: ConnectionTestResultView): TestState {
  if (!result.ok) return 'failed';
  return result.scopesToAdd.length > 0 ? 'missing-scope' : 'ok';
}

/** What a connection test found: token, scopes, what they allow, what to add, or why it failed. */
export function ConnectionTestPanel({
  result,
  onDismiss,
}: {
  result: ConnectionTestResultView;
  onDismiss: () => void;
}) {
  const state = stateOf(result);
  const meta = STATE_META[state];
  const failedAtToken = result.failedAt === 'token';
  const ref = useRef<HTMLElement>(null);
  // A long list can put the answer below the fold: bring it into view once, when it arrives.
  useEffect(() => {
    // Block body: newer Chromium returns a promise from scrollIntoView, which must not become the cleanup.
    void ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <section
      ref={ref}
      className={`test-result test-${state}`}
      data-test-state={state}
      aria-label="Connection test result"
    >
      <div className="test-result-head">
        <Icon name={meta.icon} size={20} className="test-result-icon" />
        <div className="test-result-text">
          <p className="test-result-title" role="status">
            {meta.title}
            {result.failedAt === null ? null : (
              <span className="test-result-where">{failedAtToken ? ' while getting a token' : ' at the API call'}</span>
            )}
          </p>
          <p className="test-result-message">
            <RichText text={result.message} />
          </p>
          {result.action === null ? null : (
            <p className="test-result-action">
              <RichText text={result.action} />
            </p>
          )}
        </div>
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="Hide the test result"
          title="Hide"
          onClick={onDismiss}
        >
          <Icon name="x" size={16} />
        </button>
      </div>

      {failedAtToken ? null : (
        <ul className="capabilities" aria-label="What this account's token allows">
          {APP_ACTION_NAMES.map((action) => {
            const capability = result.capabilities[action];
            return (
              <li key={action} className="capability" data-action={action} data-state={capability}>
                <span className="capability-label">{APP_ACTIONS[action].label}</span>
                <span className={`badge badge-small capability-badge cap-${capability}`}>
                  <Icon name={CAPABILITY_ICONS[capability]} size={12} />
                  {CAPABILITY_WORDS[capability]}
                </span>
              </li>
            );
          })}
        </ul>
      )}

      {result.scopesToAdd.length === 0 ? null : (
        <div className="scopes-to-add" data-testid="scopes-to-add">
          <p className="test-subtitle">Scopes to add to the app</p>
          <ul className="scope-list">
            {result.scopesToAdd.map((scope) => (
              <li key={scope} className="scope scope-add">
                <code>{scope}</code>
                <CopyButton value={scope} label={`Copy ${scope}`} />
              </li>
            ))}
          </ul>
        </div>
      )}

      <dl className="test-facts">
        <div>
          <dt>Token</dt>
          <dd>
            {result.tokenSource === 'stored'
              ? 'The stored access token'
              : failedAtToken
                ? `Not issued by ${result.oauthBase ?? 'the token endpoint'}`
                : `Fetched from ${result.oauthBase ?? 'the token endpoint'}${result.tokenExpiresAt === null ? '' : `, valid until ${formatDateTime(result.tokenExpiresAt)}`}`}
          </dd>
        </div>
        {result.scopes === null ? null : (
          <div>
            <dt>Scopes</dt>
            <dd>
              {result.scopes.length === 0 ? (
                'None'
              ) : (
                <ul className="scope-list scope-list-plain" aria-label="The token's scopes">
                  {result.scopes.map((scope) => (
                    <li key={scope} className="scope">
                      <code>{scope}</code>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        )}
        {result.httpStatus === null ? null : (
          <div>
            <dt>Zoom answered</dt>
            <dd data-field="http-status">
              HTTP {result.httpStatus}
              {result.zoomCode === null ? '' : `, code ${result.zoomCode}`}
            </dd>
          </div>
        )}
        {result.trackingId === null ? null : (
          <div>
            <dt>Tracking ID</dt>
            <dd data-field="tracking-id">
              <code>{result.trackingId}</code>
              <CopyButton value={result.trackingId} label="Copy tracking ID" />
            </dd>
          </div>
        )}
        <div>
          <dt>Took</dt>
          <dd>{formatDuration(result.durationMs)}</dd>
        </div>
      </dl>
    </section>
  );
}
