/**
 * Reads the request schema as data, for autocomplete: which keys an object at a path may
 * have and which fixed values a field takes. Zod is the one source of truth; no lists here.
 */
import type { z } from 'zod';
import { MessageCreateParamsSchema } from '$lib/schemas';

type Schema = z.core.$ZodType;
interface Def {
	type: string;
	innerType?: Schema;
	in?: Schema;
	options?: Schema[];
	shape?: Record<string, Schema>;
	element?: Schema;
	valueType?: Schema;
	values?: unknown[];
	entries?: Record<string, unknown>;
}
const def = (s: Schema) => s._zod.def as unknown as Def;

/** The concrete schemas a value may match: wrappers removed, unions spread out. */
function expand(s: Schema): Schema[] {
	const d = def(s);
	if (d.innerType) return expand(d.innerType); // optional, nullable, default, readonly
	if (d.type === 'pipe' && d.in) return expand(d.in);
	if (d.type === 'union' && d.options) return d.options.flatMap(expand);
	return [s];
}

function step(s: Schema, seg: string | number): Schema[] {
	const d = def(s);
	if (d.type === 'object' && typeof seg === 'string' && d.shape?.[seg]) return expand(d.shape[seg]);
	if (d.type === 'array' && typeof seg === 'number' && d.element) return expand(d.element);
	if (d.type === 'record' && d.valueType) return expand(d.valueType);
	return [];
}

function resolve(
	path: readonly (string | number)[],
	root: Schema = MessageCreateParamsSchema
): Schema[] {
	let at = expand(root);
	for (const seg of path) at = at.flatMap((s) => step(s, seg));
	return at;
}

function literalValues(s: Schema | undefined): unknown[] {
	if (!s) return [];
	return expand(s).flatMap((x) => {
		const d = def(x);
		if (d.type === 'literal') return d.values ?? [];
		if (d.type === 'enum') return Object.values(d.entries ?? {});
		if (d.type === 'boolean') return [true, false];
		return [];
	});
}

/**
 * Keys an object at `path` may have. When the object already says its `type`, only the
 * matching branch of a union is offered.
 */
export function keysAt(path: readonly (string | number)[], typeValue?: string): string[] {
	const keys = new Set<string>();
	for (const s of resolve(path)) {
		const d = def(s);
		if (d.type !== 'object' || !d.shape) continue;
		const tag = d.shape.type ? literalValues(d.shape.type) : [];
		if (typeValue !== undefined && tag.length > 0 && !tag.includes(typeValue)) continue;
		Object.keys(d.shape).forEach((k) => keys.add(k));
	}
	return [...keys];
}

/** Fixed values (literals, enum members, booleans) the field at `path` may take. */
export function valuesAt(path: readonly (string | number)[]): unknown[] {
	return [...new Set(resolve(path).flatMap((s) => literalValues(s)))];
}
