import Store from 'electron-store';
import type { StoreFactory } from '../node/settings/settings-store';

/**
 * Settings through electron-store: the same file format as conf, which zpa uses on the same file.
 * An invalid file is never cleared here: openSettingsStore moves it aside and says so first.
 */
export const electronStoreFactory: StoreFactory = ({ cwd, name }) =>
  new Store<Record<string, unknown>>({ cwd, name, clearInvalidConfig: false, configFileMode: 0o600 });
