/**
 * Writes .br and .gz beside every text file, for web servers that send precompressed files.
 * The .gz files are made with Zopfli: still plain gzip that every browser reads, about 4% smaller
 * than zlib's best level. A portal without brotli sends these (nginx's gzip_static), so on such a
 * portal this is what a phone pays on its first visit.
 */
import { gzipAsync as zopfli } from '@gfx/zopfli';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
/** Zopfli is slow on large files (Pagefind's index, the booklet): those get zlib's best level. */
const ZOPFLI_MAX_BYTES = 256 * 1024;
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest|wasm|pagefind|pf_meta)$/;

export async function precompress(dir: string): Promise<{ files: number; bytes: number; br: number }> {
	let files = 0;
	let bytes = 0;
	let br = 0;
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
		const path = join(entry.parentPath, entry.name);
		const body = await readFile(path);
		const [b, g] = await Promise.all([
			brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
			body.length <= ZOPFLI_MAX_BYTES ? zopfli(body, { numiterations: 15 }).then(Buffer.from) : gz(body, { level: 9 }),
		]);
		// Only where it saves something: Pagefind's fragments, for one, are already compressed.
		if (b.length < body.length * 0.9) await writeFile(`${path}.br`, b);
		if (g.length < body.length * 0.9) await writeFile(`${path}.gz`, g);
		files++;
		bytes += body.length;
		br += Math.min(b.length, body.length);
	}
	return { files, bytes, br };
}
