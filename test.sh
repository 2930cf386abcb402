#!/usr/bin/env bash
# Runs every test of the solution on a machine that has only the .NET SDK: installs and starts what the
# tests need (PostgreSQL; Chromium for the browser tests), runs `dotnet test`, and ends with one line
# "N passed, N failed" (", N skipped" when any) counted from the test results.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Lifecycle).
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the newest cluster (creating it on a machine that has none) and a test role.
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main" || as_root pg_createcluster "$version" main >/dev/null
pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online || as_root pg_ctlcluster "$version" main start
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='backoffice'\"" | grep -q 1 \
  || as_postgres "psql -p $port -qc \"CREATE ROLE backoffice LOGIN CREATEDB PASSWORD 'backoffice'\""
# Dropping a test database with FORCE may have to stop an autovacuum worker visiting it.
as_postgres "psql -p $port -qc \"GRANT pg_signal_backend TO backoffice\"" >/dev/null
export BACKOFFICE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=backoffice;Password=backoffice;Database=postgres"

# Each test host watches its configuration files; hundreds of hosts exhaust the per-user inotify limit (128),
# so file watching polls instead.
export DOTNET_USE_POLLING_FILE_WATCHER=1

results=TestResults
rm -rf "$results"
set +e
dotnet test BackOffice.sln --logger trx --results-directory "$results" "$@"
status=$?
set -e

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without a failing test (a build or test-host failure)."
  failed=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit "$status"
