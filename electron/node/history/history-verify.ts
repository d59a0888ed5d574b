import fs from 'node:fs';
import {
  historyEntrySchema,
  historyMarkerSchema,
  type HistoryProblem,
  type HistoryVerifyResult,
} from '../../../shared/domain/history';
import { errorCode } from '../settings/backup-file';
import { recordHash } from './history-chain';
import { readRange } from './history-files';
import { scanLines, type MarkerRecord } from './history-lines';

/** Read (and checked) at a time; verify yields to the event loop in between so the app stays responsive. */
const CHUNK = 2 * 1024 * 1024;
const NEWLINE = 0x0a;

type Event =
  | {
      type: 'record';
      line: number;
      seq: number;
      id: string;
      prevHash: string | null;
      hash: string;
      /** Why the record is not valid, or null. */
      invalid: string | null;
      hashOk: boolean;
      marker: MarkerRecord | null;
    }
  | { type: 'unchained'; line: number; id: string }
  | { type: 'unreadable'; line: number };

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function validity(value: Record<string, unknown>, marker: boolean): string | null {
  if (marker && value.kind !== 'retention' && value.kind !== 'repair') return null; // a newer version's kind
  const parsed = (marker ? historyMarkerSchema : historyEntrySchema).safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'not valid';
}

/** Reads history.jsonl (open as `fd`) line by line into the events verify judges. */
async function readEvents(fd: number): Promise<{ events: Event[]; skipped: number }> {
  const size = fs.fstatSync(fd).size;
  const events: Event[] = [];
  let skipped = 0;
  let line = 0;
  let pos = 0;
  while (pos < size) {
    const last = pos + CHUNK >= size;
    let buf = readRange(fd, pos, Math.min(size, pos + CHUNK));
    if (!last) {
      const nl = buf.lastIndexOf(NEWLINE);
      if (nl !== -1) buf = buf.subarray(0, nl + 1);
    }
    const { consumed, tornTail } = scanLines(buf, pos, ({ value }) => {
      line += 1;
      if (value.kind === 'torn') skipped += 1;
      else if (value.kind === 'damaged') events.push({ type: 'unreadable', line });
      else if (value.kind === 'entry' && value.entry.seq === undefined) {
        events.push({ type: 'unchained', line, id: value.entry.id });
      } else if (value.kind === 'entry' || value.kind === 'marker') {
        const record = (value.kind === 'entry' ? value.entry : value.marker) as unknown as Record<string, unknown>;
        events.push({
          type: 'record',
          line,
          seq: record.seq as number,
          id: record.id as string,
          prevHash: record.prevHash as string | null,
          hash: record.hash as string,
          invalid: validity(record, value.kind === 'marker'),
          hashOk: recordHash(record) === record.hash,
          marker: value.kind === 'marker' ? value.marker : null,
        });
      }
    });
    if (tornTail) skipped += 1;
    pos += consumed;
    if (consumed === 0 || tornTail) break;
    await tick();
  }
  return { events, skipped };
}

const range = (a: number, b: number) => (a === b ? `seq ${a}` : `seq ${a} to ${b}`);
const count = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

/**
 * Checks the hash chain of history.jsonl: every record's hash matches its content, each links to the
 * one before (seq one higher, prevHash equal to its hash), and the first one starts the chain or
 * continues from the anchor of the latest retention run. Reports the first problem, with where it is.
 * Entries written before the chain existed (a leading run) are counted, not checked. The newest
 * records can be removed without a trace in the chain itself: compare lastSeq/lastHash with a value
 * noted earlier to rule that out.
 */
