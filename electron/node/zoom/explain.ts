import type { TransportFailureKind } from '../ports';

/**
 * Plain-words explanations of everything Zoom (or the network) can answer to a password change.
 * Each says what happened and, where the admin can do something, what to do.
 */
export interface Explanation {
  what: string;
  /** What the admin can do; null when there is nothing to do. */
  action: string | null;
}

/** One message from an explanation, as stored in history and shown in the app and the CLI. */
export function explanationText(e: Explanation): string {
  return e.action === null ? e.what : `${e.what} ${e.action}`;
}

const CHECK_BEFORE_RESENDING =
  'Check before resending: ask the user whether Zoom e-mailed them about a password change, or send the same password again: if Zoom answers that it matches the old password, the first attempt went through.';
const NEW_TOKEN =
  'Create a new access token (Server-to-Server OAuth app in the Zoom App Marketplace), store it, then try again.';
const POLICY_HINT = "Zoom's account owner sets this under Account Settings > Security > Password requirement.";
const API_ADDRESS_HINT =
  'Check the API address: normally https://api.zoom.us/v2 (Zoom for Government: https://api.zoomgov.com/v2).';

/** The three meanings Zoom gives code 300, told apart by its message. */
export type Code300Kind = 'same_as_old' | 'too_many_changes' | 'validation';

/** Tells apart Zoom's code-300 answers by their message text. */
export function code300Kind(zoomMessage: string | null): Code300Kind {
  const text = (zoomMessage ?? '').toLowerCase();
  if (/old password|same as (the )?(old|current|previous)|match(es)? the (old|current|previous)/.test(text)) {
    return 'same_as_old';
  }
  if (/maximum|24 hours|too many|limit/.test(text)) return 'too_many_changes';
  return 'validation';
}

const CODE_300: Readonly<Record<Code300Kind, Explanation>> = {
  same_as_old: {
    what: "Zoom refused the new password because it is the same as the user's current password.",
    action:
      'Choose a different password. If an earlier attempt for this user ended as "unknown", this answer means that attempt went through: the password is already set.',
  },
  too_many_changes: {
    what: "Zoom refused the change: this user's password has already been changed as many times as Zoom allows within 24 hours.",
    action: 'Wait until a day has passed since the earlier changes, then try again.',
  },
  validation: {
    what: 'Zoom refused the request because it failed validation (code 300).',
    action: `Check that the password meets Zoom's rules and the account's password policy; Zoom's own message may name the problem. ${POLICY_HINT}`,
  },
};

const ZOOM_CODES: Readonly<Record<number, Explanation>> = {
  124: {
    what: 'Zoom refused the access token: it is invalid or has expired (OAuth access tokens last about one hour).',
    action: NEW_TOKEN,
  },
  429: {
    what: "Zoom's rate limit for this account was reached, so the request was not processed.",
    action: 'Wait a moment and try again; every app on the same Zoom account shares this limit.',
  },
  1001: {
    what: 'Zoom has no user with this ID or e-mail address in your account.',
    action:
      "Check the spelling, or find the user in Zoom's admin portal (User Management > Users) and use their e-mail or ID.",
  },
  1117: {
    what: 'Zoom does not let an admin change the password of another admin or of the account owner.',
    action: 'That person must change their own password in Zoom, or the owner can change their role to member first.',
  },
  1120: {
    what: 'This user is pending: their invitation to the account has expired, so they have no password to change yet.',
    action: "Resend the invitation from Zoom's admin portal; the user sets a password when accepting it.",
  },
  1123: {
    what: 'This user does not sign in with a Zoom work e-mail and password (they use SSO, Google, Apple or another provider), so there is no Zoom password to set.',
    action: 'Change their password with that sign-in provider (for SSO, your identity provider) instead.',
  },
  1124: {
    what: "The password is shorter than the account's password policy requires.",
    action: `Use a longer password. ${POLICY_HINT}`,
  },
  1125: {
    what: 'Zoom requires at least one letter in the password.',
    action: 'Add a letter and try again.',
  },
  1126: {
    what: 'Zoom requires at least one digit in the password.',
    action: 'Add a digit and try again.',
  },
  1127: {
    what: "The account's password policy requires at least one special character (such as ! # % or &).",
    action: `Add a special character and try again. ${POLICY_HINT}`,
  },
  1128: {
    what: 'Zoom requires both upper- and lower-case letters in the password.',
    action: 'Mix upper- and lower-case letters and try again.',
  },
  1129: {
    what: "This user used the password recently; the account's password-history policy forbids reusing it.",
    action: 'Choose a password this user has not used before.',
  },
  1130: {
    what: 'Zoom refused the password because it is a single character repeated.',
    action: 'Use a mix of different characters.',
  },
  1131: {
    what: 'Zoom refused the password because it contains a run of consecutive characters (such as 1234 or abcd).',
    action: `Break up the run and try again; the account's policy may set how long a run is allowed. ${POLICY_HINT}`,
  },
  1136: {
    what: "Zoom refused the password as too easy to guess (the account's weak-password check).",
    action: 'Choose a less common password: avoid dictionary words, names and common patterns.',
  },
  4700: {
    what: 'The access token does not have the permission (scope) to change passwords.',
    action:
      'Add the scope user:update:password:admin (classic: user:write:admin) to your app in the Zoom App Marketplace, then create and store a new token.',
  },
  4711: {
    what: 'The access token does not have the permission (scope) to change passwords.',
    action:
      'Add the scope user:update:password:admin (classic: user:write:admin) to your app in the Zoom App Marketplace, then create and store a new token.',
  },
};

