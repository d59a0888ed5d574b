import type { Outcome } from '../../../shared/domain/outcome';
import type { IconName } from '../components/Icon';

export type Tone = 'success' | 'danger' | 'warning' | 'neutral';

/** How each outcome looks: colour family and icon. */
export const OUTCOME_STYLE: Readonly<Record<Outcome, { tone: Tone; icon: IconName }>> = {
  updated: { tone: 'success', icon: 'check-circle' },
  rejected: { tone: 'danger', icon: 'x-circle' },
  not_found: { tone: 'warning', icon: 'user-x' },
  unauthorized: { tone: 'danger', icon: 'shield-x' },
  rate_limited: { tone: 'warning', icon: 'clock' },
  failed: { tone: 'danger', icon: 'alert' },
  unknown: { tone: 'warning', icon: 'help' },
};

/** The result panel's headline for each outcome. */
export const OUTCOME_HEADLINES: Readonly<Record<Outcome, string>> = {
  updated: 'Password changed',
  rejected: 'Zoom refused the new password',
  not_found: 'Zoom has no such user',
  unauthorized: 'Zoom refused the access token',
  rate_limited: 'Too many requests: Zoom asked to wait',
  failed: 'The change did not go through',
  unknown: 'Outcome unknown: it may have applied',
};
