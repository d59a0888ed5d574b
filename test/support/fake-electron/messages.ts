/** The messages between a test (client.ts) and the child process running main in the fake (host.ts). */
import type { NetFetchRecord, SaveDialogRecord } from './electron';
import type { InvokeOutcome } from './ipc-main';
import type { PlainMenuItem } from './menu';
import type { CallRecord } from './recorder';
import type { LoadRecord } from './web-contents';

/**
 * Who sends an IPC invoke: the app window's top frame; a subframe of it; a frame that is gone
 * (senderFrame null); another web contents showing the same page; or the window after its top
 * frame navigated to `url`.
 */
export type SenderKind =
  | { kind: 'window' }
  | { kind: 'subframe' }
  | { kind: 'no-frame' }
  | { kind: 'other-contents' }
  | { kind: 'navigated-window'; url: string };

/** Which web contents a simulated event happens in: the app window's, or a newly created one. */
export type ContentsTarget = 'window' | 'new';

export type NavigationEvent = 'will-navigate' | 'will-frame-navigate' | 'will-redirect';

export type HostCommand =
  | { op: 'snapshot' }
  | { op: 'invoke'; channel: string; payload?: unknown; sender?: SenderKind }
  | { op: 'navigate'; event: NavigationEvent; url: string; target?: ContentsTarget }
  | { op: 'attach-webview'; src: string; target?: ContentsTarget }
  | { op: 'window-open'; url: string; target?: ContentsTarget }
  | { op: 'permission'; permission: string }
  | { op: 'download'; url: string }
  | { op: 'protocol-request'; url: string; method?: string }
  | { op: 'certificate'; hostname: string; chain: string[] }
  | { op: 'menu-click'; path: string[] }
  /** What the user picks in the next save dialog: a path, or null for Cancel. */
  | { op: 'save-dialog-answer'; filePath: string | null }
  /** The user starts the app again: Electron emits 'second-instance' in the first one (minimized first, if asked). */
  | { op: 'second-instance'; minimizeFirst?: boolean; argv?: string[] }
  | { op: 'quit' };

export interface ProtocolReply {
  /** null: no handler for that scheme. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

export interface WindowOpenReply {
  action: 'allow' | 'deny';
  /** false when the handler's answer was not a valid { action } (Electron then denies). */
  valid: boolean;
  response: unknown;
  /** What shell.openExternal received while the handler ran. */
  opened: string[];
}

export interface PermissionReply {
  request: boolean;
  check: boolean;
  /** null: no device permission handler. */
  device: boolean | null;
}

export interface HostReplies {
  snapshot: Snapshot;
  invoke: InvokeOutcome;
  navigate: { prevented: boolean };
  'attach-webview': { prevented: boolean };
  'window-open': WindowOpenReply;
  permission: PermissionReply;
  download: { prevented: boolean };
  'protocol-request': ProtocolReply;
  /** null: no certificate verify proc is set, Chromium decides alone. */
  certificate: { verdict: number | null };
  'menu-click': { found: boolean; opened: string[] };
  'save-dialog-answer': { queued: number };
  /** The calls main made while handling it. */
  'second-instance': { calls: string[]; windows: number };
  quit: { quitting: true };
}

export type HostReply<C extends HostCommand> = HostReplies[C['op']];

export interface WindowSnapshot {
  id: number;
  /** The BrowserWindow constructor options. */
  options: Record<string, unknown>;
  visible: boolean;
  destroyed: boolean;
  url: string;
  loads: LoadRecord[];
}

/** Everything the fake recorded, as plain data. */
export interface Snapshot {
  ready: boolean;
  exit: { code: number; via: 'exit' | 'quit' } | null;
  calls: CallRecord[];
  sandboxEnabled: boolean;
  paths: Record<string, string>;
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[];
  handledSchemes: string[];
  windows: WindowSnapshot[];
  /** handle() channels, and the channels with ipcMain.on-style listeners. */
  ipc: { handlers: string[]; listeners: string[] };
  session: {
    permissionRequestHandler: boolean;
    permissionCheckHandler: boolean;
    devicePermissionHandler: boolean;
    certificateVerifyProc: boolean;
    willDownloadListeners: number;
    spellCheckerEnabled: boolean;
  };
  appListeners: Record<string, number>;
  menu: PlainMenuItem[] | null;
  shellOpened: string[];
  errorBoxes: { title: string; content: string }[];
  netFetches: NetFetchRecord[];
  saveDialogs: SaveDialogRecord[];
}

export type HostMessage =
  | { type: 'started'; settled: boolean; snapshot: Snapshot }
  | { type: 'exit'; code: number; snapshot: Snapshot }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string };

export interface ClientMessage {
  id: number;
  command: HostCommand;
}
