#!/usr/bin/env bash
# Run a real OpenStack Keystone (Debian 12 python3-keystone 22.0 / Zed) on loopback for the
# SDK's keystone-mode integration tests, provisioned with a small fixed set of projects/users.
#
#   scripts/keystone.sh start|stop|status|reset
#
#   KEYSTONE_URL=$(scripts/keystone.sh start)   # last stdout line: http://127.0.0.1:$KEYSTONE_PORT
#
# Knobs (environment):
#   KEYSTONE_PORT            listen port on 127.0.0.1                    (default 5000)
#   KEYSTONE_DIR             state dir                                    (default /tmp/imagesdk-keystone)
#   GLANCE_KEYSTONE_PORT     port of the keystone-mode Glance the image endpoints point at (default 9293)
#   GLANCE_REGION2_PORT      port of the keystone-mode Glance of the second region, RegionTwo (default 9298;
#                            scripts/test-all.sh starts a Glance 30.0 there)
#   KEYSTONE_ADMIN_PASSWORD  bootstrap admin's password                   (default admin-secret)
#   KEYSTONE_GLANCE_PASSWORD glance service user's password               (default glance-secret)
#   KEYSTONE_DEMO_PASSWORD   password of alice and bob                    (default demo-secret)
#   KEYSTONE_START_TIMEOUT   seconds to wait for GET /v3                  (default 60)
#
# Provisioned (idempotently, via the REST API with an admin token):
#   projects service, demo-a, demo-b (domain "default"); role service (+ bootstrap's admin/member/reader)
#   users glance (admin+service on service), alice (member+reader on demo-a), bob (member+reader on demo-b)
#   organizations (projects tagged imagesdk-org:<slug>) acme, globex, initech (disabled); spaces (child projects
#   tagged imagesdk-space:<org>:<space>) acme-ml-lab, acme-web, globex-research; plain project guests;
#   users carol (member on acme), dave (member on acme-ml-lab only), erin (member on globex),
#   frank (member on initech and guests), password KEYSTONE_DEMO_PASSWORD
#   service glance (type image), public/internal/admin endpoints http://127.0.0.1:$GLANCE_KEYSTONE_PORT, RegionOne,
#   and http://127.0.0.1:$GLANCE_REGION2_PORT in region RegionTwo
# Output files:
#   $KEYSTONE_DIR/ids.env      KEY=value lines (sourceable and java.util.Properties-readable)
#   $KEYSTONE_DIR/clouds.yaml  clouds it-admin, it-alice, it-bob (OS_CLIENT_CONFIG_FILE=... openstack --os-cloud it-alice),
#                              it-alice-region2 (alice in RegionTwo), it-carol, it-carol-region2, it-dave, it-erin, it-frank
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

KEYSTONE_PORT=${KEYSTONE_PORT:-5000}
KEYSTONE_DIR=${KEYSTONE_DIR:-/tmp/imagesdk-keystone}
GLANCE_KEYSTONE_PORT=${GLANCE_KEYSTONE_PORT:-9293}
GLANCE_REGION2_PORT=${GLANCE_REGION2_PORT:-9298}
KEYSTONE_ADMIN_PASSWORD=${KEYSTONE_ADMIN_PASSWORD:-admin-secret}
KEYSTONE_GLANCE_PASSWORD=${KEYSTONE_GLANCE_PASSWORD:-glance-secret}
KEYSTONE_DEMO_PASSWORD=${KEYSTONE_DEMO_PASSWORD:-demo-secret}
KEYSTONE_START_TIMEOUT=${KEYSTONE_START_TIMEOUT:-60}
LOG_TAG="keystone:$KEYSTONE_PORT"

