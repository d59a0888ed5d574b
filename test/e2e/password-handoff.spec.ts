import { SAMPLE } from '../simulator/sample-users';
import { test, expect } from './harness';
import { changeForm, changePassword } from './locators';

test.beforeEach(async ({ app }) => {
  await app.storeToken();
  await app.open();
});

test('after a change the new password can be copied once, and the clipboard is cleared', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);

  // A short clearing delay, set where the admin sets it.
  await page.keyboard.press('Control+3');
  const card = page.getByTestId('clipboard-card');
  const seconds = card.getByRole('textbox', { name: 'Clear the clipboard after' });
  await expect(seconds).toHaveValue('30');
  await seconds.fill('3');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByTestId('clipboard-saved')).toHaveText(
    'Saved: the clipboard is cleared 3 seconds after a copy.',
  );
  await page.keyboard.press('Control+1');

  const password = app.newPassword();
  await changePassword(page, SAMPLE.memberEmail, password);
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  await expect(form.result.getByTestId('result-advice')).toContainText(`Zoom e-mails ${SAMPLE.memberEmail}`);
  const handoff = form.result.getByTestId('handoff');
  const copy = handoff.getByRole('button', { name: 'Copy new password' });
  await expect(handoff.getByTestId('handoff-status')).toContainText('Can be copied once');
  expect(app.clipboard.writes).toEqual([]);

  await copy.click();
  await expect(handoff.getByRole('button', { name: 'Copied' })).toBeDisabled();
  await expect(handoff.getByTestId('handoff-status')).toContainText('The clipboard clears in');
  // Main wrote it to the clipboard; the renderer never saw it (the harness checks every IPC answer).
  expect(app.clipboard.text).toBe(password);
  await app.screenshot('handoff-copied', { small: true });

  // Once only: main has forgotten it.
  const again = await page.evaluate(
    (id) =>
      (window as unknown as { zpa: { copyNewPassword(r: object): Promise<unknown> } }).zpa.copyNewPassword({
        entryId: id,
      }),
    app.core.history.list({}).entries[0]?.id ?? 'missing',
  );
  expect(again).toMatchObject({ ok: false, error: { code: 'not_allowed' } });

  // Cleared after the delay, since it still held the password.
  await expect(handoff.getByTestId('handoff-status')).toContainText('The clipboard was cleared', {
    timeout: 8000,
  });
  await expect.poll(() => app.clipboard.text).toBe('');
  expect(app.clipboard.writes).toEqual([password, '']);
});

test('the clipboard is left alone when something else was copied meanwhile, or when set to never', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);
  await page.keyboard.press('Control+3');
  const card = page.getByTestId('clipboard-card');
  const seconds = card.getByRole('textbox', { name: 'Clear the clipboard after' });

  // Bad values are refused where they are typed.
  await seconds.fill('soon');
  await expect(card.getByRole('alert')).toContainText('whole number of seconds');
  await expect(card.getByRole('button', { name: 'Save' })).toBeDisabled();
  await seconds.fill('0');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByTestId('clipboard-saved')).toContainText('stay on the clipboard');
  await card.scrollIntoViewIfNeeded();
  await app.screenshot('settings-clipboard');
  await page.keyboard.press('Control+1');

  const password = app.newPassword();
  await changePassword(page, SAMPLE.member, password);
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  await form.result.getByRole('button', { name: 'Copy new password' }).click();
  await expect(form.result.getByTestId('handoff-status')).toContainText('It is not cleared automatically');
  expect(app.clipboard.text).toBe(password);
});

test('a reason or ticket is saved with the history entry and shown with the answer', async ({ app }) => {
  const { page, core } = app;
  const form = changeForm(page);
  await page.getByRole('textbox', { name: 'Reason or ticket (optional)' }).fill('  INC-4821 locked out  ');
  await changePassword(page, SAMPLE.memberEmail, app.newPassword());
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  await expect(form.result.locator('[data-field="reason"]')).toHaveText('INC-4821 locked out');
  expect(core.history.list({}).entries[0]?.reason).toBe('INC-4821 locked out');
  // The next change starts without the previous reason.
  await expect(page.getByRole('textbox', { name: 'Reason or ticket (optional)' })).toHaveValue('');
});

test('an unknown outcome can be checked: the same password once more settles it', async ({ app }) => {
  const { page, sim, core } = app;
  const form = changeForm(page);
  const password = app.newPassword();
  sim.faults.add({ match: { userId: SAMPLE.plusEmail, method: 'PUT' }, fault: { kind: 'reset-after-apply' } });
  await changePassword(page, SAMPLE.plusEmail, password);
  await expect(form.result).toHaveAttribute('data-outcome', 'unknown');
  const check = form.result.getByTestId('check-panel');
  await expect(check).toContainText('Check sends the same password once more');
  // The password is still held by this screen: nothing to retype.
  await expect(check.getByLabel('The password you sent', { exact: true })).toHaveCount(0);
  await app.screenshot('check-offered');

  await check.getByRole('button', { name: 'Check' }).click();
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  await expect(form.result).toHaveAttribute('data-confirmed', 'true');
  await expect(form.result.getByRole('heading', { name: 'Password change confirmed' })).toBeVisible();
  await expect(form.result.locator('.badge')).toHaveText('Updated (confirmed)');
  // The first attempt applied; the check changed nothing more.
  expect(sim.state.passwordMatches(SAMPLE.plusEmail, password)).toBe(true);
  const [checked, first] = core.history.list({}).entries;
  expect(checked?.checkOf).toBe(first?.id);
  expect(checked?.confirmed).toBe(true);
  await app.screenshot('check-confirmed', { small: true });

  // History shows the check as such, next to the unknown attempt it settled.
  await page.keyboard.press('Control+2');
  const rows = page.locator('[role="row"][data-entry-id]');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Updated (confirmed)');
  await expect(rows.nth(1)).toContainText('Unknown');
});

test('a check after leaving the screen asks for the password again; a change that never applied is made now', async ({
  app,
}) => {
  const { page, sim } = app;
  const form = changeForm(page);
  const password = app.newPassword();
  sim.faults.add({ match: { userId: SAMPLE.memberEmail, method: 'PUT' }, fault: { kind: 'reset-before-apply' } });
  await changePassword(page, SAMPLE.memberEmail, password);
  await expect(form.result).toHaveAttribute('data-outcome', 'unknown');
  expect(sim.state.passwordMatches(SAMPLE.memberEmail, password)).toBe(false);

  // Leaving the screen forgets the password.
  await page.keyboard.press('Control+2');
  await page.keyboard.press('Control+1');
  const check = form.result.getByTestId('check-panel');
  const retype = check.getByLabel('The password you sent', { exact: true });
  await expect(retype).toBeVisible();
  await expect(check.getByRole('button', { name: 'Check' })).toBeDisabled();
  await retype.fill(password);
  await retype.press('Enter');

  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  await expect(form.result).not.toHaveAttribute('data-confirmed', 'true');
  expect(sim.state.passwordMatches(SAMPLE.memberEmail, password)).toBe(true);
});
