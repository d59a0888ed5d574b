import Conf from 'conf';
import type { StoreFactory } from './settings-store';

/**
 * The plain-Node settings store: `conf`, the library electron-store is built on (same file format),
 * so the app and `zpa` read and write the same `config.json`. Invalid files are never cleared here:
 * openSettingsStore moves them aside first.
 */
export const confStoreFactory: StoreFactory = ({ cwd, name }) =>
  new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false, configFileMode: 0o600 });