[[ "$KEYSTONE_PORT" =~ ^[0-9]+$ ]] || die "KEYSTONE_PORT must be a number"
[[ "$GLANCE_KEYSTONE_PORT" =~ ^[0-9]+$ ]] || die "GLANCE_KEYSTONE_PORT must be a number"
[[ "$GLANCE_REGION2_PORT" =~ ^[0-9]+$ ]] || die "GLANCE_REGION2_PORT must be a number"
check_safe_value KEYSTONE_ADMIN_PASSWORD "$KEYSTONE_ADMIN_PASSWORD"
check_safe_value KEYSTONE_GLANCE_PASSWORD "$KEYSTONE_GLANCE_PASSWORD"
check_safe_value KEYSTONE_DEMO_PASSWORD "$KEYSTONE_DEMO_PASSWORD"
case "$KEYSTONE_DIR" in /*) ;; *) KEYSTONE_DIR="$(pwd)/$KEYSTONE_DIR";; esac
case "$KEYSTONE_DIR" in /|/tmp|/tmp/|/root|/home|/etc|/usr|/var) die "refusing KEYSTONE_DIR=$KEYSTONE_DIR";; esac

KEYSTONE_URL="http://127.0.0.1:$KEYSTONE_PORT"
AUTH_URL="$KEYSTONE_URL/v3"
IMAGE_URL="http://127.0.0.1:$GLANCE_KEYSTONE_PORT"
REGION2=RegionTwo
REGION2_IMAGE_URL="http://127.0.0.1:$GLANCE_REGION2_PORT"
REGION=RegionOne
ETC="$KEYSTONE_DIR/etc"
CONF="$ETC/keystone.conf"
SERVER_PY="$KEYSTONE_DIR/keystone_wsgiref.py"
PIDFILE="$KEYSTONE_DIR/keystone.pid"
LOGFILE="$KEYSTONE_DIR/keystone.log"
IDS="$KEYSTONE_DIR/ids.env"
CLOUDS="$KEYSTONE_DIR/clouds.yaml"
PATTERN="$SERVER_PY"

healthy() { [ "$(http_code "$AUTH_URL")" = 200 ]; }

write_conf() {
  mkdir -p "$ETC" "$KEYSTONE_DIR/fernet-keys" "$KEYSTONE_DIR/credential-keys"
  chmod 700 "$KEYSTONE_DIR/fernet-keys" "$KEYSTONE_DIR/credential-keys"
  cat >"$CONF.tmp" <<EOF
# Written by imagesdk scripts/keystone.sh - regenerated on every start.
[DEFAULT]
log_file = $LOGFILE
use_stderr = false
debug = false

[database]
connection = sqlite:///$KEYSTONE_DIR/keystone.sqlite

[token]
provider = fernet
expiration = 86400

[fernet_tokens]
key_repository = $KEYSTONE_DIR/fernet-keys/
max_active_keys = 3

[fernet_receipts]
key_repository = $KEYSTONE_DIR/fernet-keys/

[credential]
key_repository = $KEYSTONE_DIR/credential-keys/

[identity]
# cheap bcrypt: the tests authenticate a lot
password_hash_rounds = 4

[cache]
enabled = false
EOF
  mv "$CONF.tmp" "$CONF"
  chmod 600 "$CONF"
}

write_server_py() {
  cat >"$SERVER_PY" <<'EOF'
# Written by imagesdk scripts/keystone.sh: serve Keystone's public WSGI app with the stdlib's
# single-threaded wsgiref server (like Debian's keystone-wsgi-public). Single-threaded on purpose:
# SQLite objects may not cross threads, and a threaded server gave sporadic 403/500s.
# usage: OS_KEYSTONE_CONFIG_FILES=.../keystone.conf /usr/bin/python3 keystone_wsgiref.py HOST PORT
import sys

host, port = sys.argv[1], int(sys.argv[2])
del sys.argv[1:]  # oslo.config parses sys.argv and rejects unknown arguments

from wsgiref.simple_server import WSGIRequestHandler, make_server  # noqa: E402

from keystone.server import wsgi  # noqa: E402


class Handler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        sys.stderr.write("%s - - [%s] %s\n" % (self.client_address[0],
                                               self.log_date_time_string(), format % args))
        sys.stderr.flush()


application = wsgi.initialize_public_application()
httpd = make_server(host, port, application, handler_class=Handler)
sys.stderr.write("keystone wsgiref server listening on http://%s:%d\n" % (host, port))
sys.stderr.flush()
httpd.serve_forever()
EOF
}

kmanage() {
  keystone-manage --config-file "$CONF" "$@" >>"$KEYSTONE_DIR/keystone-manage.log" 2>&1 || {
    tail -n 30 "$KEYSTONE_DIR/keystone-manage.log" >&2 || true
    die "keystone-manage $1 failed (log: $KEYSTONE_DIR/keystone-manage.log)"
  }
}

init_db() {
  [ -f "$KEYSTONE_DIR/.initialized" ] && [ -f "$KEYSTONE_DIR/keystone.sqlite" ] && return 0
  local t0 user group
  t0=$(now_ms)
  user=$(id -un); group=$(id -gn)
  log "initialising: db_sync, WAL, fernet_setup, credential_setup, bootstrap (takes ~10-15 s)"
  kmanage db_sync
  # Default rollback journal => HTTP 500 "database is locked" on a write right after a read
  # (keystone leaves the read transaction open); WAL lets the writer proceed.
  "$PY" -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(c.execute("PRAGMA journal_mode=WAL").fetchone()[0]); c.close()' \
    "$KEYSTONE_DIR/keystone.sqlite" >>"$KEYSTONE_DIR/keystone-manage.log" 2>&1
  kmanage fernet_setup --keystone-user "$user" --keystone-group "$group"
  kmanage credential_setup --keystone-user "$user" --keystone-group "$group"
  kmanage bootstrap --bootstrap-password "$KEYSTONE_ADMIN_PASSWORD" \
    --bootstrap-username admin --bootstrap-project-name admin --bootstrap-role-name admin \
    --bootstrap-service-name keystone --bootstrap-region-id "$REGION" \
    --bootstrap-admin-url "$AUTH_URL/" --bootstrap-internal-url "$AUTH_URL/" --bootstrap-public-url "$AUTH_URL/"
  touch "$KEYSTONE_DIR/.initialized"
  log "initialised in $(( $(now_ms) - t0 )) ms"
}

wait_healthy() {
  local pid=$1 deadline
  deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    healthy && return 0
    proc_running "$pid" || { log "keystone (pid $pid) exited"; return 1; }
    sleep 0.1
  done
  return 1
}

# ---------------------------------------------------------------- REST provisioning helpers
TOKEN=""
RESP_BODY=""
RESP_CODE=""

# api METHOD PATH [JSON] -> sets RESP_CODE and RESP_BODY
api() {
  local method=$1 path=$2 data=${3:-} out
  local args=(-s -X "$method" -H "X-Auth-Token: $TOKEN" -H 'Accept: application/json' --max-time 30
              -w '\n%{http_code}')
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
  out=$(curl "${args[@]}" "$AUTH_URL$path") || die "curl $method $path failed"
  RESP_CODE=${out##*$'\n'}
  RESP_BODY=${out%$'\n'*}
}

# api_ok METHOD PATH [JSON] -> like api, dies unless 2xx
api_ok() {
  api "$@"
  case "$RESP_CODE" in 2??) ;; *) die "$1 $2 -> HTTP $RESP_CODE: $RESP_BODY";; esac
}

# issue_token USER PASSWORD SCOPE_JSON -> prints the token, or nothing (rc 1) on failure
issue_token() {
  local body hdr code
  body=$(jq -nc --arg u "$1" --arg p "$2" --argjson s "$3" \
    '{auth:{identity:{methods:["password"],password:{user:{name:$u,domain:{id:"default"},password:$p}}},scope:$s}}')
  hdr=$(mktemp)
  code=$(curl -s -o /dev/null -D "$hdr" -w '%{http_code}' --max-time 30 \
    -H 'Content-Type: application/json' --data-binary "$body" "$AUTH_URL/auth/tokens") || code=000
  if [ "$code" != 201 ]; then rm -f "$hdr"; return 1; fi
  tr -d '\r' <"$hdr" | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *//p'
  rm -f "$hdr"
}

