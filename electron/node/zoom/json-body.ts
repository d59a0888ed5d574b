/** A JSON object from a response body, or null when the text is not one. Never throws: bodies can be anything. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Zoom's `code` field, which is a number but has been seen as a numeric string; null for anything else. */
export function readZoomCode(raw: unknown): number | null {
  const code = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(code) ? code : null;
}
