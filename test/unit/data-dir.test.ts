import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { resolveDataDir } from '../../electron/node/data-dir';

test('ZPA_DATA_DIR wins on every platform; a relative value is resolved against the current directory', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    assert.equal(
      resolveDataDir({ env: { ZPA_DATA_DIR: '/srv/zpa', APPDATA: 'C:\\x' }, platform, homedir: '/home/a' }),
      path.resolve('/srv/zpa'),
    );
  }
  assert.equal(
    resolveDataDir({ env: { ZPA_DATA_DIR: 'portable/data' }, platform: 'linux', homedir: '/home/a' }),
    path.join(process.cwd(), 'portable', 'data'),
  );
});

test('an empty ZPA_DATA_DIR is ignored', () => {
  assert.equal(
    resolveDataDir({ env: { ZPA_DATA_DIR: '  ' }, platform: 'linux', homedir: '/home/a' }),
    '/home/a/.config/Zoom Password Admin',
  );
});

test('Linux: $XDG_CONFIG_HOME, else ~/.config; a relative XDG_CONFIG_HOME is ignored as the spec says', () => {
  assert.equal(
    resolveDataDir({ env: { XDG_CONFIG_HOME: '/tmp/cfg' }, platform: 'linux', homedir: '/home/a' }),
    '/tmp/cfg/Zoom Password Admin',
  );
  assert.equal(
    resolveDataDir({ env: {}, platform: 'linux', homedir: '/home/a' }),
    '/home/a/.config/Zoom Password Admin',
  );
  assert.equal(
    resolveDataDir({ env: { XDG_CONFIG_HOME: 'rel' }, platform: 'freebsd', homedir: '/home/a' }),
    '/home/a/.config/Zoom Password Admin',
  );
});

test('macOS: ~/Library/Application Support', () => {
  assert.equal(
    resolveDataDir({ env: { XDG_CONFIG_HOME: '/ignored' }, platform: 'darwin', homedir: '/Users/a' }),
    '/Users/a/Library/Application Support/Zoom Password Admin',
  );
});

test('Windows: %APPDATA%, else <home>\\AppData\\Roaming', () => {
  assert.equal(
    resolveDataDir({ env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\a' }),
    'C:\\Users\\a\\AppData\\Roaming\\Zoom Password Admin',
  );
  assert.equal(
    resolveDataDir({ env: {}, platform: 'win32', homedir: 'C:\\Users\\a' }),
    'C:\\Users\\a\\AppData\\Roaming\\Zoom Password Admin',
  );
});
