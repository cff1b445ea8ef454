import { describe, expect, it } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';

/** The machine's own Node, not the one npm put in node_modules/.bin. */
function systemNodes(): string[] {
	const out = execFileSync('sh', ['-c', 'which -a node || true'], { encoding: 'utf8', env: { PATH: '/usr/local/bin:/usr/bin:/bin' } });
	return [...new Set(out.split('\n').filter(Boolean))];
}

describe('the Node check before build and test', () => {
	it('passes on the pinned Node', () => {
		const run = spawnSync(process.execPath, ['scripts/check-node.mjs'], { encoding: 'utf8' });
		// package.json "engines" allows 22.12 and newer; the pinned Node 24 is one of those.
		const [major, minor] = process.versions.node.split('.').map(Number);
		expect(major! > 22 || (major === 22 && minor! >= 12)).toBe(true);
		expect(run.status).toBe(0);
	});

	const old = systemNodes().find((n) => Number(execFileSync(n, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' })) < 22);
	it.skipIf(!old)('stops with a plain message on an older Node, as after npm ci --ignore-scripts', () => {
		const run = spawnSync(old!, ['scripts/check-node.mjs'], { encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('dự án cần Node 22.12 trở lên');
		expect(run.stderr).toContain('npm ci');
	});
});
