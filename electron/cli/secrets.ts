import type { CliOutput } from './io';

// Options someone might try for a secret. `--password-stdin` is not among them: the regex wants the name to end
// (or `=value`) right after.
const SECRET_OPTION =
  /^--?(password|passwd|pass|pwd|pw|new-password|token|access-token|bearer|secret|client-secret)(=.*)?$/i;

/**
 * The first argument that tries to pass a secret as an option (e.g. `--token=...`), as the bare option name.
 * `zpa account add <name> --token` is the one place a bare `--token` is a flag (the token itself comes on stdin).
 */
export function findSecretOption(argv: readonly string[]): string | null {
  const accountAdd = argv[0] === 'account' && argv[1] === 'add';
  for (const arg of argv) {
    if (arg === '--') return null;
    if (accountAdd && arg === '--token') continue;
    const match = SECRET_OPTION.exec(arg);
    if (match) return arg.split('=')[0] ?? arg;
  }
  return null;
}

/** The message for a secret given on the command line, which never repeats the value. */
export function secretArgumentMessage(what: 'token' | 'password' | 'client secret', example: string): string {
  return (
    `Secrets are never accepted as arguments: the ${what} would end up in your shell history and in process ` +
    `listings (it was not used and is not shown). If it was a real ${what}, remove it from your shell history. ` +
    `Pass it on stdin instead, e.g. ${example}`
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;

/**
 * Could this command-line word be a secret? Used only to keep such words out of error messages that would
 * otherwise repeat them ("unknown command '...'"): long unbroken runs, or mixed letters and digits like a password.
 */
export function looksLikeSecret(word: string): boolean {
  if (word.startsWith('-') || word.includes('@') || /\s/.test(word)) return false;
  // A date and time (--since 2026-03-01T09:30:00+01:00) is long, but nobody's secret.
  if (ISO_DATE.test(word)) return false;
  if (word.length >= 20) return true;
  return word.length >= 8 && /[A-Z]/.test(word) && /[a-z]/.test(word) && /\d/.test(word);
}

const MIN_REDACTED_LENGTH = 4;

/**
 * Every line zpa prints passes through here: any secret read during this run (or seen on the command line) is
 * replaced by [redacted], whatever code path would have printed it. Defence in depth; nothing is meant to.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a secret for this run; too-short values are ignored (redacting them would garble every line). */
  add(secret: string): void {
    const trimmed = secret.trim();
    if (trimmed.length >= MIN_REDACTED_LENGTH) this.secrets.add(trimmed);
    if (secret.length >= MIN_REDACTED_LENGTH) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
      out = out.split(secret).join('[redacted]');
    return out;
  }

  /** A writer that redacts before passing text on. */
  wrap(output: CliOutput): CliOutput {
    const once = output.once?.bind(output);
    return {
      write: (text: string) => output.write(this.redact(text)),
      ...(output.isTTY === undefined ? {} : { isTTY: output.isTTY }),
      ...(once === undefined ? {} : { once: (event: 'drain', listener: () => void) => once(event, listener) }),
    };
  }
}