# password_token USER PASSWORD PROJECT -> project-scoped token
password_token() {
  issue_token "$1" "$2" "$(jq -nc --arg p "$3" '{project:{name:$p,domain:{id:"default"}}}')"
}

# password_token_system USER PASSWORD -> system-scoped token
password_token_system() {
  issue_token "$1" "$2" '{"system":{"all":true}}'
}

# Every token-authenticated request costs Keystone ~0.25-0.5 s here (token validation recomputes
# role assignments with ~200 SQL queries, [cache] is disabled), so lookups are batched: one GET
# per collection, then only the missing objects are created.

# id_by_name JSON COLLECTION NAME -> id of the entry named NAME (or empty)
id_by_name() {
  jq -r --arg c "$2" --arg n "$3" '[.[$c][] | select(.name == $n)][0].id // empty' <<<"$1"
}

ensure_project() { # NAME DESCRIPTION -> prints id (uses $PROJECTS)
  local id
  id=$(id_by_name "$PROJECTS" projects "$1")
  if [ -z "$id" ]; then
    api_ok POST /projects "$(jq -nc --arg n "$1" --arg d "$2" '{project:{name:$n,description:$d,domain_id:"default",enabled:true}}')"
    id=$(jq -r .project.id <<<"$RESP_BODY")
    log "created project $1 ($id)"
  fi
  printf '%s\n' "$id"
}

