import type { Page } from '@playwright/test';

/** The change-password form's controls, found the way a user (or a screen reader) finds them. */
export function changeForm(page: Page) {
  return {
    user: page.getByRole('combobox', { name: 'User' }),
    password: page.getByRole('textbox', { name: 'New password', exact: true }),
    confirmation: page.getByRole('textbox', { name: 'Confirm new password' }),
    submit: page.locator('form[aria-labelledby="change-form-title"] button[type="submit"]'),
    rules: page.getByRole('list', { name: 'Password rules' }).getByRole('listitem'),
    result: page.getByTestId('result'),
  };
}

/** The sidebar entry of a screen. */
export function navItem(page: Page, name: 'Change password' | 'History' | 'Settings') {
  return page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${name}`) });
}

/** Fills the form and sends it with Enter, as a keyboard user would. */
export async function changePassword(page: Page, user: string, password: string): Promise<void> {
  const form = changeForm(page);
  await form.user.fill(user);
  await form.password.fill(password);
  await form.confirmation.fill(password);
  await form.confirmation.press('Enter');
}
