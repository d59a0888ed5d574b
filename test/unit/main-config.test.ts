import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { DEMO_KEYCHAIN_SERVICE, readMainConfig, type MainConfig } from '../../electron/main/config';

const USER_DATA = path.resolve('/home/ana/.config/Zoom Password Admin');
const DEV = { userDataDir: USER_DATA, packaged: false };
const PACKAGED = { userDataDir: USER_DATA, packaged: true };
const DEMO: NodeJS.ProcessEnv = {
  ZPA_DEMO: '1',
  ZPA_API_BASE_URL: 'https://127.0.0.1:4443/v2',
  ZPA_DEMO_CA_FILE: '/tmp/zpa-ca/ca.pem',
  ZPA_DEMO_TOKEN: 'zpa-demo.sample',
};

/** Asserts readMainConfig refuses `env` with an AppError whose message and action match. */
function refuses(env: NodeJS.ProcessEnv, message: RegExp, action: RegExp): void {
  assert.throws(
    () => readMainConfig(env, DEV),
    (error: unknown) => {
      assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
      assert.equal(error.code, 'invalid_input');
      assert.match(error.message, message);
      assert.match(error.action ?? '', action);
      return true;
    },
  );
}

describe('readMainConfig', () => {
  it('defaults: userData, Zoom’s API, the default keychain entry, a development run', () => {
    assert.deepEqual(readMainConfig({}, DEV), {
      dataDir: USER_DATA,
      apiBase: 'https://api.zoom.us/v2',
      apiBaseOverride: undefined,
      oauthBaseOverride: undefined,
      demo: false,
      demoCaFile: null,
      demoToken: null,
      keychainService: undefined,
      dev: true,
    } satisfies MainConfig);
  });

  it('a packaged app is not a development run', () => {
    assert.equal(readMainConfig({}, PACKAGED).dev, false);
  });

  it('takes the data folder, API base and keychain service from the environment, trimmed and normalised', () => {
    const config = readMainConfig(
      {
        ZPA_DATA_DIR: '  /srv/zpa-data ',
        ZPA_API_BASE_URL: ' https://api.zoomgov.com/v2/ ',
        ZPA_KEYCHAIN_SERVICE: ' zpa test service ',
      },
      PACKAGED,
    );
    assert.equal(config.dataDir, path.resolve('/srv/zpa-data'));
    assert.equal(config.apiBase, 'https://api.zoomgov.com/v2');
    assert.equal(config.keychainService, 'zpa test service');
  });

  it('resolves a relative data folder to an absolute one', () => {
    assert.equal(readMainConfig({ ZPA_DATA_DIR: 'data' }, DEV).dataDir, path.resolve('data'));
  });

  it('treats empty settings as unset', () => {
    const config = readMainConfig({ ZPA_DATA_DIR: ' ', ZPA_API_BASE_URL: '', ZPA_KEYCHAIN_SERVICE: '  ' }, DEV);
    assert.equal(config.dataDir, USER_DATA);
    assert.equal(config.apiBase, 'https://api.zoom.us/v2');
    assert.equal(config.keychainService, undefined);
  });

  it('refuses an API base that is not https (plain http only on loopback)', () => {
    refuses({ ZPA_API_BASE_URL: 'http://api.zoom.us/v2' }, /must use https/, /https:\/\/api\.zoom\.us\/v2/);
    refuses({ ZPA_API_BASE_URL: 'not a url' }, /not a valid API address/, /https/);
    assert.equal(
      readMainConfig({ ZPA_API_BASE_URL: 'http://127.0.0.1:8080/v2' }, DEV).apiBase,
      'http://127.0.0.1:8080/v2',
    );
  });

  it('ignores the demo settings outside demo mode', () => {
    for (const flag of [undefined, '0', 'true', 'yes']) {
      const config = readMainConfig({ ...DEMO, ZPA_DEMO: flag, ZPA_API_BASE_URL: undefined }, DEV);
      assert.equal(config.demo, false, `ZPA_DEMO=${String(flag)}`);
      assert.equal(config.demoCaFile, null);
      assert.equal(config.demoToken, null, 'the sample token is never used outside the demo');
      assert.equal(config.keychainService, undefined);
      assert.equal(config.dataDir, USER_DATA);
    }
  });

  it('demo mode: its own data subfolder and keychain entry, the CA file and the sample token', () => {
    assert.deepEqual(readMainConfig(DEMO, DEV), {
      dataDir: path.join(USER_DATA, 'demo'),
      apiBase: 'https://127.0.0.1:4443/v2',
      apiBaseOverride: 'https://127.0.0.1:4443/v2',
      oauthBaseOverride: undefined,
      demo: true,
      demoCaFile: path.resolve('/tmp/zpa-ca/ca.pem'),
      demoToken: 'zpa-demo.sample',
      keychainService: DEMO_KEYCHAIN_SERVICE,
      dev: true,
    } satisfies MainConfig);
    assert.notEqual(DEMO_KEYCHAIN_SERVICE, 'Zoom Password Admin', 'never the real token’s entry');
  });

  it('demo mode: explicit data folder and keychain service still win; the token is optional', () => {
    const config = readMainConfig(
      { ...DEMO, ZPA_DATA_DIR: '/tmp/demo-data', ZPA_KEYCHAIN_SERVICE: 'svc', ZPA_DEMO_TOKEN: ' ' },
      DEV,
    );
    assert.equal(config.dataDir, path.resolve('/tmp/demo-data'));
    assert.equal(config.keychainService, 'svc');
    assert.equal(config.demoToken, null);
    for (const base of ['https://localhost:4443/v2', 'https://[::1]:4443/v2', 'http://127.0.0.1:8080/v2']) {
      assert.equal(readMainConfig({ ...DEMO, ZPA_API_BASE_URL: base }, DEV).apiBase, base);
    }
  });

  it('ZPA_API_BASE_URL and ZPA_OAUTH_BASE_URL become overrides for every account; the demo keeps both on loopback', () => {
    const config = readMainConfig(
      { ZPA_API_BASE_URL: 'https://127.0.0.1:4443/v2/', ZPA_OAUTH_BASE_URL: ' https://127.0.0.1:4443/oauth/token ' },
      DEV,
    );
    assert.equal(config.apiBaseOverride, 'https://127.0.0.1:4443/v2');
    assert.equal(config.oauthBaseOverride, 'https://127.0.0.1:4443/oauth/token');
    refuses(
      { ...DEMO, ZPA_OAUTH_BASE_URL: 'https://zoom.us/oauth/token' },
      /simulator on this computer/,
      /ZPA_OAUTH_BASE_URL/,
    );
    refuses({ ZPA_OAUTH_BASE_URL: 'http://zoom.us/oauth/token' }, /./, /./);
  });

  it('demo mode without the simulator’s CA is refused, saying how to start the demo', () => {
    refuses({ ...DEMO, ZPA_DEMO_CA_FILE: undefined }, /ZPA_DEMO_CA_FILE/, /npm run demo/);
    refuses({ ...DEMO, ZPA_DEMO_CA_FILE: '  ' }, /ZPA_DEMO_CA_FILE/, /npm run demo/);
  });

  it('demo mode never sends the sample token anywhere but a loopback simulator', () => {
    for (const base of [undefined, 'https://api.zoom.us/v2', 'https://127.0.0.1.nip.io/v2', 'https://10.0.0.5/v2']) {
      refuses({ ...DEMO, ZPA_API_BASE_URL: base }, /simulator on this computer/, /ZPA_API_BASE_URL[\s\S]*npm run demo/);
    }
  });
});
