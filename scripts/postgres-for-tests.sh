#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster on 127.0.0.1:${PGPORT:-54329} for the test suite,
# installing Debian's postgresql package first when it is missing. Prints the URL to
# export as TRACKER_TEST_POSTGRES_URL. Stop it with: scripts/postgres-for-tests.sh stop
set -euo pipefail
PGPORT=${PGPORT:-54329}
PGDATA=${PGDATA_DIR:-/tmp/tracker-pg-$PGPORT}
RUN_AS=postgres
cd /  # the postgres user may not enter the caller's folder

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ "${1:-start}" = "stop" ]; then
  [ -d "$PGDATA" ] && runuser -u "$RUN_AS" -- "$(bin_dir)/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null || true
  exit 0
fi

if [ -z "$(bin_dir)" ]; then
  echo "installing PostgreSQL from Debian's packages ..." >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi
BIN=$(bin_dir)
id "$RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home "$RUN_AS"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown "$RUN_AS" "$PGDATA"
  runuser -u "$RUN_AS" -- "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! runuser -u "$RUN_AS" -- "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  runuser -u "$RUN_AS" -- "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c max_connections=200" start >/dev/null
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
