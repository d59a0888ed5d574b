import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freeBackupPath } from '../settings/backup-file';
import { chain, lockFileOf } from './history-append';
import type { ChainHead } from './history-chain';
import { readAllLines, replaceFile, writeDurably } from './history-files';
import { withLock } from './history-lock';
import type { ReadLine } from './history-lines';

export type RepairResult =
  | { kind: 'repaired'; backup: string; unreadable: number; kept: number }
  /** The file no longer has unreadable lines (another process repaired it first). */
  | { kind: 'clean' };

/** The chain head after `lines` (the last chained record among them). */
export function headOf(lines: readonly ReadLine[]): Pick<ChainHead, 'seq' | 'hash'> {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const v = (lines[i] as ReadLine).value;
    if (v.kind === 'marker') return { seq: v.marker.seq, hash: v.marker.hash };
    if (v.kind === 'entry' && v.entry.seq !== undefined && v.entry.hash !== undefined) {
      return { seq: v.entry.seq, hash: v.entry.hash };
    }
  }
  return { seq: 0, hash: null };
}

/**
 * Repairs a history file with unreadable lines, without losing anything readable: under the writers'
 * lock, the file as it is is copied to `history.damaged-<timestamp>.jsonl`, then replaced atomically
 * by its readable records, byte for byte (never re-hashed, so verify still shows where entries went
 * missing), followed by a chained `repair` marker naming the copy.
 */
export function repairHistory(file: string, now: Date): RepairResult {
  return withLock(lockFileOf(file), () => {
    const fd = fs.openSync(file, 'r');
    try {
      const { buf, lines } = readAllLines(fd);
      const unreadable = lines.filter((l) => l.value.kind === 'damaged').length;
      if (unreadable === 0) return { kind: 'clean' };
      const backup = freeBackupPath(path.dirname(file), 'history.damaged', '.jsonl', now);
      writeDurably(backup, [buf]);
      const kept = lines.filter((l) => l.value.kind === 'entry' || l.value.kind === 'marker');
      const [marker] = chain(headOf(kept), [
        {
          kind: 'repair',
          id: randomUUID(),
          at: now.toISOString(),
          backup: path.basename(backup),
          unreadableLines: unreadable,
        },
      ]);
      const newline = Buffer.from('\n');
      replaceFile(file, [
        ...kept.flatMap((l) => [buf.subarray(l.offset, l.offset + l.length), newline]),
        Buffer.from(`${JSON.stringify(marker)}\n`, 'utf8'),
      ]);
      return {
        kind: 'repaired',
        backup,
        unreadable,
        kept: kept.filter((l) => l.value.kind === 'entry').length,
      };
    } finally {
      fs.closeSync(fd);
    }
  });
}
