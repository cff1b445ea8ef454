/**
 * Runs `npm run build -- --outDir <dir>` and prints how long it took as JSON on stdout. Started
 * inside `flock /tmp/gds-build.lock` by build.mjs, so the time is the build's own, not the wait
 * for another engineer's build to release the lock.
 */
import { openSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [outDir, logFile] = process.argv.slice(2);
const log = openSync(logFile, 'w');
const started = performance.now();
const { status } = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir], {
	cwd: resolve(import.meta.dirname, '../..'),
	stdio: ['ignore', log, log],
});
console.log(JSON.stringify({ ms: Math.round(performance.now() - started), status }));
