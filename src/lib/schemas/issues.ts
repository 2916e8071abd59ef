import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
export interface Primary {
	path: PropertyKey[];
	message: string;
	/** How far into the value the complaint goes; a branch that got further explains more. */
	score: number;
}

/** A branch that failed only on its own `type` tag is the wrong branch, not the real problem. */
function isTagMismatch(issue: Issue): boolean {
	return issue.path.length === 1 && issue.path[0] === 'type';
}

/**
 * Picks the issue a person should see. A union failure holds one issue list per branch;
 * the branch that got deepest into the value (and not just a mismatched `type` tag) wins.
 */
export function primaryIssue(issue: Issue): Primary {
	if (issue.code === 'invalid_union' && issue.errors.length > 0) {
		let best: Primary | undefined;
		for (const branch of issue.errors) {
			if (branch.length === 0) continue;
			const inner = primaryIssue(branch[0]);
			if (!best || inner.score > best.score) best = inner;
		}
		if (best)
			return {
				path: [...issue.path, ...best.path],
				message: best.message,
				score: issue.path.length * 2 + best.score
			};
	}
	return {
		path: issue.path,
		message: issue.message,
		score: issue.path.length * 2 - (isTagMismatch(issue) ? 3 : 0)
	};
}

export function formatPath(path: readonly PropertyKey[]): string {
	return path.map((p) => String(p)).join('.');
}

/**
 * One line naming the field and what is wrong, as the API does (`max_tokens: Field required`).
 * `at` is where the checked value sits in a larger one (`['requests', 3]`).
 */
export function describeIssue(issue: Issue, at: readonly PropertyKey[] = []): string {
	const { path, message } = primaryIssue(issue);
	const where = formatPath([...at, ...path]);
	return where ? `${where}: ${message}` : message;
}

/** The first problem of a failed parse, as `describeIssue` words it: the one way we word one. */
export function describeIssues(error: z.ZodError, at: readonly PropertyKey[] = []): string {
	return describeIssue(error.issues[0], at);
}
