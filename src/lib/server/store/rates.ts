import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Rate-limit counters: one row per (key, window start), incremented atomically. */
export function rateQueries(db: Kysely<Database>) {
	return {
		async incrementRate(key: string, windowStart: number) {
			const r = await db
				.insertInto('rate_counters')
				.values({ key, window_start: windowStart, count: 1 })
				.onConflict((oc) =>
					oc
						.columns(['key', 'window_start'])
						.doUpdateSet((eb) => ({ count: eb('rate_counters.count', '+', 1) }))
				)
				.returning('count')
				.executeTakeFirstOrThrow();
			return Number(r.count);
		},

		async getRate(key: string, windowStart: number) {
			const r = await db
				.selectFrom('rate_counters')
				.select('count')
				.where('key', '=', key)
				.where('window_start', '=', windowStart)
				.executeTakeFirst();
			return Number(r?.count ?? 0);
		},

		async pruneRates(before: number) {
			const r = await db
				.deleteFrom('rate_counters')
				.where('window_start', '<', before)
				.executeTakeFirst();
			return Number(r.numDeletedRows);
		}
	};
}
