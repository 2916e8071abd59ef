import { error } from '@sveltejs/kit';
import { HttpProblem } from '$lib/server/http';
import { readEvaluationShare } from '$lib/server/gateway/evaluations';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	try {
		return { share: await readEvaluationShare(await getStore(), params.id) };
	} catch (e) {
		if (e instanceof HttpProblem) error(e.status, e.message);
		throw e;
	}
};
