/* eslint-disable @typescript-eslint/no-require-imports, no-console -- a CommonJS hook that electron-builder requires; its log is the build log */
// electron-builder afterSign hook: notarizes the signed macOS app with Apple's notary service when
// credentials are set in the environment (the CI reads them from its secret store), and says plainly that
// it skipped otherwise, so unsigned local builds still work.
//   Apple ID:          APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID
//   App Store Connect: APPLE_API_KEY (path to the .p8 file), APPLE_API_KEY_ID, APPLE_API_ISSUER
const path = require('node:path');

const APPLE_ID_VARS = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];
const API_KEY_VARS = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];

/**
 * Picks the notarization credentials from `env`: null when none are set; an error when a set is
 * incomplete, because a release that silently ships un-notarized is worse than a failed build.
 */
function notarizeCredentials(env) {
  const present = (names) => names.filter((n) => (env[n] ?? '').trim() !== '');
  const sets = [
    {
      names: APPLE_ID_VARS,
      make: () => ({
        appleId: env.APPLE_ID,
        appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD,
        teamId: env.APPLE_TEAM_ID,
      }),
    },
    {
      names: API_KEY_VARS,
      make: () => ({
        appleApiKey: env.APPLE_API_KEY,
        appleApiKeyId: env.APPLE_API_KEY_ID,
        appleApiIssuer: env.APPLE_API_ISSUER,
      }),
    },
  ];
  for (const set of sets) {
    const have = present(set.names);
    if (have.length === set.names.length) return set.make();
    if (have.length > 0) {
      const missing = set.names.filter((n) => !have.includes(n));
      throw new Error(
        `notarize: ${have.join(', ')} set but ${missing.join(', ')} missing: set all of ${set.names.join(', ')}, or none to skip notarization.`,
      );
    }
  }
  return null;
}

/** The afterSign hook. `deps` lets tests replace the notary call and the log. */
async function notarizeApp(context, deps = {}) {
  const log = deps.log ?? ((line) => console.log(line));
  if (context.electronPlatformName !== 'darwin') return 'not-macos';
  const credentials = notarizeCredentials(deps.env ?? process.env);
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  if (credentials === null) {
    log(
      `notarize: skipped for ${appPath}: no Apple credentials set (${APPLE_ID_VARS.join(', ')} or ${API_KEY_VARS.join(', ')}).`,
    );
    return 'skipped';
  }
  const notarize = deps.notarize ?? require('@electron/notarize').notarize;
  log(`notarize: submitting ${appPath} to Apple's notary service (this can take several minutes)…`);
  await notarize({ appPath, ...credentials });
  log('notarize: notarized and stapled.');
  return 'notarized';
}

module.exports = notarizeApp;
module.exports.default = notarizeApp;
module.exports.notarizeApp = notarizeApp;
module.exports.notarizeCredentials = notarizeCredentials;
