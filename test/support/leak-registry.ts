/**
 * The secret-leak scan's registry. `npm test` (scripts/test.mjs) sets ZPA_LEAK_REGISTRY to a folder of
 * its work dir; every test process then records there the secrets it used (passwords, tokens, client
 * secrets) and, instead of deleting its data folders, moves them there. The last step of the suite
 * (test/security/leak-scan.ts) searches every kept folder and every log for every secret.
 * Without ZPA_LEAK_REGISTRY (a single test run by hand) secrets are not recorded and folders are deleted.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const LEAK_REGISTRY_ENV = 'ZPA_LEAK_REGISTRY';
export const SECRETS_FILE = 'secrets.jsonl';
export const FOLDERS_FILE = 'folders.jsonl';
export const KEPT_DIR = 'kept';

/** Which runner kept a folder: the scan requires both to have kept some. */
export type LeakSource = 'node' | 'playwright';

function registry(): string | null {
  const dir = process.env[LEAK_REGISTRY_ENV]?.trim();
  return dir ? dir : null;
}

function appendLine(file: string, value: unknown): void {
  // One small O_APPEND write per line: lines from parallel test processes never interleave.
  fs.appendFileSync(file, `${JSON.stringify(value)}\n`);
}

/** Records secrets the test used, for the final scan (no-op outside `npm test`). Short ones are ignored. */
export function registerSecrets(...secrets: readonly string[]): void {
  const dir = registry();
  if (dir === null) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const secret of secrets) if (secret.length >= 8) appendLine(path.join(dir, SECRETS_FILE), secret);
}

/**
 * Disposes of a test's folder: under `npm test` it is moved into the registry for the final scan,
 * otherwise deleted. A folder that cannot be moved (another file system) is scanned where it is.
 */
export function discardTestFolder(folder: string, source: LeakSource = 'node'): void {
  const dir = registry();
  if (dir === null || !fs.existsSync(folder)) {
    fs.rmSync(folder, { recursive: true, force: true });
    return;
  }
  const kept = path.join(dir, KEPT_DIR, `${path.basename(folder)}-${randomUUID().slice(0, 8)}`);
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  let at = kept;
  try {
    fs.renameSync(folder, kept);
  } catch {
    at = folder;
  }
  appendLine(path.join(dir, FOLDERS_FILE), { source, folder, kept: at });
}
