import { parse, type CsvError } from 'csv-parse/sync';
import { AppError } from '../../../shared/domain/errors';
import { checkUserId } from '../../../shared/domain/user-id';
import type { BulkPreview, BulkPreviewRow, BulkRowProblem } from '../../../shared/ipc/bulk-schemas';
import { firstPasswordProblem, type PasswordPolicy } from '../../../shared/password/rules';

/** Largest file imported (a CSV of 100,000 users is a few MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

/** Header names (compared without case, spaces, '-' or '_') that mark the user column, best first. */
const USER_HEADERS = ['email', 'user', 'userid', 'id'] as const;
const PASSWORD_HEADERS = ['password', 'newpassword'] as const;

/** One data row as imported: the password stays in memory only, for the run. */
export interface ImportRow {
  index: number;
  line: number;
  user: string;
  /** The row's own password; null when it has none (one is generated). */
  password: string | null;
  problems: BulkPreviewRow['problems'];
}

/** A parsed file: what the preview shows, and the rows a run sends. */
export interface ParsedImport {
  preview: Omit<BulkPreview, 'importId' | 'policy'>;
  rows: ImportRow[];
}

export interface ColumnChoice {
  userColumn?: number | null;
  passwordColumn?: number | null;
}

interface RawRecord {
  cells: string[];
  line: number;
  unreadable: string | null;
}

