#!/bin/sh
# Start a throw-away PostgreSQL server on loopback for the tests and print its URL.
#
#   url=$(.ci/postgres.sh)            # installs Debian's postgresql if it is missing
#   WORKBENCH_TEST_PG_URL=$url WORKBENCH_REQUIRE_PG=1 python -m pytest
#
# The cluster lives in $WORKBENCH_PG_DIR (default /tmp/workbench-pg), listens on
# 127.0.0.1:$WORKBENCH_PG_PORT (default 55432) only, and runs as a non-root user
# ("postgres" when started by root). Running it again reuses a running server.
# Everything but the URL goes to stderr; any failure exits non-zero, loudly.
set -eu

PGDIR=${WORKBENCH_PG_DIR:-/tmp/workbench-pg}
PORT=${WORKBENCH_PG_PORT:-55432}
DB=${WORKBENCH_PG_DB:-workbench_test}

say() { echo "postgres.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

find_bindir() {
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

BINDIR=$(find_bindir || true)
if [ -z "$BINDIR" ]; then
    [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and this user cannot install it (need root for apt-get)"
    say "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || die "apt-get update failed"
    apt-get install -y -qq --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed"
    BINDIR=$(find_bindir) || die "PostgreSQL installed, but no initdb/pg_ctl found under /usr/lib/postgresql"
fi

# The server refuses to run as root: use the postgres account (or the caller).
if [ "$(id -u)" = 0 ]; then
    RUNAS=postgres
    id "$RUNAS" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh "$RUNAS" \
        || die "cannot create the postgres user"
    as_user() { runuser -u "$RUNAS" -- "$@"; }
else
    RUNAS=$(id -un)
    as_user() { "$@"; }
fi

mkdir -p "$PGDIR"
[ "$(id -u)" = 0 ] && chown "$RUNAS" "$PGDIR"
chmod 700 "$PGDIR"

if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    say "creating a cluster in $PGDIR/data"
    as_user "$BINDIR/initdb" -D "$PGDIR/data" --auth=trust --username=postgres \
        --encoding=UTF8 --locale=C.UTF-8 >&2 || die "initdb failed"
fi

if as_user "$BINDIR/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    say "server already running"
else
    say "starting the server on 127.0.0.1:$PORT"
    as_user "$BINDIR/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c fsync=off -c max_connections=200" \
        start >&2 || { cat "$PGDIR/server.log" >&2 2>/dev/null || true; die "the server did not start"; }
fi

PSQL="$BINDIR/psql -h 127.0.0.1 -p $PORT -U postgres -X -q -v ON_ERROR_STOP=1"
as_user $PSQL -d postgres -c "SELECT 1" >/dev/null || die "the server does not answer on 127.0.0.1:$PORT"
if [ -z "$(as_user $PSQL -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    as_user $PSQL -d postgres -c "CREATE DATABASE $DB" >&2 || die "cannot create database $DB"
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
