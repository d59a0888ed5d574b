#!/usr/bin/env node
// Builds everything the app and zpa run from: main, preload and zpa with esbuild, the renderer with Vite.
// Usage: node scripts/build.mjs [--only main,preload,cli,renderer] [--sourcemap]
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]) : undefined;
const wanted = new Set((only ?? 'main,preload,cli,renderer').split(','));
const sourcemap = args.includes('--sourcemap') ? 'linked' : false;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

// ESM bundles that contain CommonJS dependencies need a real `require` for Node built-ins.
const esmRequireBanner = {
  js: "import { createRequire as __zpaCreateRequire } from 'node:module'; const require = __zpaCreateRequire(import.meta.url);",
};

const shared = {
  bundle: true,
  platform: 'node',
  sourcemap,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __ZPA_VERSION__: JSON.stringify(pkg.version) },
  // keytar is a native module: it stays in node_modules (unpacked from app.asar when packaged).
  external: ['electron', 'keytar'],
};

const targets = {
  main: () =>
    esbuild({
      ...shared,
      entryPoints: ['electron/main/main.ts'],
      outfile: 'dist/main/main.mjs',
      format: 'esm',
      target: 'node22',
      banner: esmRequireBanner,
    }),
  // Sandboxed preloads can only require('electron'): everything else is bundled in, as CommonJS.
  preload: () =>
    esbuild({
      ...shared,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: 'dist/preload/preload.cjs',
      format: 'cjs',
      target: 'node22',
    }),
  cli: () =>
    esbuild({
      ...shared,
      entryPoints: ['electron/cli/zpa.ts'],
      outfile: 'dist/cli/zpa.mjs',
      format: 'esm',
      target: 'node20',
      banner: esmRequireBanner,
    }),
  renderer: async () => {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  },
};

for (const name of wanted) {
  const run = targets[name];
  if (!run) {
    console.error(`build: unknown target "${name}" (known: ${Object.keys(targets).join(', ')})`);
    process.exit(2);
  }
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    console.error(`build: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`build: ${name} ok (${Date.now() - started} ms)`);
}
