import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema';
import { promptTokens, type Usage } from '$lib/schemas/usage';
import type { BatchReservation } from './types';

type HoldRow = Selectable<Database['batch_reservations']>;

const toHold = (r: HoldRow): BatchReservation => ({
	batchId: r.batch_id,
	user: r.user_id,
	day: r.day,
	reservedTokens: Number(r.reserved_tokens)
});

/** The usage ledger (tokens per user and day, with holds against the budget) and batch holds. */
export function ledgerQueries(db: Kysely<Database>) {
	async function settleUsage(user: string, day: string, reserved: number, usage: Usage) {
		await db
			.insertInto('usage_ledger')
			.values({
				user_id: user,
				day,
				input_tokens: promptTokens(usage),
				output_tokens: usage.output_tokens ?? 0,
				reserved_tokens: 0
			})
			.onConflict((oc) =>
				oc.columns(['user_id', 'day']).doUpdateSet((eb) => ({
					input_tokens: eb('usage_ledger.input_tokens', '+', eb.ref('excluded.input_tokens')),
					output_tokens: eb('usage_ledger.output_tokens', '+', eb.ref('excluded.output_tokens')),
					// Never below zero, even if a hold was lost with a crashed instance.
					reserved_tokens: sql<number>`case when usage_ledger.reserved_tokens > ${reserved}
						then usage_ledger.reserved_tokens - ${reserved} else 0 end`
				}))
			)
			.execute();
	}

	return {
		settleUsage,
		/** Usage with nothing held for it: a settle that releases no reservation. */
		addUsage: (user: string, day: string, usage: Usage) => settleUsage(user, day, 0, usage),

		async getUsage(user: string, day: string) {
			const r = await db
				.selectFrom('usage_ledger')
				.select(['input_tokens', 'output_tokens', 'reserved_tokens'])
				.where('user_id', '=', user)
				.where('day', '=', day)
				.executeTakeFirst();
			return {
				inputTokens: Number(r?.input_tokens ?? 0),
				outputTokens: Number(r?.output_tokens ?? 0),
				reservedTokens: Number(r?.reserved_tokens ?? 0)
			};
		},

		async reserveUsage(user: string, day: string, tokens: number, budget: number | null) {
			await db
				.insertInto('usage_ledger')
				.values({ user_id: user, day, input_tokens: 0, output_tokens: 0, reserved_tokens: 0 })
				.onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
				.execute();
			// One conditional UPDATE: the check and the hold are atomic in both dialects, so parallel
			// requests cannot all see the same room left under the budget.
			let q = db
				.updateTable('usage_ledger')
				.set((eb) => ({ reserved_tokens: eb('reserved_tokens', '+', tokens) }))
				.where('user_id', '=', user)
				.where('day', '=', day);
			if (budget !== null)
				q = q.where(
					sql<boolean>`input_tokens + output_tokens + reserved_tokens + ${tokens} <= ${budget}`
				);
			const r = await q.executeTakeFirst();
			return Number(r.numUpdatedRows) > 0;
		},

		async listUsage(sinceDay: string) {
			const rows = await db
				.selectFrom('usage_ledger')
				.selectAll()
				.where('day', '>=', sinceDay)
				.orderBy('day', 'desc')
				.orderBy('user_id', 'asc')
				.limit(1000)
				.execute();
			return rows.map((r) => ({
				user: r.user_id,
				day: r.day,
				inputTokens: Number(r.input_tokens),
				outputTokens: Number(r.output_tokens),
				reservedTokens: Number(r.reserved_tokens)
			}));
		},

		async recordBatchReservation(r: BatchReservation) {
			await db
				.insertInto('batch_reservations')
				.values({
					batch_id: r.batchId,
					user_id: r.user,
					day: r.day,
					reserved_tokens: r.reservedTokens,
					settled_at: null
				})
				.onConflict((oc) => oc.column('batch_id').doNothing())
				.execute();
		},

		async claimBatchReservation(batchId: string, at: string) {
			const r = await db
				.updateTable('batch_reservations')
				.set({ settled_at: at })
				.where('batch_id', '=', batchId)
				.where('settled_at', 'is', null)
				.returningAll()
				.executeTakeFirst();
			return r && toHold(r);
		},

		async openBatchReservations(limit = 100) {
			const rows = await db
				.selectFrom('batch_reservations')
				.selectAll()
				.where('settled_at', 'is', null)
				.limit(limit)
				.execute();
			return rows.map(toHold);
		}
	};
}
