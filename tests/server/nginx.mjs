// Serves dist/ the way the portal will: nginx (Debian's package) with the location block the build
// wrote for its own base path (dist/.nginx-location.conf), under that base, on a loopback port. Used by Playwright's webServer and
// by the benchmark. Run directly: `node tests/server/nginx.mjs` (Ctrl+C stops it).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtBase } from '../base.mjs';

const root = resolve(import.meta.dirname, '../..');

export const PORT = Number(process.env.GDS_PORT ?? 4399);

function nginxBinary() {
	for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
	throw new Error('Không tìm thấy nginx. Cài bằng: apt-get install -y nginx-light libnginx-mod-http-brotli-static (hoặc chạy bash .ci/run).');
}

/**
 * Writes a whole nginx.conf around the build's location block and returns its folder.
 * The base is the build's own (its manifest's scope), so a build for another commune or for the
 * root (BASE_PATH=/) is served where it was built. `brotli: false` serves gzip only, as a portal
 * without the brotli module does.
 */
export function prepare({ dist: distDir = join(root, 'dist'), port = PORT, brotli = true } = {}) {
	const dist = resolve(distDir); // DIST_DIR may be relative; nginx would read it from its own prefix
	if (!existsSync(join(dist, 'index.html'))) throw new Error(`Chưa có ${dist}/index.html: chạy "npm run build" trước.`);
	const base = builtBase(dist);
	const locationFile = join(dist, '.nginx-location.conf');
	if (!existsSync(locationFile)) throw new Error(`Chưa có ${locationFile}: bản dựng cũ, chạy lại "npm run build".`);
	const dir = join(tmpdir(), `gds-nginx-${port}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'www'), { recursive: true });
	mkdirSync(join(dir, 'logs'));
	// The web root holds the site at its base: the root itself for "/", else a folder named like the base.
	const webRoot = base === '/' ? dist : join(dir, 'www');
	if (base !== '/') {
		mkdirSync(join(dir, 'www', base.replace(/^\/|[^/]*\/$/g, '')), { recursive: true });
		symlinkSync(dist, join(dir, 'www', base.replace(/^\/|\/$/g, '')));
	}
	const headers = join(dist, '.nginx-headers.conf');
	const headerConf = existsSync(headers) ? headers : join(dir, 'no-headers.conf');
	if (!existsSync(headers)) writeFileSync(headerConf, '');
	const location = readFileSync(locationFile, 'utf8').replaceAll('/etc/nginx/snippets/gia-dinh-so-headers.conf', headerConf);
	// Debian's module files name paths relative to /usr/share/nginx; -p moves the prefix, so resolve them.
	const modules = existsSync('/etc/nginx/modules-enabled')
		? readdirSync('/etc/nginx/modules-enabled')
				.filter((f) => /brotli/.test(f))
				.map((f) => readFileSync(join('/etc/nginx/modules-enabled', f), 'utf8').replace(/load_module modules\//g, 'load_module /usr/share/nginx/modules/').trim())
		: [];
	const hasBrotli = modules.length > 0 && brotli;
	writeFileSync(
		join(dir, 'nginx.conf'),
		`${modules.join('\n')}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log ${dir}/logs/access.log;
	client_body_temp_path ${dir}/tmp-body;
	proxy_temp_path ${dir}/tmp-proxy;
	fastcgi_temp_path ${dir}/tmp-fastcgi;
	uwsgi_temp_path ${dir}/tmp-uwsgi;
	scgi_temp_path ${dir}/tmp-scgi;
	sendfile on;
	server_tokens off;
	server {
		listen 127.0.0.1:${port};
		root ${webRoot};
		disable_symlinks off;
${base === '/' ? '' : `\t\tlocation = / { return 302 ${base}; }\n`}${(hasBrotli && brotli ? location : location.replace(/^\s*brotli_static on;\n/gm, '')).replace(/^/gm, '\t\t')}
	}
}
`
	);
	execFileSync(nginxBinary(), ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
	return dir;
}

export function start(options) {
	const dir = prepare(options);
	const child = spawn(nginxBinary(), ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
	return { dir, child, stop: () => child.kill('SIGQUIT') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const server = start({ dist: process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : undefined });
	console.log(`nginx: http://127.0.0.1:${PORT}${builtBase(process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(root, 'dist'))} (thư mục ${server.dir})`);
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (server.stop(), process.exit(0)));
}
