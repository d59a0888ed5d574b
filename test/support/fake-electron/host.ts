/**
 * Child-process entry: runs a built Electron main (argv[2]) against the fake Electron, then answers
 * the test's commands over the IPC channel (client.ts). Start it with the loader hook:
 *   node --import tsx --import ./test/support/fake-electron/register.ts host.ts dist/main/main.mjs
 */
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorBoxes, fakeControl, netFetches, saveDialogAnswers, saveDialogs, shellOpened } from './electron';
import { ipcMain, type FakeInvokeEvent } from './ipc-main';
import type { ClientMessage, HostCommand, HostMessage, HostReplies, SenderKind, Snapshot } from './messages';
import { describeMenu, findMenuItem, Menu } from './menu';
import { plain, recorder } from './recorder';
import type { FakeCertificate } from './session';
import { makeEvent, type FakeWebContents } from './web-contents';

const STARTUP_TIMEOUT_MS = 30_000;
const { app, protocol, defaultSession } = fakeControl;

function send(message: HostMessage, then?: () => void): void {
  if (process.send === undefined) {
    process.stdout.write(`${JSON.stringify(message)}\n`, then);
    return;
  }
  process.send(message, undefined, {}, () => then?.());
}

function snapshot(): Snapshot {
  const appListeners: Record<string, number> = {};
  for (const name of app.eventNames()) if (typeof name === 'string') appListeners[name] = app.listenerCount(name);
  const menu = Menu.getApplicationMenu();
  return {
    ready: recorder.ready,
    exit: recorder.exit,
    calls: recorder.calls,
    sandboxEnabled: app.sandboxEnabled,
    paths: Object.fromEntries(app.paths),
    privilegedSchemes: protocol.privileged,
    handledSchemes: [...protocol.handlers.keys()],
    windows: fakeControl.windows().map((w) => ({
      id: w.id,
      options: plain(w.options) as Record<string, unknown>,
      visible: w.isVisible(),
      destroyed: w.isDestroyed(),
      url: w.webContents.getURL(),
      loads: w.webContents.loads,
    })),
    ipc: {
      handlers: [...ipcMain.invokeHandlers.keys()],
      listeners: ipcMain.eventNames().map(String),
    },
    session: {
      permissionRequestHandler: defaultSession.permissionRequestHandler !== null,
      permissionCheckHandler: defaultSession.permissionCheckHandler !== null,
      devicePermissionHandler: defaultSession.devicePermissionHandler !== null,
      certificateVerifyProc: defaultSession.certificateVerifyProc !== null,
      willDownloadListeners: defaultSession.listenerCount('will-download'),
      spellCheckerEnabled: defaultSession.spellCheckerEnabled,
    },
    appListeners,
    menu: menu === null ? null : describeMenu(menu),
    shellOpened,
    errorBoxes,
    netFetches,
    saveDialogs,
  };
}

function appWindow() {
  const window = fakeControl.windows().find((w) => !w.isDestroyed());
  if (window === undefined) throw new Error('main has no open window');
  return window;
}

function contentsFor(target: 'window' | 'new' | undefined): FakeWebContents {
  return target === 'new' ? fakeControl.newWebContents(appWindow().webContents.getURL()) : appWindow().webContents;
}

function invokeEvent(sender: SenderKind): { event: FakeInvokeEvent; restore: () => void } {
  const contents = appWindow().webContents;
  const base = { type: 'frame' as const, processId: 1 };
  switch (sender.kind) {
    case 'window':
      return { event: { ...base, sender: contents, senderFrame: contents.mainFrame, frameId: 1 }, restore: () => {} };
    case 'subframe': {
      const frame = contents.addSubframe(contents.getURL());
      return { event: { ...base, sender: contents, senderFrame: frame, frameId: 2 }, restore: () => frame.detach() };
    }
    case 'no-frame':
      return { event: { ...base, sender: contents, senderFrame: null, frameId: 1 }, restore: () => {} };
    case 'other-contents': {
      const other = fakeControl.newWebContents(contents.getURL());
      return {
        event: { ...base, sender: other, senderFrame: other.mainFrame, frameId: 1 },
        restore: () => other.destroy(),
      };
    }
    case 'navigated-window': {
      const before = contents.mainFrame.url;
      contents.mainFrame.url = sender.url;
      return {
        event: { ...base, sender: contents, senderFrame: contents.mainFrame, frameId: 1 },
        restore: () => {
          contents.mainFrame.url = before;
        },
      };
    }
  }
}

