import { after, before } from 'node:test';
import { createCore, type Core } from '../../electron/node/core';
import type { Keychain } from '../../electron/node/ports';
import { loadKeytar } from '../../electron/node/vault/keytar-keychain';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { DEMO_TOKEN, SAMPLE_USERS } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator, type SimRequestRecord } from '../simulator/zoom-simulator';
import type { SimPolicy, SimUserSeed } from '../simulator/sim-types';
import { MemoryKeychain } from './memory-keychain';
import { keychainUnavailableReason, uniqueKeychainService } from './run-zpa';
import { tempDir } from './temp-dir';

/**
 * The strict account policy issue 5's tests run against: a long minimum, a special character, a
 * consecutive-characters limit and Zoom's weak-password dictionary. No password history, so the
 * thousands of accepted passwords are judged by the rules alone.
 */
export const STRICT_POLICY: Readonly<SimPolicy> = Object.freeze({
  minimumPasswordLength: 14,
  haveSpecialCharacter: true,
  consecutiveCharactersLength: 4,
  weakEnhanceDetection: true,
  passwordHistoryCount: 0,
});

/** A pending user whose invitation has not expired (the sample only has an expired one). */
export const PENDING_USER: SimUserSeed = {
  id: 'Pn0dD1iI2nN3gG4oO5kK6a',
  email: 'paula.pending@northwind.example',
  firstName: 'Paula',
  lastName: 'Meier',
  status: 'pending',
};

export const STRICT_USERS: readonly SimUserSeed[] = [...SAMPLE_USERS, PENDING_USER];

/** Simulator options for the strict account: generous limits, so only the rules refuse. */
export const STRICT_SIM_OPTIONS = {
  users: STRICT_USERS,
  policy: STRICT_POLICY,
  rateLimit: { perSecond: 100_000 },
  maxChangesPer24h: 1_000_000,
} as const;

/** The password changes the simulator received (PUT /users/{id}/password). */
export function passwordPuts(sim: ZoomSimulator): SimRequestRecord[] {
  return sim.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/password'));
}

/** The real keychain (keytar) when a Secret Service answers, else an in-memory one; and its service name. */
export async function testKeychain(): Promise<{
  keychain: Keychain | (() => Keychain);
  service: string;
  real: boolean;
}> {
  const service = uniqueKeychainService();
  const real = (await keychainUnavailableReason()) === null;
  return { keychain: real ? () => loadKeytar() : new MemoryKeychain(), service, real };
}

/** A core on `dataDir` whose every request goes to the simulator. */
export function simCore(o: {
  sim: ZoomSimulator;
  dataDir: string;
  keychain: Keychain | (() => Keychain);
  service: string;
  source?: 'app' | 'zpa';
}): Core {
  return createCore({
    dataDir: o.dataDir,
    apiBase: o.sim.apiBase,
    transport: createNodeTransport(),
    keychain: o.keychain,
    keychainService: o.service,
    source: o.source ?? 'app',
    version: '0.0.0-test',
    timeoutMs: 10_000,
  });
}

/**
 * For a describe block: before its tests, the strict simulator and a core on a fresh data folder with the
 * demo token stored (handed to `ready`); after them, the token cleared and the simulator stopped.
 */
export function useStrictSimCore(dataDirPrefix: string, ready: (s: { sim: ZoomSimulator; core: Core }) => void): void {
  let sim: ZoomSimulator | undefined;
  let core: Core | undefined;
  const dataDir = tempDir({ after }, dataDirPrefix);
  before(async () => {
    sim = await startZoomSimulator(STRICT_SIM_OPTIONS);
    const { keychain, service } = await testKeychain();
    core = simCore({ sim, dataDir, keychain, service });
    await core.vault.setToken(DEMO_TOKEN);
    ready({ sim, core });
  });
  after(async () => {
    await core?.vault.clearToken().catch(() => undefined);
    await sim?.stop();
  });
}
