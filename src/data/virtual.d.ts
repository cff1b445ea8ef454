declare module 'virtual:gds/data' {
	/** The data loaded and validated once by astro.config.mjs (src/data/load.ts). */
	export const site: import('./load').SiteData;
}
