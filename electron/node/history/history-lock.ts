import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../../shared/domain/errors';
import { processAlive } from '../process-alive';
import { errorCode } from '../settings/backup-file';

/** How long a writer waits for another (an append takes milliseconds; a retention run on a big file, seconds). */
export const LOCK_WAIT_MS = 15_000;
/** A lock this old was left behind (no holder keeps it this long), even if its pid looks alive (reused). */
const STALE_LOCK_MS = 120_000;
/** A break guard this old was left by a process that died within the few microseconds it holds one. */
const STALE_GUARD_MS = 5_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms`; appends are synchronous, and waits are rare and short. */
function sleep(ms: number): void {
  try {
    Atomics.wait(sleeper, 0, 0, ms);
  } catch {
    // A runtime that forbids blocking waits on this thread: spin instead (only while another writer works).
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // Waiting.
    }
  }
}

interface Holder {
  pid: number;
  host: string;
}

function readHolder(lockFile: string): { holder: Holder | null; ino: number; ageMs: number } | null {
  let text: string;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(lockFile);
    text = fs.readFileSync(lockFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  const [pid, host] = text.split('\n');
  const n = Number(pid);
  return {
    holder: Number.isSafeInteger(n) && n > 0 ? { pid: n, host: host ?? '' } : null,
    ino: stat.ino,
    ageMs: Date.now() - stat.mtimeMs,
  };
}

function isStale(info: NonNullable<ReturnType<typeof readHolder>>): boolean {
  if (info.ageMs > STALE_LOCK_MS) return true;
  // A half-written lock file (its creator died between create and write) gets the benefit of the doubt for a while.
  if (info.holder === null) return info.ageMs > STALE_GUARD_MS;
  if (info.holder.host !== os.hostname()) return false;
  // Locks are only held inside synchronous calls, so one naming this process was left by an earlier
  // process that had the same pid (common in containers).
  return info.holder.pid === process.pid || !processAlive(info.holder.pid);
}

/**
 * Removes a lock left by a dead process. Two processes may find the same stale lock: the guard file
 * makes "check it is still that stale lock, then delete it" one step, so nobody deletes the fresh lock
 * the other has just taken.
 */
function breakStale(lockFile: string, seenIno: number): void {
  const guard = `${lockFile}.break`;
  try {
    fs.writeFileSync(guard, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > STALE_GUARD_MS) fs.rmSync(guard, { force: true });
    } catch {
      // Gone meanwhile: the next attempt takes it.
    }
    return;
  }
  try {
    const now = readHolder(lockFile);
    if (now !== null && now.ino === seenIno && isStale(now)) fs.rmSync(lockFile, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/**
 * Takes `lockFile` (created with O_EXCL, holding our pid and host name), waiting while another
 * process holds it, and breaking it when its holder died. Throws AppError('storage_error') after `waitMs`.
 */
export function acquireLock(lockFile: string, waitMs = LOCK_WAIT_MS): void {
  const deadline = Date.now() + waitMs;
  let pause = 1;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600);
      try {
        fs.writeSync(fd, `${process.pid}\n${os.hostname()}\n`);
      } finally {
        fs.closeSync(fd);
      }
      return;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const info = readHolder(lockFile);
    // Released between our attempt and the look: try again at once.
    if (info === null) continue;
    if (isStale(info)) {
      breakStale(lockFile, info.ino);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = info.holder ? ` (process ${info.holder.pid} on ${info.holder.host || 'this computer'})` : '';
      throw new AppError(
        'storage_error',
        `The history is being written by another Zoom Password Admin process${who}.`,
        {
          action: `Wait for it to finish and try again. If no app or zpa is running, delete ${lockFile}.`,
        },
      );
    }
    sleep(pause);
    pause = Math.min(pause * 2, 25);
  }
}

/** Releases a lock taken by acquireLock. */
export function releaseLock(lockFile: string): void {
  try {
    fs.unlinkSync(lockFile);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** Runs `fn` holding `lockFile`. */
export function withLock<T>(lockFile: string, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  acquireLock(lockFile, waitMs);
  try {
    return fn();
  } finally {
    releaseLock(lockFile);
  }
}
