#!/usr/bin/env bash
# Bring up / tear down everything the SDK's integration tests need, on loopback:
#   * Glance, trusted-headers mode   http://127.0.0.1:$IT_GLANCE_PORT        (default 9292)
#   * Keystone                       http://127.0.0.1:$KEYSTONE_PORT          (default 5000)
#   * Glance, keystone mode          http://127.0.0.1:$GLANCE_KEYSTONE_PORT   (default 9293)
#   * Glance, headers mode with small configured limits, shown locations and the image-cache middleware
#     (GlanceLimitsContract, ImageLocationsContract, CacheMiddlewareIT: Glance's non-default configuration)
#                                    http://127.0.0.1:$IT_GLANCE_LIMITS_PORT (default 9294)
# and write $IT_ENV_DIR/it.env (default /tmp/imagesdk-it/it.env): KEY=value lines, readable by
# `set -a; . /tmp/imagesdk-it/it.env; set +a` and by java.util.Properties.
#
#   scripts/it-env.sh up       # last stdout line: path of it.env
#   scripts/it-env.sh status   # exit 0 if all three are healthy
#   scripts/it-env.sh limits   # prints the limits Glance's GLANCE_LIMITS
#   scripts/it-env.sh down     # stops all three (state dirs are kept; use the scripts' reset to wipe)
#
# Knobs: IT_ENV_DIR, IT_GLANCE_PORT, IT_GLANCE_DIR, GLANCE_KEYSTONE_PORT, IT_GLANCE_KEYSTONE_DIR,
#        IT_GLANCE_LIMITS_PORT, IT_GLANCE_LIMITS_DIR,
#        KEYSTONE_PORT, KEYSTONE_DIR, GLANCE_CACHE (both Glance instances), and the password knobs
#        of scripts/keystone.sh (KEYSTONE_ADMIN_PASSWORD, KEYSTONE_GLANCE_PASSWORD, KEYSTONE_DEMO_PASSWORD).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"
LOG_TAG=it-env

IT_ENV_DIR=${IT_ENV_DIR:-/tmp/imagesdk-it}
IT_GLANCE_PORT=${IT_GLANCE_PORT:-9292}
IT_GLANCE_DIR=${IT_GLANCE_DIR:-/tmp/imagesdk-glance-$IT_GLANCE_PORT}
GLANCE_KEYSTONE_PORT=${GLANCE_KEYSTONE_PORT:-9293}
IT_GLANCE_KEYSTONE_DIR=${IT_GLANCE_KEYSTONE_DIR:-/tmp/imagesdk-glance-$GLANCE_KEYSTONE_PORT}
KEYSTONE_PORT=${KEYSTONE_PORT:-5000}
IT_GLANCE_LIMITS_PORT=${IT_GLANCE_LIMITS_PORT:-9294}
IT_GLANCE_LIMITS_DIR=${IT_GLANCE_LIMITS_DIR:-/tmp/imagesdk-glance-$IT_GLANCE_LIMITS_PORT}
# The limits GlanceLimitsContract (sdk-testing) expects; its emulator run configures the same numbers.
IT_GLANCE_LIMITS="image_size_cap=1048576 user_storage_quota=3145728 image_property_quota=4 image_tag_quota=3 image_member_quota=2 image_location_quota=2"
KEYSTONE_DIR=${KEYSTONE_DIR:-/tmp/imagesdk-keystone}
export KEYSTONE_PORT KEYSTONE_DIR GLANCE_KEYSTONE_PORT
IT_ENV="$IT_ENV_DIR/it.env"

[ "$IT_GLANCE_PORT" != "$GLANCE_KEYSTONE_PORT" ] || die "IT_GLANCE_PORT and GLANCE_KEYSTONE_PORT must differ"
[ "$IT_GLANCE_DIR" != "$IT_GLANCE_KEYSTONE_DIR" ] || die "IT_GLANCE_DIR and IT_GLANCE_KEYSTONE_DIR must differ"

glance_headers() {
  env -u KEYSTONE_URL GLANCE_AUTH=headers GLANCE_PORT="$IT_GLANCE_PORT" GLANCE_DIR="$IT_GLANCE_DIR" \
    "$SCRIPT_DIR/glance.sh" "$@"
}
glance_keystone() {
  env GLANCE_AUTH=keystone GLANCE_PORT="$GLANCE_KEYSTONE_PORT" GLANCE_DIR="$IT_GLANCE_KEYSTONE_DIR" \
    "$SCRIPT_DIR/glance.sh" "$@"
}
glance_limits() {
  env -u KEYSTONE_URL GLANCE_AUTH=headers GLANCE_PORT="$IT_GLANCE_LIMITS_PORT" GLANCE_DIR="$IT_GLANCE_LIMITS_DIR" \
    GLANCE_LIMITS="$IT_GLANCE_LIMITS" GLANCE_LOCATIONS=shown GLANCE_CACHE=on "$SCRIPT_DIR/glance.sh" "$@"
}
keystone() { "$SCRIPT_DIR/keystone.sh" "$@"; }

