import { toCurl } from './curl';
import { toGo } from './go';
import type { CodeInput } from './literal';
import { toPython } from './python';
import { toTypeScript } from './typescript';

export type { CodeInput };

export const LANGUAGES = [
	{ id: 'curl', label: 'curl', generate: (i: CodeInput) => toCurl(i) },
	{ id: 'typescript', label: 'TypeScript', generate: toTypeScript },
	{ id: 'python', label: 'Python', generate: toPython },
	{ id: 'go', label: 'Go', generate: toGo }
] as const;
export type LanguageId = (typeof LANGUAGES)[number]['id'];
