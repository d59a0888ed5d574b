import path from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { DEFAULT_API_BASE, isLoopbackHost, normaliseApiBase } from '../node/zoom/api-base';
import { normaliseOAuthBase } from '../node/zoom/oauth-client';

/** The keychain service of the demo's token, kept apart from a real token. */
export const DEMO_KEYCHAIN_SERVICE = 'Zoom Password Admin (demo)';

export interface MainConfig {
  dataDir: string;
  /** The configured API base: ZPA_API_BASE_URL, else Zoom's. */
  apiBase: string;
  /** ZPA_API_BASE_URL when set: every account's API requests go there (tests, demo). */
  apiBaseOverride: string | undefined;
  /** ZPA_OAUTH_BASE_URL when set: every account's token requests go there (tests, demo). */
  oauthBaseOverride: string | undefined;
  demo: boolean;
  /** The simulator's CA certificate (PEM file), trusted for loopback hosts in demo mode only. */
  demoCaFile: string | null;
  /** The simulator's sample token (ZPA_DEMO_TOKEN), stored in the demo's keychain entry if none is. */
  demoToken: string | null;
  /** undefined: the vault's default service. */
  keychainService: string | undefined;
  /** Development build (not packaged): reload menu, response checks in the dispatcher. */
  dev: boolean;
}

const DEMO_HINT = 'Start the demo with "npm run demo", which starts the simulator and sets these for you.';

/**
 * Reads the app's settings from the environment. Plain Node (no Electron) so the rules are easy to
 * follow: ZPA_DATA_DIR beats userData (with a `demo` subfolder in demo mode), ZPA_API_BASE_URL beats
 * Zoom's default, and demo mode must point at a loopback simulator with its CA.
 */
export function readMainConfig(env: NodeJS.ProcessEnv, o: { userDataDir: string; packaged: boolean }): MainConfig {
  const demo = env['ZPA_DEMO'] === '1';
  const dataDirOverride = env['ZPA_DATA_DIR']?.trim();
  const dataDir = dataDirOverride
    ? path.resolve(dataDirOverride)
    : demo
      ? path.join(o.userDataDir, 'demo')
      : o.userDataDir;
  const apiBaseOverride = env['ZPA_API_BASE_URL']?.trim() ? normaliseApiBase(env['ZPA_API_BASE_URL']) : undefined;
  const apiBase = apiBaseOverride ?? DEFAULT_API_BASE;
  const oauthBaseOverride = env['ZPA_OAUTH_BASE_URL']?.trim()
    ? normaliseOAuthBase(env['ZPA_OAUTH_BASE_URL'])
    : undefined;
  const serviceOverride = env['ZPA_KEYCHAIN_SERVICE']?.trim();
  const keychainService = serviceOverride || (demo ? DEMO_KEYCHAIN_SERVICE : undefined);

  let demoCaFile: string | null = null;
  if (demo) {
    const caFile = env['ZPA_DEMO_CA_FILE']?.trim();
    if (!caFile) {
      throw new AppError('invalid_input', "Demo mode needs the simulator's CA certificate (ZPA_DEMO_CA_FILE).", {
        action: DEMO_HINT,
      });
    }
    // The demo token is a sample one: it must only ever go to the simulator on this computer.
    const tokenHost = oauthBaseOverride === undefined ? null : new URL(oauthBaseOverride).hostname;
    if (!isLoopbackHost(new URL(apiBase).hostname) || (tokenHost !== null && !isLoopbackHost(tokenHost))) {
      throw new AppError('invalid_input', 'Demo mode talks only to the Zoom simulator on this computer.', {
        action: `Set ZPA_API_BASE_URL (and ZPA_OAUTH_BASE_URL, if set) to the simulator's loopback addresses. ${DEMO_HINT}`,
      });
    }
    demoCaFile = path.resolve(caFile);
  }
  const demoToken = demo ? env['ZPA_DEMO_TOKEN']?.trim() || null : null;
  return {
    dataDir,
    apiBase,
    apiBaseOverride,
    oauthBaseOverride,
    demo,
    demoCaFile,
    demoToken,
    keychainService,
    dev: !o.packaged,
  };
}
