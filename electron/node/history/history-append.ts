import fs from 'node:fs';
import path from 'node:path';
import { errorCode } from '../settings/backup-file';
import { readChainHead, recordHash, type ChainHead } from './history-chain';
import { appendDurably, historyStorageError } from './history-files';
import { withLock } from './history-lock';

/** A record before the store chains it: everything but seq, prevHash and hash. */
export type Unchained = Record<string, unknown>;

/** Links `records` to the chain after `head`: seq, prevHash and hash set, in that order after the fields. */
export function chain<T extends Unchained>(
  head: Pick<ChainHead, 'seq' | 'hash'>,
  records: readonly T[],
): (T & { seq: number; prevHash: string | null; hash: string })[] {
  let seq = head.seq;
  let prevHash = head.hash;
  return records.map((r) => {
    const { seq: _s, prevHash: _p, hash: _h, ...fields } = r;
    seq += 1;
    const linked = { ...fields, seq, prevHash };
    const hash = recordHash(linked);
    prevHash = hash;
    return { ...linked, hash } as T & { seq: number; prevHash: string | null; hash: string };
  });
}

/** The lock file every writer of `file` takes (appends, repairs, retention). */
export const lockFileOf = (file: string) => `${file}.lock`;

/**
 * Appends `records` to the chain in `file`, durably: under the writers' lock, reads the chain head from
 * the end of the file (not the whole file), writes every line in one write and flushes it (fdatasync).
 * A file not ending with a newline (a write cut short by a crash) gets one first, so the fragment stays
 * a line of its own, which readers skip. Returns the records as written.
 */
export function appendRecords<T extends Unchained>(file: string, records: readonly T[]): ReturnType<typeof chain<T>> {
  const attempt = () =>
    withLock(lockFileOf(file), () => {
      const fd = fs.openSync(file, 'a+', 0o600);
      try {
        const head = readChainHead(fd);
        const linked = chain(head, records);
        const text = linked.map((r) => `${JSON.stringify(r)}\n`).join('');
        appendDurably(fd, Buffer.from(head.endsWithNewline ? text : `\n${text}`, 'utf8'));
        return linked;
      } finally {
        fs.closeSync(fd);
      }
    });
  try {
    return attempt();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw historyStorageError('write to', file, error);
  }
  // The folder was removed while we ran: recreate it rather than lose the entry.
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return attempt();
  } catch (error) {
    throw historyStorageError('write to', file, error);
  }
}
