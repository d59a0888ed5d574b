import { parse } from 'csv-parse/sync';

/**
 * Reads a CSV export back with a well-kept, independent parser, strictly: records end in CRLF, and a bare
 * CR or LF is only accepted inside a quoted cell (where the export must put it).
 */
export function readCsv(text: string): string[][] {
  return parse(text, { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false }) as string[][];
}
