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
		// in the API's error shape instead (src/lib/server/guard/csrf.ts). '*' is Kit's way to
		// turn its own check off now that `checkOrigin` is deprecated.
		csrf: { trustedOrigins: ['*'] },
		// Only our own scripts run. Styles allow inline because CodeMirror and Svelte set them
		// at run time; images allow data:/blob: for pasted images and thumbnails.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
