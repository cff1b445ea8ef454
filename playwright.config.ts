import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const port = Number(process.env.GDS_PORT ?? 4399);
export const BASE_PATH = '/gia-dinh-so/';

/** Debian's Chromium when it is there (Playwright cannot download browsers here), else Playwright's own. */
function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

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
			executablePath: chromiumPath(),
			args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
		},
	},
	projects: [{ name: 'phone', use: { browserName: 'chromium' } }],
	webServer: {
		command: 'node tests/server/nginx.mjs',
		url: `http://127.0.0.1:${port}${BASE_PATH}`,
		reuseExistingServer: !process.env.CI,
		stdout: 'ignore',
		stderr: 'pipe',
	},
});
