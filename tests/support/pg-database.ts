import pg from 'pg';

/**
 * A fresh, empty PostgreSQL database on the server `TEST_DATABASE_URL` names (scripts/start-postgres.sh;
 * `npm test` sets it), so each suite migrates from scratch. Without it the suite fails, never skips.
 */
export async function freshPostgresDatabase(
	prefix: string
): Promise<{ url: string; drop(): Promise<void> }> {
	const server = process.env.TEST_DATABASE_URL;
	if (!server)
		throw new Error(
			'TEST_DATABASE_URL is not set: run `npm test`, or eval "$(bash scripts/start-postgres.sh start)" and export TEST_DATABASE_URL=$DATABASE_URL'
		);
	const name = `${prefix}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	const admin = new pg.Client(server);
	await admin.connect();
	await admin.query(`create database ${name}`);
	const url = new URL(server);
	url.pathname = '/' + name;
	return {
		url: url.toString(),
		drop: async () => {
			await admin.query(`drop database if exists ${name}`);
			await admin.end();
		}
	};
}
