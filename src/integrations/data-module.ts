/**
 * Publishes the site data that astro.config.mjs loaded (src/data/load.ts, with its clerk-friendly
 * errors) to pages and components as the module "virtual:gds/data", so the data files are read
 * and checked once per build, not again inside Vite. Dates survive the trip (devalue).
 * The practice page's scenarios (content/data/that-hay-lua.yaml) travel the same way.
 */
import { uneval } from 'devalue';
import type { SiteData } from '../data/load';
import type { Scenario } from '../data/that-hay-lua';

export const DATA_MODULE = 'virtual:gds/data';
const RESOLVED = `\0${DATA_MODULE}`;

export function dataModulePlugin(data: SiteData, scenarios: Scenario[]) {
	return {
		name: 'gds:data',
		resolveId: (id: string) => (id === DATA_MODULE ? RESOLVED : undefined),
		load: (id: string) => (id === RESOLVED ? `export const site = ${uneval(data)};\nexport const scenarios = ${uneval(scenarios)};` : undefined),
	};
}
