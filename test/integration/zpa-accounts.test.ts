// zpa account … and --account: first in-process through main() (an in-memory keychain, a transport that must not be
// called), then end to end: separate zpa processes, the Zoom simulator (API and OAuth token endpoint) over HTTPS
// with the test CA, and the real Secret Service (gnome-keyring in a D-Bus session; see zpa-cli.test.ts).
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { HistoryEntry } from '../../shared/domain/history';
import type { Transport } from '../../electron/node/ports';
import {
  connectionExitCode,
  type AccountJson,
  type ConnectionTestResult,
} from '../../electron/cli/commands/account-format';
import { main, type CliIo } from '../../electron/cli/zpa';
import type { CliInput } from '../../electron/cli/io';
import { DEMO_TOKEN, EXPIRED_TOKEN, SAMPLE, SAMPLE_OAUTH, uniqueValidPassword } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import { MemoryKeychain } from '../support/memory-keychain';
import {
  caEnv,
  keychainSkipReason,
  testCaDir,
  unreachableApiBase,
  uniqueKeychainService,
  zpaEnv,
  ZpaRunner,
  type ZpaResult,
} from '../support/run-zpa';
import { filesContaining, tempDir } from '../support/temp-dir';

// Keys that would hold a secret; `tokenSource`, `secretStored` and the like only describe one.
const SECRET_KEYS = /^(token|access_?token|bearer|secret|client_?secret|password)$/i;

function assertExit(
  result: { code: number | null; args?: readonly string[]; stdout: string; stderr: string },
  code: number,
): void {
  assert.equal(
    result.code,
    code,
    `zpa ${(result.args ?? []).join(' ')} → ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`,
  );
}

function oneErrorLine(result: { stderr: string }, pattern: RegExp): void {
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `one stderr line expected, got:\n${result.stderr}`);
  assert.match(lines[0] ?? '', pattern);
}

/** No key of the JSON (at any depth) names a token, secret or password, and no value is one of `secrets`. */
function assertNoSecrets(json: unknown, secrets: readonly string[]): void {
  const text = JSON.stringify(json);
  for (const secret of secrets) assert.ok(!text.includes(secret), 'a secret in the JSON');
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        assert.doesNotMatch(key, SECRET_KEYS, key);
        walk(inner);
      }
    }
  };
  walk(json);
}

/** A terminal on stdin: raw mode is recorded, typed text arrives as data events. */
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

// ---------------------------------------------------------------------------------------------------------------
// In-process: parsing, validation and the account store, with no network and no real keychain.

interface Run {
  code: number;
  args: readonly string[];
  stdout: string;
  stderr: string;
}

function inProcess(dataDir: string, env: NodeJS.ProcessEnv = {}) {
  const keychain = new MemoryKeychain();
  const sent: string[] = [];
  const transport: Transport = {
    send: (request) => {
      sent.push(`${request.method} ${request.url}`);
      return Promise.reject(new Error('no network in these tests'));
    },
  };
  const run = async (
    args: readonly string[],
    stdin: string | CliInput = '',
    onStderr?: (text: string) => void,
  ): Promise<Run> => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdin: typeof stdin === 'string' ? (Readable.from([Buffer.from(stdin)]) as unknown as CliInput) : stdin,
      stdout: { write: (s: string) => (stdout += s) },
      stderr: {
        write: (s: string) => {
          stderr += s;
          onStderr?.(s);
        },
      },
      env: { ZPA_DATA_DIR: dataDir, ZPA_KEYCHAIN_SERVICE: 'zpa accounts in-process', ...env },
      platform: 'linux',
      homedir: '/nonexistent',
    };
    const code = await main(args, io, { keychain, transport });
    return { code, args, stdout, stderr };
  };
  const list = async (): Promise<AccountJson[]> => {
    const result = await run(['account', 'list', '--json']);
    assertExit(result, 0);
    return JSON.parse(result.stdout) as AccountJson[];
  };
  return { keychain, sent, run, list };
}

