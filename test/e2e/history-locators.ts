import type { Page } from '@playwright/test';
import { IPC_CHANNELS } from '../../shared/ipc/channels';

export const HISTORY_CHANNELS = { list: IPC_CHANNELS.listHistory } as const;

/** The review screen's controls, found the way a user (or a screen reader) finds them. */
export function historyLocators(page: Page) {
  const grid = page.getByRole('grid', { name: /Request history/ });
  return {
    grid,
    count: page.getByTestId('history-count'),
    search: page.getByRole('searchbox', { name: 'Search history' }),
    user: page.getByRole('searchbox', { name: 'Filter by user' }),
    account: page.getByLabel('Account', { exact: true }),
    outcome: page.getByRole('combobox', { name: 'Outcome' }),
    from: page.getByLabel('From', { exact: true }),
    to: page.getByLabel('To', { exact: true }),
    clear: page.getByRole('button', { name: 'Clear filters' }),
    exportCsv: page.getByRole('button', { name: 'Export CSV' }),
    exportJson: page.getByRole('button', { name: 'Export JSON' }),
    verify: page.getByRole('button', { name: /^Verify history|^Verifying/ }),
    timeHeader: grid.getByRole('columnheader', { name: /^Time/ }),
    selected: grid.locator('[role="row"][aria-selected="true"]'),
    details: page.getByTestId('history-details'),
  };
}

/** The entry rows in the DOM (those in view, plus overscan), in display order. */
export function historyRows(page: Page) {
  return page.getByRole('grid', { name: /Request history/ }).locator('[role="row"][data-entry-id]');
}

/** The ids of the first `n` rows shown. */
export async function listedIds(page: Page, n: number): Promise<string[]> {
  const ids = await historyRows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id') ?? ''));
  return ids.slice(0, n);
}
