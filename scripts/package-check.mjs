#!/usr/bin/env node
// npm run package:check: a packaging LAYOUT check that runs on this machine, without Electron.
// It packages the app with electron-builder's Linux `dir` and `tar.gz` targets, using a stand-in for
// Electron's binary (a small script: these machines cannot download Electron), then inspects what was
// packaged: app.asar holds exactly the whitelisted files, main/preload/renderer are where main loads them
// from, keytar's .node is unpacked and built for the package's CPU, nothing forbidden slipped in, the
// fuses were flipped, and the archive unpacks to the same app. It does NOT start the app.
//
// Usage: node scripts/package-check.mjs [--no-build] [--config <electron-builder config>] [--keep <dir>]
//   --no-build  use dist/ as it is (default: run scripts/build.mjs first)
//   --config    the electron-builder configuration to check (default: electron-builder.config.cjs)
//   --keep      write the packages into <dir> and keep them (default: a temporary folder, removed)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const { nativeArch } = require('../build/after-pack.cjs');

const ARCH = 'x64'; // electron-builder's arch of the packages built here
const EXECUTABLE = 'zoom-password-admin';
// Where main loads the preload and the renderer from, relative to main's folder (electron/main/main.ts).
const PRELOAD_FROM_MAIN = '../preload/preload.cjs';
const RENDERER_FROM_MAIN = '../renderer/index.html';
// keytar's runtime files: its entry point, its package.json and the native module the entry point loads.
const KEYTAR_FILES = [
  'node_modules/keytar/package.json',
  'node_modules/keytar/lib/keytar.js',
  'node_modules/keytar/build/Release/keytar.node',
];
const KEYTAR_NODE = 'node_modules/keytar/build/Release/keytar.node';
// Electron's fuse wire: a sentinel, the wire version, its length, then one byte per fuse ('0' off, '1' on).
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
const ELECTRON_DEFAULT_FUSES = '10110001'; // as Electron ships them
// Fuses whose Electron default would let another program run code as this app.
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
};

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const options = { build: true, config: path.join(root, 'electron-builder.config.cjs'), keep: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--config' || arg === '--keep') {
      const value = argv[++i];
      if (!value) usage(`${arg} needs a path`);
      options[arg.slice(2)] = path.resolve(value);
    } else usage(`unknown argument "${arg}"`);
  }
  return options;
}

function usage(problem) {
  console.error(
    `package-check: ${problem}.\nUsage: node scripts/package-check.mjs [--no-build] [--config <file>] [--keep <dir>]`,
  );
  process.exit(2);
}

// ---------------------------------------------------------------- report

const results = [];
function check(name, problems) {
  const list = (Array.isArray(problems) ? problems : [problems]).filter(Boolean);
  results.push({ name, ok: list.length === 0 });
  if (list.length === 0) console.log(`ok   ${name}`);
  else for (const p of list) console.log(`FAIL ${name}: ${p}`);
  return list.length === 0;
}

function finish() {
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\npackage-check: ${results.length - failed} of ${results.length} layout checks passed.`);
  console.log(
    'package-check: this checks the packaged layout with a stand-in Electron binary; it does not start the app.',
  );
  return failed === 0 ? 0 : 1;
}

// ---------------------------------------------------------------- stand-in Electron

/** A folder electron-builder accepts as `electronDist`: an `electron` executable carrying Electron's fuse wire. */
function makeStandInElectron(dir) {
  mkdirSync(dir, { recursive: true });
  const script =
    '#!/bin/sh\n' +
    'echo "This is a stand-in for Electron made by scripts/package-check.mjs to check the package layout; it cannot run the app." >&2\n' +
    'exit 1\n' +
    `# fuse wire: ${FUSE_SENTINEL}\x01${String.fromCharCode(ELECTRON_DEFAULT_FUSES.length)}${ELECTRON_DEFAULT_FUSES}\n`;
  const file = path.join(dir, 'electron');
  writeFileSync(file, script, 'latin1');
  chmodSync(file, 0o755);
}

function readFuses(executable) {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) return null;
  const start = at + FUSE_SENTINEL.length;
  const length = bytes[start + 1] ?? 0;
  const wire = bytes.subarray(start + 2, start + 2 + length).toString('latin1');
  return Object.fromEntries(FUSE_ORDER.map((name, i) => [name, wire[i] === '1']));
}

// ---------------------------------------------------------------- packaging

function run(command, args, o = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...o });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
  };
}

