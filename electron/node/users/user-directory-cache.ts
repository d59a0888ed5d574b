import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { zoomUserViewSchema, type ZoomUserView } from '../../../shared/domain/users';

/** The folder (in the data folder) holding one cached user list per account. */
export const USER_CACHE_DIR = 'user-cache';

/** What is cached for an account: its active users as GET /users listed them. No secrets. */
export interface CachedDirectory {
  accountId: string;
  fetchedAt: string;
  users: ZoomUserView[];
}

const cacheFileSchema = z.object({
  version: z.literal(1),
  accountId: z.string(),
  fetchedAt: z.string(),
  users: z.array(zoomUserViewSchema),
});

/**
 * The account's user list on disk, so the directory opens at once after a restart (with its "as of"
 * time). A missing or unreadable file is simply no cache: the list is fetched again.
 */
export class UserDirectoryCache {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, USER_CACHE_DIR);
  }

  /** The cached list of an account; null when none is cached or the file cannot be read. */
  read(accountId: string): CachedDirectory | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file(accountId), 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = cacheFileSchema.safeParse(JSON.parse(text));
      if (!parsed.success || parsed.data.accountId !== accountId) return null;
      return { accountId, fetchedAt: parsed.data.fetchedAt, users: parsed.data.users };
    } catch {
      return null;
    }
  }

  /** Replaces the account's cached list (written to a temporary file, then renamed over the old one). */
  write(entry: CachedDirectory): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const target = this.file(entry.accountId);
    const tmp = `${target}.${randomUUID()}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify({ version: 1, ...entry }), { mode: 0o600 });
      fs.renameSync(tmp, target);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
  }

  /** Forgets an account's cached list. */
  remove(accountId: string): void {
    fs.rmSync(this.file(accountId), { force: true });
  }

  private file(accountId: string): string {
    // Account ids are [A-Za-z0-9_-]; anything else is encoded so a name can never leave the folder.
    return path.join(this.dir, `${encodeURIComponent(accountId)}.json`);
  }
}
