/**
 * The route registry: every page the build writes, in one list, with what the rest of the build
 * needs to know about it. Starlight's sidebar (src/data/sidebar.ts), the search keywords and the
 * post-build steps (src/integrations/pipeline.ts: PDF jobs, the offline list, the check that the
 * built pages are exactly these) read it; tests/unit/routes.test.ts checks it against dist/.
 *
 * A new page in src/pages/ or content/docs/ needs a line here, or the build stops.
 *
 * Search words: a route's `keywords` are its own (a lesson's frontmatter, the glossary's terms).
 * The residents' everyday words for any page stay in content/data/search-synonyms.yaml, under the
 * route's `path`.
 */
import { criterionNumber } from '../lib/criterion';
import { siteIdentity } from './identity';
import type { SiteData } from './load';

/** A printed sheet for the village teams. Its slug is printed on paper: never change it. */
export interface Sheet {
	slug: string;
	title: string;
	/** One sentence for the list of sheets and the page's description; the number of criteria comes from the data. */
	summary: (criteria: number) => string;
}

/** The printed sheets, under in/, in the order the list of sheets shows them. */
export const SHEETS: Sheet[] = [
	{ slug: 'phieu-tu-danh-gia', title: 'Phiếu tự đánh giá Gia đình số', summary: (n) => `Một mặt A4 cho mỗi hộ: ${n} tiêu chí, ô Đạt / Chưa đạt / Không áp dụng.` },
	{ slug: 'bang-tong-hop', title: 'Bảng tổng hợp của Tổ', summary: () => 'A4 khổ ngang: mỗi dòng một hộ, mỗi cột một tiêu chí, dòng tổng và tỉ lệ so với mục tiêu.' },
	{ slug: 'danh-sach-tham-du', title: 'Danh sách hộ tham dự', summary: () => 'Ghi tên, hộ, làng và chữ ký của người dự mỗi buổi học.' },
	{ slug: 'huong-dan-buoi-hoc', title: 'Hướng dẫn tổ chức buổi học', summary: () => 'Một trang cho Tổ trưởng: buổi học 45–60 phút về một tiêu chí.' },
];

/** The booklet of every lesson, one page and one PDF. */
export const BOOKLET = { slug: 'tat-ca-bai-hoc', title: 'Sổ tay Gia đình số: tất cả bài học' };

export interface Route {
	/** The address below the base, without slashes: "" (home), "cq-1", "in/bang-tong-hop", "404". */
	path: string;
	/** The page's title (its <title> before " | site name"). */
	title: string;
	/** The page's own search keywords; everyday words come from search-synonyms.yaml under `path`. */
	keywords: string[];
	/** Where the page sits in Starlight's sidebar, or false. `group`: the sidebar group's label. */
	sidebar: false | { label: string; group?: string };
	/** A lesson from content/docs/ (the sidebar names it by its slug, Starlight links it). */
	lesson: boolean;
	/** Stored by "Lưu để dùng khi không có mạng". */
	offline: boolean;
	/** Printed to dist/pdf/<pdf>.pdf after the build; false for none. */
	pdf: string | false;
}

/** The built file of a route: "cq-1/index.html", "404.html". */
export function routeFile(route: Pick<Route, 'path'>): string {
	if (route.path === '404') return '404.html';
	return route.path ? `${route.path}/index.html` : 'index.html';
}

const TOOLS = 'Công cụ';

/**
 * Every generated page, in the sidebar's order first (the three groups with their lessons, the
 * chapters, the quiz, the glossary, the tools), then the pages the sidebar does not show.
 */
export function siteRoutes(data: SiteData): Route[] {
	const { groups, criteria, lessons, glossary } = data;
	const page = (path: string, title: string, more: Partial<Route> = {}): Route => ({
		path,
		title,
		keywords: [],
		sidebar: false,
		lesson: false,
		offline: true,
		pdf: false,
		...more,
	});
	const lessonRoute = (lesson: SiteData['lessons'][number], sidebar: Route['sidebar']): Route =>
		page(lesson.slug, lesson.data.title, { keywords: lesson.data.keywords ?? [], sidebar, lesson: true, pdf: lesson.data.criterion ? lesson.slug : false });
	const routes: Route[] = [];
	for (const group of groups) {
		routes.push(page(group.id, `Nhóm ${group.name}`, { sidebar: { label: `Tổng quan: ${group.name}`, group: group.name } }));
		for (const criterion of criteria.filter((c) => c.group === group.id)) {
			const lesson = lessons.find((l) => l.data.criterion === criterion.id);
			if (lesson) routes.push(lessonRoute(lesson, { label: `${criterionNumber(criterion.id)}. ${criterion.title}`, group: group.name }));
		}
	}
	// Chapters: lessons without a criterion ("An toàn trên môi trường số"), named by their own title.
	for (const lesson of lessons.filter((l) => !l.data.criterion && l.slug !== '')) routes.push(lessonRoute(lesson, { label: lesson.data.title }));
	routes.push(
		page('that-hay-lua', 'Thật hay lừa?', { sidebar: { label: 'Thật hay lừa?' } }),
		// The glossary's terms are its keywords: "OTP (mã xác thực)" → OTP, mã xác thực; but a term that a
		// lesson has as its own keyword ("CCCD" in CQ-1) leads to the lesson, which teaches it.
		page('tu-dien-so', 'Từ điển số', { sidebar: { label: 'Từ điển số' }, keywords: glossaryKeywords(glossary, lessons) }),
		page('gia-dinh-toi', 'Gia đình tôi', { sidebar: { label: 'Gia đình tôi', group: TOOLS } }),
		page('so-theo-doi', 'Sổ theo dõi của Tổ', { sidebar: { label: 'Sổ theo dõi của Tổ', group: TOOLS } }),
		page('in', 'Bản in cho Tổ', { sidebar: { label: 'Bản in cho Tổ', group: TOOLS } }),
		page('', siteIdentity(data.commune, criteria.length).name),
		page('so-theo-doi/tong-hop', 'Tổng hợp của xã'),
		...SHEETS.map((s) => page(`in/${s.slug}`, s.title, { pdf: s.slug })),
		// The booklet repeats every lesson: printed, never stored (the lessons are).
		page(`in/${BOOKLET.slug}`, BOOKLET.title, { offline: false, pdf: BOOKLET.slug }),
		// Shown by the service worker when a page is not stored; it is in the worker's own shell.
		page('offline', 'Không có mạng', { offline: false }),
		page('404', '404', { offline: false })
	);
	return routes;
}

/** The glossary page's keywords: its terms, less those a lesson claims as its own keyword. */
function glossaryKeywords(glossary: SiteData['glossary'], lessons: SiteData['lessons']): string[] {
	const key = (word: string) => word.trim().toLocaleLowerCase('vi');
	const taught = new Set(lessons.flatMap((l) => l.data.keywords.map(key)));
	return glossary.flatMap((g) => g.term.split(/\s*[()]\s*/).filter(Boolean)).filter((term) => !taught.has(key(term)));
}
