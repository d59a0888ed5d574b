/**
 * Run by test/integration/keychain.test.ts in a child process whose environment has no usable
 * keychain. Reads a token from stdin (secrets never go on the command line), tries every vault
 * operation through the real keytar, and prints each result's error shape as JSON.
 */
import { isAppError } from '../../shared/domain/errors';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { CredentialVault } from '../../electron/node/vault/credential-vault';
import { loadKeytar } from '../../electron/node/vault/keytar-keychain';

const dataDir = process.env['ZPA_DATA_DIR'];
const service = process.env['ZPA_KEYCHAIN_SERVICE'];
if (!dataDir || !service) throw new Error('ZPA_DATA_DIR and ZPA_KEYCHAIN_SERVICE must be set');

let token = '';
for await (const chunk of process.stdin) token += String(chunk);

const { store } = openSettingsStore({ dataDir });
const vault = new CredentialVault({ keychain: () => loadKeytar(), settings: store, service });
const operations: [string, () => Promise<unknown>][] = [
  ['setToken', () => vault.setToken(token)],
  ['status', () => vault.status()],
  ['readToken', () => vault.readToken()],
  ['clearToken', () => vault.clearToken()],
];
const results: Record<string, unknown> = {};
for (const [name, run] of operations) {
  try {
    await run();
    results[name] = { ok: true };
  } catch (error) {
    results[name] = {
      ok: false,
      error: isAppError(error) ? error.toShape() : { code: 'internal', message: String(error) },
    };
  }
}
process.stdout.write(JSON.stringify(results));
