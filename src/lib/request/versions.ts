/**
 * The two API versions the playground speaks and what each one accepts. Under 2026-10-21 the
 * API answers 400 for sampling params, documents in assistant turns and citations on user
 * text blocks; lint flags those before the request is sent.
 */
export const API_VERSIONS = ['2026-10-21', '2023-06-01'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = '2026-10-21';
export const LEGACY_API_VERSION: ApiVersion = '2023-06-01';

/** Params only 2023-06-01 accepts (the current version rejects them even at default values). */
export const SAMPLING_PARAMS = ['temperature', 'top_p', 'top_k'] as const;

export function isApiVersion(v: unknown): v is ApiVersion {
	return typeof v === 'string' && (API_VERSIONS as readonly string[]).includes(v);
}

export function allowsSampling(version: string): boolean {
	return version === LEGACY_API_VERSION;
}

export interface VersionProblem {
	path: (string | number)[];
	message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the chosen version would refuse in this body, with the field path to underline. */
export function versionProblems(body: Record<string, unknown>, version: string): VersionProblem[] {
	if (version !== DEFAULT_API_VERSION) return [];
	const out: VersionProblem[] = [];
	for (const key of SAMPLING_PARAMS) {
		if (key in body)
			out.push({
				path: [key],
				message: `${key} is not accepted under API version ${version}; switch to ${LEGACY_API_VERSION} or remove it`
			});
	}
	const messages = Array.isArray(body.messages) ? body.messages : [];
	messages.forEach((m, i) => {
		if (!isRecord(m) || !Array.isArray(m.content)) return;
		m.content.forEach((block, b) => {
			if (!isRecord(block)) return;
			if (m.role === 'assistant' && block.type === 'document') {
				out.push({
					path: ['messages', i, 'content', b],
					message: `document blocks are not accepted in assistant turns under API version ${version}`
				});
			}
			if (
				m.role === 'user' &&
				block.type === 'text' &&
				Array.isArray(block.citations) &&
				block.citations.length > 0
			) {
				out.push({
					path: ['messages', i, 'content', b, 'citations'],
					message: `citations on user text blocks are not accepted under API version ${version}`
				});
			}
		});
	});
	return out;
}
