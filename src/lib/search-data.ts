/**
 * The search box's own data, written by the build beside Pagefind's files (src/integrations/search-index.ts)
 * and read by src/lib/search-client.ts: every page's title, description and keywords (so no result
 * fragment is ever downloaded), the index's words (typos and Telex), and search-synonyms.yaml's lists.
 */
export const SEARCH_DATA_FILE = 'gds-search.json';

export interface SearchData {
	/** Pagefind's result id → [path below the base, title, description, keywords joined by ", "]. */
	pages: Record<string, [path: string, title: string, description: string, keywords: string]>;
	/** Every folded word of the index, most common first, separated by spaces. */
	words: string;
	filler: string[];
	scam: string[];
	/** The three groups and their criteria: [name, path, [[criterion title, lesson path]]]. */
	menu: [name: string, path: string, items: [title: string, path: string][]][];
}
