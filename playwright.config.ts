import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is unreachable on the build machines.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const onCI = process.env.CI === 'true';

export default defineConfig({
  outputDir: 'test-results/',
  reporter: onCI ? [['list'], ['line']] : [['list']],
  workers: 2,
  retries: 0,
  forbidOnly: onCI,
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalSetup: './test/e2e/global-setup.ts',
  projects: [
    {
      name: 'renderer',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        colorScheme: 'light',
        locale: 'en-US',
        timezoneId: 'UTC',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
});
