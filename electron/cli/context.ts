import { AppError, isAppError } from '../../shared/domain/errors';
import { createCore, type Core } from '../node/core';
import { resolveDataDir } from '../node/data-dir';
import { systemClock, type Clock, type Keychain, type Transport } from '../node/ports';
import { loadKeytar } from '../node/vault/keytar-keychain';
import { DEFAULT_API_BASE, normaliseApiBase } from '../node/zoom/api-base';
import { createNodeTransport } from '../node/zoom/node-transport';
import { normaliseOAuthBase, ZOOM_OAUTH_BASE } from '../node/zoom/oauth-client';
import type { CliIo, CliOutput } from './io';
import { Redactor } from './secrets';

/** What tests may replace; production passes nothing and gets keytar, global fetch and the system clock. */
export interface CliDeps {
  keychain?: Keychain | (() => Keychain);
  transport?: Transport;
  clock?: Clock;
}

/** Per-run state shared by the commands: streams (redacting), environment, and the core, built on first use. */
export class CliContext {
  readonly io: CliIo;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly redactor = new Redactor();
  readonly version: string;
  private readonly deps: CliDeps;
  private built: Core | null = null;

  constructor(io: CliIo, deps: CliDeps, version: string) {
    this.io = io;
    this.deps = deps;
    this.version = version;
    this.stdout = this.redactor.wrap(io.stdout);
    this.stderr = this.redactor.wrap(io.stderr);
  }

  /** Now, by the clock tests may replace. */
  now(): Date {
    return (this.deps.clock ?? systemClock).now();
  }

  get debug(): boolean {
    return this.io.env.ZPA_DEBUG === '1';
  }

  /**
   * The core, created on first use. The keychain is handed over lazily, so commands that never need the token
   * (history) never load keytar or talk to the Secret Service.
   */
  core(): Core {
    if (this.built === null) {
      const env = this.io.env;
      const keychainService = env.ZPA_KEYCHAIN_SERVICE?.trim();
      const overrides = urlOverridesFromEnv(env);
      this.built = createCore({
        dataDir: resolveDataDir({ env, platform: this.io.platform, homedir: this.io.homedir }),
        apiBase: overrides.apiBase ?? normaliseApiBase(DEFAULT_API_BASE),
        // Every account's requests go there instead of its own addresses (tests, the demo, proxies).
        ...(overrides.apiBase === undefined ? {} : { apiBaseOverride: overrides.apiBase }),
        ...(overrides.oauthBase === undefined ? {} : { oauthBaseOverride: overrides.oauthBase }),
        transport: this.deps.transport ?? createNodeTransport(),
        keychain: this.deps.keychain ?? loadKeytar,
        ...(this.deps.clock === undefined ? {} : { clock: this.deps.clock }),
        source: 'zpa',
        // The app applies the retention period at start; zpa may run once per password change in a
        // script, and must not re-read the whole history each time (`zpa history retention` applies it).
        applyRetention: false,
        ...(keychainService ? { keychainService } : {}),
        version: this.version,
      });
    }
    return this.built;
  }
}

/** The API base from ZPA_API_BASE_URL (default: Zoom's); a bad value is a usage error naming the variable. */
export function apiBaseFromEnv(env: NodeJS.ProcessEnv): string {
  return urlOverridesFromEnv(env).apiBase ?? normaliseApiBase(DEFAULT_API_BASE);
}

/**
 * ZPA_API_BASE_URL and ZPA_OAUTH_BASE_URL, checked and normalised (undefined when unset or blank). An unusable
 * value is AppError('invalid_input') naming the variable, so zpa exits 2 before anything is read or sent.
 */
export function urlOverridesFromEnv(env: NodeJS.ProcessEnv): { apiBase?: string; oauthBase?: string } {
  const apiBase = checkedUrl(env, 'ZPA_API_BASE_URL', normaliseApiBase, DEFAULT_API_BASE);
  const oauthBase = checkedUrl(env, 'ZPA_OAUTH_BASE_URL', normaliseOAuthBase, ZOOM_OAUTH_BASE);
  return {
    ...(apiBase === undefined ? {} : { apiBase }),
    ...(oauthBase === undefined ? {} : { oauthBase }),
  };
}

function checkedUrl(
  env: NodeJS.ProcessEnv,
  name: string,
  normalise: (url: string) => string,
  example: string,
): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return normalise(raw.trim());
  } catch (error) {
    const reason = isAppError(error) ? error.message : 'it is not a valid URL.';
    throw new AppError('invalid_input', `${name} is not usable: ${reason}`, {
      action: `Use an https URL such as ${example} (http only for loopback test servers), or unset it.`,
      cause: error,
    });
  }
}
