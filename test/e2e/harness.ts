import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { historyEntrySchema, type HistoryEntry, type HistoryEntryInput } from '../../shared/domain/history';
import type { IpcResult } from '../../shared/ipc/contract';
import { createCore, type Core } from '../../electron/node/core';
import { createHandlerTable, type OpenFileRequest, type SaveFileRequest } from '../../electron/node/ipc/handler-table';
import { createDispatcher, createSenderPolicy } from '../../electron/node/ipc/dispatch';
import { HISTORY_DIR, HISTORY_FILE } from '../../electron/node/history/history-store';
import type { Keychain } from '../../electron/node/ports';
import { TOKEN_ACCOUNT } from '../../electron/node/vault/credential-vault';
import { loadKeytar } from '../../electron/node/vault/keytar-keychain';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import type { NewAccountInput } from '../../shared/domain/accounts';
import type { AccountView } from '../../shared/ipc/contract';
import { SECRET_KINDS, secretEntryName } from '../../electron/node/accounts/account-secrets';
import {
  DEMO_TOKEN,
  EXPIRED_TOKEN,
  NO_SCOPE_TOKEN,
  SAMPLE_OAUTH,
  uniqueValidPassword,
} from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator, type ZoomSimulatorOptions } from '../simulator/zoom-simulator';
import { MemoryClipboard } from '../support/memory-clipboard';
import { discardTestFolder, registerSecrets } from '../support/leak-registry';
import { MemoryKeychain } from '../support/memory-keychain';
import { buildBridgeScript } from './bridge-script';
import { startRendererServer, type RendererServer } from './renderer-server';

const root = path.resolve(import.meta.dirname, '../..');
const screenshotDir = path.join(root, 'test-results', 'screenshots');

export const SMALL_WINDOW = { width: 900, height: 640 } as const;

/** One IPC exchange as the page saw it (the payload is not kept: it may hold a password). */
export interface IpcCall {
  channel: string;
  result: IpcResult<unknown>;
}

export interface AppHarness {
  page: Page;
  /** The real core behind the handlers, for seeding state and checking what happened. */
  core: Core;
  sim: ZoomSimulator;
  dataDir: string;
  /** Every IPC answer the renderer received, in order. */
  calls: IpcCall[];
  /** URLs the renderer asked main to open in the browser. */
  opened: string[];
  /** The system clipboard main writes a copied password to (in memory). */
  clipboard: MemoryClipboard;
  /** Every save dialog main opened, with the file the "user" picked there (null: cancelled). */
  saveDialogs: { request: SaveFileRequest; answer: string | null }[];
  /** Where the "user" saves exports unless told otherwise: the dialog's proposed name in a temp folder. */
  exportDir: string;
  /** The answer to the next save dialog: a file path, or null to cancel it. */
  answerNextSave(file: string | null): void;
  /** Every open dialog main opened, with the file the "user" picked (null: cancelled). */
  openDialogs: { request: OpenFileRequest; answer: string | null }[];
  /** Queues the answer to the next open dialog (a file path, or null to cancel); none queued: cancelled. */
  answerNextOpen(file: string | null): void;
  /** history.jsonl of this test's data folder. */
  historyFile: string;
  keychain: 'keytar' | 'memory';
  /** Loads the renderer and waits until it says it is ready. */
  open(): Promise<void>;
  /** Another core over the same data folder, keychain and simulator: what an earlier session or zpa left behind. */
  otherCore(): Core;
  /** Stores a token through the core (as a previous session would have): a "Default" account on first use. */
  storeToken(token?: string): Promise<void>;
  /** Adds an account through the core (as zpa or a previous session would have); its secret is tracked. */
  addAccount(input: NewAccountInput, options?: { activate?: boolean }): Promise<AccountView>;
  /** The simulator's addresses, for a "Custom" cloud account. */
  simUrls: { cloud: 'custom'; apiBase: string; oauthBase: string };
  /** What the keychain holds for an account's secret (null: no entry). */
  keychainSecret(accountId: string, kind: 'token' | 'client-secret'): Promise<string | null>;
  /** A password the simulator's policy accepts, registered as a secret the renderer must never get back. */
  newPassword(): string;
  /** Appends entries straight to the history file (as earlier sessions or zpa would have), without the chain. */
  seedHistory(entries: HistoryEntry[]): void;
  /** Records entries through the store in one write (hash-chained, as the app and zpa write them). */
  appendHistory(entries: readonly HistoryEntryInput[]): void;
  /** Saves a full-page screenshot to test-results/screenshots/<name>.png; `small` adds <name>-small.png. */
  screenshot(name: string, options?: { small?: boolean }): Promise<void>;
}

