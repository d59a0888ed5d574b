import { z } from 'zod';

// An OAuth access token is printable ASCII without spaces; the limit keeps absurd pastes out of the keychain.
export const MAX_TOKEN_LENGTH = 8192;

/** A pasted Zoom access token; the messages are fixed texts, so a refusal never repeats the token. */
export const tokenSchema = z
  .string()
  .trim()
  .min(1, 'Paste the access token.')
  .max(MAX_TOKEN_LENGTH, `A Zoom access token is shorter than ${MAX_TOKEN_LENGTH} characters.`)
  .regex(/^[\x21-\x7e]+$/, 'A token has no spaces, line breaks or non-ASCII characters: check what was pasted.');
