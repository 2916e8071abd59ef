import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../lib/browser';
import { row, type BenchRow } from '../lib/stats';

const CLIENT = 'build/client';

function gzipKb(path: string): number {
	return gzipSync(readFileSync(path)).byteLength / 1024;
}

/** Every script Chromium fetches to load `/` until the network is idle, before any click. */
async function firstLoadScripts(appUrl: string): Promise<Set<string>> {
	const browser = await launchChromium();
	try {
		const page = await browser.newPage();
		const scripts = new Set<string>();
		page.on('request', (r) => {
			const path = new URL(r.url()).pathname;
			if (path.endsWith('.js')) scripts.add(path);
		});
		await page.goto(appUrl + '/', { waitUntil: 'networkidle' });
		return scripts;
	} finally {
		await browser.close();
	}
}

/**
 * Gzipped JS of the first page load (what the browser fetched for `/` before the editor is
 * opened) and of the lazily loaded editor chunks (CodeMirror).
 */
export async function bundleSizes(o: { appUrl: string }): Promise<BenchRow[]> {
	const firstLoad = await firstLoadScripts(o.appUrl);
	const firstKb = [...firstLoad].reduce((n, f) => n + gzipKb(join(CLIENT, f)), 0);
	const chunkDir = join(CLIENT, '_app/immutable/chunks');
	const lazy = readdirSync(chunkDir)
		.map((f) => `/_app/immutable/chunks/${f}`)
		.filter((f) => f.endsWith('.js') && !firstLoad.has(f));
	const editorChunks = lazy.filter((f) =>
		/EditorView|@codemirror|cm-content/.test(readFileSync(join(CLIENT, f), 'utf8'))
	);
	const editorKb = editorChunks.reduce((n, f) => n + gzipKb(join(CLIENT, f)), 0);
	return [
		row({
			section: 'bundle',
			name: 'first page load JS (gzip)',
			value: firstKb,
			unit: 'KB',
			target: '<= 140 KB',
			pass: firstKb <= 140,
			note: `${firstLoad.size} files`
		}),
		row({
			section: 'bundle',
			name: 'editor chunks JS (gzip, lazy)',
			value: editorKb,
			unit: 'KB',
			target: 'lazy (not in first load)',
			note: `${editorChunks.length} files`
		})
	];
}
