import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NGINX_HEADERS_PATH, htaccess, nginxLocation } from './headers';

/** The directives of an nginx file, without comments and blank lines. */
const directives = (text: string) =>
	text
		.split('\n')
		.filter((l) => l.trim() && !/^\s*#/.test(l))
		.join('\n');

describe('nginx location block written by the build', () => {
	it('is the documented example (deploy/nginx/gia-dinh-so.conf) for the base /gia-dinh-so/', () => {
		const example = readFileSync(new URL('../../deploy/nginx/gia-dinh-so.conf', import.meta.url), 'utf8');
		expect(directives(nginxLocation('/gia-dinh-so/'))).toBe(directives(example));
	});

	it('names only the base it is given', () => {
		const conf = nginxLocation('/so-tay-thu/');
		expect(conf).not.toContain('/gia-dinh-so/');
		expect(conf).toContain('location /so-tay-thu/ {');
		expect(conf).toContain('location /so-tay-thu/_astro/ {');
		expect(conf).toContain('error_page 404 /so-tay-thu/404.html;');
		expect(conf).toContain(`include ${NGINX_HEADERS_PATH};`);
	});

	it('works at the root of a site of its own (BASE_PATH=/)', () => {
		const conf = nginxLocation('/');
		expect(conf).toContain('location / {');
		expect(conf).toContain('location /_astro/ {');
		expect(conf).toContain('location /pagefind/ {');
		expect(conf).toContain('error_page 404 /404.html;');
		expect(htaccess({}, '/')).toContain('ErrorDocument 404 /404.html');
	});

	it('refuses a base nginx would misread, naming it', () => {
		expect(() => nginxLocation('/so tay/')).toThrow(/"\/so tay\/"/);
		expect(() => nginxLocation('so-tay/')).toThrow(/nginx/);
	});
});
