#!/usr/bin/env bash
# Starts, stops or reports the local Redis (127.0.0.1:6390) and PostgreSQL (127.0.0.1:5440) that the
# storage tests and benchmark use, without systemd. Idempotent: `start` twice leaves one of each running.
# Data lives under .cache/services/ (git-ignored). PostgreSQL refuses to run as root, so it runs as `postgres`.
# SERVICES_REDIS_PORT / SERVICES_POSTGRES_PORT move the ports (the tests then need TEST_REDIS_URL / TEST_POSTGRES_URL).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$root/.cache/services"
redis_port="${SERVICES_REDIS_PORT:-6390}"
pg_port="${SERVICES_POSTGRES_PORT:-5440}"
redis_dir="$base/redis"
pg_dir="$base/postgres"
# PostgreSQL runs as `postgres`, which must be able to reach its data folder; a checkout under a
# private home (e.g. /root) is not reachable, so the cluster then lives in a fixed folder under /tmp.
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$root"; then
  pg_dir="/tmp/partner-access-postgres-$(printf %s "$root" | cksum | cut -d' ' -f1)"
fi
pg_data="$pg_dir/data"
pg_sock="$pg_dir/socket"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"

missing() {
  echo "services: $1 is not installed. Install it with: apt-get install -y redis-server postgresql" >&2
  exit 1
}

check_installed() {
  command -v redis-server >/dev/null 2>&1 || missing redis-server
  command -v redis-cli >/dev/null 2>&1 || missing redis-cli
  [ -n "$pg_bin" ] && [ -x "$pg_bin/pg_ctl" ] || missing "PostgreSQL (/usr/lib/postgresql/*/bin/pg_ctl)"
  id postgres >/dev/null 2>&1 || missing "the postgres user (from the postgresql package)"
}

# Runs a command as the postgres user when we are root (PostgreSQL will not run as root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

redis_up() { redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; }
pg_up() { "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q 2>/dev/null; }

wait_for() {
  local what="$1" check="$2"
  for _ in $(seq 1 100); do
    if "$check"; then return 0; fi
    sleep 0.1
  done
  echo "services: $what did not answer in 10 s" >&2
  return 1
}

start_redis() {
  if redis_up; then echo "redis: already running on 127.0.0.1:$redis_port"; return; fi
  mkdir -p "$redis_dir"
  # A test server: append-only file with Redis's default fsync once a second (a production Redis that must
  # lose nothing on power loss wants appendfsync always; it costs a disk flush per write).
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$redis_dir" --daemonize yes \
    --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" \
    --appendonly yes --appendfsync everysec --save ""
  wait_for redis redis_up
  echo "redis: running on 127.0.0.1:$redis_port"
}

start_pg() {
  if pg_up; then echo "postgresql: already running on 127.0.0.1:$pg_port"; return; fi
  mkdir -p "$pg_dir" "$pg_sock"
  chown postgres:postgres "$pg_dir" "$pg_sock" 2>/dev/null || true
  local fresh=0
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    fresh=1
    as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log"
  fi
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/postgres.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_sock" start >/dev/null
  wait_for postgresql pg_up
  if [ "$fresh" = 1 ]; then
    as_pg "$pg_bin/psql" -h "$pg_sock" -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE ROLE partner_access LOGIN PASSWORD 'partner_access'" \
      -c "CREATE DATABASE partner_access OWNER partner_access"
  fi
  echo "postgresql: running on 127.0.0.1:$pg_port (database partner_access)"
}

stop_redis() {
  if redis_up; then
    redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
    echo "redis: stopped"
  else
    echo "redis: not running"
  fi
}

stop_pg() {
  if [ -f "$pg_data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null
    echo "postgresql: stopped"
  else
    echo "postgresql: not running"
  fi
}

status() {
  if redis_up; then echo "redis: up (127.0.0.1:$redis_port)"; else echo "redis: down"; fi
  if [ -n "$pg_bin" ] && pg_up; then echo "postgresql: up (127.0.0.1:$pg_port)"; else echo "postgresql: down"; fi
}

case "${1:-}" in
  start) check_installed; start_redis; start_pg ;;
  stop) check_installed; stop_redis; stop_pg ;;
  status) status ;;
  *) echo "usage: bash scripts/services.sh start|stop|status" >&2; exit 2 ;;
esac
