import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Files API: who uploaded each file id, so a user sees and touches only their own files. */
export function fileOwnerQueries(db: Kysely<Database>) {
	return {
		async recordFileOwner(fileId: string, user: string, createdAt: string) {
			await db
				.insertInto('file_owners')
				.values({ file_id: fileId, user_id: user, created_at: createdAt })
				// An id is recorded once: a replay never hands someone else's file over.
				.onConflict((oc) => oc.column('file_id').doNothing())
				.execute();
		},

		async fileOwner(fileId: string) {
			const r = await db
				.selectFrom('file_owners')
				.select('user_id')
				.where('file_id', '=', fileId)
				.executeTakeFirst();
			return r?.user_id;
		},

		async listOwnedFiles(user: string) {
			const rows = await db
				.selectFrom('file_owners')
				.select('file_id')
				.where('user_id', '=', user)
				.orderBy('created_at', 'desc')
				.execute();
			return rows.map((r) => r.file_id);
		},

		async forgetFile(fileId: string) {
			await db.deleteFrom('file_owners').where('file_id', '=', fileId).execute();
		}
	};
}
