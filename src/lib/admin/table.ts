/** The admin view's tables, as the server hands them to the page (plain, serializable data). */

/** A row's button: posts `fields` to the admin page's form action `action`. */
export interface RowAction {
	action: 'endSessions' | 'revokeToken' | 'withdrawInvite';
	fields: Record<string, string>;
	/** The button's accessible name: it says which row it acts on. */
	label: string;
	text: string;
}

export interface TableRow {
	key: string;
	/** Text (or a count) per column. */
	cells: (string | number)[];
	action: RowAction | null;
}

export interface AdminTableData {
	/** The heading's id, which names the section and its scroll box. */
	id: string;
	title: string;
	columns: string[];
	/** Whether rows may have a button (adds a last column). */
	actions: boolean;
	rows: TableRow[];
}
