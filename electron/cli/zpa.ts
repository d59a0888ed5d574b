import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { CliContext, type CliDeps } from './context';
import { describeError, errorText, usageError } from './errors';
import { EXIT } from './exit-codes';
import { processIo, type CliIo } from './io';
import { buildProgram } from './program';
import { findSecretOption, secretArgumentMessage } from './secrets';
import { zpaVersion } from './version';

export type { CliDeps } from './context';
export type { CliIo } from './io';

/**
 * Runs zpa with `argv` (the words after "zpa") and returns the exit code; never throws and never calls
 * process.exit, so tests run it in-process.
 */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo(process.env, homedir()),
  deps: CliDeps = {},
): Promise<number> {
  const ctx = new CliContext(io, deps, zpaVersion());
  try {
    const secretOption = findSecretOption(argv);
    if (secretOption !== null) throw usageError(secretOptionMessage(secretOption, argv));
    await buildProgram(ctx, argv).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { exitCode, lines } = describeError(error, ctx.debug);
    ctx.stderr.write(errorText(lines));
    return exitCode;
  }
}

/** Why a secret given as an option was refused, with the stdin way of giving it for that command. */
function secretOptionMessage(option: string, argv: readonly string[]): string {
  if (argv[0] === 'account') {
    const secret = /secret/i.test(option);
    const example = secret
      ? '"zpa account add <name> --s2s --account-id <id> --client-id <id> < client-secret.txt".'
      : '"zpa account add <name> --token < token.txt".';
    return `${option}: ${secretArgumentMessage(secret ? 'client secret' : 'token', example)}`;
  }
  const what = /token|bearer|secret/i.test(option) ? 'token' : 'password';
  const example =
    what === 'token'
      ? '"zpa token set < token.txt".'
      : `"printf '%s\\n' \\"$NEW_PASSWORD\\" | zpa password set <user> --password-stdin".`;
  return `${option}: ${secretArgumentMessage(what, example)}`;
}

/** True when this module is the program being run (tsx on the source, or the bundle via bin/zpa.mjs). */
function isEntryPoint(moduleUrl: string, script: string | undefined): boolean {
  const self = fileURLToPath(moduleUrl);
  // The bundle dist/cli/zpa.mjs exists only to be run by the launcher.
  if (basename(self) === 'zpa.mjs') return true;
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(self);
  } catch {
    return false;
  }
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  // `zpa history | head` closes the pipe early: that is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    // Any other write error leaves nowhere to report to: end with "could not complete".
    stream.on('error', (error: NodeJS.ErrnoException) =>
      process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT.incomplete),
    );
  }
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
  // Pipes can be asynchronous (macOS, Windows): let what was written reach them before any forced exit.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Idle keep-alive sockets or a paused stdin must not hold the command open once it is done.
  setTimeout(() => process.exit(code), 100).unref();
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}