interface WorkerFixtures {
  /** Options for this worker's simulator (a different value gets its own worker). */
  simOptions: ZoomSimulatorOptions;
  sim: ZoomSimulator;
  rendererServer: RendererServer;
  bridgeScript: string;
}

interface TestFixtures {
  /** Start the core in demo mode (the banner shows). */
  demo: boolean;
  /** Make keytar fail to load, as on a machine without libsecret: the "no keychain" case. */
  brokenKeychain: boolean;
  /** Files (path relative to the data folder → content) written before the core opens it, e.g. a damaged config. */
  dataFiles: Readonly<Record<string, string>>;
  app: AppHarness;
}

function missingModule(id: string): never {
  throw new Error(`Cannot find module '${id}'`);
}

function hasSessionBus(): boolean {
  return (process.env.DBUS_SESSION_BUS_ADDRESS ?? '').trim() !== '';
}

/**
 * Each test gets a fresh data folder, a core over the real Node transport and (with a D-Bus session)
 * the real keychain under a throwaway service name, the real handler table behind the real dispatcher,
 * and the built renderer served on loopback with the app's CSP. The page reaches main exactly as in
 * Electron: window.zpa from shared/ipc/bridge.ts, one binding standing in for ipcRenderer.invoke.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  simOptions: [{}, { scope: 'worker', option: true }],
  sim: [
    async ({ simOptions }, use) => {
      const sim = await startZoomSimulator(simOptions);
      await use(sim);
      await sim.stop();
    },
    { scope: 'worker' },
  ],
  rendererServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern
    async ({}, use) => {
      const server = await startRendererServer(path.join(root, 'dist', 'renderer'));
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- as above
  bridgeScript: [async ({}, use) => use(await buildBridgeScript(root)), { scope: 'worker' }],

  demo: [false, { option: true }],
  dataFiles: [{}, { option: true }],
  brokenKeychain: [false, { option: true }],

  app: async ({ page, sim, rendererServer, bridgeScript, demo, dataFiles, brokenKeychain }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zpa-e2e-'));
    const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zpa-e2e-exports-'));
    for (const [name, content] of Object.entries(dataFiles)) {
      fs.mkdirSync(path.dirname(path.join(dataDir, name)), { recursive: true });
      fs.writeFileSync(path.join(dataDir, name), content);
    }
    const useKeytar = hasSessionBus() && !brokenKeychain;
    const service = `Zoom Password Admin e2e ${randomUUID()}`;
    const keychain: Keychain | (() => Keychain) = brokenKeychain
      ? () => loadKeytar({ require: missingModule })
      : useKeytar
        ? () => loadKeytar()
        : new MemoryKeychain();
    const coreOptions = {
      dataDir,
      apiBase: sim.apiBase,
      transport: createNodeTransport(),
      keychain,
      keychainService: service,
      source: 'app',
      demo,
      version: '0.1.0',
      timeoutMs: 15_000,
    } as const;
    const core = createCore(coreOptions);
    const secrets = new Set<string>([
      DEMO_TOKEN,
      EXPIRED_TOKEN,
      NO_SCOPE_TOKEN,
      ...Object.values(SAMPLE_OAUTH).map((app) => app.clientSecret),
    ]);
    const keychainNow = () => (typeof keychain === 'function' ? keychain() : keychain);
    const calls: IpcCall[] = [];
    const opened: string[] = [];
    const clipboard = new MemoryClipboard();
    const saveDialogs: AppHarness['saveDialogs'] = [];
    const saveAnswers: (string | null)[] = [];
    const openDialogs: AppHarness['openDialogs'] = [];
    const openAnswers: (string | null)[] = [];
    const consoleErrors: string[] = [];
    const dispatch = createDispatcher(
      createHandlerTable(core, {
        openExternal: async (url) => void opened.push(url),
        clipboard,
        // The native save dialog's part: the user accepts the proposed name, or answers as queued.
        chooseSaveFile: async (request) => {
          const answer =
            saveAnswers.length > 0 ? (saveAnswers.shift() ?? null) : path.join(exportDir, request.defaultName);
          saveDialogs.push({ request, answer });
          return answer;
        },
        chooseOpenFile: async (request) => {
          const answer = openAnswers.shift() ?? null;
          openDialogs.push({ request, answer });
          return answer;
        },
      }),
      createSenderPolicy(rendererServer.origin),
    );

    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.exposeBinding('__zpaInvoke', async (source, channel: string, payload: unknown) => {
      const sender = { frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() };
      const result = await dispatch(channel, sender, payload);
      calls.push({ channel, result });
      return result;
    });
    await page.addInitScript({ content: bridgeScript });

    const harness: AppHarness = {
      page,
      core,
      sim,
      dataDir,
      calls,
      opened,
      clipboard,
      saveDialogs,
      exportDir,
      answerNextSave(file) {
        saveAnswers.push(file);
      },
      openDialogs,
      answerNextOpen(file) {
        openAnswers.push(file);
      },
      historyFile: path.join(dataDir, HISTORY_DIR, HISTORY_FILE),
      keychain: useKeytar ? 'keytar' : 'memory',
      async open() {
        await page.goto(`${rendererServer.origin}/index.html`);
        await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
      },
      otherCore() {
        return createCore({ ...coreOptions, source: 'zpa' });
      },
      async storeToken(token = DEMO_TOKEN) {
        secrets.add(token);
        await core.vault.setToken(token);
      },
      async addAccount(input, options) {
        secrets.add(input.credential.kind === 'token' ? input.credential.token : input.credential.clientSecret);
        return core.accounts.add(input, options);
      },
      simUrls: { cloud: 'custom', apiBase: sim.apiBase, oauthBase: sim.oauthBase },
      keychainSecret(accountId, kind) {
        return keychainNow().getPassword(service, secretEntryName(accountId, kind));
      },
      newPassword() {
        const password = uniqueValidPassword();
        secrets.add(password);
        return password;
      },
      seedHistory(entries) {
        // One write for the lot, as a long-running zpa would have left them; the store reads the new tail.
        const lines = entries.map((entry) => `${JSON.stringify(historyEntrySchema.parse(entry))}\n`).join('');
        fs.appendFileSync(path.join(dataDir, HISTORY_DIR, HISTORY_FILE), lines);
      },
      appendHistory(entries) {
        core.history.appendMany(entries);
      },
      async screenshot(name, options = {}) {
        fs.mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({
          path: path.join(screenshotDir, `${name}.png`),
          fullPage: true,
          animations: 'disabled',
        });
        if (options.small === true) {
          const size = page.viewportSize();
          await page.setViewportSize(SMALL_WINDOW);
          await page.screenshot({
            path: path.join(screenshotDir, `${name}-small.png`),
            fullPage: true,
            animations: 'disabled',
          });
          if (size !== null) await page.setViewportSize(size);
        }
      },
    };

    await use(harness);

    sim.faults.clear();
    if (useKeytar) {
      // Whatever accounts the test left behind: their entries live under this test's throwaway service.
      const left = await core.accounts.list().catch(() => ({ accounts: [] }));
      const keytar = loadKeytar();
      await keytar.deletePassword(service, TOKEN_ACCOUNT);
      for (const account of left.accounts) {
        for (const kind of SECRET_KINDS) await keytar.deletePassword(service, secretEntryName(account.id, kind));
      }
    }
    // Kept for the suite's final secret-leak scan under npm test, removed otherwise.
    registerSecrets(...secrets);
    discardTestFolder(dataDir, 'playwright');
    discardTestFolder(exportDir, 'playwright');
    // Checked after every test: the renderer never received a token or a password, and the page
    // ran without errors (a CSP violation is reported as a console error).
    const leaks = calls.filter((call) => [...secrets].some((secret) => JSON.stringify(call.result).includes(secret)));
    expect(
      leaks.map((call) => call.channel),
      'IPC answers must never carry a token or a password',
    ).toEqual([]);
    expect(consoleErrors, 'the page logged errors').toEqual([]);
  },
});

export { expect };
