/** Throwaway copies of the project's content/ to break in one way per test, and what the loader says of them. */
import { expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSiteData, SiteDataError } from '../../src/data/load';

export const root = process.cwd();

/** A copy of content/ in a temporary folder. */
export function copyProject(): string {
	const dir = mkdtempSync(join(tmpdir(), 'gds-data-'));
	cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
	return dir;
}

/** The loader's message for a broken copy (the copy is removed); fails the test if the data was accepted. */
export function problemsOf(dir: string, options = {}): string {
	try {
		loadSiteData(dir, { env: {}, ...options });
	} catch (error) {
		expect(error).toBeInstanceOf(SiteDataError);
		return (error as Error).message;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	throw new Error('the data was accepted');
}

/** Changes one file of a copy. */
export function edit(dir: string, file: string, change: (text: string) => string) {
	const path = join(dir, file);
	writeFileSync(path, change(readFileSync(path, 'utf8')));
}
