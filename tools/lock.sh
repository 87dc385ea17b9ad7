#!/usr/bin/env bash
# Regenerate the hashed lock files from pyproject.toml (run after changing a dependency):
#   tools/lock.sh            (uses .venv, or PYTHON=/path/to/python)
# requirements/runtime.txt: what the kiosk needs (and the build backend); requirements/test.txt:
# the same pins plus the test tools. pip-tools is installed into the venv only for this.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
"$PY" -m pip install -q pip-tools
COMPILE=("$PY" -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras
         --no-emit-index-url --no-emit-trusted-host --no-emit-find-links --newline LF)
"${COMPILE[@]}" --output-file requirements/runtime.txt pyproject.toml requirements/build.in
"${COMPILE[@]}" --extra test --constraint requirements/runtime.txt \
  --output-file requirements/test.txt pyproject.toml requirements/build.in
echo "Wrote requirements/runtime.txt and requirements/test.txt"
