/** Times a real `npm run build` into a temporary folder, with and without the PDFs, on two cores. */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every build in this tree takes this lock: one build at a time, and ours is timed alone. */
const LOCK = '/tmp/gds-build.lock';

function hasTaskset() {
	try {
		execFileSync('taskset', ['-V'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Returns { pdf, seconds, cores, load, outDir, log } or throws with the log's path. */
export async function timeBuild({ pdf }) {
	const outDir = mkdtempSync(join(tmpdir(), `gds-bench-build-${pdf ? 'pdf' : 'nopdf'}-`));
	// mkdtemp makes it private; nginx's workers (www-data) must read it to serve it.
	chmodSync(outDir, 0o755);
	const log = `${outDir}.log`;
	// The budget is for a 2-core machine: pin the build to two cores where there are more.
	const pin = availableParallelism() > 2 && hasTaskset() ? ['taskset', '-c', '0,1'] : [];
	const cores = Math.min(availableParallelism(), 2);
	const env = { ...process.env };
	if (pdf) delete env.PDF;
	else env.PDF = '0';
	// Other work on the machine (tests, other builds) slows the build: keep the load for the report.
	const load = loadavg()[0];
	const child = spawn('flock', [LOCK, ...pin, process.execPath, join(import.meta.dirname, 'timed-build.mjs'), outDir, log], { env, stdio: ['ignore', 'pipe', 'inherit'] });
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	const code = await new Promise((resolve) => child.on('close', resolve));
	const result = JSON.parse(out.trim().split('\n').pop() || '{}');
	if (code !== 0 || result.status !== 0) throw new Error(`npm run build${pdf ? '' : ' (PDF=0)'} failed: see ${log}`);
	return { pdf, seconds: result.ms / 1000, cores, load, outDir, log };
}
