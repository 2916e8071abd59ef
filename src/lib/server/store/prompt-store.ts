import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** A saved prompt: who owns it and whether the whole team may see and version it. */
export interface PromptRecord {
	id: string;
	owner: string;
	shared: boolean;
	createdAt: string;
}

/** One save of a prompt; versions are never changed, only added. */
export interface PromptVersionRecord {
	promptId: string;
	version: number;
	name: string;
	/** The saved request (body, betas, API version) as JSON text, exactly as saved. */
	document: string;
	createdBy: string;
	createdAt: string;
}

/** A prompt with its newest version, as the list shows it. */
export type PromptSummary = PromptRecord & { latest: PromptVersionRecord };

export interface PromptStore {
	create(
		p: PromptRecord,
		first: Omit<PromptVersionRecord, 'promptId' | 'version'>
	): Promise<PromptVersionRecord>;
	/** Adds the next version number; two saves at once both land, in some order. */
	addVersion(
		promptId: string,
		v: Omit<PromptVersionRecord, 'promptId' | 'version'>
	): Promise<PromptVersionRecord>;
	get(id: string): Promise<PromptRecord | undefined>;
	/** Every version, newest first. */
	versions(id: string): Promise<PromptVersionRecord[]>;
	/** Every prompt with its newest version, most recently changed first. */
	list(): Promise<PromptSummary[]>;
	/** Removes the prompt and every version at once; false when there was no such prompt. */
	remove(id: string): Promise<boolean>;
}

type VersionRow = Database['prompt_versions'];
const toVersion = (r: VersionRow): PromptVersionRecord => ({
	promptId: r.prompt_id,
	version: Number(r.version),
	name: r.name,
	document: r.document,
	createdBy: r.created_by,
	createdAt: r.created_at
});

/** Retries a version insert that lost a race for its number (the primary key refuses the second). */
const MAX_ATTEMPTS = 5;

export class KyselyPromptStore implements PromptStore {
	constructor(private readonly db: Kysely<Database>) {}

	async create(p: PromptRecord, first: Omit<PromptVersionRecord, 'promptId' | 'version'>) {
		await this.db
			.insertInto('prompts')
			.values({ id: p.id, owner: p.owner, shared: p.shared ? 1 : 0, created_at: p.createdAt })
			.execute();
		return this.addVersion(p.id, first);
	}

	async addVersion(promptId: string, v: Omit<PromptVersionRecord, 'promptId' | 'version'>) {
		for (let attempt = 1; ; attempt++) {
			const top = await this.db
				.selectFrom('prompt_versions')
				.select((eb) => eb.fn.max('version').as('top'))
				.where('prompt_id', '=', promptId)
				.executeTakeFirst();
			const version = Number(top?.top ?? 0) + 1;
			const row = {
				prompt_id: promptId,
				version,
				name: v.name,
				document: v.document,
				created_by: v.createdBy,
				created_at: v.createdAt
			};
			const inserted = await this.db
				.insertInto('prompt_versions')
				.values(row)
				.onConflict((oc) => oc.columns(['prompt_id', 'version']).doNothing())
				.returning('version')
				.executeTakeFirst();
			if (inserted) return toVersion(row);
			if (attempt >= MAX_ATTEMPTS)
				throw new Error(`prompt ${promptId}: could not take a version number`);
		}
	}

	async get(id: string) {
		const r = await this.db
			.selectFrom('prompts')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		return (
			r && { id: r.id, owner: r.owner, shared: Number(r.shared) === 1, createdAt: r.created_at }
		);
	}

	async versions(id: string) {
		const rows = await this.db
			.selectFrom('prompt_versions')
			.selectAll()
			.where('prompt_id', '=', id)
			.orderBy('version', 'desc')
			.execute();
		return rows.map(toVersion);
	}

	async remove(id: string) {
		return this.db.transaction().execute(async (trx) => {
			await trx.deleteFrom('prompt_versions').where('prompt_id', '=', id).execute();
			const gone = await trx.deleteFrom('prompts').where('id', '=', id).executeTakeFirst();
			return Number(gone.numDeletedRows) > 0;
		});
	}

	async list() {
		const rows = await this.db
			.selectFrom('prompts as p')
			.innerJoin('prompt_versions as v', 'v.prompt_id', 'p.id')
			.where(({ eb, selectFrom }) =>
				eb(
					'v.version',
					'=',
					selectFrom('prompt_versions as w')
						.select((w) => w.fn.max('w.version').as('m'))
						.whereRef('w.prompt_id', '=', 'p.id')
				)
			)
			.select(['p.id', 'p.owner', 'p.shared', 'p.created_at as prompt_created_at'])
			.select(['v.prompt_id', 'v.version', 'v.name', 'v.document', 'v.created_by', 'v.created_at'])
			.orderBy('v.created_at', 'desc')
			.execute();
		return rows.map((r) => ({
			id: r.id,
			owner: r.owner,
			shared: Number(r.shared) === 1,
			createdAt: r.prompt_created_at,
			latest: toVersion(r)
		}));
	}
}
