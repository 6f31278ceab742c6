#!/usr/bin/env bash
# Run a real OpenStack Glance API (Debian 12 python3-glance 25.1 / Zed, API v2.16) on loopback
# for the SDK's integration tests and CI.
#
#   scripts/glance.sh start|stop|status|reset
#
#   ENDPOINT=$(scripts/glance.sh start)   # last (only) stdout line is http://127.0.0.1:$GLANCE_PORT
#
# Knobs (environment):
#   GLANCE_PORT           listen port on 127.0.0.1                    (default 9292)
#   GLANCE_DIR            state dir (config, SQLite db, stores, log)   (default /tmp/imagesdk-glance-$GLANCE_PORT)
#   GLANCE_AUTH           headers | noauth | keystone                  (default headers)
#                           headers : paste flavor "trustedheaders" = Debian's keystone pipeline minus
#                                     authtoken; identity from X-Identity-Status: Confirmed, X-Project-Id,
#                                     X-User-Id, X-Roles (no Keystone needed)
#                           noauth  : upstream default flavor (unauthenticated-context, everyone is admin,
#                                     owner null; identity headers ignored)
#                           keystone: authtoken + context; clients send X-Auth-Token
#   GLANCE_RELEASE        25 | 30: Glance 25.1 (Zed, API 2.16) from this bookworm machine's packages, or
#                         Glance 30.0 (2025.1) from Debian 13 (trixie) in a trixie root made once with
#                         debootstrap (scripts/lib/trixie-root.sh; TRIXIE_ROOT)   (default 25)
#   GLANCE_CACHE          on | off: image-cache filter before rootapp  (default off)
#   GLANCE_START_TIMEOUT  seconds to wait for /healthcheck             (default 60)
#   GLANCE_DEBUG          true | false: oslo.log debug                 (default false)
#   GLANCE_LIMITS         Glance's quota/limit options for [DEFAULT], "key=value ..." among
#                         image_size_cap user_storage_quota image_property_quota image_tag_quota
#                         image_member_quota image_location_quota (default: none, Glance's defaults)
#   GLANCE_LOCATIONS      hidden | shown: Glance's default hides image locations and refuses every location
#                         change; shown = show_multiple_locations = true plus a read-only http store
#                         ("web"), the only kind of location a project may add (file locations are
#                         restricted), as the location operations need                (default hidden)
#   GLANCE_METADEFS       on | off: load Glance's standard metadata definitions (glance-common's
#                         metadefs/*.json, "OS::Compute::Hypervisor" ...) into the database once per state
#                         dir, after db_sync (glance-manage db_load_metadefs; marker .metadefs_loaded) (default on)
#   GLANCE_METADEFS_CACHE where glance-common's .deb is unpacked once per release (apt-get download +
#                         dpkg-deb -x; glance-common itself is not installed: it pulls dbconfig/debconf),
#                         and where a fresh database with the definitions is kept per Glance version: a new
#                         state dir starts from a copy of it (no db_sync, no loading)
#                         (default /var/cache/imagesdk/glance-common-$GLANCE_RELEASE; for release 30 a
#                         directory inside the trixie root)
#   GLANCE_TOKEN_CACHE_TIME  keystone mode: seconds Glance caches a validated token; -1 = never, so a
#                         token revoked in Keystone is refused at once (default -1; benchmarks use 300)
#   keystone mode only:
#   KEYSTONE_DIR          where scripts/keystone.sh keeps ids.env      (default /tmp/imagesdk-keystone)
#   KEYSTONE_URL          default: KEYSTONE_URL from ids.env, else http://127.0.0.1:5000
#   GLANCE_SERVICE_PASSWORD  password of the "glance" service user; default: KEYSTONE_GLANCE_PASSWORD
#                         from ids.env, else glance-secret (keystone.sh's default)
#
# start is idempotent: a healthy instance started with the same mode only prints its endpoint.
# Several instances can run side by side on different ports (each has its own GLANCE_DIR).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

