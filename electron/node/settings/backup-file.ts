import fs from 'node:fs';
import path from 'node:path';

/** A timestamp safe in file names on every OS (no ':'), e.g. 2026-11-23T17-42-05-123Z. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * A path `<dir>/<stem>-<timestamp><ext>` that does not exist yet; a counter is added when two
 * backups land in the same millisecond, so one backup never overwrites another.
 */
export function freeBackupPath(dir: string, stem: string, ext: string, date: Date): string {
  const base = `${stem}-${fileTimestamp(date)}`;
  for (let n = 0; ; n += 1) {
    const candidate = path.join(dir, `${base}${n === 0 ? '' : `-${n}`}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** The `code` of a Node system error (ENOENT, EACCES...), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** A short description of a thrown value for messages: the code and message of a system error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
