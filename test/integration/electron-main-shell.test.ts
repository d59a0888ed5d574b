/**
 * The REAL built Electron main (dist/main/main.mjs) run in plain Node against a fake `electron`
 * (test/support/fake-electron), since this machine has no Electron binary. Checks main's wiring:
 * window webPreferences, the zpa:// protocol and its CSP, permission/navigation/window-open denial,
 * the menu, the demo certificate check, untrusted IPC senders, and a password change going
 * ipcMain → dispatcher → core → net.fetch → Zoom simulator → history, with the token in a real keychain.
 *
 * Needs ZPA_TEST_CA_DIR (npm test sets it; see main-build.ts for a manual run). The keychain part
 * needs a D-Bus session with an unlocked gnome-keyring (run inside dbus-run-session as npm test does);
 * without one it is skipped, except with CI=true where it fails.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AppErrorShape } from '../../shared/domain/errors';
import type { HistoryEntry, HistoryPage } from '../../shared/domain/history';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { AccountList, AppInfo, IpcResult, TokenStatus } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/node/app-assets';
import { ZOOM_API_DOCS_URL } from '../../electron/node/external-urls';
import { TOKEN_ACCOUNT } from '../../electron/node/vault/credential-vault';
import { loadKeytar } from '../../electron/node/vault/keytar-keychain';
import { DEMO_TOKEN } from '../simulator/sample-users';
import { createUntrustedServerCert } from '../simulator/test-ca';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import { FakeMainProcess } from '../support/fake-electron/client';
import type { InvokeOutcome } from '../support/fake-electron/ipc-main';
import {
  childEnv,
  ensureMainBuilt,
  MAIN_BUNDLE,
  PRELOAD_BUNDLE,
  presentedChain,
  REPO_ROOT,
  requireTestCaDir,
} from '../support/fake-electron/main-build';
import type { NavigationEvent, SenderKind, Snapshot } from '../support/fake-electron/messages';
import { keychainUnavailableReason, NO_KEYCHAIN_ENV, uniqueKeychainService } from '../support/run-zpa';
import { filesContaining, tempDir } from '../support/temp-dir';

// electron/main/demo.ts DEMO_ACCOUNT_NAME (not imported: main's modules run bundled inside the fake Electron).
const DEMO_ACCOUNT_NAME = 'Demo (simulator)';

const KEYCHAIN_PROBLEM = await keychainUnavailableReason();
const IN_CI = process.env['CI'] === 'true';
const KEYCHAIN_SKIP = KEYCHAIN_PROBLEM !== null && !IN_CI ? KEYCHAIN_PROBLEM : false;

const ACCEPT = 0;
const CHROMIUM_DECIDES = -3;
const PASSWORD = `Harbor-Light-${randomUUID().slice(0, 8)}q`;
const USER = 'priya.patel@northwind.example';
const APP_URL = 'zpa://app/index.html';

/** The IPC result main answered with; fails when the invoke itself was rejected or unhandled. */
function result<T>(outcome: InvokeOutcome): IpcResult<T> {
  assert.equal(outcome.kind, 'resolved', `the invoke was not answered: ${JSON.stringify(outcome)}`);
  return (outcome as { value: IpcResult<T> }).value;
}

function value<T>(outcome: InvokeOutcome): T {
  const r = result<T>(outcome);
  assert.ok(r.ok, `expected success, got ${JSON.stringify(r)}`);
  return r.value;
}

function failure(outcome: InvokeOutcome): AppErrorShape {
  const r = result<unknown>(outcome);
  assert.ok(!r.ok, `expected an error, got ${JSON.stringify(r)}`);
  return r.error;
}

function calls(snapshot: Snapshot, api: string) {
  return snapshot.calls.filter((c) => c.api === api);
}

function running(main: FakeMainProcess): Snapshot {
  const s = main.startup;
  assert.equal(s.state, 'running', `main did not start: ${JSON.stringify(s).slice(0, 2000)}\n${main.stderr}`);
  assert.ok(s.state === 'running' && s.settled, `main started but its window was never shown\n${main.stderr}`);
  return s.snapshot;
}

function webPreferences(snapshot: Snapshot): Record<string, unknown> {
  assert.equal(snapshot.windows.length, 1, 'one window');
  return snapshot.windows[0]?.options['webPreferences'] as Record<string, unknown>;
}

let caDir: string;
let sim: ZoomSimulator;
let simChain: string[];

