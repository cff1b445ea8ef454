/**
 * Which Chromium prints the PDFs (src/integrations/pdf.ts) and runs the end-to-end tests
 * (playwright.config.ts): CHROMIUM_PATH when it exists, else Debian's, else the one Playwright
 * installed (playwrightPath), if any. Playwright cannot download its browsers on this machine.
 */
import { existsSync } from 'node:fs';

export function findChromium(playwrightPath?: string): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightPath];
	return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}
