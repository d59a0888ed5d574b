import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds Electron's executable the way the electron package does (path.txt under node_modules/electron,
 * or ELECTRON_OVERRIDE_DIST_PATH), without requiring 'electron': that require would try to download it.
 */
export function electronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const candidates = [relative, process.platform === 'win32' ? 'electron.exe' : 'electron'].filter(Boolean);
    return candidates.map((p) => path.join(override, p)).find((p) => fs.existsSync(p)) ?? null;
  }
  if (relative === '' || !fs.existsSync(path.join(pkg, 'dist'))) return null;
  const executable = path.join(pkg, 'dist', relative);
  return fs.existsSync(executable) ? executable : null;
}

/** True when Electron's binary is installed (and nothing is downloaded to find out). */
export function electronBinaryPresent(root: string): boolean {
  return electronBinary(root) !== null;
}

export const NO_ELECTRON_REASON =
  'no Electron binary on this machine: get one with `npx install-electron` (needs access to github.com or ' +
  'ELECTRON_MIRROR), or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron folder';
