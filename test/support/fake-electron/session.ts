import { EventEmitter } from 'node:events';
import path from 'node:path';
import { record } from './recorder';
import { makeEvent, type FakeWebContents } from './web-contents';

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DevicePermissionHandler = (details: unknown) => boolean;
type CertificateVerifyProc = (request: CertificateVerifyRequest, callback: (verdict: number) => void) => void;

/** Electron's Certificate, as far as a verify proc sees it. */
export interface FakeCertificate {
  data: string;
  issuerName: string;
  subjectName: string;
  serialNumber: string;
  validStart: number;
  validExpiry: number;
  fingerprint: string;
  issuerCert: FakeCertificate | null;
}

export interface CertificateVerifyRequest {
  hostname: string;
  certificate: FakeCertificate;
  validatedCertificate: FakeCertificate;
  isIssuedByKnownRoot: boolean;
  verificationResult: string;
  errorCode: number;
}

/**
 * Session: permission handlers, the certificate verify proc, downloads. The `simulate*` helpers are
 * Chromium asking, with Electron's defaults when no handler is set.
 */
export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;
  certificateVerifyProc: CertificateVerifyProc | null = null;
  spellCheckerEnabled = true;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    record('session.setPermissionRequestHandler', handler);
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    record('session.setPermissionCheckHandler', handler);
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    record('session.setDevicePermissionHandler', handler);
    this.devicePermissionHandler = handler;
  }

  setCertificateVerifyProc(proc: CertificateVerifyProc | null): void {
    record('session.setCertificateVerifyProc', proc);
    this.certificateVerifyProc = proc;
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    record('session.setSpellCheckerEnabled', enabled);
    this.spellCheckerEnabled = enabled;
  }

  isSpellCheckerEnabled(): boolean {
    return this.spellCheckerEnabled;
  }

  /** A page asking for a permission. Without a handler Electron grants every request. */
  simulatePermissionRequest(contents: FakeWebContents, permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (handler === null) return Promise.resolve(true);
    const details = { requestingUrl: contents.getURL(), isMainFrame: true };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the permission handler never answered (${permission})`)), 5000);
      const callback = (granted: boolean): void => {
        clearTimeout(timer);
        resolve(granted);
      };
      handler(contents, permission, callback, details);
    });
  }

  /** A synchronous permission check. Without a handler Electron answers true. */
  simulatePermissionCheck(contents: FakeWebContents, permission: string): boolean {
    const origin = contents.mainFrame.origin;
    return this.permissionCheckHandler?.(contents, permission, origin, { requestingUrl: contents.getURL() }) ?? true;
  }

  /** A device (HID, serial, USB) permission check; null when no handler decides. */
  simulateDevicePermission(contents: FakeWebContents, deviceType: string): boolean | null {
    const handler = this.devicePermissionHandler;
    if (handler === null) return null;
    return handler({ deviceType, origin: contents.mainFrame.origin, device: {} });
  }

  /** A download starting; returns whether it was prevented (cancelled). */
  simulateDownload(contents: FakeWebContents, url: string): boolean {
    const event = makeEvent({});
    const item = {
      getURL: () => url,
      getFilename: () => path.basename(new URL(url).pathname),
      cancel: () => undefined,
    };
    this.emit('will-download', event, item, contents);
    return event.defaultPrevented;
  }

  /** Chromium asking the verify proc about a server certificate; null when no proc is set. */
  simulateCertificateVerify(request: CertificateVerifyRequest): Promise<number | null> {
    const proc = this.certificateVerifyProc;
    if (proc === null) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the certificate verify proc never answered')), 5000);
      proc(request, (verdict) => {
        clearTimeout(timer);
        resolve(verdict);
      });
    });
  }
}
