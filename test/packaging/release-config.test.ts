// The installers' configuration (electron-builder.config.cjs) and the release workflow
// (.github/workflows/release.yml): what the issue asks of them, read from the files themselves.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const CONFIG = path.join(ROOT, 'electron-builder.config.cjs');

type Target = { target: string; arch: string[] };
interface BuilderConfig {
  appId: string;
  productName: string;
  artifactName: string;
  files: (string | object)[];
  asar: boolean;
  asarUnpack: string[];
  afterPack: string;
  afterSign: string;
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean; installerIcon: string };
  mac: {
    target: Target[];
    icon: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    notarize: boolean;
  };
  linux: {
    target: Target[];
    icon: string;
    category: string;
    synopsis: string;
    maintainer?: string;
    executableName: string;
    desktop: { entry: Record<string, string> };
  };
  deb: { depends: string[] };
}

/** Loads the config afresh with ZPA_TARGET_ARCH set to `arch` (undefined: unset). */
function loadConfig(arch: string | undefined): BuilderConfig {
  const saved = process.env['ZPA_TARGET_ARCH'];
  if (arch === undefined) delete process.env['ZPA_TARGET_ARCH'];
  else process.env['ZPA_TARGET_ARCH'] = arch;
  try {
    delete require.cache[require.resolve(CONFIG)];
    return require(CONFIG) as BuilderConfig;
  } finally {
    if (saved === undefined) delete process.env['ZPA_TARGET_ARCH'];
    else process.env['ZPA_TARGET_ARCH'] = saved;
  }
}

const targetsOf = (list: Target[]) => list.map((t) => `${t.target}:${t.arch.join('+')}`);

describe('electron-builder.config.cjs', () => {
  const config = loadConfig('x64,arm64');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    author?: string | { name?: string; email?: string };
  };

  test('names the app and its artifacts', () => {
    assert.equal(config.appId, 'com.zoompasswordadmin.app');
    assert.equal(config.productName, 'Zoom Password Admin');
    assert.equal(config.artifactName, '${productName}-${version}-${os}-${arch}.${ext}');
  });

  test('builds NSIS, dmg + zip, AppImage + deb + tar.gz for x64 and arm64', () => {
    assert.deepEqual(targetsOf(config.win.target), ['nsis:x64+arm64']);
    assert.deepEqual(targetsOf(config.mac.target), ['dmg:x64+arm64', 'zip:x64+arm64']);
    assert.deepEqual(targetsOf(config.linux.target), ['AppImage:x64+arm64', 'deb:x64+arm64', 'tar.gz:x64+arm64']);
  });

  test("builds for this machine's CPU unless ZPA_TARGET_ARCH says otherwise, and rejects unknown ones", () => {
    assert.deepEqual(
      loadConfig(undefined).linux.target.map((t) => t.arch),
      [[process.arch], [process.arch], [process.arch]],
    );
    assert.deepEqual(loadConfig('arm64').win.target[0]?.arch, ['arm64']);
    assert.throws(() => loadConfig('ia32'), /unsupported architecture "ia32".*ZPA_TARGET_ARCH/);
  });

  test('whitelists the built app only, and unpacks native modules', () => {
    const patterns = config.files.filter((p): p is string => typeof p === 'string');
    for (const wanted of [
      'package.json',
      'dist/main/**/*',
      'dist/preload/**/*',
      'dist/renderer/**/*',
      '!**/*.map',
      '!**/.env',
    ]) {
      assert.ok(patterns.includes(wanted), `files has ${wanted}`);
    }
    const included = patterns.filter((p) => !p.startsWith('!'));
    assert.deepEqual(
      included.filter(
        (p) => !/^(package\.json|dist\/(main|preload|renderer)\/\*\*\/\*|node_modules\/keytar\/)/.test(p),
      ),
      [],
      'nothing but the built app and keytar is included',
    );
    assert.equal(config.asar, true);
    assert.deepEqual(config.asarUnpack, ['**/*.node']);
  });

  test('turns off the fuses that let other programs run code as the app', () => {
    assert.equal(config.electronFuses['runAsNode'], false);
    assert.equal(config.electronFuses['enableNodeOptionsEnvironmentVariable'], false);
    assert.equal(config.electronFuses['enableNodeCliInspectArguments'], false);
    assert.equal(config.electronFuses['onlyLoadAppFromAsar'], true);
  });

  test('installs per user on Windows', () => {
    assert.equal(config.nsis.perMachine, false);
    assert.equal(config.nsis.oneClick, false);
  });

  test('signs macOS apps with the hardened runtime, its entitlements and the notarization hook', () => {
    assert.equal(config.mac.hardenedRuntime, true);
    assert.equal(config.mac.notarize, false, 'build/notarize.cjs notarizes, not electron-builder a second time');
    assert.equal(config.afterSign, 'build/notarize.cjs');
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(path.join(ROOT, file), 'utf8');
      assert.match(plist, /<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
      assert.doesNotMatch(plist, /disable-library-validation|allow-unsigned-executable-memory/);
    }
  });

  test('gives Linux a desktop entry, a category and Debian metadata from package.json', () => {
    assert.equal(config.linux.category, 'Utility');
    assert.equal(config.linux.executableName, 'zoom-password-admin');
    assert.equal(config.linux.desktop.entry['Name'], 'Zoom Password Admin');
    assert.ok(config.linux.synopsis.length > 0 && config.linux.synopsis.length <= 80, 'synopsis is one short line');
    assert.ok(config.deb.depends.includes('libsecret-1-0'), 'keytar needs libsecret');
    const author = typeof pkg.author === 'string' ? { name: pkg.author } : (pkg.author ?? {});
    const expected = 'email' in author && author.name && author.email ? `${author.name} <${author.email}>` : undefined;
    assert.equal(config.linux.maintainer, expected);
  });

  test('points at icons and hooks that exist', () => {
    for (const file of [
      config.win.icon,
      config.nsis.installerIcon,
      config.mac.icon,
      config.afterPack,
      config.afterSign,
    ]) {
      assert.ok(existsSync(path.join(ROOT, file)), file);
    }
    assert.ok(existsSync(path.join(ROOT, config.linux.icon, '512x512.png')));
  });
});

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: { os: string; platform: string; arch: string }[] } };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

