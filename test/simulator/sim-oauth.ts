import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../../electron/node/ports';
import { jsonAnswer, textAnswer, type SimAnswer } from './sim-http';
import type { SimulatorState } from './sim-state';

/** A Server-to-Server OAuth app the simulated token endpoint knows. */
export interface SimOAuthApp {
  /** Zoom's Account ID the app belongs to (the `account_id` form field must match it). */
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** The scopes every token of this app carries. */
  scopes: string[];
  /** What `me` resolves to for its tokens. */
  userId: string;
  /** Deactivated in the Marketplace: Zoom answers 4717. */
  disabled?: boolean;
  /** Overrides the simulator's token lifetime for this app. */
  lifetimeSeconds?: number;
  /** The code a missing scope answers with (4711 granular, default; 4700 classic). */
  scopeErrorCode?: 4700 | 4711;
}

export interface SimOAuthOptions {
  /** Apps the token endpoint knows; default SAMPLE_OAUTH_APPS. */
  apps?: readonly SimOAuthApp[];
  /** Token lifetime, counted on the simulator's clock; default 3599 (Zoom's). */
  tokenLifetimeSeconds?: number;
  /**
   * Error bodies: `code` (default) `{"code": 4702, "message": ...}` as Zoom documents them, or
   * `reason` `{"reason": ..., "error": "invalid_client"}` as Zoom has also been seen to answer.
   */
  errorStyle?: 'code' | 'reason';
  /** Issuing a token revokes the app's earlier ones (Zoom has been reported to do this). Default false. */
  revokePreviousTokens?: boolean;
}

/** A token the endpoint issued (tests may read it; it is a simulator-only value). */
export interface SimIssuedToken {
  token: string;
  clientId: string;
  accountId: string;
  scopes: string[];
  issuedAt: string;
  expiresAt: string;
}

interface Refusal {
  status: number;
  code: number;
  message: string;
  error: string;
  reason: string;
}

// Zoom's documented codes (zoom-api.md); Zoom does not document its answer to a wrong Account ID,
// so the simulator uses the catch-all 4700 with a message that names the account ID.
const REFUSALS = {
  noClient: {
    status: 400,
    code: 4706,
    message: 'Client ID or client secret is missing.',
    error: 'invalid_request',
    reason: 'Missing client_id or client_secret',
  },
  noGrant: {
    status: 400,
    code: 4706,
    message: 'Missing grant type.',
    error: 'invalid_request',
    reason: 'Missing grant type',
  },
  noAccount: {
    status: 400,
    code: 4706,
    message: 'Missing account_id.',
    error: 'invalid_request',
    reason: 'Missing account_id',
  },
  badGrant: {
    status: 400,
    code: 4705,
    message: 'Grant type is not supported from token endpoint.',
    error: 'unsupported_grant_type',
    reason: 'Unsupported grant type',
  },
  badClient: {
    status: 400,
    code: 4702,
    message: 'Invalid client.',
    error: 'invalid_client',
    reason: 'Invalid client_id or client_secret',
  },
  badSecret: {
    status: 400,
    code: 4704,
    message: 'Invalid client secret.',
    error: 'invalid_client',
    reason: 'Invalid client_id or client_secret',
  },
  badAccount: {
    status: 400,
    code: 4700,
    message: 'Invalid account_id.',
    error: 'invalid_request',
    reason: 'Invalid account_id',
  },
  disabled: {
    status: 400,
    code: 4717,
    message: 'The app has been disabled.',
    error: 'invalid_client',
    reason: 'The app has been disabled',
  },
} as const satisfies Record<string, Refusal>;

/**
 * Zoom's token endpoint for Server-to-Server OAuth (`POST /oauth/token`, grant_type
 * account_credentials, Basic auth). Issued tokens are registered with the simulated account so the
 * API accepts them, and answer 401/124 once expired on the simulator's clock.
 */
export class SimOAuth {
  /** Token lifetime in seconds (tests may change it between requests). */
  lifetimeSeconds: number;
  errorStyle: 'code' | 'reason';
  revokePreviousTokens: boolean;
  private readonly apps = new Map<string, SimOAuthApp>();
  private readonly issuedTokens: SimIssuedToken[] = [];
  private requestCount = 0;

