import type { RunHeader } from '../../electron/node/bulk/bulk-journal';

/**
 * A journal header for a run over `users` (account "Acme", generated passwords, concurrency 2, no passwords
 * file); `over` changes any other field.
 */
export function testRunHeader(
  runId: string,
  users: readonly string[],
  over: Partial<Omit<RunHeader, 'runId' | 'rows'>> & { own?: boolean } = {},
): RunHeader {
  const { own = false, ...fields } = over;
  return {
    t: 'run',
    v: 1,
    runId,
    createdAt: new Date().toISOString(),
    account: { id: 'acct1', name: 'Acme' },
    file: { path: '/nowhere.csv', name: 'users.csv', sha256: '0'.repeat(64) },
    columns: { user: 0, password: null },
    generate: !own,
    dryRun: false,
    reason: null,
    rate: null,
    concurrency: 2,
    passwordsOut: null,
    rerunOf: null,
    ...fields,
    rows: users.map((user, i) => ({ i: i + 1, user, own })),
  };
}
