import { readFileSync } from 'node:fs';

// Set by scripts/build.mjs (esbuild define) in the bundle; absent when run from source with tsx.
declare const __ZPA_VERSION__: string | undefined;

/** zpa's version: the build's constant, else package.json. */
export function zpaVersion(): string {
  return typeof __ZPA_VERSION__ === 'string' ? __ZPA_VERSION__ : readVersion();
}

/**
 * zpa's version, from the package.json two folders up: the same relative place from the source
 * (electron/cli/) and from the bundle (dist/cli/), so no build-time constant is needed.
 */
export function readVersion(moduleUrl: string = import.meta.url): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', moduleUrl), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
      return pkg.version;
    }
  } catch {
    // Fall through: a missing version must not stop the command.
  }
  return 'unknown';
}
