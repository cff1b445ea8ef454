/**
 * The real build, run on a copy of the project with one thing broken: it must stop, print the
 * file and the field, and write nothing to publish.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();

function brokenBuild(file: string, change: (text: string) => string) {
	const dir = mkdtempSync(join(tmpdir(), 'gds-build-'));
	try {
		for (const part of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
			cpSync(join(root, part), join(dir, part), { recursive: true });
		symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
		writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
		const run = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PDF: '0' },
			timeout: 120_000,
		});
		return { status: run.status, output: run.stdout + run.stderr, published: existsSync(join(dir, 'dist', 'index.html')) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('npm run build refuses broken input', () => {
	it('a lesson naming an unknown criterion', () => {
		const { status, output, published } = brokenBuild('content/docs/cq-2.mdx', (t) => t.replace('criterion: cq-2', 'criterion: cq-22'));
		expect(status).not.toBe(0);
		expect(output).toContain('content/docs/cq-2.mdx, trường "criterion": tiêu chí "cq-22" không có trong content/data/criteria.yaml');
		expect(published).toBe(false);
	});

	it('a malformed address in the commune data', () => {
		const { status, output } = brokenBuild('content/data/commune.yaml', (t) => t.replace('url: https://dichvucong.gov.vn', 'url: dichvucong'));
		expect(status).not.toBe(0);
		expect(output).toContain('content/data/commune.yaml, trường "portals.publicServices.url": địa chỉ web không hợp lệ');
	});
});
