import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real recorded API traffic shared by the team (read-only, outside the repo). */
export const RECORDED_DIR = resolve(process.cwd(), '../shared/fixtures/recorded');

export function recorded(name: string): string {
	return readFileSync(join(RECORDED_DIR, name), 'utf8');
}

export function recordedJson<T = unknown>(name: string): T {
	return JSON.parse(recorded(name)) as T;
}

export function recordedFiles(suffix: string): string[] {
	return readdirSync(RECORDED_DIR)
		.filter((f) => f.endsWith(suffix))
		.sort();
}

/** Splits SSE text into {event, data} pairs the simple way (fixtures are well-formed). */
export function sseEvents(text: string): { event: string; data: string }[] {
	return text
		.split(/\r?\n\r?\n/)
		.filter((block) => block.trim())
		.map((block) => {
			const lines = block.split(/\r?\n/);
			const event =
				lines
					.find((l) => l.startsWith('event:'))
					?.slice(6)
					.trim() ?? '';
			const data = lines
				.filter((l) => l.startsWith('data:'))
				.map((l) => l.slice(5).replace(/^ /, ''))
				.join('\n');
			return { event, data };
		});
}
