#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store tests and prints the connection string on the last line.
# Installs Debian's postgresql package when the machine lacks it. The server refuses to run as root, so the
# cluster tools run it as the postgres user. Idempotent: a second run reuses the cluster.
set -euo pipefail
port=55432
name=complaintflow

# The client alone (psql) may already be there; the server binary is what the tests need.
if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
  echo "installing postgresql from Debian packages" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version=$(ls -d /usr/lib/postgresql/*/bin/postgres | awk -F/ '{print $5}' | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version $name"; then
  pg_createcluster "$version" "$name" -p "$port" -- --auth=trust >&2
fi
pg_ctlcluster "$version" "$name" start >&2 2>/dev/null || true
pg_ctlcluster "$version" "$name" status >/dev/null

for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -Atqc 'SELECT 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
if ! su postgres -c "psql -p $port -Atqc \"SELECT 1 FROM pg_database WHERE datname = 'complaintflow'\"" | grep -q 1; then
  su postgres -c "psql -p $port -qc 'CREATE DATABASE complaintflow'" >&2
fi

echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=complaintflow;Pooling=true;Maximum Pool Size=50"
