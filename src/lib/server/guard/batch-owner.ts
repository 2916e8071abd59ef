import { getStore } from '../store';
import { assertAccess, canAccess, ownershipEnforced, type Access } from './ownership';

/**
 * Batches belong to whoever created them through the playground (the batch index's creator).
 * One the index does not know (made elsewhere with the same upstream key) belongs to no one
 * here, so with the gate on nobody can read, cancel or delete it through the playground.
 */
export async function assertBatchAccess(
	batchId: string,
	user: string,
	access: Access
): Promise<void> {
	if (!ownershipEnforced()) return;
	const record = await (await getStore()).getBatch(batchId);
	assertAccess(
		record && { owner: record.createdBy },
		user,
		{ kind: 'message batch', id: batchId },
		access
	);
}

/** Drops other users' batches from a page of the batch list (the page's cursors stay as they were). */
export async function ownBatchesOnly<T extends { id?: unknown }>(
	batches: readonly T[],
	user: string
): Promise<T[]> {
	if (!ownershipEnforced()) return [...batches];
	const store = await getStore();
	const owners = await Promise.all(
		batches.map(async (b) =>
			typeof b.id === 'string' ? (await store.getBatch(b.id))?.createdBy : undefined
		)
	);
	return batches.filter((_, i) =>
		canAccess(owners[i] === undefined ? undefined : { owner: owners[i]! }, user)
	);
}
