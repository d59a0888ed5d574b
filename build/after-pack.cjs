/* eslint-disable @typescript-eslint/no-require-imports, no-console -- a CommonJS hook that electron-builder requires; its log is the build log */
// electron-builder afterPack hook: refuses a package whose native modules were built for another CPU.
// keytar.node comes from `npm ci` on the build machine; packaging it into an installer for another
// architecture would give an app that starts but cannot reach the keychain. Cheaper to stop here.
const fs = require('node:fs');
const path = require('node:path');

// electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The CPU a native module (ELF, PE or Mach-O) was built for: 'x64', 'arm64', 'ia32', 'armv7l', 'universal' or null. */
function nativeArch(buffer) {
  if (buffer.length >= 20 && buffer.readUInt32BE(0) === 0x7f454c46) {
    const machine = buffer[5] === 2 ? buffer.readUInt16BE(18) : buffer.readUInt16LE(18);
    return { 62: 'x64', 183: 'arm64', 3: 'ia32', 40: 'armv7l' }[machine] ?? null;
  }
  if (buffer.length >= 64 && buffer.toString('latin1', 0, 2) === 'MZ') {
    const pe = buffer.readUInt32LE(0x3c);
    if (pe + 6 > buffer.length || buffer.toString('latin1', pe, pe + 4) !== 'PE\0\0') return null;
    return { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32', 0x1c4: 'armv7l' }[buffer.readUInt16LE(pe + 4)] ?? null;
  }
  if (buffer.length >= 8) {
    if (buffer.readUInt32BE(0) === 0xcafebabe) return 'universal';
    if (buffer.readUInt32LE(0) === 0xfeedfacf) {
      return { 0x01000007: 'x64', 0x0100000c: 'arm64' }[buffer.readUInt32LE(4)] ?? null;
    }
  }
  return null;
}

function findNodeFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.node'))
    .map((f) => path.join(dir, f));
}

/** The afterPack hook: every .node under app.asar.unpacked must match the package's architecture. */
async function checkNativeArch(context) {
  const wanted = ARCH_NAMES[context.arch];
  const resources =
    context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
      ? path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : path.join(context.appOutDir, 'resources');
  const files = findNodeFiles(path.join(resources, 'app.asar.unpacked'));
  const wrong = files
    .map((file) => ({ file, arch: nativeArch(fs.readFileSync(file)) }))
    .filter(({ arch }) => arch !== wanted && !(arch === 'universal' && context.electronPlatformName === 'darwin'));
  if (wrong.length > 0) {
    const list = wrong.map(
      ({ file, arch }) => `${path.relative(context.appOutDir, file)} is ${arch ?? 'an unknown format'}`,
    );
    throw new Error(
      `after-pack: this ${wanted} package holds native modules built for another CPU: ${list.join('; ')}. ` +
        `Build the ${wanted} installers on a ${wanted} machine (after npm ci there), or set ZPA_TARGET_ARCH to this machine's architecture.`,
    );
  }
  console.log(`after-pack: ${files.length} native module(s) match ${wanted}.`);
}

module.exports = checkNativeArch;
module.exports.default = checkNativeArch;
module.exports.nativeArch = nativeArch;
