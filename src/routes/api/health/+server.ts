import { json } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json({ status: 'ok', upstream: getConfig().upstreamKind });
