/**
 * The security headers the portal's web server sends with the site, written by the build because
 * the Content-Security-Policy lists the hash of every inline script (Starlight's theme and menu
 * scripts, and Astro's small inlined modules): no script runs that the build did not write.
 * Output: dist/.nginx-headers.conf (nginx headers), dist/.nginx-location.conf (nginx's location
 * block, written with the build's base path, which includes the headers) and dist/.htaccess (Apache).
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { attr, builtPages, elements, ownText, parseHtml } from './html';
import { join } from 'node:path';

/**
 * 'sha256-…' for each distinct inline <script> in the built pages. The parser gives a script's
 * text exactly as written, which is what the browser hashes.
 */
export async function inlineScriptHashes(dir: string): Promise<string[]> {
	const hashes = new Set<string>();
	for (const { file } of await builtPages(dir))
		for (const script of elements(parseHtml(await readFile(file, 'utf8')))) {
			if (script.tagName !== 'script' || attr(script, 'src') !== undefined) continue;
			const body = ownText(script);
			if (body.length) hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
		}
	return [...hashes].sort();
}

export function securityHeaders(scriptHashes: string[]): Record<string, string> {
	const csp = [
		"default-src 'self'",
		// Pagefind compiles its WebAssembly search; inline scripts only by hash.
		`script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`,
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ');
	return {
		'Content-Security-Policy': csp,
		'X-Content-Type-Options': 'nosniff',
		// Links to other sites never carry the page address (a household's place in the site).
		'Referrer-Policy': 'same-origin',
		// Only features Chromium knows: an unknown one ('bluetooth', the retired 'interest-cohort') warns in every page's console.
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()',
		'X-Frame-Options': 'DENY',
	};
}

export function nginxHeaders(headers: Record<string, string>): string {
	return (
		`# Written by "npm run build". Copy to /etc/nginx/snippets/gia-dinh-so-headers.conf.\n` +
		Object.entries(headers)
			.map(([k, v]) => `add_header ${k} "${v}" always;`)
			.join('\n') +
		'\n'
	);
}

export function htaccess(headers: Record<string, string>, base: string): string {
	const set = Object.entries(headers)
		.map(([k, v]) => `\tHeader always set ${k} "${v}"`)
		.join('\n');
	return `# Written by "npm run build" for Apache: the folder ${base} of the portal.
# Needs AllowOverride All (at least FileInfo Indexes Options AuthConfig), mod_headers, mod_rewrite, mod_mime.
Options -Indexes
DirectoryIndex index.html
DirectorySlash On
ErrorDocument 404 ${base}404.html

AddType application/manifest+json .webmanifest
AddType application/wasm .wasm
AddType application/octet-stream .pagefind .pf_meta .pf_index .pf_fragment
AddCharset utf-8 .html .css .js .json .svg .webmanifest

<IfModule mod_headers.c>
${set}
	# Pages, the service worker and the manifest are checked on every visit.
	<FilesMatch "(\\.html|\\.html\\.br|\\.html\\.gz|^sw\\.js.*|\\.webmanifest.*|offline\\.json.*)$">
		Header set Cache-Control "no-cache"
	</FilesMatch>
</IfModule>

# Files only for the server, never for visitors.
<FilesMatch "^\\.">
	Require all denied
</FilesMatch>

# Precompressed files written by the build: .br, else .gz, where the browser accepts them.
<IfModule mod_rewrite.c>
	RewriteEngine On
	# The precompressed copies are served in place of the file, never downloaded as such.
	RewriteCond %{THE_REQUEST} "^\\S+\\s[^?\\s]*\\.(br|gz)[?\\s]"
	RewriteRule ^ - [R=404,L]
	# A folder asked without its slash: 301 to the slash, so that relative links stay inside the site.
	RewriteCond %{REQUEST_FILENAME} -d
	RewriteRule ^(.*[^/])$ %{REQUEST_URI}/ [R=301,L]
	# A folder's page: rewrite to its index.html first, so that the next round can pick its .br.
	RewriteCond %{REQUEST_FILENAME} -d
	RewriteCond %{REQUEST_FILENAME}/index.html -f
	RewriteRule ^(.*/)?$ $1index.html [L]
	RewriteCond %{HTTP:Accept-Encoding} \\bbr\\b
	RewriteCond %{REQUEST_FILENAME}.br -f
	RewriteRule ^(.+?)$ $1.br [L]
	RewriteCond %{HTTP:Accept-Encoding} \\bgzip\\b
	RewriteCond %{REQUEST_FILENAME}.gz -f
	RewriteRule ^(.+?)$ $1.gz [L]
	RewriteRule \\.html\\.(br|gz)$ - [T=text/html;charset=utf-8,E=no-gzip:1]
	RewriteRule \\.css\\.(br|gz)$ - [T=text/css,E=no-gzip:1]
	RewriteRule \\.js\\.(br|gz)$ - [T=text/javascript,E=no-gzip:1]
	RewriteRule \\.json\\.(br|gz)$ - [T=application/json,E=no-gzip:1]
	RewriteRule \\.svg\\.(br|gz)$ - [T=image/svg+xml,E=no-gzip:1]
	RewriteRule \\.webmanifest\\.(br|gz)$ - [T=application/manifest+json,E=no-gzip:1]
</IfModule>
<IfModule mod_headers.c>
	<FilesMatch "\\.br$">
		Header set Content-Encoding br
		Header append Vary Accept-Encoding
	</FilesMatch>
	<FilesMatch "\\.gz$">
		Header set Content-Encoding gzip
		Header append Vary Accept-Encoding
	</FilesMatch>
</IfModule>
`;
}

/** Where the administrator copies dist/.nginx-headers.conf; the location block includes it from there. */
export const NGINX_HEADERS_PATH = '/etc/nginx/snippets/gia-dinh-so-headers.conf';

/**
 * nginx's location block for the site at `base` ("/gia-dinh-so/", or "/" for a site of its own):
 * the counterpart of .htaccess. deploy/nginx/gia-dinh-so.conf is the same block for the default base,
 * kept as the documented example.
 */
export function nginxLocation(base: string, headersPath = NGINX_HEADERS_PATH): string {
	if (!/^\/([^\s;{}"'#]+\/)?$/.test(base)) throw new Error(`Đường dẫn gốc ${JSON.stringify(base)} không dùng được cho nginx: phải bắt đầu và kết thúc bằng "/", không có dấu cách.`);
	return `# Written by "npm run build" for the site at ${base} of the portal.
# Copy to /etc/nginx/snippets/gia-dinh-so.conf and include it inside the portal's \`server { … }\` block:
#     include /etc/nginx/snippets/gia-dinh-so.conf;
# Copy the contents of dist/ to <web root>${base}, and dist/.nginx-headers.conf to
# ${headersPath} (after each build), then \`nginx -s reload\`.

location ${base} {
	# Precompressed .br and .gz files written by the build, when the browser accepts them.
	gzip_static on;
	brotli_static on;
	# Anything else compressible is compressed on the fly.
	gzip on;
	gzip_vary on;
	gzip_types text/css application/javascript application/json image/svg+xml application/manifest+json text/xml application/xml;

	include ${headersPath};

	# .htaccess and .nginx-headers.conf are for servers, not visitors.
	location ~ /\\. {
		return 404;
	}

	# The build's precompressed copies are for gzip_static/brotli_static, not for downloading as such.
	location ~ \\.(br|gz)$ {
		return 404;
	}

	# Pages, the service worker and the manifest are checked again on every visit.
	add_header Cache-Control "no-cache" always;
	# A folder asked without its slash (${base}cq-1) gets a 301 to ${base}cq-1/, so that the page's
	# relative links (../an-toan/) stay inside the site. The redirect names no host or port.
	absolute_redirect off;
	try_files $uri $uri/ =404;
	error_page 404 ${base}404.html;

	# Debian's mime.types has no entry for the web app manifest.
	location ~ \\.webmanifest$ {
		include ${headersPath};
		add_header Cache-Control "no-cache" always;
		types { }
		default_type application/manifest+json;
	}

	# Files whose names carry a content hash never change: keep them a year.
	# Styles and scripts need no page policy: only nosniff, so each request stays small.
	location ${base}_astro/ {
		# Only files: the folder itself is a plain 404 (no-cache), not a 403 kept for a year.
		try_files $uri =404;
		add_header X-Content-Type-Options "nosniff" always;
		add_header Cache-Control "public, max-age=31536000, immutable";
		gzip_static on;
		brotli_static on;
	}
	location ${base}pagefind/ {
		add_header X-Content-Type-Options "nosniff" always;
		# Pagefind's fragment files are hashed; its entry files are not, so only a day.
		add_header Cache-Control "public, max-age=86400" always;
		gzip_static on;
		brotli_static on;
	}
}
`;
}

/** The _astro/ folder holds only files whose names carry a content hash: cache them for a year. */
export const HASHED_HTACCESS = `<IfModule mod_headers.c>
	Header set Cache-Control "public, max-age=31536000, immutable"
</IfModule>
`;

export async function writeServerConfig(dir: string, base: string) {
	const headers = securityHeaders(await inlineScriptHashes(dir));
	await writeFile(join(dir, '.nginx-headers.conf'), nginxHeaders(headers));
	await writeFile(join(dir, '.nginx-location.conf'), nginxLocation(base));
	await writeFile(join(dir, '.htaccess'), htaccess(headers, base));
	await writeFile(join(dir, '_astro', '.htaccess'), HASHED_HTACCESS);
	return headers;
}
