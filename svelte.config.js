import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		// Kit's check answers cross-site form posts with plain text; our csrf hook answers
		// in the API's error shape instead (src/lib/server/guard/csrf.ts).
		csrf: { checkOrigin: false }
	}
};

export default config;
