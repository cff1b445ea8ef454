/**
 * Schemas for the site's data: the criteria groups, the 21 criteria, the commune's details and
 * the frontmatter every lesson adds to Starlight's own. Messages are in Vietnamese because the
 * commune office reads them when a build fails.
 */
import { z } from 'astro/zod';
import { parsePartialDate } from '../lib/date';

// Zod's own messages (wrong type, too short ...) in Vietnamese, like ours.
z.config(z.locales.vi());

const required = (what: string) => ({ error: `thiếu ${what}` });

/** Syllables as the sentence-stats tool counts them: space-separated words with a letter or digit. */
export const syllables = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The longest "đạt khi" line, in syllables: it must read in one breath on a phone and a printed sheet. */
export const PASS_WHEN_MAX = 20;

export const groupSchema = z.object({
	id: z.string(required('mã nhóm (id)')).regex(/^[a-z-]+$/, 'mã nhóm chỉ gồm chữ thường không dấu và dấu gạch ngang'),
	name: z.string(required('tên nhóm (name)')).min(1, 'tên nhóm trống'),
	prefix: z.string(required('tiền tố mã tiêu chí (prefix)')).regex(/^[a-z]{2}$/, 'tiền tố là hai chữ thường, ví dụ "cq"'),
	summary: z.string(required('mô tả ngắn (summary)')).min(1, 'mô tả ngắn trống'),
});

export const appliesToSchema = z.enum(['all', 'business', 'mixed'], {
	error: 'chỉ nhận all (mọi hộ), business (chỉ hộ kinh doanh) hoặc mixed (một phần)',
});

export const criterionSchema = z
	.object({
		id: z.string(required('mã tiêu chí (id)')).regex(/^[a-z]{2}-\d{1,2}$/, 'mã tiêu chí có dạng "cq-1"'),
		group: z.string(required('nhóm (group)')).min(1, 'nhóm (group) trống'),
		wording: z.string(required('lời văn của Kế hoạch (wording)')).min(1, 'lời văn (wording) trống'),
		title: z.string(required('tên ngắn (title)')).min(1, 'tên ngắn (title) trống'),
		/** "Đạt khi ...": the criterion in plain words, shown with the title on the home page and the sheets. */
		passWhen: z
			.string(required('dòng “đạt khi” (passWhen)'))
			.min(1, 'dòng “đạt khi” (passWhen) trống')
			.refine((s) => syllables(s) <= PASS_WHEN_MAX, {
				error: (issue) => `dòng “đạt khi” dài ${syllables(String(issue.input))} âm tiết, tối đa ${PASS_WHEN_MAX}`,
			}),
		/** Where the plan's wording is wrong (“Tây Ninh Số”), the correction shown beside it. */
		correction: z.string().min(1, 'lời đính chính (correction) trống').optional(),
		appliesTo: appliesToSchema,
		parts: z
			.array(z.object({ text: z.string().min(1), appliesTo: z.enum(['all', 'business']) }))
			.optional(),
		note: z.string().optional(),
	})
	.refine((c) => c.appliesTo !== 'mixed' || (c.parts?.length ?? 0) >= 2, {
		message: 'tiêu chí "mixed" cần ít nhất hai phần (parts)',
		path: ['parts'],
	});

/** A value the commune must confirm before a page may show it. */
const confirmable = <T extends z.ZodRawShape>(shape: T) =>
	z.object({ ...shape, confirmed: z.boolean({ error: 'confirmed phải là true hoặc false' }) });

const url = z.url({ error: 'địa chỉ web không hợp lệ (phải bắt đầu bằng https://)' });

/** A place to ask for help: its name is fixed; address, hours and phone wait for the commune. */
const helpDesk = confirmable({
	name: z.string().min(1, 'tên nơi hỏi (name) trống'),
	/** What to ask there, in a few words: "Nộp hồ sơ, làm giấy tờ". */
	purpose: z.string().min(1, 'việc cần hỏi (purpose) trống'),
	address: z.string().default(''),
	hours: z.string().default(''),
	phone: z.string().regex(/^[\d +.]*$/, 'số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, ví dụ "0269 3 123 456"').default(''),
});

export const communeSchema = z.object({
	commune: z.object({
		name: z.string().min(1),
		fullName: z.string().min(1),
		office: z.string().min(1),
		province: z.string().min(1),
	}),
	site: z.object({
		url,
		base: z.string().regex(/^\/([\w-]+\/)*$/, 'base phải bắt đầu và kết thúc bằng "/", ví dụ /gia-dinh-so/'),
	}),
	goalPercent: z.number().min(1).max(100),
	/** The colour of the browser bar and the home-screen icon's background. */
	themeColor: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/, 'màu viết dạng #0b5c3b')
		.default('#0b5c3b'),
	portals: z.record(z.string(), confirmable({ label: z.string().min(1), url })),
	zaloOA: z.record(z.string(), confirmable({ name: z.string() })),
	provinceApp: confirmable({ name: z.string(), planName: z.string().optional(), note: z.string().optional() }),
	agricultureApp: confirmable({ name: z.string() }),
	complaintLine: confirmable({ name: z.string(), number: z.string() }),
	/** Who to ask, where, when: shown at the end of every lesson. Empty until the commune confirms. */
	help: z.object({
		villageTeam: helpDesk,
		police: helpDesk,
		publicServiceCenter: helpDesk,
	}),
	/** Decisions the plan leaves to UBND xã, shown where a lesson depends on them. */
	decisions: z.record(
		z.string(),
		z.object({
			status: z.enum(['undecided', 'accepted', 'rejected'], {
				error: 'status chỉ nhận undecided (chưa quyết định), accepted (đồng ý) hoặc rejected (không đồng ý)',
			}),
			/** The UBND xã document and its date, once there is one. */
			document: z.string().default(''),
			date: z.union([z.literal(''), z.coerce.date({ error: 'ngày không hợp lệ, viết theo dạng 2026-12-01' })]).default(''),
			undecided: z.string().min(1),
			accepted: z.string().min(1),
			rejected: z.string().min(1),
		})
	),
	villages: z.array(
		z.object({
			name: z.string(),
			teamLeader: z.string().default(''),
			phone: z.string().default(''),
			/** The village's number of households, when the commune knows it: "Tổng hợp của xã" shows coverage against it. */
			households: z.number().int().positive().optional(),
			/** The team leader's name and phone are shown only once the commune confirms them. */
			confirmed: z.boolean().default(false),
		})
	),
});

