#!/usr/bin/env bash
# Set kroniek up on a Debian machine: Debian packages when missing, a virtual
# environment in .venv, kroniek installed into it (editable), then `kroniek doctor`
# proves that Frog really parses a sentence.
#
#   scripts/setup.sh            # what `kroniek` needs to run (scripts/debian-packages.txt, "run")
#   scripts/setup.sh --test     # also what the tests need ("test": chromium, Java, dev extras)
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

missing=()
while read -r package when _; do
    case "$package" in ''|'#'*) continue ;; esac
    [ "$when" = "test" ] && [ "$with_tests" = 0 ] && continue
    if [ "$package" = "default-jre-headless" ]; then
        # Any Java 17+ runs Spark: a JAVA_HOME or a java on PATH is enough.
        if [ -n "${JAVA_HOME:-}" ] || command -v java >/dev/null 2>&1; then continue; fi
    fi
    installed "$package" || missing+=("$package")
done < scripts/debian-packages.txt

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

# Installed is not working: start Frog and parse one sentence. On failure, doctor
# names the missing package or file and the command that installs it.
if ! .venv/bin/kroniek doctor >.venv/doctor.log 2>&1; then
    cat .venv/doctor.log >&2
    echo "setup: kroniek cannot run on this machine yet (see the failed checks above)" >&2
    exit 1
fi
echo "setup: done; Frog parses ($(grep -c '^ok' .venv/doctor.log) checks ok; 'kroniek doctor' shows them)"
