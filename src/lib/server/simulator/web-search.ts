import { createRng, hashString, intBetween } from './random';
import { keywords } from './citations';

/**
 * Plausible, deterministic web search results derived from the query: "weather in Paris" finds
 * pages about Paris weather. Each result's `encrypted_content` is opaque to clients, as the API's
 * is; here it is the page's text in base64, so tests can check that citations quote it.
 */
export interface SearchResult {
	type: 'web_search_result';
	url: string;
	title: string;
	page_age: string | null;
	encrypted_content: string;
}

export interface SearchSettings {
	allowed_domains?: string[] | null;
	blocked_domains?: string[] | null;
	user_location?: { city?: string | null; region?: string | null; country?: string | null } | null;
}

const ASKS = [
	'search( the web)?( for)?',
	'look up',
	'find( out)?',
	'google',
	'tell me',
	"what('s| is| are)",
	"who( is|'s)?",
	'when( is| was)?',
	'where( is)?',
	'how( is| are| do| does)?'
];
const LEAD = new RegExp(`^(please\\s+)?(can you\\s+|could you\\s+)?(${ASKS.join('|')})\\s+`, 'i');

/** The query a model would type for a prompt: its own words, less the question framing. */
export function searchQuery(prompt: string, location?: SearchSettings['user_location']): string {
	const first = prompt.split(/(?<=[.?!])\s+|\n/).find((s) => keywords(s).length > 0) ?? prompt;
	let query = first.trim().replace(/[?!.]+$/, '');
	for (let i = 0; i < 3 && LEAD.test(query); i++) query = query.replace(LEAD, '');
	query =
		query
			.replace(/^(the|a|an)\s+/i, '')
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, 200) || 'latest news';
	// A question about "here" or "today" searches near the user, as the API localises results.
	const city = location?.city;
	if (
		city &&
		!query.toLowerCase().includes(city.toLowerCase()) &&
		/\b(weather|near|nearby|local|today|tonight|open now)\b/i.test(query)
	)
		query += ` ${city}`;
	return query;
}

/** Capitalised words read as places and names; the query's main subject otherwise. */
function subjectOf(query: string): string {
	const names = query.match(/\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/g);
	if (names) return names[names.length - 1];
	const words = keywords(query);
	return words.length ? words.slice(0, 3).join(' ') : query;
}

const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '') || 'topic';

function domainMatches(host: string, domain: string): boolean {
	const d = domain
		.replace(/^https?:\/\//, '')
		.split('/')[0]
		.toLowerCase();
	return host === d || host.endsWith('.' + d);
}

export function pageText(query: string, subject: string, site: string): string {
	return (
		`${subject}: what to know about ${query}. ` +
		`This page from ${site} covers ${query} with up-to-date details. ` +
		`Readers looking for ${subject} will find the key facts summarised here.`
	);
}

const pageAge = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;

export function encodeContent(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64');
}

/** Up to five results for the query; domain filters applied as the API applies them. */
export function searchResults(
	query: string,
	settings: SearchSettings,
	seed: number
): SearchResult[] {
	const rng = createRng(seed ^ hashString(query));
	const subject = subjectOf(query);
	const s = slug(subject);
	const q = slug(query);
	let candidates = [
		{
			host: 'en.wikipedia.org',
			path: `/wiki/${encodeURIComponent(subject.replace(/\s+/g, '_'))}`,
			title: `${subject} - Wikipedia`
		},
		{ host: 'www.bbc.com', path: `/news/${q}`, title: `${subject}: latest on ${query} - BBC News` },
		{
			host: `www.${s.replace(/-/g, '')}guide.com`,
			path: `/${q}`,
			title: `${query} | ${subject} Guide`
		},
		{
			host: 'www.reuters.com',
			path: `/world/${q}-${intBetween(rng, 2026, 2026)}`,
			title: `${subject} update: ${query} | Reuters`
		},
		{ host: 'www.britannica.com', path: `/topic/${s}`, title: `${subject} | Britannica` }
	];
	const allowed = settings.allowed_domains ?? [];
	if (allowed.length > 0)
		candidates = allowed.map((d, i) => {
			const host = d
				.replace(/^https?:\/\//, '')
				.split('/')[0]
				.toLowerCase();
			return { host, path: `/${i === 0 ? q : `${s}/${q}`}`, title: `${query} - ${host}` };
		});
	const blocked = settings.blocked_domains ?? [];
	candidates = candidates.filter((c) => !blocked.some((d) => domainMatches(c.host, d)));
	return candidates.slice(0, 5).map((c) => ({
		type: 'web_search_result',
		url: `https://${c.host}${c.path}`,
		title: c.title,
		page_age: pageAge(intBetween(rng, 1, 28), ['hour', 'day', 'week'][intBetween(rng, 0, 2)]),
		encrypted_content: encodeContent(pageText(query, subject, c.host))
	}));
}
