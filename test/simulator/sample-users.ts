import { randomInt } from 'node:crypto';
import type { SimOAuthApp } from './sim-oauth';
import { LOGIN_TYPE, type SimPolicy, type SimToken, type SimUserSeed } from './sim-types';
import { registerSecrets } from '../support/leak-registry';

/**
 * A realistic sample account ("Northwind Traders") for tests and `npm run demo`. Initial passwords
 * are random and never shown: set one first to test "same as the old password".
 */
export const SAMPLE_ACCOUNT_ID = 'nwT9kq3XRb2mZx7YpLs0aQ';

export const SAMPLE_USERS: readonly SimUserSeed[] = [
  {
    id: 'Kq8zR2nWTeS5vXo1bYcA7g',
    email: 'olivia.hart@northwind.example',
    firstName: 'Olivia',
    lastName: 'Hart',
    roleName: 'Owner',
  },
  {
    id: 'Hb3LmN9pQaRt6uVw2xYz0A',
    email: 'marcus.reed@northwind.example',
    firstName: 'Marcus',
    lastName: 'Reed',
    roleName: 'Admin',
  },
  { id: 'Pz4aB7cD1eF2gH3iJ5kL6m', email: 'priya.patel@northwind.example', firstName: 'Priya', lastName: 'Patel' },
  { id: 'Tb9cE8dF7gH6iJ5kL4mN3o', email: 'tom.becker@northwind.example', firstName: 'Tom', lastName: 'Becker' },
  {
    id: 'Aw2sX3dC4fV5gB6hN7jM8k',
    email: 'aisha.khan@northwind.example',
    firstName: 'Aisha',
    lastName: 'Khan',
    type: 1,
  },
  // A "+" tag in the address: must be URL-encoded or Zoom reads it as a space.
  { id: 'Jd5oE6pR7qS8tU9vW0xY1z', email: 'jane.doe+zoom@northwind.example', firstName: 'Jane', lastName: 'Doe' },
  // A non-ASCII address, to prove the user id is URL-encoded as UTF-8.
  { id: 'Rn1eD2uB3oI4sL5mN6pQ7r', email: 'renée.dubois@northwind.example', firstName: 'Renée', lastName: 'Dubois' },
  {
    id: 'Ss0oS1nG2lE3sI4gN5oN6l',
    email: 'sam.sso@northwind.example',
    firstName: 'Sam',
    lastName: 'Okafor',
    loginTypes: [LOGIN_TYPE.sso],
  },
  {
    id: 'Gg7oO8gG9lL0eE1uU2sS3e',
    email: 'gina.google@northwind.example',
    firstName: 'Gina',
    lastName: 'Russo',
    loginTypes: [LOGIN_TYPE.google],
  },
  {
    id: 'Ap4pP5lL6eE7uU8sS9eE0r',
    email: 'alex.apple@northwind.example',
    firstName: 'Alex',
    lastName: 'Kim',
    type: 1,
    loginTypes: [LOGIN_TYPE.apple],
  },
  {
    id: 'Pe1nN2dD3iI4nN5gG6uU7s',
    email: 'lena.pending@northwind.example',
    firstName: 'Lena',
    lastName: 'Novak',
    status: 'pending',
    invitationExpired: true,
  },
  {
    id: 'In8aA9cC0tT1iI2vV3eE4u',
    email: 'victor.inactive@northwind.example',
    firstName: 'Victor',
    lastName: 'Lindqvist',
    status: 'inactive',
  },
  // Both SSO and a work e-mail: Zoom lets an admin set the work-e-mail password.
  {
    id: 'Mx5bB6oO7tT8hH9uU0sS1e',
    email: 'mia.both@northwind.example',
    firstName: 'Mia',
    lastName: 'Santos',
    loginTypes: [LOGIN_TYPE.sso, LOGIN_TYPE.workEmail],
  },
];

/** Ids of sample users by role in the scenarios tests need. */
export const SAMPLE = {
  owner: 'Kq8zR2nWTeS5vXo1bYcA7g',
  admin: 'Hb3LmN9pQaRt6uVw2xYz0A',
  member: 'Pz4aB7cD1eF2gH3iJ5kL6m',
  memberEmail: 'priya.patel@northwind.example',
  plusEmail: 'jane.doe+zoom@northwind.example',
  unicodeEmail: 'renée.dubois@northwind.example',
  sso: 'Ss0oS1nG2lE3sI4gN5oN6l',
  google: 'Gg7oO8gG9lL0eE1uU2sS3e',
  pendingExpired: 'Pe1nN2dD3iI4nN5gG6uU7s',
  unknownEmail: 'nobody@northwind.example',
} as const;