  constructor(
    private readonly state: SimulatorState,
    private readonly clock: Clock,
    options: SimOAuthOptions & { apps: readonly SimOAuthApp[] },
  ) {
    this.lifetimeSeconds = options.tokenLifetimeSeconds ?? 3599;
    this.errorStyle = options.errorStyle ?? 'code';
    this.revokePreviousTokens = options.revokePreviousTokens ?? false;
    for (const app of options.apps) this.addApp(app);
  }

  /** How many requests reached the token endpoint (faulted ones included). */
  get tokenRequests(): number {
    return this.requestCount;
  }

  /** Every token issued, oldest first. */
  get issued(): readonly SimIssuedToken[] {
    return this.issuedTokens;
  }

  addApp(app: SimOAuthApp): void {
    this.apps.set(app.clientId, { ...app, scopes: [...app.scopes] });
  }

  /** Changes an app (e.g. disables it, or rotates its secret). */
  updateApp(clientId: string, patch: Partial<Omit<SimOAuthApp, 'clientId'>>): void {
    const app = this.apps.get(clientId);
    if (app === undefined) throw new Error(`no simulated OAuth app ${clientId}`);
    this.apps.set(clientId, { ...app, ...patch });
  }

  /** Counts a request to the token endpoint (the server calls it before faults apply). */
  countRequest(): void {
    this.requestCount += 1;
  }

  /** Answers one token request as Zoom would. */
  answer(request: { method: string; headers: IncomingHttpHeaders; body: Buffer }): SimAnswer {
    if (request.method !== 'POST') return textAnswer(405, 'Method Not Allowed');
    const basic = parseBasic(request.headers.authorization);
    const form = new URLSearchParams(
      (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')
        ? request.body.toString('utf8')
        : '',
    );
    const grant = form.get('grant_type');
    if (grant === null || grant === '') return this.refuse(REFUSALS.noGrant);
    if (grant !== 'account_credentials') return this.refuse(REFUSALS.badGrant);
    if (basic === null) return this.refuse(REFUSALS.noClient);
    const app = this.apps.get(basic.clientId);
    if (app === undefined) return this.refuse(REFUSALS.badClient);
    if (basic.clientSecret !== app.clientSecret) return this.refuse(REFUSALS.badSecret);
    if (app.disabled === true) return this.refuse(REFUSALS.disabled);
    const accountId = form.get('account_id');
    if (accountId === null || accountId === '') return this.refuse(REFUSALS.noAccount);
    if (accountId !== app.accountId) return this.refuse(REFUSALS.badAccount);
    return this.issue(app, request.headers.host);
  }

  private issue(app: SimOAuthApp, host: string | undefined): SimAnswer {
    if (this.revokePreviousTokens) {
      for (const earlier of this.issuedTokens)
        if (earlier.clientId === app.clientId) this.state.revokeToken(earlier.token);
    }
    const now = this.clock.now().getTime();
    const lifetime = app.lifetimeSeconds ?? this.lifetimeSeconds;
    const token = `sim-s2s.${randomBytes(24).toString('base64url')}`;
    const expiresAt = now + lifetime * 1000;
    this.state.addToken({
      token,
      accountId: app.accountId,
      userId: app.userId,
      scopes: app.scopes,
      expiresAt,
      ...(app.scopeErrorCode === undefined ? {} : { scopeErrorCode: app.scopeErrorCode }),
    });
    this.issuedTokens.push({
      token,
      clientId: app.clientId,
      accountId: app.accountId,
      scopes: [...app.scopes],
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
    });
    return {
      ...jsonAnswer(200, {
        access_token: token,
        token_type: 'bearer',
        expires_in: lifetime,
        scope: app.scopes.join(' '),
        api_url: host === undefined ? 'https://api.zoom.us' : `https://${host}`,
      }),
      applied: true,
    };
  }

  private refuse(r: Refusal): SimAnswer {
    const body =
      this.errorStyle === 'code' ? { code: r.code, message: r.message } : { reason: r.reason, error: r.error };
    return {
      status: r.status,
      headers: { 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(body),
      applied: false,
      zoomCode: this.errorStyle === 'code' ? r.code : null,
    };
  }
}

function parseBasic(header: string | undefined): { clientId: string; clientSecret: string } | null {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '')?.[1];
  if (encoded === undefined) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}
