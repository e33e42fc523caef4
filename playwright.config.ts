import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// End-to-end tests in browser mode against Debian's Chromium (Playwright's own browsers cannot be
// downloaded on these machines). The server is the real CLI, on a fresh projects folder.
// QUYTAP_E2E_PORT lets several checkouts (or engineers) run the suite side by side: each gets its
// own port, renderer build and projects folder.
const PORT = Number(process.env.QUYTAP_E2E_PORT ?? 5187);
const OUT = resolve(PORT === 5187 ? 'dist/renderer' : `dist/renderer-${PORT}`);
export const E2E_TOKEN = 'e2e-secret-token';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/e2e-output-${PORT}`,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite build --outDir ${OUT} --emptyOutDir && npx tsx src/main/cli.ts serve --port ${PORT} --token ${E2E_TOKEN} --projects-dir test-results/e2e-projects-${PORT} --fresh --static-dir ${OUT}`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
