// `zpa history` over a real history folder: the filters (account, outcome, dates, free text, order), CSV and
// JSON output, `history verify` on intact, tampered and cut files, and `history retention`. In-process through
// main() with a fake clock where that is enough; a few runs spawn zpa the way a user does, with no keychain
// reachable (DBUS_SESSION_BUS_ADDRESS pointing nowhere) and no network. History is seeded with
// HistoryStore.appendMany into a temporary ZPA_DATA_DIR. Needs no D-Bus session and no test CA.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { HistoryEntry, HistoryEntryInput, HistoryVerifyResult } from '../../shared/domain/history';
import { HISTORY_DIR, HISTORY_FILE, HistoryStore } from '../../electron/node/history/history-store';
import { parseDateOption } from '../../electron/cli/dates';
import { historyTable } from '../../electron/cli/format';
import type { CliInput } from '../../electron/cli/io';
import { main, type CliDeps, type CliIo } from '../../electron/cli/zpa';
import { NO_KEYCHAIN_ENV, runZpa, unreachableApiBase, uniqueKeychainService } from '../support/run-zpa';
import { tempDir } from '../support/temp-dir';
import { readCsv } from '../support/csv';

type Io = CliIo & { out(): string; err(): string };

/** Streams in memory; the data folder and an API base nothing listens on (history needs neither network nor token). */
function bufferIo(dataDir: string, env: NodeJS.ProcessEnv = {}): Io {
  let out = '';
  let err = '';
  return {
    stdin: Readable.from([]) as unknown as CliInput,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { ZPA_DATA_DIR: dataDir, ZPA_API_BASE_URL: 'https://127.0.0.1:9/v2', ...env },
    platform: 'linux',
    homedir: '/nonexistent',
    out: () => out,
    err: () => err,
  };
}

/** Any use of the keychain or the network fails the test. */
const OFFLINE: CliDeps = {
  keychain: () => {
    throw new Error('the keychain was touched');
  },
  transport: { send: () => Promise.reject(new Error('the network was touched')) },
};

async function zpa(dataDir: string, argv: string[], deps: CliDeps = OFFLINE): Promise<{ code: number } & Io> {
  const io = bufferIo(dataDir);
  const code = await main(argv, io, deps);
  return Object.assign(io, { code });
}

async function json<T>(dataDir: string, argv: string[]): Promise<T> {
  const r = await zpa(dataDir, argv);
  assert.equal(r.code, 0, `zpa ${argv.join(' ')}: ${r.err()}`);
  return JSON.parse(r.out()) as T;
}

const ids = (entries: readonly HistoryEntry[]) => entries.map((e) => e.id);

function entry(id: string, at: string, over: Partial<HistoryEntryInput> = {}): HistoryEntryInput {
  return {
    id,
    at,
    user: `${id}@example.com`,
    outcome: 'updated',
    httpStatus: 204,
    zoomCode: null,
    message: 'Password updated.',
    zoomMessage: null,
    trackingId: `trk-${id}`,
    durationMs: 100,
    apiBase: 'https://api.zoom.us/v2',
    source: 'app',
    retryAfterSeconds: null,
    ...over,
  };
}

function historyFile(dataDir: string): string {
  return path.join(dataDir, HISTORY_DIR, HISTORY_FILE);
}

/**
 * Five entries, oldest first, each findable by exactly one filter value: two accounts spelt in different
 * cases, the default account named and left out, one rejection, and a reason, a user name, a tracking
 * id and a Zoom message that only one entry has.
 */
function seedSample(dataDir: string): void {
  HistoryStore.open({ dataDir }).appendMany([
    entry('a1', '2026-03-01T09:00:00Z', { account: 'Sales', reason: 'INC-4711 locked out' }),
    entry('a2', '2026-03-02T10:00:00Z', {
      account: 'sales',
      outcome: 'rejected',
      httpStatus: 400,
      zoomCode: 1129,
      message: 'Zoom refused the password: it was used recently.',
      zoomMessage: 'Password has been used recently.',
    }),
    entry('a3', '2026-03-03T11:00:00Z', {
      account: 'Default',
      userName: 'Quorum Tester',
      outcome: 'failed',
      httpStatus: 503,
      message: 'Zoom answered with a server error.',
    }),
    entry('a4', '2026-03-04T12:00:00Z', { account: 'Support', trackingId: 'v=2.0;clid=needle;rid=A4' }),
    entry('a5', '2026-03-05T09:00:00Z', { zoomMessage: 'The password was frobnicated.' }),
  ]);
}

