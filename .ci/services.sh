#!/usr/bin/env bash
# Installs and starts what the database and browser tests need, on a fresh Debian machine, as root:
#   - PostgreSQL (Debian's server package) on 127.0.0.1, with role `vnextract` and database
#     `vnextract_test` (the tests create and drop their own schema inside it, so runs never collide);
#   - chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver) for the Selenium test.
# Idempotent and quick when everything is already there (no apt-get then).
#
# Use it either way (stdout is exactly one line, everything else goes to stderr):
#   source .ci/services.sh           # exports VNEXTRACT_TEST_PG=jdbc:postgresql://127.0.0.1:PORT/vnextract_test?...
#   eval "$(.ci/services.sh)"        # the same, from a child process
# The same line is also written to target/services.env (source it from another shell).
set -euo pipefail

log() { echo "services: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  log "must run as root (apt-get, pg_ctlcluster)"; exit 1
fi

need=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql-common)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q "${need[@]}" >&2
fi

ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main"' | grep -q .; then
  log "creating cluster $ver/main"
  pg_createcluster "$ver" main >&2
fi
port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
if ! pg_ctlcluster "$ver" main status >/dev/null 2>&1; then
  log "starting PostgreSQL $ver on port $port"
  pg_ctlcluster "$ver" main start >&2
fi
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { log "PostgreSQL did not come up on 127.0.0.1:$port"; exit 1; }

psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'vnextract'")" != 1 ]; then
  log "creating role vnextract"
  psql_admin -c "CREATE ROLE vnextract LOGIN PASSWORD 'vnextract'" >&2
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'vnextract_test'")" != 1 ]; then
  log "creating database vnextract_test"
  psql_admin -c "CREATE DATABASE vnextract_test OWNER vnextract ENCODING 'UTF8' TEMPLATE template0" >&2
fi

line="export VNEXTRACT_TEST_PG='jdbc:postgresql://127.0.0.1:${port}/vnextract_test?user=vnextract&password=vnextract'"
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$dir/target" && echo "$line" > "$dir/target/services.env"
log "ready: PostgreSQL $ver on 127.0.0.1:$port; chromium at /usr/bin/chromium"
eval "$line" # when sourced (`source .ci/services.sh`), the variable is set in the caller's shell
echo "$line"