/**
 * Decodes a CSV file's bytes as UTF-8 (with or without BOM). Anything else is refused with what to do:
 * guessing another encoding could silently change an e-mail or a password.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError('invalid_input', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, {
      action: 'Split it into smaller files and run them one after the other.',
      field: 'file',
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_input', 'The file is not UTF-8 text.', {
      action: 'Save it as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8) and import it again.',
      field: 'file',
    });
  }
}

/** The delimiter of the first non-blank line: ';' when it has more semicolons than commas outside quotes. */
export function detectDelimiter(text: string): ',' | ';' {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const first = body.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of first) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') commas += 1;
    else if (!quoted && c === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** The parser's complaint, in plain words that never quote the file's contents (a cell may be a password). */
function unreadableReason(error: CsvError | undefined, line: number): string {
  const code: string = error?.code ?? '';
  const what =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is never closed, so this row and the lines after it could not be read'
      : code.includes('OPENING_QUOTE') || code.includes('CLOSING_QUOTE')
        ? 'a quote sits inside a field that is not quoted as a whole (write "" for a quote inside a quoted field)'
        : 'it is not valid CSV';
  return `Line ${line} could not be read: ${what}.`;
}

function parseRecords(text: string, delimiter: ',' | ';'): RawRecord[] {
  const records: RawRecord[] = [];
  let lastLine = 0;
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_skip: (error) => {
        const reported: unknown = error?.lines;
        const line = typeof reported === 'number' && reported > 0 ? reported : lastLine + 1;
        records.push({ cells: [], line, unreadable: unreadableReason(error, line) });
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new AppError('invalid_input', 'The file could not be read as CSV.', {
      action: 'Check that it is a CSV file (comma- or semicolon-separated) and import it again.',
      field: 'file',
      cause: error,
    });
  }
  for (const { record, info } of parsed) {
    // info.lines is the line a record ends on; quoted fields can span lines, so count its own breaks.
    const breaks = record.reduce<number>((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    records.push({ cells: record, line: Math.max(1, info.lines - breaks), unreadable: null });
    lastLine = info.lines;
  }
  return records.sort((a, b) => a.line - b.line);
}

function headerKey(cell: string): string {
  return cell
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

function findColumn(header: readonly string[], names: readonly string[]): number | null {
  const keys = header.map(headerKey);
  for (const name of names) {
    const at = keys.indexOf(name);
    if (at >= 0) return at;
  }
  return null;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Without a header: the first column whose non-blank cells are mostly e-mail addresses. */
function guessUserColumn(records: readonly RawRecord[], width: number): number | null {
  for (let column = 0; column < width; column += 1) {
    const cells = records.map((r) => (r.cells[column] ?? '').trim()).filter((c) => c !== '');
    const emails = cells.filter((c) => checkUserId(c).ok && c.includes('@')).length;
    if (cells.length > 0 && emails * 2 > cells.length) return column;
  }
  return null;
}

function problem(code: BulkRowProblem, message: string): BulkPreviewRow['problems'][number] {
  return { code, message };
}

/**
 * Parses a bulk CSV: UTF-8 with or without BOM, ',' or ';', quoted fields, CRLF or LF. The header is
 * recognised by a user column named email, user, user_id or id (any case); without one, columns are
 * numbered and the user column is guessed from e-mail addresses (or left for the admin to pick).
 * Every row gets its problems (empty, unreadable, missing or invalid user, password breaking `policy`,
 * duplicate user); rows with a problem are excluded as they are, never corrected.
 * Throws AppError('invalid_input', field 'file') for a file that is not CSV at all or too large.
 */
export function parseBulkCsv(
  text: string,
  o: { fileName: string; policy: Readonly<PasswordPolicy> } & ColumnChoice,
): ParsedImport {
  const delimiter = detectDelimiter(text);
  const records = parseRecords(text, delimiter);
  const firstReadable = records.find((r) => r.unreadable === null && !isBlank(r.cells));
  const headerUser = firstReadable === undefined ? null : findColumn(firstReadable.cells, USER_HEADERS);
  const hasHeader = headerUser !== null;
  const dataRecords = hasHeader ? records.filter((r) => r !== firstReadable) : records;
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'invalid_input',
      `The file has ${dataRecords.length} rows; at most ${MAX_IMPORT_ROWS} are imported at once.`,
      {
        action: 'Split it into smaller files and run them one after the other.',
        field: 'file',
      },
    );
  }
  const width = Math.max(1, ...records.map((r) => r.cells.length));
  const columns =
    hasHeader && firstReadable !== undefined
      ? Array.from(
          { length: width },
          (_, i) => (firstReadable.cells[i] ?? '').replace(/^\ufeff/, '').trim() || `Column ${i + 1}`,
        )
      : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const pick = (chosen: number | null | undefined, found: number | null): number | null =>
    chosen === undefined ? found : chosen !== null && chosen < width ? chosen : null;
  const userColumn = pick(o.userColumn, hasHeader ? headerUser : guessUserColumn(dataRecords, width));
  const foundPassword =
    hasHeader && firstReadable !== undefined ? findColumn(firstReadable.cells, PASSWORD_HEADERS) : null;
  let passwordColumn = pick(o.passwordColumn, foundPassword);
  if (passwordColumn === userColumn) passwordColumn = null;

  const seen = new Map<string, number>();
  const rows: ImportRow[] = dataRecords.map((record, i) => {
    const index = i + 1;
    const problems: BulkPreviewRow['problems'] = [];
    const user = userColumn === null ? '' : (record.cells[userColumn] ?? '').trim();
    const rawPassword = passwordColumn === null ? '' : (record.cells[passwordColumn] ?? '');
    // A password is taken as written: spaces around it would be part of it, so they are reported, not trimmed.
    const password = rawPassword === '' ? null : rawPassword;
    if (record.unreadable !== null) {
      problems.push(problem('unreadable_row', record.unreadable));
    } else if (isBlank(record.cells)) {
      problems.push(problem('empty_row', 'The row is empty.'));
    } else {
      if (userColumn === null) {
        problems.push(problem('missing_user', 'No user column is chosen.'));
      } else if (user === '') {
        problems.push(problem('missing_user', `The user cell (${columns[userColumn] ?? 'user'}) is empty.`));
      } else {
        const checked = checkUserId(user);
        if (!checked.ok) problems.push(problem('invalid_user', checked.reason));
        else if (checked.kind === 'me') {
          problems.push(
            problem('invalid_user', '"me" is not allowed in a bulk run: name the user by e-mail or Zoom ID.'),
          );
        }
        const key = user.toLowerCase();
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          problems.push(problem('duplicate_user', `The same user is on row ${earlier}; only that row is used.`));
        } else {
          seen.set(key, index);
        }
      }
      if (password !== null) {
        const trouble =
          password.trim() !== password
            ? 'The password has spaces at its start or end.'
            : firstPasswordProblem(password, o.policy);
        if (trouble !== null) problems.push(problem('bad_password', trouble));
      }
    }
    return { index, line: record.line, user, password, problems };
  });

  const included = rows.filter((r) => r.problems.length === 0);
  const withPassword = included.filter((r) => r.password !== null).length;
  let message: string | null = null;
  if (rows.length === 0) message = 'The file has no rows to import.';
  else if (userColumn === null) message = 'No column named email, user, user_id or id was found: pick the user column.';
  return {
    preview: {
      fileName: o.fileName,
      delimiter,
      hasHeader,
      columns,
      userColumn,
      passwordColumn,
      counts: {
        rows: rows.length,
        included: included.length,
        excluded: rows.length - included.length,
        withPassword,
        withoutPassword: included.length - withPassword,
      },
      rows: rows.map((r) => ({
        index: r.index,
        line: r.line,
        user: r.user,
        hasPassword: r.password !== null,
        problems: r.problems,
        included: r.problems.length === 0,
      })),
      message,
    },
    rows,
  };
}