describe('zpa account test exit codes', () => {
  const result = (over: Partial<ConnectionTestResult>): ConnectionTestResult => ({
    ok: true,
    failedAt: null,
    accountId: 'acc123',
    accountName: 'a',
    cloud: 'zoom',
    apiBase: 'https://api.zoom.us/v2',
    oauthBase: null,
    tokenSource: 'oauth',
    tokenExpiresAt: null,
    apiUrl: null,
    scopes: [],
    capabilities: { changePasswords: 'allowed', lookUpUsers: 'allowed', readPasswordPolicy: 'allowed' },
    scopesToAdd: [],
    oauthReason: null,
    httpStatus: 200,
    zoomCode: null,
    trackingId: null,
    durationMs: 1,
    message: '',
    action: null,
    ...over,
  });
  const can = { changePasswords: 'allowed', lookUpUsers: 'missing', readPasswordPolicy: 'missing' } as const;

  it('0 when it can change passwords (or a pasted token was accepted), 3 for scopes and credentials, 4 otherwise', () => {
    assert.equal(connectionExitCode(result({ capabilities: can })), 0);
    assert.equal(
      connectionExitCode(result({ capabilities: { ...can, changePasswords: 'unknown' }, tokenSource: 'stored' })),
      0,
    );
    assert.equal(connectionExitCode(result({ capabilities: { ...can, changePasswords: 'missing' } })), 3);
    for (const reason of [
      'invalid_client',
      'invalid_account',
      'app_disabled',
      'unsupported_grant',
      'refused',
    ] as const) {
      assert.equal(connectionExitCode(result({ ok: false, failedAt: 'token', oauthReason: reason })), 3, reason);
    }
    for (const reason of ['network', 'server_error', 'rate_limited', 'wrong_address', 'unexpected_answer'] as const) {
      assert.equal(connectionExitCode(result({ ok: false, failedAt: 'token', oauthReason: reason })), 4, reason);
    }
    assert.equal(connectionExitCode(result({ ok: false, failedAt: 'api', httpStatus: 401, zoomCode: 124 })), 3);
    for (const httpStatus of [429, 503, null]) {
      assert.equal(connectionExitCode(result({ ok: false, failedAt: 'api', httpStatus })), 4, String(httpStatus));
    }
  });
});

