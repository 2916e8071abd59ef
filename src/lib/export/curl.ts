import { SDK_DEFAULT_VERSION, type CodeInput } from './literal';

export const DEFAULT_API_URL = 'https://api.anthropic.com';

/** Single-quotes a string for POSIX shells: nothing inside is expanded. */
export function shellQuote(s: string): string {
	return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** The request as a curl command; the key comes from $ANTHROPIC_API_KEY, never inlined. */
export function toCurl(
	{ request, betas, apiVersion }: CodeInput,
	baseUrl = DEFAULT_API_URL
): string {
	const lines = [
		`curl ${baseUrl}/v1/messages`,
		`--header "x-api-key: $ANTHROPIC_API_KEY"`,
		`--header "anthropic-version: ${apiVersion ?? SDK_DEFAULT_VERSION}"`,
		...(betas.length ? [`--header ${shellQuote(`anthropic-beta: ${betas.join(',')}`)}`] : []),
		`--header "content-type: application/json"`,
		// Without it curl may hold back server-sent events until its buffer fills.
		...(request.stream === true ? ['--no-buffer'] : []),
		`--data ${shellQuote(JSON.stringify(request, null, 2))}`
	];
	return lines.join(' \\\n  ') + '\n';
}
