/**
 * The renderer cannot reach secrets. The BUILT preload (dist/preload/preload.cjs) is run the way a
 * sandboxed preload runs (its own context, a require that knows only `electron`) against a stand-in
 * contextBridge and ipcRenderer, whose invoke goes through structured clone into the real dispatcher,
 * handler table and core, talking to the Zoom simulator. Everything the preload exposes is enumerated
 * and called with valid requests, with a pasted token and a Server-to-Server client secret in the
 * keychain and a password set: no answer (nor an exported file) holds any of them, and no call can
 * make the app send requests, and so a stored secret, to another address.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import vm from 'node:vm';
import { BRIDGE_GLOBAL } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import { APP_ORIGIN } from '../../electron/node/app-assets';
import { createCore, type Core } from '../../electron/node/core';
import { createDispatcher, createSenderPolicy } from '../../electron/node/ipc/dispatch';
import { createHandlerTable } from '../../electron/node/ipc/handler-table';
import type { Transport } from '../../electron/node/ports';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { SAMPLE, SAMPLE_ACCOUNT_ID, SAMPLE_OAUTH_APPS, SAMPLE_TOKENS } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import { ensureMainBuilt, PRELOAD_BUNDLE, requireTestCaDir } from '../support/fake-electron/main-build';
import { MemoryKeychain } from '../support/memory-keychain';
import { listFiles, tempDir } from '../support/temp-dir';
import { canaryPassword, canarySecrets, contractMethods, recordingShell, validPayloads } from './ipc-surface';

type Api = Record<string, (...args: unknown[]) => Promise<IpcResult<unknown>>>;

const secrets = canarySecrets();
const addedToken = `${secrets.token}-added`;
// A bulk import with a password column: the preview and results must not carry it back either.
const bulkPassword = canaryPassword();
const work = tempDir({ after }, 'zpa-renderer-secrets-');
const dataDir = path.join(work, 'data');
const saveDir = path.join(work, 'saved');
// The import file holds a password on purpose, so it lives outside the kept test folder (which the
// secret-leak scan searches after the suite) and is removed at the end.
const inputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zpa-renderer-secrets-input-'));
after(() => fs.rmSync(inputDir, { recursive: true, force: true }));
const bulkFile = path.join(inputDir, 'users.csv');
const keychain = new MemoryKeychain();
const desktop = recordingShell(saveDir, bulkFile);
const requestedUrls: string[] = [];
const exposed = new Map<string, unknown>();
const invokeArgs: unknown[][] = [];
let sim: ZoomSimulator;
let core: Core;
let api: Api;

/** Runs the built preload as Electron runs a sandboxed one; returns what it exposed. */
function loadPreload(invoke: (channel: string, payload: unknown) => Promise<unknown>): void {
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, value: unknown) {
        assert.ok(!exposed.has(key), `${key} exposed twice`);
        exposed.set(key, value);
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        invokeArgs.push(args);
        // Both ways are structured clones in Electron: nothing but data crosses.
        return invoke(channel, structuredClone(args[0])).then((answer) => structuredClone(answer));
      },
    },
  };
  const sandboxRequire = (id: string): unknown => {
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  const code = fs.readFileSync(PRELOAD_BUNDLE, 'utf8');
  const module = { exports: {} };
  const wrapper = vm.runInNewContext(
    `(function (require, module, exports) {\n${code}\n})`,
    {},
    {
      filename: PRELOAD_BUNDLE,
    },
  ) as (r: typeof sandboxRequire, m: typeof module, e: unknown) => void;
  wrapper(sandboxRequire, module, module.exports);
}

function allSecrets(): string[] {
  return [
    secrets.token,
    secrets.clientSecret,
    secrets.password,
    addedToken,
    bulkPassword,
    ...sim.oauth.issued.map((t) => t.token),
  ];
}

function assertNoSecret(text: string, what: string): void {
  for (const secret of allSecrets()) assert.ok(!text.includes(secret), `${what} holds a secret`);
}

