import { AppError } from '../../../shared/domain/errors';
import { checkUserId } from '../../../shared/domain/user-id';
import type { UserDirectoryPage, UserLookup, ZoomUserView } from '../../../shared/domain/users';
import type { ListUsersRequest } from '../../../shared/ipc/users-schemas';
import type { Account } from '../accounts/account-types';
import { systemClock, type Clock } from '../ports';
import type { RecentUsers } from '../recent-users';
import { getUser, listUsers } from '../zoom/zoom-reads';
import { readWithAccount, type AccountReadDeps, type AccountReadFailure, type AccountReadResult } from './account-read';
import { eligibility } from './eligibility';
import type { UserDirectoryCache } from './user-directory-cache';
import { toUserView } from './user-view';
import type { ZoomUserPage } from './zoom-user';

export interface UsersServiceOptions extends AccountReadDeps {
  cache: UserDirectoryCache;
  recentUsers: Pick<RecentUsers, 'learn'>;
}

/** Users fetched per GET /users page (Zoom allows up to 2000). */
export const DIRECTORY_PAGE_SIZE = 1000;
/** Stops a server that keeps sending page tokens (a million users is far beyond any account). */
const MAX_DIRECTORY_PAGES = 1000;
/** Directory users returned by one list() call unless asked otherwise. */
export const DEFAULT_DIRECTORY_LIMIT = 200;

const SCOPE_CODES: ReadonlySet<number> = new Set([4700, 4711]);
const NOT_FOUND_CODE = 1001;
const INVITATION_EXPIRED_CODE = 1120;

/**
 * Finding the right user before a change: GET /users/{id} with eligibility in plain words, and the
 * account's user list (all pages, cached per account in memory and in the data folder, filtered here
 * because Zoom has no search parameter).
 */
export class UsersService {
  private readonly o: UsersServiceOptions;
  private readonly clock: Clock;
  private readonly memory = new Map<string, { fetchedAt: string; users: ZoomUserView[] }>();
  private readonly inflight = new Map<string, Promise<{ fetchedAt: string; users: ZoomUserView[] }>>();

  constructor(o: UsersServiceOptions) {
    this.o = o;
    this.clock = o.clock ?? systemClock;
  }

