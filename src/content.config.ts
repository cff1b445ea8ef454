import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { DOCS_DIR } from './data/load';
import { lessonFieldsSchema } from './data/schema';

// Lessons live in content/docs/ (not Starlight's default src/content/docs/), so the commune
// office edits content/ and never needs to open src/.
export const collections = {
	docs: defineCollection({
		loader: glob({ base: `./${DOCS_DIR}`, pattern: '**/[^_]*.{md,mdx}' }),
		// The same lesson fields that src/data/load.ts checks, with its Vietnamese messages.
		schema: docsSchema({ extend: lessonFieldsSchema }),
	}),
};
