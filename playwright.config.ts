import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { findChromium } from './src/integrations/chromium';
import { BASE } from './tests/base.mjs';

const port = Number(process.env.GDS_PORT ?? 4399);
/** The base the site was built for (tests/base.mjs); the web server and the workers read it from GDS_BASE. */
process.env.GDS_BASE = BASE;

/**
 * A second, fictional commune (tests/fixtures/xa-thu/commune.yaml), built by `npm run build:xa-thu`
 * (run by `npm test` before the tests) under its own base and at the root of a site of its own. Each
 * build gets its own nginx and a short smoke test (tests/smoke/). Outside CI they run when those builds
 * exist (a single spec can be run after `npm run build` alone); with CI set, a missing build fails the run.
 * Ports: four from GDS_SMOKE_PORT (default: the main port + 1): nginx for each build, then Apache for each.
 */
const smokePort = Number(process.env.GDS_SMOKE_PORT ?? port + 1);
const communes = [
	{ name: 'xa-thu', dist: 'dist-xa-thu', base: '/so-tay-thu/', port: smokePort, apachePort: smokePort + 2 },
	{ name: 'xa-thu-root', dist: 'dist-root', base: '/', port: smokePort + 1, apachePort: smokePort + 3 },
].filter((c) => process.env.CI || existsSync(`${c.dist}/index.html`));

const server = (dist: string, serverPort: number, base: string): Exclude<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]> => ({
	command: 'node tests/server/nginx.mjs',
	url: `http://127.0.0.1:${serverPort}${base}`,
	env: { GDS_PORT: String(serverPort), ...(dist === 'dist' ? {} : { DIST_DIR: dist }) },
	reuseExistingServer: !process.env.CI,
	stdout: 'ignore',
	stderr: 'pipe',
});

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
	projects: [
		{ name: 'phone', use: { browserName: 'chromium' } },
		...communes.map((c) => ({
			name: c.name,
			testDir: 'tests/smoke',
			metadata: { dist: c.dist, base: c.base, apachePort: c.apachePort },
			use: { browserName: 'chromium' as const, baseURL: `http://127.0.0.1:${c.port}` },
		})),
	],
	webServer: [server('dist', port, BASE), ...communes.map((c) => server(c.dist, c.port, c.base))],
});
