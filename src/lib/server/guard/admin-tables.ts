import type { AdminTableData } from '$lib/admin/table';
import type { ApiTokenRecord, InviteRecord, SessionRecord, UsageRow } from '../store';
import { inviteState } from '../store/identity-store';

/** `2026-11-30 19:07` (UTC): ISO times are long for a table cell, and seconds tell nothing here. */
export function shortTime(iso: string | null): string {
	return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

export interface UserRow {
	name: string;
	signsInWith: string;
	admin: boolean;
	sessions: number;
	tokens: number;
}

/** The admin view's tables, ready to show: one shape for all, so the page has one table. */
export function adminTables(
	lists: {
		users: UserRow[];
		sessions: SessionRecord[];
		tokens: ApiTokenRecord[];
		usage: UsageRow[];
		invites: InviteRecord[];
	},
	now: string
): AdminTableData[] {
	const { users, sessions, tokens, usage, invites } = lists;
	return [
		{
			id: 'users',
			title: 'Users',
			columns: ['Name', 'Signs in with', 'Admin', 'Sessions', 'Tokens'],
			actions: true,
			rows: users.map((u) => ({
				key: u.name,
				cells: [u.name, u.signsInWith, u.admin ? 'yes' : 'no', u.sessions, u.tokens],
				action:
					u.sessions > 0
						? {
								action: 'endSessions',
								fields: { user: u.name },
								label: `End sessions of ${u.name}`,
								text: 'End sessions'
							}
						: null
			}))
		},
		{
			id: 'sessions',
			title: 'Active sessions',
			columns: ['User', 'Address', 'Since (UTC)', 'Expires (UTC)'],
			actions: true,
			// The id hash is the handle for ending one session; the cookie itself is never stored,
			// and the hash cannot be turned back into one.
			rows: sessions.map((s) => ({
				key: s.idHash,
				cells: [s.user, s.address, shortTime(s.createdAt), shortTime(s.expiresAt)],
				action: {
					action: 'endSessions',
					fields: { id: s.idHash },
					label: `End this session of ${s.user} (since ${shortTime(s.createdAt)})`,
					text: 'End'
				}
			}))
		},
		{
			id: 'tokens',
			title: 'API tokens',
			columns: ['User', 'Name', 'Created (UTC)', 'Revoked (UTC)'],
			actions: true,
			rows: tokens.map((t) => ({
				key: t.id,
				cells: [t.user, t.name, shortTime(t.createdAt), shortTime(t.revokedAt) || '—'],
				action: t.revokedAt
					? null
					: {
							action: 'revokeToken',
							fields: { id: t.id, user: t.user },
							label: `Revoke token ${t.name} of ${t.user}`,
							text: 'Revoke'
						}
			}))
		},
		{
			id: 'invites',
			title: 'Invites',
			columns: ['Name', 'State', 'By', 'Created (UTC)', 'Expires (UTC)'],
			actions: true,
			rows: invites.map((i) => {
				const state = inviteState(i, now);
				return {
					key: i.id,
					cells: [i.name, state, i.createdBy, shortTime(i.createdAt), shortTime(i.expiresAt)],
					action:
						state === 'pending'
							? {
									action: 'withdrawInvite',
									fields: { id: i.id },
									label: `Withdraw the invite for ${i.name}`,
									text: 'Withdraw'
								}
							: null
				};
			})
		},
		{
			id: 'usage',
			title: 'Usage per user per day (last 7 days, UTC)',
			columns: ['Day', 'User', 'Input', 'Output', 'Total', 'Held'],
			actions: false,
			rows: usage.map((u) => ({
				key: `${u.day} ${u.user}`,
				cells: [
					u.day,
					u.user,
					u.inputTokens,
					u.outputTokens,
					u.inputTokens + u.outputTokens,
					u.reservedTokens
				],
				action: null
			}))
		}
	];
}
