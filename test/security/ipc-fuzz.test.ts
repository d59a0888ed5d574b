/**
 * Hostile IPC, property-based: thousands of random and malformed payloads to EVERY contract method
 * (read from IPC_CHANNELS at run time, so new methods are covered without editing this file), from
 * the app's window and from untrusted senders, plus unknown channels, all through the real dispatcher
 * over the real handler table and core. Main must never throw, never reach Zoom or the desktop shell
 * for a refused call, always answer a typed error of the contract's shape, write nothing (history,
 * settings, keychain) for a refused call, and never repeat what was sent in an error or a log line.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { appErrorShape, ERROR_CODES } from '../../shared/domain/errors';
import type { IpcResult } from '../../shared/ipc/contract';
import { APP_ORIGIN } from '../../electron/node/app-assets';
import { createCore, type Core } from '../../electron/node/core';
import { createDispatcher, createSenderPolicy, type Dispatch, type SenderInfo } from '../../electron/node/ipc/dispatch';
import { createHandlerTable, type HandlerTable } from '../../electron/node/ipc/handler-table';
import { MemoryKeychain } from '../support/memory-keychain';
import { tempDir } from '../support/temp-dir';
import {
  canarySecrets,
  contractMethods,
  recordingShell,
  recordingTransport,
  validPayloads,
  type PayloadContext,
} from './ipc-surface';

const TRUSTED: SenderInfo = { frameUrl: 'zpa://app/index.html', isMainFrame: true };
// Errors only the dispatcher gives: the call was refused before any handler ran.
const GATE_CODES = new Set(['unknown_channel', 'forbidden_sender', 'invalid_request']);
// Runs per method and property: with ~40 methods, some 6,000 calls in all (ZPA_FUZZ_RUNS for more).
const RUNS = Number(process.env['ZPA_FUZZ_RUNS'] ?? 100);
const SEED = process.env['ZPA_FUZZ_SEED'] === undefined ? undefined : Number(process.env['ZPA_FUZZ_SEED']);

const secrets = canarySecrets();
const work = tempDir({ after }, 'zpa-ipc-fuzz-');
const dataDir = path.join(work, 'data');
const keychain = new MemoryKeychain();
const network = recordingTransport();
const desktop = recordingShell(path.join(work, 'saved'));
const logs: string[] = [];
const handled: string[] = [];
let core: Core;
let dispatch: Dispatch;
let valid: Record<string, unknown>;
let unhandled: string[] = [];

before(async () => {
  fs.mkdirSync(path.join(work, 'saved'));
  core = createCore({
    dataDir,
    apiBase: 'https://api.zoom.us/v2',
    transport: network.transport,
    keychain,
    keychainService: 'zpa-fuzz',
    source: 'app',
    version: '0.1.0',
    timeoutMs: 1000,
  });
  await core.accounts.add({ name: 'Pasted', cloud: 'zoom', credential: { kind: 'token', token: secrets.token } });
  await core.accounts.add({
    name: 'Acme',
    cloud: 'zoom',
    credential: { kind: 's2s', accountId: 'AbCdEf123', clientId: 'client-1', clientSecret: secrets.clientSecret },
  });
  // One recorded attempt (the network is down: outcome failed), so history handlers have something to read.
  const entry = await core.passwords.change({ user: 'ana@example.com', password: secrets.password });
  const table = createHandlerTable(core, desktop.shell);
  unhandled = contractMethods()
    .map(([method]) => method)
    .filter((method) => typeof (table as Record<string, unknown>)[method] !== 'function');
  // Every handler is wrapped to learn whether a call got past the gate.
  const watched = {} as Record<string, (request: unknown) => Promise<unknown>>;
  for (const [method, handler] of Object.entries(table) as [string, (request: unknown) => Promise<unknown>][]) {
    watched[method] = (request) => {
      handled.push(method);
      return handler(request);
    };
  }
  dispatch = createDispatcher(watched as unknown as HandlerTable, createSenderPolicy(APP_ORIGIN), {
    checkResponses: true,
    log: (line) => logs.push(line),
  });
  const context: PayloadContext = {
    secrets,
    user: 'ana@example.com',
    tokenAccount: 'Pasted',
    s2sAccount: 'Acme',
    apiBase: 'https://127.0.0.1:9/v2',
    oauthBase: 'https://127.0.0.1:9/oauth/token',
    entryId: entry.id,
    importId: 'import-1',
    runId: 'run-1',
  };
  valid = validPayloads(context);
  network.requests.length = 0;
});

/** Everything a call could have changed, to compare before and after a refused one. */
function effects() {
  // Size, inode and change time (nanoseconds) tell any write or replacement, without reading the file.
  const digest = (file: string) => {
    const st = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
    return st === undefined ? null : `${st.size}:${st.ino}:${st.ctimeNs}`;
  };
  return {
    network: network.requests.length,
    shell: desktop.calls.length,
    handled: handled.length,
    history: digest(path.join(dataDir, 'history', 'history.jsonl')),
    settings: digest(path.join(dataDir, 'config.json')),
    keychain: JSON.stringify([...keychain.entries].sort()),
  };
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,30}$/;

