import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
	test: { include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'], testTimeout: 60_000 },
});
