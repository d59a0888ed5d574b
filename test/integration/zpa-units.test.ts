// In-process tests of zpa's parts that need no Zoom, keychain or data folder: stdin reading, exit codes,
// formatting, argument guards and usage errors. The end-to-end runs are in zpa-cli.test.ts.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { OUTCOMES } from '../../shared/domain/outcome';
import type { HistoryEntry, HistoryPage, HistoryQuery } from '../../shared/domain/history';
import { ERROR_CODES } from '../../shared/domain/errors';
import { describeError, CliExit } from '../../electron/cli/errors';
import { EXIT, exitCodeForError, exitCodeForOutcome } from '../../electron/cli/exit-codes';
import { formatWhen, historyTable, oneLine, zoomDetails } from '../../electron/cli/format';
import { MAX_LINE_BYTES, PromptInterrupted, readFirstLine, readHiddenLine, type CliInput } from '../../electron/cli/io';
import { findSecretOption, looksLikeSecret, Redactor } from '../../electron/cli/secrets';
import { parseLimit, readEntries } from '../../electron/cli/commands/history';
import { outcomeLine } from '../../electron/cli/commands/password';
import { readVersion } from '../../electron/cli/version';
import { main } from '../../electron/cli/zpa';
import { bufferIo } from '../support/buffer-io';
import { tempDir } from '../support/temp-dir';

function entry(over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'req-1',
    at: '2026-11-23T17:42:05.123Z',
    user: 'jane@example.com',
    outcome: 'rejected',
    httpStatus: 400,
    zoomCode: 1129,
    message: 'This user used the password recently.',
    zoomMessage: 'Password used recently',
    trackingId: 'trk-1',
    durationMs: 42,
    apiBase: 'https://127.0.0.1:1/v2',
    source: 'zpa',
    ...over,
  };
}

describe('readFirstLine', () => {
  const read = (...chunks: (string | Buffer)[]) => readFirstLine(Readable.from(chunks.map((c) => Buffer.from(c))));

  it('returns the first line without its line ending, keeping spaces', async () => {
    assert.equal(await read(' pass word \nsecond line\n'), ' pass word ');
    assert.equal(await read('Secr3t!x\r\n'), 'Secr3t!x');
    assert.equal(await read('no newline at all'), 'no newline at all');
  });

  it('strips only one \\r before the \\n, and a leading byte-order mark', async () => {
    assert.equal(await read('abc\r\r\n'), 'abc\r');
    assert.equal(await read('\uFEFFtoken\n'), 'token');
  });

  it('joins a line split across chunks, and multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('päss wörd\nrest');
    assert.equal(await read(bytes.subarray(0, 2), bytes.subarray(2, 5), bytes.subarray(5)), 'päss wörd');
  });

  it('returns an empty string for empty stdin or an empty first line', async () => {
    assert.equal(await read(''), '');
    assert.equal(await read('\nsecond'), '');
  });

  it('refuses invalid UTF-8 and over-long lines', async () => {
    await assert.rejects(read(Buffer.from([0x61, 0xff, 0x0a])), /not valid UTF-8/);
    await assert.rejects(read('x'.repeat(MAX_LINE_BYTES + 10)), /longer than/);
    await assert.rejects(read('x'.repeat(MAX_LINE_BYTES + 10) + '\n'), /longer than/);
  });

  it('stops at the first line: the rest of the stream is left unread', async () => {
    const stream = new PassThrough();
    stream.write('first\n');
    assert.equal(await readFirstLine(stream), 'first');
  });
});

