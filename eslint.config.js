// ESLint 9 flat config: the recommended sets of @eslint/js, typescript-eslint and
// eslint-plugin-svelte, Prettier's switch-offs, and a few rules that hold the layout
// (README "Layout"): the browser reaches /api only through src/lib/api.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'test-results/',
			'playwright-report/',
			'bench/results/',
			'data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks names; this rule does not know type-only globals.
			'no-undef': 'off',
			// The app is served at the root (no `paths.base`), so links need no resolve().
			'svelte/no-navigation-without-resolve': 'off',
			// State classes keep plain Maps/Sets/URLs on purpose: buffers published by replacing
			// $state.raw values or bumping a version, not fine-grained reactive collections.
			'svelte/prefer-svelte-reactivity': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig }
		}
	},
	{
		// Tests probe raw JSON of many shapes; `any` there reads better than casts at every step.
		files: ['tests/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// Browser code reaches /api only through src/lib/api (one error type, one place to change).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/api/**', 'src/lib/server/**', 'src/**/*.server.ts', 'src/hooks.server.ts'],
		rules: {
			'no-restricted-globals': [
				'error',
				{ name: 'fetch', message: 'Call the API through $lib/api.' }
			]
		}
	},
	{
		// Components get state through context and never call the API themselves.
		files: ['src/lib/components/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/api', '$lib/api/*'],
							allowTypeImports: true,
							message: 'Components never call the API; use a state class.'
						}
					]
				}
			]
		}
	}
);
