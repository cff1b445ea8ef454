// Serves dist/ with Apache (Debian's apache2) and only the .htaccess the build wrote, the way a
// portal on Apache would: dist copied to <web root> under the base path it was built for
// (tests/base.mjs), AllowOverride All.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE } from '../base.mjs';

export const APACHE = ['/usr/sbin/apache2', '/usr/sbin/httpd'].find((p) => existsSync(p));
const MODULES = '/usr/lib/apache2/modules';

export function startApache({ dist, port = 4397, base = BASE }) {
	if (!APACHE) throw new Error('Không có Apache (apt-get install -y apache2).');
	const dir = join(tmpdir(), `gds-apache-${port}`);
	rmSync(dir, { recursive: true, force: true });
	const folder = base.replace(/^\/|\/$/g, '');
	// At the root (BASE_PATH=/) the web root is the site itself.
	if (folder) mkdirSync(join(dir, 'www'), { recursive: true });
	else mkdirSync(dir, { recursive: true });
	symlinkSync(dist, join(dir, 'www', folder));
	const mods = ['mpm_event', 'authz_core', 'dir', 'mime', 'headers', 'rewrite', 'alias'];
	writeFileSync(
		join(dir, 'httpd.conf'),
		`${mods.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join('\n')}
ServerRoot ${dir}
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
LogLevel warn
User nobody
Group nogroup
TypesConfig /etc/mime.types
DocumentRoot ${dir}/www
<Directory ${dir}/www>
	Options FollowSymLinks
	AllowOverride All
	Require all granted
</Directory>
`
	);
	execFileSync(APACHE, ['-t', '-f', join(dir, 'httpd.conf')], { stdio: 'pipe' });
	const child = spawn(APACHE, ['-X', '-f', join(dir, 'httpd.conf')], { stdio: 'inherit' });
	return { dir, child, stop: () => child.kill('SIGTERM') };
}
