/** Times one streamed request: first body byte and end of stream, in ms from the send. */
export async function timeStream(
	url: string,
	body: unknown,
	headers: Record<string, string> = {}
): Promise<{ ttfb: number; total: number; bytes: number }> {
	const started = performance.now();
	const res = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-api-key': 'bench',
			'anthropic-version': '2023-06-01',
			...headers
		},
		body: JSON.stringify(body)
	});
	if (!res.ok || !res.body)
		throw new Error(`bench request failed: ${res.status} ${await res.text()}`);
	const reader = res.body.getReader();
	let ttfb = -1;
	let bytes = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (ttfb < 0) ttfb = performance.now() - started;
		bytes += value.byteLength;
	}
	return { ttfb, total: performance.now() - started, bytes };
}
