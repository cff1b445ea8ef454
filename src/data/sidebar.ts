/**
 * Builds Starlight's sidebar from the route registry (src/data/routes.ts), in its order: one group
 * per criteria group, the chapters, the quiz, the glossary, then the tools.
 */
import { siteRoutes, type Route } from './routes';
import type { SiteData } from './load';

type SidebarItem =
	| { label: string; link: string }
	| { slug: string; label?: string }
	| { label: string; items: SidebarItem[]; collapsed?: boolean };

function item(route: Route & { sidebar: { label: string; group?: string } }): SidebarItem {
	// A lesson is named by its slug (Starlight links it); a chapter keeps its own title.
	if (route.lesson) return route.sidebar.group ? { slug: route.path, label: route.sidebar.label } : { slug: route.path };
	return { label: route.sidebar.label, link: `/${route.path}/` };
}

export function buildSidebar(data: SiteData): SidebarItem[] {
	const sidebar: SidebarItem[] = [];
	const groups = new Map<string, SidebarItem[]>();
	for (const route of siteRoutes(data)) {
		if (!route.sidebar) continue;
		const entry = item(route as Route & { sidebar: { label: string; group?: string } });
		const group = route.sidebar.group;
		if (!group) {
			sidebar.push(entry);
			continue;
		}
		if (!groups.has(group)) {
			groups.set(group, []);
			sidebar.push({ label: group, items: groups.get(group)! });
		}
		groups.get(group)!.push(entry);
	}
	return sidebar;
}
