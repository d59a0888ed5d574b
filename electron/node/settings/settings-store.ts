import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import type { Notice } from '../../../shared/ipc/contract';
import { systemClock, type Clock, type KeyValueStore } from '../ports';
import { describeError, errorCode, freeBackupPath } from './backup-file';
import { confStoreFactory } from './conf-store';

/** Opens the key/value file `<cwd>/<name>.json`: conf in plain Node, electron-store in Electron. */
export type StoreFactory = (o: { cwd: string; name: string }) => KeyValueStore;

export const SETTINGS_NAME = 'config';

/**
 * Opens `<dataDir>/config.json`. A file that is not a JSON object is never cleared silently: it is
 * moved aside to `config.corrupt-<timestamp>.json`, a fresh store is opened, and a warning notice
 * says where the copy is and what was reset. The same happens if the file breaks while in use.
 */
export function openSettingsStore(o: { dataDir: string; factory?: StoreFactory; clock?: Clock }): {
  store: KeyValueStore;
  notices: Notice[];
} {
  const notices: Notice[] = [];
  const opener = new SettingsOpener(o.dataDir, o.factory ?? confStoreFactory, o.clock ?? systemClock, notices);
  return { store: new RecoveringStore(opener), notices };
}

class SettingsOpener {
  readonly file: string;

  constructor(
    readonly dataDir: string,
    private readonly factory: StoreFactory,
    private readonly clock: Clock,
    private readonly notices: Notice[],
  ) {
    this.file = path.join(dataDir, `${SETTINGS_NAME}.json`);
  }

  open(): KeyValueStore {
    try {
      fs.mkdirSync(this.dataDir, { recursive: true });
    } catch (error) {
      throw storageError(`The data folder ${this.dataDir} could not be created: ${describeError(error)}.`, error);
    }
    const problem = this.problemWithFile();
    if (problem !== null) this.moveAside(problem);
    try {
      return this.factory({ cwd: this.dataDir, name: SETTINGS_NAME });
    } catch (error) {
      // Broken between our check and the factory's read (another process): recover once more.
      if (!(error instanceof SyntaxError)) throw readError(this.file, error);
      this.moveAside('it is not valid JSON');
      return this.factory({ cwd: this.dataDir, name: SETTINGS_NAME });
    }
  }

  /** Why the file cannot be used as settings, or null when it can (or does not exist yet). */
  private problemWithFile(): string | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw readError(this.file, error);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return text.trim() === '' ? 'it is empty' : 'it is not valid JSON';
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return 'it does not hold a JSON object';
    }
    return null;
  }

  moveAside(reason: string): void {
    const backup = freeBackupPath(this.dataDir, `${SETTINGS_NAME}.corrupt`, '.json', this.clock.now());
    try {
      fs.renameSync(this.file, backup);
    } catch (error) {
      // Another process (app or zpa) moved it first and reports it itself.
      if (errorCode(error) === 'ENOENT') return;
      throw storageError(
        `The settings file ${this.file} is damaged (${reason}) and could not be moved aside: ${describeError(error)}.`,
        error,
        `Move or delete ${this.file} yourself, then start again.`,
      );
    }
    this.notices.push({
      id: `settings-reset:${path.basename(backup)}`,
      level: 'warning',
      message:
        `The settings file could not be read (${reason}), so the settings were reset: the date the token was ` +
        `stored and the list of recent users. The old file was kept as ${backup}.`,
      action:
        'Nothing else was affected: the token stays in the system keychain and the history is kept separately. ' +
        'Delete the copy once you no longer need it.',
    });
  }
}

/** Delegates to the real store; if the file breaks while in use, moves it aside and carries on. */
class RecoveringStore implements KeyValueStore {
  private inner: KeyValueStore;

  constructor(private readonly opener: SettingsOpener) {
    this.inner = opener.open();
  }

  get(key: string): unknown {
    return this.run(() => this.inner.get(key));
  }

  set(key: string, value: unknown): void {
    this.run(() => this.inner.set(key, value));
  }

  delete(key: string): void {
    this.run(() => this.inner.delete(key));
  }

  private run<T>(operation: () => T): T {
    try {
      return operation();
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw readError(this.opener.file, error);
    }
    this.opener.moveAside('it is not valid JSON');
    this.inner = this.opener.open();
    try {
      return operation();
    } catch (error) {
      throw readError(this.opener.file, error);
    }
  }
}

function readError(file: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  return storageError(`The settings file ${file} could not be read or written: ${describeError(error)}.`, error);
}

function storageError(message: string, cause: unknown, action?: string): AppError {
  return new AppError('storage_error', message, {
    cause,
    action: action ?? 'Check that the data folder exists, is writable by you and that the disk is not full.',
  });
}
