// One fresh process opening the history, as the app or zpa does at start: prints the times as JSON.
import { performance } from 'node:perf_hooks';
import { HistoryStore } from '../../electron/node/history/history-store';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: history-open-child.ts <dataDir>');
const t0 = performance.now();
const store = HistoryStore.open({ dataDir });
const page = store.list({});
const t1 = performance.now();
const notices = store.notices.length;
process.stdout.write(
  `${JSON.stringify({ openMs: t1 - t0, total: page.total, first: page.entries.length, notices })}\n`,
);
