import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DIST } from './helpers';

test('npm run package writes the zip for the portal: the site, its server settings and the Vietnamese README', () => {
	test.skip(DIST !== join(process.cwd(), 'dist'), 'packages the project’s own dist/ only');
	const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
	const zip = `gia-dinh-so-${version}.zip`;
	const out = execFileSync(process.execPath, ['scripts/package.mjs'], { encoding: 'utf8' });
	expect(out).toContain(zip);
	try {
		const files = unzipSync(readFileSync(zip));
		for (const name of ['gia-dinh-so/index.html', 'gia-dinh-so/cq-1/index.html', 'gia-dinh-so/sw.js', 'gia-dinh-so/.htaccess', 'gia-dinh-so/criteria.json', 'nginx/gia-dinh-so.conf', 'nginx/gia-dinh-so-headers.conf', 'README-quan-tri.md'])
			expect(files[name], name).toBeTruthy();
		expect(strFromU8(files['nginx/gia-dinh-so-headers.conf']!)).toContain('Content-Security-Policy');
		expect(strFromU8(files['README-quan-tri.md']!)).toMatch(/gia-dinh-so/);
	} finally {
		rmSync(zip, { force: true });
	}
});
