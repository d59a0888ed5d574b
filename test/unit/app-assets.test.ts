import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_RESPONSE_HEADERS,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  mimeTypeFor,
  readAppAsset,
  resolveAppAsset,
} from '../../electron/node/app-assets';
import { tempDir } from '../support/temp-dir';

const ROOT = path.resolve('/srv/zpa/dist/renderer');

describe('resolveAppAsset: what maps to a file', () => {
  const ok: [string, string][] = [
    ['zpa://app/', 'index.html'],
    ['zpa://app', 'index.html'],
    [APP_ENTRY_URL, 'index.html'],
    ['zpa://app/index.html?x=1#/history', 'index.html'],
    ['zpa://app/assets/index-4f3a.js', 'assets/index-4f3a.js'],
    ['zpa://APP/assets/app.css', 'assets/app.css'],
    ['zpa://app/assets/my%20font.woff2', 'assets/my font.woff2'],
    ['zpa://app/assets/x..y.js', 'assets/x..y.js'],
  ];
  for (const [url, file] of ok) {
    test(`${url} → ${file}`, () => {
      const result = resolveAppAsset(url, ROOT);
      assert.equal(result.ok, true, JSON.stringify(result));
      if (result.ok) assert.equal(result.filePath, path.join(ROOT, ...file.split('/')));
    });
  }
});

describe('resolveAppAsset: what is refused', () => {
  const refused: [string, string, number?][] = [
    ['dot-dot', 'zpa://app/../secret.txt'],
    ['dot-dot in the middle', 'zpa://app/assets/../../etc/passwd'],
    ['encoded dot-dot', 'zpa://app/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dot-dot', 'zpa://app/assets/%2E%2E/%2E%2E/etc/passwd'],
    ['half-encoded dot-dot', 'zpa://app/.%2e/etc/passwd'],
    ['a lone dot segment', 'zpa://app/./index.html'],
    ['a backslash', 'zpa://app/..\\..\\etc\\passwd'],
    ['an encoded backslash', 'zpa://app/..%5c..%5cetc%5cpasswd'],
    ['an encoded slash', 'zpa://app/..%2f..%2fetc%2fpasswd'],
    ['an absolute path', 'zpa://app//etc/passwd'],
    ['a drive letter', 'zpa://app/C:/Windows/win.ini'],
    ['a NUL byte', 'zpa://app/index.html%00.png'],
    ['a control character', 'zpa://app/in%0adex.html'],
    ['broken percent-encoding', 'zpa://app/%E0%A4%A'],
    ['a dot-file', 'zpa://app/.env'],
    ['a hidden folder', 'zpa://app/.vite/manifest.json'],
    ['a trailing slash on a folder', 'zpa://app/assets/'],
    ['another host', 'zpa://other/index.html', 403],
    ['a port', 'zpa://app:8080/index.html', 403],
    ['credentials', 'zpa://user:pw@app/index.html', 403],
    ['another scheme', 'file:///srv/zpa/dist/renderer/index.html', 403],
    ['https', 'https://app/index.html', 403],
    ['not a URL', 'index.html'],
  ];
  for (const [name, url, status] of refused) {
    test(name, () => {
      const result = resolveAppAsset(url, ROOT);
      assert.equal(result.ok, false, `${url} resolved to ${JSON.stringify(result)}`);
      if (status !== undefined && !result.ok) assert.equal(result.status, status);
    });
  }

  test('only GET and HEAD', () => {
    assert.equal(resolveAppAsset(APP_ENTRY_URL, ROOT, 'HEAD').ok, true);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const result = resolveAppAsset(APP_ENTRY_URL, ROOT, method);
      assert.equal(!result.ok && result.status, 405, method);
    }
  });
});

