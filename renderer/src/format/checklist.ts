import type { PasswordRuleResult } from '../../../shared/password/rules';

export type RuleState = 'pass' | 'fail' | 'pending';

export interface ChecklistItem {
  id: string;
  label: string;
  state: RuleState;
}

/** Turns rule results into checklist lines; nothing is marked failed before anything was typed. */
export function toChecklist(rules: readonly PasswordRuleResult[], typed: boolean): ChecklistItem[] {
  return rules.map((r) => ({ id: r.id, label: r.label, state: !typed ? 'pending' : r.ok ? 'pass' : 'fail' }));
}

/** The extra line for the confirmation field. */
export function matchItem(password: string, confirmation: string): ChecklistItem {
  const state: RuleState = confirmation === '' ? 'pending' : password === confirmation ? 'pass' : 'fail';
  return { id: 'match', label: 'Passwords match', state };
}
