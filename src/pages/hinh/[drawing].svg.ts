/** Publishes each annotated drawing of src/drawings/ as dist/hinh/<name>.svg (listed in src/lib/drawings.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DRAWINGS } from '~/lib/drawings';

const files = import.meta.glob<string>('../../drawings/*.svg', { query: '?raw', import: 'default', eager: true });
const svgOf = (name: string) => files[`../../drawings/${name}.svg`];

export const getStaticPaths = (() =>
	Object.keys(DRAWINGS).map((drawing) => {
		if (!svgOf(drawing)) throw new Error(`src/lib/drawings.ts: hình vẽ "${drawing}" chưa có tệp src/drawings/${drawing}.svg.`);
		return { params: { drawing } };
	})) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(svgOf(params.drawing!).trim(), { headers: { 'Content-Type': 'image/svg+xml' } });