ensure_role() { # NAME -> prints id (uses $ROLES)
  local id
  id=$(id_by_name "$ROLES" roles "$1")
  if [ -z "$id" ]; then
    api_ok POST /roles "$(jq -nc --arg n "$1" '{role:{name:$n}}')"
    id=$(jq -r .role.id <<<"$RESP_BODY")
    log "created role $1 ($id)"
  fi
  printf '%s\n' "$id"
}

ensure_user() { # NAME PASSWORD DEFAULT_PROJECT_ID -> prints id (uses $USERS); records new users in $KEYSTONE_DIR/.new-users
  local id
  id=$(id_by_name "$USERS" users "$1")
  if [ -z "$id" ]; then
    api_ok POST /users "$(jq -nc --arg n "$1" --arg p "$2" --arg dp "$3" \
      '{user:{name:$n,password:$p,domain_id:"default",default_project_id:$dp,enabled:true}}')"
    id=$(jq -r .user.id <<<"$RESP_BODY")
    log "created user $1 ($id)"
    echo "$1" >>"$KEYSTONE_DIR/.new-users"
  fi
  printf '%s\n' "$id"
}

# ensure_org_project NAME DESCRIPTION TAG ENABLED [PARENT_ID] -> prints id (uses $PROJECTS): an organization
# (tag imagesdk-org:<slug>) or a space (tag imagesdk-space:<org>:<space>, child of its organization's project).
# An existing project keeps its id; its tag and enabled flag are set back when they differ.
ensure_org_project() {
  local id enabled tags
  id=$(id_by_name "$PROJECTS" projects "$1")
  if [ -z "$id" ]; then
    api_ok POST /projects "$(jq -nc --arg n "$1" --arg d "$2" --arg t "$3" --argjson e "$4" --arg p "${5:-}" \
      '{project:({name:$n,description:$d,domain_id:"default",enabled:$e,tags:[$t]} + (if $p == "" then {} else {parent_id:$p} end))}')"
    id=$(jq -r .project.id <<<"$RESP_BODY")
    log "created project $1 ($id, $3, enabled=$4)"
  else
    enabled=$(jq -r --arg i "$id" '.projects[] | select(.id == $i) | .enabled' <<<"$PROJECTS")
    tags=$(jq -r --arg i "$id" --arg t "$3" '.projects[] | select(.id == $i) | (.tags // []) | index($t) != null' <<<"$PROJECTS")
    if [ "$enabled" != "$4" ] || [ "$tags" != true ]; then
      api_ok PATCH "/projects/$id" "$(jq -nc --arg t "$3" --argjson e "$4" '{project:{enabled:$e,tags:[$t]}}')"
      log "updated project $1 ($id, $3, enabled=$4)"
    fi
  fi
  printf '%s\n' "$id"
}

grant() { # PROJECT_ID USER_ID ROLE_ID (uses $ASSIGNMENTS)
  if jq -e --arg p "$1" --arg u "$2" --arg r "$3" \
      'any(.role_assignments[]; .scope.project.id == $p and .user.id == $u and .role.id == $r)' \
      <<<"$ASSIGNMENTS" >/dev/null; then
    return 0
  fi
  api_ok PUT "/projects/$1/users/$2/roles/$3"
}

# check_password USER PASSWORD PROJECT USER_ID: authenticate; if the stored password differs
# (state dir from an earlier run with other env), reset it.
check_password() {
  if password_token "$1" "$2" "$3" >/dev/null; then return 0; fi
  log "user $1 cannot authenticate with the configured password: resetting it"
  api_ok PATCH "/users/$4" "$(jq -nc --arg p "$2" '{user:{password:$p}}')"
  password_token "$1" "$2" "$3" >/dev/null || die "user $1 still cannot authenticate on project $3"
}