/** Zoom error codes that have their own explanation (300 has three, told apart by message). */
export const EXPLAINED_ZOOM_CODES: readonly number[] = [300, ...Object.keys(ZOOM_CODES).map(Number)];

/** Explains a Zoom error code; unknown codes get a generic explanation that points at Zoom's message. */
export function explainZoomCode(code: number, zoomMessage: string | null): Explanation {
  if (code === 300) return CODE_300[code300Kind(zoomMessage)];
  const known = ZOOM_CODES[code];
  if (known !== undefined) return known;
  return {
    what: `Zoom refused the request with error code ${code}.`,
    action:
      "Read Zoom's message for the reason; if it is unclear, contact Zoom support with the tracking ID. The password was not changed.",
  };
}

/** Answers that carry no usable Zoom code, explained from the HTTP status alone. */
export type HttpSituation =
  | 'updated'
  | 'unauthorized'
  | 'not_found_without_code'
  | 'unreadable_refusal'
  | 'redirect'
  | 'server_error'
  | 'unexpected_status';

/** Explains an HTTP answer that is understood from its status (no Zoom code to go by). */
export function explainHttp(situation: HttpSituation, status: number): Explanation {
  switch (situation) {
    case 'updated':
      return { what: 'Password updated. Zoom e-mails the user to tell them it was changed.', action: null };
    case 'unauthorized':
      return { what: `Zoom refused the access token (HTTP ${status}).`, action: NEW_TOKEN };
    case 'not_found_without_code':
      return {
        what: `The server answered "not found" (HTTP ${status}) without a Zoom error code: the API address is probably wrong. Nothing was changed.`,
        action: API_ADDRESS_HINT,
      };
    case 'unreadable_refusal':
      return {
        what: `Zoom refused the request (HTTP ${status}), but its answer could not be read, so the reason is unknown. The password was not changed.`,
        action: 'Try again; if it happens again, contact Zoom support with the tracking ID.',
      };
    case 'redirect':
      return {
        what: `The server answered with a redirect (HTTP ${status}) instead of an answer; for safety it was not followed and the password was not changed.`,
        action: `${API_ADDRESS_HINT} A proxy or captive portal may also be intercepting the connection.`,
      };
    case 'server_error':
      return {
        what: `Zoom reported a problem on its side (HTTP ${status}); the change was most likely not applied.`,
        action:
          'Try again in a few minutes (see https://status.zoom.us if it persists). If a retry answers that the password matches the old one, this attempt went through.',
      };
    case 'unexpected_status':
      return {
        what: `The server gave an unexpected answer (HTTP ${status}); the password was most likely not changed.`,
        action: `${API_ADDRESS_HINT} Then try again.`,
      };
  }
}

/** A wait in words: "12 seconds", "5 minutes", "3 hours". */
export function describeWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 90) return s === 1 ? '1 second' : `${s} seconds`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

/** Explains a 429, using the wait and limit type Zoom gave when it gave them. */
export function explainRateLimit(o: { retryAfterSeconds: number | null; rateLimitType: string | null }): Explanation {
  const daily = (o.rateLimitType ?? '').toLowerCase().includes('daily');
  const what = daily
    ? "Zoom's daily rate limit for this account was reached, so the request was not processed."
    : "Zoom's rate limit for this account was reached, so the request was not processed.";
  const wait =
    o.retryAfterSeconds === null
      ? daily
        ? 'Try again tomorrow (the daily limit resets once a day).'
        : 'Wait a few seconds and try again.'
      : `Wait ${describeWait(o.retryAfterSeconds)} and try again.`;
  return { what, action: `${wait} Every app on the same Zoom account shares this limit.` };
}

/**
 * Explains a request that got no HTTP answer. `sent` false: nothing reached Zoom;
 * true or null (cannot tell): Zoom may have applied the change.
 */
