/**
 * How the site names itself (title, home-screen name, description, colour), made from
 * content/data/commune.yaml so that another commune's data gives another commune's handbook.
 */
import type { Commune } from './schema';

export interface SiteIdentity {
	name: string;
	shortName: string;
	description: string;
	themeColor: string;
}

export function siteIdentity(commune: Commune, criteriaCount: number): SiteIdentity {
	return {
		name: `Gia đình số ${commune.commune.name}`,
		shortName: 'Gia đình số',
		description: `Sổ tay phong trào “Gia đình số” của ${commune.commune.fullName}: bài học từng bước cho ${criteriaCount} tiêu chí.`,
		themeColor: commune.themeColor,
	};
}
