#!/usr/bin/env bash
# Installs Debian's PostgreSQL if needed, starts it, and prints a connection URL for the tests.
# Used by .ci/run; also handy on a developer machine: export TEST_DATABASE_URL="$(bash .ci/postgres.sh)"
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${version} main$"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"
runuser -u postgres -- psql -q -p "$port" -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inclusion_test') THEN
    CREATE ROLE inclusion_test LOGIN CREATEDB PASSWORD 'inclusion_test';
  END IF; END \$\$;" >&2
# Dropping a test database WITH (FORCE) also stops an autovacuum worker busy on it, which needs this role.
runuser -u postgres -- psql -q -p "$port" -c "GRANT pg_signal_backend TO inclusion_test;" >&2
runuser -u postgres -- psql -q -p "$port" -tc "SELECT 1 FROM pg_database WHERE datname = 'inclusion_test'" | grep -q 1 \
  || runuser -u postgres -- createdb -p "$port" -O inclusion_test inclusion_test >&2
echo "postgres://inclusion_test:inclusion_test@127.0.0.1:${port}/inclusion_test"
