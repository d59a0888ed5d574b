import { DEMO_TOKEN, SAMPLE, SAMPLE_OAUTH } from '../simulator/sample-users';
import { test, expect } from './harness';
import { changePassword, changeForm, fillAccountForm } from './locators';

test('the renderer never receives the token or a password over IPC', async ({ app }) => {
  const { page } = app;
  await app.open();

  // Add a token account and a Server-to-Server OAuth account through the UI, use both, and visit every screen.
  await fillAccountForm(page, { name: 'Pasted', ...app.simUrls, kind: 'token', token: DEMO_TOKEN });
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(changeForm(page).user).toBeVisible();
  const password = app.newPassword();
  await changePassword(page, SAMPLE.memberEmail, password);
  await expect(changeForm(page).result).toHaveAttribute('data-outcome', 'updated');
  await page.keyboard.press('Control+2');
  await expect(page.locator('[role="row"][data-entry-id]')).toHaveCount(1);
  await page.locator('[role="row"][data-entry-id]').click();
  await page.keyboard.press('Control+3');
  await expect(page.locator('[data-field="active-account"]')).toContainText('Pasted');
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: 'Add account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a Zoom account' });
  await fillAccountForm(dialog, { name: 'OAuth', ...app.simUrls, kind: 's2s', ...SAMPLE_OAUTH.full });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden();
  const oauthCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'OAuth' }) });
  await oauthCard.getByRole('button', { name: 'Test connection' }).click();
  await expect(oauthCard.locator('[data-test-state]')).toHaveAttribute('data-test-state', 'ok');
  await oauthCard.getByRole('button', { name: 'Make active' }).click();
  await page.keyboard.press('Control+1');
  const second = app.newPassword();
  await changePassword(page, SAMPLE.member, second);
  await expect(changeForm(page).result).toHaveAttribute('data-outcome', 'updated');

  // Every answer main gave the page, captured at the binding.
  const channels = new Set(app.calls.map((c) => c.channel));
  for (const channel of [
    'app:get-info',
    'accounts:list',
    'accounts:add',
    'accounts:test',
    'accounts:set-active',
    'password:change',
    'history:list',
  ]) {
    expect(channels).toContain(channel);
  }
  expect(app.calls.every((c) => c.result.ok)).toBe(true);
  const answers = JSON.stringify(app.calls);
  expect(answers).not.toContain(DEMO_TOKEN);
  expect(answers).not.toContain(SAMPLE_OAUTH.full.clientSecret);
  expect(answers).not.toContain(password);
  expect(answers).not.toContain(second);
  // Nor does the page hold them anywhere once they were handed over.
  const html = await page.content();
  expect(html).not.toContain(DEMO_TOKEN);
  expect(html).not.toContain(SAMPLE_OAUTH.full.clientSecret);
  expect(html).not.toContain(password);
});

test('calls from anywhere but the app origin are refused', async ({ app }) => {
  const { page } = app;
  await app.open();
  // Same binding, different document: an about:blank page is not the app's origin.
  await page.goto('about:blank');
  const answer = await page.evaluate(() =>
    (window as unknown as { zpa: { getAppInfo(): Promise<unknown> } }).zpa.getAppInfo(),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
});
