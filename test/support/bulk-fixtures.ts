// Shared set-up for the bulk-run tests: many simulator users, CSV files, and an app core on the simulator.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { HistoryEntry } from '../../shared/domain/history';
import { createCore, type Core } from '../../electron/node/core';
import type { Transport } from '../../electron/node/ports';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { DEMO_TOKEN, SAMPLE_USERS } from '../simulator/sample-users';
import type { SimUserSeed } from '../simulator/sim-types';
import { startZoomSimulator, type ZoomSimulator, type ZoomSimulatorOptions } from '../simulator/zoom-simulator';
import { MemoryKeychain } from './memory-keychain';
import type { AfterHook } from './temp-dir';

/** `n` users who can all get a password: bulk-<tag>-0001@example.com... */
export function bulkUsers(n: number, tag: string): SimUserSeed[] {
  return Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(4, '0');
    return { id: `bulk${tag}${k}`, email: `bulk-${tag}-${k}@example.com`, firstName: 'Bulk', lastName: `User ${k}` };
  });
}

/** The simulator with the sample users plus `users`, no per-user 24-hour cap, and the given rate limit. */
export async function bulkSimulator(
  users: readonly SimUserSeed[],
  o: ZoomSimulatorOptions = {},
): Promise<ZoomSimulator> {
  return startZoomSimulator({
    maxChangesPer24h: 10_000,
    ...o,
    users: [...SAMPLE_USERS, ...users],
    policy: { passwordHistoryCount: 0, ...o.policy },
  });
}

/** Writes a CSV file (lines joined with `eol`, UTF-8, optional BOM) and returns its path. */
export function writeCsv(
  dir: string,
  name: string,
  lines: readonly string[],
  o: { eol?: string; bom?: boolean } = {},
): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${o.bom ? '\ufeff' : ''}${lines.join(o.eol ?? '\r\n')}${o.eol ?? '\r\n'}`);
  return file;
}

/** A fresh app core on `sim` with a pasted-token account (the simulator's demo token). */
export async function bulkCore(
  t: AfterHook,
  sim: ZoomSimulator,
  o: { dataDir: string; transport?: Transport; source?: 'app' | 'zpa' },
): Promise<Core> {
  const core = createCore({
    dataDir: o.dataDir,
    apiBase: 'https://api.zoom.us/v2',
    transport: o.transport ?? createNodeTransport(),
    keychain: new MemoryKeychain(),
    keychainService: 'zpa-bulk-tests',
    source: o.source ?? 'app',
    version: '0.1.0',
    timeoutMs: 5000,
  });
  t.after(() => void core.bulk.shutdown());
  await core.accounts.add({
    name: 'Northwind',
    cloud: 'custom',
    apiBase: sim.apiBase,
    oauthBase: sim.oauthBase,
    credential: { kind: 'token', token: DEMO_TOKEN },
  });
  return core;
}

/** The password in a multipart/form-data body (as ZoomClient sends it). */
export function passwordInBody(body: Uint8Array | undefined): string | null {
  if (body === undefined) return null;
  const text = Buffer.from(body).toString('utf8');
  return /name="password"\r\n\r\n([^\r\n]*)\r\n/.exec(text)?.[1] ?? null;
}

/** PUT password requests the simulator saw, oldest first. */
export function passwordPuts(sim: ZoomSimulator): ZoomSimulator['requests'] {
  return sim.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/password'));
}

/** A bulk simulator stopped when the test ends. */
export async function withSim(t: AfterHook, users: readonly SimUserSeed[], o: Parameters<typeof bulkSimulator>[1]) {
  const sim = await bulkSimulator(users, o);
  t.after(() => sim.stop());
  return sim;
}

/** The history entries of one run, oldest first. */
export function runEntries(core: Core, runId: string): HistoryEntry[] {
  return core.history.list({ limit: 1000, order: 'oldest' }).entries.filter((e) => e.runId === runId);
}

/** The rows of a passwords-out file (header first). */
export function readPasswordsFile(file: string): string[][] {
  return parse(fs.readFileSync(file, 'utf8'), { bom: true }) as string[][];
}

/** Each user's requests: applied (changed) exactly once, and never sent again after being applied. */
export function assertExactlyOnce(sim: ZoomSimulator, users: readonly SimUserSeed[]): void {
  const wrong = users
    .map((u) => ({ user: u.email, changes: sim.state.passwordChangeCount(u.email) }))
    .filter((c) => c.changes !== 1);
  assert.deepEqual(wrong, [], `users not changed exactly once: ${JSON.stringify(wrong.slice(0, 5))}`);
}
