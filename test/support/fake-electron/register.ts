/**
 * `node --import tsx --import ./test/support/fake-electron/register.ts <entry>`: every ESM import of
 * `electron` in that process gets the fake (electron.ts). tsx must come first: the fake is TypeScript.
 */
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