/** Electron's Certificate for a PEM chain, leaf first. */
function certificateChain(chain: readonly string[]): FakeCertificate {
  let issuer: FakeCertificate | null = null;
  for (const pem of [...chain].reverse()) {
    const x = new X509Certificate(pem);
    issuer = {
      data: pem,
      issuerName: x.issuer,
      subjectName: x.subject,
      serialNumber: x.serialNumber,
      validStart: Date.parse(x.validFrom) / 1000,
      validExpiry: Date.parse(x.validTo) / 1000,
      fingerprint: `sha256/${x.fingerprint256}`,
      issuerCert: issuer,
    };
  }
  if (issuer === null) throw new Error('an empty certificate chain');
  return issuer;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function run(command: HostCommand): Promise<HostReplies[HostCommand['op']]> {
  switch (command.op) {
    case 'snapshot':
      return snapshot();
    case 'invoke': {
      const { event, restore } = invokeEvent(command.sender ?? { kind: 'window' });
      try {
        return await ipcMain.simulateInvoke(command.channel, event, command.payload);
      } finally {
        restore();
      }
    }
    case 'navigate':
      return { prevented: contentsFor(command.target).simulateNavigation(command.event, command.url) };
    case 'attach-webview':
      return { prevented: contentsFor(command.target).simulateAttachWebview(command.src) };
    case 'window-open': {
      const before = shellOpened.length;
      const result = contentsFor(command.target).simulateWindowOpen(command.url);
      await tick();
      return { ...result, response: plain(result.response), opened: shellOpened.slice(before) };
    }
    case 'permission': {
      const contents = appWindow().webContents;
      return {
        request: await defaultSession.simulatePermissionRequest(contents, command.permission),
        check: defaultSession.simulatePermissionCheck(contents, command.permission),
        device: defaultSession.simulateDevicePermission(contents, command.permission),
      };
    }
    case 'download':
      return { prevented: defaultSession.simulateDownload(appWindow().webContents, command.url) };
    case 'protocol-request': {
      const response = await protocol.simulateRequest(command.url, { method: command.method ?? 'GET' });
      const headers: Record<string, string> = {};
      response?.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return { status: response?.status ?? null, headers, body: response === null ? '' : await response.text() };
    }
    case 'certificate': {
      const certificate = certificateChain(command.chain);
      const verdict = await defaultSession.simulateCertificateVerify({
        hostname: command.hostname,
        certificate,
        validatedCertificate: certificate,
        isIssuedByKnownRoot: false,
        verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
        errorCode: -202,
      });
      return { verdict };
    }
    case 'menu-click': {
      const menu = Menu.getApplicationMenu();
      const item = menu === null ? null : findMenuItem(menu, command.path);
      if (item?.click === undefined) return { found: false, opened: [] };
      const before = shellOpened.length;
      item.click(item, appWindow(), { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false });
      await tick();
      return { found: true, opened: shellOpened.slice(before) };
    }
    case 'save-dialog-answer':
      saveDialogAnswers.push(command.filePath);
      return { queued: saveDialogAnswers.length };
    case 'second-instance': {
      if (command.minimizeFirst === true) appWindow().minimize();
      const before = recorder.calls.length;
      app.emit('second-instance', makeEvent({}), command.argv ?? [process.execPath, '.'], process.cwd(), {});
      await tick();
      return { calls: recorder.calls.slice(before).map((c) => c.api), windows: fakeControl.windows().length };
    }
    case 'quit':
      setImmediate(() => app.quit());
      return { quitting: true };
  }
}

process.on('message', (message: ClientMessage) => {
  run(message.command).then(
    (value) => send({ type: 'reply', id: message.id, ok: true, value }),
    (error: unknown) =>
      send({ type: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

recorder.terminate = (code) => {
  send({ type: 'exit', code, snapshot: snapshot() }, () => process.exit(code));
};

function settled(): boolean {
  if (recorder.exit !== null) return true;
  const windows = fakeControl.windows();
  return windows.length > 0 && windows.every((w) => w.isVisible());
}

const mainPath = process.argv[2];
if (mainPath === undefined) throw new Error('usage: host.ts <path to the built main, e.g. dist/main/main.mjs>');
// The same module instance main gets through the loader hook, or nothing recorded would be seen here.
const viaHook = (await import('electron' as string)) as { app?: unknown };
if (viaHook.app !== app) throw new Error('`electron` did not resolve to the fake: start with --import .../register.ts');

await import(pathToFileURL(path.resolve(mainPath)).href);
// Electron emits ready after the main script's first run, never during it.
if (recorder.exit === null) app.becomeReady();
const deadline = Date.now() + STARTUP_TIMEOUT_MS;
while (!settled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
if (recorder.exit === null) send({ type: 'started', settled: settled(), snapshot: snapshot() });
