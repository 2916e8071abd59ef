// /api/invites/<token>: accepting an invite link sets the invited name's own secret.
import { segment, sendJson, type CallOptions } from './transport';

export interface AcceptedInvite {
	/** The name now signed in (the browser holds its session cookie). */
	user: string;
}

export function acceptInvite(
	token: string,
	secret: string,
	options: CallOptions = {}
): Promise<AcceptedInvite> {
	return sendJson('POST', `/api/invites/${segment(token)}`, { secret }, options);
}
