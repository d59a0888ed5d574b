import type { BulkMethod, BulkPreview, BulkRunStatus } from '../../shared/ipc/bulk-schemas';
import type { HandlerTable } from '../../electron/node/ipc/handler-table';

/* The bulk part of the dispatch tests' tables (test/unit/ipc-dispatch.test.ts). */

const RUN_ID = 'run-20261123-101500-abc123';

export const BULK_PREVIEW: BulkPreview = {
  importId: 'import-1',
  fileName: 'users.csv',
  delimiter: ',',
  hasHeader: true,
  columns: ['email', 'password'],
  userColumn: 0,
  passwordColumn: null,
  counts: { rows: 1, included: 1, excluded: 0, withPassword: 0, withoutPassword: 1 },
  policy: { source: 'basic', reason: null },
  rows: [{ index: 1, line: 2, user: 'ana@example.com', hasPassword: false, problems: [], included: true }],
  message: null,
};

export const BULK_STATUS: BulkRunStatus = {
  runId: RUN_ID,
  state: 'finished',
  dryRun: false,
  account: 'Acme',
  fileName: 'users.csv',
  createdAt: '2026-11-23T10:15:00.000Z',
  finishedAt: '2026-11-23T10:15:01.000Z',
  counts: { total: 1, done: 1, updated: 1, failed: 0, remaining: 0, unknown: 0, eligible: 0, ineligible: 0 },
  ratePerSecond: 1,
  limitPerSecond: 20,
  etaSeconds: null,
  resumeAt: null,
  passwordsFile: null,
  rows: [{ index: 1, user: 'ana@example.com', state: 'updated', outcome: 'updated', attempts: 1 }],
  message: 'Finished.',
};

const RATE = { account: 'Acme', perSecond: 20, perDay: null, plan: null, source: 'default' } as const;

export const BULK_HANDLERS: Pick<HandlerTable, BulkMethod> = {
  openBulkFile: async () => BULK_PREVIEW,
  setBulkColumns: async () => BULK_PREVIEW,
  startBulkRun: async () => ({ runId: RUN_ID }),
  getBulkRun: async () => BULK_STATUS,
  pauseBulkRun: async () => BULK_STATUS,
  resumeBulkRun: async () => BULK_STATUS,
  cancelBulkRun: async () => BULK_STATUS,
  listBulkRuns: async () => ({ runs: [] }),
  rerunFailedRows: async () => ({ runId: RUN_ID }),
  exportBulkResults: async () => ({ status: 'saved', rows: 1, file: '/home/ana/results.csv' }),
  getRateLimit: async () => RATE,
  setRateLimit: async () => RATE,
};

export const BULK_VALID: Record<BulkMethod, unknown> = {
  openBulkFile: undefined,
  setBulkColumns: { importId: 'import-1', userColumn: 0, passwordColumn: 1 },
  startBulkRun: { importId: 'import-1', generate: true, passwordsOut: true, rate: 10, concurrency: 4, reason: 'T-1' },
  getBulkRun: { runId: RUN_ID },
  pauseBulkRun: { runId: RUN_ID },
  resumeBulkRun: { runId: RUN_ID },
  cancelBulkRun: { runId: RUN_ID },
  listBulkRuns: undefined,
  rerunFailedRows: { runId: RUN_ID },
  exportBulkResults: { runId: RUN_ID },
  getRateLimit: { account: 'Acme' },
  setRateLimit: { perSecond: 10, perDay: 1000, plan: 'pro' },
};

/** Payloads every bulk method must refuse, on top of the common ones. */
export function bulkBadPayloads(
  commonBad: [string, unknown][],
  noPayload: [string, unknown][],
  huge: string,
  password: string,
): Record<BulkMethod, [string, unknown][]> {
  const runRef: [string, unknown][] = [
    ...commonBad,
    ['nothing', undefined],
    ['no run id', {}],
    ['an empty run id', { runId: '' }],
    ['a huge run id', { runId: huge }],
    ['a file path from the renderer', { runId: RUN_ID, file: '/etc/passwd' }],
  ];
  return {
    openBulkFile: noPayload,
    listBulkRuns: noPayload,
    setBulkColumns: [
      ...commonBad,
      ['nothing', undefined],
      ['a negative column', { importId: 'import-1', userColumn: -1, passwordColumn: null }],
      ['a fractional column', { importId: 'import-1', userColumn: 0.5, passwordColumn: null }],
      ['no import', { userColumn: 0, passwordColumn: null }],
      ['a file path', { importId: 'import-1', userColumn: 0, passwordColumn: null, file: '/etc/passwd' }],
    ],
    startBulkRun: [
      ...commonBad,
      ['nothing', undefined],
      ['no import', { generate: true }],
      ['generate as a string', { importId: 'import-1', generate: 'yes' }],
      ['a zero rate', { importId: 'import-1', generate: true, rate: 0 }],
      ['a huge concurrency', { importId: 'import-1', generate: true, concurrency: 10_000 }],
      ['a passwords file path', { importId: 'import-1', generate: true, passwordsOut: '/tmp/p.csv' }],
      ['a password', { importId: 'import-1', generate: false, password }],
      ['a huge reason', { importId: 'import-1', generate: true, reason: huge }],
    ],
    getBulkRun: runRef,
    pauseBulkRun: runRef,
    resumeBulkRun: runRef,
    cancelBulkRun: runRef,
    rerunFailedRows: runRef,
    exportBulkResults: runRef,
    getRateLimit: [
      ...commonBad.filter(([name]) => name !== 'a nested object'),
      ['nothing', undefined],
      ['an extra key', { perSecond: 5 }],
    ],
    setRateLimit: [
      ...commonBad,
      ['nothing', undefined],
      ['no rate', {}],
      ['a zero rate', { perSecond: 0 }],
      ['a negative rate', { perSecond: -1 }],
      ['an unknown plan', { perSecond: null, plan: 'enterprise-plus' }],
      ['a fractional daily limit', { perSecond: 2, perDay: 1.5 }],
    ],
  };
}
