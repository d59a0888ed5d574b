import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

// Bounds on the walk over a rejected payload: a hostile renderer must not make the main process spin.
const MAX_NODES = 2000;
const MAX_DEPTH = 10;
// Shorter strings turn up in ordinary words ("is", "at"); a secret is never that short and valid.
const MIN_SECRET_LENGTH = 4;

function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  if (path === undefined || path.length === 0) return 'The request';
  let label = '';
  for (const key of path) label += typeof key === 'number' ? `[${key}]` : `${label === '' ? '' : '.'}${String(key)}`;
  return `"${label}"`;
}

function unit(origin: unknown, count: number): string {
  if (origin === 'string') return count === 1 ? 'character' : 'characters';
  if (origin === 'array' || origin === 'set') return count === 1 ? 'item' : 'items';
  return '';
}

function bound(issue: { origin?: unknown }, value: unknown): string {
  const u = unit(issue.origin, Number(value));
  return u === '' ? String(value) : `${String(value)} ${u}`;
}

/**
 * Says what is wrong with one field of a request in plain words. It is given the rejected input by
 * zod but never reads it beyond "is it missing": messages must not carry what the renderer sent,
 * which may be a password or a token.
 */
export function describeIssue(issue: RawIssue): string {
  const field = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'undefined') return `${field} must be empty: this call takes no input.`;
      if (issue.input === undefined) return `${field} is missing.`;
      return `${field} must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}.`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `${field} is too long (at most ${bound(issue, issue.maximum)}).`
        : `${field} must be at most ${bound(issue, issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return `${field} is empty.`;
      return issue.origin === 'string' || issue.origin === 'array'
        ? `${field} is too short (at least ${bound(issue, issue.minimum)}).`
        : `${field} must be at least ${bound(issue, issue.minimum)}.`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values
        .slice(0, 12)
        .map((v) => JSON.stringify(v))
        .join(', ')}.`;
    case 'unrecognized_keys': {
      // Key names come from the sender: count them, never print them.
      const n = issue.keys.length;
      return `${field} has ${n} field${n === 1 ? '' : 's'} this call does not take.`;
    }
    case 'invalid_format':
      return `${field} is not in the expected format.`;
    case 'not_multiple_of':
      return `${field} must be a multiple of ${String(issue.divisor)}.`;
    default:
      return `${field} is not valid.`;
  }
}

/** Every string in a payload long enough to be a secret, so error texts can be checked against them. */
export function stringLeaves(payload: unknown): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  let budget = MAX_NODES;
  const walk = (value: unknown, depth: number): void => {
    if (budget-- <= 0 || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      if (value.length >= MIN_SECRET_LENGTH) found.push(value);
      return;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    // Keys are not collected: messages name only the contract's own fields and count unknown keys.
    for (const item of Object.values(value)) walk(item, depth + 1);
  };
  walk(payload, 0);
  return found;
}

/** True when `text` contains any of `secrets` (case-insensitively, since messages may change case). */
export function mentionsAny(text: string, secrets: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return secrets.some((s) => s.length <= lower.length && lower.includes(s.toLowerCase()));
}

/** Replaces every occurrence of the given strings, for logs that must not repeat what a sender sent. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length <= out.length) out = out.split(s).join('[redacted]');
  }
  return out;
}
