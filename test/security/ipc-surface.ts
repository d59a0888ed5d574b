/**
 * Shared by the hostile-IPC and renderer-secret tests: distinctive secrets, a shell and a transport
 * that record what reached them, and a valid request for every IPC method the tests know.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import path from 'node:path';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { ShellServices } from '../../electron/node/ipc/handler-table';
import { TransportError, type Transport, type TransportRequest } from '../../electron/node/ports';
import { registerSecrets } from '../support/leak-registry';

// Letters and digits two apart: no runs such as "abc" or "123", which Zoom's rules refuse.
const NO_RUN = 'acegikmoqsuwyACEGIKMOQSUWY02468';

/** A password Zoom's rules (and the simulator's sample policy) accept, unlike any other. */
export function canaryPassword(): string {
  let tag = '';
  for (let i = 0; i < 10; i += 1) tag += NO_RUN[randomInt(NO_RUN.length)];
  const password = `Qz7-Canary-${tag}`;
  registerSecrets(password);
  return password;
}

/** Secrets nobody else uses, so finding one anywhere means it leaked. */
export function canarySecrets() {
  const tag = randomBytes(6).toString('hex');
  const secrets = {
    token: `eyJhbGciOiJIUzUxMiJ9.canary-token-${tag}.${randomUUID()}`,
    clientSecret: `CanarySecret${tag}${randomBytes(8).toString('hex')}`,
    password: canaryPassword(),
  };
  registerSecrets(secrets.token, `${secrets.token}-added`, secrets.clientSecret);
  return secrets;
}

/** Every call that reached the desktop shell (system browser, native dialogs, clipboard...). */
export interface RecordingShell {
  shell: ShellServices;
  calls: { name: string; args: unknown[] }[];
  /** What the app wrote to the (in-memory) system clipboard, in order. */
  clipboardWrites: string[];
}

/**
 * A ShellServices whose every method is recorded, including ones added after this was written: a
 * save dialog answers a file in `saveDir`, an open dialog `openFile`, the clipboard is kept in memory,
 * anything else answers null (the user cancelled).
 */
export function recordingShell(saveDir: string, openFile: string | null = null): RecordingShell {
  const calls: RecordingShell['calls'] = [];
  const clipboardWrites: string[] = [];
  const clipboard = {
    readText: () => clipboardWrites.at(-1) ?? '',
    writeText(text: string) {
      calls.push({ name: 'clipboard.writeText', args: ['[text]'] });
      clipboardWrites.push(text);
    },
  };
  const shell = new Proxy({} as ShellServices, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (name === 'clipboard') return clipboard;
      return async (...args: unknown[]) => {
        calls.push({ name, args });
        if (name === 'chooseOpenFile') return openFile;
        if (name === 'chooseSaveFile') {
          const request = args[0] as { defaultName?: string } | undefined;
          return path.join(saveDir, request?.defaultName ?? `export-${calls.length}`);
        }
        return name === 'openExternal' ? undefined : null;
      };
    },
  });
  return { shell, calls, clipboardWrites };
}

/** A transport that records every request and answers none: the network is down. */
export function recordingTransport(): { transport: Transport; requests: TransportRequest[] } {
  const requests: TransportRequest[] = [];
  return {
    requests,
    transport: {
      send(request) {
        requests.push(request);
        return Promise.reject(new TransportError('refused', false, 'connection refused (test transport)'));
      },
    },
  };
}

/** The channels of every method, read at run time: methods added later are covered too. */
export function contractMethods(): [method: string, channel: string][] {
  return Object.entries(IPC_CHANNELS);
}

export interface PayloadContext {
  secrets: ReturnType<typeof canarySecrets>;
  /** A user the tests change the password of. */
  user: string;
  /** The names of the two accounts the core holds: a pasted token and a Server-to-Server OAuth app. */
  tokenAccount: string;
  s2sAccount: string;
  /** For addAccount: where the new custom account points. */
  apiBase: string;
  oauthBase: string;
  /** A history entry id, for methods that take one. */
  entryId: string;
  /** The bulk import (openBulkFile's answer) and run (startBulkRun's) the bulk methods act on. */
  importId: string;
  runId: string;
}

/**
 * One request per method that the contract accepts and the handler can act on. A method that is
 * missing here is reported by the renderer-secrets test: every method must be exercised.
 */
export function validPayloads(c: PayloadContext): Record<string, unknown> {
  return {
    getAppInfo: undefined,
    openExternal: { url: 'https://developers.zoom.us/docs/api/' },
    getTokenStatus: undefined,
    setToken: { token: c.secrets.token },
    clearToken: undefined,
    changePassword: { user: c.user, password: c.secrets.password, account: c.s2sAccount },
    listHistory: { limit: 50, offset: 0 },
    getHistorySummary: undefined,
    verifyHistory: undefined,
    exportHistory: { query: {}, format: 'json' },
    getRetention: undefined,
    setRetention: { days: 3650 },
    listRecentUsers: undefined,
    listAccounts: undefined,
    addAccount: {
      name: 'Added',
      cloud: 'custom',
      apiBase: c.apiBase,
      oauthBase: c.oauthBase,
      credential: { kind: 'token', token: `${c.secrets.token}-added` },
    },
    editAccount: { ref: 'Added', patch: { name: 'Added again' } },
    removeAccount: { ref: 'Added again' },
    setActiveAccount: { ref: c.s2sAccount },
    testAccount: { ref: c.s2sAccount },
    lookupUser: { user: c.user, account: c.s2sAccount },
    listUsers: { account: c.s2sAccount, refresh: true, limit: 100 },
    getPasswordPolicy: { account: c.s2sAccount, refresh: true },
    copyNewPassword: { entryId: c.entryId },
    getPreferences: undefined,
    setPreferences: { clipboardClearSeconds: 30 },
    getRateLimit: { account: c.s2sAccount },
    setRateLimit: { account: c.s2sAccount, perSecond: 50 },
    openBulkFile: undefined,
    setBulkColumns: { importId: c.importId, userColumn: 0, passwordColumn: 1 },
    startBulkRun: { importId: c.importId, generate: false, concurrency: 1, account: c.s2sAccount },
    getBulkRun: { runId: c.runId },
    pauseBulkRun: { runId: c.runId },
    resumeBulkRun: { runId: c.runId },
    cancelBulkRun: { runId: c.runId },
    listBulkRuns: undefined,
    rerunFailedRows: { runId: c.runId },
    exportBulkResults: { runId: c.runId },
  };
}
