import type { Transport, TransportRequest, TransportResponse } from '../ports';
import { toTransportError } from './node-fetch-errors';
import { REQUEST_ID_HEADER, beginTracking, endTracking, ensureSendTracking, trackingState } from './send-tracker';

/**
 * The plain-Node transport: global fetch (undici), redirects not followed, an explicit timeout.
 * Whether a failed request was sent is read from undici's diagnostics channel, which is what
 * separates `failed` (certainly not applied) from `unknown` (may have been applied).
 */
export function createNodeTransport(o: { fetch?: typeof fetch } = {}): Transport {
  ensureSendTracking();
  const customFetch = o.fetch;
  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      const doFetch = customFetch ?? globalThis.fetch;
      const signal = AbortSignal.timeout(request.timeoutMs);
      beginTracking(request.requestId);
      let stage: 'request' | 'body' = 'request';
      try {
        const response = await doFetch(request.url, {
          method: request.method,
          headers: { ...request.headers, [REQUEST_ID_HEADER]: request.requestId },
          body: request.body,
          redirect: 'manual',
          signal,
        });
        stage = 'body';
        const text = await response.text();
        return { status: response.status, headers: response.headers, text };
      } catch (error) {
        const state = trackingState(request.requestId);
        // Once headers are back the request certainly arrived; before that, trust undici's events
        // (when it reported creating the request, or when it is the fetch we know publishes them).
        const sent = stage === 'body' || state.sent ? true : state.created || customFetch === undefined ? false : null;
        throw toTransportError(error, sent, signal.aborted);
      } finally {
        endTracking(request.requestId);
      }
    },
  };
}
