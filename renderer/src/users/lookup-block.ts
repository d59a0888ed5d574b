import type { LookupState } from '../hooks/use-user-lookup';

/** Why the lookup says Zoom would refuse the change (the button is disabled then); null when nothing blocks. */
export function lookupBlock(state: LookupState): { reason: string; code: number | null } | null {
  if (state.kind !== 'done') return null;
  const { lookup } = state;
  if (lookup.status === 'not_found') return { reason: lookup.reason, code: null };
  if (lookup.status === 'found' && !lookup.eligibility.eligible) {
    return {
      reason: lookup.eligibility.reason ?? 'Zoom does not let an admin set this user’s password.',
      code: lookup.eligibility.code,
    };
  }
  return null;
}

/** Words an attacker would try first for this user: their name and e-mail (or what was typed). */
export function strengthInputs(state: LookupState, typed: string): string[] {
  if (state.kind === 'done' && state.lookup.status === 'found') {
    const { user } = state.lookup;
    return [user.displayName, user.firstName, user.lastName, user.email].filter((w) => w.trim() !== '');
  }
  return typed.trim() === '' ? [] : [typed.trim()];
}
