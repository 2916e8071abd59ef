// /api/invites/<token>: GET names the invited user; POST {secret} sets their secret and signs in.
import { apiHandler } from '$lib/server/gateway/handler';
import { acceptInvite, inviteInfo } from '$lib/server/auth/invite-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => apiHandler(event, () => inviteInfo(event));
export const POST: RequestHandler = (event) => apiHandler(event, () => acceptInvite(event));
