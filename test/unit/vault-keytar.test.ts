import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { loadKeytar } from '../../electron/node/vault/keytar-keychain';

test('loadKeytar loads the real keytar once and returns a keytar-shaped keychain', () => {
  const keychain = loadKeytar();
  assert.equal(typeof keychain.getPassword, 'function');
  assert.equal(typeof keychain.setPassword, 'function');
  assert.equal(typeof keychain.deletePassword, 'function');
  assert.equal(loadKeytar(), keychain);
});

test('a keytar that cannot be loaded is keychain_unavailable with what to do', () => {
  const failing = () => {
    throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
  };
  assert.throws(
    () => loadKeytar({ require: failing }),
    (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'keychain_unavailable');
      assert.match(error.message, /keytar\) could not be loaded.*libsecret-1\.so\.0/);
      assert.match(error.action ?? '', /npm ci/);
      if (process.platform === 'linux') assert.match(error.action ?? '', /libsecret/);
      return true;
    },
  );
});

test('a module that is not keytar-shaped is refused; an ESM default export is accepted', async () => {
  assert.throws(() => loadKeytar({ require: () => ({ getPassword: 1 }) }), /does not provide getPassword/);
  const calls: string[] = [];
  const fake = {
    getPassword: async (s: string, a: string) => (calls.push(`get ${s} ${a}`), 'v'),
    setPassword: async (s: string, a: string) => void calls.push(`set ${s} ${a}`),
    deletePassword: async (s: string, a: string) => (calls.push(`delete ${s} ${a}`), true),
  };
  const keychain = loadKeytar({ require: () => ({ default: fake }) });
  assert.equal(await keychain.getPassword('svc', 'acc'), 'v');
  await keychain.setPassword('svc', 'acc', 'x');
  assert.equal(await keychain.deletePassword('svc', 'acc'), true);
  assert.deepEqual(calls, ['get svc acc', 'set svc acc', 'delete svc acc']);
});
