// electron-builder's hooks in build/: the notarization hook (runs with credentials, says it skipped
// without, refuses half a set) and the after-pack guard against native modules built for another CPU.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

type Env = Record<string, string | undefined>;
interface HookContext {
  electronPlatformName: string;
  appOutDir: string;
  arch: number;
  packager: { appInfo: { productFilename: string } };
}
interface NotarizeHook {
  notarizeApp(
    context: HookContext,
    deps: { env?: Env; log?: (line: string) => void; notarize?: (o: Record<string, string>) => Promise<void> },
  ): Promise<string>;
  notarizeCredentials(env: Env): Record<string, string> | null;
}
interface AfterPackHook {
  (context: HookContext): Promise<void>;
  nativeArch(buffer: Buffer): string | null;
}
const notarizeHook = require(path.join(ROOT, 'build', 'notarize.cjs')) as NotarizeHook;
const afterPack = require(path.join(ROOT, 'build', 'after-pack.cjs')) as AfterPackHook;

const X64 = 1;
const ARM64 = 3;
const work = mkdtempSync(path.join(tmpdir(), 'zpa-build-hooks-'));
after(() => rmSync(work, { recursive: true, force: true }));

function context(platform: string, arch = ARM64, appOutDir = path.join(work, 'out')): HookContext {
  return {
    electronPlatformName: platform,
    appOutDir,
    arch,
    packager: { appInfo: { productFilename: 'Zoom Password Admin' } },
  };
}

/** The first bytes of an ELF shared object for `machine` (62 x86-64, 183 AArch64). */
function elfHeader(machine: number): Buffer {
  const b = Buffer.alloc(64);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = 2; // 64-bit
  b[5] = 1; // little-endian
  b.writeUInt16LE(3, 16); // shared object
  b.writeUInt16LE(machine, 18);
  return b;
}

function peHeader(machine: number): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(machine, 0x84);
  return b;
}

function machOHeader(cpu: number): Buffer {
  const b = Buffer.alloc(32);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}

describe('notarize hook (build/notarize.cjs)', () => {
  const appleId = {
    APPLE_ID: 'dev@example.com',
    APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
    APPLE_TEAM_ID: 'TEAM123456',
  };
  const apiKey = { APPLE_API_KEY: '/tmp/AuthKey.p8', APPLE_API_KEY_ID: 'KEY1234567', APPLE_API_ISSUER: 'issuer-uuid' };

  test('picks the Apple ID or the App Store Connect API key credentials', () => {
    assert.deepEqual(notarizeHook.notarizeCredentials(appleId), {
      appleId: 'dev@example.com',
      appleIdPassword: 'abcd-efgh-ijkl-mnop',
      teamId: 'TEAM123456',
    });
    assert.deepEqual(notarizeHook.notarizeCredentials(apiKey), {
      appleApiKey: '/tmp/AuthKey.p8',
      appleApiKeyId: 'KEY1234567',
      appleApiIssuer: 'issuer-uuid',
    });
    assert.equal(notarizeHook.notarizeCredentials({}), null);
    assert.equal(
      notarizeHook.notarizeCredentials({ APPLE_ID: '', APPLE_API_KEY: '  ' }),
      null,
      'empty secrets count as unset',
    );
  });

  test('refuses an incomplete set, naming what is missing and never the values', () => {
    assert.throws(
      () =>
        notarizeHook.notarizeCredentials({
          APPLE_ID: 'dev@example.com',
          APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
        }),
      (error: Error) => /APPLE_TEAM_ID missing/.test(error.message) && !error.message.includes('abcd-efgh'),
    );
  });

  test('skips with a log line when no credentials are set, and never calls the notary service', async () => {
    const lines: string[] = [];
    let called = false;
    const result = await notarizeHook.notarizeApp(context('darwin'), {
      env: {},
      log: (line) => lines.push(line),
      notarize: async () => {
        called = true;
      },
    });
    assert.equal(result, 'skipped');
    assert.equal(called, false);
    assert.match(lines.join('\n'), /notarize: skipped .*Zoom Password Admin\.app.*no Apple credentials/);
  });

  test('notarizes the .app with the credentials when they are set', async () => {
    const calls: Record<string, string>[] = [];
    const result = await notarizeHook.notarizeApp(context('darwin', ARM64, '/out/mac-arm64'), {
      env: appleId,
      log: () => {},
      notarize: async (options) => {
        calls.push(options);
      },
    });
    assert.equal(result, 'notarized');
    assert.deepEqual(calls, [
      {
        appPath: path.join('/out/mac-arm64', 'Zoom Password Admin.app'),
        appleId: 'dev@example.com',
        appleIdPassword: 'abcd-efgh-ijkl-mnop',
        teamId: 'TEAM123456',
      },
    ]);
  });

  test('does nothing for Windows and Linux packages', async () => {
    for (const platform of ['win32', 'linux']) {
      assert.equal(await notarizeHook.notarizeApp(context(platform), { env: appleId, log: () => {} }), 'not-macos');
    }
  });
});

describe('after-pack guard (build/after-pack.cjs)', () => {
  test('reads the CPU of ELF, PE and Mach-O modules', () => {
    assert.equal(afterPack.nativeArch(elfHeader(62)), 'x64');
    assert.equal(afterPack.nativeArch(elfHeader(183)), 'arm64');
    assert.equal(afterPack.nativeArch(peHeader(0x8664)), 'x64');
    assert.equal(afterPack.nativeArch(peHeader(0xaa64)), 'arm64');
    assert.equal(afterPack.nativeArch(machOHeader(0x01000007)), 'x64');
    assert.equal(afterPack.nativeArch(machOHeader(0x0100000c)), 'arm64');
    assert.equal(afterPack.nativeArch(Buffer.from('not a binary at all')), null);
  });

  test("reads this machine's keytar.node as this machine's CPU", () => {
    const keytar = readFileSync(path.join(ROOT, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'));
    assert.equal(afterPack.nativeArch(keytar), process.arch);
  });

  test('stops a package whose native module was built for another CPU, and passes a matching one', async () => {
    const appOutDir = path.join(work, 'linux-arm64-unpacked');
    const release = path.join(
      appOutDir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'keytar',
      'build',
      'Release',
    );
    mkdirSync(release, { recursive: true });
    writeFileSync(path.join(release, 'keytar.node'), elfHeader(62));
    await assert.rejects(
      afterPack(context('linux', ARM64, appOutDir)),
      /arm64 package holds native modules built for another CPU: .*keytar\.node is x64/,
    );
    await afterPack(context('linux', X64, appOutDir));
  });

  test('looks inside the .app on macOS', async () => {
    const appOutDir = path.join(work, 'mac-x64');
    const release = path.join(
      appOutDir,
      'Zoom Password Admin.app',
      'Contents',
      'Resources',
      'app.asar.unpacked',
      'node_modules',
      'keytar',
      'build',
      'Release',
    );
    mkdirSync(release, { recursive: true });
    writeFileSync(path.join(release, 'keytar.node'), machOHeader(0x0100000c));
    await assert.rejects(afterPack(context('darwin', X64, appOutDir)), /keytar\.node is arm64/);
  });
});