export const allowedDomainsSchema = z.array(
	z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'tên miền không hợp lệ, ví dụ "cpc.vn"')
);

export const glossaryEntrySchema = z.object({
	id: z.string(required('mã (id)')).regex(/^[a-z0-9-]+$/, 'mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
	term: z.string(required('từ (term)')).min(1, 'từ (term) trống'),
	definition: z.string(required('lời giải thích (definition)')).min(1, 'lời giải thích trống'),
});

const isoDate = z.coerce.date({ error: 'ngày không hợp lệ, viết theo dạng 2026-11-25' });

/** A source's publication day, as precise as the source: 2025-10-05, '2023-07' or '2023'. */
const publishedDate = z.unknown().transform((value, ctx) => {
	const date = parsePartialDate(value);
	if (date) return date;
	ctx.addIssue({
		code: 'custom',
		message:
			'ngày đăng (published) không hợp lệ: viết 2025-10-05; nếu nguồn chỉ ghi tháng thì viết \'2023-07\', chỉ ghi năm thì viết \'2023\' (có dấu nháy)',
	});
	return z.NEVER;
});

/** Frontmatter that lessons and chapters add to Starlight's docs schema. */
export const lessonFields = {
	/** The criterion this lesson teaches; absent on chapters such as the glossary. */
	criterion: z.string().regex(/^[a-z]{2}-\d{1,2}$/, 'mã tiêu chí có dạng "cq-1"').optional(),
	/** When the facts in this page were last checked against their sources. */
	checked: isoDate.optional(),
	/**
	 * Where the facts come from. `published`: the day the source itself was published (or issued,
	 * for a law). `checked`: only a day on which someone really opened the source and confirmed
	 * the fact; leave it out otherwise.
	 */
	sources: z
		.array(z.object({ title: z.string().min(1), url, published: publishedDate.optional(), checked: isoDate.optional() }))
		.default([]),
	/**
	 * "Ôn tập": two or three questions at the end of a lesson. `answer` is the index (from 0) of
	 * the right option; `why` is shown after the reader picks, right or wrong.
	 */
	review: z
		.array(
			z
				.object({
					question: z.string().min(1),
					options: z.array(z.string().min(1)).min(2).max(4),
					answer: z.number().int().min(0),
					why: z.string().min(1),
				})
				// An answer pointing past the options would leave a question nobody can get right.
				.refine((q) => q.answer < q.options.length, {
					message: 'số thứ tự câu trả lời đúng (answer) phải chỉ vào một lựa chọn có trong options (đếm từ 0)',
					path: ['answer'],
				})
		)
		.default([]),
	/** "Gia đình bạn đạt tiêu chí này khi ..." — reused by the household checklist and the sheets. */
	selfCheck: z.array(z.string().min(1)).default([]),
	/** Words residents type when looking for this page (CCCD, BHYT, tiền điện ...). */
	keywords: z.array(z.string().min(1)).default([]),
};

/** The same fields as one schema, for the content collection (src/content.config.ts). */
export const lessonFieldsSchema = z.object(lessonFields);

export const lessonFrontmatterSchema = lessonFieldsSchema
	.extend({ title: z.string(required('tiêu đề (title)')).min(1, 'tiêu đề (title) trống') })
	.passthrough()
	.superRefine((data, ctx) => {
		// Every source shows when it was published, on lessons and chapters alike (issue 12). A page
		// that carries no date of its own (an official app's page) shows instead the day someone
		// really opened it and confirmed the fact (checked).
		data.sources.forEach((source, index) => {
			if (!source.published && !source.checked)
				ctx.addIssue({
					code: 'custom',
					path: ['sources', index, 'published'],
					message: `nguồn “${source.title}” thiếu ngày đăng (published), viết theo dạng 2025-10-21; trang không ghi ngày đăng thì ghi ngày đã mở trang và kiểm tra (checked)`,
				});
		});
		if (!data.criterion) return;
		if (!data.checked) ctx.addIssue({ code: 'custom', path: ['checked'], message: 'bài học cần ngày kiểm tra thông tin (checked)' });
		if (data.sources.length === 0) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'bài học cần ít nhất một nguồn (sources)' });
		if (data.selfCheck.length === 0) ctx.addIssue({ code: 'custom', path: ['selfCheck'], message: 'bài học cần danh sách tự kiểm tra (selfCheck)' });
	});

export type Group = z.infer<typeof groupSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type AppliesTo = z.infer<typeof appliesToSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type Commune = z.infer<typeof communeSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