export async function verifyHistory(file: string): Promise<HistoryVerifyResult> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    return { ok: true, checked: 0, unchained: 0, skippedLines: 0, lastSeq: null, lastHash: null, retention: null };
  }
  let read: Awaited<ReturnType<typeof readEvents>>;
  try {
    read = await readEvents(fd);
  } finally {
    fs.closeSync(fd);
  }
  const { events, skipped } = read;
  const records = events.filter((e): e is Extract<Event, { type: 'record' }> => e.type === 'record');
  const retentions = records.filter((r) => r.marker?.kind === 'retention');
  const latest = retentions.at(-1)?.marker ?? null;
  const anchor = (latest?.anchor ?? null) as { seq: number; hash: string } | null;
  const repairs = records.filter((r) => r.marker?.kind === 'repair');
  const seqs = new Set(records.map((r) => r.seq));

  let unchained = 0;
  let problem: HistoryProblem | undefined;
  let prev: Extract<Event, { type: 'record' }> | null = null;
  const flag = (kind: HistoryProblem['kind'], e: Event, detail: string) => {
    const after = repairs.find((r) => r.line > e.line)?.marker;
    const note = after
      ? ` The history was repaired on ${String(after.at)}: ${String(after.unreadableLines)} unreadable line(s) were moved to ${String(after.backup)}.`
      : '';
    problem = {
      kind,
      lineNumber: e.line,
      seq: e.type === 'record' ? e.seq : null,
      id: e.type === 'unreadable' ? null : e.id,
      detail: detail + note,
    };
  };
  /** Entries with seq in [from, to) are missing before `e`: removed, or further down (reordered). */
  const gap = (e: Extract<Event, { type: 'record' }>, from: number, to: number, where: string) => {
    let later = -1;
    for (let s = from; s < to && later === -1; s += 1) if (seqs.has(s)) later = s;
    if (later !== -1) flag('reordered', e, `Entry seq ${e.seq} comes before seq ${later}: the entries were reordered.`);
    else {
      const verb = to - from === 1 ? 'is' : 'are';
      flag(
        'removed',
        e,
        `${count(to - from)} (${range(from, to - 1)}) ${verb} missing${where}: removed from the history.`,
      );
    }
  };

  for (const e of events) {
    if (problem) break;
    if (e.type === 'unreadable') {
      flag('unreadable', e, `Line ${e.line} is not a readable history record: it was damaged or changed.`);
    } else if (e.type === 'unchained') {
      if (prev === null) unchained += 1;
      else {
        flag(
          'altered',
          e,
          `Entry ${e.id} has no integrity fields but comes after chained entries: it was inserted or its seq and hash were removed.`,
        );
      }
    } else {
      if (e.invalid !== null) flag('altered', e, `Entry seq ${e.seq} is not a valid record (${e.invalid}).`);
      else if (!e.hashOk)
        flag('altered', e, `Entry seq ${e.seq} does not match its hash: it was changed after it was written.`);
      else if (prev === null) {
        const start = anchor ? anchor.seq + 1 : 1;
        const startHash = anchor ? anchor.hash : null;
        const source = latest
          ? `after the retention run of ${String(latest.at)}`
          : 'at the start (no retention run is recorded)';
        if (e.seq > start) gap(e, start, e.seq, ` ${source}`);
        else if (e.seq < start)
          flag('reordered', e, `Entry seq ${e.seq} comes before seq ${start}, where the history starts ${source}.`);
        else if (e.prevHash !== startHash) {
          flag(
            'altered',
            e,
            `Entry seq ${e.seq} does not link to where the history starts ${source}: it or the retention record was changed.`,
          );
        }
      } else if (e.seq === prev.seq + 1) {
        if (e.prevHash !== prev.hash) {
          flag(
            'altered',
            e,
            `Entry seq ${e.seq} does not link to seq ${prev.seq}: one of the two was changed after it was written.`,
          );
        }
      } else if (e.seq > prev.seq + 1) gap(e, prev.seq + 1, e.seq, '');
      else if (e.seq === prev.seq && e.hash === prev.hash) flag('reordered', e, `Entry seq ${e.seq} appears twice.`);
      else flag('reordered', e, `Entry seq ${e.seq} comes after seq ${prev.seq}: the entries were reordered.`);
      prev = e;
    }
  }
  const last = records.at(-1) ?? null;
  return {
    ok: problem === undefined,
    checked: records.length,
    unchained,
    skippedLines: skipped,
    lastSeq: last?.seq ?? null,
    lastHash: last?.hash ?? null,
    retention: latest
      ? {
          at: String(latest.at),
          days: Number(latest.days),
          removed: Number(latest.removed),
          anchorSeq: anchor?.seq ?? null,
        }
      : null,
    ...(problem ? { firstProblem: problem } : {}),
  };
}