/** The CSV as objects keyed by header, after checking the byte-order mark and the header row. */
function csvRecords(text: string): Record<string, string>[] {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark for spreadsheets');
  const [header, ...rows] = readCsv(text.slice(1));
  assert.ok(header, 'a header row');
  assert.deepEqual(header.slice(0, 5), ['Time', 'Account', 'User', 'User name', 'Outcome']);
  for (const r of rows) assert.equal(r.length, header.length, 'every row has every column');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('zpa history filters', () => {
  const dataDir = tempDir({ after }, 'zpa-history-filters-');
  before(() => seedSample(dataDir));

  it('--account matches the name exactly, ignoring case; "default" also matches entries without one', async () => {
    assert.deepEqual(ids(await json(dataDir, ['history', '--json', '--account', 'SALES'])), ['a2', 'a1']);
    assert.deepEqual(ids(await json(dataDir, ['history', '--json', '--account', 'support'])), ['a4']);
    assert.deepEqual(ids(await json(dataDir, ['history', '--json', '--account', 'Default'])), ['a5', 'a3']);
    assert.deepEqual(ids(await json(dataDir, ['history', '--json', '--account', 'sale'])), [], 'not a substring');
  });

  it('--account combines with --outcome and --user', async () => {
    assert.deepEqual(ids(await json(dataDir, ['history', '--json', '--account', 'sales', '--outcome', 'rejected'])), [
      'a2',
    ]);
    assert.deepEqual(ids(await json(dataDir, ['history', '--json', '--account', 'sales', '--user', 'A1@'])), ['a1']);
    assert.deepEqual(
      ids(await json(dataDir, ['history', '--json', '--account', 'support', '--outcome', 'failed'])),
      [],
    );
  });

  it('--search looks in user, name, message, Zoom message, tracking id, Zoom code and reason', async () => {
    const search = async (text: string) => ids(await json(dataDir, ['history', '--json', '--search', text]));
    assert.deepEqual(await search('inc-4711'), ['a1'], 'reason');
    assert.deepEqual(await search('1129'), ['a2'], 'Zoom code');
    assert.deepEqual(await search('RECENTLY'), ['a2'], 'message');
    assert.deepEqual(await search('quorum'), ['a3'], 'user name');
    assert.deepEqual(await search('clid=needle'), ['a4'], 'tracking id');
    assert.deepEqual(await search('frobnicated'), ['a5'], 'Zoom message');
    assert.deepEqual(await search('a3@example'), ['a3'], 'user');
    assert.deepEqual(await search('nothing like this'), []);
  });

  it('--since (inclusive) and --until (exclusive) take dates and times with a zone', async () => {
    const range = async (...args: string[]) => ids(await json(dataDir, ['history', '--json', ...args]));
    assert.deepEqual(await range('--since', '2026-03-03T11:00:00Z'), ['a5', 'a4', 'a3'], 'since is inclusive');
    assert.deepEqual(await range('--until', '2026-03-03T11:00:00Z'), ['a2', 'a1'], 'until is exclusive');
    assert.deepEqual(await range('--since', '2026-03-02T12:00:00+02:00', '--until', '2026-03-04T12:00:00.001Z'), [
      'a4',
      'a3',
      'a2',
    ]);
  });

  it('--oldest-first reverses the order, in JSON, the table and the "showing" note', async () => {
    assert.deepEqual(ids(await json(dataDir, ['history', '--json', '--oldest-first'])), ['a1', 'a2', 'a3', 'a4', 'a5']);
    assert.deepEqual(ids(await json(dataDir, ['history', '--json', '--oldest-first', '--limit', '2'])), ['a1', 'a2']);
    const table = await zpa(dataDir, ['history', '--oldest-first', '--limit', '2', '--account', 'default']);
    assert.equal(table.code, 0);
    assert.match(table.out().split('\n')[1] ?? '', /^2026-03-03 11:00:00 UTC\s+Default\s+a3@example\.com/);
    assert.equal(table.err(), '');
    const cut = await zpa(dataDir, ['history', '--oldest-first', '--limit', '1']);
    assert.match(cut.err(), /^zpa: showing the 1 oldest of 5 entries; use --limit to see more\.\n$/);
  });

  it('the table shows ACCOUNT and REASON columns only when an entry shown has them', async () => {
    const withBoth = await zpa(dataDir, ['history']);
    const [header, ...rows] = withBoth.out().trimEnd().split('\n');
    assert.match(header ?? '', /^WHEN\s+ACCOUNT\s+USER\s+OUTCOME\s+HTTP\s+CODE\s+MS\s+TRACKING ID\s+REASON\s+MESSAGE$/);
    assert.equal(rows.length, 5);
    assert.match(rows[4] ?? '', /\sSales\s.*\sINC-4711 locked out\s+Password updated\.$/);
    assert.match(rows[1] ?? '', /\sSupport\s.*\s-\s+Password updated\.$/, 'no reason: a dash');
    const noReason = await zpa(dataDir, ['history', '--account', 'support']);
    assert.match(noReason.out(), /^WHEN\s+ACCOUNT\s+USER\s+.*TRACKING ID\s+MESSAGE\n/);
    const legacy = historyTable([{ ...(entry('x', '2026-01-01T00:00:00Z') as HistoryEntry) }]);
    assert.match(legacy, /^WHEN\s+USER\s+OUTCOME\s+HTTP\s+CODE\s+MS\s+TRACKING ID\s+MESSAGE\n/, 'unchanged without');
  });

  it('says so when nothing matches a new filter', async () => {
    const none = await zpa(dataDir, ['history', '--search', 'zzz-no-match']);
    assert.equal(none.code, 0);
    assert.equal(none.out(), 'No history entries match.\n');
  });

  it('--json keeps the fields of every entry, plus the integrity chain', async () => {
    const all = await json<HistoryEntry[]>(dataDir, ['history', '--json']);
    for (const e of all) {
      for (const field of ['id', 'at', 'user', 'outcome', 'httpStatus', 'zoomCode', 'message', 'trackingId']) {
        assert.ok(field in e, `${field} in ${e.id}`);
      }
      assert.ok(typeof e.seq === 'number' && typeof e.hash === 'string', `${e.id} is chained`);
    }
    assert.equal(all.find((e) => e.id === 'a1')?.reason, 'INC-4711 locked out');
  });
});

describe('zpa history dates in local time', () => {
  const dataDir = tempDir({ after }, 'zpa-history-local-');
  const zone = process.env.TZ;

  before(() => {
    // Node applies a new TZ at once; New York is 4 hours behind UTC on these (summer-time) days.
    process.env.TZ = 'America/New_York';
    HistoryStore.open({ dataDir }).appendMany([
      entry('before', '2026-03-09T23:59:59.999-04:00'),
      entry('first', '2026-03-10T00:00:00-04:00'),
      entry('late', '2026-03-10T23:30:00-04:00'),
      entry('next', '2026-03-11T00:30:00-04:00'),
    ]);
  });
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('YYYY-MM-DD is local midnight; for --until it includes that whole day', async () => {
    const range = async (...args: string[]) => ids(await json(dataDir, ['history', '--json', ...args]));
    assert.deepEqual(await range('--since', '2026-03-10'), ['next', 'late', 'first']);
    assert.deepEqual(await range('--until', '2026-03-10'), ['late', 'first', 'before']);
    assert.deepEqual(await range('--since', '2026-03-10', '--until', '2026-03-10'), ['late', 'first'], 'one day');
  });

  it('a date and time without a zone is local time; with one, it is that instant', async () => {
    const range = async (...args: string[]) => ids(await json(dataDir, ['history', '--json', ...args]));
    assert.deepEqual(await range('--since', '2026-03-10T23:30'), ['next', 'late']);
    assert.deepEqual(await range('--since', '2026-03-10 23:30:00.001'), ['next']);
    assert.deepEqual(await range('--until', '2026-03-10T04:00:00Z'), ['before'], 'UTC 04:00 is local midnight');
  });

  it('parses every accepted form to the instant the history query takes', () => {
    assert.equal(parseDateOption('2026-03-10', 'start'), '2026-03-10T04:00:00.000Z');
    assert.equal(parseDateOption('2026-03-10', 'end'), '2026-03-11T04:00:00.000Z');
    assert.equal(parseDateOption('2026-12-31', 'end'), '2027-01-01T05:00:00.000Z', 'across the year, winter time');
    assert.equal(parseDateOption('2026-03-10T09:30', 'end'), '2026-03-10T13:30:00.000Z', 'a time is not widened');
    assert.equal(parseDateOption('2026-03-10T09:30:15.1234Z', 'start'), '2026-03-10T09:30:15.123Z');
    assert.equal(parseDateOption('2026-03-10T09:30:00+0530', 'start'), '2026-03-10T04:00:00.000Z');
    assert.equal(parseDateOption('2026-03-10T09:30-02', 'start'), '2026-03-10T11:30:00.000Z');
    assert.equal(parseDateOption(' 2024-02-29 ', 'start'), '2024-02-29T05:00:00.000Z', 'leap day');
    assert.equal(parseDateOption('0050-01-01T00:00Z', 'start'), '0050-01-01T00:00:00.000Z', 'not 1950');
  });
});

describe('zpa history refuses bad input with exit 2', () => {
  const dataDir = tempDir({ after }, 'zpa-history-bad-');
  before(() => seedSample(dataDir));

  it('bad dates: not a date, no such day or time, bad zone, out of range', async () => {
    for (const [value, why] of [
      ['yesterday', /It is not a date\. Use YYYY-MM-DD/],
      ['2026-02-30', /2026-02 has no day 30 \(it has 28\)/],
      ['2025-02-29', /has no day 29/],
      ['2026-13-01', /There is no month 13/],
      ['2026-3-1', /It is not a date/],
      ['01/03/2026', /It is not a date/],
      ['2026-03-01T24:00', /24:00:00 is not a time of day/],
      ['2026-03-01T10:61', /is not a time of day/],
      ['2026-03-01T10:00+19:00', /is not a time zone offset/],
      ['', /It is not a date/],
    ] as const) {
      for (const flag of ['--since', '--until']) {
        const r = await zpa(dataDir, ['history', flag, value]);
        assert.equal(r.code, 2, `${flag} ${value}`);
        assert.equal(r.out(), '', 'nothing listed');
        const lines = r.err().split('\n').filter(Boolean);
        assert.equal(lines.length, 1, r.err());
        assert.ok(lines[0]?.startsWith(`zpa: option '${flag} <date>' argument '${value}' is invalid.`), lines[0]);
        assert.match(lines[0] ?? '', why);
        assert.match(lines[0] ?? '', /\(see "zpa history --help"\)$/);
      }
    }
    assert.throws(() => parseDateOption('9999-12-31', 'end'), /years 0001 to 9999/);
  });

  it('a range that cannot hold anything: --since not before --until', async () => {
    for (const [since, until] of [
      ['2026-03-05', '2026-03-04'],
      ['2026-03-05T00:00:00Z', '2026-03-05T00:00:00Z'],
    ] as const) {
      const r = await zpa(dataDir, ['history', '--since', since, '--until', until, '--json']);
      assert.equal(r.code, 2);
      assert.match(r.err(), /^zpa: --since \(.*\) is not before --until \(.*, exclusive\): no entry could match\./);
      assert.equal(r.out(), '');
    }
  });

  it('bad account, search and option combinations', async () => {
    for (const [argv, why] of [
      [['history', '--account', '  '], /--account <name>.*Give an account name/],
      [['history', '--account', 'x'.repeat(101)], /At most 100 characters/],
      [['history', '--search', 'x'.repeat(201)], /At most 200 characters/],
      [['history', '--csv', '--json'], /'--csv' cannot be used with option '--json'/],
      [['history', '--csv', '--limit', '5'], /'--csv' cannot be used with option '--limit <n>'/],
      [['history', '--outcome', 'exploded', '--csv'], /--outcome/],
      [['history', '--since'], /'--since <date>' argument missing/],
      [['history', 'verifi'], /too many arguments/],
    ] as const) {
      const r = await zpa(dataDir, [...argv]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err(), why);
      assert.equal(r.out(), '');
    }
  });
});

describe('zpa history --csv', () => {
  const dataDir = tempDir({ after }, 'zpa-history-csv-');
  before(() => {
    seedSample(dataDir);
    HistoryStore.open({ dataDir }).appendMany([
      entry('evil', '2026-03-06T08:00:00Z', {
        user: "=cmd|' /C calc'!A0",
        userName: '@SUM(1+1)',
        message: '+1, "quoted"\nsecond line',
        zoomMessage: '-2',
        reason: '=HYPERLINK("http://x")',
        account: 'Sales',
      }),
    ]);
  });

  it('prints the whole filtered set as CSV, read back cell for cell', async () => {
    const r = await zpa(dataDir, ['history', '--csv']);
    assert.equal(r.code, 0, r.err());
    assert.equal(r.err(), '');
    const rows = csvRecords(r.out());
    assert.deepEqual(
      rows.map((row) => row['Request ID']),
      ['evil', 'a5', 'a4', 'a3', 'a2', 'a1'],
      'newest first, every entry (no table limit)',
    );
    const a2 = rows.find((row) => row['Request ID'] === 'a2');
    assert.equal(a2?.Account, 'sales');
    assert.equal(a2?.Outcome, 'rejected');
    assert.equal(a2?.['Zoom code'], '1129');
    assert.equal(a2?.['HTTP status'], '400');
    assert.equal(a2?.Time, '2026-03-02T10:00:00Z');
    assert.match(a2?.Hash ?? '', /^[0-9a-f]{64}$/);
    assert.equal(rows.find((row) => row['Request ID'] === 'a3')?.Account, 'Default');
  });

  it('neutralises cells a spreadsheet would run as formulas, keeping their text', async () => {
    const r = await zpa(dataDir, ['history', '--csv', '--search', 'calc']);
    const [evil] = csvRecords(r.out());
    assert.equal(evil?.User, "'=cmd|' /C calc'!A0");
    assert.equal(evil?.['User name'], "'@SUM(1+1)");
    assert.equal(evil?.Message, '\'+1, "quoted"\nsecond line', 'quotes and line breaks survive');
    assert.equal(evil?.['Zoom message'], "'-2");
    assert.equal(evil?.Reason, '\'=HYPERLINK("http://x")');
  });

  it('combines with every filter and --oldest-first; an empty match is just the header', async () => {
    const r = await zpa(dataDir, [
      'history',
      '--csv',
      '--account',
      'sales',
      '--since',
      '2026-03-01T09:00:00Z',
      '--until',
      '2026-03-06T08:00:00Z',
      '--oldest-first',
    ]);
    assert.deepEqual(
      csvRecords(r.out()).map((row) => row['Request ID']),
      ['a1', 'a2'],
    );
    const outcome = await zpa(dataDir, ['history', '--csv', '--outcome', 'failed', '--user', 'a3']);
    assert.deepEqual(
      csvRecords(outcome.out()).map((row) => row['Request ID']),
      ['a3'],
    );
    const none = await zpa(dataDir, ['history', '--csv', '--search', 'no such text']);
    assert.equal(none.code, 0);
    assert.deepEqual(csvRecords(none.out()), []);
  });

  it('--json prints the same filtered set as one array', async () => {
    const csv = csvRecords((await zpa(dataDir, ['history', '--csv', '--account', 'sales'])).out());
    const entries = await json<HistoryEntry[]>(dataDir, ['history', '--json', '--account', 'sales']);
    assert.deepEqual(
      ids(entries),
      csv.map((row) => row['Request ID']),
    );
    assert.equal(entries[0]?.user, "=cmd|' /C calc'!A0", 'JSON keeps the text as recorded');
  });
});

describe('zpa history --json with more entries than one page', () => {
  const dataDir = tempDir({ after }, 'zpa-history-many-');
  before(() => {
    const start = Date.UTC(2026, 0, 1);
    HistoryStore.open({ dataDir }).appendMany(
      Array.from({ length: 2600 }, (_, i) =>
        entry(`m${i}`, new Date(start + i * 60_000).toISOString(), { account: i % 2 === 0 ? 'even' : 'odd' }),
      ),
    );
  });

  it('prints the whole filtered set without --limit, and the CSV has as many rows', async () => {
    const even = await json<HistoryEntry[]>(dataDir, ['history', '--json', '--account', 'even']);
    assert.equal(even.length, 1300);
    assert.equal(even[0]?.id, 'm2598');
    assert.equal(even.at(-1)?.id, 'm0');
    const csv = csvRecords((await zpa(dataDir, ['history', '--csv', '--account', 'odd', '--oldest-first'])).out());
    assert.equal(csv.length, 1300);
    assert.equal(csv[0]?.['Request ID'], 'm1');
    const table = await zpa(dataDir, ['history']);
    assert.equal(table.out().trimEnd().split('\n').length, 51, 'the table still shows 50 by default');
  });
});

describe('zpa history verify', () => {
  /** A folder with `n` chained entries (and optionally some from before the chain, written first). */
  function seeded(t: { after(fn: () => void): void }, n: number, legacy = 0): string {
    const dataDir = tempDir(t, 'zpa-history-verify-');
    const file = historyFile(dataDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = Array.from({ length: legacy }, (_, i) => entry(`old${i}`, `2025-01-0${i + 1}T00:00:00Z`));
    fs.writeFileSync(file, old.map((e) => `${JSON.stringify(e)}\n`).join(''));
    HistoryStore.open({ dataDir }).appendMany(
      Array.from({ length: n }, (_, i) => entry(`v${i + 1}`, new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString())),
    );
    return dataDir;
  }
  const lines = (dataDir: string) => fs.readFileSync(historyFile(dataDir), 'utf8').split('\n').filter(Boolean);
  const writeLines = (dataDir: string, l: string[]) => fs.writeFileSync(historyFile(dataDir), `${l.join('\n')}\n`);

  it('exit 0 when intact: records checked, unchained entries, retention, last seq and hash', async (t) => {
    const dataDir = seeded(t, 5, 2);
    const last = JSON.parse(lines(dataDir).at(-1) ?? '') as HistoryEntry;
    const r = await zpa(dataDir, ['history', 'verify']);
    assert.equal(r.code, 0, r.err());
    assert.equal(r.err(), '');
    const out = r.out();
    assert.match(out, /^History intact: 5 records checked; none altered, removed or reordered\.\n/);
    assert.match(out, /\n {2}Unchained entries: +2 \(written before the hash chain existed/);
    assert.match(out, /\n {2}Retention: +none recorded/);
    assert.match(out, new RegExp(`\\n {2}Last seq: +5\\n {2}Last hash: +${last.hash}\\n`));
    assert.match(out, /Note the last seq and hash/);
  });

  it('--json prints the verify result, before or after "verify"', async (t) => {
    const dataDir = seeded(t, 3);
    for (const argv of [
      ['history', 'verify', '--json'],
      ['history', '--json', 'verify'],
    ]) {
      const result = await json<HistoryVerifyResult>(dataDir, argv);
      assert.equal(result.ok, true);
      assert.equal(result.checked, 3);
      assert.equal(result.unchained, 0);
      assert.equal(result.lastSeq, 3);
      assert.match(result.lastHash ?? '', /^[0-9a-f]{64}$/);
      assert.equal(result.firstProblem, undefined);
    }
  });

  it('an empty or missing history is intact', async (t) => {
    const dataDir = tempDir(t);
    const r = await zpa(dataDir, ['history', 'verify']);
    assert.equal(r.code, 0, r.err());
    assert.match(r.out(), /^History intact: there are no entries yet\./);
  });

  it('exit 1 naming the entry whose message was edited (line, seq, id), and the file is left as it is', async (t) => {
    const dataDir = seeded(t, 6);
    const l = lines(dataDir);
    const victim = JSON.parse(l[3] ?? '') as HistoryEntry;
    l[3] = JSON.stringify({ ...victim, message: 'Password updated (edited later).' });
    writeLines(dataDir, l);
    const before = fs.readFileSync(historyFile(dataDir));

    const r = await zpa(dataDir, ['history', 'verify']);
    assert.equal(r.code, 1);
    assert.match(r.out(), /^History NOT intact/);
    assert.match(r.out(), /First problem: +altered at line 4 of history\.jsonl\n +seq 4, id v4\n/);
    const err = r.err().split('\n').filter(Boolean);
    assert.equal(err.length, 1, r.err());
    assert.match(
      err[0] ?? '',
      /^zpa: History not intact \(altered\) at line 4 of history\.jsonl \(seq 4, id v4\): Entry seq 4 does not match its hash/,
    );

    const result = JSON.parse((await zpa(dataDir, ['history', 'verify', '--json'])).out()) as HistoryVerifyResult;
    assert.equal(result.ok, false);
    assert.deepEqual(
      { ...result.firstProblem, detail: undefined },
      { kind: 'altered', lineNumber: 4, seq: 4, id: 'v4', detail: undefined },
    );
    assert.deepEqual(fs.readFileSync(historyFile(dataDir)), before, 'verify changes nothing');
  });

  it('exit 1 when a line was deleted, naming where the gap is', async (t) => {
    const dataDir = seeded(t, 6);
    const l = lines(dataDir);
    l.splice(2, 1);
    writeLines(dataDir, l);
    const r = await zpa(dataDir, ['history', 'verify']);
    assert.equal(r.code, 1);
    assert.match(
      r.err(),
      /^zpa: History not intact \(removed\) at line 3 of history\.jsonl \(seq 4, id v4\): 1 entry \(seq 3\) .*missing/,
    );
  });

  it('exit 1 when two lines were swapped, or a line is no longer readable', async (t) => {
    const swapped = seeded(t, 4);
    const l = lines(swapped);
    [l[1], l[2]] = [l[2] as string, l[1] as string];
    writeLines(swapped, l);
    const r = await zpa(swapped, ['history', 'verify']);
    assert.equal(r.code, 1);
    assert.match(r.err(), /\(reordered\) at line 2 of history\.jsonl \(seq 3, id v3\)/);

    const damaged = seeded(t, 4);
    const d = lines(damaged);
    d[1] = '{"this is":"not a history record"}';
    writeLines(damaged, d);
    const before = fs.readFileSync(historyFile(damaged));
    const u = await zpa(damaged, ['history', 'verify']);
    assert.equal(u.code, 1);
    assert.match(u.err(), /\(unreadable\) at line 2 of history\.jsonl \(seq -, id -\)/);
    assert.deepEqual(fs.readFileSync(historyFile(damaged)), before, "not repaired behind the auditor's back");
  });

  it('refuses the list options (exit 2) rather than ignoring them', async (t) => {
    const dataDir = seeded(t, 1);
    for (const argv of [
      ['history', 'verify', '--user', 'x'],
      ['history', '--since', '2026-01-01', 'verify'],
      ['history', 'verify', '--csv'],
    ]) {
      const r = await zpa(dataDir, argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err(), /^zpa: --(user|since|csv) does not apply to "zpa history verify"/);
    }
    const extra = await zpa(dataDir, ['history', 'verify', 'now']);
    assert.equal(extra.code, 2);
    assert.match(extra.err(), /too many arguments.*\(see "zpa history verify --help"\)/);
  });
});

describe('zpa history retention', () => {
  const NOW = new Date('2026-06-30T12:00:00Z');
  const clock = { now: () => NOW };
  const deps: CliDeps = { ...OFFLINE, clock };

  function seeded(t: { after(fn: () => void): void }): string {
    const dataDir = tempDir(t, 'zpa-history-retention-');
    HistoryStore.open({ dataDir }).appendMany([
      entry('r1', '2025-01-01T00:00:00Z'),
      entry('r2', '2025-06-01T00:00:00Z'),
      entry('r3', '2026-06-01T00:00:00Z'),
      entry('r4', '2026-06-29T00:00:00Z'),
    ]);
    return dataDir;
  }

  it('--dry-run tells what would go and changes nothing', async (t) => {
    const dataDir = seeded(t);
    const before = fs.readFileSync(historyFile(dataDir));
    const io = bufferIo(dataDir);
    assert.equal(await main(['history', 'retention', '365', '--dry-run'], io, deps), 0, io.err());
    assert.match(
      io.out(),
      /^Would remove 2 entries: started before 2025-06-30 12:00:00 UTC \(365 days ago\); 2 entries/,
    );
    const j = bufferIo(dataDir);
    assert.equal(await main(['history', 'retention', '365', '--dry-run', '--json'], j, deps), 0);
    assert.deepEqual(JSON.parse(j.out()), {
      dryRun: true,
      days: 365,
      cutoff: '2025-06-30T12:00:00.000Z',
      removed: 2,
      kept: 2,
    });
    assert.deepEqual(fs.readFileSync(historyFile(dataDir)), before);
  });

  it('removes the older entries once, records it, and verify still passes', async (t) => {
    const dataDir = seeded(t);
    const io = bufferIo(dataDir);
    assert.equal(await main(['history', 'retention', '365'], io, deps), 0, io.err());
    assert.match(
      io.out(),
      /^Removed 2 entries that started before 2025-06-30 12:00:00 UTC \(365 days ago\); 2 entries kept\./,
    );
    assert.match(io.out(), /recorded in the history \(seq 5\)/);
    assert.deepEqual(ids(await json(dataDir, ['history', '--json'])), ['r4', 'r3']);

    const verify = await zpa(dataDir, ['history', 'verify']);
    assert.equal(verify.code, 0, verify.err());
    assert.match(
      verify.out(),
      /Retention: +365 days, applied 2026-06-30 12:00:00 UTC: 2 entries removed; the chain continues after seq 2/,
    );
    assert.match(verify.out(), /Last seq: +5\n/);

    const again = bufferIo(dataDir);
    assert.equal(await main(['history', 'retention', '365', '--json'], again, deps), 0);
    assert.deepEqual(JSON.parse(again.out()), { removed: 0, kept: 2, marker: null });
  });

  it('refuses a period that is not a whole number of days from 1 to 36500 (exit 2)', async (t) => {
    const dataDir = seeded(t);
    for (const days of ['0', '-5', '1.5', 'year', '36501']) {
      const io = bufferIo(dataDir);
      assert.equal(await main(['history', 'retention', days], io, deps), 2, days);
      assert.match(io.err(), /Give a whole number of days from 1 to 36500/);
    }
    const missing = bufferIo(dataDir);
    assert.equal(await main(['history', 'retention'], missing, deps), 2);
    assert.match(missing.err(), /missing required argument 'days'/);
    assert.equal(lines(dataDir).length, 4, 'nothing removed');
  });

  const lines = (dataDir: string) => fs.readFileSync(historyFile(dataDir), 'utf8').split('\n').filter(Boolean);
});

describe('zpa --help', () => {
  it('lists the new history flags, verify and retention', async () => {
    const root = bufferIo('/nonexistent');
    assert.equal(await main(['--help'], root), 0);
    for (const text of ['history verify', 'history retention <days>', '--csv', 'history verify:']) {
      assert.ok(root.out().includes(text), `zpa --help mentions ${text}`);
    }
    const history = bufferIo('/nonexistent');
    assert.equal(await main(['history', '--help'], history), 0);
    for (const flag of ['--account <name>', '--outcome', '--since <date>', '--until <date>', '--search <text>']) {
      assert.ok(history.out().includes(flag), `zpa history --help mentions ${flag}`);
    }
    for (const flag of ['--csv', '--oldest-first', '--json', '--user <text>', '--limit <n>']) {
      assert.ok(history.out().includes(flag), `zpa history --help mentions ${flag}`);
    }
  });
});

describe('zpa history as a separate process, with no keychain and no network', () => {
  const dataDir = tempDir({ after }, 'zpa-history-spawn-');
  let env: NodeJS.ProcessEnv;

  before(async () => {
    seedSample(dataDir);
    env = {
      ZPA_DATA_DIR: dataDir,
      ZPA_API_BASE_URL: await unreachableApiBase(),
      ZPA_KEYCHAIN_SERVICE: uniqueKeychainService(),
      ZPA_DEBUG: undefined,
      ...NO_KEYCHAIN_ENV,
    };
  });

  it('exports CSV to stdout and reads local dates in the process time zone', async () => {
    // Kolkata is UTC+05:30: its 2026-03-03 runs from 2026-03-02T18:30Z to 2026-03-03T18:30Z.
    const r = await runZpa(['history', '--csv', '--since', '2026-03-03', '--until', '2026-03-03'], {
      env: { ...env, TZ: 'Asia/Kolkata' },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(
      csvRecords(r.stdout).map((row) => row['Request ID']),
      ['a3'],
    );
    // a3 started at 11:00 UTC, 16:30 in Kolkata: a time without a zone is the process's local time.
    for (const [since, expected] of [
      ['2026-03-03T16:30', ['a3', 'a4', 'a5']],
      ['2026-03-03T16:30:01', ['a4', 'a5']],
    ] as const) {
      const local = await runZpa(['history', '--csv', '--since', since, '--oldest-first'], {
        env: { ...env, TZ: 'Asia/Kolkata' },
      });
      assert.equal(local.code, 0, local.stderr);
      assert.deepEqual(
        csvRecords(local.stdout).map((row) => row['Request ID']),
        expected,
        since,
      );
    }
  });

  it('verify: exit 0 when intact, exit 1 naming a tampered entry', async () => {
    const ok = await runZpa(['history', 'verify'], { env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^History intact: 5 records checked/);
    assert.equal(ok.stderr, '');

    const file = historyFile(dataDir);
    const l = fs.readFileSync(file, 'utf8').split('\n');
    l[1] = (l[1] ?? '').replace('"outcome":"rejected"', '"outcome":"updated"');
    fs.writeFileSync(file, l.join('\n'));
    const bad = await runZpa(['history', 'verify'], { env });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^zpa: History not intact \(altered\) at line 2 of history\.jsonl \(seq 2, id a2\)/);
    assert.equal(bad.stderr.trimEnd().split('\n').length, 1);
  });
});
