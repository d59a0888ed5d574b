/**
 * Runs the Zoom simulator on its own (for `npm run demo`):
 *   node --import tsx test/simulator/run-simulator.ts [--port N] [--ca-dir D]
 * Prints one JSON line {"apiBase", "caFile", "demoToken", "oauthBase", "demoS2S"} on stdout when ready
 * (the token and the Server-to-Server app's credentials are the simulator's public sample values, not
 * secrets); one line per request on
 * stderr unless --quiet (never a password or token). Stops on SIGINT or SIGTERM.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_TOKEN, SAMPLE_OAUTH } from './sample-users';
import { CA_FILE } from './test-ca';
import { startZoomSimulator } from './zoom-simulator';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        'ca-dir': { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\nUsage: run-simulator.ts [--port N] [--ca-dir D] [--quiet]`);
  }
})();

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${values.port}".`);
const caDir = values['ca-dir'] ?? process.env.ZPA_TEST_CA_DIR;
if (caDir === undefined) fail('Give --ca-dir <folder> or set ZPA_TEST_CA_DIR (the CA is created there if missing).');

const simulator = await startZoomSimulator({
  caDir: path.resolve(caDir),
  port,
  onRequest: values.quiet
    ? undefined
    : (r) =>
        console.error(
          `[zoom-simulator] ${r.method} ${r.path} -> ${r.status ?? 'connection dropped'}` +
            `${r.zoomCode === null ? '' : ` code ${r.zoomCode}`}${r.applied ? ' (applied)' : ''}` +
            `${r.fault === null ? '' : ` [fault: ${r.fault}]`}`,
        ),
});
process.stdout.write(
  `${JSON.stringify({
    apiBase: simulator.apiBase,
    caFile: path.join(path.resolve(caDir), CA_FILE),
    demoToken: DEMO_TOKEN,
    oauthBase: simulator.oauthBase,
    demoS2S: SAMPLE_OAUTH.full,
  })}\n`,
);

const shutdown = (): void => {
  void simulator.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