/** The strings of a payload long enough that finding one in an error text cannot be chance. */
function distinctiveStrings(payload: unknown, min = 10): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 12 || out.length > 500) return;
    if (typeof value === 'string') {
      if (value.trim().length >= min) out.push(value);
    } else if (value instanceof Map) {
      for (const [k, v] of value) {
        walk(k, depth + 1);
        walk(v, depth + 1);
      }
    } else if (value instanceof Set || Array.isArray(value)) {
      for (const v of value) walk(v, depth + 1);
    } else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      for (const [k, v] of Object.entries(value)) {
        // Errors may name the contract's own fields ("credential" must be an object); other keys count.
        if (!FIELD_NAME.test(k)) walk(k, depth + 1);
        walk(v, depth + 1);
      }
    }
  };
  walk(payload, 0);
  return out;
}

/** The renderer's payload as main receives it: a structured clone (functions and the like cannot cross). */
function overIpc(payload: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: structuredClone(payload) };
  } catch {
    return { ok: false };
  }
}

/** Calls main, asserting it answered (never threw) with a result of the contract's shape. */
async function call(channel: string, sender: SenderInfo, payload: unknown): Promise<IpcResult<unknown>> {
  let result: IpcResult<unknown>;
  try {
    result = await dispatch(channel, sender, payload);
  } catch (error) {
    assert.fail(`dispatch threw for ${channel}: ${error instanceof Error ? error.message : String(error)}`);
  }
  assert.ok(result !== null && typeof result === 'object', 'an IpcResult object');
  if (result.ok) {
    assert.deepEqual(Object.keys(result).sort(), ['ok', 'value']);
    return result;
  }
  assert.deepEqual(Object.keys(result).sort(), ['error', 'ok'], 'an error result holds nothing else');
  const shape = appErrorShape.strict().safeParse(result.error);
  assert.ok(shape.success, `the error has the contract's shape: ${JSON.stringify(result.error)}`);
  assert.ok((ERROR_CODES as readonly string[]).includes(result.error.code));
  assert.ok(result.error.message.trim().length > 0, 'the error says something');
  return result;
}

function assertNoEcho(result: IpcResult<unknown>, payload: unknown, what: string): void {
  const text = JSON.stringify(result).toLowerCase();
  for (const sent of distinctiveStrings(payload)) {
    assert.ok(!text.includes(sent.toLowerCase()), `${what}: the answer repeats what was sent`);
  }
  for (const secret of Object.values(secrets)) assert.ok(!text.includes(secret.toLowerCase()), `${what}: a secret`);
  for (const line of logs) {
    for (const sent of distinctiveStrings(payload)) assert.ok(!line.includes(sent), `${what}: a log line repeats it`);
  }
}

