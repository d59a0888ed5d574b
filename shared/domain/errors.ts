import { z } from 'zod';

/**
 * Error codes that cross process boundaries (IPC results, CLI messages).
 * Each one comes with a plain-words message and, where the user can do something, an action.
 */
export const ERROR_CODES = [
  'invalid_input',
  'invalid_request',
  'forbidden_sender',
  'unknown_channel',
  'no_token',
  'keychain_unavailable',
  'storage_error',
  'not_allowed',
  'internal',
  /** Zoom's token endpoint gave no token (Server-to-Server OAuth): bad credentials, app disabled, network. */
  'oauth_failed',
  /** The lookup says Zoom will refuse this user (SSO-only, admin or owner, pending, inactive, unknown): nothing was sent. */
  'ineligible',
  /** A read from Zoom (the user list, a user) got no usable answer: network, Zoom's side, rate limit. */
  'zoom_read_failed',
  /** Zoom refused the token for a read: expired, or without the scope the read needs. */
  'token_refused',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorShape = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** What the user can do about it, when there is something. */
  action: z.string().optional(),
  /** Which input field the error is about, for forms. */
  field: z.string().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorShape>;

/** An error meant to be shown to the user as it is; anything else is reported as `internal`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly action: string | undefined;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: { action?: string; field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.action = options.action;
    this.field = options.field;
  }

  /** The serialisable form sent over IPC: never includes the cause. */
  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.action === undefined ? {} : { action: this.action }),
      ...(this.field === undefined ? {} : { field: this.field }),
    };
  }
}

/** Narrows an unknown thrown value to AppError. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
