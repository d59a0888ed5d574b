import type { PasswordCheck } from '../../../shared/password/rules';

/** The footer's one line: what is still missing before the change can be sent, or that it is ready. */
export function submitHint(o: {
  pending: boolean;
  userOk: boolean;
  blocked: boolean;
  password: string;
  check: PasswordCheck;
  matches: boolean;
}): string {
  if (o.pending) return 'Waiting for Zoom…';
  if (!o.userOk) return 'Enter the user first, or browse the account’s users.';
  if (o.blocked) return 'Zoom would refuse this change (see the user above). Send anyway only if you know better.';
  if (o.password === '') return 'Type the new password twice, or generate one.';
  if (!o.check.ok) return 'The new password does not meet all of the rules yet.';
  if (!o.matches) return 'The two passwords do not match.';
  return 'Ready. Press Enter or click Change password.';
}
