import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../../shared/domain/errors';
import { generatePassword } from '../../../shared/password/generator';
import type { PasswordPolicy } from '../../../shared/password/rules';
import { appendDurably } from '../history/history-files';
import { DurableAppender } from './durable-append';

const HEADER = ['User', 'Password', 'Row', 'Run ID', 'Written at'];

function csvRows(rows: string[][]): string {
  return stringify(rows, { record_delimiter: '\r\n', quote_record_delimiter: true });
}

/** A cell a spreadsheet would read as a formula (the history export neutralises the same characters). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A generated password that no spreadsheet reads as a formula. Generated passwords are written to the
 * passwords file as they are (an escaping quote would become part of what the admin copies), so the
 * ones that would start with = + - or @ are drawn again instead.
 */
export function generateSafePassword(policy: Readonly<PasswordPolicy>): string {
  for (;;) {
    const password = generatePassword(policy);
    if (!FORMULA_START.test(password)) return password;
  }
}

/**
 * The file generated passwords go to, only when the admin asks for it. Each line is written and flushed
 * to disk BEFORE its request is sent, so a crash never leaves a user with a password nobody knows.
 * The file is only ever appended to (a resumed run adds to it; an earlier run's passwords are never
 * overwritten) and is readable by its owner only. When a row is sent again with a new password (its
 * first one was never sent), the file has two lines for that user: the last one is the one sent.
 */
export class PasswordsOutFile {
  readonly file: string;
  private readonly appender: DurableAppender;

  private constructor(file: string) {
    this.file = file;
    this.appender = new DurableAppender(file);
  }

  /** Opens (creating it, owner-only) the file for appending; writes the header when it is empty. */
  static open(file: string): PasswordsOutFile {
    if (!path.isAbsolute(file)) {
      throw new AppError('invalid_input', 'The passwords file needs a full path.', { field: 'passwordsOut' });
    }
    let fd: number;
    try {
      fd = fs.openSync(file, 'a', 0o600);
      // An existing file keeps its mode; passwords are still for its owner only.
      fs.fchmodSync(fd, 0o600);
    } catch (error) {
      throw new AppError('storage_error', `The passwords file could not be opened (${file}).`, {
        action: 'Choose a folder you can write to.',
        field: 'passwordsOut',
        cause: error,
      });
    }
    try {
      if (fs.fstatSync(fd).size === 0) appendDurably(fd, Buffer.from(csvRows([HEADER]), 'utf8'));
    } catch (error) {
      throw new AppError('storage_error', `The passwords file could not be written (${file}).`, {
        action: 'Choose a folder you can write to.',
        field: 'passwordsOut',
        cause: error,
      });
    } finally {
      fs.closeSync(fd);
    }
    return new PasswordsOutFile(file);
  }

  /** Writes one user's password; resolves once it is on disk (AppError storage_error when it cannot be). */
  async write(r: { user: string; password: string; row: number; runId: string; at: string }): Promise<void> {
    // Users are shown like the history export shows them; the password never needs it (see above).
    const user = FORMULA_START.test(r.user) ? `'${r.user}` : r.user;
    try {
      await this.appender.append(csvRows([[user, r.password, String(r.row), r.runId, r.at]]));
    } catch (error) {
      throw new AppError('storage_error', `The passwords file could not be written (${this.file}).`, {
        action: 'Nothing was sent for this user. Free some space or choose another file, then resume the run.',
        cause: error,
      });
    }
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}
