import { SAMPLE } from '../simulator/sample-users';
import { test, expect } from './harness';
import { accountSwitcher, changeForm, navItem } from './locators';

test('Ctrl+1 to 5 switch screens and move focus to the screen title', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  await app.open();
  const title = page.locator('#screen-title');

  for (const [key, name, heading] of [
    ['Control+2', 'History', 'History'],
    ['Control+3', 'Settings', 'Settings'],
    ['Control+4', 'Accounts', 'Zoom accounts'],
    ['Control+5', 'Bulk', 'Bulk password changes'],
    ['Control+1', 'Change password', 'Change password'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(navItem(page, name)).toHaveAttribute('aria-current', 'page');
    await expect(title).toHaveText(heading);
    await expect(title).toBeFocused();
  }

  // The shortcuts work from inside a text field too.
  await changeForm(page).user.focus();
  await page.keyboard.press('Control+2');
  await expect(navItem(page, 'History')).toHaveAttribute('aria-current', 'page');
});

test('the form can be used with the keyboard alone, with a visible focus ring', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  await app.open();
  const form = changeForm(page);

  // Tab from the top of the page reaches the form controls in reading order: the rest of the sidebar,
  // the account switcher, then the form.
  await navItem(page, 'Change password').focus();
  for (const next of ['History', 'Settings', 'Accounts', 'Bulk'] as const) {
    await page.keyboard.press('Tab');
    await expect(navItem(page, next)).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(accountSwitcher(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.user).toBeFocused();
  const ring = await form.user.evaluate((el) => {
    const style = getComputedStyle(el);
    return { outline: style.outlineStyle, shadow: style.boxShadow };
  });
  expect(ring.outline !== 'none' || ring.shadow !== 'none').toBe(true);

  await page.keyboard.type(SAMPLE.member);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Browse users…' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.password).toBeFocused();
  const password = app.newPassword();
  await page.keyboard.type(password);
  await page.keyboard.press('Tab'); // the show/hide toggle
  await expect(page.getByRole('button', { name: 'Show new password' })).toBeFocused();
  const toggleOutline = await page
    .getByRole('button', { name: 'Show new password' })
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(toggleOutline).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(form.confirmation).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');

  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  // Focus lands on the answer, so it is read out and the next Tab continues from there.
  await expect(form.result.getByRole('heading', { level: 2 })).toBeFocused();
  expect(app.sim.state.passwordMatches(SAMPLE.member, password)).toBe(true);
});

test('Escape closes the confirmation dialog and leaves everything as it was', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  await app.open();
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: 'Remove…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  // While the dialog is open, the screen shortcuts are off and the page behind is inert.
  await page.keyboard.press('Control+2');
  await expect(navItem(page, 'Accounts')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await app.core.vault.readToken()).not.toBeNull();
  await expect(page.getByRole('button', { name: 'Remove…' })).toBeFocused();
});
