#!/usr/bin/env bash
# Set kroniek up on a Debian machine: Debian packages when missing, a virtual
# environment in .venv, kroniek installed into it (editable).
#
#   scripts/setup.sh            # what `kroniek` needs to run (frog, frogdata)
#   scripts/setup.sh --test     # also what the tests need (chromium, Java, dev extras)
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

missing=()
command -v frog >/dev/null 2>&1 || missing+=(frog)
[ -f /usr/share/frog/nld/frog.cfg ] || missing+=(frogdata)
if [ "$with_tests" = 1 ]; then
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    # The Spark job's tests run Spark, which needs a Java runtime (17 or newer for pyspark 4).
    if [ -z "${JAVA_HOME:-}" ] && ! command -v java >/dev/null 2>&1; then
        missing+=(default-jre-headless)
    fi
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: kroniek needs Python 3.11 or newer; $python is $("$python" --version 2>&1)" >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    "$python" -m venv .venv
fi
extras=""
[ "$with_tests" = 1 ] && extras="[dev]"
stamp=".venv/.kroniek-installed$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "setup: installing kroniek$extras into .venv"
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
    touch "$stamp"
fi
