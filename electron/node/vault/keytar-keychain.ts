import { createRequire } from 'node:module';
import { AppError } from '../../../shared/domain/errors';
import type { Keychain } from '../ports';

let loaded: Keychain | undefined;

/**
 * The OS keychain through keytar, loaded on first use: keytar is a native module kept external to
 * the ESM bundles, and the app must still start (and show its history) when it cannot load.
 * A load failure becomes AppError('keychain_unavailable') with what to do about it.
 * `o.require` stands in for Node's require (tests); the real module is loaded once.
 */
export function loadKeytar(o: { require?: (id: string) => unknown } = {}): Keychain {
  if (o.require) return fromModule(o.require);
  loaded ??= fromModule(createRequire(import.meta.url));
  return loaded;
}

function fromModule(load: (id: string) => unknown): Keychain {
  let module: unknown;
  try {
    module = load('keytar');
  } catch (error) {
    throw keytarLoadError(error instanceof Error ? error.message : String(error));
  }
  const keytar = (isKeychain(module) ? module : (module as { default?: unknown } | null)?.default) as unknown;
  if (!isKeychain(keytar)) throw keytarLoadError('the module does not provide getPassword/setPassword/deletePassword');
  return {
    getPassword: (service, account) => keytar.getPassword(service, account),
    setPassword: (service, account, password) => keytar.setPassword(service, account, password),
    deletePassword: (service, account) => keytar.deletePassword(service, account),
  };
}

function isKeychain(value: unknown): value is Keychain {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['getPassword'] === 'function' &&
    typeof v['setPassword'] === 'function' &&
    typeof v['deletePassword'] === 'function'
  );
}

function keytarLoadError(detail: string): AppError {
  const reinstall =
    'reinstall Zoom Password Admin; from a source checkout run `npm ci` so keytar is built for this machine.';
  return new AppError(
    'keychain_unavailable',
    `The keychain library (keytar) could not be loaded, so the system keychain cannot be used: ${detail}.`,
    {
      action:
        process.platform === 'linux'
          ? `Install libsecret (e.g. \`sudo apt-get install libsecret-1-0\`), then ${reinstall}`
          : `Re${reinstall.slice(2)}`,
    },
  );
}
