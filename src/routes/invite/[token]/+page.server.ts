import { invitePage } from '$lib/server/auth/invite-api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => invitePage(params.token);
