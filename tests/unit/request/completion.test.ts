import { describe, expect, it } from 'vitest';
import { cursorContext } from '$lib/request/json-context';
import { keysAt, valuesAt } from '$lib/request/schema-walk';

/** Text with a `|` marking the cursor. */
const ctx = (marked: string) => cursorContext(marked.replace('|', ''), marked.indexOf('|'));

describe('autocomplete context and schema lookups', () => {
	it('offers top-level request fields from the schema', () => {
		const c = ctx('{"model": "m", "|');
		expect(c).toMatchObject({ kind: 'key', path: [], present: ['model'] });
		expect(keysAt(c!.path)).toEqual(
			expect.arrayContaining(['max_tokens', 'messages', 'system', 'stop_sequences', 'top_k'])
		);
	});

	it('narrows block keys by the block type already written', () => {
		const c = ctx('{"messages": [{"role": "user", "content": [{"type": "image", |');
		expect(c).toMatchObject({
			kind: 'key',
			path: ['messages', 0, 'content', 0],
			typeValue: 'image'
		});
		const keys = keysAt(c!.path, c!.typeValue);
		expect(keys).toContain('source');
		expect(keys).not.toContain('tool_use_id');
	});

	it('offers enum values: roles, block types, media types', () => {
		const role = ctx('{"messages": [{}, {"role": "|');
		expect(role).toMatchObject({ kind: 'value', path: ['messages', 1, 'role'] });
		expect(valuesAt(role!.path)).toEqual(['user', 'assistant', 'system']);
		expect(valuesAt(['messages', 0, 'content', 0, 'type'])).toEqual(
			expect.arrayContaining(['text', 'image', 'tool_use', 'tool_result'])
		);
		expect(valuesAt(['messages', 0, 'content', 0, 'source', 'media_type'])).toEqual([
			'image/jpeg',
			'image/png',
			'image/gif',
			'image/webp'
		]);
		expect(valuesAt(['stream'])).toEqual([true, false]);
	});

	it('is not fooled by braces inside strings', () => {
		expect(ctx('{"system": "a { [ b", "|')).toMatchObject({ kind: 'key', path: [] });
	});
});
