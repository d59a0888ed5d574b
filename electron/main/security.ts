import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from '../node/app-assets';
import { normaliseExternalUrl } from '../node/external-urls';

/**
 * Denies every permission (camera, notifications, clipboard-read, HID, USB, serial...) and every
 * download for a session: a password tool needs none of them.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.setSpellCheckerEnabled(false);
}

/**
 * Keeps a web contents on zpa://app: no navigation or redirect elsewhere, no new windows (an
 * allow-listed https Zoom link goes to the system browser instead), no <webview>.
 */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = normaliseExternalUrl(url);
    if (external !== null) {
      openExternal(external).catch((error: unknown) => {
        console.error(
          `[security] could not open an external link: ${error instanceof Error ? error.message : 'error'}`,
        );
      });
    }
    return { action: 'deny' };
  });
}

/**
 * Applies the guards to every web contents the app ever creates, not only the main window's:
 * anything that slips through (a devtools extension, a future window) is covered as well.
 */
export function guardAllWebContents(app: App, openExternal: (url: string) => Promise<void>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
}
