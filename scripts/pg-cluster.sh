#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, listening on 127.0.0.1 only.
#   scripts/pg-cluster.sh start DIR PORT   creates DIR, starts the cluster, prints its URL
#   scripts/pg-cluster.sh stop DIR         stops it and deletes DIR
# Uses Debian's PostgreSQL (/usr/lib/postgresql/<version>/bin); as root, installs it when missing and
# runs the cluster as the unprivileged user `nobody`, since PostgreSQL refuses to run as root.
set -euo pipefail

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL is not installed: sudo apt-get install -y postgresql" >&2
      exit 1
    fi
    echo "Installing Debian's postgresql (apt-get)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 ||
      { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
    # Debian creates and starts a default cluster on 5432; this script does not use it.
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=${2:?directory}
    port=${3:?port}
    bin=$(bin_dir)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown nobody "$dir" && chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=100 -c fsync=off" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?directory}
    if [ -d "$dir/data" ]; then
      bin=$(bin_dir)
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
