// GET /api/v1/models (the SDK's `client.models`).
import type { ModelInfo } from '$lib/schemas';
import { getJson, query, segment, type CallOptions } from './transport';
import type { Page } from './page';

export function list(
	params: { limit?: number; lifecycle?: readonly ('active' | 'deprecated' | 'retired')[] } = {},
	options: CallOptions = {}
): Promise<Page<ModelInfo>> {
	// lifecycle[] repeats, as the SDK sends an array query param.
	const q = new URLSearchParams(query({ limit: params.limit }));
	for (const l of params.lifecycle ?? []) q.append('lifecycle[]', l);
	const s = q.toString();
	return getJson(`/api/v1/models${s ? `?${s}` : ''}`, options);
}

export function retrieve(id: string, options: CallOptions = {}): Promise<ModelInfo> {
	return getJson(`/api/v1/models/${segment(id)}`, options);
}
