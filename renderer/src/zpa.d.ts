import type { ZpaApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** The fixed API the preload exposes; the renderer's only way to reach main. */
    readonly zpa: ZpaApi;
  }
}

export {};