before(async () => {
  ensureMainBuilt();
  fs.mkdirSync(saveDir);
  fs.writeFileSync(bulkFile, `email,password\n${SAMPLE.plusEmail},${bulkPassword}\n`);
  sim = await startZoomSimulator({
    caDir: requireTestCaDir(),
    rateLimit: { perSecond: 10_000 },
    tokens: [
      ...SAMPLE_TOKENS,
      {
        token: secrets.token,
        accountId: SAMPLE_ACCOUNT_ID,
        userId: SAMPLE.owner,
        scopes: [...(SAMPLE_TOKENS[0]?.scopes ?? [])],
      },
    ],
    oauth: {
      apps: SAMPLE_OAUTH_APPS.map((app, i) => (i === 0 ? { ...app, clientSecret: secrets.clientSecret } : app)),
    },
  });
  const real = createNodeTransport();
  const transport: Transport = {
    send(request) {
      requestedUrls.push(request.url);
      return real.send(request);
    },
  };
  core = createCore({
    dataDir,
    apiBase: 'https://api.zoom.us/v2',
    transport,
    keychain,
    keychainService: 'zpa-renderer-secrets',
    source: 'app',
    version: '0.1.0',
    timeoutMs: 10_000,
  });
  const urls = { cloud: 'custom' as const, apiBase: sim.apiBase, oauthBase: sim.oauthBase };
  await core.accounts.add({ name: 'Pasted', ...urls, credential: { kind: 'token', token: secrets.token } });
  const full = SAMPLE_OAUTH_APPS[0];
  assert.ok(full !== undefined);
  await core.accounts.add(
    {
      name: 'Acme',
      ...urls,
      credential: {
        kind: 's2s',
        accountId: full.accountId,
        clientId: full.clientId,
        clientSecret: secrets.clientSecret,
      },
    },
    { activate: true },
  );
  const dispatch = createDispatcher(createHandlerTable(core, desktop.shell), createSenderPolicy(APP_ORIGIN), {
    checkResponses: true,
  });
  loadPreload((channel, payload) =>
    dispatch(channel, { frameUrl: 'zpa://app/index.html', isMainFrame: true }, payload),
  );
  api = exposed.get(BRIDGE_GLOBAL) as Api;
});

after(async () => {
  await sim?.stop();
});

describe('what the preload exposes', () => {
  it('one frozen object, window.zpa, with exactly one function per contract method', () => {
    assert.deepEqual([...exposed.keys()], [BRIDGE_GLOBAL], 'nothing but window.zpa');
    assert.ok(api !== null && typeof api === 'object');
    assert.ok(Object.isFrozen(api), 'the page cannot replace a method');
    const methods = contractMethods().map(([m]) => m);
    assert.deepEqual(Reflect.ownKeys(api).map(String).sort(), [...methods].sort(), 'exactly the contract');
    for (const method of methods) assert.equal(typeof api[method], 'function', method);
    // A plain object of its context: nothing (ipcRenderer, invoke) hidden on its prototype chain.
    const proto = Object.getPrototypeOf(api) as object;
    assert.equal(Object.getPrototypeOf(proto), null);
    assert.deepEqual(Object.getOwnPropertyNames(proto).sort(), Object.getOwnPropertyNames(Object.prototype).sort());
    assert.ok(!('ipcRenderer' in api) && !('invoke' in api) && !('send' in api));
  });

  it('passes only the request on: extra arguments never reach main', async () => {
    const before = invokeArgs.length;
    await api['getTokenStatus']?.(undefined, 'app:get-info', { channel: 'token:set' });
    assert.deepEqual(invokeArgs.slice(before), [[undefined]]);
  });
});