/** A refused call: a gate error, no handler ran, nothing changed, nothing echoed. */
async function assertRefused(channel: string, sender: SenderInfo, payload: unknown, code?: string): Promise<void> {
  const before = effects();
  const result = await call(channel, sender, payload);
  assert.equal(result.ok, false, `${channel} was accepted: ${JSON.stringify(result).slice(0, 300)}`);
  if (result.ok) return;
  if (code !== undefined) assert.equal(result.error.code, code, `${channel}: ${result.error.message}`);
  assert.ok(GATE_CODES.has(result.error.code), `${channel}: refused at the gate, got ${result.error.code}`);
  assert.deepEqual(effects(), before, `${channel}: a refused call changed nothing and reached nothing`);
  assertNoEcho(result, payload, channel);
}

// ---- arbitraries -------------------------------------------------------------------------------

/** Anything a structured clone can carry: nested objects, arrays, Maps, Sets, Dates, bigints, typed arrays. */
const anyPayload = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withUnicodeString: true,
});

const nasty = fc.constantFrom<unknown>(
  null,
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  1.5,
  '',
  ' ',
  '\u0000',
  '\u202e\u200b',
  'x'.repeat(300_000),
  `${'../'.repeat(20)}etc/passwd`,
  'file:///etc/passwd',
  'javascript:alert(1)',
  'https://evil.example/v2',
  '__proto__',
  true,
  [],
  {},
  new Date(Number.NaN),
  new Uint8Array(70_000),
  JSON.parse('{"__proto__": {"polluted": "zpa-fuzz-polluted"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "zpa-fuzz-polluted"}}}'),
);

function deepNest(depth: number): unknown {
  let value: unknown = 'zpa-fuzz-deep-leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** A valid request with one thing wrong: a field replaced, removed, or one added (prototype keys too). */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  const fieldValue = fc.oneof(
    anyPayload,
    nasty,
    fc.string({ minLength: 10 }).map((s) => `zpa-fuzz-${s}`),
  );
  if (base === null || typeof base !== 'object' || Array.isArray(base)) {
    return fc.oneof(
      fieldValue,
      fc.dictionary(fc.string(), fieldValue, { minKeys: 1, maxKeys: 3 }),
      fc.constant(deepNest(3000)),
    );
  }
  const record = base as Record<string, unknown>;
  const keys = Object.keys(record);
  const replaced = fc.tuple(fc.constantFrom(...keys), fieldValue).map(([key, value]) => ({ ...record, [key]: value }));
  const removed = fc.constantFrom(...keys).map((key) => {
    const { [key]: _gone, ...rest } = record;
    return rest;
  });
  const extraKey = fc.oneof(
    fc.string({ minLength: 1 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'apiBase', 'token', 'file', 'then', 'toJSON'),
  );
  const added = fc.tuple(extraKey, fieldValue).map(([key, value]) => {
    const copy: Record<string, unknown> = { ...record };
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });
  const nestedWrong = fc.constantFrom(...keys).map((key) => ({ ...record, [key]: deepNest(2000) }));
  return fc.oneof(replaced, removed, added, nestedWrong);
}

// Senders that are not the app window's top frame on zpa://app.
const untrustedSender: fc.Arbitrary<SenderInfo> = fc.oneof(
  fc.record({ frameUrl: fc.webUrl(), isMainFrame: fc.boolean() }),
  fc.record({
    frameUrl: fc.constantFrom(
      '',
      'about:blank',
      'file:///work/main/dist/renderer/index.html',
      'devtools://devtools/bundled/devtools_app.html',
      'chrome-extension://abcdefghijklmnop/page.html',
      'data:text/html,<script>1</script>',
      'blob:zpa://app/1234',
      'zpa://evil/index.html',
      'zpa://app.evil.example/index.html',
      'zpa://user:pw@app/index.html',
      'zpa://app:8080/index.html',
      'http://app/index.html',
      'https://app/index.html',
      'zpa:app/index.html',
      'not a url',
    ),
    isMainFrame: fc.boolean(),
  }),
  // The app's own URL, but from a subframe.
  fc.constant({ frameUrl: TRUSTED.frameUrl, isMainFrame: false }),
  // Malformed sender records (a bug in the Electron glue must still fail closed).
  fc
    .record({ frameUrl: anyPayload, isMainFrame: anyPayload })
    .filter((s) => !(s.frameUrl === TRUSTED.frameUrl && s.isMainFrame === true))
    .map((s) => s as unknown as SenderInfo),
);

