import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './src/integrations/chromium';
import { BASE } from './tests/base.mjs';

const port = Number(process.env.GDS_PORT ?? 4399);
/** The base the site was built for (tests/base.mjs); the web server and the workers read it from GDS_BASE. */
process.env.GDS_BASE = BASE;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		...devices['Pixel 5'],
		viewport: { width: 360, height: 800 },
		locale: 'vi-VN',
		launchOptions: {
			// Debian's Chromium when it is there (Playwright cannot download browsers here), else Playwright's own.
			executablePath: findChromium(),
			args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
		},
	},
	projects: [{ name: 'phone', use: { browserName: 'chromium' } }],
	webServer: {
		command: 'node tests/server/nginx.mjs',
		url: `http://127.0.0.1:${port}${BASE}`,
		reuseExistingServer: !process.env.CI,
		stdout: 'ignore',
		stderr: 'pipe',
	},
});
