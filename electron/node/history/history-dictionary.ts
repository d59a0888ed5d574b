/** Separates the strings in the search text; a string holding it is searched with a space instead. */
const SEP = '\u0000';

/**
 * Distinct strings, each stored once; id 0 means "absent". Searching uses one lower-cased text of all
 * strings, separated by NUL, so a case-insensitive substring search over 100,000 strings is a few
 * native indexOf calls rather than 100,000 string tests.
 */
export class Dictionary {
  readonly strings: string[];
  private map: Map<string, number> | null = null;
  /** SEP, then each string lower-cased followed by SEP, for the first `covered` strings. */
  private text = SEP;
  /** Where each string starts in `text`. */
  private starts = new Uint32Array(0);
  private covered = 0;

  constructor(strings: string[] = [''], search?: SearchText) {
    this.strings = strings;
    if (search && search.starts.length === strings.length) {
      this.text = search.text;
      this.starts = search.starts;
      this.covered = strings.length;
    }
  }

  /** The id of `s`, adding it if new; 0 for null/undefined. */
  intern(s: string | null | undefined): number {
    if (s === null || s === undefined) return 0;
    if (this.map === null) {
      // Built on first use: a store opened from the index file only pays for it once new entries arrive.
      this.map = new Map();
      for (let i = 1; i < this.strings.length; i += 1) this.map.set(this.strings[i] as string, i);
    }
    let id = this.map.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.map.set(s, id);
    }
    return id;
  }

  /** The search text of every string (for the index file, so the next start need not build it). */
  searchText(): SearchText {
    this.refresh();
    return { text: this.text, starts: this.starts.subarray(0, this.covered) };
  }

  /** Extends the search text with the strings added since. */
  private refresh(): void {
    const n = this.strings.length;
    if (this.covered === n) return;
    const fresh = this.strings.slice(this.covered);
    const base = this.text.length;
    let part = `${fresh.join(SEP)}${SEP}`.toLowerCase();
    let starts = startsOf(part, base);
    if (starts.length !== fresh.length) {
      // Some string holds SEP itself.
      part = `${fresh.map((x) => x.replaceAll(SEP, ' ')).join(SEP)}${SEP}`.toLowerCase();
      starts = startsOf(part, base);
    }
    const all = new Uint32Array(Math.max(n, this.starts.length * 2));
    all.set(this.starts.subarray(0, this.covered));
    all.set(starts, this.covered);
    this.starts = all;
    this.text += part;
    this.covered = n;
  }

  /** The id of the string whose text holds position `p`. */
  private idAt(p: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.covered - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Marks every string containing `needle` (lower-cased) or, when `whole`, equal to it; id 0 never matches. */
  matching(needle: string, whole = false): Uint8Array {
    this.refresh();
    const out = new Uint8Array(this.strings.length);
    if (needle.includes(SEP)) return out;
    const pattern = whole ? `${SEP}${needle}${SEP}` : needle;
    const shift = whole ? 1 : 0;
    for (let p = this.text.indexOf(pattern); p !== -1;) {
      const id = this.idAt(p + shift);
      if (id > 0) out[id] = 1;
      if (id + 1 >= this.covered) break;
      const next = this.starts[id + 1] as number;
      p = this.text.indexOf(pattern, whole ? next - 1 : next);
    }
    return out;
  }
}

/** The lower-cased search text of a dictionary and where each string starts in it. */
export interface SearchText {
  text: string;
  starts: Uint32Array<ArrayBuffer>;
}

/** Start positions (offset by `base`) of the SEP-terminated strings in `part`. */
function startsOf(part: string, base: number): number[] {
  const starts: number[] = [];
  for (let pos = 0, sep = part.indexOf(SEP); sep !== -1; pos = sep + 1, sep = part.indexOf(SEP, pos)) {
    starts.push(base + pos);
  }
  return starts;
}
