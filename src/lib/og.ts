/** Where each page's link preview picture is, for Zalo and Facebook (Open Graph) and X (Twitter). */

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** The picture for pages that are not lessons: home, group pages, "Gia đình tôi", sheets. */
export const SITE_IMAGE = 'gia-dinh-so';

/** "cq-1" → "og/cq-1.png"; a nested slug keeps to one file name ("a/b" → "a--b"). */
export function ogImageName(slug: string = SITE_IMAGE): string {
	return slug.replaceAll('/', '--');
}

export function ogImagePath(slug?: string): string {
	return `og/${ogImageName(slug)}.png`;
}
