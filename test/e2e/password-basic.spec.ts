import { test, expect } from './harness';

// This file's simulator answers the security settings read as it does for a free account.
test.use({ simOptions: { plan: 'free' } });

test.beforeEach(async ({ app }) => {
  await app.storeToken();
  await app.open();
});

test('on a free account Zoom’s basic rules apply, and the app says why', async ({ app }) => {
  const { page } = app;
  const rule = (id: string) => page.locator(`[data-rule="${id}"]`);
  const source = page.getByTestId('policy-source');
  await expect(source).toHaveAttribute('data-source', 'basic');
  await expect(source).toContainText('Zoom’s basic rules:');
  await expect(page.getByRole('heading', { name: 'Zoom’s password rules' })).toBeVisible();
  await expect(rule('length')).toHaveText(/8 to 31 characters/);
  await expect(rule('special')).toHaveCount(0);
  await expect(rule('no-sequence')).toHaveText(/No runs of 6/);
  await app.screenshot('password-rules-basic');
});
