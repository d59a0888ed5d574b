import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { HistoryRetentionResult } from '../../../shared/domain/history';
import { chain, lockFileOf } from './history-append';
import { readAllLines, replaceFile } from './history-files';
import { withLock } from './history-lock';
import { headOf } from './history-repair';

const DAY_MS = 86_400_000;

/**
 * Removes the entries that started more than `days` days before `now`, in one atomic rewrite under the
 * writers' lock, and records that in a chained `retention` marker at the end. What is removed is the
 * leading run of old records (the file is in append order, and an entry is appended within seconds of its
 * start), so the rest of the chain stays intact; the marker's anchor (seq and hash of the last removed
 * record) is where the remaining chain must start for verify. A damaged line stops the run: it is kept
 * for the repair to back up.
 */
export function retainHistory(file: string, days: number, now: Date): HistoryRetentionResult {
  const cutoff = now.getTime() - days * DAY_MS;
  return withLock(lockFileOf(file), () => {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { removed: 0, kept: 0, marker: null };
      throw error;
    }
    try {
      const { buf, lines, consumed } = readAllLines(fd);
      let removed = 0;
      let removedRecords = 0;
      let anchor: { seq: number; hash: string } | null = null;
      let stop = lines.length;
      for (let i = 0; i < lines.length; i += 1) {
        const v = (lines[i] as (typeof lines)[number]).value;
        if (v.kind === 'blank' || v.kind === 'torn') continue;
        const record = v.kind === 'entry' ? v.entry : v.kind === 'marker' ? v.marker : null;
        const at = record ? Date.parse(record.at) : Number.NaN;
        if (record === null || !(at < cutoff)) {
          stop = i;
          break;
        }
        removedRecords += 1;
        if (v.kind === 'entry') removed += 1;
        if (record.seq !== undefined && record.hash !== undefined) anchor = { seq: record.seq, hash: record.hash };
      }
      const entries = lines.filter((l) => l.value.kind === 'entry').length;
      if (removedRecords === 0) return { removed: 0, kept: entries, marker: null };
      const [marker] = chain(headOf(lines), [
        {
          kind: 'retention' as const,
          id: randomUUID(),
          at: now.toISOString(),
          days,
          cutoff: new Date(cutoff).toISOString(),
          removed,
          anchor,
        },
      ]);
      const from = stop < lines.length ? (lines[stop] as (typeof lines)[number]).offset : consumed;
      const rest = buf.subarray(from, consumed);
      const needsNewline = rest.length > 0 && rest[rest.length - 1] !== 0x0a;
      replaceFile(file, [rest, Buffer.from(`${needsNewline ? '\n' : ''}${JSON.stringify(marker)}\n`, 'utf8')]);
      return { removed, kept: entries - removed, marker: marker ?? null };
    } finally {
      fs.closeSync(fd);
    }
  });
}
