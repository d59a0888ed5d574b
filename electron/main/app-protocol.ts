import { protocol } from 'electron';
import { APP_SCHEME, readAppAsset } from '../node/app-assets';

/**
 * Declares zpa:// a standard, secure scheme. Must run before the app is ready, and only once:
 * a later call would replace these privileges.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves zpa://app/<path> from the built renderer folder. The path checks and the security headers
 * (CSP included) live in app-assets.ts, where they are unit-tested.
 */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = await readAppAsset(request.url, rendererDir, request.method);
    return new Response(asset.body === null ? null : Buffer.from(asset.body), {
      status: asset.status,
      headers: asset.headers,
    });
  });
}
