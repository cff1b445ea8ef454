/**
 * The printed QR code of each lesson, as dist/hinh/qr-<lesson>.svg. It is shown only on paper:
 * as a lazy <img> in the print footer it costs a phone nothing until the page is printed (Chrome
 * and Firefox load lazy images before printing; the build's PDFs too), where inline it weighed
 * about half a kilobyte of every lesson's first load. Stored with the pages by "Lưu" (hinh/).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { lessons } from '~/data/site';
import { absoluteUrl } from '~/lib/base';
import { qrSvg } from '~/lib/qr';

export const getStaticPaths = (() => lessons.filter((l) => l.data.criterion).map((l) => ({ params: { slug: l.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
	new Response(await qrSvg(absoluteUrl(`${params.slug}/`)), { headers: { 'Content-Type': 'image/svg+xml' } });