describe('no answer holds a secret', () => {
  it('with a token, a client secret and a new password in play, every method answers without them', async () => {
    const first = await api['changePassword']?.({ user: SAMPLE.memberEmail, password: secrets.password });
    assert.ok(first?.ok, JSON.stringify(first));
    const entryId = first.ok ? (first.value as { entry: { id: string } }).entry.id : '';
    assert.ok(sim.state.passwordMatches(SAMPLE.memberEmail, secrets.password), 'Zoom holds the password');

    // Ids that only earlier answers give (the bulk import and run) are filled in as they come.
    const context = {
      secrets,
      user: SAMPLE.memberEmail,
      tokenAccount: 'Pasted',
      s2sAccount: 'Acme',
      apiBase: sim.apiBase,
      oauthBase: sim.oauthBase,
      entryId,
      importId: '',
      runId: '',
    };
    const methods = contractMethods().map(([m]) => m);
    const missing = methods.filter((m) => !(m in validPayloads(context)));
    const failed: string[] = [];
    for (const method of Object.keys(validPayloads(context)).filter((m) => methods.includes(m))) {
      // changePassword sends the same password again: Zoom refuses it, and the answer must not repeat it.
      const result = await api[method]?.(validPayloads(context)[method]);
      assertNoSecret(JSON.stringify(result), `the answer of ${method}`);
      const value = result?.ok === true ? (result.value as { importId?: unknown; runId?: unknown } | null) : null;
      if (typeof value?.importId === 'string') context.importId = value.importId;
      if (typeof value?.runId === 'string') context.runId = value.runId;
      if (method === 'startBulkRun') await waitForRun(context.runId);
      // A typed answer from the handler (e.g. "this run is not paused") still exercised it; a refusal
      // at the gate or an internal error did not.
      if (
        !result?.ok &&
        ['invalid_request', 'internal', 'unknown_channel'].includes(result?.error.code ?? 'internal')
      ) {
        failed.push(`${method}: ${JSON.stringify(result)}`);
      }
    }
    if (methods.includes('startBulkRun')) {
      assert.ok(sim.state.passwordMatches(SAMPLE.plusEmail, bulkPassword), 'the bulk run set the password');
    }
    assert.deepEqual(missing, [], 'methods without a valid request in test/security/ipc-surface.ts: add one');
    assert.deepEqual(failed, [], 'every call did its work (a refused call proves little)');
  });

  /** Waits until the bulk run has no row left to send (so its answers can be checked whole). */
  async function waitForRun(runId: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const status = await api['getBulkRun']?.({ runId });
      const state = status?.ok === true ? (status.value as { state?: string }).state : undefined;
      if (state !== undefined && state !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('nothing the renderer can have main write holds one either (exports, settings, history)', () => {
    // The bulk import (the user's own file, holding a password by design) is kept outside `work`.
    const files = listFiles(work);
    assert.ok(
      files.some((f) => f.startsWith(saveDir)),
      'an export was written',
    );
    for (const file of files) assertNoSecret(fs.readFileSync(file, 'latin1'), file);
  });
});

describe('the renderer cannot send requests (and a stored secret) elsewhere', () => {
  const evil = { apiBase: 'https://127.0.0.1:9/v2', oauthBase: 'https://127.0.0.1:9/oauth/token' };

  it('no method takes an address: an extra field is refused before any handler runs', async () => {
    const withAddress = (payload: unknown, key: string) =>
      payload !== null && typeof payload === 'object' ? { ...payload, [key]: evil.apiBase } : { [key]: evil.apiBase };
    for (const [method] of contractMethods()) {
      // These two take an account's addresses, with a new secret: checked in the next test.
      if (method === 'addAccount' || method === 'editAccount') continue;
      for (const key of ['apiBase', 'oauthBase', 'baseUrl', 'url', 'host']) {
        if (method === 'openExternal' && key === 'url') continue;
        const result = await api[method]?.(withAddress({}, key));
        assert.equal(result?.ok, false, `${method} accepted ${key}`);
        assert.equal(!result?.ok && result?.error.code, 'invalid_request', `${method} with ${key}`);
      }
    }
  });

  it("editing an account's addresses without entering its secret again is refused; nothing changes", async () => {
    const before = JSON.stringify(await core.accounts.list());
    const keychainBefore = JSON.stringify([...keychain.entries]);
    const patches: unknown[] = [
      { ...evil },
      { cloud: 'custom', ...evil },
      { apiBase: evil.apiBase },
      { oauthBase: evil.oauthBase },
      { cloud: 'zoom' },
      { cloud: 'gov' },
      { ...evil, credential: { kind: 's2s', clientId: 'other-client' } },
      { ...evil, credential: { kind: 's2s' } },
      { ...evil, name: 'Renamed', credential: { kind: 'token' } },
    ];
    for (const ref of ['Acme', 'Pasted']) {
      for (const patch of patches) {
        const result = await api['editAccount']?.({ ref, patch });
        assert.equal(result?.ok, false, `${ref} ${JSON.stringify(patch)} was accepted`);
        if (result?.ok === false) {
          assert.equal(result.error.code, 'invalid_input');
          assert.match(result.error.field ?? '', /^(token|clientSecret)$/);
          assert.match(result.error.message, /again/);
        }
      }
    }
    assert.equal(JSON.stringify(await core.accounts.list()), before, 'the accounts are unchanged');
    assert.equal(JSON.stringify([...keychain.entries]), keychainBefore, 'the keychain is unchanged');

    // Renaming alone, or a new address with a new secret (the user's own, for that address), is fine.
    const renamed = await api['editAccount']?.({ ref: 'Pasted', patch: { name: 'Pasted token' } });
    assert.ok(renamed?.ok, JSON.stringify(renamed));
  });

  it('every request so far went to the simulator, and the app still reports its own API base', async () => {
    await api['testAccount']?.({ ref: 'Acme' });
    await api['testAccount']?.({ ref: 'Pasted token' });
    assert.ok(requestedUrls.length > 0);
    for (const url of requestedUrls) assert.ok(url.startsWith(sim.url), `a request went to ${url}`);
    const info = await api['getAppInfo']?.();
    assert.equal(info?.ok && (info.value as { apiBase: string }).apiBase, 'https://api.zoom.us/v2');
  });
});
