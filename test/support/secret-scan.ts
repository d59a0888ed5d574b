/**
 * Finds secrets in bytes: each secret in every way it could sit in a file or log (UTF-8, UTF-16,
 * percent-encoded, hex, base64/base64url at each alignment). Many secrets over many megabytes: the
 * needles are indexed by a rolling hash of their first bytes, so each haystack is read once.
 */

export interface Haystack {
  name: string;
  bytes: Buffer;
}

export interface Finding {
  haystack: string;
  secret: string;
  encoding: string;
}

/**
 * Every way a secret could sit in a file or log: as UTF-8, UTF-16 (Windows tools), percent-encoded (URLs, form
 * bodies), hex, and base64 or base64url at each of the three byte alignments it can have inside a longer encoded text.
 */
export function encodings(secret: string): { encoding: string; needle: Buffer }[] {
  const raw = Buffer.from(secret, 'utf8');
  const forms = [
    { encoding: 'utf8', needle: raw },
    { encoding: 'utf16le', needle: Buffer.from(secret, 'utf16le') },
    { encoding: 'percent', needle: Buffer.from(encodeURIComponent(secret)) },
    { encoding: 'hex', needle: Buffer.from(raw.toString('hex')) },
  ];
  for (const alphabet of ['base64', 'base64url'] as const) {
    for (let shift = 0; shift < 3; shift += 1) {
      const encoded = Buffer.concat([Buffer.alloc(shift), raw])
        .toString(alphabet)
        .replace(/=+$/, '');
      // Drop the characters that also encode the neighbouring bytes at either end.
      const core = encoded.slice(Math.ceil((shift * 4) / 3), encoded.length - 4);
      if (core.length >= 8) forms.push({ encoding: `${alphabet}+${shift}`, needle: Buffer.from(core) });
    }
  }
  // Drop forms identical to an earlier one (percent-encoding of plain letters is the text itself).
  return forms.filter((form, i) => forms.findIndex((f) => f.needle.equals(form.needle)) === i);
}

// Needles are found by their first KEY bytes; every needle is at least that long.
const KEY = 8;

interface Needle {
  secret: string;
  encoding: string;
  bytes: Buffer;
}

function keyHash(bytes: Buffer, at: number): number {
  let h = 0;
  for (let i = 0; i < KEY; i += 1) h = (Math.imul(h, 31) + (bytes[at + i] ?? 0)) | 0;
  return h;
}

/** The needles of many secrets, ready to search many haystacks. Secrets shorter than 8 bytes are refused. */
export class SecretIndex {
  private readonly byKey = new Map<number, Needle[]>();
  readonly secrets: readonly string[];

  constructor(secrets: Iterable<string>) {
    this.secrets = [...new Set(secrets)];
    for (const secret of this.secrets) {
      if (Buffer.byteLength(secret) < KEY)
        throw new RangeError(`a secret shorter than ${KEY} bytes cannot be searched`);
      for (const { encoding, needle } of encodings(secret)) {
        const h = keyHash(needle, 0);
        const list = this.byKey.get(h) ?? [];
        list.push({ secret, encoding, bytes: needle });
        this.byKey.set(h, list);
      }
    }
  }

  /** Every secret (and how it was encoded) found in `haystack`, each once. */
  find(haystack: Haystack): Finding[] {
    const { bytes } = haystack;
    const found = new Map<string, Finding>();
    if (bytes.length < KEY) return [];
    // 31^KEY, to drop the byte leaving the window of the rolling hash.
    let drop = 1;
    for (let i = 0; i < KEY; i += 1) drop = Math.imul(drop, 31);
    let h = keyHash(bytes, 0);
    for (let at = 0; at + KEY <= bytes.length; at += 1) {
      if (at > 0) {
        h = (Math.imul(h, 31) + (bytes[at + KEY - 1] ?? 0) - Math.imul(bytes[at - 1] ?? 0, drop)) | 0;
      }
      const candidates = this.byKey.get(h);
      if (candidates === undefined) continue;
      for (const n of candidates) {
        if (
          at + n.bytes.length <= bytes.length &&
          bytes.compare(n.bytes, 0, n.bytes.length, at, at + n.bytes.length) === 0
        ) {
          found.set(`${n.secret}\u0000${n.encoding}`, {
            haystack: haystack.name,
            secret: n.secret,
            encoding: n.encoding,
          });
        }
      }
    }
    return [...found.values()];
  }
}

/** Looks for every secret, in every encoding, in every haystack (bytes, so binary files are fine). */
export function scan(haystacks: readonly Haystack[], secrets: readonly string[]): Finding[] {
  const index = new SecretIndex(secrets);
  return haystacks.flatMap((haystack) => index.find(haystack));
}
