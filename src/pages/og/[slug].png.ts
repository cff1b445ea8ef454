/** One link preview picture per lesson, and one for the rest of the site, made at build time. */
import { criterionNumber } from '~/lib/criterion';
import type { APIRoute, GetStaticPaths } from 'astro';
import { commune, criteria, criterionById, groupOf, lessons } from '~/data/site';
import { ogImageName, SITE_IMAGE } from '~/lib/og';
import { previewPng, type PreviewContent } from '~/lib/og-image';
import { pictogramSvg } from '~/lib/pictogram';

const eyebrow = `GIA ĐÌNH SỐ · ${commune.commune.fullName}`.toLocaleUpperCase('vi');

export const getStaticPaths = (() => {
	const pages: { params: { slug: string }; props: { content: PreviewContent } }[] = lessons.map((lesson) => {
		const criterion = lesson.data.criterion ? criterionById(lesson.data.criterion) : undefined;
		const number = criterion && criterionNumber(criterion.id);
		return {
			params: { slug: ogImageName(lesson.slug) },
			props: {
				content: {
					eyebrow,
					title: lesson.data.title,
					footer: criterion ? `Tiêu chí ${number} · Nhóm ${groupOf(criterion).name}` : 'Sổ tay phong trào “Gia đình số”',
					pictogram: criterion && { svg: pictogramSvg(criterion.id), number: number! },
				},
			},
		};
	});
	pages.push({
		params: { slug: SITE_IMAGE },
		props: {
			content: {
				eyebrow,
				title: 'Sổ tay Gia\u00a0đình\u00a0số',
				footer: `${criteria.length} tiêu chí, mỗi tiêu chí một bài học từng bước`,
				grid: criteria.map((c) => pictogramSvg(c.id)),
			},
		},
	});
	return pages;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
	new Response(new Uint8Array(await previewPng((props as { content: PreviewContent }).content)), {
		headers: { 'Content-Type': 'image/png' },
	});
