/**
 * A `retry-after` header as a person reads it: "in 45 s", "in 12 min", "in 10 h 11 min".
 * The header is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is
 * shown as it came.
 */
export function formatRetryAfter(value: string, now: Date = new Date()): string {
	const trimmed = value.trim();
	let seconds: number;
	if (/^\d+(\.\d+)?$/.test(trimmed)) seconds = Number(trimmed);
	else {
		const at = Date.parse(trimmed);
		if (Number.isNaN(at)) return trimmed;
		seconds = Math.max(0, (at - now.getTime()) / 1000);
	}
	return `in ${formatDuration(Math.ceil(seconds))}`;
}

function formatDuration(total: number): string {
	if (total < 60) return `${total} s`;
	const minutes = Math.round(total / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
	const days = Math.floor(hours / 24);
	const restHours = hours % 24;
	return restHours ? `${days} d ${restHours} h` : `${days} d`;
}
