/**
 * Accounts end to end: createCore with the real keychain (keytar on the Secret Service, a unique
 * service name per run) and the Zoom simulator over HTTPS with the test CA. Run inside
 * dbus-run-session with an unlocked gnome-keyring, NODE_EXTRA_CA_CERTS=<dir>/ca.pem and
 * ZPA_TEST_CA_DIR=<dir>; skipped (with the reason) without a keychain unless CI=true.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { createCore, type Core } from '../../electron/node/core';
import type { Transport } from '../../electron/node/ports';
import { confStoreFactory } from '../../electron/node/settings/conf-store';
import { loadKeytar } from '../../electron/node/vault/keytar-keychain';
import { TOKEN_ACCOUNT, TOKEN_STORED_AT_KEY } from '../../electron/node/vault/credential-vault';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { DEMO_TOKEN, SAMPLE, SAMPLE_OAUTH, uniqueValidPassword } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import { keychainUnavailableReason, uniqueKeychainService } from '../support/run-zpa';
import { filesContaining, tempDir } from '../support/temp-dir';

const KEYCHAIN_PROBLEM = await keychainUnavailableReason();
const IN_CI = process.env.CI === 'true';
const SKIP = KEYCHAIN_PROBLEM !== null && !IN_CI ? KEYCHAIN_PROBLEM : false;

interface KeytarList {
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}
const keytarList = (): KeytarList => createRequire(import.meta.url)('keytar') as KeytarList;

/**
 * Sends Zoom for Government's hosts to the simulator, keeping the URL asked for: that proves the
 * Gov account used Gov's addresses, and the simulator proves the calls arrived.
 */
