import type { z } from 'zod';
import {
  accountNameSchema,
  clientIdSchema,
  clientSecretSchema,
  zoomAccountIdSchema,
} from '../../../shared/domain/accounts';
import { tokenSchema } from '../../../shared/ipc/contract';

/*
 * Live checks of the account form with the contract's own schemas, so mistakes show while typing.
 * Main checks everything again.
 */

const LOOPBACK = /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/i;

function problem(schema: z.ZodType, value: string): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check this field.');
}

/** Null when `value` can be an API or token address: https, or plain http on this computer's loopback only. */
export function urlProblem(value: string, what: string): string | null {
  const input = value.trim();
  if (input === '') return `Enter the ${what}.`;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return `Not a web address: the ${what} starts with https://.`;
  }
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return `The ${what} must use https (plain http only for this computer, e.g. http://127.0.0.1).`;
  }
  if (url.username !== '' || url.password !== '') return `The ${what} must not contain a user name or password.`;
  if (url.search !== '' || url.hash !== '') return `The ${what} must not contain "?" or "#" parts.`;
  return null;
}

export const nameProblem = (value: string) => problem(accountNameSchema, value);
export const zoomAccountIdProblem = (value: string) => problem(zoomAccountIdSchema, value);
export const clientIdProblem = (value: string) => problem(clientIdSchema, value);
export const clientSecretProblem = (value: string) => problem(clientSecretSchema, value);
export const tokenProblem = (value: string) =>
  value.trim() === '' ? 'Paste the access token.' : problem(tokenSchema, value);