GLANCE_PORT=${GLANCE_PORT:-9292}
GLANCE_DIR=${GLANCE_DIR:-/tmp/imagesdk-glance-$GLANCE_PORT}
GLANCE_AUTH=${GLANCE_AUTH:-headers}
GLANCE_CACHE=${GLANCE_CACHE:-off}
GLANCE_RELEASE=${GLANCE_RELEASE:-25}
GLANCE_START_TIMEOUT=${GLANCE_START_TIMEOUT:-60}
GLANCE_DEBUG=${GLANCE_DEBUG:-false}
GLANCE_TOKEN_CACHE_TIME=${GLANCE_TOKEN_CACHE_TIME:--1}
GLANCE_LIMITS=${GLANCE_LIMITS:-}
GLANCE_LOCATIONS=${GLANCE_LOCATIONS:-hidden}
GLANCE_METADEFS=${GLANCE_METADEFS:-on}
KEYSTONE_DIR=${KEYSTONE_DIR:-/tmp/imagesdk-keystone}
# Debian's glance-common paste ini, used as the base when it is installed (it is not with
# python3-glance alone; then the same pipelines are written from this script).
GLANCE_PASTE_BASE=${GLANCE_PASTE_BASE:-/etc/glance/glance-api-paste.ini}
LOG_TAG="glance:$GLANCE_PORT"

[[ "$GLANCE_PORT" =~ ^[0-9]+$ ]] || die "GLANCE_PORT must be a number"
[[ "$GLANCE_TOKEN_CACHE_TIME" =~ ^-?[0-9]+$ ]] || die "GLANCE_TOKEN_CACHE_TIME must be a number of seconds or -1"
case "$GLANCE_AUTH" in headers|noauth|keystone) ;; *) die "GLANCE_AUTH must be headers|noauth|keystone, not '$GLANCE_AUTH'";; esac
case "$GLANCE_CACHE" in on|off) ;; *) die "GLANCE_CACHE must be on|off, not '$GLANCE_CACHE'";; esac
HTTP_STORE_SECTION=""
case "$GLANCE_LOCATIONS" in
  hidden) SHOW_LOCATIONS=false BACKENDS="fast:file, cheap:file" ;;
  shown) SHOW_LOCATIONS=true BACKENDS="fast:file, cheap:file, web:http"
         HTTP_STORE_SECTION=$'[web]\nstore_description = Web store (read-only http locations)\n\n' ;;
  *) die "GLANCE_LOCATIONS must be hidden|shown, not '$GLANCE_LOCATIONS'" ;;
esac
case "$GLANCE_METADEFS" in on|off) ;; *) die "GLANCE_METADEFS must be on|off, not '$GLANCE_METADEFS'";; esac
case "$GLANCE_RELEASE" in
  25) ;;
  30) # shellcheck source=lib/trixie-root.sh
      . "$SCRIPT_DIR/lib/trixie-root.sh"
      GLANCE_PASTE_BASE="$TRIXIE_ROOT/etc/glance/glance-api-paste.ini" ;;
  *) die "GLANCE_RELEASE must be 25|30, not '$GLANCE_RELEASE'" ;;
esac
if [ "$GLANCE_RELEASE" = 30 ]; then
  # a path inside the trixie root: trixie's apt downloads and glance-manage (chrooted) reads it
  GLANCE_METADEFS_CACHE=${GLANCE_METADEFS_CACHE:-/var/cache/imagesdk/glance-common-30}
else
  GLANCE_METADEFS_CACHE=${GLANCE_METADEFS_CACHE:-/var/cache/imagesdk/glance-common-25}
fi
LIMIT_LINES=""
for kv in $GLANCE_LIMITS; do
  key=${kv%%=*} value=${kv#*=}
  case "$key" in
    image_size_cap|user_storage_quota) [[ "$value" =~ ^[0-9]+$ ]] ||
      die "GLANCE_LIMITS: $key must be a number of bytes, not '$value'" ;;
    image_property_quota|image_tag_quota|image_member_quota|image_location_quota) [[ "$value" =~ ^-?[0-9]+$ ]] ||
      die "GLANCE_LIMITS: $key must be a whole number (negative: unlimited), not '$value'" ;;
    *) die "GLANCE_LIMITS: '$kv' is not one of image_size_cap|user_storage_quota|image_*_quota=NUMBER" ;;
  esac
  LIMIT_LINES+="$key = $value"$'\n'
