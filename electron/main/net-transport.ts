import { TransportError, type Transport, type TransportRequest, type TransportResponse } from '../node/ports';
import { classifyChromiumNetError } from '../node/zoom/chromium-net-errors';
import { REQUEST_ID_HEADER } from '../node/zoom/send-tracker';

/** The shape of Electron's `net.fetch` that the transport uses; injected so this file stays plain Node. */
export type NetFetch = (url: string, init: RequestInit) => Promise<Response>;

function chromiumCode(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Only the net::ERR_* code is kept: the rest of a message could quote the request.
  return /\b(ERR_[A-Z0-9_]+)\b/.exec(message)?.[1] ?? (error instanceof Error ? error.name : typeof error);
}

/**
 * Turns a net.fetch failure into a TransportError. Chromium says what went wrong but not whether
 * the request went out; once response headers have arrived (`stage` 'body') it certainly did.
 */
export function toNetTransportError(error: unknown, stage: 'request' | 'body', timedOut: boolean): TransportError {
  const code = chromiumCode(error);
  if (timedOut) {
    return new TransportError(
      'timeout',
      stage === 'body' ? true : null,
      `${stage === 'body' ? 'timed out while reading the answer' : 'timed out waiting for an answer'} (${code})`,
    );
  }
  const { kind, sent } = classifyChromiumNetError(code);
  if (stage === 'body') return new TransportError('connection_lost', true, `connection lost while reading (${code})`);
  return new TransportError(kind, sent, `${kind.replace(/_/g, ' ')} (${code})`);
}

/**
 * The Electron transport: Chromium's network stack through `net.fetch`, so the system proxy and
 * certificate store apply. Redirects are not followed, the timeout is explicit, cookies are not sent.
 */
export function createNetTransport(netFetch: NetFetch): Transport {
  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      const signal = AbortSignal.timeout(request.timeoutMs);
      let stage: 'request' | 'body' = 'request';
      try {
        const response = await netFetch(request.url, {
          method: request.method,
          headers: { ...request.headers, [REQUEST_ID_HEADER]: request.requestId },
          ...(request.body === undefined ? {} : { body: request.body }),
          redirect: 'manual',
          credentials: 'omit',
          signal,
        });
        stage = 'body';
        const text = await response.text();
        return { status: response.status, headers: response.headers, text };
      } catch (error) {
        if (error instanceof TransportError) throw error;
        throw toNetTransportError(error, stage, signal.aborted);
      }
    },
  };
}
