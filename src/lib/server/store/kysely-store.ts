import type { Kysely } from 'kysely';
import { documentQueries } from './documents';
import { evaluationQueries } from './evaluations';
import { fileOwnerQueries } from './file-owners';
import { KyselyIdentityStore } from './identity-store';
import { credentialQueries } from './credentials';
import { KyselyLeaseStore } from './lease-store';
import { ledgerQueries } from './ledger';
import { KyselyPromptStore } from './prompt-store';
import { rateQueries } from './rates';
import type { Database } from './schema';
import type { Store } from './types';

/**
 * The Store on top of Kysely, put together from one query module per concern. Every query is
 * written once and runs on both dialects: upserts use ON CONFLICT and RETURNING, which SQLite
 * (3.35+) and PostgreSQL both support.
 */
export function kyselyStore(kind: Store['kind'], db: Kysely<Database>): Store {
	return {
		kind,
		prompts: new KyselyPromptStore(db),
		identities: new KyselyIdentityStore(db),
		leases: new KyselyLeaseStore(db, kind),
		...documentQueries(db),
		...ledgerQueries(db),
		...credentialQueries(db),
		...rateQueries(db),
		...evaluationQueries(db),
		...fileOwnerQueries(db),
		close: () => db.destroy()
	};
}