done
case "$GLANCE_DIR" in /*) ;; *) GLANCE_DIR="$(pwd)/$GLANCE_DIR";; esac
case "$GLANCE_DIR" in /|/tmp|/tmp/|/root|/home|/etc|/usr|/var) die "refusing GLANCE_DIR=$GLANCE_DIR";; esac

ENDPOINT="http://127.0.0.1:$GLANCE_PORT"
ETC="$GLANCE_DIR/etc"
CONF="$ETC/glance-api.conf"
PASTE="$ETC/glance-api-paste.ini"
PIDFILE="$GLANCE_DIR/glance-api.pid"
LOGFILE="$GLANCE_DIR/glance-api.log"
MODEFILE="$GLANCE_DIR/mode"
PATTERN="glance.cmd.api --config-file $CONF"

case "$GLANCE_AUTH/$GLANCE_CACHE" in
  noauth/off) FLAVOR="" ;;
  noauth/on) FLAVOR="caching" ;;
  headers/off) FLAVOR="trustedheaders" ;;
  headers/on) FLAVOR="trustedheaders+caching" ;;
  keystone/off) FLAVOR="keystone" ;;
  keystone/on) FLAVOR="keystone+caching" ;;
esac
MODE="auth=$GLANCE_AUTH cache=$GLANCE_CACHE${GLANCE_LIMITS:+ limits=$GLANCE_LIMITS}"
[ "$GLANCE_LOCATIONS" = hidden ] || MODE="$MODE locations=$GLANCE_LOCATIONS"
[ "$GLANCE_RELEASE" = 25 ] || MODE="$MODE release=$GLANCE_RELEASE"

healthy() { [ "$(http_code "$ENDPOINT/healthcheck")" = 200 ]; }

write_paste_ini() {
  local tmp="$PASTE.tmp"
  if [ -r "$GLANCE_PASTE_BASE" ]; then
    log "paste ini: Debian's $GLANCE_PASTE_BASE + trustedheaders flavor"
    # Point the healthcheck disable file into the state dir; drop an earlier trustedheaders
    # section if the base already is one of our files.
    sed -e "s#^disable_by_file_path *=.*#disable_by_file_path = $GLANCE_DIR/healthcheck_disable#" \
        -e '/^# imagesdk: trusted identity headers/,$d' "$GLANCE_PASTE_BASE" >"$tmp"
  else
    log "paste ini: $GLANCE_PASTE_BASE absent (python3-glance only), writing glance-common 25.1's pipelines"
    cat >"$tmp" <<EOF
# Debian glance-common 25.1.0 (upstream Zed) glance-api-paste.ini pipelines.
# Use this pipeline for no auth or image caching - DEFAULT
[pipeline:glance-api]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler unauthenticated-context rootapp

# Use this pipeline for image caching and no auth
[pipeline:glance-api-caching]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler unauthenticated-context cache rootapp

# Use this pipeline for caching w/ management interface but no auth
[pipeline:glance-api-cachemanagement]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler unauthenticated-context cache cachemanage rootapp

# Use this pipeline for keystone auth
[pipeline:glance-api-keystone]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler authtoken context  rootapp

# Use this pipeline for keystone auth with image caching
[pipeline:glance-api-keystone+caching]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler authtoken context cache rootapp

# Use this pipeline for keystone auth with caching and cache management
[pipeline:glance-api-keystone+cachemanagement]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler authtoken context cache cachemanage rootapp

[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app

[app:apiversions]
paste.app_factory = glance.api.versions:create_resource

[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory

[filter:healthcheck]
paste.filter_factory = oslo_middleware:Healthcheck.factory
backends = disable_by_file
disable_by_file_path = $GLANCE_DIR/healthcheck_disable

[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory

[filter:cache]
paste.filter_factory = glance.api.middleware.cache:CacheFilter.factory

[filter:cachemanage]
paste.filter_factory = glance.api.middleware.cache_manage:CacheManageFilter.factory

[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory

[filter:unauthenticated-context]
paste.filter_factory = glance.api.middleware.context:UnauthenticatedContextMiddleware.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = true

[filter:gzip]
paste.filter_factory = glance.api.middleware.gzip:GzipMiddleware.factory

[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory

[filter:cors]
paste.filter_factory =  oslo_middleware.cors:filter_factory
oslo_config_project = glance
oslo_config_program = glance-api

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
EOF
  fi
  cat >>"$tmp" <<'EOF'

# imagesdk: trusted identity headers = the keystone pipeline minus authtoken.
# Glance's ContextMiddleware believes X-Identity-Status: Confirmed, X-Project-Id, X-User-Id,
# X-Roles (what keystonemiddleware would have set). Loopback test use only.
[pipeline:glance-api-trustedheaders]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler context rootapp

[pipeline:glance-api-trustedheaders+caching]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler context cache rootapp
EOF
  mv "$tmp" "$PASTE"
}

write_schema_image() {
  # Same optional properties as glance-common 25.1's /etc/glance/schema-image.json (python3-glance
  # does not ship the file); found via CONF.find_file next to glance-api.conf.
  local src
  for src in /etc/glance/schema-image.json /usr/share/glance-common/schema-image.json; do
    if [ -r "$src" ]; then cp "$src" "$ETC/schema-image.json"; return 0; fi
  done
  cat >"$ETC/schema-image.json" <<'EOF'
{
    "kernel_id": {
        "type": ["null", "string"],
        "pattern": "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$",
        "description": "ID of image stored in Glance that should be used as the kernel when booting an AMI-style image."
    },
    "ramdisk_id": {
        "type": ["null", "string"],
        "pattern": "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$",
        "description": "ID of image stored in Glance that should be used as the ramdisk when booting an AMI-style image."
    },
    "instance_uuid": {
        "type": "string",
        "description": "Metadata which can be used to record which instance this image is associated with. (Informational only, does not create an instance snapshot.)"
    },
    "architecture": {
        "description": "Operating system architecture as specified in https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html",
        "type": "string"
    },
    "os_distro": {
        "description": "Common name of operating system distribution as specified in https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html",
        "type": "string"
    },
    "os_version": {
        "description": "Operating system version as specified by the distributor.",
        "type": "string"
    },
    "description": {
        "description": "A human-readable string describing this image.",
        "type": "string"
    },
    "cinder_encryption_key_id": {
        "description": "Identifier in the OpenStack Key Management Service for the encryption key for the Block Storage Service to use when mounting a volume created from this image",
        "type": "string"
    },
    "cinder_encryption_key_deletion_policy": {
        "description": "States the condition under which the Image Service will delete the object associated with the 'cinder_encryption_key_id' image property.  If this property is missing, the Image Service will take no action",
        "type": "string",
        "enum": ["on_image_deletion", "do_not_delete"]
    }
}
EOF
}

write_conf() {
  local ks_url ks_pw
  ks_url=${KEYSTONE_URL:-$(kv_get "$KEYSTONE_DIR/ids.env" KEYSTONE_URL)}
  ks_url=${ks_url:-http://127.0.0.1:5000}
  ks_pw=${GLANCE_SERVICE_PASSWORD:-$(kv_get "$KEYSTONE_DIR/ids.env" KEYSTONE_GLANCE_PASSWORD)}
  ks_pw=${ks_pw:-glance-secret}
  mkdir -p "$ETC" "$GLANCE_DIR"/{stores/fast,stores/cheap,staging,tasks_work,cache,lock}
  cat >"$CONF.tmp" <<EOF
# Written by imagesdk scripts/glance.sh ($MODE) - regenerated on every start.
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $GLANCE_PORT
# one process: the pid file is the server
workers = 0
debug = $GLANCE_DEBUG
log_file = $LOGFILE
use_stderr = false
# multi-store: /v2/info/stores works (404 in single-store mode)
enabled_backends = $BACKENDS
enabled_import_methods = [glance-direct,copy-image]
show_image_direct_url = false
# GLANCE_LOCATIONS (deprecated option, still honoured by Glance 25 and 30)
show_multiple_locations = $SHOW_LOCATIONS
hashing_algorithm = sha512
# enables the /v2/cache API (admin); the cache filter itself only with GLANCE_CACHE=on
image_cache_dir = $GLANCE_DIR/cache
# Glance 30's default cache driver (centralized_db) records each cached copy under this node's URL;
# without it the cache worker fails to commit a copy (Glance 25 ignores the option)
worker_self_reference_url = $ENDPOINT
use_keystone_limits = false
# must equal [oslo_policy] enforce_new_defaults or glance-api refuses to start
enforce_secure_rbac = false
# GLANCE_LIMITS (empty: Glance's defaults)
${LIMIT_LINES}
[database]
connection = sqlite:///$GLANCE_DIR/glance.sqlite

[glance_store]
default_backend = fast

[fast]
filesystem_store_datadir = $GLANCE_DIR/stores/fast/
store_description = Fast store (local file system)

[cheap]
filesystem_store_datadir = $GLANCE_DIR/stores/cheap/
store_description = Cheap store (local file system)

${HTTP_STORE_SECTION}[os_glance_staging_store]
filesystem_store_datadir = $GLANCE_DIR/staging/

[os_glance_tasks_store]
filesystem_store_datadir = $GLANCE_DIR/tasks_work/

[import_filtering_opts]
# Glance 30 filters legacy import-task URIs like web-download (SSRF protection: no loopback, ports 80
# and 443): the contract tests import from this loopback server itself
allowed_hosts = [127.0.0.1]
allowed_ports = []

[oslo_messaging_notifications]
driver = noop

[oslo_policy]
enforce_new_defaults = false
enforce_scope = false

[oslo_concurrency]
lock_path = $GLANCE_DIR/lock

[paste_deploy]
config_file = $PASTE
flavor = $FLAVOR

[keystone_authtoken]
# used by the keystone flavor only
www_authenticate_uri = $ks_url
auth_url = $ks_url
auth_type = password
username = glance
password = $ks_pw
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = RegionOne
service_token_roles_required = true
# -1: do not cache validated tokens, so a token revoked in Keystone is refused at once
token_cache_time = $GLANCE_TOKEN_CACHE_TIME
EOF
  mv "$CONF.tmp" "$CONF"
  chmod 600 "$CONF"
}

db_sync() {
  [ -f "$GLANCE_DIR/.db_synced" ] && [ -f "$GLANCE_DIR/glance.sqlite" ] && return 0
  local t0
  t0=$(now_ms)
  log "db_sync (SQLite $GLANCE_DIR/glance.sqlite)"
  if ! "$PY" -m glance.cmd.manage --config-file "$CONF" db_sync >>"$GLANCE_DIR/db_sync.log" 2>&1; then
    tail -n 30 "$GLANCE_DIR/db_sync.log" >&2 || true
    die "glance-manage db_sync failed (log: $GLANCE_DIR/db_sync.log)"
  fi
  touch "$GLANCE_DIR/.db_synced"
  log "db_sync done in $(( $(now_ms) - t0 )) ms"
}

# metadefs_dir: prints the directory of glance-common's metadefs/*.json as glance-manage sees it, after
# downloading and unpacking glance-common once (release 30: with trixie's apt, inside the trixie root).
metadefs_dir() {
  local root="" cache dir lock t0
  [ "$GLANCE_RELEASE" = 30 ] && root=$TRIXIE_ROOT
  cache="$root$GLANCE_METADEFS_CACHE"
  dir="$GLANCE_METADEFS_CACHE/usr/share/glance-common/metadefs"
  if ! compgen -G "$root$dir/*.json" >/dev/null; then
    mkdir -p "$cache" || die "cannot create $cache (set GLANCE_METADEFS_CACHE, or GLANCE_METADEFS=off)"
    lock="$cache.lock"
    exec 7>"$lock"
    flock -w 300 7 || die "another process is unpacking glance-common into $cache (lock $lock)"
    if ! compgen -G "$root$dir/*.json" >/dev/null; then
      t0=$(now_ms)
      log "glance-common (metadefs): apt-get download + dpkg-deb -x into $cache"
      rm -rf "$cache/dl" && mkdir -p "$cache/dl"
      local get="cd $GLANCE_METADEFS_CACHE/dl && { apt-get -q download glance-common || { apt-get -q update && apt-get -q download glance-common; }; }"
      get="$get && dpkg-deb -x glance-common_*.deb $GLANCE_METADEFS_CACHE && rm -f glance-common_*.deb"
      if [ -n "$root" ]; then
        chroot "$root" sh -c "$get" >"$cache.log" 2>&1
      else
        if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then get="apt-get -q update && $get"; fi
        sh -c "$get" >"$cache.log" 2>&1
      fi || { tail -n 20 "$cache.log" >&2; die "could not fetch glance-common for its metadefs (log $cache.log; GLANCE_METADEFS=off skips them)"; }
      compgen -G "$root$dir/*.json" >/dev/null || die "glance-common has no $dir/*.json (log $cache.log)"
      log "glance-common unpacked in $(( $(now_ms) - t0 )) ms ($(ls "$root$dir"/*.json | wc -l) definition files)"
    fi
    flock -u 7
    exec 7>&-
  fi
  printf '%s\n' "$dir"
}

# load_metadefs: glance-manage db_load_metadefs once per state dir (after db_sync).
load_metadefs() {
  [ "$GLANCE_METADEFS" = on ] || return 0
  [ -f "$GLANCE_DIR/.metadefs_loaded" ] && return 0
  local t0 dir
  dir=$(metadefs_dir)
  t0=$(now_ms)
  if ! "$PY" -m glance.cmd.manage --config-file "$CONF" db_load_metadefs "$dir" \
      >>"$GLANCE_DIR/db_sync.log" 2>&1; then
    tail -n 30 "$GLANCE_DIR/db_sync.log" >&2 || true
    die "glance-manage db_load_metadefs failed (log: $GLANCE_DIR/db_sync.log; GLANCE_METADEFS=off skips it)"
  fi
  touch "$GLANCE_DIR/.metadefs_loaded"
  log "db_load_metadefs ($dir) done in $(( $(now_ms) - t0 )) ms"
}

# fresh_database_with_metadefs: a new state dir's database from a template made once per Glance version
# (db_sync + db_load_metadefs, about 250 single-row SQLite commits, take longer than the server's own
# start and contend for the CPU when several instances start at once): the first start makes the template
# under a lock, the others wait for it and copy it (timestamps of the definitions: the template's).
fresh_database_with_metadefs() {
  local root="" version template t0
  [ "$GLANCE_RELEASE" = 30 ] && root=$TRIXIE_ROOT
  version=$( { if [ -n "$root" ]; then chroot "$root" dpkg-query -W -f='${Version}' python3-glance
               else dpkg-query -W -f='${Version}' python3-glance; fi; } 2>/dev/null | tr -c 'A-Za-z0-9.+-' '_')
  [ -n "$version" ] || return 0
  template="$root$GLANCE_METADEFS_CACHE/glance-$version-with-metadefs.sqlite"
  mkdir -p "$(dirname "$template")" || return 0
  exec 6>"$template.lock"
  flock -w 600 6 || die "another process is making $template (lock $template.lock)"
  if [ -s "$template" ]; then
    t0=$(now_ms)
    rm -f "$GLANCE_DIR/glance.sqlite"
    cp "$template" "$GLANCE_DIR/glance.sqlite"
    touch "$GLANCE_DIR/.db_synced" "$GLANCE_DIR/.metadefs_loaded"
    log "database with metadefs copied from $template in $(( $(now_ms) - t0 )) ms"
  else
    rm -f "$GLANCE_DIR/glance.sqlite" "$GLANCE_DIR/.metadefs_loaded"
    db_sync
    load_metadefs
    cp "$GLANCE_DIR/glance.sqlite" "$template.tmp" && mv "$template.tmp" "$template"
    log "saved $template for the next fresh start"
  fi
  flock -u 6
  exec 6>&-
}

cmd_start() {
  local t0 pid running_mode
  t0=$(now_ms)
  if pid=$(pid_alive "$PIDFILE" "$PATTERN"); then
    running_mode=$(cat "$MODEFILE" 2>/dev/null || true)
    if [ "$running_mode" != "$MODE" ]; then
      die "pid $pid on port $GLANCE_PORT runs '$running_mode', requested '$MODE': run '$0 stop' first"
    fi
    if wait_healthy "$pid" 15; then
      log "already running (pid $pid, $MODE)"
      printf '%s\n' "$ENDPOINT"
      return 0
    fi
    die "pid $pid is running but $ENDPOINT/healthcheck is not 200; try '$0 stop' (log: $LOGFILE)"
  fi
  if port_open "$GLANCE_PORT"; then
    die "127.0.0.1:$GLANCE_PORT is already in use by another process (not $PIDFILE)"
  fi

  mkdir -p "$GLANCE_DIR"
  if [ "$GLANCE_RELEASE" = 30 ]; then
    ensure_packages curl
    ensure_trixie_root
    trixie_bind "$GLANCE_DIR"
    # the same command line as on the host, run by trixie's interpreter (exec: one pid)
    PY="$GLANCE_DIR/python3-trixie"
    printf '#!/bin/sh\nexec chroot %s /usr/bin/python3 "$@"\n' "$TRIXIE_ROOT" >"$PY"
    chmod 755 "$PY"
  else
    ensure_packages python3-glance python3-keystonemiddleware curl
  fi
  write_conf
  write_paste_ini
  write_schema_image
  if [ "$GLANCE_METADEFS" = on ] && [ ! -f "$GLANCE_DIR/.db_synced" ]; then
    fresh_database_with_metadefs
  fi
  db_sync
  load_metadefs
  printf '%s\n' "$MODE" >"$MODEFILE"

  log "starting glance-api ($MODE, flavor '${FLAVOR}') on $ENDPOINT, log $LOGFILE"
  printf '\n===== %s start (%s) =====\n' "$(date -Is)" "$MODE" >>"$LOGFILE"
  rm -f "$PIDFILE"
  # setsid: own session, so the server survives the calling shell/CI step; sh writes its own
  # pid and exec's python, so the pid file is the server even if setsid had to fork.
  # shellcheck disable=SC2016 # $$/$1/$@ are for the inner sh
  setsid nohup sh -c 'echo $$ >"$1"; shift; exec "$@"' glance-launch "$PIDFILE" \
    "$PY" -m glance.cmd.api --config-file "$CONF" </dev/null >>"$LOGFILE" 2>&1 9>&- &

  for _ in $(seq 1 50); do [ -s "$PIDFILE" ] && break; sleep 0.1; done
  [ -s "$PIDFILE" ] || die "glance-api did not start (no pid file)"
  pid=$(cat "$PIDFILE")
  if ! wait_healthy "$pid" "$GLANCE_START_TIMEOUT"; then
    log "glance-api not healthy after ${GLANCE_START_TIMEOUT}s; last log lines:"
    tail -n 40 "$LOGFILE" >&2 || true
    stop_pid "$PIDFILE" "$PATTERN" "$LOG_TAG" || true
    exit 1
  fi
  log "healthy (pid $pid) after $(( $(now_ms) - t0 )) ms"
  printf '%s\n' "$ENDPOINT"
}

# wait_healthy PID TIMEOUT_S: poll /healthcheck every 0.1 s; fail early if PID dies.
wait_healthy() {
  local pid=$1 deadline
  deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    healthy && return 0
    proc_running "$pid" || { log "glance-api (pid $pid) exited"; return 1; }
    sleep 0.1
  done
  return 1
}

cmd_stop() {
  stop_pid "$PIDFILE" "$PATTERN" "glance-api"
  # release 30: the state directory's bind mount into the trixie root goes with the server
  if [ "$GLANCE_RELEASE" = 30 ]; then trixie_unbind "$GLANCE_DIR"; fi
}

cmd_status() {
  local pid
  if ! pid=$(pid_alive "$PIDFILE" "$PATTERN"); then
    log "not running"
    return 3
  fi
  if healthy; then
    log "running, healthy (pid $pid, $(cat "$MODEFILE" 2>/dev/null || echo '?'), dir $GLANCE_DIR)"
    printf '%s\n' "$ENDPOINT"
    return 0
  fi
  log "running (pid $pid) but $ENDPOINT/healthcheck is not 200"
  return 1
}

cmd_reset() {
  cmd_stop
  log "wiping $GLANCE_DIR"
  rm -rf "$GLANCE_DIR"
}

case "${1:-}" in
  start) lock_state_dir "$GLANCE_DIR"; cmd_start ;;
  stop) [ -d "$GLANCE_DIR" ] && lock_state_dir "$GLANCE_DIR"; cmd_stop ;;
  status) cmd_status ;;
  reset) [ -d "$GLANCE_DIR" ] && lock_state_dir "$GLANCE_DIR"; cmd_reset ;;
  *) echo "usage: $0 start|stop|status|reset   (env: GLANCE_PORT GLANCE_DIR GLANCE_AUTH GLANCE_CACHE ...)" >&2; exit 2 ;;
esac
