import data from './catalog.json';
import type { Usage } from '$lib/schemas/usage';
import { costWith, type Cost } from './cost';
import { CatalogSchema, type Catalog, type CatalogModel, type Lifecycle } from './schema';

/**
 * The catalog of models and prices, importable by browser code (no server imports here).
 * The bundled file is the default; a deployment's override (`CATALOG_FILE`) lives on the server
 * only (`$lib/server/catalog`) and reaches the page through `/api/v1/models`.
 */
export * from './schema';
export { costWith, formatUsd, priceFor, type Cost } from './cost';

export const BUNDLED_CATALOG: Catalog = CatalogSchema.parse(data);

/** Newest first, as the Models API lists them. */
export function modelsOf(catalog: Catalog): CatalogModel[] {
	return [...catalog.models].sort((a, b) => b.created_at.localeCompare(a.created_at));
}

export const MODELS: readonly CatalogModel[] = modelsOf(BUNDLED_CATALOG);
export const DEFAULT_MODEL = BUNDLED_CATALOG.default_model;

export function findModel(
	idOrAlias: string,
	catalog: Catalog = BUNDLED_CATALOG
): CatalogModel | undefined {
	return catalog.models.find((m) => m.id === idOrAlias || m.aliases.includes(idOrAlias));
}

/** Where a model stands at `now`, from its dates: retired once its retirement date has come. */
export function lifecycleAt(model: CatalogModel, now: Date = new Date()): Lifecycle {
	const t = now.getTime();
	if (model.retires_at && Date.parse(model.retires_at) <= t) return 'retired';
	if (model.deprecated_at && Date.parse(model.deprecated_at) <= t) return 'deprecated';
	return 'active';
}

/** Cost in USD of one response's usage; undefined when the catalog has no price for the model. */
export function costOf(
	model: string,
	usage: Usage,
	opts: { batch?: boolean } = {},
	catalog: Catalog = BUNDLED_CATALOG
): Cost | undefined {
	const spec = findModel(model, catalog);
	return spec && costWith(catalog, spec, usage, opts);
}

/** Models a picker should offer: every one not retired at `now`. */
export function selectableModels(
	now: Date = new Date(),
	catalog: Catalog = BUNDLED_CATALOG
): CatalogModel[] {
	return modelsOf(catalog).filter((m) => lifecycleAt(m, now) !== 'retired');
}
