/**
 * The last step of `npm test`: searches every data folder the tests kept (test/support/leak-registry.ts)
 * and every log of the run for every secret the tests registered, in every common encoding. Fails on a
 * find, and also when there is nothing to check: no secret registered, no folder kept by a runner that
 * should have kept some, no file at all, or a log that is missing or empty. A vacuous pass is a failure.
 *
 *   node --import tsx test/security/leak-scan.ts --registry <dir> [--require node,playwright] [--log <file>]...
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_TOKEN, EXPIRED_TOKEN, NO_SCOPE_TOKEN, SAMPLE_OAUTH } from '../simulator/sample-users';
import { FOLDERS_FILE, SECRETS_FILE, type LeakSource } from '../support/leak-registry';
import { SecretIndex, type Finding } from '../support/secret-scan';
import { listFiles } from '../support/temp-dir';

interface Options {
  registry: string;
  require: LeakSource[];
  logs: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { registry: '', require: [], logs: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--registry') o.registry = path.resolve(value);
    else if (flag === '--log') o.logs.push(path.resolve(value));
    else if (flag === '--require') o.require = value.split(',').filter(Boolean) as LeakSource[];
    else throw new Error(`unknown argument ${flag}`);
  }
  if (o.registry === '') throw new Error('--registry <dir> is required');
  return o;
}

function readLines<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Enough of a secret to tell which one it was, not enough to use it. */
function masked(secret: string): string {
  return `${secret.slice(0, 4)}… (${secret.length} characters)`;
}

/** Runs the scan; returns the problems found (empty: passed). */
export function leakScan(
  o: Options,
  say: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): string[] {
  const problems: string[] = [];
  const registered = readLines<string>(path.join(o.registry, SECRETS_FILE));
  const folders = readLines<{ source: LeakSource; folder: string; kept: string }>(path.join(o.registry, FOLDERS_FILE));
  if (registered.length === 0)
    problems.push(`no secret was registered in ${o.registry}: the tests did not report what to look for`);
  for (const source of o.require) {
    if (!folders.some((f) => f.source === source)) problems.push(`no ${source} test kept a data folder to scan`);
  }
  // The sample secrets every simulator knows are secrets too.
  const constants = [
    DEMO_TOKEN,
    EXPIRED_TOKEN,
    NO_SCOPE_TOKEN,
    ...Object.values(SAMPLE_OAUTH).map((a) => a.clientSecret),
  ];
  const index = new SecretIndex([...registered, ...constants]);

  // The scanner itself must see a secret hidden in an encoding, or every pass would mean nothing.
  const probe = registered[0] ?? DEMO_TOKEN;
  const planted = Buffer.concat([Buffer.from([0, 255, 32]), Buffer.from(Buffer.from(`x${probe}`).toString('base64'))]);
  if (!index.find({ name: 'probe', bytes: planted }).some((f) => f.secret === probe)) {
    problems.push('the scanner could not find a planted secret: it is broken');
  }

  const haystackFiles: string[] = [];
  for (const { kept } of folders) haystackFiles.push(...listFiles(kept));
  for (const log of o.logs) {
    if (!fs.existsSync(log) || fs.statSync(log).size === 0) problems.push(`the log ${log} is missing or empty`);
    else haystackFiles.push(log);
  }
  if (haystackFiles.length === 0) problems.push('there was no file to scan');

  const findings: Finding[] = [];
  let bytes = 0;
  for (const file of haystackFiles) {
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch (error) {
      problems.push(`could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    bytes += content.length;
    findings.push(...index.find({ name: file, bytes: content }));
  }
  for (const f of findings) {
    const source = folders.find((entry) => f.haystack.startsWith(`${entry.kept}${path.sep}`));
    const where = source === undefined ? f.haystack : `${source.folder}${f.haystack.slice(source.kept.length)}`;
    problems.push(`a secret (${masked(f.secret)}, ${f.encoding}) is in ${where}`);
  }
  const bySource = o.require.map((s) => `${folders.filter((f) => f.source === s).length} ${s}`).join(', ');
  say(
    `secret-leak scan: ${index.secrets.length} secrets (${registered.length} registered) in ${haystackFiles.length} files, ` +
      `${(bytes / 1e6).toFixed(1)} MB (folders: ${bySource || folders.length}; logs: ${o.logs.length})`,
  );
  return problems;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const problems = leakScan(parseArgs(process.argv.slice(2)));
  for (const problem of problems) process.stdout.write(`FAIL  ${problem}\n`);
  process.stdout.write(
    problems.length === 0 ? 'No secret found in any test folder or log.\n' : 'Secret-leak scan FAILED.\n',
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
