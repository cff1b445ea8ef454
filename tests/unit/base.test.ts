import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// tests/base.mjs reads the build when it is imported; GDS_BASE spares this test a build.
process.env.GDS_BASE ||= '/gia-dinh-so/';
const { builtBase } = await import('../base.mjs');

const dirs: string[] = [];
const build = (manifest: unknown) => {
	const dir = mkdtempSync(join(tmpdir(), 'gds-base-'));
	dirs.push(dir);
	if (manifest !== undefined) writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify(manifest));
	return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the base path the end-to-end tests use', () => {
	it('is the one the build was made for, another commune’s or the root', () => {
		expect(builtBase(build({ scope: '/gia-dinh-so/' }))).toBe('/gia-dinh-so/');
		expect(builtBase(build({ scope: '/so-tay/' }))).toBe('/so-tay/');
		expect(builtBase(build({ scope: '/' }))).toBe('/');
	});

	it('says to build first, or names the manifest when its scope is not a path', () => {
		expect(() => builtBase(build(undefined))).toThrow(/npm run build/);
		expect(() => builtBase(build({ scope: 'https://example.gov.vn/x/' }))).toThrow(/manifest\.webmanifest: "scope"/);
		expect(() => builtBase(build({}))).toThrow(/scope/);
	});
});
