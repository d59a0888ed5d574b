import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discardTestFolder } from './leak-registry';

/** Anything with an `after` hook: a TestContext, or `{ after }` from node:test inside a describe(). */
export interface AfterHook {
  after(fn: () => void): void;
}

/**
 * A fresh temporary folder, removed when the test (or suite) ends; under `npm test` kept instead
 * for the final secret-leak scan (see leak-registry.ts).
 */
export function tempDir(t: AfterHook, prefix = 'zpa-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => discardTestFolder(dir));
  return dir;
}

/** Every file under `dir`, recursively, as absolute paths. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

/** The files under `dir` whose bytes contain `needle` (to prove a secret reached no file). */
export function filesContaining(dir: string, needle: string): string[] {
  return listFiles(dir).filter((file) => fs.readFileSync(file).includes(needle));
}