function govToSimulator(sim: ZoomSimulator, asked: string[]): Transport {
  const real = createNodeTransport();
  return {
    send(request) {
      asked.push(request.url);
      const url = request.url
        .replace(/^https:\/\/api\.zoomgov\.com\//, `${sim.url}/`)
        .replace(/^https:\/\/zoomgov\.com\//, `${sim.url}/`);
      return real.send({ ...request, url });
    },
  };
}

describe('accounts end to end: createCore, the real keychain, the simulator', { skip: SKIP }, () => {
  let sim: ZoomSimulator;
  const services: string[] = [];
  const asked: string[] = [];
  const secrets = [SAMPLE_OAUTH.full.clientSecret, DEMO_TOKEN];
  /** A keychain service of its own for each test, so a failure in one cannot leave entries in another's. */
  const newService = (): string => {
    const service = uniqueKeychainService();
    services.push(service);
    return service;
  };
  const assertNoSecretOnDisk = (dir: string): void => {
    for (const secret of secrets) assert.deepEqual(filesContaining(dir, secret), [], 'a secret in the data folder');
  };

  const open = (dataDir: string, service: string): Core =>
    createCore({
      dataDir,
      apiBase: 'https://api.zoom.us/v2',
      transport: govToSimulator(sim, asked),
      keychain: loadKeytar,
      keychainService: service,
      source: 'zpa',
      version: '0.0.0-test',
      timeoutMs: 10_000,
    });

  before(async () => {
    assert.equal(KEYCHAIN_PROBLEM, null, `CI=true, but the keychain cannot be used: ${KEYCHAIN_PROBLEM}`);
    sim = await startZoomSimulator({
      rateLimit: { perSecond: 10_000 },
      maxChangesPer24h: 10_000,
      policy: { passwordHistoryCount: 0 },
    });
  });

  after(async () => {
    await sim?.stop();
    // Nothing of this run may stay in the keychain, whatever failed.
    const keytar = keytarList();
    for (const service of services) {
      for (const { account } of await keytar.findCredentials(service)) {
        await loadKeytar().deletePassword(service, account);
      }
    }
  });

  it('adds S2S (custom and Gov) and token accounts, uses each one’s addresses, removes them without a trace', async (t) => {
    const dataDir = tempDir(t);
    const service = newService();
    const core = open(dataDir, service);

    const custom = await core.accounts.add({
      name: 'Simulator S2S',
      cloud: 'custom',
      apiBase: sim.apiBase,
      oauthBase: sim.oauthBase,
      credential: { kind: 's2s', ...SAMPLE_OAUTH.full },
    });
    const gov = await core.accounts.add({
      name: 'Agency',
      cloud: 'gov',
      credential: { kind: 's2s', ...SAMPLE_OAUTH.full },
    });
    const pasted = await core.accounts.add({
      name: 'Pasted',
      cloud: 'custom',
      apiBase: sim.apiBase,
      oauthBase: sim.oauthBase,
      credential: { kind: 'token', token: DEMO_TOKEN },
    });
    assert.equal(custom.active, true);
    assert.equal(gov.apiBase, 'https://api.zoomgov.com/v2');

    // The custom S2S account: a token from the simulator's endpoint, then a change.
    const tokensBefore = sim.oauth.tokenRequests;
    const tested = await core.accounts.test();
    assert.equal(tested.ok, true, tested.message);
    assert.equal(tested.capabilities.changePasswords, 'allowed');
    const entry = await core.passwords.change({ user: SAMPLE.member, password: uniqueValidPassword() });
    assert.equal(entry.outcome, 'updated', entry.message);
    assert.equal(entry.account, 'Simulator S2S');
    assert.equal(entry.cloud, 'Custom');
    assert.equal(entry.apiBase, sim.apiBase);
    assert.equal(sim.oauth.tokenRequests - tokensBefore, 1, "the test's fresh token is kept for the change");

    // The Gov account: Gov's addresses are the ones asked for, and the simulator answered them.
    const seqBefore = sim.requests.length;
    const govEntry = await core.passwords.change({
      user: SAMPLE.member,
      password: uniqueValidPassword(),
      account: 'agency',
    });
    assert.equal(govEntry.outcome, 'updated', govEntry.message);
    assert.equal(govEntry.cloud, 'Zoom for Government');
    assert.equal(govEntry.apiBase, 'https://api.zoomgov.com/v2');
    assert.ok(asked.includes('https://zoomgov.com/oauth/token'), 'the Gov token endpoint');
    assert.ok(
      asked.includes(`https://api.zoomgov.com/v2/users/${encodeURIComponent(SAMPLE.member)}/password`),
      'the Gov API',
    );
    const seen = sim.requests.slice(seqBefore);
    assert.ok(seen.some((r) => r.method === 'PUT' && r.user === SAMPLE.member && r.status === 204));

    // The pasted-token account, by name.
    const pastedEntry = await core.passwords.change({
      user: SAMPLE.member,
      password: uniqueValidPassword(),
      account: 'Pasted',
    });
    assert.equal(pastedEntry.outcome, 'updated', pastedEntry.message);
    assert.equal(pastedEntry.account, 'Pasted');

    // Secrets only in the keychain: one entry per account.
    const entries = (await keytarList().findCredentials(service)).map((c) => c.account).sort();
    assert.deepEqual(
      entries,
      [`account:${custom.id}:client-secret`, `account:${gov.id}:client-secret`, `account:${pasted.id}:token`].sort(),
    );

    for (const ref of ['Simulator S2S', 'Agency', 'Pasted']) await core.accounts.remove(ref);
    assert.deepEqual(await keytarList().findCredentials(service), [], 'removal leaves no keychain entry');
    assert.deepEqual((await core.accounts.list()).accounts, []);
    assertNoSecretOnDisk(dataDir);
  });

  it('migrates a first-version token into "Default" without asking, and it works at once', async (t) => {
    const dataDir = tempDir(t);
    const service = newService();
    // What the first version left: the token under 'access-token', its date in config.json.
    await loadKeytar().setPassword(service, TOKEN_ACCOUNT, DEMO_TOKEN);
    const settings = confStoreFactory({ cwd: dataDir, name: 'config' });
    settings.set(TOKEN_STORED_AT_KEY, '2026-02-03T04:05:06.000Z');

    const core = createCore({
      dataDir,
      // The first version was pointed at the simulator: the migrated account keeps those addresses.
      apiBase: sim.apiBase,
      transport: createNodeTransport(),
      keychain: loadKeytar,
      keychainService: service,
      source: 'zpa',
      version: '0.0.0-test',
    });
    const { accounts, activeId } = await core.accounts.list();
    assert.equal(accounts.length, 1);
    const account = accounts[0];
    assert.equal(account?.name, 'Default');
    assert.equal(account?.id, activeId);
    assert.equal(account?.apiBase, sim.apiBase);
    assert.equal(account?.secretStoredAt, '2026-02-03T04:05:06.000Z');
    assert.equal(account?.secretStored, true);
    assert.equal(await loadKeytar().getPassword(service, TOKEN_ACCOUNT), null, 'the old entry is gone');
    assert.ok(core.notices().some((n) => n.id === 'accounts-migrated-token'));

    const entry = await core.passwords.change({ user: SAMPLE.member, password: uniqueValidPassword() });
    assert.equal(entry.outcome, 'updated', entry.message);
    assert.equal(entry.account, 'Default');
    assert.deepEqual(await core.vault.status(), { stored: true, storedAt: '2026-02-03T04:05:06.000Z' });

    await core.accounts.remove('Default');
    assert.deepEqual(await keytarList().findCredentials(service), []);
    assertNoSecretOnDisk(dataDir);
  });
});