/** Writes a config that is the checked one with only what this machine needs changed, and runs electron-builder. */
function packageApp({ configFile, work, out, sevenZip }) {
  const electronDist = path.join(work, 'electron-dist');
  makeStandInElectron(electronDist);
  const wrapper = path.join(work, 'package-check.config.cjs');
  writeFileSync(
    wrapper,
    `// Written by scripts/package-check.mjs: the checked config, with a stand-in Electron and Linux dir + tar.gz only.
const base = require(${JSON.stringify(configFile)});
module.exports = {
  ...base,
  electronDist: ${JSON.stringify(electronDist)},
  directories: { ...base.directories, output: ${JSON.stringify(out)} },
  linux: { ...base.linux, target: [{ target: 'dir', arch: ['${ARCH}'] }, { target: 'tar.gz', arch: ['${ARCH}'] }] },
  publish: null,
};
`,
  );
  const home = path.join(work, 'home');
  mkdirSync(home, { recursive: true });
  // electron-builder and the tools it starts write under $HOME and the XDG folders; 7-Zip comes from Debian.
  const env = {
    ...process.env,
    HOME: home,
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    ELECTRON_BUILDER_CACHE: path.join(home, '.cache', 'electron-builder'),
    ELECTRON_BUILDER_7ZIP_PATH: sevenZip,
    ZPA_TARGET_ARCH: ARCH,
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  };
  for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']) delete env[name];
  const cli = require.resolve('electron-builder/cli.js');
  const started = Date.now();
  const result = run(
    process.execPath,
    [cli, '--config', wrapper, '--projectDir', root, '--linux', `--${ARCH}`, '--publish', 'never'],
    {
      env,
      timeout: 5 * 60_000,
    },
  );
  return { ...result, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

// ---------------------------------------------------------------- inspection

/** Every file in an asar archive: path → { unpacked }. */
function listAsar(archive) {
  const files = new Map();
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, rel);
      else files.set(rel, { unpacked: entry.unpacked === true, link: 'link' in entry });
    }
  };
  walk(asar.getRawHeader(archive).header, '');
  return files;
}

function listDir(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}

/** The whitelist, read from what the build produced: the app's own files and keytar's runtime files. */
function expectedFiles() {
  const files = new Set(['package.json', ...KEYTAR_FILES]);
  for (const part of ['main', 'preload', 'renderer']) {
    for (const f of listDir(path.join(root, 'dist', part))) if (!f.endsWith('.map')) files.add(`dist/${part}/${f}`);
  }
  return files;
}

