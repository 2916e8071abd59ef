import { error } from '@sveltejs/kit';
import { readPermalink } from '$lib/server/gateway/permalinks/service';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const lookup = await readPermalink(await getStore(), params.id);
	if (lookup.kind === 'missing')
		error(404, { message: `There is no shared request with id "${params.id}".` });
	if (lookup.kind === 'unreadable')
		error(422, { message: `This shared request cannot be opened. ${lookup.reason}` });
	return { document: lookup.document };
};
