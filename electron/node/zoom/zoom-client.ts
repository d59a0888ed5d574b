import type { Outcome } from '../../../shared/domain/outcome';
import { systemClock, TransportError, type Clock, type Transport, type TransportResponse } from '../ports';
import { normaliseApiBase } from './api-base';
import { classifyResponse, classifyTransportError, type Classification } from './classify';
import { encodePasswordMultipart } from './multipart';

/** Everything known about one password-change request: what history records and the user sees. */
export interface PasswordChangeAttempt {
  outcome: Outcome;
  httpStatus: number | null;
  zoomCode: number | null;
  zoomMessage: string | null;
  /** Plain words: what happened and what to do. */
  message: string;
  trackingId: string | null;
  durationMs: number;
  retryAfterSeconds: number | null;
  rateLimitType: string | null;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Zoom's REST API, limited to what this app does. Every call ends in a classified attempt. */
export class ZoomClient {
  readonly apiBase: string;
  readonly timeoutMs: number;
  private readonly transport: Transport;
  private readonly clock: Clock;

  /** Throws AppError('invalid_input') for an API base that is not https (or loopback). */
  constructor(o: { transport: Transport; clock?: Clock; apiBase: string; timeoutMs?: number }) {
    this.transport = o.transport;
    this.clock = o.clock ?? systemClock;
    this.apiBase = normaliseApiBase(o.apiBase);
    const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError('timeoutMs must be a positive number');
    this.timeoutMs = timeoutMs;
  }

  /**
   * PUT {apiBase}/users/{userId}/password with the password as multipart/form-data.
   * Never throws for HTTP or network problems: they come back as an outcome. The token and the
   * password appear in no message.
   */
  async setPassword(a: {
    token: string;
    userId: string;
    password: string;
    requestId: string;
  }): Promise<PasswordChangeAttempt> {
    const started = this.clock.now().getTime();
    const { body, contentType } = await encodePasswordMultipart(a.password);
    let classification: Classification;
    let finished: Date;
    try {
      const response: TransportResponse = await this.transport.send({
        url: `${this.apiBase}/users/${encodeURIComponent(a.userId)}/password`,
        method: 'PUT',
        headers: {
          authorization: `Bearer ${a.token}`,
          'content-type': contentType,
          accept: 'application/json',
        },
        body,
        timeoutMs: this.timeoutMs,
        requestId: a.requestId,
      });
      finished = this.clock.now();
      classification = classifyResponse(response, finished);
    } catch (error) {
      finished = this.clock.now();
      // A transport that throws something else broke its contract; we cannot tell whether the
      // request left, so report it as possibly applied rather than as safely failed.
      const transportError =
        error instanceof TransportError ? error : new TransportError('network', null, 'unexpected transport error');
      classification = classifyTransportError(transportError);
    }
    const durationMs = Math.max(0, Math.round(finished.getTime() - started));
    return { ...classification, durationMs };
  }
}