export function explainTransportFailure(kind: TransportFailureKind, sent: boolean | null): Explanation {
  switch (kind) {
    case 'dns':
      return {
        what: "The server's name could not be found (DNS lookup failed); nothing was sent to Zoom.",
        action: `Check the internet connection (a proxy or VPN may be needed). ${API_ADDRESS_HINT}`,
      };
    case 'refused':
      return {
        what: 'The server refused the connection; nothing was sent to Zoom.',
        action: `Check the internet connection and firewall. ${API_ADDRESS_HINT}`,
      };
    case 'tls':
      return {
        what: "A secure connection could not be set up (the server's certificate was not trusted or TLS failed); nothing was sent to Zoom.",
        action:
          "If your network inspects HTTPS (a company proxy), its root certificate must be installed in the system's certificate store; otherwise check the API address and the computer's date and time.",
      };
    case 'connect_timeout':
      return {
        what: 'Connecting to the server took too long; nothing was sent to Zoom.',
        action: 'Check the internet connection, proxy and firewall, then try again.',
      };
    case 'timeout':
      return sent === false
        ? {
            what: 'The request timed out before it could be sent; nothing was sent to Zoom.',
            action: 'Check the internet connection, then try again.',
          }
        : {
            what: 'No answer came back in time after the request was sent: Zoom may have applied the change.',
            action: CHECK_BEFORE_RESENDING,
          };
    case 'connection_lost':
      return sent === false
        ? {
            what: 'The connection closed before the request was sent; nothing was sent to Zoom.',
            action: 'Try again.',
          }
        : {
            what: 'The connection was lost after the request was sent, before Zoom answered: Zoom may have applied the change.',
            action: CHECK_BEFORE_RESENDING,
          };
    case 'network':
      return sent === false
        ? {
            what: 'A network error stopped the request before it was sent; nothing was sent to Zoom.',
            action: 'Check the internet connection and proxy settings, then try again.',
          }
        : {
            what: 'A network error interrupted the request and it cannot be told whether it reached Zoom: Zoom may have applied the change.',
            action: CHECK_BEFORE_RESENDING,
          };
  }
}

/**
 * Why Zoom's token endpoint (Server-to-Server OAuth, `grant_type=account_credentials`) gave no token.
 * Told apart by Zoom's code, the OAuth `error` field or the message, never by the HTTP status alone.
 */
export type OAuthFailureReason =
  /** 4702 / 4704 / `invalid_client`: the client ID or client secret is wrong, or the app was deleted. */
  | 'invalid_client'
  /** The Account ID does not belong to the app's account. */
  | 'invalid_account'
  /** 4717: the app was deactivated in the App Marketplace. */
  | 'app_disabled'
  /** 4706: a client ID, client secret, account ID or grant type was missing. */
  | 'missing_fields'
  /** 4705 / `unsupported_grant_type`: the credentials are not those of a Server-to-Server OAuth app. */
  | 'unsupported_grant'
  /** 429 from the token endpoint. */
  | 'rate_limited'
  /** 5xx: a problem on Zoom's side. */
  | 'server_error'
  /** Not Zoom's token endpoint: 404 without a code, a redirect, an HTML page. */
  | 'wrong_address'
  /** A success answer without a usable access token. */
  | 'unexpected_answer'
  /** Any other refusal, with Zoom's own message. */
  | 'refused'
  /** No answer at all (DNS, TLS, timeout, connection lost). */
  | 'network';

/** Zoom's documented token-endpoint codes (zoom-api.md, Zoom's "OAuth error messages"). */
export const OAUTH_ERROR_CODES: Readonly<Record<number, OAuthFailureReason>> = {
  4702: 'invalid_client',
  4704: 'invalid_client',
  4705: 'unsupported_grant',
  4706: 'missing_fields',
  4717: 'app_disabled',
};

const S2S_APP_HINT =
  'In the Zoom App Marketplace (Manage > Created Apps), open your Server-to-Server OAuth app and copy its App Credentials';

/**
 * Explains a failed token request in plain words. `tokenUrl` names where the request went;
 * `zoomMessage` is quoted for refusals we have no words of our own for. Never given a secret.
 */
