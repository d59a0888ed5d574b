import { EXPIRED_TOKEN, NO_SCOPE_TOKEN, SAMPLE, SAMPLE_USERS } from '../simulator/sample-users';
import type { SimRequestRecord } from '../simulator/zoom-simulator';
import { test, expect } from './harness';
import { changeForm, changePassword, sendAnyway } from './locators';

test.beforeEach(async ({ app }) => {
  await app.storeToken();
  await app.open();
});

// GET /users lists active users only (Zoom's default), as the simulator does.
const ACTIVE_USERS = SAMPLE_USERS.filter((u) => (u.status ?? 'active') === 'active').length;

const changes = (calls: { channel: string }[]) => calls.filter((c) => c.channel === 'password:change');

// The simulator lives as long as the worker: each test looks only at the requests made since it started.
let firstRequest = 0;
test.beforeEach(({ app }) => {
  firstRequest = app.sim.requests.length;
});
const requestsSince = (sim: { requests: readonly SimRequestRecord[] }) => sim.requests.slice(firstRequest);

test('a typed user is looked up and shown on a confirmation card', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);
  const card = page.getByTestId('user-card');

  await form.user.pressSequentially(SAMPLE.memberEmail, { delay: 15 });
  await expect(card).toHaveAttribute('data-status', 'found');
  await expect(card.locator('[data-field="user-name"]')).toHaveText('Priya Patel');
  await expect(card.locator('[data-field="user-email"]')).toHaveText(SAMPLE.memberEmail);
  await expect(card.locator('[data-field="user-type"]')).toHaveText('Licensed');
  await expect(card.locator('[data-field="user-status"]')).toHaveText('Active');
  await expect(card.locator('[data-field="user-role"]')).toHaveText('Member');
  await expect(card.locator('[data-field="user-login"]')).toHaveText('Zoom work e-mail and password');
  await expect(card.locator('[data-field="user-id"]')).toHaveText(SAMPLE.member);
  await expect(card.getByTestId('eligibility')).toHaveAttribute('data-eligible', 'true');
  await expect(card.getByTestId('eligibility')).toHaveText('Zoom lets an admin set this user’s password.');
  await app.screenshot('user-card', { small: true });

  // Typing on replaces the card: an address nobody has is said so, with the change blocked.
  await form.user.fill(SAMPLE.unknownEmail);
  await expect(card).toHaveAttribute('data-status', 'not_found');
  await expect(card).toContainText('No such user in Zoom');
  await expect(card.getByRole('button', { name: 'Send anyway' })).toBeDisabled();
  const password = app.newPassword();
  await form.password.fill(password);
  await form.confirmation.fill(password);
  await expect(form.submit).toBeDisabled();
  await expect(card.getByRole('button', { name: 'Send anyway' })).toBeEnabled();
  await app.screenshot('user-card-not-found');

  // Only values the typing paused on are looked up, not one per key (a slow machine may pause once or twice).
  const lookups = requestsSince(app.sim)
    .filter((r) => r.method === 'GET' && r.user !== null)
    .map((r) => r.user);
  expect(lookups.length).toBeLessThanOrEqual(4);
  expect(lookups.slice(-2)).toEqual([SAMPLE.memberEmail, SAMPLE.unknownEmail]);
  expect(changes(app.calls)).toHaveLength(0);
});

test('an SSO-only user is blocked with the reason, and nothing is sent until "Send anyway"', async ({ app }) => {
  const { page, sim } = app;
  const form = changeForm(page);
  const card = page.getByTestId('user-card');
  const hint = page.locator('#change-hint');

  await changePassword(page, SAMPLE.sso, app.newPassword());
  const block = card.getByTestId('eligibility');
  await expect(block).toHaveAttribute('data-eligible', 'false');
  await expect(block).toContainText('Zoom would refuse this change');
  await expect(block).toContainText('signs in only with SSO (single sign-on)');
  await expect(block).toContainText('code 1123');
  await expect(card.locator('[data-field="user-login"]')).toHaveText('SSO (single sign-on)');
  await expect(form.submit).toBeDisabled();
  await expect(hint).toContainText('Zoom would refuse this change');
  // Enter (pressed by changePassword) did nothing: no request reached main, nor Zoom.
  expect(changes(app.calls)).toHaveLength(0);
  expect(requestsSince(sim).filter((r) => r.method === 'PUT')).toHaveLength(0);
  await app.screenshot('eligibility-sso', { small: true });

  // The explicit way past the lookup: sent with force, and Zoom has the last word.
  await sendAnyway(page);
  await expect(form.result).toHaveAttribute('data-outcome', 'rejected');
  await expect(form.result.locator('[data-field="zoom-code"]')).toHaveText('1123');
  expect(changes(app.calls)).toHaveLength(1);
  expect(requestsSince(sim).filter((r) => r.method === 'PUT')).toHaveLength(1);
});

