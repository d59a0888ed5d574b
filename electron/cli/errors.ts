import { isAppError } from '../../shared/domain/errors';
import { EXIT, exitCodeForError, type ExitCode } from './exit-codes';
import { oneLine } from './format';
import { PromptInterrupted } from './io';

/** Ends a command with an exit code and, unless empty, one line on stderr. Thrown from command actions. */
export class CliExit extends Error {
  readonly exitCode: ExitCode;

  constructor(exitCode: ExitCode, message: string) {
    super(message);
    this.name = 'CliExit';
    this.exitCode = exitCode;
  }
}

/** A usage or input error: exit 2, nothing was sent. */
export function usageError(message: string): CliExit {
  return new CliExit(EXIT.usage, message);
}

/**
 * Turns anything thrown by a command into its one stderr line and exit code. Unexpected errors get no
 * stack trace unless ZPA_DEBUG=1 (the writer redacts secrets either way).
 */
export function describeError(error: unknown, debug: boolean): { exitCode: ExitCode; lines: string[] } {
  if (error instanceof CliExit) return { exitCode: error.exitCode, lines: error.message ? [error.message] : [] };
  if (error instanceof PromptInterrupted)
    return { exitCode: EXIT.interrupted, lines: ['Interrupted: nothing was sent.'] };
  if (isAppError(error)) {
    const line = error.action ? `${error.message} ${error.action}` : error.message;
    return { exitCode: exitCodeForError(error.code), lines: [line, ...debugLines(error.cause, debug)] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT.incomplete,
    lines: [
      `Unexpected error: ${message}${debug ? '' : ' (set ZPA_DEBUG=1 for details)'}`,
      ...debugLines(error, debug),
    ],
  };
}

function debugLines(error: unknown, debug: boolean): string[] {
  if (!debug || error === undefined) return [];
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return stack.split('\n');
}

/** Formats the lines from describeError for stderr, each prefixed with `zpa:` except debug detail. */
export function errorText(lines: readonly string[]): string {
  const [first, ...rest] = lines;
  if (first === undefined) return '';
  return [`zpa: ${oneLine(first)}`, ...rest].join('\n') + '\n';
}
