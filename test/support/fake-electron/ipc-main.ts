import { EventEmitter } from 'node:events';
import { record } from './recorder';
import type { FakeWebContents, FakeWebFrameMain } from './web-contents';

/** IpcMainInvokeEvent: who sent an invoke(). senderFrame is null once that frame is gone. */
export interface FakeInvokeEvent {
  type: 'frame';
  sender: FakeWebContents;
  senderFrame: FakeWebFrameMain | null;
  frameId: number;
  processId: number;
}

type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

/** What the renderer's ipcRenderer.invoke() would get back. */
export type InvokeOutcome =
  | { kind: 'resolved'; value: unknown }
  | { kind: 'rejected'; message: string }
  | { kind: 'no-handler'; message: string };

/**
 * ipcMain: an EventEmitter for send/on messages plus the invoke handlers, which Electron keeps apart
 * from the emitter's listeners (so eventNames() never lists handle() channels).
 */
class FakeIpcMain extends EventEmitter {
  readonly invokeHandlers = new Map<string, InvokeHandler>();

  handle(channel: string, listener: InvokeHandler): void {
    record('ipcMain.handle', channel, listener);
    if (this.invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof listener !== 'function')
      throw new TypeError(`Expected handler to be a function, but found type '${typeof listener}'`);
    this.invokeHandlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    record('ipcMain.removeHandler', channel);
    this.invokeHandlers.delete(channel);
  }

  override on(channel: string | symbol, listener: (...args: unknown[]) => void): this {
    record('ipcMain.on', channel, listener);
    return super.on(channel, listener);
  }

  override removeAllListeners(channel?: string | symbol): this {
    record('ipcMain.removeAllListeners', channel);
    return super.removeAllListeners(channel);
  }

  /**
   * ipcRenderer.invoke(channel, ...args) arriving from `event`'s frame. The answer crosses the
   * process boundary by structured clone, as in Electron: functions or odd objects fail here too.
   */
  async simulateInvoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<InvokeOutcome> {
    const handler = this.invokeHandlers.get(channel);
    if (handler === undefined) {
      return { kind: 'no-handler', message: `Error invoking remote method '${channel}': No handler registered` };
    }
    try {
      return { kind: 'resolved', value: structuredClone(await handler(event, ...structuredClone(args))) };
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { kind: 'rejected', message: `Error invoking remote method '${channel}': ${message}` };
    }
  }
}

export const ipcMain = new FakeIpcMain();
