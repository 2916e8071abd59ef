import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleJson } from '../../../../src/lib/server/simulator/json-sample';
import { createRng } from '../../../../src/lib/server/simulator/random';

/** Generated values are checked by zod's own JSON Schema conversion, an independent validator. */
function check(schema: Record<string, unknown>, seeds = 40) {
	const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
	for (let seed = 1; seed <= seeds; seed++) {
		const value = sampleJson(schema, createRng(seed));
		const result = validator.safeParse(value);
		expect(
			result.success,
			`seed ${seed}: ${JSON.stringify(value)} -> ${result.error?.message}`
		).toBe(true);
	}
}

const schemas: [string, Record<string, unknown>][] = [
	[
		'weather',
		{
			type: 'object',
			properties: {
				city: { type: 'string' },
				unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }
			},
			required: ['city']
		}
	],
	[
		'const and booleans',
		{
			type: 'object',
			properties: { kind: { const: 'fixed' }, on: { type: 'boolean' } },
			required: ['kind', 'on'],
			additionalProperties: false
		}
	],
	[
		'formats',
		{
			type: 'object',
			properties: {
				day: { type: 'string', format: 'date' },
				at: { type: 'string', format: 'date-time' },
				mail: { type: 'string', format: 'email' },
				link: { type: 'string', format: 'uri' },
				id: { type: 'string', format: 'uuid' }
			},
			required: ['day', 'at', 'mail', 'link', 'id']
		}
	],
	[
		'number bounds',
		{
			type: 'object',
			properties: {
				pct: { type: 'number', minimum: 0, maximum: 1 },
				count: { type: 'integer', minimum: 5, maximum: 7 },
				open: { type: 'number', exclusiveMinimum: 10, exclusiveMaximum: 11 },
				neg: { type: 'integer', maximum: -50 }
			},
			required: ['pct', 'count', 'open', 'neg']
		}
	],
	[
		'arrays and nesting',
		{
			type: 'object',
			properties: {
				tags: {
					type: 'array',
					items: { type: 'string', minLength: 3, maxLength: 8 },
					minItems: 2,
					maxItems: 4
				},
				points: {
					type: 'array',
					items: {
						type: 'object',
						properties: { x: { type: 'integer' }, y: { type: 'integer' } },
						required: ['x', 'y']
					},
					minItems: 1
				},
				owner: {
					type: 'object',
					properties: {
						name: { type: 'string' },
						address: {
							type: 'object',
							properties: { country: { type: 'string' } },
							required: ['country']
						}
					},
					required: ['name', 'address']
				}
			},
			required: ['tags', 'points', 'owner']
		}
	],
	[
		'nullable, anyOf and refs',
		{
			type: 'object',
			$defs: {
				Item: {
					type: 'object',
					properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } },
					required: ['sku', 'qty']
				}
			},
			properties: {
				note: { type: ['string', 'null'] },
				item: { $ref: '#/$defs/Item' },
				either: { anyOf: [{ type: 'integer' }, { type: 'null' }] }
			},
			required: ['note', 'item', 'either']
		}
	],
	['empty object', { type: 'object', properties: {} }]
];

describe('sampleJson', () => {
	it('uses a validator that does reject wrong values', () => {
		const validator = z.fromJSONSchema({
			type: 'object',
			properties: { n: { type: 'integer', minimum: 5 }, d: { type: 'string', format: 'date' } },
			required: ['n', 'd']
		});
		expect(validator.safeParse({ n: 4, d: '2024-01-01' }).success).toBe(false);
		expect(validator.safeParse({ n: 5, d: 'tomorrow' }).success).toBe(false);
	});

	it.each(schemas)('generates values valid for %s', (_name, schema) => check(schema));

	it('is deterministic for a seed and varies across seeds', () => {
		const schema = schemas[4][1];
		expect(sampleJson(schema, createRng(7))).toEqual(sampleJson(schema, createRng(7)));
		const seen = new Set(
			Array.from({ length: 10 }, (_, i) => JSON.stringify(sampleJson(schema, createRng(i))))
		);
		expect(seen.size).toBeGreaterThan(1);
	});

	it('always includes required properties and respects item counts', () => {
		for (let seed = 0; seed < 20; seed++) {
			const v = sampleJson(schemas[4][1], createRng(seed)) as { tags: string[]; points: unknown[] };
			expect(v.tags.length).toBeGreaterThanOrEqual(2);
			expect(v.tags.length).toBeLessThanOrEqual(4);
			expect(v.points.length).toBeGreaterThanOrEqual(1);
		}
	});

	it('picks plausible words from property names', () => {
		const v = sampleJson(
			{ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
			createRng(3)
		) as { city: string };
		expect(['Paris', 'Tokyo', 'Oslo', 'Lisbon', 'Nairobi']).toContain(v.city);
	});

	it.each([
		[
			'a huge minItems',
			{
				type: 'array',
				items: { type: 'array', items: { type: 'string', minLength: 1e9 }, minItems: 1e6 },
				minItems: 1e6
			}
		],
		[
			'an allOf that includes itself',
			{ $defs: { A: { allOf: [{ $ref: '#/$defs/A' }] } }, $ref: '#/$defs/A' }
		],
		[
			'a required binary tree',
			{
				$defs: {
					N: {
						type: 'object',
						properties: { l: { $ref: '#/$defs/N' }, r: { $ref: '#/$defs/N' } },
						required: ['l', 'r']
					}
				},
				$ref: '#/$defs/N'
			}
		]
	])('stays small for %s', (_name, schema) => {
		expect(JSON.stringify(sampleJson(schema, createRng(1))).length).toBeLessThan(200_000);
	});

	it('keeps awkward property names as plain keys', () => {
		// Parsed, as a request body is: a `__proto__` literal in code would set the prototype instead.
		const schema = JSON.parse(
			'{"type":"object","properties":{"__proto__":{"type":"integer"}},"required":["constructor","__proto__"]}'
		);
		const v = sampleJson(schema, createRng(1));
		expect(JSON.parse(JSON.stringify(v))).toEqual({
			constructor: expect.any(String),
			['__proto__']: expect.any(Number)
		});
	});

	it('survives a self-referencing schema', () => {
		const tree = {
			type: 'object',
			$defs: { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } } },
			properties: { root: { $ref: '#/$defs/Node' } },
			required: ['root']
		};
		expect(() => sampleJson(tree, createRng(1))).not.toThrow();
	});
});
