// Helpers shared by the history tests (not a test file itself).
import fs from 'node:fs';
import path from 'node:path';
import type { HistoryEntry, HistoryEntryInput } from '../../shared/domain/history';
import { HistoryStore } from '../../electron/node/history/history-store';

export const clock = { now: () => new Date('2026-04-05T06:07:08.009Z') };
export const BACKUP = 'history.damaged-2026-04-05T06-07-08-009Z.jsonl';

/** Entry n, started n seconds after 2026-01-01T00:00:00Z. */
export function entry(n: number, over: Partial<HistoryEntryInput> = {}): HistoryEntryInput {
  return {
    id: `req-${n}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    user: `user${n}@example.com`,
    outcome: 'updated',
    httpStatus: 204,
    zoomCode: null,
    message: 'The password was changed.',
    zoomMessage: null,
    trackingId: `track-${n}`,
    durationMs: 120,
    apiBase: 'https://api.zoom.us/v2',
    source: 'app',
    retryAfterSeconds: null,
    ...over,
  };
}

export function open(dir: string, o: { indexAfterEntries?: number } = {}): HistoryStore {
  return HistoryStore.open({ dataDir: dir, clock, ...o });
}

export function fileOf(dir: string): string {
  return path.join(dir, 'history', 'history.jsonl');
}

export const ids = (store: HistoryStore, order?: 'newest' | 'oldest') =>
  store.list({ limit: 1000, ...(order ? { order } : {}) }).entries.map((e) => e.id);

/** The file's lines (without the final empty one). */
export function lines(dir: string): string[] {
  const text = fs.readFileSync(fileOf(dir), 'utf8');
  return text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined);
}

export function writeLines(dir: string, rows: readonly string[]): void {
  fs.mkdirSync(path.join(dir, 'history'), { recursive: true });
  fs.writeFileSync(fileOf(dir), rows.map((r) => `${r}\n`).join(''));
}

/** Entry as stored: the input plus the integrity fields. */
export function stripChain(e: HistoryEntry): HistoryEntryInput {
  const { seq: _s, prevHash: _p, hash: _h, ...rest } = e;
  return rest;
}
