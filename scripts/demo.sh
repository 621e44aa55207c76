#!/usr/bin/env bash
# Set up, then run succession on the bundled demo corpus: extract the leadership changes (table), store them
# in the embedded SQLite store (demo.db) and show the fused timeline of one organisation.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
rm -f demo.db demo.db-wal demo.db-shm
.venv/bin/succession extract demo/articles --format table
.venv/bin/succession ingest demo/articles --db demo.db
.venv/bin/succession timeline --org "Grauwald Feinmechanik" --db demo.db
echo
echo "Try: .venv/bin/succession who --org 'Grauwald Feinmechanik' --role CEO --on 2025-06-01 --db demo.db   (more in README.md)"
