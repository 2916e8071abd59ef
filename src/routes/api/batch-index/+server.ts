// GET /api/batch-index?ids=a,b: who created these batches through the playground, and their labels.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { describeIssues } from '$lib/schemas/issues';
import { getBatchIndex } from '$lib/server/gateway/batch-index';
import { apiError } from '$lib/server/http';
import { canAccess } from '$lib/server/guard/ownership';
import type { RequestHandler } from './$types';

const IdsSchema = z
	.string()
	.transform((s) => s.split(',').filter(Boolean))
	.pipe(
		z
			.array(z.string().regex(/^[\w-]{1,128}$/, 'each id must be 1-128 letters, digits, _ or -'))
			.max(1000, 'at most 1000 ids')
	);

export const GET: RequestHandler = async ({ url, locals }) => {
	const ids = IdsSchema.safeParse(url.searchParams.get('ids') ?? '');
	if (!ids.success)
		return apiError('invalid_request_error', describeIssues(ids.error, ['ids']), {
			requestId: locals.requestId
		});
	// Only the caller's own batches: another user's label and template are theirs.
	const entries = Object.fromEntries(
		Object.entries(await getBatchIndex(ids.data)).filter(([, e]) =>
			canAccess({ owner: e.creator }, locals.user)
		)
	);
	// Templates can be large: only sent when asked for (`include=template`), the list needs who and what.
	const withTemplate = url.searchParams.get('include') === 'template';
	const data = Object.fromEntries(
		Object.entries(entries).map(([id, e]) => [
			id,
			{
				label: e.label,
				creator: e.creator,
				created_at: e.created_at,
				...(withTemplate ? { template: e.template } : {})
			}
		])
	);
	return json({ data });
};
