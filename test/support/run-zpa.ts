// Runs the zpa command the way a user does (a separate node process, stdin piped in), collecting everything it
// prints, and tells whether a real Secret Service is reachable for the keychain tests.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ZPA_SOURCE = path.join(REPO_ROOT, 'electron', 'cli', 'zpa.ts');
export const ZPA_LAUNCHER = path.join(REPO_ROOT, 'bin', 'zpa.mjs');
export const ZPA_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'zpa.mjs');

export interface ZpaResult {
  args: readonly string[];
  /** The exit code; null only when the process was killed (a timeout). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ZpaRunOptions {
  /** What the process reads on stdin; stdin is closed right after. */
  stdin?: string | Buffer;
  /** Added to the runner's environment; an `undefined` value removes the variable. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** The program and its leading arguments; default: node --import tsx electron/cli/zpa.ts. */
  command?: readonly string[];
}

/** Spawns zpa once and collects its exit code and output. */
export function runZpa(args: readonly string[], o: ZpaRunOptions = {}): Promise<ZpaResult> {
  const [program, ...lead] = o.command ?? [process.execPath, '--import', 'tsx', ZPA_SOURCE];
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(o.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(program ?? process.execPath, [...lead, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // zpa may exit before reading stdin (usage errors): that EPIPE is expected.
    child.stdin.on('error', () => undefined);
    child.stdin.end(o.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        args,
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/**
 * A runner bound to one test environment (data folder, API base, keychain service) that keeps every run, so a
 * test can inspect all output afterwards (the secret-leak test scans it).
 */
export class ZpaRunner {
  readonly runs: ZpaResult[] = [];
  readonly env: NodeJS.ProcessEnv;

  constructor(env: NodeJS.ProcessEnv) {
    this.env = env;
  }

  async run(args: readonly string[], o: ZpaRunOptions = {}): Promise<ZpaResult> {
    const result = await runZpa(args, { ...o, env: { ...this.env, ...o.env } });
    this.runs.push(result);
    return result;
  }
}

/** The environment of an isolated zpa: its own data folder, API base and keychain entry. */
export function zpaEnv(o: { dataDir: string; apiBase: string; keychainService?: string }): NodeJS.ProcessEnv {
  return {
    ZPA_DATA_DIR: o.dataDir,
    ZPA_API_BASE_URL: o.apiBase,
    ZPA_KEYCHAIN_SERVICE: o.keychainService ?? uniqueKeychainService(),
    ZPA_DEBUG: undefined,
    // Colour or forced-TTY settings of the developer's shell must not change what zpa prints.
    FORCE_COLOR: undefined,
  };
}

/** A keychain service name no real entry uses, so tests never read or overwrite the user's token. */
export function uniqueKeychainService(): string {
  return `Zoom Password Admin test ${randomUUID()}`;
}

/** An environment in which no Secret Service can be reached. */
export const NO_KEYCHAIN_ENV: NodeJS.ProcessEnv = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/zpa-test-bus' };

/**
 * Why the real keychain cannot be used here, or null when it can: a store/read/delete round trip through keytar on
 * the current D-Bus session. Run the tests inside `dbus-run-session` with an unlocked gnome-keyring to enable it.
 */
export async function keychainUnavailableReason(): Promise<string | null> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'no D-Bus session bus (run the tests inside dbus-run-session with an unlocked gnome-keyring)';
  }
  try {
    const keytar = createRequire(import.meta.url)('keytar') as {
      setPassword(s: string, a: string, p: string): Promise<void>;
      getPassword(s: string, a: string): Promise<string | null>;
      deletePassword(s: string, a: string): Promise<boolean>;
    };
    const service = uniqueKeychainService();
    await keytar.setPassword(service, 'probe', 'probe-value');
    const read = await keytar.getPassword(service, 'probe');
    await keytar.deletePassword(service, 'probe');
    return read === 'probe-value' ? null : 'the Secret Service did not return what was stored';
  } catch (error) {
    return `the Secret Service is not usable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The skip reason for keychain-dependent tests: a string to skip with, or false to run them. On CI (CI=true) a
 * missing keychain is a failure, not a skip, so the suite cannot go green without testing the real keychain.
 */
export async function keychainSkipReason(): Promise<string | false> {
  const reason = await keychainUnavailableReason();
  if (reason === null) return false;
  if (process.env.CI === 'true') throw new Error(`CI=true but the keychain tests cannot run: ${reason}`);
  return reason;
}

/**
 * The simulator's test CA folder: ZPA_TEST_CA_DIR when the runner made one, else `fallback` (the simulator creates
 * the CA there). zpa processes trust it through NODE_EXTRA_CA_CERTS, which simulatorEnv() sets.
 */
export function testCaDir(fallback: string): string {
  const dir = process.env.ZPA_TEST_CA_DIR?.trim();
  return dir ? dir : fallback;
}

/** What a zpa process needs to trust the simulator's certificate. */
export function caEnv(caDir: string): NodeJS.ProcessEnv {
  return { NODE_EXTRA_CA_CERTS: path.join(caDir, 'ca.pem') };
}

/**
 * An https API base on loopback where nothing listens (a port just freed), so connections are refused at once.
 * Not port 1 or the like: fetch blocks those "bad ports" before even trying.
 */
export async function unreachableApiBase(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `https://127.0.0.1:${port}/v2`;
}
