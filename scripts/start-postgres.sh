#!/usr/bin/env bash
# A throwaway PostgreSQL for tests.
#   eval "$(bash scripts/start-postgres.sh start)"   -> exports DATABASE_URL and PG_TEST_DIR
#   bash scripts/start-postgres.sh stop "$PG_TEST_DIR"
# Runs as a non-root user (postgres refuses to run as root), in a temp dir, on a free localhost
# port, with trust auth on localhost only. Fails loudly if PostgreSQL cannot be started.
set -euo pipefail

fail() { echo "start-postgres: $*" >&2; exit 1; }

find_bin() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$d/initdb" ] && { echo "$d"; return; }
	done
	command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

# Runs a command as the database owner; when we are not root, that is simply us.
as_owner() {
	if [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

start() {
	PG_BIN="${PG_BIN:-$(find_bin || true)}"
	if [ -z "$PG_BIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "start-postgres: installing PostgreSQL (apt-get install postgresql)" >&2
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 ||
			fail "could not install PostgreSQL"
		PG_BIN="$(find_bin || true)"
	fi
	[ -n "$PG_BIN" ] || fail "PostgreSQL binaries (initdb, pg_ctl) not found; install postgresql"

	OWNER="$(id -un)"
	if [ "$(id -u)" = 0 ]; then
		if id postgres >/dev/null 2>&1; then OWNER=postgres; else OWNER=nobody; fi
	fi
	dir="$(mktemp -d /tmp/playground-pg-XXXXXX)"
	chmod 755 "$dir"
	[ "$(id -u)" = 0 ] && chown "$OWNER" "$dir"
	port="$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

	as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
		fail "initdb failed: $(tail -5 "$dir/initdb.log")"
	as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null ||
		fail "postgres did not start: $(tail -5 "$dir/server.log")"
	as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres playground_test ||
		fail "createdb failed"

	echo "export PG_TEST_DIR='$dir'"
	echo "export DATABASE_URL='postgres://postgres@127.0.0.1:$port/playground_test'"
}

stop() {
	local dir="${1:-}"
	[ -n "$dir" ] && [ -d "$dir/data" ] || fail "usage: $0 stop <dir printed by start>"
	PG_BIN="${PG_BIN:-$(find_bin)}"
	OWNER="$(stat -c %U "$dir")"
	as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
	rm -rf "$dir"
}

case "${1:-}" in
	start) start ;;
	stop) stop "${2:-}" ;;
	*) fail "usage: $0 start | stop <dir>" ;;
esac
