// GET /api/v1/models (the SDK's `client.models`).
import type { ModelInfo } from '$lib/schemas';
import { getJson, query, segment, type CallOptions } from './transport';
import type { Page } from './page';

export function list(
	params: { limit?: number } = {},
	options: CallOptions = {}
): Promise<Page<ModelInfo>> {
	return getJson(`/api/v1/models${query({ limit: params.limit })}`, options);
}

export function retrieve(id: string, options: CallOptions = {}): Promise<ModelInfo> {
	return getJson(`/api/v1/models/${segment(id)}`, options);
}
