import { readFileSync } from 'node:fs';
import { BUNDLED_CATALOG, CatalogSchema, type Catalog } from '$lib/catalog';
import { describeIssues } from '$lib/schemas/issues';
import { ConfigError, getConfig } from './config';

/**
 * The catalog this server uses: the file `CATALOG_FILE` names when set (so a team can update
 * models and prices without a release), else the bundled one. Read and validated once; a bad
 * file stops start-up with one line naming the setting and the first problem.
 */
export function loadCatalogFile(path: string): Catalog {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new ConfigError(
			`Invalid setting CATALOG_FILE: cannot read ${path} as JSON (${(e as Error).message})`
		);
	}
	const parsed = CatalogSchema.safeParse(raw);
	if (!parsed.success)
		throw new ConfigError(`Invalid setting CATALOG_FILE: ${describeIssues(parsed.error)}`);
	return parsed.data;
}

let cached: { path: string | undefined; catalog: Catalog } | undefined;

export function serverCatalog(): Catalog {
	const path = getConfig().CATALOG_FILE;
	if (!cached || cached.path !== path)
		cached = { path, catalog: path ? loadCatalogFile(path) : BUNDLED_CATALOG };
	return cached.catalog;
}