/** Why a packaged path must not ship, or null. */
function forbiddenReason(file) {
  const base = file.split('/').pop() ?? '';
  if (base === '.env' || base.startsWith('.env.')) return 'an environment file (.env)';
  if (file.endsWith('.map')) return 'a source map';
  if (/(^|\/)(test|tests|__tests__|e2e)\//.test(file) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(file))
    return 'a test file';
  if (/simulator|test-ca|ca-key\.pem/i.test(file)) return 'a simulator or test-CA file';
  if (file.startsWith('dist/cli/')) return 'the zpa CLI (dist/cli), which the app does not run';
  if (!file.startsWith('node_modules/') && /\.(ts|tsx|mts|cts)$/.test(file)) return 'a TypeScript source';
  if (/^(electron|renderer|shared|scripts|test|build|\.github|\.ci)\//.test(file))
    return 'a repository source or tooling file';
  return null;
}

/** A list for one report line: the first few, and how many more. */
function sample(list, shown = 6) {
  return list.length <= shown ? list.join(', ') : `${list.slice(0, shown).join(', ')} and ${list.length - shown} more`;
}

function isScript(file) {
  return /\.(m|c)?js$/.test(file);
}

/** Runs every layout check on one unpacked app (the `dir` target, or the unpacked tar.gz). */
function inspectApp(label, appDir, config) {
  const resources = path.join(appDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  if (!check(`${label}: resources/app.asar exists`, existsSync(archive) ? null : `not found in ${appDir}`)) return null;

  const packaged = listAsar(archive);
  const names = new Set(packaged.keys());
  const expected = expectedFiles();
  const missing = [...expected].filter((f) => !names.has(f));
  const extra = [...names].filter((f) => !expected.has(f));
  check(`${label}: app.asar holds exactly the whitelisted files (${expected.size})`, [
    missing.length ? `missing: ${sample(missing)}` : null,
    extra.length ? `not whitelisted: ${sample(extra)}` : null,
  ]);

  const byReason = new Map();
  for (const f of names) {
    const why = forbiddenReason(f);
    if (why) byReason.set(why, [...(byReason.get(why) ?? []), f]);
  }
  check(
    `${label}: no test, source map, .env, simulator, source or CLI file packaged`,
    [...byReason].map(([why, files]) => `${why}: ${sample(files)}`),
  );

  const read = (file) => {
    const entry = packaged.get(file);
    if (!entry) return null;
    return entry.unpacked
      ? readFileSync(path.join(resources, 'app.asar.unpacked', file))
      : asar.extractFile(archive, file);
  };
  const inlineMaps = [...names].filter(
    (f) => isScript(f) && /sourceMappingURL=data:/.test(read(f)?.toString('utf8') ?? ''),
  );
  check(
    `${label}: no script embeds a source map`,
    inlineMaps.map((f) => `${f} carries an inline source map (with the sources)`),
  );

  let main = null;
  try {
    main = JSON.parse(read('package.json')?.toString('utf8') ?? 'null')?.main ?? null;
  } catch (error) {
    check(`${label}: package.json is valid JSON`, String(error));
  }
  const mainFile = typeof main === 'string' ? path.posix.normalize(main.replace(/^\.\//, '')) : null;
  check(
    `${label}: package.json "main" (${main}) is a file in app.asar`,
    mainFile && names.has(mainFile) ? null : `"main" is ${JSON.stringify(main)}, which app.asar does not hold`,
  );
  if (mainFile) {
    const mainDir = path.posix.dirname(mainFile);
    const preload = path.posix.join(mainDir, PRELOAD_FROM_MAIN);
    const renderer = path.posix.join(mainDir, RENDERER_FROM_MAIN);
    check(
      `${label}: the preload is where main loads it from (${preload})`,
      names.has(preload) ? null : `${preload} is not in app.asar`,
    );
    // The paths above mirror electron/main/main.ts; the bundle must still name them, or main moved them.
    const mainText = read(mainFile)?.toString('utf8') ?? '';
    const named = ['preload.cjs', 'renderer'].filter(
      (word) => !new RegExp(`["'\`]${word.replace('.', '\\.')}["'\`]`).test(mainText),
    );
    check(
      `${label}: main's bundle names the preload and renderer it loads`,
      named.map((word) => `${mainFile} does not mention "${word}": has main.ts changed where it loads it from?`),
    );
    const html = read(renderer)?.toString('utf8');
    check(
      `${label}: the renderer is where main loads it from (${renderer})`,
      html ? null : `${renderer} is not in app.asar`,
    );
    if (html) {
      const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)]
        .map((m) => m[1] ?? '')
        .filter((ref) => !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(ref));
      const broken = refs
        .map((ref) => path.posix.join(path.posix.dirname(renderer), ref.split(/[?#]/)[0] ?? ''))
        .filter((f) => !names.has(f));
      check(
        `${label}: every file index.html refers to is packaged (${refs.length})`,
        broken.map((f) => `${f} is not in app.asar`),
      );
    }
  }

  const keytarEntry = packaged.get(KEYTAR_NODE);
  const keytarUnpacked = path.join(resources, 'app.asar.unpacked', KEYTAR_NODE);
  const keytarOk = check(
    `${label}: keytar's native module is in app.asar.unpacked`,
    keytarEntry?.unpacked && existsSync(keytarUnpacked) ? null : `${KEYTAR_NODE} is not unpacked beside app.asar`,
  );
  if (keytarOk) {
    const arch = nativeArch(readFileSync(keytarUnpacked));
    check(
      `${label}: keytar.node is built for ${ARCH}`,
      arch === ARCH ? null : `it is built for ${arch ?? 'an unknown CPU'}`,
    );
  }
  const stray = listDir(path.join(resources, 'app.asar.unpacked')).filter((f) => !packaged.get(f)?.unpacked);
  check(
    `${label}: app.asar.unpacked holds only files app.asar marks as unpacked`,
    stray.length ? `unexpected: ${stray.join(', ')}` : null,
  );

  const executable = path.join(appDir, EXECUTABLE);
  if (
    check(
      `${label}: the executable is ${EXECUTABLE}`,
      existsSync(executable) ? null : `${EXECUTABLE} not found in ${appDir}`,
    )
  ) {
    const fuses = readFuses(executable);
    const wanted = config.electronFuses ?? {};
    const wrongFuses = fuses
      ? Object.entries({ ...wanted, ...REQUIRED_FUSES })
          .filter(([name, on]) => typeof on === 'boolean' && FUSE_ORDER.includes(name) && fuses[name] !== on)
          .map(([name, on]) => `${name} is ${fuses[name] ? 'on' : 'off'}, should be ${on ? 'on' : 'off'}`)
      : ['no fuse wire found in the executable'];
    check(`${label}: Electron fuses are flipped as configured (runAsNode, NODE_OPTIONS and --inspect off)`, wrongFuses);
  }
  return { archive, packaged };
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The installers' metadata that electron-builder reads from package.json (deb refuses to build without it). */
function checkMetadata(pkg) {
  const author = typeof pkg.author === 'string' ? { name: pkg.author } : (pkg.author ?? {});
  const missing = [
    pkg.version ? null : 'version',
    pkg.description ? null : 'description',
    pkg.license ? null : 'license',
    pkg.homepage ? null : 'homepage',
    author.name ? null : 'author.name',
    author.email ? null : 'author.email (the deb maintainer)',
  ].filter(Boolean);
  check("package.json has the installers' metadata", missing.length ? `missing: ${missing.join(', ')}` : null);
}

// ---------------------------------------------------------------- main

function main() {
  const options = parseArgs(process.argv.slice(2));
  console.log(
    'package-check: checks the layout of the Linux packages built with a stand-in Electron binary (no app is started).',
  );
  if (process.platform !== 'linux') {
    console.error('package-check: runs on Linux (it builds the Linux dir and tar.gz targets).');
    return 1;
  }
  if (!existsSync(options.config)) usage(`config ${options.config} not found`);

  if (options.build) {
    const build = run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
    if (!check('build (node scripts/build.mjs)', build.ok ? null : `the build failed:\n${build.output.trim()}`))
      return finish();
  }
  const built = ['dist/main/main.mjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'].filter(
    (f) => !existsSync(path.join(root, f)),
  );
  if (
    !check(
      'dist/ holds the built main, preload and renderer',
      built.length ? `missing ${built.join(', ')}: run node scripts/build.mjs` : null,
    )
  ) {
    return finish();
  }

  const sevenZip = process.env.ELECTRON_BUILDER_7ZIP_PATH ?? '/usr/bin/7za';
  if (
    !check(
      `7-Zip for the tar.gz target (${sevenZip})`,
      existsSync(sevenZip) ? null : 'not found: apt-get install p7zip-full, or set ELECTRON_BUILDER_7ZIP_PATH',
    )
  ) {
    return finish();
  }

  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  checkMetadata(pkg);
  let config;
  try {
    process.env.ZPA_TARGET_ARCH = ARCH;
    config = require(options.config);
  } catch (error) {
    check('the electron-builder config loads', error instanceof Error ? error.message : String(error));
    return finish();
  }

  const work = mkdtempSync(path.join(tmpdir(), 'zpa-package-check-'));
  const out = options.keep ?? path.join(work, 'out');
  if (options.keep) rmSync(out, { recursive: true, force: true });
  try {
    const packaged = packageApp({ configFile: options.config, work, out, sevenZip });
    const log = packaged.output.trim().split('\n');
    if (
      !check(
        `electron-builder packaged linux dir + tar.gz (${ARCH}, ${packaged.seconds} s)`,
        packaged.ok ? null : `it failed:\n${log.slice(-40).join('\n')}`,
      )
    ) {
      return finish();
    }

    const dir = inspectApp('dir', path.join(out, 'linux-unpacked'), config);

    const productName = config.productName ?? pkg.productName;
    const tarName = `${productName}-${pkg.version}-linux-${ARCH}.tar.gz`;
    const tarFile = path.join(out, tarName);
    if (check(`tar.gz: named ${tarName}`, existsSync(tarFile) ? null : `found only: ${readdirSync(out).join(', ')}`)) {
      const unpackDir = path.join(work, 'untar');
      mkdirSync(unpackDir);
      const untar = run('tar', ['-xzf', tarFile, '-C', unpackDir]);
      const top = untar.ok ? readdirSync(unpackDir) : [];
      if (
        check(
          'tar.gz: unpacks to one folder',
          untar.ok && top.length === 1 ? null : untar.ok ? `it holds ${top.join(', ')}` : untar.output,
        )
      ) {
        const fromTar = inspectApp('tar.gz', path.join(unpackDir, top[0] ?? ''), config);
        if (dir && fromTar) {
          check(
            "tar.gz: app.asar is identical to the dir target's",
            sha256(dir.archive) === sha256(fromTar.archive) ? null : 'the archives differ',
          );
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return finish();
}

process.exitCode = main();
