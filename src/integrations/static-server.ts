/** A minimal static server for build steps that need a browser to see the built site. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webp': 'image/webp',
	'.woff2': 'font/woff2',
	'.pdf': 'application/pdf',
	'.wasm': 'application/wasm',
};

export async function serveDir(dir: string, base: string): Promise<{ origin: string; close(): Promise<void> }> {
	const server: Server = createServer(async (req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (!path.startsWith(base)) return void res.writeHead(404).end();
		let file = normalize(join(dir, path.slice(base.length)));
		if (!file.startsWith(dir)) return void res.writeHead(403).end();
		try {
			if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
			res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
		} catch {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