  /**
   * Looks `user` up in `account` (the active one when absent). Never throws for Zoom's answers or the
   * network (those are `not_found` or `unavailable`); throws AppError invalid_input (field 'user') for
   * something that cannot be a user, and for an account name that does not exist (field 'account').
   */
  async lookup(r: { user: string; account?: string }): Promise<UserLookup> {
    const checked = checkUserId(r.user);
    if (!checked.ok) throw new AppError('invalid_input', checked.reason, { field: 'user' });
    const query = checked.value;
    const asOf = (): string => this.clock.now().toISOString();
    let account: Account;
    try {
      account = await this.o.accounts.resolve(r.account);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'no_token' || error.code === 'keychain_unavailable')) {
        return {
          status: 'unavailable',
          query,
          account: r.account ?? '',
          asOf: asOf(),
          reason: error.message,
          ...(error.action === undefined ? {} : { action: error.action }),
          cause: error.code === 'no_token' ? 'no_account' : 'token',
        };
      }
      throw error;
    }
    const answer = await readWithAccount(this.o, account, (ctx, token) => getUser(ctx, token, query));
    if (answer.ok) {
      const user = toUserView(answer.value);
      try {
        this.o.recentUsers.learn(query, { name: user.displayName, email: user.email });
      } catch {
        // Settings trouble must not hide who the user is.
      }
      return {
        status: 'found',
        query,
        account: account.name,
        asOf: asOf(),
        user,
        eligibility: eligibility(answer.value, { self: checked.kind === 'me' }),
        trackingId: answer.trackingId,
      };
    }
    const code = answer.problem.failure?.zoomCode ?? null;
    if (code === NOT_FOUND_CODE || (code === null && answer.problem.failure?.httpStatus === 404)) {
      return {
        status: 'not_found',
        query,
        account: account.name,
        asOf: asOf(),
        reason: `No user "${query}" in the account "${account.name}". Check the spelling, or look for the user in the account's user list.`,
      };
    }
    if (code === INVITATION_EXPIRED_CODE) {
      return {
        status: 'not_found',
        query,
        account: account.name,
        asOf: asOf(),
        reason: `"${query}" was invited to the account "${account.name}" but the invitation expired, so there is no password to change. Invite the user again.`,
      };
    }
    return {
      status: 'unavailable',
      query,
      account: account.name,
      asOf: asOf(),
      reason: `Could not look the user up: ${answer.problem.message}`,
      ...(answer.problem.action === undefined ? {} : { action: answer.problem.action }),
      cause: lookupCause(answer.problem),
    };
  }

  /**
   * One page of the account's active users matching `search` (case-insensitive, over name, e-mail and
   * id), from the cached list; fetched from Zoom (every page) when there is none or `refresh` is set.
   * Throws AppError token_refused / zoom_read_failed / no_token when the list cannot be fetched.
   */
  async list(r: ListUsersRequest = {}): Promise<UserDirectoryPage> {
    const account = await this.o.accounts.resolve(r.account);
    let directory = r.refresh === true ? undefined : this.cached(account.id);
    directory ??= await this.fetchAll(account);
    const needle = (r.search ?? '').trim().toLowerCase();
    const matching =
      needle === ''
        ? directory.users
        : directory.users.filter((u) =>
            [u.displayName, u.firstName, u.lastName, u.email, u.id].some((v) => v.toLowerCase().includes(needle)),
          );
    const offset = r.offset ?? 0;
    const limit = r.limit ?? DEFAULT_DIRECTORY_LIMIT;
    return {
      account: account.name,
      asOf: directory.fetchedAt,
      total: directory.users.length,
      matched: matching.length,
      offset,
      users: matching.slice(offset, offset + limit),
    };
  }

  /** Forgets an account's cached list (memory and disk), e.g. when the account is removed. */
  forget(accountId: string): void {
    this.memory.delete(accountId);
    this.o.cache.remove(accountId);
  }

  private cached(accountId: string): { fetchedAt: string; users: ZoomUserView[] } | undefined {
    const inMemory = this.memory.get(accountId);
    if (inMemory !== undefined) return inMemory;
    const onDisk = this.o.cache.read(accountId);
    if (onDisk === null) return undefined;
    const entry = { fetchedAt: onDisk.fetchedAt, users: onDisk.users };
    this.memory.set(accountId, entry);
    return entry;
  }

  private fetchAll(account: Account): Promise<{ fetchedAt: string; users: ZoomUserView[] }> {
    // Two screens asking at once share one fetch: the list is paged and can be long.
    let running = this.inflight.get(account.id);
    if (running === undefined) {
      running = this.fetchPages(account).finally(() => this.inflight.delete(account.id));
      this.inflight.set(account.id, running);
    }
    return running;
  }

  private async fetchPages(account: Account): Promise<{ fetchedAt: string; users: ZoomUserView[] }> {
    const fetchedAt = this.clock.now().toISOString();
    const users: ZoomUserView[] = [];
    const seen = new Set<string>();
    let nextPageToken: string | null = null;
    for (let page = 0; page < MAX_DIRECTORY_PAGES; page += 1) {
      const token: string | null = nextPageToken;
      const answer: AccountReadResult<ZoomUserPage> = await readWithAccount(this.o, account, (ctx, bearer) =>
        listUsers(ctx, bearer, { pageSize: DIRECTORY_PAGE_SIZE, nextPageToken: token }),
      );
      if (!answer.ok) throw listError(account, answer.problem);
      for (const user of answer.value.users) {
        // Pages can overlap when users are added while paging; each user is listed once.
        if (seen.has(user.id)) continue;
        seen.add(user.id);
        users.push(toUserView(user));
      }
      nextPageToken = answer.value.nextPageToken;
      if (nextPageToken === null) break;
    }
    users.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.email.localeCompare(b.email));
    const entry = { fetchedAt, users };
    this.memory.set(account.id, entry);
    try {
      this.o.cache.write({ accountId: account.id, ...entry });
    } catch {
      // The list is in memory; a full disk only costs a fetch after the next start.
    }
    return entry;
  }
}

function lookupCause(problem: AccountReadFailure): 'token' | 'scope' | 'network' | 'zoom' {
  const failure = problem.failure;
  if (failure === null) return 'token';
  if (failure.zoomCode !== null && SCOPE_CODES.has(failure.zoomCode)) return 'scope';
  if (failure.outcome === 'unauthorized') return 'token';
  if (failure.httpStatus === null) return 'network';
  return 'zoom';
}

function listError(account: Account, problem: AccountReadFailure): AppError {
  const cause = lookupCause(problem);
  const message = `The user list of the account "${account.name}" could not be read: ${problem.message}`;
  const options = problem.action === undefined ? {} : { action: problem.action };
  if (cause === 'token' || cause === 'scope') return new AppError('token_refused', message, options);
  return new AppError('zoom_read_failed', message, options);
}
