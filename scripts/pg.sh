#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for the tests, the benchmarks and trying the PostgreSQL store.
#
#   scripts/pg.sh start DIR   install Debian's PostgreSQL if missing (as root), initdb in DIR, start it on a
#                             free port of 127.0.0.1 and print its URL (postgresql://USER@127.0.0.1:PORT/succession)
#   scripts/pg.sh stop DIR    stop it and remove DIR
#
# As root the cluster runs as the `postgres` user (initdb refuses root); otherwise as the caller. The
# cluster lives until `stop` (scripts/test.sh calls it from a trap, so it ends with the tests).
set -euo pipefail

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: scripts/pg.sh start|stop DIR" >&2; exit 2; }

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

as_owner() {  # run a command as the cluster's owner
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
start)
  if ! bindir >/dev/null; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "pg: installing Debian's postgresql" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib) \
        >/dev/null 2>&1 || { echo "pg: could not install postgresql" >&2; exit 1; }
    else
      echo "pg: PostgreSQL is not installed (apt-get install postgresql, as root)" >&2; exit 1
    fi
  fi
  bin=$(bindir)
  mkdir -p "$dir"
  user=$(id -un)
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$dir"; chmod 755 "$dir"; user=postgres  # its parent must let postgres through
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # a free port: ask the kernel for one, then hand it to the server (a race with another starter is retried)
  for _ in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
        start >/dev/null 2>&1; then
      as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" succession
      echo "$port" >"$dir/port"
      echo "postgresql://$user@127.0.0.1:$port/succession"
      exit 0
    fi
  done
  cat "$dir/server.log" >&2; exit 1
  ;;
stop)
  if [ -d "$dir/data" ] && bin=$(bindir); then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: scripts/pg.sh start|stop DIR" >&2; exit 2
  ;;
esac
