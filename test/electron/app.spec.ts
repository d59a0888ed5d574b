import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { ZpaApi } from '../../shared/ipc/contract';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../electron/node/app-assets';
import { changeForm, navItem } from '../e2e/locators';
import { DEMO_TOKEN } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import { filesContaining } from '../support/temp-dir';
import { electronBinary, NO_ELECTRON_REASON } from './electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = electronBinary(root);
const noDisplay = process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'];

test.skip(binary === null, NO_ELECTRON_REASON);
test.skip(
  binary !== null && noDisplay,
  'no display for Electron: run the tests under xvfb-run (Debian: apt-get install xvfb)',
);
test.describe.configure({ mode: 'serial' });

const NEW_PASSWORD = 'Harbor-Light-58q';
const USER = 'priya.patel@northwind.example';

let work: string;
let dataDir: string;
let simulator: ZoomSimulator;
let app: ElectronApplication;
let page: Page;

/** The preload's API as the page sees it. */
function zpa(): ZpaApi {
  return (window as unknown as { zpa: ZpaApi }).zpa;
}

test.beforeAll(async () => {
  const main = path.join(root, 'dist', 'main', 'main.mjs');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first.`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'zpa-electron-'));
  dataDir = path.join(work, 'data');
  const caDir = process.env['ZPA_TEST_CA_DIR'] ?? path.join(work, 'ca');
  simulator = await startZoomSimulator({ caDir, port: 0 });
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env['ELECTRON_RUN_AS_NODE'];
  delete env['ZPA_DEMO_TOKEN'];
  Object.assign(env, {
    ZPA_DATA_DIR: dataDir,
    // Demo mode is what makes the app trust the simulator's CA (for loopback hosts only).
    ZPA_DEMO: '1',
    ZPA_DEMO_CA_FILE: path.join(caDir, 'ca.pem'),
    ZPA_API_BASE_URL: simulator.apiBase,
    // Its own keychain entry, so the test never touches a real one.
    ZPA_KEYCHAIN_SERVICE: `zpa-electron-test-${process.pid}-${Date.now()}`,
  });
  app = await electron.launch({
    executablePath: binary ?? undefined,
    // Chromium refuses to start as root without this (containers, CI).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
    env,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  if (page !== undefined) await page.evaluate(() => zpa().clearToken()).catch(() => undefined);
  await app?.close().catch(() => undefined);
  await simulator?.stop();
  if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
});

test('the window loads the app from zpa://app with the product title', async () => {
  expect(page.url()).toBe(APP_ENTRY_URL);
  await expect(page).toHaveTitle('Zoom Password Admin');
  expect(app.windows()).toHaveLength(1);
  const shown = await app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows()[0];
    return window ? { visible: window.isVisible(), min: window.getMinimumSize() } : null;
  });
  expect(shown?.visible).toBe(true);
  expect(shown?.min[0]).toBeGreaterThanOrEqual(700);
});

test('the page has no Node and sees only the fixed API (contextIsolation, sandbox, no nodeIntegration)', async () => {
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>)['require'],
    process: typeof (globalThis as Record<string, unknown>)['process'],
    module: typeof (globalThis as Record<string, unknown>)['module'],
    Buffer: typeof (globalThis as Record<string, unknown>)['Buffer'],
    ipcRenderer: typeof (globalThis as Record<string, unknown>)['ipcRenderer'],
    electron: typeof (globalThis as Record<string, unknown>)['electron'],
    zpaKeys: Object.keys(zpa()).sort(),
    zpaFrozen: Object.isFrozen(zpa()),
  }));
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    zpaKeys: Object.keys(IPC_CHANNELS).sort(),
    zpaFrozen: true,
  });
  // With contextIsolation the page cannot reach into the preload's world by changing built-ins.
  const info = await page.evaluate(async () => {
    const original = Array.prototype.push;
    Array.prototype.push = () => {
      throw new Error('tampered');
    };
    try {
      return await zpa().getAppInfo();
    } finally {
      Array.prototype.push = original;
    }
  });
  expect(info.ok).toBe(true);
});

test('zpa:// responses carry the strict CSP, and the page obeys it', async () => {
  const csp = await app.evaluate(async ({ net }, url) => {
    const response = await net.fetch(url);
    return response.headers.get('content-security-policy');
  }, APP_ENTRY_URL);
  expect(csp).toBe(CONTENT_SECURITY_POLICY);

  const before = simulator.requests.length;
  const blocked = await page.evaluate(async (apiBase) => {
    const script = document.createElement('script');
    script.textContent = 'window.__zpaInline = true;';
    document.head.append(script);
    const inline = (window as unknown as Record<string, unknown>)['__zpaInline'] === true;
    const fetched = await fetch(`${apiBase}/users/me`).then(
      () => 'fetched',
      () => 'blocked',
    );
    return { inline, fetched };
  }, simulator.apiBase);
  expect(blocked).toEqual({ inline: false, fetched: 'blocked' });
  expect(simulator.requests.length).toBe(before);
});

test('new windows, navigation away and permissions are denied', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/', '_blank') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);

  for (const url of ['https://example.com/', 'file:///etc/passwd']) {
    await page.evaluate((target) => {
      window.location.href = target;
    }, url);
    await page.waitForTimeout(300);
    expect(page.url()).toBe(APP_ENTRY_URL);
  }

  const permission = await page.evaluate(() => Notification.requestPermission());
  expect(permission).toBe('denied');

  const external = await page.evaluate(() => zpa().openExternal({ url: 'https://evil.example/' }));
  expect(external.ok).toBe(false);
  expect(!external.ok && external.error.code).toBe('not_allowed');
});

test('main flow: store a token, change a password, see it in the history', async () => {
  await expect(page.getByRole('heading', { name: 'Store a Zoom access token' })).toBeVisible();
  await page.getByLabel('Access token', { exact: true }).fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Store token' }).click();

  const form = changeForm(page);
  await expect(form.user).toBeVisible();
  await form.user.fill(USER);
  await form.password.fill(NEW_PASSWORD);
  await form.confirmation.fill(NEW_PASSWORD);
  await form.submit.click();

  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  await expect(form.result).toContainText(USER);
  const changed = simulator.requests.filter((r) => r.method === 'PUT' && r.user === USER && r.applied);
  expect(changed).toHaveLength(1);

  await navItem(page, 'History').click();
  await expect(page.locator('[role="row"][data-outcome="updated"]').first()).toContainText(USER);

  // The token never comes back over IPC: only whether one is stored.
  const status = await page.evaluate(() => zpa().getTokenStatus());
  expect(JSON.stringify(status)).not.toContain(DEMO_TOKEN);
  expect(status.ok && status.value.stored).toBe(true);
});

test('after the run, no file in the data folder holds the password or the token', async () => {
  await page.evaluate(() => zpa().clearToken());
  await app.close();
  expect(filesContaining(dataDir, NEW_PASSWORD)).toEqual([]);
  expect(filesContaining(dataDir, DEMO_TOKEN)).toEqual([]);
  expect(fs.existsSync(path.join(dataDir, 'history', 'history.jsonl'))).toBe(true);
});