ensure_endpoint() { # SERVICE_ID INTERFACE URL [REGION] (uses $ENDPOINTS)
  local id url region=${4:-$REGION}
  id=$(jq -r --arg i "$2" --arg r "$region" '[.endpoints[] | select(.interface == $i and .region_id == $r)][0].id // empty' <<<"$ENDPOINTS")
  url=$(jq -r --arg i "$2" --arg r "$region" '[.endpoints[] | select(.interface == $i and .region_id == $r)][0].url // empty' <<<"$ENDPOINTS")
  if [ -z "$id" ]; then
    api_ok POST /endpoints "$(jq -nc --arg s "$1" --arg i "$2" --arg u "$3" --arg r "$region" \
      '{endpoint:{service_id:$s,interface:$i,url:$u,region_id:$r,enabled:true}}')"
    log "created $2 image endpoint $3 ($region)"
  elif [ "$url" != "$3" ]; then
    api_ok PATCH "/endpoints/$id" "$(jq -nc --arg u "$3" '{endpoint:{url:$u}}')"
    log "updated $2 image endpoint $url -> $3"
  fi
}

cloud_entry() { # USER PASSWORD PROJECT [REGION SUFFIX] -> clouds.yaml entry it-USER[SUFFIX]
  cat <<EOF
  it-$1${5:-}:
    auth:
      auth_url: "$AUTH_URL"
      username: "$1"
      password: "$2"
      project_name: "$3"
      user_domain_name: Default
      project_domain_name: Default
    region_name: ${4:-$REGION}
    interface: public
    identity_api_version: 3
EOF
}

