declare module 'virtual:gds/data' {
	/** The data loaded and validated once by astro.config.mjs (src/data/load.ts). */
	export const site: import('./load').SiteData;
	/** The scenarios of "Thật hay lừa?", checked once (src/data/that-hay-lua.ts). */
	export const scenarios: import('./that-hay-lua').Scenario[];
}
