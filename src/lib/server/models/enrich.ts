import { findModel, type Catalog } from '$lib/catalog';
import { catalogExtras } from '$lib/catalog/model-info';

/**
 * Adds the catalog's prices and provenance to a Models API answer (a list page or one model)
 * under `x_catalog`, a field SDKs ignore. Models the catalog does not know pass unchanged; the
 * upstream's own fields always win, the catalog only adds.
 */
type Json = Record<string, unknown>;

function enrichOne(model: Json, catalog: Catalog): Json {
	if (typeof model.id !== 'string' || 'x_catalog' in model) return model;
	const known = findModel(model.id, catalog);
	return known ? { ...model, x_catalog: catalogExtras(known) } : model;
}

export function enrichModels(body: unknown, catalog: Catalog): unknown {
	if (!body || typeof body !== 'object') return body;
	const b = body as Json;
	if (Array.isArray(b.data))
		return {
			...b,
			data: b.data.map((m) => (m && typeof m === 'object' ? enrichOne(m as Json, catalog) : m))
		};
	if (b.type === 'model') return enrichOne(b, catalog);
	return body;
}