/** The token `npm run demo` stores; the simulator accepts it with every scope the app needs. */
export const DEMO_TOKEN = 'zpa-demo.eyJhY2NvdW50Ijoibm9ydGh3aW5kIn0.simulator-only-token';
export const EXPIRED_TOKEN = 'zpa-demo.expired.simulator-only-token';
export const NO_SCOPE_TOKEN = 'zpa-demo.no-password-scope.simulator-only-token';

export const SAMPLE_TOKENS: readonly SimToken[] = [
  {
    token: DEMO_TOKEN,
    accountId: SAMPLE_ACCOUNT_ID,
    userId: SAMPLE.owner,
    scopes: [
      'user:update:password:admin',
      'user:read:user:admin',
      'user:read:list_users:admin',
      'user:read:email:admin',
      'account:read:settings:admin',
    ],
  },
  {
    token: EXPIRED_TOKEN,
    accountId: SAMPLE_ACCOUNT_ID,
    userId: SAMPLE.owner,
    scopes: ['user:update:password:admin', 'user:read:user:admin'],
    expired: true,
  },
  { token: NO_SCOPE_TOKEN, accountId: SAMPLE_ACCOUNT_ID, userId: SAMPLE.owner, scopes: ['user:read:user:admin'] },
];

/**
 * Server-to-Server OAuth apps of the sample account, by what tests need: every scope the app uses,
 * reading only (no password scope), classic scopes, and one deactivated in the Marketplace.
 * Client secrets are simulator-only values.
 */
export const SAMPLE_OAUTH = {
  full: {
    accountId: SAMPLE_ACCOUNT_ID,
    clientId: 'nwS2SFullClient0001',
    clientSecret: 'simOnlySecretFull7Hq2LmZx9Wc4Rt',
  },
  readOnly: {
    accountId: SAMPLE_ACCOUNT_ID,
    clientId: 'nwS2SReadClient0002',
    clientSecret: 'simOnlySecretRead3Kd8PwYv1Nb6Eu',
  },
  classic: {
    accountId: SAMPLE_ACCOUNT_ID,
    clientId: 'nwS2SClassicClnt003',
    clientSecret: 'simOnlySecretClassic5Ga2QjTm8Xs',
  },
  disabled: {
    accountId: SAMPLE_ACCOUNT_ID,
    clientId: 'nwS2SDisabledCl0004',
    clientSecret: 'simOnlySecretDisabled9Vf4HnCk2Ry',
  },
} as const;

export const SAMPLE_OAUTH_APPS: readonly SimOAuthApp[] = [
  {
    ...SAMPLE_OAUTH.full,
    userId: SAMPLE.owner,
    scopes: [
      'user:update:password:admin',
      'user:read:user:admin',
      'user:read:list_users:admin',
      'user:read:email:admin',
      'account:read:settings:admin',
    ],
  },
  {
    ...SAMPLE_OAUTH.readOnly,
    userId: SAMPLE.owner,
    scopes: ['user:read:user:admin', 'user:read:list_users:admin'],
  },
  {
    ...SAMPLE_OAUTH.classic,
    userId: SAMPLE.owner,
    scopes: ['user:write:admin', 'user:read:admin', 'account:read:admin'],
    scopeErrorCode: 4700,
  },
  {
    ...SAMPLE_OAUTH.disabled,
    userId: SAMPLE.owner,
    scopes: ['user:update:password:admin', 'user:read:list_users:admin'],
    disabled: true,
  },
];

/** The sample account's password requirement: a little stricter than Zoom's basic rules. */
export const SAMPLE_POLICY: Readonly<SimPolicy> = Object.freeze({
  minimumPasswordLength: 10,
  haveSpecialCharacter: false,
  consecutiveCharactersLength: 0,
  weakEnhanceDetection: true,
  passwordHistoryCount: 3,
});

/** How many times a user's password may change within 24 hours in the simulator (Zoom does not say). */
export const SAMPLE_MAX_CHANGES_PER_24H = 10;

let passwordCounter = 0;
// Letters and digits two apart: no two neighbours ever form a run such as "ab" or "12".
const NO_RUN_ALPHABET = 'acegikmoqsuwy02468';

/**
 * A password the sample policy accepts and that differs from every earlier one (so history and
 * "same as old" rules do not trip tests), e.g. "Kite-Harbor-7ckq0w".
 */
export function uniqueValidPassword(): string {
  passwordCounter += 1;
  let tag = '';
  for (let n = passwordCounter; n > 0; n = Math.floor(n / NO_RUN_ALPHABET.length)) {
    tag += NO_RUN_ALPHABET[n % NO_RUN_ALPHABET.length];
  }
  for (let i = 0; i < 5; i += 1) tag += NO_RUN_ALPHABET[randomInt(NO_RUN_ALPHABET.length)];
  const password = `Kite-Harbor-7${tag}`.slice(0, 31);
  // The suite's final leak scan looks for every password a test used (no-op outside npm test).
  registerSecrets(password);
  return password;
}
