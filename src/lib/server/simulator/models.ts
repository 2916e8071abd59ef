import {
	findModel,
	lifecycleAt,
	modelsOf,
	type Catalog,
	type CatalogModel,
	type Lifecycle
} from '$lib/catalog';
import { modelInfo } from '$lib/catalog/model-info';
import { PageQuerySchema } from '$lib/schemas';
import { HttpProblem } from '../http';
import { paginate } from './paginate';

/**
 * The Models API and model resolution from the catalog, with lifecycle from the catalog's dates
 * against the clock. Retired models stay in the catalogue as the historical record (SDK 1.14
 * `ModelInfo.lifecycle`): listed only when `lifecycle[]=retired` is asked for, retrievable, but
 * inference naming them fails with a 404 like an unknown model.
 */
const LIFECYCLES: readonly Lifecycle[] = ['active', 'deprecated', 'retired'];

/** The model a Messages or count_tokens request may use; unknown and retired ids are a 404. */
export function usableModel(id: string, catalog: Catalog, now: Date): CatalogModel {
	const model = findModel(id, catalog);
	if (!model || lifecycleAt(model, now) === 'retired')
		throw new HttpProblem('not_found_error', `model: ${id}`);
	return model;
}

function lifecycleFilter(url: URL): Set<Lifecycle> {
	const asked = [...url.searchParams.getAll('lifecycle[]'), ...url.searchParams.getAll('lifecycle')]
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
	for (const v of asked)
		if (!LIFECYCLES.includes(v as Lifecycle))
			throw new HttpProblem(
				'invalid_request_error',
				`lifecycle: Input should be 'active', 'deprecated' or 'retired'`
			);
	if (asked.length > 3)
		throw new HttpProblem('invalid_request_error', 'lifecycle: at most 3 values');
	return new Set((asked.length ? asked : ['active', 'deprecated']) as Lifecycle[]);
}

export function listModels(url: URL, catalog: Catalog, now: Date) {
	const page = Object.fromEntries(
		[...url.searchParams].filter(([k]) => !k.startsWith('lifecycle'))
	);
	const query = PageQuerySchema.safeParse(page);
	if (!query.success)
		throw new HttpProblem('invalid_request_error', 'limit: must be an integer from 1 to 1000');
	const wanted = lifecycleFilter(url);
	const infos = modelsOf(catalog)
		.map((m) => modelInfo(m, now))
		.filter((m) => wanted.has(m.lifecycle));
	return paginate(infos, query.data);
}

export function retrieveModel(rawId: string, catalog: Catalog, now: Date) {
	let id: string;
	try {
		id = decodeURIComponent(rawId);
	} catch {
		throw new HttpProblem('not_found_error', `model: ${rawId}`);
	}
	const model = findModel(id, catalog);
	if (!model) throw new HttpProblem('not_found_error', `model: ${id}`);
	return modelInfo(model, now);
}
