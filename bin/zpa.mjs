#!/usr/bin/env node
// Launcher for the zpa command: the built CLI lives in dist/ (npm run setup or npm run build).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/zpa.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('zpa is not built yet: run "npm run setup" (or "npm run build") in the repository first.\n');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
