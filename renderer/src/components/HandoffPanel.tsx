import { useState } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import { api, type UiError } from '../api/client';
import { useNow } from '../hooks/use-now';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** How long main keeps a new password for the one copy (the agreed hand-off window). */
export const HANDOFF_WINDOW_MS = 120_000;

type CopyState =
  | { kind: 'ready' }
  | { kind: 'copying' }
  | { kind: 'copied'; clearsAt: string | null }
  | { kind: 'failed'; error: UiError };

function secondsUntil(iso: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

/**
 * After a successful change: the new password can be copied to the clipboard once (main writes it there and
 * clears it again after the configured time, if it still holds it), and a reminder that Zoom e-mails the user.
 */
export function HandoffPanel({ entry, onOpenSettings }: { entry: HistoryEntry; onOpenSettings: () => void }) {
  const [state, setState] = useState<CopyState>({ kind: 'ready' });
  const expiresAt = Date.parse(entry.at) + entry.durationMs + HANDOFF_WINDOW_MS;
  const counting = state.kind === 'ready' || (state.kind === 'copied' && state.clearsAt !== null);
  const now = useNow(counting);
  const expired = state.kind === 'ready' && now >= expiresAt;

  const copy = async () => {
    setState({ kind: 'copying' });
    const result = await api.copyNewPassword(entry.id);
    setState(result.ok ? { kind: 'copied', clearsAt: result.value.clearsAt } : { kind: 'failed', error: result.error });
  };

  return (
    <div className="handoff" data-testid="handoff">
      <div className="handoff-row">
        <button
          type="button"
          className="button"
          disabled={state.kind !== 'ready' || expired}
          aria-busy={state.kind === 'copying'}
          onClick={() => void copy()}
        >
          {state.kind === 'copying' ? (
            <Spinner />
          ) : (
            <Icon name={state.kind === 'copied' ? 'check' : 'copy'} size={16} />
          )}
          {state.kind === 'copied' ? 'Copied' : 'Copy new password'}
        </button>
        <p className="handoff-note" role="status" data-testid="handoff-status">
          <HandoffStatus state={state} now={now} expired={expired} expiresAt={expiresAt} />
        </p>
      </div>
      {state.kind === 'copied' && state.clearsAt === null ? (
        <button type="button" className="link handoff-settings" onClick={onOpenSettings}>
          Clear it automatically: Settings
        </button>
      ) : null}
    </div>
  );
}

function HandoffStatus({
  state,
  now,
  expired,
  expiresAt,
}: {
  state: CopyState;
  now: number;
  expired: boolean;
  expiresAt: number;
}) {
  switch (state.kind) {
    case 'ready':
      return expired ? (
        <>The app no longer holds the password (it keeps it for 2 minutes). Set a new one if it is needed.</>
      ) : (
        <>Can be copied once, in the next {secondsUntil(new Date(expiresAt).toISOString(), now)} s.</>
      );
    case 'copying':
      return <>Copying…</>;
    case 'copied':
      if (state.clearsAt === null) return <>On the clipboard. It is not cleared automatically.</>;
      return secondsUntil(state.clearsAt, now) > 0 ? (
        <>
          On the clipboard. The clipboard clears in <strong>{secondsUntil(state.clearsAt, now)} s</strong>.
        </>
      ) : (
        <>The clipboard was cleared (unless something else was copied since).</>
      );
    case 'failed':
      return (
        <span className="tone-danger">
          {state.error.message}
          {state.error.action === undefined ? '' : ` ${state.error.action}`}
        </span>
      );
  }
}
