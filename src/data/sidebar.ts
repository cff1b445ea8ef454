/** Builds Starlight's sidebar from the data, in the plan's order: one group per criteria group. */
import { criterionNumber } from '../lib/criterion';
import type { SiteData } from './load';

type SidebarItem =
	| { label: string; link: string }
	| { slug: string; label?: string }
	| { label: string; items: SidebarItem[]; collapsed?: boolean };

export function buildSidebar({ groups, criteria, lessons }: SiteData): SidebarItem[] {
	const chapters = lessons.filter((l) => !l.data.criterion && l.slug !== '');
	return [
		...groups.map((group) => ({
			label: group.name,
			items: [
				{ label: `Tổng quan: ${group.name}`, link: `/${group.id}/` },
				...criteria
					.filter((c) => c.group === group.id)
					.flatMap((c) => {
						const lesson = lessons.find((l) => l.data.criterion === c.id);
						return lesson ? [{ slug: lesson.slug, label: `${criterionNumber(c.id)}. ${c.title}` }] : [];
					}),
			],
		})),
		...chapters.map((l) => ({ slug: l.slug })),
		{ label: 'Thật hay lừa?', link: '/that-hay-lua/' },
		{ label: 'Từ điển số', link: '/tu-dien-so/' },
		{
			label: 'Công cụ',
			items: [
				{ label: 'Gia đình tôi', link: '/gia-dinh-toi/' },
				{ label: 'Sổ theo dõi của Tổ', link: '/so-theo-doi/' },
				{ label: 'Bản in cho Tổ', link: '/in/' },
			],
		},
	];
}