class FakeTty extends EventEmitter {
  isTTY = true;
  rawModes: boolean[] = [];
  setRawMode(mode: boolean): this {
    this.rawModes.push(mode);
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  type(text: string): void {
    this.emit('data', Buffer.from(text));
  }
}

describe('readHiddenLine', () => {
  const start = () => {
    const tty = new FakeTty();
    let prompt = '';
    const promise = readHiddenLine(tty as unknown as CliInput, { write: (s: string) => (prompt += s) }, 'Token: ');
    return { tty, promise, prompt: () => prompt };
  };

  it('reads in raw mode, never echoes, handles backspace and restores the terminal', async () => {
    const { tty, promise, prompt } = start();
    tty.type('Secr');
    tty.type('x\u007f3t');
    tty.type('\u001b[Dpw\r');
    assert.equal(await promise, 'Secr3tpw');
    assert.deepEqual(tty.rawModes, [true, false]);
    assert.equal(prompt(), 'Token: \n');
  });

  it('rejects with PromptInterrupted on Ctrl-C and still restores the terminal', async () => {
    const { tty, promise } = start();
    tty.type('abc\u0003');
    await assert.rejects(promise, PromptInterrupted);
    assert.deepEqual(tty.rawModes, [true, false]);
  });

  it('treats Ctrl-D on an empty line as end of input', async () => {
    const { tty, promise } = start();
    tty.type('\u0004');
    assert.equal(await promise, '');
  });
});

describe('exit codes', () => {
  it('maps every outcome as the issue specifies', () => {
    const expected = {
      updated: 0,
      rejected: 1,
      not_found: 1,
      unauthorized: 3,
      rate_limited: 4,
      failed: 4,
      unknown: 4,
    } as const;
    for (const outcome of OUTCOMES) assert.equal(exitCodeForOutcome(outcome), expected[outcome], outcome);
  });

  it('maps core errors: input → 2, token and keychain → 3, anything else → 4', () => {
    assert.equal(exitCodeForError('invalid_input'), 2);
    assert.equal(exitCodeForError('no_token'), 3);
    assert.equal(exitCodeForError('keychain_unavailable'), 3);
    assert.equal(exitCodeForError('storage_error'), 4);
    for (const code of ERROR_CODES) assert.ok([2, 3, 4].includes(exitCodeForError(code)), code);
  });

  it('describes unexpected errors in one line, with the stack only under ZPA_DEBUG', () => {
    const plain = describeError(new TypeError('boom'), false);
    assert.equal(plain.exitCode, EXIT.incomplete);
    assert.equal(plain.lines.length, 1);
    assert.match(plain.lines[0] ?? '', /Unexpected error: boom \(set ZPA_DEBUG=1/);
    const debug = describeError(new TypeError('boom'), true);
    assert.ok(
      debug.lines.some((l) => l.includes('at ')),
      'stack lines in debug mode',
    );
    assert.deepEqual(describeError(new CliExit(EXIT.refused, 'no'), false), { exitCode: 1, lines: ['no'] });
  });
});

describe('formatting', () => {
  it('puts Zoom code (or HTTP status) and tracking id in the detail', () => {
    assert.equal(zoomDetails(entry()), ' (Zoom code 1129, tracking id trk-1)');
    assert.equal(zoomDetails(entry({ zoomCode: null, httpStatus: 503 })), ' (HTTP 503, tracking id trk-1)');
    assert.equal(zoomDetails(entry({ zoomCode: null, httpStatus: null, trackingId: null })), '');
  });

  it('writes the outcome line the issue shows', () => {
    assert.equal(
      outcomeLine(entry()),
      'rejected: This user used the password recently. (Zoom code 1129, tracking id trk-1)',
    );
    assert.match(outcomeLine(entry({ outcome: 'unauthorized', zoomCode: 124 })), /zpa token set$/);
    assert.match(outcomeLine(entry({ outcome: 'unknown', zoomCode: null, httpStatus: null })), /zpa history --user/);
  });

  it('strips control characters (terminal escapes) from text shown on a terminal', () => {
    assert.equal(oneLine('a\u001b[31mred\nline\u0007'), 'a [31mred line');
    const table = historyTable([entry({ message: 'evil\u001b]0;title\u0007' })]);
    assert.ok(!table.includes('\u001b'));
  });

  it('lays out a table with a header and one line per entry, message last and whole', () => {
    const table = historyTable([entry(), entry({ id: 'req-2', user: 'bob@example.com', outcome: 'updated' })]);
    const lines = table.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? '', /^WHEN\s+USER\s+OUTCOME\s+HTTP\s+CODE\s+MS\s+TRACKING ID\s+MESSAGE$/);
    assert.ok(lines[1]?.endsWith('This user used the password recently.'));
  });

  it('shows the recorded time with its zone', () => {
    assert.equal(formatWhen('2026-11-23T17:42:05.123Z'), '2026-11-23 17:42:05 UTC');
    assert.equal(formatWhen('2026-11-23T17:42:05+01:00'), '2026-11-23 17:42:05 +01:00');
    assert.equal(formatWhen('garbage'), 'garbage');
  });
});

describe('secrets on the command line', () => {
  it('finds options that try to carry a secret, but not --password-stdin', () => {
    assert.equal(findSecretOption(['password', 'set', 'u', '--password=Secr3t!x']), '--password');
    assert.equal(findSecretOption(['token', 'set', '--token', 'abc']), '--token');
    assert.equal(findSecretOption(['password', 'set', 'u', '--password-stdin']), null);
    assert.equal(findSecretOption(['history', '--', '--password']), null);
  });

  it('recognises words that may be secrets without flagging e-mails or options', () => {
    assert.ok(looksLikeSecret('eyJhbGciOiJIUzI1NiJ9.payload.sig'));
    assert.ok(looksLikeSecret('Secr3tPass'));
    assert.ok(!looksLikeSecret('jane@example.com'));
    assert.ok(!looksLikeSecret('--password-stdin'));
    assert.ok(!looksLikeSecret('history'));
  });

  it('redacts registered secrets, longest first, ignoring too-short ones', () => {
    const r = new Redactor();
    r.add('Secr3t!x');
    r.add('Secr3t!x-longer');
    r.add('ab');
    assert.equal(r.redact('a Secr3t!x-longer b Secr3t!x ab'), 'a [redacted] b [redacted] ab');
  });
});

describe('history paging', () => {
  const entries = Array.from({ length: 2500 }, (_, i) => entry({ id: `req-${i}` }));
  const store = {
    calls: [] as HistoryQuery[],
    list(q: HistoryQuery): HistoryPage {
      this.calls.push(q);
      const offset = q.offset ?? 0;
      return { entries: entries.slice(offset, offset + (q.limit ?? 1000)), total: entries.length };
    },
  };

  it('reads all pages when unlimited and stops at the limit otherwise', () => {
    assert.equal(readEntries(store, {}, Number.POSITIVE_INFINITY).entries.length, 2500);
    assert.ok(store.calls.every((q) => (q.limit ?? 0) <= 1000));
    const limited = readEntries(store, { user: 'x' }, 1200);
    assert.equal(limited.entries.length, 1200);
    assert.equal(limited.total, 2500);
    assert.equal(limited.entries[1199]?.id, 'req-1199');
  });

  it('accepts only whole numbers of at least 1 as --limit', () => {
    assert.equal(parseLimit('25'), 25);
    for (const bad of ['0', '-1', '1.5', 'abc', '', '1e3', '99999999999999999999']) {
      assert.throws(() => parseLimit(bad), /whole number/, bad);
    }
  });
});

describe('main() usage errors (nothing reaches the core)', () => {
  it('prints help listing every command with examples and exit codes', async () => {
    const io = bufferIo();
    assert.equal(await main(['--help'], io), 0);
    for (const text of [
      'token set',
      'token status',
      'token clear',
      'password set <user>',
      'history',
      'Examples:',
      'Exit codes:',
    ]) {
      assert.ok(io.out().includes(text), `help mentions ${text}`);
    }
  });

  it('prints the version from package.json', async () => {
    const io = bufferIo();
    assert.equal(await main(['--version'], io), 0);
    assert.equal(io.out().trim(), readVersion());
    assert.match(readVersion(), /^\d+\.\d+\.\d+/);
  });

  it('exits 2 on unknown commands and options, with one line pointing at help', async () => {
    const io = bufferIo();
    assert.equal(await main(['tokn'], io), 2);
    assert.match(io.err(), /^zpa: unknown command 'tokn'.*\(see "zpa --help"\)\n$/);
    const io2 = bufferIo();
    assert.equal(await main(['history', '--colour'], io2), 2);
    assert.match(io2.err(), /^zpa: unknown option '--colour'.*\(see "zpa history --help"\)\n$/);
  });

  it('exits 2 without arguments (help on stderr)', async () => {
    const io = bufferIo();
    assert.equal(await main([], io), 2);
    assert.match(io.err(), /Usage: zpa/);
  });

  it('never repeats a secret-looking word in a usage error', async () => {
    const io = bufferIo();
    assert.equal(await main(['token', 'eyJhbGciOiJIUzI1NiJ9.secret.part'], io), 2);
    assert.ok(!io.err().includes('eyJhbGciOiJIUzI1NiJ9'), io.err());
  });

  it('refuses a token given as an argument, without repeating it', async () => {
    const io = bufferIo('');
    assert.equal(await main(['token', 'set', 'my-very-secret-token-value'], io), 2);
    assert.match(io.err(), /never accepted as arguments/);
    assert.ok(!io.err().includes('my-very-secret-token-value'));
    const io2 = bufferIo('');
    assert.equal(await main(['token', 'set', '--token=my-very-secret-token-value'], io2), 2);
    assert.ok(!io2.err().includes('my-very-secret-token-value'));
    assert.match(io2.err(), /^zpa: --token: Secrets are never accepted/);
  });

  it('refuses a password given as an argument or option, without repeating it', async () => {
    for (const argv of [
      ['password', 'set', 'jane@example.com', 'Secr3t!Pass'],
      ['password', 'set', 'jane@example.com', '--password', 'Secr3t!Pass'],
      ['password', 'set', 'jane@example.com', '--password-stdin', 'Secr3t!Pass'],
    ]) {
      const io = bufferIo('');
      assert.equal(await main(argv, io), 2, argv.join(' '));
      assert.ok(!io.err().includes('Secr3t!Pass'), io.err());
      assert.match(io.err(), /never/);
    }
  });

  it('needs --password-stdin, a valid user, and a non-empty first line', async () => {
    const io = bufferIo('Secr3t!Pass\n');
    assert.equal(await main(['password', 'set', 'jane@example.com'], io), 2);
    assert.match(io.err(), /needs --password-stdin/);
    const io2 = bufferIo('Secr3t!Pass\n');
    assert.equal(await main(['password', 'set', 'not a user', '--password-stdin'], io2), 2);
    assert.match(io2.err(), /Nothing was sent/);
    const io3 = bufferIo('\n');
    assert.equal(await main(['password', 'set', 'jane@example.com', '--password-stdin'], io3), 2);
    assert.match(io3.err(), /No password on stdin/);
  });

  it('refuses an empty or malformed token before touching the keychain', async () => {
    const throwing = () => {
      throw new Error('the keychain must not be touched');
    };
    const io = bufferIo('   \n');
    assert.equal(await main(['token', 'set'], io, { keychain: throwing }), 2);
    assert.match(io.err(), /No token on stdin/);
    const io2 = bufferIo('two words\n');
    assert.equal(await main(['token', 'set'], io2, { keychain: throwing }), 2);
    assert.match(io2.err(), /no spaces/);
    assert.ok(!io2.err().includes('two words'));
  });

  it('refuses an invalid --limit and --outcome with exit 2', async () => {
    for (const argv of [
      ['history', '--limit', '0'],
      ['history', '--limit', 'ten'],
      ['history', '--outcome', 'exploded'],
    ]) {
      const io = bufferIo();
      assert.equal(await main(argv, io), 2, argv.join(' '));
      assert.match(io.err(), /^zpa: .*\(see "zpa history --help"\)\n$/);
    }
  });

  it('refuses an unusable ZPA_API_BASE_URL with exit 2, naming the variable', async () => {
    for (const url of ['http://example.com/v2', 'not a url', 'ftp://127.0.0.1/v2']) {
      const io = bufferIo('', { ZPA_API_BASE_URL: url });
      assert.equal(await main(['history'], io), 2, url);
      assert.match(io.err(), /^zpa: ZPA_API_BASE_URL is not usable: /);
      assert.equal(io.err().split('\n').length, 2, 'one line');
    }
  });

  it('history never touches the keychain or the network', async (t) => {
    const dataDir = tempDir(t);
    const deps = {
      keychain: () => {
        throw new Error('the keychain was touched');
      },
      transport: { send: () => Promise.reject(new Error('the network was touched')) },
    };
    const table = bufferIo('', { ZPA_DATA_DIR: dataDir });
    assert.equal(await main(['history'], table, deps), 0, table.err());
    assert.match(table.out(), /^No history yet/);
    const json = bufferIo('', { ZPA_DATA_DIR: dataDir });
    assert.equal(await main(['history', '--json', '--user', 'x', '--outcome', 'failed'], json, deps), 0);
    assert.deepEqual(JSON.parse(json.out()), []);
  });
});
