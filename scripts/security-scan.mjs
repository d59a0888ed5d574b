#!/usr/bin/env node
// Electron security scan (npm run security:scan): runs @doyensec/electronegativity over electron/ and fails
// on any finding that the reviewed allow-list (security/electronegativity-allowlist.json) does not justify,
// on any allow-list entry that no longer matches a finding (so the list stays honest), and on any file the
// scanner could not parse (an unparsed file is an unscanned file).
//
//   node scripts/security-scan.mjs [--input <dir>] [--allow-list <file>]
//
// Exit 0: every finding is allow-listed. 1: a finding is not, an entry is stale, or the scan failed.
// 2: bad usage or an invalid allow-list.
//
// electronegativity's own CLI cannot start here (it requires `commander` without declaring it, and gets the
// project's v14, whose API it does not know), and its CSV writer races (header and rows are two concurrent
// fs.writeFile calls, so the rows are often lost). So its runner is called directly and the findings it
// returns, the very records the CSV is made from, are checked. The Electron version is passed explicitly
// (the CLI's `-e`), so no version detection depends on the network. The scanner tries to fetch translations
// and Electron's release list; without a network it says so and goes on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']);

class UsageError extends Error {}

function parseArgs(argv) {
  const options = {
    input: path.join(root, 'electron'),
    allowList: path.join(root, 'security', 'electronegativity-allowlist.json'),
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--input' || arg === '--allow-list') && value !== undefined && !value.startsWith('--')) {
      options[arg === '--input' ? 'input' : 'allowList'] = path.resolve(value);
      i += 1;
    } else {
      throw new UsageError(
        `Unknown or incomplete argument "${arg}". Usage: security-scan.mjs [--input <dir>] [--allow-list <file>]`,
      );
    }
  }
  return options;
}

/** The allow-list, checked: every entry names a check, a file, a severity, a line or a match, and a one-line reason. */
function readAllowList(file) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`The allow-list ${file} could not be read: ${error.message}`);
  }
  if (data === null || typeof data !== 'object' || !Array.isArray(data.entries)) {
    throw new UsageError(`The allow-list ${file} must be an object with an "entries" array.`);
  }
  return data.entries.map((entry, index) => {
    const where = `allow-list entry ${index + 1}`;
    const text = (key) => {
      const value = entry?.[key];
      if (typeof value !== 'string' || value.trim() === '')
        throw new UsageError(`${where}: "${key}" must be a non-empty string.`);
      return value;
    };
    const check = text('check');
    const file = text('file');
    const severity = text('severity');
    if (!SEVERITIES.has(severity))
      throw new UsageError(`${where}: "severity" must be one of ${[...SEVERITIES].join(', ')}.`);
    const justification = text('justification');
    if (/[\r\n]/u.test(justification) || justification.trim().length < 30) {
      throw new UsageError(`${where}: "justification" must be one line of at least 30 characters.`);
    }
    const match = entry.match === undefined ? undefined : text('match');
    const line = entry.line;
    if (line !== undefined && !(Number.isInteger(line) && line > 0))
      throw new UsageError(`${where}: "line" must be a positive integer.`);
    if (match === undefined && line === undefined && file !== 'N/A') {
      throw new UsageError(`${where}: give a "match" (a stable piece of the flagged code) or a "line".`);
    }
    return { check, file, severity, justification, match, line, used: 0 };
  });
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  if (typeof pkg.version !== 'string') throw new Error('node_modules/electron/package.json has no version.');
  return pkg.version;
}

/** Runs the scanner and returns its findings plus the files it could not parse. */
async function scan(input, version) {
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const result = await run(
    {
      input,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: version,
      parserPlugins: [],
    },
    false,
  );
  const findings = (result?.issues ?? []).map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: String(issue.file).split(path.sep).join('/'),
    line: issue.location?.line,
    column: issue.location?.column,
    sample: issue.sample ?? '',
    description: issue.description,
  }));
  return { findings, errors: result?.errors ?? [], checks: (result?.atomicChecks ?? 0) + (result?.globalChecks ?? 0) };
}

function entryMatches(entry, finding) {
  if (entry.check !== finding.check || entry.file !== finding.file || entry.severity !== finding.severity) return false;
  if (entry.line !== undefined && entry.line !== finding.line) return false;
  if (entry.match !== undefined && !String(finding.sample).includes(entry.match)) return false;
  return true;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const entries = readAllowList(options.allowList);
  const version = electronVersion();
  const shown = path.relative(process.cwd(), options.input) || '.';
  console.log(`Electronegativity scan of ${shown} (Electron ${version})`);
  const { findings, errors, checks } = await scan(options.input, version);

  let failed = false;
  if (checks === 0) {
    console.log('FAIL  the scanner ran no checks');
    failed = true;
  }
  for (const error of errors) {
    const file = path.relative(options.input, String(error.file ?? '')) || 'a file';
    if (error.tolerable) {
      console.log(`warn  parsed ${file} with a warning: ${error.message}`);
    } else {
      console.log(`FAIL  could not parse ${file} (so it was not scanned): ${error.message}`);
      failed = true;
    }
  }
  for (const finding of findings) {
    const entry = entries.find((candidate) => entryMatches(candidate, finding));
    const where = `${finding.file}:${finding.line}:${finding.column}`;
    const head = `${finding.check} ${finding.severity}/${finding.confidence} ${where}`;
    if (entry) {
      entry.used += 1;
      console.log(`ok    ALLOWED      ${head}\n      ${entry.justification}`);
    } else {
      failed = true;
      console.log(`FAIL  NOT ALLOWED  ${head}\n      ${finding.sample}\n      ${finding.description}`);
    }
  }
  for (const entry of entries.filter((candidate) => candidate.used === 0)) {
    failed = true;
    const at = entry.match === undefined ? `line ${entry.line}` : `"${entry.match}"`;
    console.log(
      `FAIL  STALE        ${entry.check} ${entry.severity} ${entry.file} ${at}: no such finding any more; remove the entry`,
    );
  }
  const allowed = findings.length - findings.filter((f) => !entries.some((e) => entryMatches(e, f))).length;
  console.log(`${findings.length} finding(s), ${allowed} allow-listed; ${entries.length} allow-list entries.`);
  console.log(failed ? 'Security scan FAILED.' : 'Security scan passed.');
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  console.error(`Security scan FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
