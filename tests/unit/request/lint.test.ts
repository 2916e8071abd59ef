import { describe, expect, it } from 'vitest';
import { analyzeRequest } from '$lib/request/lint';

const at = (text: string, d: { from: number; to: number }) => text.slice(d.from, d.to);
const pretty = (v: unknown) => JSON.stringify(v, null, 2);

describe('request lint', () => {
	it('accepts a valid body', () => {
		const r = analyzeRequest(
			pretty({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
		);
		expect(r.diagnostics).toEqual([]);
		expect(r.body).not.toBeNull();
	});

	it('points a JSON syntax error at the offending character', () => {
		const text = '{\n  "model": "m",\n  "max_tokens": 10,\n}';
		const r = analyzeRequest(text);
		expect(r.body).toBeNull();
		expect(r.diagnostics).toHaveLength(1);
		expect(r.diagnostics[0].message).toMatch(/^Invalid JSON: /);
		expect(at(text, r.diagnostics[0])).toBe('}');
	});

	it('marks the key of a wrongly typed field, with its path', () => {
		const text = pretty({ model: 'm', max_tokens: 'many', messages: [] });
		const [d] = analyzeRequest(text).diagnostics;
		expect(d.path).toBe('max_tokens');
		expect(at(text, d)).toBe('"max_tokens"');
	});

	it('marks a deep field inside a message block', () => {
		const text = pretty({
			model: 'm',
			max_tokens: 5,
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AAAA' } }
					]
				}
			]
		});
		const [d] = analyzeRequest(text).diagnostics;
		expect(d.path).toBe('messages.0.content.0.source.media_type');
		expect(at(text, d)).toBe('"media_type"');
	});

	it('marks the parent when a required field is missing', () => {
		const text = pretty({ model: 'm', max_tokens: 5, messages: [{ content: 'hi' }] });
		const [d] = analyzeRequest(text).diagnostics;
		expect(d.path).toBe('messages.0.role');
		expect(at(text, d)).toBe(pretty({ content: 'hi' }).replace(/\n/g, '\n    '));
	});

	it('marks a missing top-level field at the document start', () => {
		const text = pretty({ model: 'm', messages: [] });
		const [d] = analyzeRequest(text).diagnostics;
		expect(d.path).toBe('max_tokens');
		expect(d.from).toBe(0);
	});

	it('flags a fifth cache breakpoint at its cache_control key', () => {
		const block = { type: 'text', text: 'x', cache_control: { type: 'ephemeral' } };
		const text = pretty({
			model: 'm',
			max_tokens: 5,
			messages: [{ role: 'user', content: [block, block, block, block, block] }]
		});
		const ds = analyzeRequest(text).diagnostics;
		expect(ds).toHaveLength(1);
		expect(ds[0].path).toBe('messages.0.content.4.cache_control');
		expect(at(text, ds[0])).toBe('"cache_control"');
	});

	it('rejects a body that is not an object', () => {
		expect(analyzeRequest('[1]').diagnostics[0].message).toMatch(/must be a JSON object/);
	});
});