test('an admin is blocked before sending; "Send anyway" is recorded like any change', async ({ app }) => {
  const { page, core } = app;
  const form = changeForm(page);
  const card = page.getByTestId('user-card');

  await changePassword(page, SAMPLE.admin, app.newPassword());
  await expect(card.locator('[data-field="user-role"]')).toHaveText('Admin');
  await expect(card.getByTestId('eligibility')).toContainText('Marcus Reed is the account admin');
  await expect(card.getByTestId('eligibility')).toContainText('code 1117');
  await expect(form.submit).toBeDisabled();
  expect(core.history.list({}).total).toBe(0);

  await sendAnyway(page);
  await expect(form.result).toHaveAttribute('data-outcome', 'rejected');
  await expect(form.result.locator('[data-field="zoom-code"]')).toHaveText('1117');
  const entries = core.history.list({}).entries;
  expect(entries).toHaveLength(1);
  expect(entries[0]?.outcome).toBe('rejected');
});

test('pending and deactivated users are blocked with what to do instead', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);
  const card = page.getByTestId('user-card');

  const inactive = SAMPLE_USERS.find((u) => u.status === 'inactive');
  await form.user.fill(inactive?.email ?? 'missing');
  await expect(card.locator('[data-field="user-status"]')).toHaveText('Inactive');
  await expect(card.getByTestId('eligibility')).toContainText('is deactivated');

  // A pending user whose invitation expired: Zoom answers as if there were no such user.
  await form.user.fill(SAMPLE.pendingExpired);
  await expect(card).toHaveAttribute('data-status', 'not_found');
  await expect(card.getByTestId('eligibility')).toContainText('Zoom would answer that there is no such user');
});

test('Browse users: search, keyboard, "as of" and Refresh; the pick is looked up', async ({ app }) => {
  const { page, sim } = app;
  const form = changeForm(page);
  const listRequests = () => requestsSince(sim).filter((r) => r.method === 'GET' && r.path.endsWith('/users')).length;

  await page.getByRole('button', { name: 'Browse users…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Browse users' });
  const search = dialog.getByRole('combobox', { name: 'Search users' });
  const options = dialog.getByRole('listbox', { name: 'Users' }).getByRole('option');
  await expect(search).toBeFocused();
  await expect(dialog.getByTestId('directory-status')).toContainText(`${ACTIVE_USERS} users · as of`);
  await expect(options.first()).toBeVisible();
  await app.screenshot('browse-users', { small: true });

  // Filtered locally, by name, e-mail or id.
  await search.fill('northwind.example');
  await expect(options).toHaveCount(ACTIVE_USERS);
  await search.fill('pat');
  await expect(dialog.getByTestId('directory-status')).toContainText(`1 of ${ACTIVE_USERS} users match`);
  await expect(options).toHaveCount(1);
  await search.fill('zz-nobody');
  await expect(dialog.getByRole('heading', { name: 'No user matches' })).toBeVisible();
  await app.screenshot('browse-users-no-match');

  // The list came from Zoom once; Refresh fetches it again.
  const before = listRequests();
  expect(before).toBeGreaterThan(0);
  await search.fill('');
  await dialog.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(listRequests).toBeGreaterThan(before);
  await expect(dialog.getByTestId('directory-status')).toContainText(`${ACTIVE_USERS} users · as of`);

  // Arrow keys move, Enter picks; focus moves on to the password.
  await search.fill('a');
  await search.press('ArrowDown');
  await search.press('ArrowDown');
  await search.press('ArrowUp');
  const active = options.and(dialog.locator('[aria-selected="true"]'));
  await expect(active).toHaveCount(1);
  const picked = (await active.locator('.directory-email').textContent()) ?? '';
  await search.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(form.user).toHaveValue(picked);
  await expect(form.password).toBeFocused();
  await expect(page.getByTestId('user-card').locator('[data-field="user-email"]')).toHaveText(picked);

  // Escape closes without picking; Alt+B opens it from the keyboard.
  await form.user.focus();
  await page.keyboard.press('Alt+b');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(form.user).toHaveValue(picked);
});

test('recent users show the name and e-mail learned from lookups', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);
  await changePassword(page, SAMPLE.member, app.newPassword());
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');

  await form.user.fill('');
  await form.user.press('ArrowDown');
  const option = page.getByRole('listbox', { name: 'Recent users' }).getByRole('option');
  await expect(option).toHaveCount(1);
  await expect(option).toContainText('Priya Patel');
  await expect(option).toContainText(SAMPLE.memberEmail);
  // Found by name too.
  await form.user.fill('priya');
  await expect(option).toHaveCount(1);
  await app.screenshot('recent-users-named');
});

test('when Zoom will not answer, the card and Browse say why, and nothing is blocked', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);

  // A token without the list scope: Browse explains instead of showing an empty list.
  await app.storeToken(NO_SCOPE_TOKEN);
  await page.getByRole('button', { name: 'Browse users…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Browse users' });
  const refusal = dialog.getByRole('alert').filter({ hasText: 'The users could not be listed' });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole('button', { name: 'Try again' })).toBeVisible();
  await app.screenshot('browse-users-error');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // An expired token: the lookup cannot say, so the change is left to Zoom.
  await app.storeToken(EXPIRED_TOKEN);
  const password = app.newPassword();
  await form.user.fill(SAMPLE.memberEmail);
  await form.password.fill(password);
  await form.confirmation.fill(password);
  const card = page.getByTestId('user-card');
  await expect(card).toHaveAttribute('data-status', 'unavailable');
  await expect(card).toContainText('You can still send the change');
  await expect(form.submit).toBeEnabled();
  await app.screenshot('user-card-unavailable');
});
