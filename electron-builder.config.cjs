/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this file with require() */
// electron-builder configuration: the installers for Windows, macOS and Linux.
// Used by `npx electron-builder --config electron-builder.config.cjs`, by .github/workflows/release.yml and,
// with a stand-in Electron, by scripts/package-check.mjs. Metadata (version, description, license, homepage,
// author) comes from package.json, so there is one place to change it.
const pkg = require('./package.json');

const PRODUCT_NAME = 'Zoom Password Admin';
const EXECUTABLE_NAME = 'zoom-password-admin';

// Each installer is built on a machine of its own architecture (release.yml runs one job per OS and arch):
// keytar's native module comes from `npm ci` on that machine and cannot be cross-built reliably.
// ZPA_TARGET_ARCH picks the architectures ("x64", "arm64" or "x64,arm64"); unset, the machine's own.
// build/after-pack.cjs stops any package whose keytar.node does not match its architecture.
const SUPPORTED_ARCHS = ['x64', 'arm64'];
function targetArchs(env = process.env) {
  const wanted = (env.ZPA_TARGET_ARCH ?? process.arch)
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const unknown = wanted.filter((a) => !SUPPORTED_ARCHS.includes(a));
  if (wanted.length === 0 || unknown.length > 0) {
    throw new Error(
      `electron-builder.config.cjs: unsupported architecture "${unknown.join(',') || '(none)'}". ` +
        `Set ZPA_TARGET_ARCH to one of ${SUPPORTED_ARCHS.join(', ')} (comma-separated for several).`,
    );
  }
  return wanted;
}

const author = typeof pkg.author === 'string' ? { name: pkg.author } : (pkg.author ?? {});
// Debian needs "Name <email>"; the release is refused (scripts/package-check.mjs) while it is missing.
const maintainer = author.name && author.email ? `${author.name} <${author.email}>` : undefined;
const arch = targetArchs();
const targets = (...names) => names.map((target) => ({ target, arch }));

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.zoompasswordadmin.app',
  productName: PRODUCT_NAME,
  copyright: `Copyright © ${new Date().getUTCFullYear()} ${author.name ?? PRODUCT_NAME}`,
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  directories: { output: 'release/${version}', buildResources: 'build' },

  // Exactly what the app runs: the built main, preload and renderer, package.json, and keytar's runtime
  // files. Sources, tests, source maps, the zpa CLI (dist/cli) and everything else stay out.
  // scripts/package-check.mjs checks the packaged result against this list.
  files: [
    'package.json',
    'dist/main/**/*',
    'dist/preload/**/*',
    'dist/renderer/**/*',
    '!**/*.map',
    '!**/.env',
    '!**/.env.*',
    // keytar's own dependencies (prebuild-install, node-addon-api) are install-time only.
    '!node_modules/**/*',
    'node_modules/keytar/package.json',
    'node_modules/keytar/lib/keytar.js',
    'node_modules/keytar/build/Release/keytar.node',
  ],
  asar: true,
  asarUnpack: ['**/*.node'],
  // keytar is N-API (ABI-stable): the module `npm ci` built runs under Electron as it is.
  npmRebuild: false,
  afterPack: 'build/after-pack.cjs',
  afterSign: 'build/notarize.cjs',

  // Switched off in the binary itself: running the app as plain Node (which would read the keychain entry
  // with the app's identity), NODE_OPTIONS, --inspect, file:// privileges; the app loads only from a
  // verified app.asar. Cookie encryption stays as Electron ships it: the app keeps no cookies, and on Linux
  // it would ask the keyring for a key at every start.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
    // Flipping fuses breaks Electron's ad-hoc signature; an unsigned arm64 Mac build would not start without it.
    resetAdHocDarwinSignature: true,
  },

  win: {
    target: targets('nsis'),
    icon: 'build/icon.ico',
    // Signing: WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD (an Authenticode .pfx) from the CI's secrets.
  },
  nsis: {
    oneClick: false,
    perMachine: false, // per-user: installs without administrator rights
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: PRODUCT_NAME,
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    uninstallDisplayName: PRODUCT_NAME,
    // The history and settings are the admin's audit trail: uninstalling must not delete them.
    deleteAppDataOnUninstall: false,
  },

  mac: {
    target: targets('dmg', 'zip'),
    icon: 'build/icon.icns',
    category: 'public.app-category.business',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // build/notarize.cjs notarizes when Apple credentials are set, and says it skipped otherwise.
    notarize: false,
    // Signing: CSC_LINK / CSC_KEY_PASSWORD (a Developer ID Application certificate) from the CI's secrets.
  },
  dmg: {
    title: '${productName} ${version}',
  },

  linux: {
    target: targets('AppImage', 'deb', 'tar.gz'),
    icon: 'build/icons',
    executableName: EXECUTABLE_NAME,
    category: 'Utility',
    synopsis: 'Change Zoom users’ passwords with an audit history',
    description: pkg.description,
    maintainer,
    vendor: author.name,
    // electron-builder adds Exec, Icon, Categories (from category) and Comment (from description).
    desktop: {
      entry: {
        Name: PRODUCT_NAME,
        GenericName: 'Zoom password administration',
        Keywords: 'Zoom;password;admin;account;',
      },
    },
  },
  deb: {
    // keytar talks to the Secret Service through libsecret; the rest is Electron's own list.
    depends: [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ],
    priority: 'optional',
  },

  publish: null,
};