provision() {
  local t0
  t0=$(now_ms)
  # System-scoped admin token: validating it is about half the cost of a project-scoped one.
  TOKEN=$(password_token_system admin "$KEYSTONE_ADMIN_PASSWORD") || die "admin cannot authenticate (wrong KEYSTONE_ADMIN_PASSWORD for this state dir? try '$0 reset')"
  local p_admin p_service p_a p_b r_admin r_member r_reader r_service u_admin u_glance u_alice u_bob svc
  rm -f "$KEYSTONE_DIR/.new-users"
  api_ok GET "/projects?domain_id=default"; PROJECTS=$RESP_BODY
  api_ok GET "/roles"; ROLES=$RESP_BODY
  api_ok GET "/users?domain_id=default"; USERS=$RESP_BODY
  api_ok GET "/role_assignments"; ASSIGNMENTS=$RESP_BODY
  p_admin=$(ensure_project admin "Bootstrap project")
  p_service=$(ensure_project service "Service project (glance service user)")
  p_a=$(ensure_project demo-a "imagesdk integration tests: project A")
  p_b=$(ensure_project demo-b "imagesdk integration tests: project B")
  r_admin=$(ensure_role admin)
  r_member=$(ensure_role member)
  r_reader=$(ensure_role reader)
  r_service=$(ensure_role service)
  u_admin=$(id_by_name "$USERS" users admin)
  u_glance=$(ensure_user glance "$KEYSTONE_GLANCE_PASSWORD" "$p_service")
  u_alice=$(ensure_user alice "$KEYSTONE_DEMO_PASSWORD" "$p_a")
  u_bob=$(ensure_user bob "$KEYSTONE_DEMO_PASSWORD" "$p_b")
  grant "$p_service" "$u_glance" "$r_admin"
  grant "$p_service" "$u_glance" "$r_service"
  grant "$p_a" "$u_alice" "$r_member"
  grant "$p_a" "$u_alice" "$r_reader"
  grant "$p_b" "$u_bob" "$r_member"
  grant "$p_b" "$u_bob" "$r_reader"

  # Organizations and spaces (sdk-links README, "Roles from Keystone"): an organization is a project tagged
  # imagesdk-org:<slug>, a space a child project tagged imagesdk-space:<org>:<space>. initech is disabled
  # (Keystone refuses to disable a project with enabled children, so it has no space).
  local p_acme p_acme_ml p_acme_web p_globex p_globex_res p_initech p_guests u_carol u_dave u_erin u_frank
  p_acme=$(ensure_org_project acme "imagesdk tests: organization acme" imagesdk-org:acme true)
  p_acme_ml=$(ensure_org_project acme-ml-lab "imagesdk tests: space acme/ml-lab" imagesdk-space:acme:ml-lab true "$p_acme")
  p_acme_web=$(ensure_org_project acme-web "imagesdk tests: space acme/web" imagesdk-space:acme:web true "$p_acme")
  p_globex=$(ensure_org_project globex "imagesdk tests: organization globex" imagesdk-org:globex true)
  p_globex_res=$(ensure_org_project globex-research "imagesdk tests: space globex/research" imagesdk-space:globex:research true "$p_globex")
  p_initech=$(ensure_org_project initech "imagesdk tests: organization initech (disabled)" imagesdk-org:initech false)
  p_guests=$(ensure_project guests "imagesdk tests: a plain project (no organization)")
  u_carol=$(ensure_user carol "$KEYSTONE_DEMO_PASSWORD" "$p_acme")
  u_dave=$(ensure_user dave "$KEYSTONE_DEMO_PASSWORD" "$p_acme_ml")
  u_erin=$(ensure_user erin "$KEYSTONE_DEMO_PASSWORD" "$p_globex")
  u_frank=$(ensure_user frank "$KEYSTONE_DEMO_PASSWORD" "$p_guests")
  grant "$p_acme" "$u_carol" "$r_member"           # carol: organization acme
  grant "$p_acme_ml" "$u_dave" "$r_member"         # dave: space acme/ml-lab only
  grant "$p_globex" "$u_erin" "$r_member"          # erin: organization globex
  grant "$p_initech" "$u_frank" "$r_member"        # frank: the disabled organization initech ...
  grant "$p_guests" "$u_frank" "$r_member"         # ... and a plain project to act for

  api_ok GET "/services?type=image"
  svc=$(id_by_name "$RESP_BODY" services glance)
  if [ -z "$svc" ]; then
    api_ok POST /services '{"service":{"name":"glance","type":"image","description":"OpenStack Image (imagesdk integration tests)","enabled":true}}'
    svc=$(jq -r .service.id <<<"$RESP_BODY")
    log "created service glance ($svc)"
  fi
  api_ok GET "/endpoints?service_id=$svc"; ENDPOINTS=$RESP_BODY
  local iface
  for iface in public internal admin; do ensure_endpoint "$svc" "$iface" "$IMAGE_URL"; done
  api GET "/regions/$REGION2"
  if [ "$RESP_CODE" = 404 ]; then
    api_ok POST /regions "$(jq -nc --arg r "$REGION2" '{region:{id:$r,description:"second region (imagesdk tests)"}}')"
    log "created region $REGION2"
  fi
  for iface in public internal admin; do ensure_endpoint "$svc" "$iface" "$REGION2_IMAGE_URL" "$REGION2"; done

  # Users that already existed: make sure the configured password still works (a token issue
  # each, ~0.2 s). Skipped when the passwords are the ones recorded at the last provisioning.
  local fp
  fp=$(printf '%s\n' "$KEYSTONE_GLANCE_PASSWORD" "$KEYSTONE_DEMO_PASSWORD" | sha256sum | cut -c1-16)
  if [ "$(cat "$KEYSTONE_DIR/.passwords-fp" 2>/dev/null || true)" != "$fp" ]; then
    grep -qx glance "$KEYSTONE_DIR/.new-users" 2>/dev/null || check_password glance "$KEYSTONE_GLANCE_PASSWORD" service "$u_glance"
    grep -qx alice "$KEYSTONE_DIR/.new-users" 2>/dev/null || check_password alice "$KEYSTONE_DEMO_PASSWORD" demo-a "$u_alice"
    grep -qx bob "$KEYSTONE_DIR/.new-users" 2>/dev/null || check_password bob "$KEYSTONE_DEMO_PASSWORD" demo-b "$u_bob"
    grep -qx carol "$KEYSTONE_DIR/.new-users" 2>/dev/null || check_password carol "$KEYSTONE_DEMO_PASSWORD" acme "$u_carol"
    grep -qx dave "$KEYSTONE_DIR/.new-users" 2>/dev/null || check_password dave "$KEYSTONE_DEMO_PASSWORD" acme-ml-lab "$u_dave"
    grep -qx erin "$KEYSTONE_DIR/.new-users" 2>/dev/null || check_password erin "$KEYSTONE_DEMO_PASSWORD" globex "$u_erin"
    grep -qx frank "$KEYSTONE_DIR/.new-users" 2>/dev/null || check_password frank "$KEYSTONE_DEMO_PASSWORD" guests "$u_frank"
    echo "$fp" >"$KEYSTONE_DIR/.passwords-fp"
  fi
  rm -f "$KEYSTONE_DIR/.new-users"

  umask 077
  cat >"$IDS.tmp" <<EOF
# Written by imagesdk scripts/keystone.sh at $(date -Is). KEY=value, no quoting needed.
KEYSTONE_URL=$KEYSTONE_URL
KEYSTONE_AUTH_URL=$AUTH_URL
KEYSTONE_REGION=$REGION
KEYSTONE_DOMAIN_ID=default
KEYSTONE_DOMAIN_NAME=Default
KEYSTONE_IMAGE_URL=$IMAGE_URL
KEYSTONE_REGION2=$REGION2
KEYSTONE_REGION2_IMAGE_URL=$REGION2_IMAGE_URL
KEYSTONE_IMAGE_SERVICE_ID=$svc
KEYSTONE_ADMIN_USER=admin
KEYSTONE_ADMIN_USER_ID=$u_admin
KEYSTONE_ADMIN_PASSWORD=$KEYSTONE_ADMIN_PASSWORD
KEYSTONE_ADMIN_PROJECT=admin
KEYSTONE_ADMIN_PROJECT_ID=$p_admin
KEYSTONE_SERVICE_PROJECT=service
KEYSTONE_SERVICE_PROJECT_ID=$p_service
KEYSTONE_DEMO_A_PROJECT=demo-a
KEYSTONE_DEMO_A_PROJECT_ID=$p_a
KEYSTONE_DEMO_B_PROJECT=demo-b
KEYSTONE_DEMO_B_PROJECT_ID=$p_b
KEYSTONE_GLANCE_USER=glance
KEYSTONE_GLANCE_USER_ID=$u_glance
KEYSTONE_GLANCE_PASSWORD=$KEYSTONE_GLANCE_PASSWORD
KEYSTONE_ALICE_USER=alice
KEYSTONE_ALICE_USER_ID=$u_alice
KEYSTONE_ALICE_PASSWORD=$KEYSTONE_DEMO_PASSWORD
KEYSTONE_BOB_USER=bob
KEYSTONE_BOB_USER_ID=$u_bob
KEYSTONE_BOB_PASSWORD=$KEYSTONE_DEMO_PASSWORD
KEYSTONE_ACME_PROJECT_ID=$p_acme
KEYSTONE_ACME_ML_LAB_PROJECT_ID=$p_acme_ml
KEYSTONE_ACME_WEB_PROJECT_ID=$p_acme_web
KEYSTONE_GLOBEX_PROJECT_ID=$p_globex
KEYSTONE_GLOBEX_RESEARCH_PROJECT_ID=$p_globex_res
KEYSTONE_INITECH_PROJECT_ID=$p_initech
KEYSTONE_GUESTS_PROJECT_ID=$p_guests
KEYSTONE_CAROL_USER_ID=$u_carol
KEYSTONE_DAVE_USER_ID=$u_dave
KEYSTONE_ERIN_USER_ID=$u_erin
KEYSTONE_FRANK_USER_ID=$u_frank
KEYSTONE_ROLE_ADMIN_ID=$r_admin
KEYSTONE_ROLE_MEMBER_ID=$r_member
KEYSTONE_ROLE_READER_ID=$r_reader
KEYSTONE_ROLE_SERVICE_ID=$r_service
KEYSTONE_CLOUDS_YAML=$CLOUDS
EOF
  mv "$IDS.tmp" "$IDS"
  {
    echo "# Written by imagesdk scripts/keystone.sh. Use: OS_CLIENT_CONFIG_FILE=$CLOUDS openstack --os-cloud it-alice image list"
    echo "clouds:"
    cloud_entry admin "$KEYSTONE_ADMIN_PASSWORD" admin
    cloud_entry alice "$KEYSTONE_DEMO_PASSWORD" demo-a
    cloud_entry bob "$KEYSTONE_DEMO_PASSWORD" demo-b
    cloud_entry alice "$KEYSTONE_DEMO_PASSWORD" demo-a "$REGION2" -region2
    cloud_entry carol "$KEYSTONE_DEMO_PASSWORD" acme
    cloud_entry carol "$KEYSTONE_DEMO_PASSWORD" acme "$REGION2" -region2
    cloud_entry dave "$KEYSTONE_DEMO_PASSWORD" acme-ml-lab
    cloud_entry erin "$KEYSTONE_DEMO_PASSWORD" globex
    cloud_entry frank "$KEYSTONE_DEMO_PASSWORD" guests
  } >"$CLOUDS.tmp"
  mv "$CLOUDS.tmp" "$CLOUDS"
  log "provisioned in $(( $(now_ms) - t0 )) ms; ids: $IDS, clouds: $CLOUDS"
}

