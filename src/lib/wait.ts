// Shared by the API layer's messages and the error panel, which may not import the API.
/** A wait in words: "12 s", "4 min 5 s", "10 h 11 min", "2 d 3 h". */
export function formatWait(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	if (s < 60) return `${s} s`;
	const [d, h, m, sec] = [
		Math.floor(s / 86400),
		Math.floor(s / 3600) % 24,
		Math.floor(s / 60) % 60,
		s % 60
	];
	if (d > 0) return h ? `${d} d ${h} h` : `${d} d`;
	if (h > 0) return m ? `${h} h ${m} min` : `${h} h`;
	return sec ? `${m} min ${sec} s` : `${m} min`;
}
