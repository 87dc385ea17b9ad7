#!/usr/bin/env bash
# NextStep developer entry point: `./dev.sh run` starts the kiosk on its demo defaults,
# `./dev.sh test` runs the whole test suite. Each installs what is missing first
# (Debian packages listed in tools/apt-packages.txt, then a .venv from the hashed lock files
# requirements/runtime.txt or requirements/test.txt, with NextStep editable).
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

ensure_apt() {
  local missing=()
  while read -r pkg; do
    case "$pkg" in ''|'#'*) continue ;; esac
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done < tools/apt-packages.txt
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Python dependencies come only from the hashed lock files (requirements/*.txt, made by
# tools/lock.sh from pyproject.toml): runtime.txt for the kiosk, test.txt (the same pins plus
# the test tools) for the tests. NextStep itself is then installed without dependencies.
# After changing a dependency in pyproject.toml, run tools/lock.sh and commit both files.
ensure_venv() {
  local lock="requirements/${1:-runtime}.txt"
  local stamp=".venv/.nextstep-installed-${1:-runtime}"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing NextStep and its locked Python dependencies ($lock) into .venv ..."
    # Build-backend chatter goes to a log; it is shown only if the installation fails.
    if ! { .venv/bin/python -m pip install -q --require-hashes -r "$lock" &&
           .venv/bin/python -m pip install -q --no-build-isolation --no-deps -e .; } \
         > .venv/install.log 2>&1; then
      cat .venv/install.log >&2
      echo "Installing the Python dependencies failed (log above)." >&2
      exit 1
    fi
    touch "$stamp"
  fi
}

cmd="${1:-}"
case "$cmd" in
  run)
    ensure_apt; ensure_venv runtime
    shift
    exec .venv/bin/nextstep kiosk --demo "$@"
    ;;
  test)
    ensure_apt; ensure_venv test
    shift
    exec .venv/bin/python -m pytest "$@"
    ;;
  setup)
    ensure_apt; ensure_venv "${2:-test}"
    ;;
  *)
    echo "usage: ./dev.sh run | test [pytest args] | setup [runtime|test]" >&2
    exit 2
    ;;
esac
