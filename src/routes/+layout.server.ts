import { getConfig } from '$lib/server/config';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	upstream: getConfig().upstreamKind,
	user: locals.user
});
