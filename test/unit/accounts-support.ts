/** Helpers for the accounts and OAuth tests (not a test file itself). */
import type { Clock, KeyValueStore, Transport, TransportRequest, TransportResponse } from '../../electron/node/ports';
import { MemoryKeychain } from '../support/memory-keychain';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  private ms: number;

  constructor(start = '2026-06-01T09:00:00.000Z') {
    this.ms = Date.parse(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  text?: string;
}

/** A transport answering from a function (which may wait); every request is kept. */
export class FakeTransport implements Transport {
  readonly sent: TransportRequest[] = [];

  constructor(private readonly answer: (r: TransportRequest) => FakeAnswer | Promise<FakeAnswer>) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    this.sent.push(request);
    const a = await this.answer(request);
    const headers = new Map(Object.entries(a.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return { status: a.status, headers: { get: (n) => headers.get(n.toLowerCase()) ?? null }, text: a.text ?? '' };
  }
}

/** A token endpoint answer. */
export function tokenAnswer(o: { token: string; expiresIn?: number; scope?: string; apiUrl?: string }): FakeAnswer {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-zm-trackingid': 'v=2.0;rid=TOKEN' },
    text: JSON.stringify({
      access_token: o.token,
      token_type: 'bearer',
      expires_in: o.expiresIn ?? 3599,
      scope: o.scope ?? 'user:update:password:admin user:read:user:admin',
      api_url: o.apiUrl ?? 'https://api.zoom.us',
    }),
  };
}

/** An in-memory KeyValueStore that can be told to fail writes of some keys (to simulate a crash). */
export class MapStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  failSet: ((key: string) => boolean) | null = null;
  failDelete: ((key: string) => boolean) | null = null;

  get(key: string): unknown {
    const value = this.data.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  set(key: string, value: unknown): void {
    if (this.failSet?.(key)) throw new Error(`disk full while writing ${key}`);
    this.data.set(key, structuredClone(value));
  }

  delete(key: string): void {
    if (this.failDelete?.(key)) throw new Error(`disk full while deleting ${key}`);
    this.data.delete(key);
  }
}

type Op = 'get' | 'set' | 'delete';

/** A MemoryKeychain whose next call of one kind (optionally for one entry) fails once. */
export class FlakyKeychain extends MemoryKeychain {
  private planned: { op: Op; account?: string; error: Error }[] = [];

  failOnce(op: Op, error: Error, account?: string): this {
    this.planned.push({ op, error, ...(account === undefined ? {} : { account }) });
    return this;
  }

  override async getPassword(service: string, account: string): Promise<string | null> {
    this.maybeFail('get', account);
    return super.getPassword(service, account);
  }

  override async setPassword(service: string, account: string, password: string): Promise<void> {
    this.maybeFail('set', account);
    return super.setPassword(service, account, password);
  }

  override async deletePassword(service: string, account: string): Promise<boolean> {
    this.maybeFail('delete', account);
    return super.deletePassword(service, account);
  }

  /** Entry names (keytar "accounts") stored for a service. */
  names(service: string): string[] {
    return [...this.entries.keys()]
      .filter((k) => k.startsWith(`${service}\u0000`))
      .map((k) => k.slice(service.length + 1))
      .sort();
  }

  private maybeFail(op: Op, account: string): void {
    const index = this.planned.findIndex((p) => p.op === op && (p.account === undefined || p.account === account));
    if (index < 0) return;
    const [plan] = this.planned.splice(index, 1);
    if (plan) throw plan.error;
  }
}
