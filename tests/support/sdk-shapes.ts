import { readFileSync } from 'node:fs';

const DTS = readFileSync('node_modules/@anthropic-ai/sdk/resources/messages/messages.d.ts', 'utf8');

/**
 * The fields of one interface of the installed SDK's Messages types, read from its .d.ts, so a
 * shape test follows the SDK: `required` must all be present, nothing outside `all` may be.
 */
export function sdkFields(name: string, dts = DTS): { required: string[]; all: string[] } {
	const start = dts.indexOf(`export interface ${name} {`);
	if (start < 0) throw new Error(`SDK has no interface ${name}`);
	const body = dts.slice(start, dts.indexOf('\n}', start));
	const required: string[] = [];
	const all: string[] = [];
	for (const m of body.matchAll(/^ {4}(\w+)(\?)?:/gm)) {
		all.push(m[1]);
		if (!m[2]) required.push(m[1]);
	}
	return { required, all };
}

/** Checks an object against an SDK interface's field list; returns what is wrong, empty when it fits. */
export function shapeProblems(value: object, name: string): string[] {
	const { required, all } = sdkFields(name);
	const keys = Object.keys(value);
	return [
		...required.filter((k) => !keys.includes(k)).map((k) => `${name}: missing ${k}`),
		...keys.filter((k) => !all.includes(k)).map((k) => `${name}: unexpected ${k}`)
	];
}
