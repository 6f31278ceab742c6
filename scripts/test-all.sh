#!/usr/bin/env bash
# The whole test suite: unit tests, the contract suite against the embedded emulator, and every *IT
# against a real Glance (trusted-headers and keystone mode) and a real Keystone, started here from
# Debian's packages by scripts/it-env.sh (installs them on first use; needs root for apt-get), then
# the contract suite once more against Glance 30.0 (Debian 13, in a trixie root: scripts/glance.sh
# GLANCE_RELEASE=30).
#
#   scripts/test-all.sh [extra mvn args]
#
# Servers this script started are stopped at the end; ones already running are left alone
# (IMAGESDK_KEEP_SERVERS=true keeps them in any case).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The second Glance release (issue 16): Glance 30.0 from Debian 13 in a trixie root, prepared and
# started in the background while the build runs (the first time: debootstrap + apt, several minutes).
# It starts after it-env.sh's apt run, so that two apt-get runs never race for the package lists.
GLANCE30_PORT=${IMAGESDK_GLANCE30_PORT:-9295}
glance30() { GLANCE_RELEASE=30 GLANCE_PORT="$GLANCE30_PORT" scripts/glance.sh "$@"; }
# and beside it Glance 30.0 configured like it-env.sh's limits Glance (small limits, shown locations, cache)
GLANCE30_LIMITS_PORT=${IMAGESDK_GLANCE30_LIMITS_PORT:-9296}
glance30_limits() {
  env -u KEYSTONE_URL GLANCE_RELEASE=30 GLANCE_AUTH=headers GLANCE_PORT="$GLANCE30_LIMITS_PORT" \
    GLANCE_LIMITS="$(scripts/it-env.sh limits)" GLANCE_LOCATIONS=shown GLANCE_CACHE=on scripts/glance.sh "$@"
}
# and the keystone-mode Glance 30.0 of Keystone's second region (RegionTwo, scripts/keystone.sh)
GLANCE30_KEYSTONE_PORT=${IMAGESDK_GLANCE30_KEYSTONE_PORT:-9298}
glance30_keystone() {
  GLANCE_RELEASE=30 GLANCE_AUTH=keystone GLANCE_PORT="$GLANCE30_KEYSTONE_PORT" KEYSTONE_URL="$IMAGESDK_KEYSTONE_URL" \
    scripts/glance.sh "$@"
}
glance30_out=$(mktemp -d)
glance30_up=false
if glance30 status >/dev/null 2>&1 && glance30_limits status >/dev/null 2>&1 &&
   IMAGESDK_KEYSTONE_URL=http://127.0.0.1:5000 glance30_keystone status >/dev/null 2>&1; then
  glance30_up=true
fi
glance30_pid=""

already_up=false
if scripts/it-env.sh status >/dev/null 2>&1; then
  already_up=true
fi
cleanup() {
  if [ "${IMAGESDK_KEEP_SERVERS:-false}" != true ]; then
    if [ "$already_up" = false ]; then
      scripts/it-env.sh down >/dev/null 2>&1 || true
    fi
    if [ "$glance30_up" = false ]; then
      if [ -n "$glance30_pid" ]; then
        wait "$glance30_pid" 2>/dev/null || true
      fi
      glance30 stop >/dev/null 2>&1 || true
      glance30_limits stop >/dev/null 2>&1 || true
      IMAGESDK_KEYSTONE_URL=${IMAGESDK_KEYSTONE_URL:-} glance30_keystone stop >/dev/null 2>&1 || true
    fi
  fi
  rm -rf "$glance30_out"
}
trap cleanup EXIT
env_file=$(scripts/it-env.sh up | tail -n 1)

set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
# one after the other: the first start may have to make the trixie root
{ glance30 start >"$glance30_out/url" && glance30_limits start >"$glance30_out/limits-url" &&
  glance30_keystone start >"$glance30_out/keystone-url"; } 2>"$glance30_out/log" &
glance30_pid=$!
# A missing server must fail the ITs, not skip them.
export IMAGESDK_IT_REQUIRED=true

mvn -B -ntp verify -DskipITs=false "$@"

