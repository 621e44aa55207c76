#!/usr/bin/env bash
# Set up (with the test tools), then run the whole test suite. CI runs exactly this (.ci/run).
# The store tests run on SQLite and on PostgreSQL: a throwaway cluster (scripts/pg.sh) is started on
# loopback for them and stopped when the tests end, however they end. SUCCESSION_TEST_PG set by the caller
# (a cluster of one's own) is used as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
if [ -z "${SUCCESSION_TEST_PG:-}" ]; then
  pgdir=$(mktemp -d "${TMPDIR:-/tmp}/succession-pg.XXXXXX")
  trap 'scripts/pg.sh stop "$pgdir"' EXIT
  if url=$(scripts/pg.sh start "$pgdir"); then
    export SUCCESSION_TEST_PG="$url"
  else
    echo "test: no PostgreSQL for the tests (they skip; in CI they fail)" >&2
  fi
fi
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