const params = { numRuns: RUNS, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }) };

// ---- properties ----------------------------------------------------------------------------------

describe('hostile IPC', () => {
  it('covers every method of the contract, each with a handler', () => {
    const methods = contractMethods();
    assert.ok(methods.length >= 19, 'the whole contract is enumerated');
    assert.deepEqual(unhandled, [], 'methods in IPC_CHANNELS without a handler in createHandlerTable');
    assert.equal(effects().network, 0);
  });

  it('untrusted senders are refused for every method, whatever they send', async () => {
    for (const [method, channel] of contractMethods()) {
      const payload = fc.oneof(anyPayload, fc.constant(valid[method]), nasty);
      await fc.assert(
        fc.asyncProperty(untrustedSender, payload, async (sender, raw) => {
          const sent = overIpc(raw);
          fc.pre(sent.ok);
          if (sent.ok) await assertRefused(channel, sender, sent.value, 'forbidden_sender');
        }),
        { ...params, numRuns: Math.ceil(RUNS / 2) },
      );
    }
  });

  it('unknown and look-alike channels are refused', async () => {
    const channels = new Set(contractMethods().map(([, channel]) => channel));
    const lookAlike = fc
      .constantFrom(...channels)
      .chain((c) =>
        fc.constantFrom(
          `${c} `,
          ` ${c}`,
          c.toUpperCase(),
          `${c}\u0000`,
          c.replace(':', '::'),
          `${c}/../app:get-info`,
          c.normalize('NFKD').replace(/a/g, '\u0430'),
        ),
      );
    const channel = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      lookAlike,
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'getAppInfo', 'zpa', ''),
    );
    await fc.assert(
      fc.asyncProperty(channel, fc.oneof(anyPayload, nasty), fc.boolean(), async (name, raw, trusted) => {
        fc.pre(!channels.has(name));
        const sent = overIpc(raw);
        fc.pre(sent.ok);
        if (sent.ok) await assertRefused(name, trusted ? TRUSTED : { ...TRUSTED, isMainFrame: false }, sent.value);
      }),
      { ...params, numRuns: RUNS * 4 },
    );
  });

  it("malformed payloads from the app's own window: a typed error, no effect, no echo", async () => {
    let refused = 0;
    let accepted = 0;
    for (const [method, channel] of contractMethods()) {
      // Reported by the first test; fuzzing them would only repeat that.
      if (unhandled.includes(method)) continue;
      const base = valid[method];
      const payload = fc.oneof(anyPayload, nasty, mutated(base));
      await fc.assert(
        fc.asyncProperty(payload, async (raw) => {
          const sent = overIpc(raw);
          fc.pre(sent.ok);
          if (!sent.ok) return;
          const before = effects();
          const logsBefore = logs.length;
          const result = await call(channel, TRUSTED, sent.value);
          const ran = effects().handled > before.handled;
          if (!ran) {
            refused += 1;
            assert.equal(result.ok, false);
            if (!result.ok) assert.equal(result.error.code, 'invalid_request', `${method}: ${result.error.message}`);
            assert.deepEqual(effects(), before, `${method}: a refused payload changed nothing and reached nothing`);
          } else {
            // The contract let it through: the handler decides, but must answer within the contract.
            accepted += 1;
            if (!result.ok) assert.notEqual(result.error.code, 'internal', `${method} failed inside: ${logs.at(-1)}`);
          }
          assert.equal(logs.length, logsBefore, `${method}: nothing was logged (${logs.at(-1) ?? ''})`);
          assertNoEcho(result, ran ? null : sent.value, method);
          if (ran) {
            const text = JSON.stringify(result);
            for (const secret of Object.values(secrets))
              assert.ok(!text.includes(secret), `${method} returned a secret`);
          }
        }),
        params,
      );
    }
    assert.ok(refused > RUNS * 10, `most calls were refused (${refused})`);
    assert.ok(accepted > 0, 'some payloads were valid, so the property saw handlers run too');
  });

  it('left the prototype of every object alone', () => {
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });
});