# The contract suite and every IT that talks to the headers-mode Glance again, against Glance 30.0
# (GlanceRelease says where the releases differ), and its limits/locations twin.
if ! wait "$glance30_pid"; then
  cat "$glance30_out/log" >&2
  echo "Glance 30.0 did not start (see above)" >&2
  exit 1
fi
cat "$glance30_out/log" >&2
glance30_limits_url=$(tail -n 1 "$glance30_out/limits-url")
IMAGESDK_GLANCE_URL=$(tail -n 1 "$glance30_out/url") IMAGESDK_GLANCE_RELEASE=30 \
  IMAGESDK_GLANCE_LIMITS_URL="$glance30_limits_url" IMAGESDK_GLANCE_LOCATIONS_URL="$glance30_limits_url" \
  IMAGESDK_GLANCE_CACHE_URL="$glance30_limits_url" \
  mvn -B -ntp -o verify -pl sdk-testing,examples -am -DskipITs=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=GlanceContractIT,GlanceLimitsContractIT,GlanceLocationsContractIT,GlanceLinksContractIT,GlanceLinksAvailabilityIT,OrganizationImagesIT,ImageLinksCommandIT,OrgImagesCommandIT,ImagectlLocationsIT,ImageCacheMiddlewareIT,GlanceMetadefsContractIT,MetadefCommandIT,ServiceClientIT,ImagesIT,ImageDataIT,ImageDataFaultsIT,ImageImportIT,MembersIT,ConcurrentLoadIT,ImagectlIT \
  -Dfailsafe.failIfNoSpecifiedTests=false -Denforcer.skip=true -Dimages.constantMemory.skip=true
# The constant-memory IT on Glance 30.0 (1 GiB at -Xmx64m; alone, in its own JVM, as in the first run).
IMAGESDK_GLANCE_URL=$(tail -n 1 "$glance30_out/url") IMAGESDK_GLANCE_RELEASE=30 \
  mvn -B -ntp -o verify -pl sdk-images -am -DskipITs=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=DownloadConstantMemoryIT -Dimages.regular.skip=true -Dfailsafe.failIfNoSpecifiedTests=false -Denforcer.skip=true
# The Keystone ITs once more, in RegionTwo, whose image endpoint is the keystone-mode Glance 30.0 (with the
# organization images of that region: region and image endpoint from the catalog).
glance30_keystone_url=$(tail -n 1 "$glance30_out/keystone-url")
IMAGESDK_KEYSTONE_REGION="$IMAGESDK_KEYSTONE_REGION2" IMAGESDK_KEYSTONE_IMAGE_URL="$glance30_keystone_url" \
  IMAGESDK_GLANCE_KEYSTONE_URL="$glance30_keystone_url" IMAGESDK_KEYSTONE_ALICE_CLOUD=it-alice-region2 \
  IMAGESDK_GLANCE_RELEASE=30 \
  mvn -B -ntp -o verify -pl sdk-core,sdk-testing -am -DskipITs=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=KeystoneIT,CloudConfigIT,OrganizationImagesKeystoneIT -Dfailsafe.failIfNoSpecifiedTests=false -Denforcer.skip=true
# Links kept in each region's own Glance (issue 15): RegionOne's keystone-mode Glance 25.1 and RegionTwo's Glance 30.0;
# the scope matrix with roles from Keystone and availability checked as each Keystone user (KeystoneAvailabilityIT)
# once more, on RegionTwo's Glance 30.0.
IMAGESDK_REGION2_GLANCE=up IMAGESDK_KEYSTONE_REGION="$IMAGESDK_KEYSTONE_REGION2" IMAGESDK_GLANCE_RELEASE=30 \
  mvn -B -ntp -o verify -pl sdk-links -am -DskipITs=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=KeystoneRegionLinksIT,KeystoneScopeMatrixIT,KeystoneAvailabilityIT -Dfailsafe.failIfNoSpecifiedTests=false -Denforcer.skip=true
# The README's consumer pom, built as a separate project against the installed artifacts (issue 17).
scripts/consumer-check.sh
