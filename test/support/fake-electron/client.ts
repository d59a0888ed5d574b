/**
 * Test side of the fake-Electron harness: starts a built main in a child process under the fake
 * (host.ts), waits for it to settle, then lets the test drive it and read what it recorded.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeElectronOptions } from './electron';
import type { InvokeOutcome } from './ipc-main';
import type { ClientMessage, HostCommand, HostMessage, HostReply, SenderKind, Snapshot } from './messages';

const HOST = fileURLToPath(new URL('./host.ts', import.meta.url));
const REGISTER = fileURLToPath(new URL('./register.ts', import.meta.url));

export interface LaunchOptions {
  /** The built main bundle, e.g. dist/main/main.mjs. */
  mainPath: string;
  /** The child's whole environment (nothing is inherited implicitly). */
  env: NodeJS.ProcessEnv;
  /** Where tsx is resolved from: the repository root. */
  cwd: string;
  fake?: FakeElectronOptions;
  startTimeoutMs?: number;
}

/** How startup ended: main settled with its windows shown, it exited (app.exit/quit), or the process died. */
export type Startup =
  | { state: 'running'; settled: boolean; snapshot: Snapshot }
  | { state: 'exited'; code: number; snapshot: Snapshot }
  | { state: 'crashed'; code: number | null; signal: NodeJS.Signals | null };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** One main process running in the fake Electron. */
export class FakeMainProcess {
  readonly startup: Startup;
  private readonly child: ChildProcess;
  private readonly out: { stdout: string; stderr: string };
  private readonly pending: Map<number, Pending>;
  private readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private nextId = 1;

  private constructor(
    child: ChildProcess,
    startup: Startup,
    out: { stdout: string; stderr: string },
    pending: Map<number, Pending>,
    closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  ) {
    this.child = child;
    this.startup = startup;
    this.out = out;
    this.pending = pending;
    this.closed = closed;
  }

  /** Starts main and resolves once it settled, exited or died (or rejects after the timeout). */
  static launch(o: LaunchOptions): Promise<FakeMainProcess> {
    const child = fork(HOST, [o.mainPath], {
      cwd: o.cwd,
      env: { ...o.env, FAKE_ELECTRON: JSON.stringify(o.fake ?? {}) },
      execArgv: ['--import', 'tsx', '--import', REGISTER],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const out = { stdout: '', stderr: '' };
    child.stdout?.on('data', (chunk: Buffer) => (out.stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (out.stderr += chunk.toString('utf8')));
    const pending = new Map<number, Pending>();
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('close', (code, signal) => {
        for (const p of pending.values()) p.reject(new Error(`main exited (${code ?? signal}) before answering`));
        pending.clear();
        resolve({ code, signal });
      }),
    );

    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (startup: Startup): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(new FakeMainProcess(child, startup, out, pending, closed));
      };
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        child.kill('SIGKILL');
        reject(new Error(`main did not settle in ${o.startTimeoutMs ?? 60_000} ms.\nstderr:\n${out.stderr}`));
      }, o.startTimeoutMs ?? 60_000);
      child.on('message', (message: HostMessage) => {
        if (message.type === 'started')
          finish({ state: 'running', settled: message.settled, snapshot: message.snapshot });
        else if (message.type === 'exit') finish({ state: 'exited', code: message.code, snapshot: message.snapshot });
        else {
          const p = pending.get(message.id);
          pending.delete(message.id);
          if (message.ok) p?.resolve(message.value);
          else p?.reject(new Error(message.error));
        }
      });
      child.once('error', (error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(error);
      });
      void closed.then(({ code, signal }) => finish({ state: 'crashed', code, signal }));
    });
  }

  get stdout(): string {
    return this.out.stdout;
  }

  get stderr(): string {
    return this.out.stderr;
  }

  /** Sends one command to the host and waits for its answer. */
  request<C extends HostCommand>(command: C): Promise<HostReply<C>> {
    if (!this.child.connected) return Promise.reject(new Error('main is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, command } satisfies ClientMessage);
    });
  }

  snapshot(): Promise<Snapshot> {
    return this.request({ op: 'snapshot' });
  }

  /** ipcRenderer.invoke(channel, payload) from `sender` (the window's top frame by default). */
  invoke(channel: string, payload?: unknown, sender: SenderKind = { kind: 'window' }): Promise<InvokeOutcome> {
    return this.request({ op: 'invoke', channel, payload, sender });
  }

  /** Quits through app.quit() and waits for the process to end; kills it if it does not. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      if (this.child.connected) await this.request({ op: 'quit' }).catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      const result = await this.closed;
      clearTimeout(timer);
      return result;
    }
    return this.closed;
  }

  /** Resolves when the process has ended. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.closed;
  }
}