cmd_start() {
  local t0 pid
  t0=$(now_ms)
  if pid=$(pid_alive "$PIDFILE" "$PATTERN"); then
    wait_healthy "$pid" 15 || die "pid $pid is running but $AUTH_URL is not 200; try '$0 stop' (log: $LOGFILE)"
    if [ "$(kv_get "$IDS" KEYSTONE_IMAGE_URL)" = "$IMAGE_URL" ] && grep -q "it-alice-region2:" "$CLOUDS" 2>/dev/null &&
       grep -q "it-frank:" "$CLOUDS" 2>/dev/null &&
       [ "$(kv_get "$IDS" KEYSTONE_REGION2_IMAGE_URL)" = "$REGION2_IMAGE_URL" ]; then
      log "already running (pid $pid)"
      printf '%s\n' "$KEYSTONE_URL"
      return 0
    fi
    log "already running (pid $pid), (re)provisioning"
    provision
    printf '%s\n' "$KEYSTONE_URL"
    return 0
  fi
  if port_open "$KEYSTONE_PORT"; then
    die "127.0.0.1:$KEYSTONE_PORT is already in use by another process (not $PIDFILE)"
  fi

  ensure_packages python3-keystone jq curl
  mkdir -p "$KEYSTONE_DIR"
  write_conf
  write_server_py
  init_db

  log "starting keystone on $KEYSTONE_URL, log $LOGFILE"
  printf '\n===== %s start =====\n' "$(date -Is)" >>"$LOGFILE"
  rm -f "$PIDFILE"
  # shellcheck disable=SC2016 # $$/$1/$@ are for the inner sh
  OS_KEYSTONE_CONFIG_FILES="$CONF" setsid nohup sh -c 'echo $$ >"$1"; shift; exec "$@"' keystone-launch "$PIDFILE" \
    "$PY" "$SERVER_PY" 127.0.0.1 "$KEYSTONE_PORT" </dev/null >>"$LOGFILE" 2>&1 9>&- &

  for _ in $(seq 1 50); do [ -s "$PIDFILE" ] && break; sleep 0.1; done
  [ -s "$PIDFILE" ] || die "keystone did not start (no pid file)"
  pid=$(cat "$PIDFILE")
  if ! wait_healthy "$pid" "$KEYSTONE_START_TIMEOUT"; then
    log "keystone not healthy after ${KEYSTONE_START_TIMEOUT}s; last log lines:"
    tail -n 40 "$LOGFILE" >&2 || true
    stop_pid "$PIDFILE" "$PATTERN" "$LOG_TAG" || true
    exit 1
  fi
  log "healthy (pid $pid) after $(( $(now_ms) - t0 )) ms"
  provision
  log "start complete in $(( $(now_ms) - t0 )) ms"
  printf '%s\n' "$KEYSTONE_URL"
}

