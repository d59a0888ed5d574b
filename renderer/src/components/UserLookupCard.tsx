import type { ReactNode } from 'react';
import type { UserLookup, ZoomUserView } from '../../../shared/domain/users';
import type { LookupState } from '../hooks/use-user-lookup';
import { formatAsOf, formatDateTime } from '../format/time';
import { statusLabel, statusTone, userName } from '../users/user-format';
import { EligibilityBlock } from './EligibilityBlock';
import { Icon } from './Icon';
import { Spinner } from './Spinner';
import { UserAvatar } from './UserAvatar';

interface SendAnyway {
  canSend: boolean;
  sending: boolean;
  onSendAnyway: () => void;
}

/**
 * Who the change is for, as Zoom knows them: name, e-mail, type, status, role and sign-in methods, with the
 * verdict on whether Zoom will let an admin set the password. Shown as soon as the typed user is looked up.
 */
export function UserLookupCard({
  state,
  onReload,
  sendAnyway,
}: {
  state: LookupState;
  onReload: () => void;
  sendAnyway: SendAnyway;
}) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'loading') {
    return (
      <div className="user-card user-card-loading" data-testid="user-card" data-status="loading" aria-busy="true">
        <Spinner />
        <span>
          Looking up <strong className="break-all">{state.query}</strong> in Zoom…
        </span>
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <Unavailable
        query={state.query}
        reason={state.error.message}
        action={state.error.action ?? null}
        onReload={onReload}
      />
    );
  }
  const { lookup } = state;
  if (lookup.status === 'unavailable') {
    return (
      <Unavailable query={lookup.query} reason={lookup.reason} action={lookup.action ?? null} onReload={onReload} />
    );
  }
  if (lookup.status === 'not_found') {
    return (
      <div className="user-card user-card-missing" data-testid="user-card" data-status="not_found">
        <CardHeading asOf={lookup.asOf} onReload={onReload}>
          <span className="icon-disc tone-warning">
            <Icon name="user-x" size={20} />
          </span>
          <div className="user-card-who">
            <p className="user-card-name">No such user in Zoom</p>
            <p className="user-card-email break-all">{lookup.query}</p>
          </div>
        </CardHeading>
        <EligibilityBlock
          title="Zoom would answer that there is no such user"
          reason={lookup.reason}
          code={1001}
          {...sendAnyway}
        />
      </div>
    );
  }
  return <FoundCard lookup={lookup} onReload={onReload} sendAnyway={sendAnyway} />;
}

function FoundCard({
  lookup,
  onReload,
  sendAnyway,
}: {
  lookup: Extract<UserLookup, { status: 'found' }>;
  onReload: () => void;
  sendAnyway: SendAnyway;
}) {
  const { user, eligibility } = lookup;
  return (
    <div
      className="user-card"
      data-testid="user-card"
      data-status="found"
      data-eligible={eligibility.eligible ? 'true' : 'false'}
    >
      <CardHeading asOf={lookup.asOf} onReload={onReload}>
        <UserAvatar user={user} />
        <div className="user-card-who">
          <p className="user-card-name" data-field="user-name">
            {userName(user)}
          </p>
          <p className="user-card-email break-all" data-field="user-email">
            {user.email || 'No e-mail address'}
          </p>
        </div>
      </CardHeading>
      <UserFacts user={user} />
      {eligibility.eligible ? (
        <p className="eligibility eligibility-ok" data-testid="eligibility" data-eligible="true">
          <Icon name="shield-check" size={16} />
          Zoom lets an admin set this user’s password.
        </p>
      ) : (
        <EligibilityBlock
          title="Zoom would refuse this change"
          reason={eligibility.reason ?? 'Zoom does not let an admin set this user’s password.'}
          code={eligibility.code}
          {...sendAnyway}
        />
      )}
    </div>
  );
}

function UserFacts({ user }: { user: ZoomUserView }) {
  const tone = statusTone(user.status);
  return (
    <dl className="user-facts">
      <div>
        <dt>Type</dt>
        <dd data-field="user-type">{user.typeLabel}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd data-field="user-status">
          <span className={`status-dot tone-${tone}`} aria-hidden="true" />
          {statusLabel(user.status)}
        </dd>
      </div>
      <div>
        <dt>Role</dt>
        <dd data-field="user-role">{user.roleName ?? 'Unknown'}</dd>
      </div>
      <div className="user-fact-wide">
        <dt>Signs in with</dt>
        <dd data-field="user-login">{user.loginMethods}</dd>
      </div>
      <div className="user-fact-wide">
        <dt>Zoom user ID</dt>
        <dd className="mono break-all" data-field="user-id">
          {user.id}
        </dd>
      </div>
    </dl>
  );
}

function CardHeading({ asOf, onReload, children }: { asOf: string; onReload: () => void; children: ReactNode }) {
  return (
    <div className="user-card-heading">
      {children}
      <span className="user-card-asof">
        <time dateTime={asOf} title={formatDateTime(asOf)}>
          As of {formatAsOf(asOf)}
        </time>
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="Look the user up again"
          // Lookups follow the field by themselves; this is a mouse shortcut, kept out of the Tab order.
          tabIndex={-1}
          title="Look up again"
          onClick={onReload}
        >
          <Icon name="refresh" size={14} />
        </button>
      </span>
    </div>
  );
}

function Unavailable({
  query,
  reason,
  action,
  onReload,
}: {
  query: string;
  reason: string;
  action: string | null;
  onReload: () => void;
}) {
  return (
    <div className="user-card user-card-unavailable" data-testid="user-card" data-status="unavailable">
      <div className="user-card-heading">
        <span className="icon-disc tone-neutral">
          <Icon name="info" size={20} />
        </span>
        <div className="user-card-who">
          <p className="user-card-name">Not checked with Zoom</p>
          <p className="user-card-email break-all">{query}</p>
        </div>
        <button type="button" className="button button-small" onClick={onReload}>
          <Icon name="refresh" size={14} />
          Try again
        </button>
      </div>
      <div className="user-card-notes">
        <p>{reason}</p>
        {action === null ? null : <p>{action}</p>}
        <p className="user-card-still">You can still send the change: Zoom will answer for this user.</p>
      </div>
    </div>
  );
}
