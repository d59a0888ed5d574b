import { useCallback, useEffect, useState } from 'react';
import type { AccountPolicy } from '../../../shared/domain/policy';
import { api, type UiError } from '../api/client';

export interface PasswordPolicyState {
  /** The account's policy (or Zoom's basic rules, with the reason); null until the first answer. */
  policy: AccountPolicy | null;
  /** A read (first load or refresh) is under way. */
  loading: boolean;
  /** Main could not answer at all (the policy service falls back to basic rules by itself otherwise). */
  error: UiError | null;
  /** Reads the policy from Zoom again, past the cache. */
  refresh: () => void;
}

/** The password policy of the account the change runs against; read once per account, refreshed on demand. */
export function usePasswordPolicy(account: string | undefined): PasswordPolicyState {
  const [answer, setAnswer] = useState<{ key: string; policy: AccountPolicy | null; error: UiError | null } | null>(
    null,
  );
  const [round, setRound] = useState(0);
  const key = `${account ?? ''}\n${round}`;

  useEffect(() => {
    let live = true;
    void api.getPasswordPolicy(account, round > 0).then((result) => {
      if (!live) return;
      setAnswer(result.ok ? { key, policy: result.value, error: null } : { key, policy: null, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [key, account, round]);

  const refresh = useCallback(() => setRound((n) => n + 1), []);
  const current = answer?.key === key ? answer : null;
  // While a refresh runs, the rules already known stay in force (and on screen).
  const sameAccount = answer !== null && answer.key.split('\n')[0] === (account ?? '');
  return {
    policy: current?.policy ?? (sameAccount ? (answer?.policy ?? null) : null),
    loading: current === null,
    error: current?.error ?? null,
    refresh,
  };
}
