/**
 * What a fake-Electron test of the real main bundle needs around it: a fresh build, the simulator's
 * test CA, the certificate a TLS server actually presents, and a clean environment for the child.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MAIN_BUNDLE = path.join(REPO_ROOT, 'dist', 'main', 'main.mjs');
export const PRELOAD_BUNDLE = path.join(REPO_ROOT, 'dist', 'preload', 'preload.cjs');
export const RENDERER_INDEX = path.join(REPO_ROOT, 'dist', 'renderer', 'index.html');

const SOURCE_DIRS = ['electron', 'shared'].map((dir) => path.join(REPO_ROOT, dir));

function newestSource(): number {
  let newest = 0;
  for (const dir of SOURCE_DIRS) {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.tsx?$/.test(entry.name)) {
        newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
      }
    }
  }
  return newest;
}

function builtAt(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

/**
 * Builds main and preload when a bundle is missing or older than any source under electron/ or
 * shared/ (so the test never checks a stale bundle), and the renderer when it was never built.
 */
export function ensureMainBuilt(): void {
  const targets: string[] = [];
  const sources = newestSource();
  if (builtAt(MAIN_BUNDLE) < sources || builtAt(PRELOAD_BUNDLE) < sources) targets.push('main', 'preload');
  if (!fs.existsSync(RENDERER_INDEX)) targets.push('renderer');
  if (targets.length === 0) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--only', targets.join(',')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`node scripts/build.mjs --only ${targets.join(',')} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** ZPA_TEST_CA_DIR with its ca.pem, or an error that says how to provide it. */
export function requireTestCaDir(): string {
  const howTo =
    'npm test sets it. By hand: node --import tsx test/simulator/make-test-ca.ts /tmp/zpa-ca, then ' +
    'export ZPA_TEST_CA_DIR=/tmp/zpa-ca NODE_EXTRA_CA_CERTS=/tmp/zpa-ca/ca.pem';
  const dir = process.env['ZPA_TEST_CA_DIR']?.trim();
  if (!dir) throw new Error(`ZPA_TEST_CA_DIR is not set: this test needs the Zoom simulator's test CA. ${howTo}`);
  if (!fs.existsSync(path.join(dir, 'ca.pem'))) throw new Error(`ZPA_TEST_CA_DIR has no ca.pem (${dir}). ${howTo}`);
  return dir;
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The certificate chain a TLS server presents (leaf first), as PEM, as Chromium would hand it over. */
export function presentedChain(url: string, caPem: string): Promise<string[]> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: hostname, port: Number(port), ca: caPem }, () => {
      const chain: string[] = [];
      let cert = socket.getPeerCertificate(true);
      const seen = new Set<string>();
      while (cert?.raw !== undefined && !seen.has(cert.fingerprint256)) {
        seen.add(cert.fingerprint256);
        chain.push(toPem(cert.raw));
        cert = cert.issuerCertificate;
      }
      socket.end();
      resolve(chain);
    });
    socket.once('error', reject);
  });
}

/**
 * The environment for a main child process: the current one without ZPA_* settings of the
 * developer's shell and without node:test's own variables, plus `extra`.
 */
export function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('ZPA_') || key.startsWith('NODE_TEST') || key === 'FAKE_ELECTRON') continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
