#!/usr/bin/env bash
# The whole test suite: unit tests, the contract suite against the embedded emulator, and every *IT
# against a real Glance (trusted-headers and keystone mode) and a real Keystone, started here from
# Debian's packages by scripts/it-env.sh (installs them on first use; needs root for apt-get).
#
#   scripts/test-all.sh [extra mvn args]
#
# Servers this script started are stopped at the end; ones already running are left alone
# (IMAGESDK_KEEP_SERVERS=true keeps them in any case).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

already_up=false
if scripts/it-env.sh status >/dev/null 2>&1; then
  already_up=true
fi
env_file=$(scripts/it-env.sh up | tail -n 1)
cleanup() {
  if [ "$already_up" = false ] && [ "${IMAGESDK_KEEP_SERVERS:-false}" != true ]; then
    scripts/it-env.sh down >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
# A missing server must fail the ITs, not skip them.
export IMAGESDK_IT_REQUIRED=true

mvn -B -ntp verify -DskipITs=false "$@"
# The README's consumer pom, built as a separate project against the installed artifacts (issue 17).
scripts/consumer-check.sh