export function explainOAuthFailure(
  reason: OAuthFailureReason,
  o: {
    tokenUrl: string;
    httpStatus?: number | null;
    zoomCode?: number | null;
    zoomMessage?: string | null;
    transportKind?: TransportFailureKind | null;
    retryAfterSeconds?: number | null;
  },
): Explanation {
  const status = o.httpStatus ?? null;
  const code = o.zoomCode ?? null;
  const said = o.zoomMessage ? ` Zoom said: "${o.zoomMessage}"` : '';
  switch (reason) {
    case 'invalid_client':
      return {
        what: `Zoom refused the Client ID or Client Secret${code === null ? '' : ` (code ${code})`}: one of them is wrong, the secret was regenerated, or the app no longer exists.`,
        action: `${S2S_APP_HINT} (Client ID and Client Secret) again, then save them in this account.`,
      };
    case 'invalid_account':
      return {
        what: `Zoom refused the Account ID${code === null ? '' : ` (code ${code})`}: it does not match the account the app belongs to.${said}`,
        action: `${S2S_APP_HINT}; the Account ID is shown next to the Client ID. Make sure it is the app's own account.`,
      };
    case 'app_disabled':
      return {
        what: `Zoom refused to issue a token because the Server-to-Server OAuth app is deactivated${code === null ? '' : ` (code ${code})`}.`,
        action:
          'Open the app in the Zoom App Marketplace (Manage > Created Apps) and activate it (an account admin may have to), then try again.',
      };
    case 'missing_fields':
      return {
        what: `Zoom says part of the token request is missing${code === null ? '' : ` (code ${code})`}: the Account ID, Client ID or Client Secret was empty.${said}`,
        action: 'Check that this account has its Account ID, Client ID and Client Secret filled in, then try again.',
      };
    case 'unsupported_grant':
      return {
        what: `Zoom refused the token request type (account_credentials)${code === null ? '' : ` (code ${code})`}: these look like the credentials of another kind of Zoom app.`,
        action:
          'Use the credentials of a Server-to-Server OAuth app (App Marketplace > Develop > Build App > Server to Server OAuth App), not of a general OAuth, Meeting SDK or JWT app.',
      };
    case 'rate_limited':
      return {
        what: 'Zoom is limiting how often tokens can be requested for this app right now.',
        action:
          o.retryAfterSeconds === null || o.retryAfterSeconds === undefined
            ? 'Wait a minute, then try again.'
            : `Wait ${describeWait(o.retryAfterSeconds)}, then try again.`,
      };
    case 'server_error':
      return {
        what: `Zoom's sign-in service reported a problem on its side (HTTP ${status ?? 'error'}) and issued no token.`,
        action: 'Try again in a few minutes (see https://status.zoom.us if it persists).',
      };
    case 'wrong_address':
      return {
        what: `${o.tokenUrl} did not answer like Zoom's token endpoint (${status === null ? 'no usable answer' : `HTTP ${status}`}), so no token was issued.`,
        action:
          'Check the token address: https://zoom.us/oauth/token (Zoom for Government: https://zoomgov.com/oauth/token). A proxy or captive portal may also be intercepting the connection.',
      };
    case 'unexpected_answer':
      return {
        what: `Zoom's token endpoint answered (HTTP ${status ?? '?'}) but without a usable access token.`,
        action: 'Try again; if it happens again, check the token address and contact Zoom support.',
      };
    case 'refused':
      return {
        what: `Zoom refused the token request (${status === null ? '' : `HTTP ${status}`}${status !== null && code !== null ? ', ' : ''}${code === null ? '' : `code ${code}`}).${said}`,
        action: `Check the Account ID, Client ID and Client Secret of this account. ${S2S_APP_HINT}.`,
      };
    case 'network':
      return explainOAuthNetwork(o.transportKind ?? 'network', o.tokenUrl);
  }
}

function explainOAuthNetwork(kind: TransportFailureKind, tokenUrl: string): Explanation {
  // Asking for a token changes nothing in Zoom, so unlike a password change there is no "may have
  // been applied" case: every network failure is safe to retry.
  const where = `The token request to ${tokenUrl}`;
  switch (kind) {
    case 'dns':
      return {
        what: `${where} failed: the server's name could not be found (DNS lookup failed).`,
        action: 'Check the internet connection (a proxy or VPN may be needed) and the token address.',
      };
    case 'refused':
      return {
        what: `${where} failed: the server refused the connection.`,
        action: 'Check the internet connection, firewall and the token address.',
      };
    case 'tls':
      return {
        what: `${where} failed: a secure connection could not be set up (the certificate was not trusted or TLS failed).`,
        action:
          "If your network inspects HTTPS (a company proxy), its root certificate must be installed in the system's certificate store; otherwise check the token address and the computer's date and time.",
      };
    case 'connect_timeout':
    case 'timeout':
      return {
        what: `${where} timed out.`,
        action: 'Check the internet connection, proxy and firewall, then try again.',
      };
    case 'connection_lost':
    case 'network':
      return {
        what: `${where} failed: the connection was lost or a network error occurred.`,
        action: 'Check the internet connection and proxy settings, then try again.',
      };
  }
}
