import { getConfig, serverSecrets } from './config';

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 } as const;
type Level = keyof typeof LEVELS;
const SECRET_FIELD = /key|secret|token|authorization|cookie|passcode|password/i;

/** Replaces secret-looking fields and any occurrence of the configured key before printing. */
export function redact(value: unknown, secrets: readonly string[] = currentSecrets()): unknown {
	if (typeof value === 'string') {
		let out = value;
		for (const s of secrets) if (s) out = out.split(s).join('[redacted]');
		return out;
	}
	if (Array.isArray(value)) return value.map((v) => redact(v, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [
				k,
				SECRET_FIELD.test(k) && typeof v !== 'number' ? '[redacted]' : redact(v, secrets)
			])
		);
	}
	return value;
}

function currentSecrets(): string[] {
	try {
		return serverSecrets();
	} catch {
		return [];
	}
}

export interface Logger {
	error(msg: string, fields?: Record<string, unknown>): void;
	warn(msg: string, fields?: Record<string, unknown>): void;
	info(msg: string, fields?: Record<string, unknown>): void;
	debug(msg: string, fields?: Record<string, unknown>): void;
	child(fields: Record<string, unknown>): Logger;
}

function threshold(): number {
	try {
		return LEVELS[getConfig().LOG_LEVEL];
	} catch {
		return LEVELS.info;
	}
}

export function createLogger(base: Record<string, unknown> = {}): Logger {
	const write = (level: Level, msg: string, fields?: Record<string, unknown>) => {
		if (LEVELS[level] > threshold()) return;
		const line = JSON.stringify(
			redact({ time: new Date().toISOString(), level, msg, ...base, ...fields })
		);
		(level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
	};
	return {
		error: (m, f) => write('error', m, f),
		warn: (m, f) => write('warn', m, f),
		info: (m, f) => write('info', m, f),
		debug: (m, f) => write('debug', m, f),
		child: (fields) => createLogger({ ...base, ...fields })
	};
}

export const log = createLogger();
