import { useCallback, useEffect, useRef, useState } from 'react';
import type { ZoomUserView } from '../../../shared/domain/users';
import { api, type UiError } from '../api/client';

/** Users fetched from main per call; the list is virtual, so only pages in view are asked for. */
export const DIRECTORY_PAGE_SIZE = 200;

interface DirectoryData {
  key: string;
  pages: ReadonlyMap<number, readonly ZoomUserView[]>;
  asOf: string | null;
  total: number;
  matched: number;
  error: UiError | null;
}

export interface UserDirectory {
  /** The answer being shown; it may belong to the previous search while the new one loads. */
  data: DirectoryData | null;
  /** The current search (or refresh) has not answered yet. */
  loading: boolean;
  /** The user at a position in the filtered list, if its page is loaded. */
  userAt: (index: number) => ZoomUserView | undefined;
  /** Loads the pages covering these positions (the rows in view). */
  ensureRange: (first: number, last: number) => void;
  /** Fetches the whole list from Zoom again. */
  refresh: () => void;
}

/**
 * The account's users as main caches them (fetched from Zoom once, filtered locally), page by page. A search or
 * a refresh that is overtaken by a newer one is dropped when it answers.
 */
export function useUserDirectory(account: string | undefined, search: string): UserDirectory {
  const [round, setRound] = useState(0);
  const [data, setData] = useState<DirectoryData | null>(null);
  const key = `${account ?? ''}\n${search}\n${round}`;
  const currentKey = useRef(key);
  const inFlight = useRef(new Set<string>());
  const refreshWanted = useRef(false);

  const loadPage = useCallback(
    (page: number, refresh: boolean) => {
      const id = `${key}\n${page}`;
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      const request = {
        ...(account === undefined ? {} : { account }),
        ...(search === '' ? {} : { search }),
        ...(refresh ? { refresh: true } : {}),
        offset: page * DIRECTORY_PAGE_SIZE,
        limit: DIRECTORY_PAGE_SIZE,
      };
      void api.listUsers(request).then((result) => {
        inFlight.current.delete(id);
        if (currentKey.current !== key) return;
        setData((prev) => {
          const base: DirectoryData =
            prev?.key === key ? prev : { key, pages: new Map(), asOf: null, total: 0, matched: 0, error: null };
          if (!result.ok) return { ...base, error: result.error };
          const pages = new Map(base.pages);
          pages.set(page, result.value.users);
          const { asOf, total, matched } = result.value;
          return { key, pages, asOf, total, matched, error: null };
        });
      });
    },
    [key, account, search],
  );

  useEffect(() => {
    currentKey.current = key;
    const refresh = refreshWanted.current;
    refreshWanted.current = false;
    loadPage(0, refresh);
  }, [key, loadPage]);

  const loading = data?.key !== key;
  const userAt = useCallback(
    (index: number) => data?.pages.get(Math.floor(index / DIRECTORY_PAGE_SIZE))?.[index % DIRECTORY_PAGE_SIZE],
    [data],
  );
  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (data?.key !== key || last < first) return;
      for (let page = Math.floor(first / DIRECTORY_PAGE_SIZE); page <= Math.floor(last / DIRECTORY_PAGE_SIZE); page++) {
        if (!data.pages.has(page)) loadPage(page, false);
      }
    },
    [data, key, loadPage],
  );
  const refresh = useCallback(() => {
    refreshWanted.current = true;
    setRound((n) => n + 1);
  }, []);
  return { data, loading, userAt, ensureRange, refresh };
}