describe('zpa account (in-process)', () => {
  const S2S = ['--s2s', '--account-id', SAMPLE_OAUTH.full.accountId, '--client-id', SAMPLE_OAUTH.full.clientId];

  it('adds token and S2S accounts from stdin; list --json has every field and no secret', async (t) => {
    const zpa = inProcess(tempDir(t));
    assert.deepEqual(await zpa.list(), []);
    const empty = await zpa.run(['account', 'list']);
    assertExit(empty, 0);
    assert.match(empty.stdout, /^No Zoom accounts yet\. Add one with: zpa account add <name> --token < token\.txt/);

    const added = await zpa.run(['account', 'add', 'Sales', '--token'], `${DEMO_TOKEN}\n`);
    assertExit(added, 0);
    assert.match(
      added.stdout,
      /^Added account "Sales" \(Zoom, https:\/\/api\.zoom\.us\/v2\); its token is in the OS keychain\. It is the active account\./,
    );
    const gov = await zpa.run(
      ['account', 'add', 'Agency', ...S2S, '--cloud', 'gov'],
      `${SAMPLE_OAUTH.full.clientSecret}\n`,
    );
    assertExit(gov, 0);
    assert.match(gov.stdout, /client secret is in the OS keychain\. Use it with --account Agency/);

    const accounts = await zpa.list();
    assertNoSecrets(accounts, [DEMO_TOKEN, SAMPLE_OAUTH.full.clientSecret]);
    assert.deepEqual(
      accounts.map((a) => [a.name, a.cloud, a.apiBase, a.oauthBase, a.credential.kind, a.secretStored, a.active]),
      [
        ['Sales', 'zoom', 'https://api.zoom.us/v2', 'https://zoom.us/oauth/token', 'token', true, true],
        ['Agency', 'gov', 'https://api.zoomgov.com/v2', 'https://zoomgov.com/oauth/token', 's2s', true, false],
      ],
    );
    const agency = accounts[1];
    assert.deepEqual(agency?.credential, {
      kind: 's2s',
      accountId: SAMPLE_OAUTH.full.accountId,
      clientId: SAMPLE_OAUTH.full.clientId,
    });
    for (const a of accounts) {
      assert.match(a.id, /^[A-Za-z0-9_-]{6,64}$/);
      assert.ok(a.secretStoredAt !== null && !Number.isNaN(Date.parse(a.secretStoredAt)));
    }
    // The secrets are in the keychain, one entry per account, and nowhere in the data folder.
    assert.deepEqual([...zpa.keychain.entries.values()].sort(), [DEMO_TOKEN, SAMPLE_OAUTH.full.clientSecret].sort());
    assert.equal(zpa.sent.length, 0, 'nothing sent');

    const table = await zpa.run(['account', 'list']);
    assertExit(table, 0);
    const rows = table.stdout.trimEnd().split('\n');
    assert.match(rows[0] ?? '', /^\s+NAME\s+CLOUD\s+CREDENTIAL\s+SECRET\s+API$/);
    assert.match(rows[1] ?? '', /^\*\s+Sales\s+Zoom\s+access token\s+stored \d{4}-/);
    assert.match(rows[2] ?? '', /^\s+Agency\s+Zoom for Government\s+S2S OAuth \(client nwS2SFullClient0001\)/);
    assert.ok(!table.stdout.includes(DEMO_TOKEN) && !table.stdout.includes(SAMPLE_OAUTH.full.clientSecret));
  });

  it('asks for the client secret at a hidden prompt on a terminal (raw mode, no echo)', async (t) => {
    const zpa = inProcess(tempDir(t));
    const tty = new FakeTty();
    const secret = SAMPLE_OAUTH.full.clientSecret;
    const result = await zpa.run(['account', 'add', 'typed', ...S2S], tty as unknown as CliInput, (text) => {
      if (text.includes('(input hidden)')) setImmediate(() => tty.type(`${secret}\r`));
    });
    assertExit(result, 0);
    assert.equal(result.stderr, 'Client Secret of the app (input hidden): \n');
    assert.deepEqual(tty.rawModes, [true, false]);
    assert.ok(!result.stdout.includes(secret));
    assert.deepEqual([...zpa.keychain.entries.values()], [secret]);
  });

  it('use makes an account active; remove deletes it and its keychain entry', async (t) => {
    const zpa = inProcess(tempDir(t));
    assertExit(await zpa.run(['account', 'add', 'one', '--token'], `${DEMO_TOKEN}\n`), 0);
    assertExit(await zpa.run(['account', 'add', 'two', ...S2S], `${SAMPLE_OAUTH.full.clientSecret}\n`), 0);
    const use = await zpa.run(['account', 'use', 'TWO']);
    assertExit(use, 0);
    assert.equal(use.stdout, 'Active account: "two" (Zoom, https://api.zoom.us/v2).\n');
    assert.deepEqual(
      (await zpa.list()).map((a) => [a.name, a.active]),
      [
        ['one', false],
        ['two', true],
      ],
    );
    const removed = await zpa.run(['account', 'remove', 'two']);
    assertExit(removed, 0);
    assert.match(
      removed.stdout,
      /^Removed account "two" and its secret from the OS keychain; its history stays\.\nActive account: "one"\.\n$/,
    );
    assert.deepEqual([...zpa.keychain.entries.values()], [DEMO_TOKEN]);
    const last = await zpa.run(['account', 'remove', 'one']);
    assertExit(last, 0);
    assert.match(last.stdout, /No account is left\. Add one with: zpa account add/);
    assert.equal(zpa.keychain.entries.size, 0, 'no keychain entry left');
    assert.deepEqual(await zpa.list(), []);

    const unknown = await zpa.run(['account', 'use', 'nobody']);
    assertExit(unknown, 3);
    oneErrorLine(unknown, /^zpa: No Zoom account is set up yet\./);
    assertExit(await zpa.run(['account', 'add', 'three', '--token'], `${DEMO_TOKEN}\n`), 0);
    const missing = await zpa.run(['account', 'remove', 'nobody']);
    assertExit(missing, 2);
    oneErrorLine(missing, /^zpa: There is no Zoom account named "nobody"\. Use one of: "three"\.$/);
  });

  it('refuses secrets given as arguments with exit 2, never repeating them', async (t) => {
    const zpa = inProcess(tempDir(t));
    const secret = SAMPLE_OAUTH.full.clientSecret;
    for (const args of [
      ['account', 'add', 'x', '--token', DEMO_TOKEN],
      ['account', 'add', 'x', `--token=${DEMO_TOKEN}`],
      ['account', 'add', 'x', ...S2S, '--client-secret', secret],
      ['account', 'add', 'x', ...S2S, `--client-secret=${secret}`],
      ['account', 'add', 'x', ...S2S, secret],
      ['account', 'add', 'x', ...S2S, '--secret', secret],
      ['token', 'set', '--account', 'x', DEMO_TOKEN],
      ['token', 'set', '--token', DEMO_TOKEN],
    ]) {
      const result = await zpa.run(args);
      assertExit(result, 2);
      oneErrorLine(
        result,
        /Secrets are never accepted as arguments: .*(token|client secret) would end up in your shell history/,
      );
      assert.ok(!result.stderr.includes(DEMO_TOKEN) && !result.stderr.includes(secret), result.stderr);
      assert.equal(result.stdout, '');
    }
    assert.deepEqual(await zpa.list(), []);
    assert.equal(zpa.keychain.entries.size, 0);
  });

  it('checks the command line before reading a secret (exit 2, nothing stored)', async (t) => {
    const zpa = inProcess(tempDir(t));
    const cases: [string[], RegExp][] = [
      [['account', 'add', 'x'], /^zpa: Say how the account signs in: --token .* or --s2s/],
      [['account', 'add', 'x', '--s2s'], /^zpa: A --s2s account needs --account-id and --client-id/],
      [
        ['account', 'add', 'x', '--s2s', '--account-id', 'a b', '--client-id', 'c'],
        /^zpa: --account-id: An Account ID has only letters/,
      ],
      [
        ['account', 'add', 'x', '--token', '--client-id', 'c'],
        /^zpa: --account-id and --client-id belong to --s2s accounts/,
      ],
      [['account', 'add', 'x', '--token', '--s2s'], /option '--token' cannot be used with option '--s2s'/],
      [['account', 'add', 'x', '--token', '--cloud', 'mars'], /'mars' is invalid\. Allowed choices are zoom, gov/],
      [
        ['account', 'add', 'x', '--token', '--api-base', 'https://api.example.com/v2'],
        /^zpa: A custom cloud needs both --api-base and --oauth-base/,
      ],
      [
        [
          'account',
          'add',
          'x',
          '--token',
          '--api-base',
          'http://api.example.com/v2',
          '--oauth-base',
          'https://example.com/oauth/token',
        ],
        /^zpa: --api-base: The API address must use https/,
      ],
      [
        [
          'account',
          'add',
          'x',
          '--token',
          '--api-base',
          'https://api.example.com/v2',
          '--oauth-base',
          'http://example.com/oauth/token',
        ],
        /^zpa: --oauth-base: The token address must use https/,
      ],
      [
        [
          'account',
          'add',
          'x',
          '--token',
          '--cloud',
          'gov',
          '--api-base',
          'https://a.example/v2',
          '--oauth-base',
          'https://a.example/t',
        ],
        /option '--cloud <cloud>' cannot be used with option '--api-base <url>'/,
      ],
      [['account', 'add', ' ', '--token'], /^zpa: Account name: Give the account a name\./],
    ];
    for (const [args, pattern] of cases) {
      const result = await zpa.run(args, `${DEMO_TOKEN}\n`);
      assertExit(result, 2);
      oneErrorLine(result, pattern);
    }
    const empty = await zpa.run(['account', 'add', 'x', '--token'], '');
    assertExit(empty, 2);
    oneErrorLine(empty, /^zpa: No token on stdin: nothing was stored\./);
    const badSecret = await zpa.run(['account', 'add', 'x', ...S2S], 'has space inside\n');
    assertExit(badSecret, 2);
    oneErrorLine(badSecret, /^zpa: A Client Secret has no spaces/);
    assert.deepEqual(await zpa.list(), []);
    assert.equal(zpa.keychain.entries.size, 0);

    assertExit(await zpa.run(['account', 'add', 'x', '--token'], `${DEMO_TOKEN}\n`), 0);
    const duplicate = await zpa.run(['account', 'add', ' X ', '--token'], `${EXPIRED_TOKEN}\n`);
    assertExit(duplicate, 2);
    oneErrorLine(duplicate, /^zpa: There is already an account named "x": nothing was stored\./);
    assert.deepEqual([...zpa.keychain.entries.values()], [DEMO_TOKEN]);
  });

  it('custom clouds keep both URLs (loopback http allowed); --use activates a later account', async (t) => {
    const zpa = inProcess(tempDir(t));
    assertExit(await zpa.run(['account', 'add', 'first', '--token'], `${DEMO_TOKEN}\n`), 0);
    const lab = await zpa.run(
      [
        'account',
        'add',
        'lab',
        '--token',
        '--use',
        '--json',
        '--api-base',
        'http://127.0.0.1:8080/v2/',
        '--oauth-base',
        'https://127.0.0.1:8443/oauth/token',
      ],
      `${DEMO_TOKEN}\n`,
    );
    assertExit(lab, 0);
    const json = JSON.parse(lab.stdout) as AccountJson;
    assertNoSecrets(json, [DEMO_TOKEN]);
    assert.deepEqual(
      [json.name, json.cloud, json.apiBase, json.oauthBase, json.active],
      ['lab', 'custom', 'http://127.0.0.1:8080/v2', 'https://127.0.0.1:8443/oauth/token', true],
    );
  });

  it('token set/status with --account act on that account; S2S accounts have no token to set', async (t) => {
    const zpa = inProcess(tempDir(t));
    assertExit(await zpa.run(['account', 'add', 'app', ...S2S], `${SAMPLE_OAUTH.full.clientSecret}\n`), 0);
    assertExit(await zpa.run(['account', 'add', 'pasted', '--token'], `${DEMO_TOKEN}\n`), 0);
    const set = await zpa.run(['token', 'set', '--account', 'pasted'], `${EXPIRED_TOKEN}\n`);
    assertExit(set, 0);
    assert.match(set.stdout, /^Token of "pasted" stored in the OS keychain \(\d{4}-/);
    assert.ok([...zpa.keychain.entries.values()].includes(EXPIRED_TOKEN));
    assert.ok(![...zpa.keychain.entries.values()].includes(DEMO_TOKEN), 'replaced');
    const status = await zpa.run(['token', 'status', '--account', 'pasted', '--json']);
    assertExit(status, 0);
    assert.equal((JSON.parse(status.stdout) as { stored: boolean }).stored, true);
    const s2sStatus = await zpa.run(['token', 'status', '--account', 'app']);
    assertExit(s2sStatus, 0);
    assert.match(
      s2sStatus.stdout,
      /^Account "app" uses Server-to-Server OAuth: tokens are fetched automatically\. Client secret: stored/,
    );
    // The active account is "app" (the first added): token set on it is refused, as is --account app.
    for (const args of [
      ['token', 'set'],
      ['token', 'set', '--account', 'app'],
    ]) {
      const refused = await zpa.run(args, `${DEMO_TOKEN}\n`);
      assertExit(refused, 2);
      oneErrorLine(refused, /uses Server-to-Server OAuth: its tokens are fetched automatically/);
    }
    const clearOther = await zpa.run(['token', 'clear', '--account', 'pasted']);
    assertExit(clearOther, 2);
    oneErrorLine(clearOther, /^zpa: "pasted" is not the active account: zpa token clear acts on the active account\./);
    assertExit(await zpa.run(['account', 'use', 'pasted']), 0);
    assertExit(await zpa.run(['token', 'clear', '--account', 'pasted']), 0);
    const cleared = await zpa.run(['token', 'status', '--account', 'pasted']);
    assert.match(
      cleared.stdout,
      /^Token of "pasted": not stored\. Store one with: zpa token set --account pasted < token\.txt/,
    );
  });

  it('password set --account: an unknown name is exit 2 before the password is read or anything sent', async (t) => {
    const zpa = inProcess(tempDir(t));
    assertExit(await zpa.run(['account', 'add', 'one', '--token'], `${DEMO_TOKEN}\n`), 0);
    const result = await zpa.run(
      ['password', 'set', SAMPLE.memberEmail, '--password-stdin', '--account', 'two'],
      `${uniqueValidPassword()}\n`,
    );
    assertExit(result, 2);
    oneErrorLine(result, /^zpa: There is no Zoom account named "two"\. Use one of: "one"\.$/);
    assert.equal(zpa.sent.length, 0);
  });

  it('ZPA_API_BASE_URL and ZPA_OAUTH_BASE_URL must be usable (exit 2)', async (t) => {
    const dir = tempDir(t);
    for (const [name, value, pattern] of [
      [
        'ZPA_OAUTH_BASE_URL',
        'http://zoom.example.com/oauth/token',
        /^zpa: ZPA_OAUTH_BASE_URL is not usable: The token address must use https/,
      ],
      ['ZPA_OAUTH_BASE_URL', 'not a url', /^zpa: ZPA_OAUTH_BASE_URL is not usable: .*not a valid token address/],
      ['ZPA_API_BASE_URL', 'ftp://x/v2', /^zpa: ZPA_API_BASE_URL is not usable: The API address must use https/],
    ] as const) {
      const zpa = inProcess(dir, { [name]: value });
      const result = await zpa.run(['account', 'list']);
      assertExit(result, 2);
      oneErrorLine(result, pattern);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// End to end: processes, simulator, real keychain.

describe('zpa account against the simulator and the real keychain', async () => {
  const skip = await keychainSkipReason();
  let sim: ZoomSimulator;
  let runner: ZpaRunner;
  const work = tempDir({ after }, 'zpa-accounts-');
  const dataDir = path.join(work, 'data');
  const S2S = (app: keyof typeof SAMPLE_OAUTH) => [
    '--s2s',
    '--account-id',
    SAMPLE_OAUTH[app].accountId,
    '--client-id',
    SAMPLE_OAUTH[app].clientId,
  ];
  const secrets = [DEMO_TOKEN, EXPIRED_TOKEN, ...Object.values(SAMPLE_OAUTH).map((a) => a.clientSecret)];

  before(async () => {
    if (skip) return;
    const caDir = testCaDir(path.join(work, 'ca'));
    sim = await startZoomSimulator({ caDir });
    runner = new ZpaRunner({
      ...zpaEnv({ dataDir, apiBase: sim.apiBase, keychainService: uniqueKeychainService() }),
      ZPA_OAUTH_BASE_URL: sim.oauthBase,
      ...caEnv(caDir),
    });
  });

  after(async () => {
    if (skip) return;
    // Leave no entry behind in the test keyring, whatever failed.
    const listed = await runner.run(['account', 'list', '--json']);
    if (listed.code === 0) {
      for (const a of JSON.parse(listed.stdout) as AccountJson[]) await runner.run(['account', 'remove', a.id]);
    }
    await sim.stop();
  });

  const list = async (): Promise<AccountJson[]> => {
    const result = await runner.run(['account', 'list', '--json']);
    assertExit(result, 0);
    return JSON.parse(result.stdout) as AccountJson[];
  };

  it('adds a token account and S2S accounts (full, read-only, Zoom for Government)', { skip }, async () => {
    assertExit(await runner.run(['account', 'add', 'pasted', '--token'], { stdin: `${EXPIRED_TOKEN}\n` }), 0);
    for (const [name, app, extra] of [
      ['full', 'full', []],
      ['readonly', 'readOnly', []],
      ['agency', 'full', ['--cloud', 'gov']],
    ] as const) {
      const added = await runner.run(['account', 'add', name, ...S2S(app), ...extra], {
        stdin: `${SAMPLE_OAUTH[app].clientSecret}\n`,
      });
      assertExit(added, 0);
    }
    const accounts = await list();
    assertNoSecrets(accounts, secrets);
    assert.deepEqual(
      accounts.map((a) => [a.name, a.cloud, a.credential.kind, a.secretStored, a.active]),
      [
        ['pasted', 'zoom', 'token', true, true],
        ['full', 'zoom', 's2s', true, false],
        ['readonly', 'zoom', 's2s', true, false],
        ['agency', 'gov', 's2s', true, false],
      ],
    );
    // Zoom for Government's addresses are what the account keeps (the environment only overrides them per run).
    const agency = accounts.find((a) => a.name === 'agency');
    assert.equal(agency?.apiBase, 'https://api.zoomgov.com/v2');
    assert.equal(agency?.oauthBase, 'https://zoomgov.com/oauth/token');
    assert.deepEqual(filesContaining(dataDir, SAMPLE_OAUTH.full.clientSecret), []);
    assert.deepEqual(filesContaining(dataDir, EXPIRED_TOKEN), []);
  });

  it('test: a full app can change passwords (exit 0), with its scopes listed', { skip }, async () => {
    const before = sim.oauth.tokenRequests;
    const result = await runner.run(['account', 'test', 'full']);
    assertExit(result, 0);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^Account: full \(Zoom, /);
    assert.match(result.stdout, /^Scopes: .*user:update:password:admin/m);
    assert.match(result.stdout, /^ {2}Change passwords: allowed$/m);
    assert.match(result.stdout, /^Result: Connected: Zoom accepted the token of "full"/m);
    assert.equal(sim.oauth.tokenRequests, before + 1, 'one token request');
    const json = await runner.run(['account', 'test', 'full', '--json']);
    assertExit(json, 0);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; scopes: string[]; capabilities: Record<string, string> };
    assertNoSecrets(parsed, [...secrets, ...sim.oauth.issued.map((i) => i.token)]);
    assert.equal(parsed.ok, true);
    assert.equal(parsed.capabilities.changePasswords, 'allowed');
    assert.ok(parsed.scopes.includes('user:update:password:admin'));
  });

  it('test: a read-only app cannot (exit 3, naming user:update:password:admin)', { skip }, async () => {
    const result = await runner.run(['account', 'test', 'readonly']);
    assertExit(result, 3);
    assert.match(result.stdout, /^ {2}Change passwords: NOT allowed \(add user:update:password:admin\)$/m);
    assert.match(result.stdout, /^Scopes to add: user:update:password:admin/m);
    oneErrorLine(
      result,
      /^zpa: "readonly" cannot change passwords: its token lacks the scope user:update:password:admin/,
    );
    const json = await runner.run(['account', 'test', 'readonly', '--json']);
    assertExit(json, 3);
    assert.ok(
      (JSON.parse(json.stdout) as { scopesToAdd: string[] }).scopesToAdd.includes('user:update:password:admin'),
    );
  });

  it('test: the active account by default; an expired pasted token is exit 3', { skip }, async () => {
    const result = await runner.run(['account', 'test']);
    assertExit(result, 3);
    assert.match(result.stdout, /^Account: pasted /);
    oneErrorLine(result, /^zpa: Zoom refused the stored access token/);
  });

  it('test: a wrong client secret is exit 3 with what to do', { skip }, async () => {
    assertExit(
      await runner.run(['account', 'add', 'wrong', ...S2S('full')], {
        stdin: `${SAMPLE_OAUTH.readOnly.clientSecret}\n`,
      }),
      0,
    );
    const result = await runner.run(['account', 'test', 'wrong']);
    assertExit(result, 3);
    assert.match(result.stdout, /^Token endpoint: https:\/\/127\.0\.0\.1:\d+\/oauth\/token$/m);
    assert.match(result.stderr, /^zpa: .*[Cc]lient (ID|secret)/);
    assertExit(await runner.run(['account', 'remove', 'wrong']), 0);
  });

  it('test: an unreachable token endpoint is exit 4 (could not complete)', { skip }, async () => {
    const env = { ZPA_OAUTH_BASE_URL: (await unreachableApiBase()).replace(/\/v2$/, '/oauth/token') };
    const result = await runner.run(['account', 'test', 'full', '--json'], { env });
    assertExit(result, 4);
    const parsed = JSON.parse(result.stdout) as { ok: boolean; failedAt: string; oauthReason: string };
    assert.deepEqual([parsed.ok, parsed.failedAt, parsed.oauthReason], [false, 'token', 'network']);
  });

  it('password set --account uses that account (its token reaches the simulator)', { skip }, async () => {
    // The active account's token is expired: without --account the change is refused.
    const refused = await runner.run(['password', 'set', 'me', '--password-stdin'], {
      stdin: `${uniqueValidPassword()}\n`,
    });
    assertExit(refused, 3);
    oneErrorLine(refused, /^zpa: unauthorized: .*Store the new token with: zpa token set$/);

    const issuedBefore = sim.oauth.issued.length;
    const password = uniqueValidPassword();
    const result = await runner.run(['password', 'set', 'me', '--password-stdin', '--account', 'FULL', '--json'], {
      stdin: `${password}\n`,
    });
    assertExit(result, 0);
    const entry = JSON.parse(result.stdout) as HistoryEntry;
    assert.equal(entry.outcome, 'updated');
    assert.equal(entry.account, 'full');
    assert.equal(sim.oauth.issued.length, issuedBefore + 1, 'a token was fetched for "full"');
    // "me" is the token's own user: the full app's (the owner), so the simulator saw that account's token.
    assert.equal(sim.oauth.issued.at(-1)?.clientId, SAMPLE_OAUTH.full.clientId);
    assert.ok(sim.state.passwordMatches(SAMPLE.owner, password));

    const readOnly = await runner.run(
      ['password', 'set', SAMPLE.memberEmail, '--password-stdin', '--account', 'readonly'],
      {
        stdin: `${uniqueValidPassword()}\n`,
      },
    );
    assertExit(readOnly, 3);
    oneErrorLine(
      readOnly,
      /^zpa: unauthorized: .*Check the app's credentials and scopes with: zpa account test readonly$/,
    );

    const history = await runner.run(['history', '--json', '--account', 'full']);
    assertExit(history, 0);
    assert.ok((JSON.parse(history.stdout) as HistoryEntry[]).every((e) => e.account === 'full'));
  });

  it('use switches the active account; token set/status act on it', { skip }, async () => {
    assertExit(await runner.run(['account', 'use', 'pasted']), 0);
    assertExit(await runner.run(['token', 'set'], { stdin: `${DEMO_TOKEN}\n` }), 0);
    const status = await runner.run(['token', 'status', '--json']);
    assert.equal((JSON.parse(status.stdout) as { stored: boolean }).stored, true);
    const ok = await runner.run(['password', 'set', SAMPLE.memberEmail, '--password-stdin'], {
      stdin: `${uniqueValidPassword()}\n`,
    });
    assertExit(ok, 0);
    assertExit(await runner.run(['account', 'use', 'full']), 0);
    assert.deepEqual(
      (await list()).filter((a) => a.active).map((a) => a.name),
      ['full'],
    );
  });

  it('remove leaves no keychain entry and no secret anywhere', { skip }, async () => {
    const accounts = await list();
    for (const a of accounts) {
      const removed = await runner.run(['account', 'remove', a.name]);
      assertExit(removed, 0);
    }
    assert.deepEqual(await list(), []);
    // Nothing left under the test service: the keychain has no entry for any of the removed accounts' ids.
    const { createRequire } = await import('node:module');
    const keytar = createRequire(import.meta.url)('keytar') as {
      findCredentials(service: string): Promise<{ account: string }[]>;
    };
    const left = await keytar.findCredentials(runner.env.ZPA_KEYCHAIN_SERVICE ?? '');
    assert.deepEqual(left, []);
    const all: ZpaResult[] = runner.runs;
    for (const run of all) for (const secret of secrets) assert.ok(!`${run.stdout}${run.stderr}`.includes(secret));
    for (const secret of secrets) assert.deepEqual(filesContaining(dataDir, secret), []);
    assert.ok(fs.existsSync(dataDir));
  });
});