before(async () => {
  caDir = requireTestCaDir();
  ensureMainBuilt();
  sim = await startZoomSimulator({ caDir });
  simChain = await presentedChain(sim.url, sim.caPem);
});

after(async () => {
  await sim?.stop();
});

function launch(o: {
  dataDir: string;
  service: string;
  env: NodeJS.ProcessEnv;
  packaged?: boolean;
  keychain: boolean;
}) {
  return FakeMainProcess.launch({
    mainPath: MAIN_BUNDLE,
    cwd: REPO_ROOT,
    fake: { packaged: o.packaged ?? false },
    env: childEnv({
      ZPA_DATA_DIR: o.dataDir,
      ZPA_KEYCHAIN_SERVICE: o.service,
      ZPA_API_BASE_URL: sim.apiBase,
      NODE_EXTRA_CA_CERTS: path.join(caDir, 'ca.pem'),
      ...(o.keychain ? {} : NO_KEYCHAIN_ENV),
      ...o.env,
    }),
  });
}

describe('Electron main in demo mode (development run)', () => {
  const dataDir = tempDir({ after }, 'zpa-main-shell-');
  const service = uniqueKeychainService();
  let main: FakeMainProcess;

  before(async () => {
    main = await launch({
      dataDir,
      service,
      keychain: KEYCHAIN_PROBLEM === null,
      env: {
        ZPA_DEMO: '1',
        ZPA_DEMO_CA_FILE: path.join(caDir, 'ca.pem'),
        ZPA_DEMO_TOKEN: DEMO_TOKEN,
      },
    });
  });

  after(async () => {
    await main?.stop();
    if (KEYCHAIN_PROBLEM === null) await loadKeytar().deletePassword(service, TOKEN_ACCOUNT);
  });

  it('starts without an error, with the sandbox enabled and its paths set before ready', () => {
    const startup = running(main);
    assert.deepEqual(startup.errorBoxes, []);
    assert.equal(startup.exit, null);
    const sandbox = calls(startup, 'app.enableSandbox');
    assert.equal(sandbox.length, 1, 'app.enableSandbox() is called');
    assert.ok(sandbox[0]?.beforeReady, 'before the app is ready (later it has no effect)');
    assert.equal(startup.sandboxEnabled, true);
    const setPaths = calls(startup, 'app.setPath');
    assert.deepEqual(
      setPaths.map((c) => [c.args, c.beforeReady]),
      [
        [['userData', dataDir], true],
        [['sessionData', path.join(dataDir, 'chromium')], true],
      ],
    );
    assert.equal(calls(startup, 'app.requestSingleInstanceLock').length, 1);
    assert.ok((startup.appListeners['web-contents-created'] ?? 0) >= 1, 'every web contents gets guarded');
  });

  it('opens one window: isolated, sandboxed, no Node, no <webview>, preload from dist, shown once loaded', () => {
    const startup = running(main);
    const prefs = webPreferences(startup);
    const expected: Record<string, unknown> = {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: true,
    };
    for (const [key, want] of Object.entries(expected)) assert.equal(prefs[key], want, `webPreferences.${key}`);
    for (const risky of [
      'enableBlinkFeatures',
      'additionalArguments',
      'partition',
      'session',
      'disableHtmlFullscreenWindowResize',
    ]) {
      assert.equal(prefs[risky], undefined, `webPreferences.${risky} is not set`);
    }
    assert.equal(prefs['preload'], PRELOAD_BUNDLE);
    assert.ok(fs.existsSync(PRELOAD_BUNDLE));
    const window = startup.windows[0];
    assert.equal(window?.options['show'], false, 'hidden until its first paint');
    assert.equal(window?.visible, true);
    assert.equal(window?.url, APP_URL);
    assert.equal(window?.loads.length, 1);
    assert.equal(window?.loads[0]?.status, 200, 'the page came from the zpa:// handler');
    assert.equal(window?.loads[0]?.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  });

  it('registers zpa:// once before ready with exactly the privileges it needs, and intercepts nothing else', () => {
    const startup = running(main);
    const registered = calls(startup, 'protocol.registerSchemesAsPrivileged');
    assert.equal(registered.length, 1);
    assert.ok(registered[0]?.beforeReady);
    assert.deepEqual(registered[0]?.args, [
      [{ scheme: 'zpa', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }],
    ]);
    assert.deepEqual(startup.handledSchemes, ['zpa']);
  });

  it('serves the renderer over zpa:// with its CSP, and nothing outside the renderer folder', async () => {
    const page = await main.request({ op: 'protocol-request', url: APP_URL });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.match(page.headers['content-type'] ?? '', /^text\/html/);
    assert.match(page.body, /<div id="root">/);

    const outside = [
      'zpa://app/../main/main.mjs',
      'zpa://app/%2e%2e/main/main.mjs',
      'zpa://app/..%2fmain%2fmain.mjs',
      'zpa://app/%2e%2e%2f%2e%2e%2fpackage.json',
      'zpa://app/assets/..%2f..%2fpreload%2fpreload.cjs',
      'zpa://app/%2fetc%2fpasswd',
      'zpa://other/index.html',
    ];
    for (const url of outside) {
      const r = await main.request({ op: 'protocol-request', url });
      assert.ok(r.status !== null && r.status >= 400, `${url} is refused (got ${r.status})`);
      assert.equal(r.headers['content-security-policy'], CONTENT_SECURITY_POLICY, `${url} still carries the CSP`);
      assert.doesNotMatch(r.body, /createRequire|devDependencies|root:/, `${url} leaks no file`);
    }
    const post = await main.request({ op: 'protocol-request', url: APP_URL, method: 'POST' });
    assert.notEqual(post.status, 200, 'only GET/HEAD');
  });

  it('denies every permission and download, and turns the spellchecker off', async () => {
    const s = await main.snapshot();
    assert.ok(s.session.permissionRequestHandler && s.session.permissionCheckHandler);
    assert.ok(s.session.devicePermissionHandler);
    assert.equal(s.session.spellCheckerEnabled, false);
    const permissions = ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write'];
    permissions.push('openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb', 'midiSysex');
    for (const permission of permissions) {
      const answer = await main.request({ op: 'permission', permission });
      assert.deepEqual(answer, { request: false, check: false, device: false }, permission);
    }
    assert.deepEqual(await main.request({ op: 'download', url: 'zpa://app/assets/app.js' }), { prevented: true });
  });

  for (const target of ['window', 'new'] as const) {
    const where = target === 'window' ? 'the app window' : 'any other web contents';
    it(`keeps ${where} on zpa://app: navigation, redirects and <webview> are blocked`, async () => {
      const cases: [NavigationEvent, string, boolean][] = [
        ['will-navigate', 'https://example.com/', true],
        ['will-navigate', 'http://127.0.0.1:8080/', true],
        ['will-navigate', 'file:///etc/passwd', true],
        ['will-navigate', 'zpa://evil/index.html', true],
        ['will-navigate', 'zpa://user:pw@app/index.html', true],
        ['will-navigate', 'javascript:alert(1)', true],
        ['will-navigate', 'zpa://app/index.html#/history', false],
        ['will-redirect', 'https://example.com/', true],
        ['will-redirect', 'zpa://app/index.html', false],
        ['will-frame-navigate', 'https://example.com/frame', true],
        ['will-frame-navigate', 'data:text/html,<script>1</script>', true],
        ['will-frame-navigate', 'zpa://app/index.html', false],
      ];
      for (const [event, url, prevented] of cases) {
        const r = await main.request({ op: 'navigate', event, url, target });
        assert.equal(r.prevented, prevented, `${event} ${url}`);
      }
      assert.deepEqual(await main.request({ op: 'attach-webview', src: 'https://example.com/', target }), {
        prevented: true,
      });
    });

    it(`denies window.open in ${where}; only https Zoom links go to the system browser`, async () => {
      const cases: [string, string[]][] = [
        ['https://evil.example/', []],
        ['http://zoom.us/', []],
        ['https://zoom.us.evil.example/', []],
        ['https://user:pw@zoom.us/', []],
        ['file:///etc/passwd', []],
        ['javascript:alert(1)', []],
        ['zpa://app/index.html', []],
        [ZOOM_API_DOCS_URL, [ZOOM_API_DOCS_URL]],
        ['https://support.zoom.com/hc', ['https://support.zoom.com/hc']],
      ];
      for (const [url, opened] of cases) {
        const r = await main.request({ op: 'window-open', url, target });
        assert.equal(r.valid, true, 'the handler answers with a valid { action }');
        assert.equal(r.action, 'deny', `window.open(${url}) never opens an Electron window`);
        assert.deepEqual(r.opened, opened, `what reached shell.openExternal for ${url}`);
      }
    });
  }

  it('sets a menu with Edit, a development View menu and Help > Zoom API Documentation', async () => {
    const s = await main.snapshot();
    assert.ok(calls(s, 'Menu.setApplicationMenu').length === 1);
    const top = (s.menu ?? []).map((item) => item.role ?? item.label);
    assert.deepEqual(top, ['&File', 'editMenu', '&View', 'windowMenu', 'help']);
    const view = s.menu?.find((item) => item.label === '&View');
    assert.deepEqual(
      view?.submenu?.map((item) => item.role),
      ['reload', 'forceReload', 'toggleDevTools'],
    );
    const click = await main.request({ op: 'menu-click', path: ['help', 'Zoom API Documentation'] });
    assert.deepEqual(click, { found: true, opened: [ZOOM_API_DOCS_URL] });
  });

  it("trusts the simulator's CA for loopback hosts only; every other certificate keeps Chromium's verdict", async () => {
    const leafOnly = simChain.slice(0, 1);
    const untrusted = createUntrustedServerCert().cert;
    const cases: [string, string[], number][] = [
      ['127.0.0.1', leafOnly, ACCEPT],
      ['localhost', leafOnly, ACCEPT],
      ['[::1]', leafOnly, ACCEPT],
      ['127.0.0.1', simChain, ACCEPT],
      ['api.zoom.us', simChain, CHROMIUM_DECIDES],
      ['127.0.0.2', leafOnly, CHROMIUM_DECIDES],
      ['127.0.0.1', [untrusted], CHROMIUM_DECIDES],
    ];
    for (const [hostname, chain, verdict] of cases) {
      const r = await main.request({ op: 'certificate', hostname, chain });
      assert.equal(
        r.verdict,
        verdict,
        `${hostname} with ${chain[0] === untrusted ? 'a foreign' : 'the simulator'} cert`,
      );
    }
  });

  it('handles exactly the contract channels and drops listeners libraries added (electron-store)', async () => {
    const s = await main.snapshot();
    assert.deepEqual([...s.ipc.handlers].sort(), Object.values(IPC_CHANNELS).sort());
    assert.ok(
      calls(s, 'ipcMain.on').some((c) => c.args[0] === 'electron-store-get-data'),
      'electron-store did add its listener',
    );
    assert.deepEqual(s.ipc.listeners, [], 'and it is gone: the contract is the whole IPC surface');
    const unknown = await main.invoke('app:eval', { code: '1' });
    assert.equal(unknown.kind, 'no-handler');
  });

  it("answers the app window's top frame, and refuses every other sender before any handler runs", async () => {
    const info = value<AppInfo>(await main.invoke('app:get-info'));
    assert.equal(info.demo, true);
    assert.equal(info.dataDir, dataDir);
    assert.equal(info.apiBase, sim.apiBase);

    const requestsBefore = sim.requests.length;
    const senders: [string, SenderKind][] = [
      ['another web contents showing the app', { kind: 'other-contents' }],
      ['a subframe of the window', { kind: 'subframe' }],
      ['a frame that is gone', { kind: 'no-frame' }],
      ['the window after navigating to another site', { kind: 'navigated-window', url: 'https://evil.example/' }],
      ['the window showing a file', { kind: 'navigated-window', url: 'file:///work/main/dist/renderer/index.html' }],
    ];
    for (const [label, sender] of senders) {
      for (const [channel, payload] of [
        ['app:get-info', undefined],
        ['token:get-status', undefined],
        ['password:change', { user: USER, password: PASSWORD }],
      ] as const) {
        const error = failure(await main.invoke(channel, payload, sender));
        assert.equal(error.code, 'forbidden_sender', `${channel} from ${label}`);
        assert.doesNotMatch(JSON.stringify(error), new RegExp(PASSWORD));
      }
    }
    assert.equal(sim.requests.length, requestsBefore, 'nothing reached Zoom');
  });

  it('refuses a malformed request without repeating what was sent', async () => {
    const secret = `S3cret-${randomUUID()}`;
    const error = failure(await main.invoke('password:change', { user: USER, password: PASSWORD, token: secret }));
    assert.equal(error.code, 'invalid_request');
    assert.doesNotMatch(JSON.stringify(error), new RegExp(`${secret}|${PASSWORD}`));
  });

  it(
    'seeds the demo account (token in the keychain) and changes a password through net.fetch, the simulator and history',
    { skip: KEYCHAIN_SKIP },
    async () => {
      assert.equal(KEYCHAIN_PROBLEM, null, `CI=true, but the keychain cannot be used: ${KEYCHAIN_PROBLEM}`);
      const status = value<TokenStatus>(await main.invoke('token:get-status'));
      assert.equal(status.stored, true, 'the demo account was added at startup');
      const list = value<AccountList>(await main.invoke('accounts:list'));
      assert.equal(list.accounts.length, 1);
      const demoAccount = list.accounts[0];
      assert.equal(demoAccount?.name, DEMO_ACCOUNT_NAME);
      assert.equal(demoAccount?.cloud, 'custom');
      assert.equal(demoAccount?.apiBase, sim.apiBase);
      assert.equal(demoAccount?.credential.kind, 'token');
      assert.equal(demoAccount?.active, true);
      assert.ok(!JSON.stringify(list).includes(DEMO_TOKEN), 'the list never holds the token');
      assert.equal(
        await loadKeytar().getPassword(service, `account:${demoAccount?.id}:token`),
        DEMO_TOKEN,
        'in the real keychain, in the demo service',
      );
      assert.equal(await loadKeytar().getPassword(service, TOKEN_ACCOUNT), null, 'no first-version entry');
      const info = value<AppInfo>(await main.invoke('app:get-info'));
      assert.equal(info.activeAccount?.name, DEMO_ACCOUNT_NAME);

      // Invalid input: refused by the core, nothing sent.
      const requestsBefore = sim.requests.length;
      const short = failure(await main.invoke('password:change', { user: USER, password: 'short' }));
      assert.equal(short.code, 'invalid_input');
      assert.equal(short.field, 'password');
      assert.equal(sim.requests.length, requestsBefore);

      const fetchesBefore = (await main.snapshot()).netFetches.length;
      const { entry } = value<{ entry: HistoryEntry }>(
        await main.invoke('password:change', { user: USER, password: PASSWORD }),
      );
      assert.equal(entry.outcome, 'updated', JSON.stringify(entry));
      assert.equal(entry.httpStatus, 204);
      assert.equal(entry.user, USER);
      assert.equal(entry.source, 'app');
      assert.equal(entry.apiBase, sim.apiBase);
      assert.equal(entry.account, DEMO_ACCOUNT_NAME);
      assert.ok(sim.state.passwordMatches(USER, PASSWORD), 'the simulator holds the new password');

      const request = sim.requests.at(-1);
      assert.equal(request?.method, 'PUT');
      assert.equal(request?.user, USER);
      assert.equal(request?.requestId, entry.id, 'the request carried the history entry id');

      // Main reads the account's policy and looks the user up first (GETs); the change itself is the PUT.
      const fetches = (await main.snapshot()).netFetches.slice(fetchesBefore).filter((f) => f.method === 'PUT');
      assert.equal(fetches.length, 1, 'the request went through net.fetch');
      assert.deepEqual(fetches[0], {
        url: `${sim.apiBase}/users/${encodeURIComponent(USER)}/password`,
        method: 'PUT',
        headerNames: fetches[0]?.headerNames ?? [],
        redirect: 'manual',
        credentials: 'omit',
        hasBody: true,
        hasSignal: true,
      });
      assert.ok(fetches[0]?.headerNames.includes('authorization'));
      assert.ok(fetches[0]?.headerNames.includes('x-zpa-request-id'));

      const page = value<HistoryPage>(await main.invoke('history:list', {}));
      assert.equal(page.total, 1);
      assert.deepEqual(page.entries[0], entry);
      const historyFile = path.join(dataDir, 'history', 'history.jsonl');
      assert.match(fs.readFileSync(historyFile, 'utf8'), new RegExp(entry.id));
      const recent = value<{ user: string }[]>(await main.invoke('recent-users:list'));
      assert.deepEqual(
        recent.map((r) => r.user),
        [USER],
      );

      assert.deepEqual(value<TokenStatus>(await main.invoke('token:clear')), { stored: false, storedAt: null });
      assert.equal(await loadKeytar().getPassword(service, TOKEN_ACCOUNT), null);
    },
  );

  it('exports the history where the user picks in the native save dialog, attached to the window', async (t) => {
    const exportDir = tempDir(t, 'zpa-main-export-');
    const before = (await main.snapshot()).saveDialogs.length;

    // Cancel: nothing is written.
    assert.deepEqual(value(await main.invoke('history:export', { query: {}, format: 'csv' })), { status: 'cancelled' });
    assert.deepEqual(fs.readdirSync(exportDir), []);

    // A name without extension (GTK adds none) gets the format's.
    await main.request({ op: 'save-dialog-answer', filePath: path.join(exportDir, 'audit') });
    const saved = value<{ status: string; rows: number; file: string }>(
      await main.invoke('history:export', { query: { order: 'oldest' }, format: 'csv' }),
    );
    const total = value<HistoryPage>(await main.invoke('history:list', {})).total;
    assert.deepEqual(saved, { status: 'saved', rows: total, file: path.join(exportDir, 'audit.csv') });
    assert.match(fs.readFileSync(saved.file, 'utf8'), /^(\uFEFF)?Time,Account,User,/);

    await main.request({ op: 'save-dialog-answer', filePath: path.join(exportDir, 'audit.json') });
    const json = value<{ file: string; rows: number }>(
      await main.invoke('history:export', { query: { outcome: 'updated' }, format: 'json' }),
    );
    assert.equal(json.file, path.join(exportDir, 'audit.json'));
    assert.equal((JSON.parse(fs.readFileSync(json.file, 'utf8')) as unknown[]).length, json.rows);

    const s = await main.snapshot();
    const dialogs = s.saveDialogs.slice(before);
    assert.equal(dialogs.length, 3);
    const windowId = s.windows[0]?.id;
    for (const d of dialogs) assert.equal(d.windowId, windowId, 'the dialog is attached to the app window');
    const [first, , third] = dialogs;
    assert.equal(path.dirname(String(first?.options['defaultPath'])), s.paths['documents']);
    assert.match(String(first?.options['defaultPath']), /zoom-password-history-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual(first?.options['filters'], [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }]);
    assert.deepEqual(first?.options['properties'], ['createDirectory', 'showOverwriteConfirmation']);
    assert.match(String(third?.options['defaultPath']), /zoom-password-history-filtered-[\d-]+\.json$/);

    // The renderer cannot name the file.
    const named = failure(
      await main.invoke('history:export', { query: {}, format: 'csv', file: path.join(exportDir, 'x.csv') }),
    );
    assert.equal(named.code, 'invalid_request');
    assert.equal((await main.snapshot()).saveDialogs.length, before + 3, 'no dialog for a refused request');
  });

  it('verifies the history, summarises it, and keeps a retention period in the settings', async () => {
    const verified = value<{ ok: boolean; checked: number }>(await main.invoke('history:verify'));
    assert.equal(verified.ok, true);
    const summary = value<{ entries: number; markers: unknown[] }>(await main.invoke('history:summary'));
    assert.equal(summary.entries, value<HistoryPage>(await main.invoke('history:list', {})).total);

    assert.deepEqual(value(await main.invoke('history:get-retention')), { days: null });
    const set = value<{ days: number; applied: { removed: number } }>(
      await main.invoke('history:set-retention', { days: 365 }),
    );
    assert.equal(set.days, 365);
    assert.equal(set.applied.removed, 0, 'nothing is a year old here');
    assert.deepEqual(value(await main.invoke('history:get-retention')), { days: 365 });
    const config = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(config['historyRetentionDays'], 365);
    assert.equal(failure(await main.invoke('history:set-retention', { days: 0 })).code, 'invalid_request');
    assert.deepEqual(value(await main.invoke('history:set-retention', { days: null })), { days: null, applied: null });
  });

  it('a second instance (started again, same data folder) brings this window back instead of opening one', async () => {
    const minimized = await main.request({ op: 'second-instance', minimizeFirst: true });
    assert.deepEqual(minimized, { calls: ['BrowserWindow.restore', 'BrowserWindow.focus'], windows: 1 });
    const shown = await main.request({ op: 'second-instance' });
    assert.deepEqual(shown, { calls: ['BrowserWindow.focus'], windows: 1 });
  });

  it('quits cleanly, and neither the token nor the password reached its output or its files', async () => {
    assert.deepEqual(await main.stop(), { code: 0, signal: null });
    for (const secret of [DEMO_TOKEN, PASSWORD]) {
      assert.ok(!main.stdout.includes(secret) && !main.stderr.includes(secret), 'not in the output');
      assert.deepEqual(filesContaining(dataDir, secret), [], 'not in the data folder');
    }
  });
});

describe('Electron main, packaged, outside demo mode, with no keychain', () => {
  const dataDir = tempDir({ after }, 'zpa-main-shell-');
  let main: FakeMainProcess;

  before(async () => {
    main = await launch({
      dataDir,
      service: uniqueKeychainService(),
      keychain: false,
      packaged: true,
      env: {},
    });
  });

  after(async () => {
    await main?.stop();
  });

  it('installs no certificate override: every certificate keeps Chromium verdict', async () => {
    const s = running(main);
    assert.equal(calls(s, 'session.setCertificateVerifyProc').length, 0);
    assert.deepEqual(await main.request({ op: 'certificate', hostname: '127.0.0.1', chain: simChain }), {
      verdict: null,
    });
  });

  it('has no devtools and no reload menu', () => {
    const s = running(main);
    assert.equal(webPreferences(s)['devTools'], false);
    assert.equal(webPreferences(s)['sandbox'], true);
    const roles = JSON.stringify(s.menu);
    assert.doesNotMatch(roles, /toggleDevTools|reload|&View/);
    assert.match(roles, /editMenu/);
  });

  it('still opens, and says clearly that the keychain is unavailable; nothing is sent', async () => {
    const info = value<AppInfo>(await main.invoke('app:get-info'));
    assert.equal(info.demo, false);
    const status = failure(await main.invoke('token:get-status'));
    assert.equal(status.code, 'keychain_unavailable');
    assert.ok(status.action !== undefined && status.action.length > 0, 'with something to do about it');
    const requestsBefore = sim.requests.length;
    const change = failure(await main.invoke('password:change', { user: USER, password: PASSWORD }));
    assert.equal(change.code, 'keychain_unavailable');
    assert.equal(sim.requests.length, requestsBefore);
    assert.equal(value<HistoryPage>(await main.invoke('history:list', {})).total, 0);
  });
});

describe('Electron main startup failures', () => {
  const demoEnv = (caFile: string | undefined): NodeJS.ProcessEnv => ({
    ZPA_DEMO: '1',
    ZPA_DEMO_TOKEN: DEMO_TOKEN,
    ...(caFile === undefined ? {} : { ZPA_DEMO_CA_FILE: caFile }),
  });

  const cases: [string, string | undefined, RegExp][] = [
    ['demo mode without the CA setting', undefined, /ZPA_DEMO_CA_FILE[\s\S]*npm run demo/],
    ['demo mode with a CA file that cannot be read', '/nonexistent/zpa/ca.pem', /could not be read[\s\S]*npm run demo/],
  ];
  for (const [label, caFile, message] of cases) {
    it(`${label}: an error box, exit code 1, no window, no IPC`, async (t) => {
      const main = await launch({
        dataDir: tempDir(t, 'zpa-main-shell-'),
        service: uniqueKeychainService(),
        keychain: false,
        env: demoEnv(caFile),
      });
      t.after(() => main.stop());
      const s = main.startup;
      assert.equal(s.state, 'exited', `${JSON.stringify(s).slice(0, 500)}\n${main.stderr}`);
      assert.ok(s.state === 'exited');
      assert.equal(s.code, 1);
      assert.equal(s.snapshot.errorBoxes.length, 1);
      assert.equal(s.snapshot.errorBoxes[0]?.title, 'Zoom Password Admin could not start');
      assert.match(s.snapshot.errorBoxes[0]?.content ?? '', message);
      assert.equal(s.snapshot.windows.length, 0);
      assert.deepEqual(s.snapshot.ipc.handlers, []);
      assert.deepEqual((await main.exited()).code, 1);
    });
  }

  it('a second instance on the same data folder quits at once', async (t) => {
    const main = await FakeMainProcess.launch({
      mainPath: MAIN_BUNDLE,
      cwd: REPO_ROOT,
      fake: { singleInstanceLock: false },
      env: childEnv({ ZPA_DATA_DIR: tempDir(t, 'zpa-main-shell-'), ...NO_KEYCHAIN_ENV }),
    });
    t.after(() => main.stop());
    const s = main.startup;
    assert.ok(s.state === 'exited', JSON.stringify(s).slice(0, 500));
    assert.deepEqual(s.snapshot.exit, { code: 0, via: 'quit' });
    assert.equal(s.snapshot.windows.length, 0);
    assert.deepEqual(s.snapshot.ipc.handlers, []);
  });
});
