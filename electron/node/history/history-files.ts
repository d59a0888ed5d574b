import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import { describeError, errorCode } from '../settings/backup-file';
import { scanLines, type ReadLine } from './history-lines';

/** Reads bytes [start, end) of an open file. */
export function readRange(fd: number, start: number, end: number): Buffer {
  const buf = Buffer.allocUnsafe(Math.max(0, end - start));
  let done = 0;
  while (done < buf.length) {
    const n = fs.readSync(fd, buf, done, buf.length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  return done === buf.length ? buf : buf.subarray(0, done);
}

/** Writes all of `data` at the end of a file opened with O_APPEND, then flushes it to disk. */
export function appendDurably(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done);
  fs.fdatasyncSync(fd);
}

/** Writes a whole file durably under a temporary name, then renames it over `file`. */
export function replaceFile(file: string, chunks: readonly Buffer[]): void {
  const tmp = `${file}.tmp-${process.pid}-${randomUUID()}`;
  try {
    writeDurably(tmp, chunks);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(file));
}

/** Creates `file` (which must not exist) with `chunks`, flushed to disk. */
export function writeDurably(file: string, chunks: readonly Buffer[]): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    for (const chunk of chunks) {
      let done = 0;
      while (done < chunk.length) done += fs.writeSync(fd, chunk, done, chunk.length - done);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; not possible (nor needed) on Windows. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Directories cannot be opened for fsync everywhere.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A storage_error for a history file operation, with advice that fits the system error. */
export function historyStorageError(doing: string, file: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  const action =
    code === 'ENOSPC'
      ? `Free some disk space on the drive holding ${path.dirname(file)}, then try again.`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `Make ${path.dirname(file)} and its files writable by your user account, then try again.`
        : `Check that ${path.dirname(file)} exists and is writable, then try again.`;
  return new AppError('storage_error', `Could not ${doing} the history file ${file}: ${describeError(error)}.`, {
    action,
    cause: error,
  });
}

/** Every line of a file (read whole: for the rare full rewrites, repair and retention). */
export function readAllLines(fd: number): { buf: Buffer; lines: ReadLine[]; consumed: number; tornTail: boolean } {
  const buf = readRange(fd, 0, fs.fstatSync(fd).size);
  const lines: ReadLine[] = [];
  const { consumed, tornTail } = scanLines(buf, 0, (line) => lines.push(line));
  return { buf, lines, consumed, tornTail };
}