cmd_stop() { stop_pid "$PIDFILE" "$PATTERN" "keystone"; }

cmd_status() {
  local pid
  if ! pid=$(pid_alive "$PIDFILE" "$PATTERN"); then
    log "not running"
    return 3
  fi
  if healthy; then
    log "running, healthy (pid $pid, dir $KEYSTONE_DIR)"
    printf '%s\n' "$KEYSTONE_URL"
    return 0
  fi
  log "running (pid $pid) but $AUTH_URL is not 200"
  return 1
}

cmd_reset() {
  cmd_stop
  log "wiping $KEYSTONE_DIR"
  rm -rf "$KEYSTONE_DIR"
}

case "${1:-}" in
  start) lock_state_dir "$KEYSTONE_DIR"; cmd_start ;;
  stop) [ -d "$KEYSTONE_DIR" ] && lock_state_dir "$KEYSTONE_DIR"; cmd_stop ;;
  status) cmd_status ;;
  reset) [ -d "$KEYSTONE_DIR" ] && lock_state_dir "$KEYSTONE_DIR"; cmd_reset ;;
  *) echo "usage: $0 start|stop|status|reset   (env: KEYSTONE_PORT KEYSTONE_DIR GLANCE_KEYSTONE_PORT ...)" >&2; exit 2 ;;
esac