cmd_up() {
  local t0 glance_url keystone_url glance_ks_url rc=0 ids
  t0=$(now_ms)
  # One apt run for everything (the two scripts would otherwise each take the dpkg lock).
  ensure_packages python3-glance python3-keystonemiddleware python3-keystone curl jq
  mkdir -p "$IT_ENV_DIR"

  # All three start in parallel: neither Glance needs Keystone to become healthy (the keystone-mode
  # one only talks to Keystone when the first token arrives), and it already knows the glance
  # service user's password (keystone.sh provisions exactly KEYSTONE_GLANCE_PASSWORD).
  local ks_glance_pw pid_h pid_k pid_l glance_limits_url
  ks_glance_pw=${KEYSTONE_GLANCE_PASSWORD:-glance-secret}
  glance_headers start >"$IT_ENV_DIR/.glance-headers.url" &
  pid_h=$!
  KEYSTONE_URL="http://127.0.0.1:$KEYSTONE_PORT" GLANCE_SERVICE_PASSWORD="$ks_glance_pw" \
    glance_keystone start >"$IT_ENV_DIR/.glance-keystone.url" &
  pid_k=$!
  glance_limits start >"$IT_ENV_DIR/.glance-limits.url" &
  pid_l=$!
  keystone_url=$(keystone start | tail -n 1) || rc=$?
  wait "$pid_h" || { log "headers-mode Glance failed to start"; rc=1; }
  wait "$pid_k" || { log "keystone-mode Glance failed to start"; rc=1; }
  wait "$pid_l" || { log "limits Glance failed to start"; rc=1; }
  [ "$rc" -eq 0 ] || die "it environment did not come up (see above)"
  glance_url=$(tail -n 1 "$IT_ENV_DIR/.glance-headers.url")
  glance_ks_url=$(tail -n 1 "$IT_ENV_DIR/.glance-keystone.url")
  glance_limits_url=$(tail -n 1 "$IT_ENV_DIR/.glance-limits.url")
  rm -f "$IT_ENV_DIR/.glance-headers.url" "$IT_ENV_DIR/.glance-keystone.url" "$IT_ENV_DIR/.glance-limits.url"

  ids="$KEYSTONE_DIR/ids.env"
  [ -s "$ids" ] || die "$ids missing after keystone start"
  [ "$(kv_get "$ids" KEYSTONE_GLANCE_PASSWORD)" = "$ks_glance_pw" ] ||
    die "glance service password in $ids differs from the one given to the keystone-mode Glance"
  # Smoke test of the keystone path: alice's token must work against the keystone-mode Glance.
  local tok code
  tok=$(curl -s -D - -o /dev/null --max-time 30 -H 'Content-Type: application/json' \
    --data-binary "$(jq -nc --arg p "$(kv_get "$ids" KEYSTONE_ALICE_PASSWORD)" --arg pr "$(kv_get "$ids" KEYSTONE_DEMO_A_PROJECT_ID)" \
      '{auth:{identity:{methods:["password"],password:{user:{name:"alice",domain:{id:"default"},password:$p}}},scope:{project:{id:$pr}}}}')" \
    "$keystone_url/v3/auth/tokens" | tr -d '\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *//p')
  [ -n "$tok" ] || die "alice could not get a token from $keystone_url"
  code=$(http_code "$glance_ks_url/v2/images?limit=1" -H "X-Auth-Token: $tok" --max-time 30)
  [ "$code" = 200 ] || die "keystone-mode Glance answered $code to alice's token (log: $IT_GLANCE_KEYSTONE_DIR/glance-api.log)"

  umask 077
  {
    echo "# Written by imagesdk scripts/it-env.sh up at $(date -Is)."
    echo "# KEY=value; load with: set -a; . $IT_ENV; set +a   (or java.util.Properties)"
    echo "IMAGESDK_GLANCE_URL=$glance_url"
    echo "IMAGESDK_GLANCE_KEYSTONE_URL=$glance_ks_url"
    echo "IMAGESDK_GLANCE_LIMITS_URL=$glance_limits_url"
    echo "IMAGESDK_GLANCE_LOCATIONS_URL=$glance_limits_url"
    echo "IMAGESDK_GLANCE_CACHE_URL=$glance_limits_url"
    echo "IMAGESDK_KEYSTONE_URL=$keystone_url"
    echo "IMAGESDK_CLOUDS_YAML=$(kv_get "$ids" KEYSTONE_CLOUDS_YAML)"
    echo "IMAGESDK_GLANCE_LOG=$IT_GLANCE_DIR/glance-api.log"
    echo "IMAGESDK_GLANCE_KEYSTONE_LOG=$IT_GLANCE_KEYSTONE_DIR/glance-api.log"
    echo "IMAGESDK_KEYSTONE_LOG=$KEYSTONE_DIR/keystone.log"
    # ids.env: KEYSTONE_X=v -> IMAGESDK_KEYSTONE_X=v (KEYSTONE_URL is already above)
    grep -E '^KEYSTONE_[A-Z0-9_]+=' "$ids" | grep -v '^KEYSTONE_URL=' | sed 's/^/IMAGESDK_/'
  } >"$IT_ENV.tmp"
  mv "$IT_ENV.tmp" "$IT_ENV"
  log "all up in $(( $(now_ms) - t0 )) ms: headers $glance_url, keystone $keystone_url, keystone-mode $glance_ks_url, limits $glance_limits_url"
  log "wrote $IT_ENV"
  printf '%s\n' "$IT_ENV"
}

cmd_down() {
  local rc=0
  glance_keystone stop || rc=1
  glance_headers stop || rc=1
  glance_limits stop || rc=1
  keystone stop || rc=1
  return "$rc"
}

cmd_status() {
  local rc=0
  glance_headers status >/dev/null || rc=1
  keystone status >/dev/null || rc=1
  glance_keystone status >/dev/null || rc=1
  glance_limits status >/dev/null || rc=1
  [ "$rc" -eq 0 ] && [ -s "$IT_ENV" ] && printf '%s\n' "$IT_ENV"
  return "$rc"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  # the limits of the limits Glance, for another release's instance configured alike (test-all.sh)
  limits) printf '%s\n' "$IT_GLANCE_LIMITS" ;;
  *) echo "usage: $0 up|down|status|limits" >&2; exit 2 ;;
esac
