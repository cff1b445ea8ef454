/**
 * Two builds of the same tree give the same files, byte for byte (PDFs aside: PDF=0), so that a
 * rebuild without changes marks no phone's saved copy as stale and the hashed names stay put.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { contentVersion } from '../../src/integrations/offline';

const root = process.cwd();
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(k)));

function filesOf(dir: string): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
		if (e.isFile()) files.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
	return files;
}

describe('the offline version', () => {
	const dir = mkdtempSync(join(tmpdir(), 'gds-version-'));
	mkdirSync(join(dir, 'cq-1'));
	writeFileSync(join(dir, 'cq-1/index.html'), '<h1>VNeID</h1>');
	writeFileSync(join(dir, 'a.css'), 'h1{color:red}');

	it('depends only on the files: the same files give the same version, in any order', async () => {
		const once = await contentVersion(dir, ['cq-1/index.html', 'a.css']);
		expect(await contentVersion(dir, ['a.css', 'cq-1/index.html'])).toBe(once);
		expect(once).toMatch(/^[0-9a-f]{16}$/);
	});

	it('changes when one byte of a stored file changes', async () => {
		const before = await contentVersion(dir, ['cq-1/index.html', 'a.css']);
		writeFileSync(join(dir, 'a.css'), 'h1{color:blue}');
		expect(await contentVersion(dir, ['cq-1/index.html', 'a.css'])).not.toBe(before);
	});
});

describe('npm run build is reproducible', () => {
	it('two builds of this tree are byte-identical', { timeout: 400_000 }, () => {
		const dir = mkdtempSync(join(tmpdir(), 'gds-twice-'));
		try {
			const builds = ['a', 'b'].map((name) => {
				const out = join(dir, name);
				const run = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
					cwd: root,
					encoding: 'utf8',
					// Vitest's own variables (BASE_URL, MODE, NODE_ENV=test…) would change the build.
					env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', PDF: '0' },
					timeout: 180_000,
				});
				expect(run.status, run.stdout + run.stderr).toBe(0);
				return filesOf(out);
			});
			const [a, b] = builds as [Map<string, Buffer>, Map<string, Buffer>];
			expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
			const differ = [...a].filter(([path, body]) => !body.equals(b.get(path)!)).map(([path]) => path);
			expect(differ, 'các tệp khác nhau giữa hai lần xây dựng').toEqual([]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
