import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { readRange } from './history-files';
import { classifyText } from './history-lines';

/**
 * The canonical serialisation a record's hash covers: JSON with object keys sorted (at every level),
 * absent (undefined) fields left out, no whitespace. Independent of the key order in the file.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const v = obj[key];
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) over the canonical JSON of `record` without its `hash` field. */
export function recordHash(record: Readonly<Record<string, unknown>>): string {
  const { hash: _hash, ...rest } = record;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** Where the chain stands at the end of the file: what the next record links to. */
export interface ChainHead {
  /** The last chained record's seq and hash; null when the file has none yet. */
  seq: number;
  hash: string | null;
  /** Whether the file's last byte is a newline (if not, the next append starts a new line first). */
  endsWithNewline: boolean;
}

const TAIL_BLOCK = 16 * 1024;
const NEWLINE = 0x0a;

/**
 * Finds the chain head by reading the file backwards from its end, block by block, until the last
 * readable chained record: cost independent of the file size. Torn, damaged and pre-chain lines at the
 * end are stepped over (verify reports damage; the chain continues from the last good record).
 */
export function readChainHead(fd: number): ChainHead {
  const size = fs.fstatSync(fd).size;
  let endsWithNewline = true;
  let end = size;
  let carry = Buffer.alloc(0);
  while (end > 0) {
    const start = Math.max(0, end - TAIL_BLOCK);
    const block = readRange(fd, start, end);
    if (end === size) endsWithNewline = block[block.length - 1] === NEWLINE;
    const buf = carry.length > 0 ? Buffer.concat([block, carry]) : block;
    // Lines from the end; the first one in `buf` may be cut by the block boundary (unless at file start).
    let lineEnd = buf.length;
    for (;;) {
      const nl = lineEnd === 0 ? -1 : buf.lastIndexOf(NEWLINE, lineEnd - 1);
      if (nl === -1 && start > 0) break;
      const value = classifyText(buf.toString('utf8', nl + 1, lineEnd));
      if (value.kind === 'marker') return { seq: value.marker.seq, hash: value.marker.hash, endsWithNewline };
      if (value.kind === 'entry' && value.entry.seq !== undefined && value.entry.hash !== undefined) {
        return { seq: value.entry.seq, hash: value.entry.hash, endsWithNewline };
      }
      if (nl === -1) break;
      lineEnd = nl;
    }
    carry = Buffer.from(buf.subarray(0, lineEnd));
    end = start;
  }
  return { seq: 0, hash: null, endsWithNewline };
}
