import path from 'node:path';

/** The product name Electron derives `userData` from (package.json `productName`). */
export const PRODUCT_NAME = 'Zoom Password Admin';

/**
 * Where settings and history live: `ZPA_DATA_DIR` when set (a relative value is resolved against the
 * current directory), else the folder Electron uses as `userData` for this product on that OS, so the
 * app and `zpa` share one data folder without Electron having to run.
 */
export function resolveDataDir(o: { env: NodeJS.ProcessEnv; platform: NodeJS.Platform; homedir: string }): string {
  const override = o.env['ZPA_DATA_DIR']?.trim();
  if (override) return path.resolve(override);
  if (o.platform === 'win32') {
    const appData = o.env['APPDATA']?.trim();
    const base = appData && path.win32.isAbsolute(appData) ? appData : path.win32.join(o.homedir, 'AppData', 'Roaming');
    return path.win32.join(base, PRODUCT_NAME);
  }
  if (o.platform === 'darwin') return path.posix.join(o.homedir, 'Library', 'Application Support', PRODUCT_NAME);
  // The XDG spec says relative values are invalid and must be ignored.
  const xdg = o.env['XDG_CONFIG_HOME']?.trim();
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(o.homedir, '.config');
  return path.posix.join(base, PRODUCT_NAME);
}
