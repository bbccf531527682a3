#!/usr/bin/env bash
# The pre-commit hook's entry (.pre-commit-hooks.yaml, language: script).
# pre-commit runs it from its own clone of this repository, with the files to
# check as arguments and the user's repository as the current folder. The
# first run installs and builds the clone (npm ci; needs Node 20 and npm on
# PATH); later runs start the CLI at once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$here/dist/cli.js" ]; then
  echo "xxgk-lint: first run, installing into $here (npm ci)…" >&2
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >&2
fi
exec node "$here/bin/xxgk-lint.js" "$@"
