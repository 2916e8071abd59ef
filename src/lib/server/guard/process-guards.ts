import { log } from '../log';

let installed = false;

/**
 * Last line of defence: a promise nobody awaited, or an exception thrown outside any request,
 * is logged instead of killing every request in flight. Storage errors are answered where they
 * happen (a 503); anything reaching here is a bug to fix, and the log line says where.
 */
export function installProcessGuards(): void {
	if (installed) return;
	installed = true;
	process.on('unhandledRejection', (reason) => {
		log.error('unhandled promise rejection', { error: describe(reason) });
	});
	process.on('uncaughtException', (error) => {
		log.error('uncaught exception', { error: describe(error) });
	});
}

function describe(e: unknown): string {
	if (e instanceof Error) {
		const code = (e as { code?: string }).code;
		return `${e.name}: ${e.message}${code ? ` (${code})` : ''}\n${e.stack ?? ''}`;
	}
	return String(e);
}
