import type { IncomingMessage } from 'node:http';
import type { ZoomRefusal } from './sim-password-rules';

/** What a route answers; the server adds the tracking id and applies faults. */
export interface SimAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Whether the request changed the simulated account. */
  applied: boolean;
  zoomCode: number | null;
}

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads the request body, refusing anything larger than MAX_BODY_BYTES (null then). */
export async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A Zoom error answer: JSON `{code, message}` (plus `errors` when given). */
export function zoomError(refusal: ZoomRefusal, headers: Record<string, string> = {}): SimAnswer {
  const body: Record<string, unknown> = { code: refusal.code, message: refusal.message };
  if (refusal.errors !== undefined) body.errors = refusal.errors;
  return {
    status: refusal.status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(body),
    applied: false,
    zoomCode: refusal.code,
  };
}

export function jsonAnswer(status: number, value: unknown): SimAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    body: JSON.stringify(value),
    applied: false,
    zoomCode: null,
  };
}

/** A non-Zoom answer (what a wrong path or a proxy gives): plain text, no Zoom code. */
export function textAnswer(status: number, text: string): SimAnswer {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: text,
    applied: false,
    zoomCode: null,
  };
}

const VALIDATION_FAILED: ZoomRefusal = {
  status: 400,
  code: 300,
  message: 'Validation Failed.',
  errors: [{ field: 'password', message: 'must not be blank' }],
};

/**
 * The `password` field of a PUT body: multipart/form-data (what the app sends), urlencoded or JSON.
 * Anything else, or no usable field, is Zoom's 300 "Validation Failed.".
 */
export async function parsePasswordBody(
  contentType: string | undefined,
  body: Buffer,
): Promise<{ password: string } | { refusal: ZoomRefusal }> {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return { refusal: { status: 400, code: 300, message: 'Request Body should be a valid JSON object.' } };
    }
    const password = (value as { password?: unknown } | null)?.password;
    return typeof password === 'string' && password !== '' ? { password } : { refusal: VALIDATION_FAILED };
  }
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    let form: FormData;
    try {
      form = await new Request('https://simulator.invalid/', {
        method: 'PUT',
        headers: { 'content-type': contentType ?? '' },
        body: new Uint8Array(body),
      }).formData();
    } catch {
      return { refusal: VALIDATION_FAILED };
    }
    const password = form.get('password');
    return typeof password === 'string' && password !== '' ? { password } : { refusal: VALIDATION_FAILED };
  }
  return { refusal: VALIDATION_FAILED };
}
