// Baselines for the browser sections: the simplest pages a playground could be, reading the same
// stream from the stand-in. Plain scripts (no framework) so they measure the approach, not a library.

/** SSE events of the body at `/sse`, parsed with a plain split (the body is well formed). */
const READ_EVENTS = `
function parseEvents(text) {
	return text.split('\\n\\n').filter(Boolean).map((block) => {
		const lines = block.split('\\n');
		return { event: lines[0].slice(7), data: lines[1].slice(6) };
	});
}`;

/**
 * Appends every thinking and text delta to the DOM as soon as it is parsed, one text node per delta.
 * `runStream()` reads the stand-in's `/sse`; `runStream(url, init)` any same-origin stream.
 */
export const NAIVE_STREAM_PAGE = `<!doctype html><html><body><div id="thinking" style="white-space: pre-wrap"></div><div id="out" style="white-space: pre-wrap"></div><script>
${READ_EVENTS}
window.runStream = async (url = '/sse', init = { method: 'POST' }) => {
	const out = document.getElementById('out');
	const thinking = document.getElementById('thinking');
	const res = await fetch(url, init);
	if (!res.ok) throw new Error('naive stream: ' + res.status + ' ' + (await res.text()));
	const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
	let rest = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		rest += value;
		// A chunk may hold no whole event yet: keep it until one ends.
		const end = rest.lastIndexOf('\\n\\n') + 2;
		if (end < 2) continue;
		for (const e of parseEvents(rest.slice(0, end))) {
			const data = JSON.parse(e.data);
			if (data.delta && data.delta.type === 'text_delta') out.appendChild(document.createTextNode(data.delta.text));
			else if (data.delta && data.delta.type === 'thinking_delta') thinking.appendChild(document.createTextNode(data.delta.thinking));
		}
		rest = rest.slice(end);
	}
	await new Promise((r) => requestAnimationFrame(r));
	return thinking.textContent + out.textContent;
};
</script></body></html>`;

/** Renders one DOM row per event (the same fields as the app's rows) for the first `limit` events, no virtualization. */
export const NAIVE_LOG_PAGE = `<!doctype html><html><body style="font: 12px monospace">
<div data-testid="event-log" style="height: 288px"><div style="height: 100%; overflow-y: auto" id="list"></div></div><script>
${READ_EVENTS}
window.renderAll = async (limit) => {
	const events = parseEvents(await (await fetch('/sse', { method: 'POST' })).text()).slice(0, limit);
	const list = document.getElementById('list');
	events.forEach((e, seq) => {
		const row = document.createElement('div');
		row.innerHTML = '<button><span>▸</span><span>#' + seq + '</span><span>+0.0 ms</span><span></span><span></span></button><button>Copy</button>';
		row.firstChild.children[3].textContent = e.event;
		row.firstChild.children[4].textContent = e.data;
		list.appendChild(row);
	});
	await new Promise((r) => requestAnimationFrame(r));
	return list.children.length;
};
</script></body></html>`;
