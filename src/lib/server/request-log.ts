import { log } from './log';

export interface RequestLogFields {
	requestId: string;
	method: string;
	path: string;
	status: number;
	user: string;
	address: string;
	ms: number;
	/** Served by the node fast path (server/fast) rather than a Kit route. */
	fast?: true;
}

/**
 * One JSON line per request: who, from where, what came of it. 4xx and client aborts (499) are
 * the client's business (info); only our own failures are errors. The Kit hooks and the node
 * fast path both write it, so every request reads the same in the log.
 */
export function logRequest(fields: RequestLogFields): void {
	const { status } = fields;
	if (status >= 500 && status !== 503) log.error('request', { ...fields });
	else if (status === 503) log.warn('request', { ...fields });
	else log.info('request', { ...fields });
}
