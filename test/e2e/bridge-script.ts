import path from 'node:path';
import { build } from 'esbuild';

/**
 * The browser-side half of the harness's preload: shared/ipc/bridge.ts bundled for the page, putting
 * the same frozen API on window.zpa that Electron's contextBridge does, over the __zpaInvoke binding.
 */
export async function buildBridgeScript(root: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { createBridge } from './shared/ipc/bridge';
        import { BRIDGE_GLOBAL } from './shared/ipc/channels';
        const invoke = (channel, payload) => window.__zpaInvoke(channel, payload);
        Object.defineProperty(window, BRIDGE_GLOBAL, { value: createBridge(invoke), enumerable: true });
      `,
      resolveDir: root,
      sourcefile: 'zpa-test-preload.js',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    absWorkingDir: path.resolve(root),
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no bridge script');
  return output.text;
}
