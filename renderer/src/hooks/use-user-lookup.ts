import { useCallback, useEffect, useState } from 'react';
import type { UserLookup } from '../../../shared/domain/users';
import { api, type UiError } from '../api/client';

/** Long enough that typing an address does not send a lookup per key, short enough to feel immediate. */
export const LOOKUP_DELAY_MS = 400;

export type LookupState =
  | { kind: 'idle' }
  | { kind: 'loading'; query: string }
  | { kind: 'done'; lookup: UserLookup }
  | { kind: 'error'; query: string; error: UiError };

/**
 * Looks the user up in Zoom once the typed value is a valid user id and has stopped changing (at once after a
 * pick). An answer counts only for the value, account and reload it was asked for, so the card always matches
 * the field.
 */
export function useUserLookup(
  query: string | null,
  account: string | undefined,
): { state: LookupState; lookupNow: (user: string) => void; reload: () => void } {
  const [answer, setAnswer] = useState<{ key: string; state: LookupState } | null>(null);
  const [immediate, setImmediate] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const key = `${account ?? ''}\n${query ?? ''}\n${round}`;

  useEffect(() => {
    if (query === null) return;
    let live = true;
    const timer = window.setTimeout(
      () => {
        void api.lookupUser(query, account).then((result) => {
          if (!live) return;
          setAnswer({
            key,
            state: result.ok ? { kind: 'done', lookup: result.value } : { kind: 'error', query, error: result.error },
          });
        });
      },
      immediate === query ? 0 : LOOKUP_DELAY_MS,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key, query, account, immediate]);

  const lookupNow = useCallback((user: string) => setImmediate(user.trim()), []);
  const reload = useCallback(() => {
    setImmediate(query);
    setRound((n) => n + 1);
  }, [query]);

  const state: LookupState =
    query === null ? { kind: 'idle' } : answer?.key === key ? answer.state : { kind: 'loading', query };
  return { state, lookupNow, reload };
}
