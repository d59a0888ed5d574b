import type { AccountPolicy } from '../../../shared/domain/policy';
import { formatWhen, oneLine } from '../format';

/** Which rules apply, in one line: the account's own policy (as of when), or Zoom's basic rules and why. */
export function policyLine(p: AccountPolicy): string {
  if (p.source === 'account') {
    return `Password policy of the account "${oneLine(p.account)}"${p.asOf === null ? '' : ` as of ${formatWhen(p.asOf)}`}.`;
  }
  return `Zoom's basic rules (account "${oneLine(p.account)}"): ${oneLine(p.reason ?? 'the account policy is unknown.')}`;
}
