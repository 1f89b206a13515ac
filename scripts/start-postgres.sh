#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster for the tests and sets the password they use
# (postgresql://postgres:postgres@127.0.0.1:5432/postgres, the default of TEST_PG_ADMIN_URL).
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if [ -z "$(ls /etc/postgresql/"$version" 2>/dev/null)" ]; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
