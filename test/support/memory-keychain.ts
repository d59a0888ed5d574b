import type { Keychain } from '../../electron/node/ports';

type Operation = 'get' | 'set' | 'delete';

/**
 * An in-memory Keychain for unit tests, keytar-shaped. `failWith` makes the next calls reject with
 * the given error (e.g. the real messages libsecret gives), to test how failures are reported.
 */
export class MemoryKeychain implements Keychain {
  readonly entries = new Map<string, string>();
  readonly calls: { op: Operation; service: string; account: string }[] = [];
  private failure: Error | null = null;

  failWith(error: Error | null): this {
    this.failure = error;
    return this;
  }

  async getPassword(service: string, account: string): Promise<string | null> {
    this.record('get', service, account);
    return this.entries.get(key(service, account)) ?? null;
  }

  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.record('set', service, account);
    this.entries.set(key(service, account), password);
  }

  async deletePassword(service: string, account: string): Promise<boolean> {
    this.record('delete', service, account);
    return this.entries.delete(key(service, account));
  }

  private record(op: Operation, service: string, account: string): void {
    this.calls.push({ op, service, account });
    if (this.failure) throw this.failure;
  }
}

function key(service: string, account: string): string {
  return `${service}\u0000${account}`;
}
