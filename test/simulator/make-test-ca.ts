/**
 * Writes the simulator's test CA to a folder (creating it once; later runs reuse it):
 *   node --import tsx test/simulator/make-test-ca.ts <dir>
 * Then run tests with NODE_EXTRA_CA_CERTS=<dir>/ca.pem and ZPA_TEST_CA_DIR=<dir>.
 */
import path from 'node:path';
import { loadOrCreateTestCa } from './test-ca';

const dir = process.argv[2];
if (dir === undefined || dir.trim() === '') {
  console.error('Usage: node --import tsx test/simulator/make-test-ca.ts <dir>');
  process.exit(2);
}
const ca = loadOrCreateTestCa(path.resolve(dir));
process.stdout.write(`${ca.certFile ?? ''}\n`);
