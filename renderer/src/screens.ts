import type { IconName } from './components/Icon';

/** The app's screens, in sidebar order; Ctrl/Cmd+1..5 follow the same order (Bulk came last, so 1-4 kept theirs). */
export const SCREENS = ['change-password', 'history', 'settings', 'accounts', 'bulk'] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_META: Readonly<Record<Screen, { label: string; title: string; icon: IconName }>> = {
  'change-password': { label: 'Change password', title: 'Change password', icon: 'key' },
  history: { label: 'History', title: 'History', icon: 'history' },
  settings: { label: 'Settings', title: 'Settings', icon: 'settings' },
  accounts: { label: 'Accounts', title: 'Zoom accounts', icon: 'building' },
  bulk: { label: 'Bulk', title: 'Bulk password changes', icon: 'layers' },
};
