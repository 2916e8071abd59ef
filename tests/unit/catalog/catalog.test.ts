import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// Not exported by the package; read from the installed copy so an SDK update shows here.
import { DEPRECATED_MODELS } from '../../../node_modules/@anthropic-ai/sdk/internal/data/deprecated-models.mjs';
import {
	BUNDLED_CATALOG,
	CatalogSchema,
	findModel,
	lifecycleAt,
	selectableModels,
	costOf
} from '$lib/catalog';
import data from '$lib/catalog/catalog.json';
import { resetConfig } from '$lib/server/config';
import { serverCatalog } from '$lib/server/catalog';
import { createSimulator } from '$lib/server/simulator/app';

// Every id of SDK 1.14's `Model` union (resources/messages/messages.d.ts).
const SDK_MODELS = [
	'claude-fable-5-2',
	'claude-mythos-5-2',
	'claude-haiku-5-5',
	'claude-sonnet-5-5',
	'claude-fable-5-1',
	'claude-opus-5-5',
	'claude-mythos-5-1',
	'claude-sonnet-5',
	'claude-fable-5',
	'claude-mythos-5',
	'claude-opus-5',
	'claude-opus-4-8',
	'claude-opus-4-7',
	'claude-mythos-preview',
	'claude-opus-4-6',
	'claude-sonnet-4-6',
	'claude-haiku-4-5',
	'claude-haiku-4-5-20251001',
	'claude-opus-4-5',
	'claude-opus-4-5-20251101',
	'claude-sonnet-4-5',
	'claude-sonnet-4-5-20250929'
];

const day = (d: string) => new Date(d + 'T12:00:00Z');

describe('the bundled catalog', () => {
	it('validates and knows every model of the SDK', () => {
		expect(CatalogSchema.safeParse(data).success).toBe(true);
		for (const id of SDK_MODELS) expect(findModel(id), id).toBeDefined();
	});

	it('retires models on the dates the SDK gives for its deprecated ones', () => {
		const months = [
			'january',
			'february',
			'march',
			'april',
			'may',
			'june',
			'july',
			'august',
			'september',
			'october',
			'november',
			'december'
		];
		for (const [id, when] of Object.entries(DEPRECATED_MODELS)) {
			const [, month, dayOfMonth, year] = when.toLowerCase().match(/^(\w+) (\d+)\w*, (\d+)$/)!;
			const iso = `${year}-${String(months.indexOf(month) + 1).padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`;
			expect(findModel(id)!.retires_at?.slice(0, 10), id).toBe(iso);
		}
	});

	it('follows the clock: Sonnet 4.5 is deprecated the day before it retires and retired on 2026-11-30', () => {
		const sonnet = findModel('claude-sonnet-4-5')!;
		expect(lifecycleAt(sonnet, day('2026-11-29'))).toBe('deprecated');
		expect(lifecycleAt(sonnet, day('2026-11-30'))).toBe('retired');
		expect(lifecycleAt(findModel('claude-opus-5')!, day('2026-11-30'))).toBe('active');
	});

	it('keeps every Claude 3.x id as retired, so it can be recognised and refused', () => {
		const threes = BUNDLED_CATALOG.models.filter((m) => m.id.startsWith('claude-3'));
		expect(threes.map((m) => m.id)).toContain('claude-3-5-haiku-20241022');
		for (const m of threes) expect(lifecycleAt(m, day('2026-11-30')), m.id).toBe('retired');
		expect(selectableModels(day('2026-11-30')).some((m) => m.id.startsWith('claude-3'))).toBe(
			false
		);
	});

	it('has a source and a checked date on every price and rule, and a default model that is not retired', () => {
		for (const m of BUNDLED_CATALOG.models)
			expect(m.source.length * m.checked.length, m.id).toBeGreaterThan(0);
		expect(lifecycleAt(findModel(BUNDLED_CATALOG.default_model)!, day('2026-11-30'))).toBe(
			'active'
		);
	});

	it('refuses a file with a duplicate id or a default model it does not list', () => {
		const dup = { ...data, models: [...data.models, data.models[0]] };
		expect(CatalogSchema.safeParse(dup).error?.issues[0].message).toMatch(/listed twice/);
		expect(
			CatalogSchema.safeParse({ ...data, default_model: 'nope' }).error?.issues[0].path
		).toEqual(['default_model']);
	});
});

describe('CATALOG_FILE', () => {
	const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
	afterEach(() => {
		delete process.env.CATALOG_FILE;
		resetConfig();
	});

	function override(content: unknown): string {
		const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
		writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
		process.env.CATALOG_FILE = file;
		resetConfig();
		return file;
	}

	it('replaces the bundled catalog on the server, for prices and for the simulator', async () => {
		const cheap = {
			...data.models.find((m) => m.id === 'claude-opus-5')!,
			id: 'claude-team-model',
			aliases: [],
			price: { input: 1, output: 2 }
		};
		override({ ...data, default_model: 'claude-team-model', models: [cheap] });
		const catalog = serverCatalog();
		expect(catalog.models.map((m) => m.id)).toEqual(['claude-team-model']);
		expect(
			costOf(
				'claude-team-model',
				{ input_tokens: 1_000_000, output_tokens: 0, cache_creation_input_tokens: 1_000_000 },
				{},
				catalog
			)!.total
		)
			// The missing cache price follows the 1.25x rule.
			.toBeCloseTo(1 + 1.25, 10);
		const sim = createSimulator({ tokensPerSecond: 0, seed: 't' });
		const res = await sim.fetch(
			new Request('http://sim/v1/models', {
				headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' }
			})
		);
		expect(((await res.json()) as { data: { id: string }[] }).data.map((m) => m.id)).toEqual([
			'claude-team-model'
		]);
	});

	it('stops with the setting’s name when the file is missing, not JSON, or invalid', () => {
		override('{ nope');
		expect(() => serverCatalog()).toThrow(/^Invalid setting CATALOG_FILE: cannot read/);
		override({ ...data, models: [{ ...data.models[0], price: { input: -1, output: 1 } }] });
		expect(() => serverCatalog()).toThrow(
			/^Invalid setting CATALOG_FILE: models\.0\.price\.input: /
		);
		process.env.CATALOG_FILE = join(dir, 'missing.json');
		resetConfig();
		expect(() => serverCatalog()).toThrow(/CATALOG_FILE/);
	});
});
