// The node fast path for the gateway's hot routes (src/lib/server/fast): the Kit server build
// registers it when its hooks load (importing build/handler.js does that), so it runs the same
// module instances as the Kit routes: one store, one set of limits.
// FAST_PATH=off leaves every request to Kit (to compare the two, or to rule the fast path out).
// Kit's own address and origin headers (ADDRESS_HEADER, PROTOCOL_HEADER, HOST_HEADER) are not
// modelled here, so with any of them set Kit serves everything.
const KEY = Symbol.for('messages-playground.fast-path');

/** @returns {{ handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): boolean, drain(): Promise<void> } | undefined} */
export function takeFastPath(env) {
	if (env.FAST_PATH === 'off') return undefined;
	if (env.ADDRESS_HEADER || env.PROTOCOL_HEADER || env.HOST_HEADER) return undefined;
	return globalThis[KEY];
}
