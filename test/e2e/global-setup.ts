import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');
const builtIndex = path.join(root, 'dist/renderer/index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The renderer suite tests the built renderer (what Electron loads). `npm test` builds first; for a
 * direct `npx playwright test` the build is (re)made here when missing or older than its sources.
 */
export default async function globalSetup(): Promise<void> {
  const sources = Math.max(
    newestSource(path.join(root, 'renderer/src')),
    newestSource(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'renderer/index.html')).mtimeMs,
  );
  const built = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
  if (built >= sources) return;
  await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
