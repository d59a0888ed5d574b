import { Readable } from 'node:stream';
import type { CliInput } from '../../electron/cli/io';
import type { CliIo } from '../../electron/cli/zpa';

/**
 * An in-process zpa io that collects stdout and stderr, for cases that end before the core: the data
 * folder and API base it names do not exist and must never be used.
 */
export function bufferIo(
  stdin: string | Buffer = '',
  env: NodeJS.ProcessEnv = {},
): CliIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdin: Readable.from([Buffer.from(stdin)]) as unknown as CliInput,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { ZPA_DATA_DIR: '/nonexistent/zpa-in-process', ZPA_API_BASE_URL: 'https://127.0.0.1:9/v2', ...env },
    platform: 'linux',
    homedir: '/nonexistent',
    out: () => out,
    err: () => err,
  };
}
