// The one place the tests learn where the site lives. The base path is read from the build
// itself (the web app manifest's scope, which the build writes from commune.yaml or BASE_PATH),
// so a build for another commune or for the root (BASE_PATH=/) is tested where it was built.
// playwright.config.ts copies it into GDS_BASE, so the web server it starts and every worker agree.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built site the tests serve: dist/, or DIST_DIR. */
export const DIST = process.env.DIST_DIR ?? join(process.cwd(), 'dist');

/**
 * The base path a build was made for ("/gia-dinh-so/", "/"), from its manifest.webmanifest.
 * @param {string} dist
 * @returns {string}
 */
export function builtBase(dist = DIST) {
	const file = join(dist, 'manifest.webmanifest');
	if (!existsSync(file)) throw new Error(`Chưa có ${file}: hãy chạy "npm run build" trước khi chạy thử.`);
	const { scope } = JSON.parse(readFileSync(file, 'utf8'));
	if (typeof scope !== 'string' || !scope.startsWith('/') || !scope.endsWith('/'))
		throw new Error(`${file}: "scope" phải là đường dẫn gốc của trang, ví dụ "/gia-dinh-so/" (đang là ${JSON.stringify(scope)}).`);
	return scope;
}

/** The base path under test: GDS_BASE when set (by playwright.config.ts), else the build's. */
export const BASE = process.env.GDS_BASE || builtBase();