describe('MIME types and headers', () => {
  test('known kinds get their type, the rest opaque bytes', () => {
    assert.equal(mimeTypeFor('index.html'), 'text/html; charset=utf-8');
    assert.equal(mimeTypeFor('assets/index-abc.js'), 'text/javascript; charset=utf-8');
    assert.equal(mimeTypeFor('a.MJS'), 'text/javascript; charset=utf-8');
    assert.equal(mimeTypeFor('a.css'), 'text/css; charset=utf-8');
    assert.equal(mimeTypeFor('logo.svg'), 'image/svg+xml');
    assert.equal(mimeTypeFor('f.woff2'), 'font/woff2');
    assert.equal(mimeTypeFor('x.png'), 'image/png');
    assert.equal(mimeTypeFor('README'), 'application/octet-stream');
    assert.equal(mimeTypeFor('a.exe'), 'application/octet-stream');
  });

  test('the CSP is the strict one, with no inline or remote sources', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    assert.deepEqual(directives, {
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe|https?:|\*/);
    assert.equal(APP_RESPONSE_HEADERS['X-Content-Type-Options'], 'nosniff');
  });

  test('isAppUrl: our origin only', () => {
    assert.equal(isAppUrl(APP_ENTRY_URL), true);
    assert.equal(isAppUrl(`${APP_ORIGIN}/`), true);
    assert.equal(isAppUrl('zpa://app/assets/x.js#y'), true);
    for (const url of [
      'zpa://evil/',
      'zpa://app.evil/',
      'https://app/',
      'zpa://u@app/',
      'file:///index.html',
      'nonsense',
    ]) {
      assert.equal(isAppUrl(url), false, url);
    }
  });
});

function buildFixture(t: TestContext): { root: string; outside: string } {
  const base = tempDir(t, 'zpa-assets-');
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Zoom Password Admin</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1);');
  const outside = path.join(base, 'secret.txt');
  fs.writeFileSync(outside, 'TOP-SECRET');
  return { root, outside };
}

describe('readAppAsset: serving from disk', () => {
  test('serves a file with its type and the security headers', async (t) => {
    const { root } = buildFixture(t);
    const response = await readAppAsset('zpa://app/', root);
    assert.equal(response.status, 200);
    assert.equal(response.headers['Content-Type'], 'text/html; charset=utf-8');
    assert.equal(response.headers['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
    assert.match(Buffer.from(response.body ?? []).toString('utf8'), /Zoom Password Admin/);
    const js = await readAppAsset('zpa://app/assets/app.js', root);
    assert.equal(js.headers['Content-Type'], 'text/javascript; charset=utf-8');
  });

  test('HEAD gets the headers without a body', async (t) => {
    const { root } = buildFixture(t);
    const response = await readAppAsset(APP_ENTRY_URL, root, 'HEAD');
    assert.equal(response.status, 200);
    assert.equal(response.body, null);
  });

  test('a missing file or a folder is a 404 that still carries the CSP', async (t) => {
    const { root } = buildFixture(t);
    for (const url of ['zpa://app/missing.js', 'zpa://app/assets']) {
      const response = await readAppAsset(url, root);
      assert.equal(response.status, 404, url);
      assert.equal(response.headers['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
    }
  });

  test('a traversal attempt never reads the file outside', async (t) => {
    const { root } = buildFixture(t);
    for (const url of ['zpa://app/../secret.txt', 'zpa://app/%2e%2e/secret.txt', 'zpa://app/..%5csecret.txt']) {
      const response = await readAppAsset(url, root);
      assert.notEqual(response.status, 200, url);
      assert.ok(
        !Buffer.from(response.body ?? [])
          .toString('utf8')
          .includes('TOP-SECRET'),
        url,
      );
    }
  });

  test('a symlink that leads out of the folder is refused', async (t) => {
    const { root, outside } = buildFixture(t);
    fs.symlinkSync(outside, path.join(root, 'assets', 'link.txt'));
    const response = await readAppAsset('zpa://app/assets/link.txt', root);
    assert.equal(response.status, 403);
    assert.ok(
      !Buffer.from(response.body ?? [])
        .toString('utf8')
        .includes('TOP-SECRET'),
    );
  });

  test('a symlinked renderer folder itself still works', async (t) => {
    const { root } = buildFixture(t);
    const linked = `${root}-link`;
    fs.symlinkSync(root, linked);
    t.after(() => fs.rmSync(linked, { force: true }));
    assert.equal((await readAppAsset(APP_ENTRY_URL, linked)).status, 200);
  });
});
