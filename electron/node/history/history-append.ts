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
  return writeRecords(file, records, (fd, data) => {
    appendDurably(fd, data);
    fs.closeSync(fd);
  });
}

/**
 * Like appendRecords, but the flush to disk runs off the event loop: the lines are written under the lock
 * (visible to every reader and safe from a crash of this process at once), and `flushed` settles when
 * they are on disk. A bulk run keeps sending on time while earlier entries flush; callers that must not
 * go on before the entry is durable await `flushed`.
 */
export function appendRecordsDeferred<T extends Unchained>(
  file: string,
  records: readonly T[],
): { records: ReturnType<typeof chain<T>>; flushed: Promise<void> } {
  let flushed: Promise<void> = Promise.resolve();
  const linked = writeRecords(file, records, (fd, data) => {
    let done = 0;
    while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done);
    flushed = new Promise<void>((resolve, reject) => {
      fs.fdatasync(fd, (error) => {
        fs.close(fd, () => undefined);
        if (error) reject(historyStorageError('write to', file, error));
        else resolve();
      });
    });
  });
  return { records: linked, flushed };
}

/** Under the writers' lock: reads the chain head, links `records`, and hands the lines to `write` (which owns the fd). */
function writeRecords<T extends Unchained>(
  file: string,
  records: readonly T[],
  write: (fd: number, data: Buffer) => void,
): ReturnType<typeof chain<T>> {
  const attempt = () =>
    withLock(lockFileOf(file), () => {
      const fd = fs.openSync(file, 'a+', 0o600);
      let handedOver = false;
      try {
        const head = readChainHead(fd);
        const linked = chain(head, records);
        const text = linked.map((r) => `${JSON.stringify(r)}\n`).join('');
        handedOver = true;
        try {
          write(fd, Buffer.from(head.endsWithNewline ? text : `\n${text}`, 'utf8'));
        } catch (error) {
          fs.closeSync(fd);
          throw error;
        }
        return linked;
      } finally {
        if (!handedOver) fs.closeSync(fd);
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