describe('.github/workflows/release.yml', () => {
  const text = readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
  const workflow = parse(text) as Workflow;
  const job = (name: string): Job => {
    const found = workflow.jobs[name];
    assert.ok(found, `job ${name}`);
    return found;
  };
  const allSteps = Object.values(workflow.jobs).flatMap((j) => j.steps);

  test('is valid YAML that runs on version tags', () => {
    assert.deepEqual(workflow.on.push.tags, ['v*']);
    assert.equal(workflow.permissions['contents'], 'read');
  });

  test('uses maintained actions at their current major versions and caches npm', () => {
    const maintained =
      /^(actions\/checkout@v4|actions\/setup-node@v4|actions\/upload-artifact@v4|actions\/download-artifact@v4|softprops\/action-gh-release@v2)$/;
    for (const step of allSteps.filter((s) => s.uses)) assert.match(step.uses ?? '', maintained);
    const setups = allSteps.filter((s) => s.uses?.startsWith('actions/setup-node'));
    assert.ok(setups.length >= 2);
    for (const step of setups) assert.equal(step.with?.['cache'], 'npm');
  });

  test("runs npm ci and then the README's test command before building", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const testCommand = /^(npm test)\b/m.exec(readme)?.[1];
    assert.equal(testCommand, 'npm test', 'the README names its test command');
    const runs = job('test').steps.map((s) => s.run?.trim() ?? '');
    const ci = runs.findIndex((r) => r.startsWith('npm ci'));
    const tests = runs.indexOf(testCommand);
    assert.ok(ci >= 0 && tests > ci, 'npm ci, then npm test');
    assert.deepEqual(job('build').needs, 'test');
    assert.deepEqual(job('publish').needs, 'build');
  });

  test('installs the same Debian packages as .ci/run', () => {
    const ciRun = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    const ciPackages = /^packages=\(([^)]*)\)/m.exec(ciRun)?.[1]?.trim().split(/\s+/);
    assert.ok(ciPackages && ciPackages.length > 0, '.ci/run lists its packages');
    const install = job('test').steps.find((s) => s.run?.includes('apt-get install'));
    const line = install?.run?.split('\n').find((l) => l.includes('apt-get install')) ?? '';
    const workflowPackages = line
      .split(/\s+/)
      .filter((word) => /^[a-z0-9][a-z0-9+.-]+$/.test(word) && !['apt-get', 'install'].includes(word));
    assert.deepEqual([...workflowPackages].sort(), [...ciPackages].sort());
  });

  test('builds every OS and CPU on its own runner with electron-builder, publishing nothing itself', () => {
    const matrix = job('build').strategy?.matrix.include ?? [];
    assert.deepEqual(matrix.map((m) => `${m.platform}-${m.arch}`).sort(), [
      'linux-arm64',
      'linux-x64',
      'mac-arm64',
      'mac-x64',
      'win-arm64',
      'win-x64',
    ]);
    const runnerFamily = { linux: /^ubuntu-/, win: /^windows-/, mac: /^macos-/ } as Record<string, RegExp>;
    for (const m of matrix) assert.match(m.os, runnerFamily[m.platform] ?? /^$/);
    assert.equal(job('build')['runs-on'], '${{ matrix.os }}');
    const builder = job('build').steps.find((s) => s.run?.includes('electron-builder'));
    assert.match(
      builder?.run ?? '',
      /npx electron-builder --config electron-builder\.config\.cjs --\$\{\{ matrix\.platform \}\} --publish never/,
    );
    assert.equal(builder?.env?.['ZPA_TARGET_ARCH'], '${{ matrix.arch }}');
  });

  test('reads signing and notarization secrets only from the secret store', () => {
    const secretNames = /CSC|APPLE|PASSWORD|TOKEN|SECRET|KEY/;
    const envs = [...Object.values(workflow.jobs).map((j) => j.env ?? {}), ...allSteps.map((s) => s.env ?? {})];
    const secretEnv = envs
      .flatMap((env) => Object.entries(env))
      .filter(([name]) => secretNames.test(name) && name !== 'PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD');
    assert.ok(secretEnv.length >= 8, 'the signing variables are passed');
    for (const [name, value] of secretEnv) {
      // Either the secret itself, or the secret for one platform's jobs and nothing for the others.
      const own = [
        `\${{ secrets.${name} }}`,
        `\${{ matrix.platform == 'mac' && secrets.${name} || '' }}`,
        `\${{ matrix.platform == 'win' && secrets.${name} || '' }}`,
      ];
      assert.ok(own.includes(value), `${name} comes from secrets.${name}, got ${value}`);
    }
    const builderEnv = job('build').steps.find((s) => s.run?.includes('electron-builder'))?.env ?? {};
    assert.match(
      builderEnv['CSC_LINK'] ?? '',
      /matrix\.platform == 'mac'/,
      'the macOS certificate never reaches the Windows jobs',
    );
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      assert.ok(
        secretEnv.some(([n]) => n === name),
        `${name} is passed`,
      );
    }
    assert.doesNotMatch(text, /-----BEGIN|MII[A-Za-z0-9+/]{20}/, 'no certificate or key is committed');
  });

  test('publishes every installer with SHA-256 checksums to the release', () => {
    const publish = job('publish');
    assert.equal(publish.permissions?.['contents'], 'write');
    const sums = publish.steps.find((s) => s.run?.includes('sha256sum'));
    assert.match(sums?.run ?? '', /sha256sum -- \* > SHA256SUMS\.txt/);
    const release = publish.steps.find((s) => s.uses?.startsWith('softprops/action-gh-release'));
    assert.equal(release?.with?.['files'], 'installers/*');
    const upload = job('build').steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    const paths = String(upload?.with?.['path'] ?? '');
    for (const ext of ['exe', 'dmg', 'zip', 'AppImage', 'deb', 'tar.gz'])
      assert.ok(paths.includes(`*.${ext}`), `uploads *.${ext}`);
  });
});
