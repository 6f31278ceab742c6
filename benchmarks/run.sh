#!/usr/bin/env bash
# imagesdk benchmarks, end to end (issue 9): imagesdk next to curl, python-glanceclient and openstack4j,
# on loopback, in one run. Regenerates benchmarks/RESULTS.md and benchmarks/results.json.
#
#   benchmarks/run.sh            # as root on a fresh machine: installs what it needs (12 min in all on 2 vCPU)
#
# What it does:
#   1. apt: curl, jq, nginx, python3-glanceclient, python3-glance, python3-keystone (+ middleware);
#      Maven: builds the benchmarks module (openstack4j 3.12 + its OkHttp connector, JMH 1.37).
#   2. data in tmpfs ($BENCH_WORK): a random file of $BENCH_SIZE_MIB MiB and one of 4x that size.
#   3. servers on loopback, all private to this run (other instances are left alone):
#      Keystone  127.0.0.1:$BENCH_KEYSTONE_PORT   (scripts/keystone.sh, state $BENCH_KEYSTONE_DIR)
#      Glance    127.0.0.1:$BENCH_GLANCE_PORT     (scripts/glance.sh, keystone mode, fresh state every run)
#      nginx     127.0.0.1:$BENCH_NGINX_PORT      canned Glance: 10,000-image listing (pages of 1000 and 25),
#                                                 the data files, a PUT sink
#                127.0.0.1:$BENCH_NGINX_BIG_PORT  canned 100,000-image listing (pages of 1000)
#      python-glanceclient's CLI cannot send Glance's trusted identity headers, so Glance runs in
#      keystone mode and every contender (imagesdk included) uses one Keystone token of user alice.
#   4. java dev.imagesdk.benchmarks.Bench: every workload, every contender; see RESULTS.md. The download and upload
#      workloads run twice: on shared CPUs, and pinned (taskset: servers on CPU 0, contenders on CPU 1). The 'cli'
#      workloads time examples/imagectl, glance and curl as whole processes, Keystone login included.
#   5. stops the servers it started and deletes the data (BENCH_KEEP=true keeps both).
#
# Knobs (environment): BENCH_REPS (3), BENCH_WARMUP (1, Java contenders), BENCH_WARMUP_EXTERNAL (0, curl/glanceclient), BENCH_WORKLOADS (download,durable,upload,list,decode,memory,cli),
#   BENCH_CLI_REPS (5: the whole-process workloads 'cli', examples/imagectl vs glance vs a curl pair, each logging in to Keystone),
#   BENCH_DISK_DIR (benchmarks/target/bench-disk: a directory on a real disk for the 'durable' workload, imagesdk's download
#   with and without the fsync of DownloadOpts.durable; the data elsewhere is in tmpfs, where an fsync costs nothing),
#   BENCH_SIZE_MIB (1024), BENCH_GLANCE_LIST (2500 images in the real Glance for its listing: BENCH_GLANCE_SEED_API=200
#   created through its API, in at most BENCH_GLANCE_SEED_SECONDS=150 s, then cloned in its SQLite database by
#   glance-clone-images.py), BENCH_GLANCE_TOKEN_CACHE_TIME (300), BENCH_NGINX_LIST (10000),
#   BENCH_NGINX_BIG_LIST (100000), BENCH_WORK (/dev/shm/imagesdk-bench), BENCH_OUT (benchmarks/),
#   BENCH_JFR (false: true records a JFR profile of every Java contender into target/bench-logs),
#   BENCH_KEEP (false), ports BENCH_GLANCE_PORT (9392) BENCH_KEYSTONE_PORT (5392) BENCH_NGINX_PORT (8392)
#   BENCH_NGINX_BIG_PORT (8393), BENCH_SKIP_BUILD (false), BENCH_MAVEN_ARGS (extra mvn arguments), BENCH_REV (the imagesdk revision for the report,
#   when run from an exported tree; default: git rev-parse HEAD).
set -euo pipefail

BENCH_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_HOME")
# shellcheck source=../scripts/lib/common.sh
. "$REPO/scripts/lib/common.sh"
LOG_TAG=bench

BENCH_REPS=${BENCH_REPS:-3}
BENCH_CLI_REPS=${BENCH_CLI_REPS:-5}
BENCH_WARMUP=${BENCH_WARMUP:-1}
BENCH_WARMUP_EXTERNAL=${BENCH_WARMUP_EXTERNAL:-0}
BENCH_WORKLOADS=${BENCH_WORKLOADS:-download,durable,upload,list,decode,memory,cli}
BENCH_SIZE_MIB=${BENCH_SIZE_MIB:-1024}
BENCH_GLANCE_LIST=${BENCH_GLANCE_LIST:-2500}
BENCH_GLANCE_SEED_API=${BENCH_GLANCE_SEED_API:-200}
BENCH_GLANCE_SEED_SECONDS=${BENCH_GLANCE_SEED_SECONDS:-150}
BENCH_NGINX_LIST=${BENCH_NGINX_LIST:-10000}
BENCH_NGINX_BIG_LIST=${BENCH_NGINX_BIG_LIST:-100000}
BENCH_WORK=${BENCH_WORK:-/dev/shm/imagesdk-bench}
BENCH_OUT=${BENCH_OUT:-$BENCH_HOME}
BENCH_JFR=${BENCH_JFR:-false}
BENCH_KEEP=${BENCH_KEEP:-false}
BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD:-false}
BENCH_GLANCE_PORT=${BENCH_GLANCE_PORT:-9392}
BENCH_KEYSTONE_PORT=${BENCH_KEYSTONE_PORT:-5392}
BENCH_NGINX_PORT=${BENCH_NGINX_PORT:-8392}
BENCH_NGINX_BIG_PORT=${BENCH_NGINX_BIG_PORT:-8393}
# Glance's state (SQLite, file store) in tmpfs: with other builds writing to the disk, SQLite's fsyncs made
# each image create take seconds; the data path is the same (Glance's file store never fsyncs image data).
BENCH_GLANCE_DIR=${BENCH_GLANCE_DIR:-/dev/shm/imagesdk-bench-glance-$BENCH_GLANCE_PORT}
BENCH_KEYSTONE_DIR=${BENCH_KEYSTONE_DIR:-/tmp/imagesdk-bench-keystone-$BENCH_KEYSTONE_PORT}

TARGET="$BENCH_HOME/target"
BENCH_DISK_DIR=${BENCH_DISK_DIR:-$TARGET/bench-disk}
LOGS="$TARGET/bench-logs"
NGINX_PREFIX="$BENCH_WORK/nginx"
CONFIG="$TARGET/bench.properties"
T0=$(now_ms)

# The canned server's image ids (fixed, well-formed UUIDs).
NGINX_ID_1="00000000-0000-4000-8000-00000000001a"
NGINX_ID_4="00000000-0000-4000-8000-00000000004a"

# Glance caches a validated token (keystonemiddleware's in-process cache) for BENCH_GLANCE_TOKEN_CACHE_TIME
# seconds: without it every request waits for Keystone's single-threaded server to validate the token again.
BENCH_GLANCE_TOKEN_CACHE_TIME=${BENCH_GLANCE_TOKEN_CACHE_TIME:-300}
glance_env() {
  env GLANCE_AUTH=keystone GLANCE_PORT="$BENCH_GLANCE_PORT" GLANCE_DIR="$BENCH_GLANCE_DIR" \
    GLANCE_TOKEN_CACHE_TIME="$BENCH_GLANCE_TOKEN_CACHE_TIME" \
    KEYSTONE_DIR="$BENCH_KEYSTONE_DIR" KEYSTONE_URL="http://127.0.0.1:$BENCH_KEYSTONE_PORT" "$@"
}
keystone_env() {
  env KEYSTONE_PORT="$BENCH_KEYSTONE_PORT" KEYSTONE_DIR="$BENCH_KEYSTONE_DIR" \
    GLANCE_KEYSTONE_PORT="$BENCH_GLANCE_PORT" "$@"
}

cleanup() {
  local rc=$?
  if [ "$BENCH_KEEP" != true ]; then
    if [ -s "$NGINX_PREFIX/nginx.pid" ]; then
      nginx -s quit -c "$NGINX_PREFIX/conf/nginx.conf" -p "$NGINX_PREFIX" 2>/dev/null || true
    fi
    glance_env "$REPO/scripts/glance.sh" reset >/dev/null 2>&1 || true
    keystone_env "$REPO/scripts/keystone.sh" stop >/dev/null 2>&1 || true
    sleep 0.5
    rm -rf "$BENCH_WORK"
  fi
  log "finished (rc=$rc) after $(( ($(now_ms) - T0) / 1000 )) s"
}
trap cleanup EXIT
# A stopped run (Ctrl-C, kill) still stops its servers: turn the signal into an exit, which runs cleanup.
trap 'exit 130' INT
trap 'exit 143' TERM

log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 1. packages and build ------------------------------------------------------------------------
ensure_packages curl jq nginx python3-glanceclient python3-glance python3-keystone python3-keystonemiddleware
command -v mvn >/dev/null || ensure_packages maven
command -v javac >/dev/null || ensure_packages openjdk-17-jdk-headless

if [ "$BENCH_SKIP_BUILD" != true ]; then
  log "building the benchmarks module and imagectl (mvn -pl benchmarks,examples -am package -DskipTests)"
  # shellcheck disable=SC2086  # BENCH_MAVEN_ARGS: extra words for mvn, e.g. -Dmaven.repo.local=/tmp/empty-repo
  (cd "$REPO" && mvn -q -B ${BENCH_MAVEN_ARGS:-} -pl benchmarks,examples -am -DskipTests -Dmaven.javadoc.skip=true package) >&2
fi
# A private copy of the class path: other builds in this work tree must not swap jars under a running benchmark.
LIB="$TARGET/bench-lib"
rm -rf "$LIB"
mkdir -p "$LIB" "$LOGS"
cp -r "$TARGET/classes" "$LIB/classes"
CP="$LIB/classes"
O4J_CP=""
IFS=: read -r -a entries <"$TARGET/classpath.txt" || true  # no trailing newline
for e in "${entries[@]}"; do
  if [ -d "$e" ]; then
    dest="$LIB/$(basename "$(dirname "$e")")-$(basename "$e")"
    cp -r "$e" "$dest"
  else
    dest="$LIB/$(basename "$e")"
    cp "$e" "$dest"
  fi
  CP="$CP:$dest"
  # openstack4j's workers get the OkHttp 3.14.9 / okio 1.17.2 its connector declares, not our OkHttp 5.
  case "$(basename "$e")" in
    okhttp-5*|okhttp-jvm-5*|logging-interceptor-5*|okio-3*|okio-jvm-3*) ;;
    *) O4J_CP="${O4J_CP:+$O4J_CP:}$dest" ;;
  esac
done
for j in "$TARGET"/openstack4j-okhttp3/*.jar; do
  cp "$j" "$LIB/"
  O4J_CP="$O4J_CP:$LIB/$(basename "$j")"
done
O4J_CP="$LIB/classes:$O4J_CP"

# ---- 2. data ------------------------------------------------------------------------------------------
mkdir -p "$BENCH_WORK"
FILE1="$BENCH_WORK/image-${BENCH_SIZE_MIB}MiB.bin"
FILE4="$BENCH_WORK/image-$((4 * BENCH_SIZE_MIB))MiB.bin"
SIZE1=$((BENCH_SIZE_MIB * 1048576))
SIZE4=$((4 * SIZE1))
if [ "$(stat -c %s "$FILE1" 2>/dev/null || echo 0)" != "$SIZE1" ]; then
  log "writing $FILE1 (random)"
  head -c "$SIZE1" /dev/urandom >"$FILE1.tmp" && mv "$FILE1.tmp" "$FILE1"
fi
if [ "$(stat -c %s "$FILE4" 2>/dev/null || echo 0)" != "$SIZE4" ]; then
  log "writing $FILE4 (4 x the first file)"
  cat "$FILE1" "$FILE1" "$FILE1" "$FILE1" >"$FILE4.tmp" && mv "$FILE4.tmp" "$FILE4"
fi
hashes() { # FILE -> "md5 sha512", cached next to the file
  local f=$1
  if [ ! -s "$f.hashes" ] || [ "$f.hashes" -ot "$f" ]; then
    local sha p1
    md5sum "$f" | cut -d' ' -f1 >"$f.md5" &
    p1=$!
    sha=$(sha512sum "$f" | cut -d' ' -f1)
    wait "$p1"
    echo "$(cat "$f.md5") $sha" >"$f.hashes"
    rm -f "$f.md5"
  fi
  cat "$f.hashes"
}
log "hashing the data files (md5sum, sha512sum)"
read -r MD5_1 SHA_1 < <(hashes "$FILE1")
read -r MD5_4 SHA_4 < <(hashes "$FILE4")

# ---- 3. servers ---------------------------------------------------------------------------------------
log "starting Keystone :$BENCH_KEYSTONE_PORT and a fresh keystone-mode Glance :$BENCH_GLANCE_PORT"
glance_env "$REPO/scripts/glance.sh" reset >&2 || true
glance_env "$REPO/scripts/glance.sh" start >"$LOGS/glance.url" &
GLANCE_START=$!
KEYSTONE_URL=$(keystone_env "$REPO/scripts/keystone.sh" start | tail -n 1)
wait "$GLANCE_START"
GLANCE_URL=$(tail -n 1 "$LOGS/glance.url")
IDS="$BENCH_KEYSTONE_DIR/ids.env"
ALICE_PASSWORD=$(kv_get "$IDS" KEYSTONE_ALICE_PASSWORD)
PROJECT_ID=$(kv_get "$IDS" KEYSTONE_DEMO_A_PROJECT_ID)
[ -n "$ALICE_PASSWORD" ] && [ -n "$PROJECT_ID" ] || die "alice's password or demo-a's id missing in $IDS"

umask 077
TOKEN_FILE="$BENCH_WORK/token"
curl -s -D - -o /dev/null --max-time 30 -H 'Content-Type: application/json' \
  --data-binary "$(jq -nc --arg p "$ALICE_PASSWORD" --arg pr "$PROJECT_ID" \
    '{auth:{identity:{methods:["password"],password:{user:{name:"alice",domain:{id:"default"},password:$p}}},scope:{project:{id:$pr}}}}')" \
  "$KEYSTONE_URL/v3/auth/tokens" | tr -d '\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *//p' >"$TOKEN_FILE"
[ -s "$TOKEN_FILE" ] || die "no Keystone token for alice"
umask 022
code=$(http_code "$GLANCE_URL/v2/images?limit=1" -H "X-Auth-Token: $(cat "$TOKEN_FILE")" --max-time 30)
[ "$code" = 200 ] || die "Glance answered $code to alice's token (log: $BENCH_GLANCE_DIR/glance-api.log)"
curl -sf -H "X-Auth-Token: $(cat "$TOKEN_FILE")" "$GLANCE_URL/v2/schemas/image" >"$BENCH_WORK/schema-image.json"

log "writing the canned Glance for nginx and starting it on :$BENCH_NGINX_PORT and :$BENCH_NGINX_BIG_PORT"
if [ -s "$NGINX_PREFIX/nginx.pid" ]; then
  nginx -s quit -c "$NGINX_PREFIX/conf/nginx.conf" -p "$NGINX_PREFIX" 2>/dev/null || true
  sleep 1
fi
rm -rf "$NGINX_PREFIX"
java -cp "$CP" dev.imagesdk.benchmarks.canned.NginxSite "$NGINX_PREFIX" \
  "main:$BENCH_NGINX_PORT:$BENCH_NGINX_LIST:1000,25" "big:$BENCH_NGINX_BIG_PORT:$BENCH_NGINX_BIG_LIST:1000" \
  --file "$NGINX_ID_1:$FILE1:$SIZE1:$MD5_1:$SHA_1" --file "$NGINX_ID_4:$FILE4:$SIZE4:$MD5_4:$SHA_4" \
  --schema "$BENCH_WORK/schema-image.json" >/dev/null
nginx -c "$NGINX_PREFIX/conf/nginx.conf" -p "$NGINX_PREFIX"
for _ in $(seq 1 50); do port_open "$BENCH_NGINX_PORT" && port_open "$BENCH_NGINX_BIG_PORT" && break; sleep 0.1; done
[ "$(http_code "http://127.0.0.1:$BENCH_NGINX_PORT/v2/images?limit=1000")" = 200 ] || die "canned nginx does not answer"

# ---- 4. the run ---------------------------------------------------------------------------------------
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo '?'; }
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
{
  echo "# Written by benchmarks/run.sh at $(date -u +%FT%TZ)"
  echo "out.dir=$BENCH_OUT"
  echo "work.dir=$BENCH_WORK"
  echo "disk.dir=$BENCH_DISK_DIR"
  echo "log.dir=$LOGS"
  echo "reps=$BENCH_REPS"
  echo "warmup=$BENCH_WARMUP"
  echo "warmup.external=$BENCH_WARMUP_EXTERNAL"
  echo "workloads=$BENCH_WORKLOADS"
  echo "list.targets=${BENCH_LIST_TARGETS:-nginx,glance}"
  echo "jfr=$BENCH_JFR"
  echo "token.file=$TOKEN_FILE"
  echo "keystone.url=$KEYSTONE_URL"
  echo "keystone.user=alice"
  echo "keystone.password=$ALICE_PASSWORD"
  echo "keystone.project.id=$PROJECT_ID"
  echo "openstack4j.classpath=$O4J_CP"
  echo "glance.url=$GLANCE_URL"
  echo "nginx.url=http://127.0.0.1:$BENCH_NGINX_PORT"
  echo "nginx-big.url=http://127.0.0.1:$BENCH_NGINX_BIG_PORT"
  echo "nginx.prefix=$NGINX_PREFIX"
  echo "nginx.download.id=$NGINX_ID_1"
  echo "nginx.download4g.id=$NGINX_ID_4"
  echo "nginx.list.images=$BENCH_NGINX_LIST"
  echo "nginx.list.limits=1000,25"
  echo "nginx-big.list.images=$BENCH_NGINX_BIG_LIST"
  echo "glance.list.seed=$BENCH_GLANCE_LIST"
  echo "glance.list.seed.api=$BENCH_GLANCE_SEED_API"
  echo "glance.list.seed.seconds=$BENCH_GLANCE_SEED_SECONDS"
  echo "glance.dir=$BENCH_GLANCE_DIR"
  echo "glance.clone.script=$BENCH_HOME/glance-clone-images.py"
  echo "glance.list.limits=1000,25"
  echo "file.1g=$FILE1"
  echo "file.1g.size=$SIZE1"
  echo "file.1g.sha512=$SHA_1"
  echo "file.4g=$FILE4"
  echo "file.4g.size=$SIZE4"
  echo "file.4g.sha512=$SHA_4"
  echo "cli.imagectl=$REPO/examples/imagectl"
  echo "cli.reps=$BENCH_CLI_REPS"
  echo "cli.warmup=1"
  if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    # the pinned workloads: servers on CPU 0, the client on CPU 1
    echo "pin.server=0"
    echo "pin.client=1"
    echo "server.pids=$(cat "$BENCH_GLANCE_DIR/glance-api.pid"),$(cat "$BENCH_KEYSTONE_DIR/keystone.pid"),$(cat "$NGINX_PREFIX/nginx.pid")"
  fi
  echo "info.01=date (UTC): $(date -u '+%F %T')"
  echo "info.02=machine: $(nproc) vCPU ($cpu), $(free -g | awk '/^Mem:/{print $2}') GiB RAM, kernel $(uname -r); tmpfs for data"
  echo "info.03=load average at start (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg) (other engineers' builds may share the machine: see the timeline)"
  echo "info.04=java: $(java -version 2>&1 | head -n 1) ($(java -version 2>&1 | sed -n 2p))"
  if [ -n "${BENCH_REV:-}" ]; then
    echo "info.05=imagesdk: $BENCH_REV"
  else
    echo "info.05=imagesdk: $(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$REPO" && git diff --quiet HEAD -- sdk-core sdk-images 2>/dev/null || echo ' (+ uncommitted changes in sdk-core/sdk-images)')"
  fi
  echo "info.06=Glance: python3-glance $(pkgver python3-glance) (keystone mode, workers=0, no cache filter, file store), Keystone python3-keystone $(pkgver python3-keystone)"
  echo "info.07=openstack4j: openstack4j-core + openstack4j-okhttp 3.12 with the OkHttp 3.14.9 / okio 1.17.2 its connector declares (own worker JVMs; JMH decode uses Jackson only)"
  echo "info.08=python-glanceclient: $(pkgver python3-glanceclient) ($(/usr/bin/python3 --version 2>&1))"
  echo "info.09=curl: $(curl --version | head -n 1 | cut -d' ' -f1-2); coreutils sha512sum $(pkgver coreutils)"
  echo "info.10=nginx: $(nginx -v 2>&1 | sed 's/^nginx version: //') (1 worker, sendfile, canned responses from tmpfs)"
  echo "info.11=command: benchmarks/run.sh (BENCH_REPS=$BENCH_REPS BENCH_CLI_REPS=$BENCH_CLI_REPS BENCH_WARMUP=$BENCH_WARMUP BENCH_SIZE_MIB=$BENCH_SIZE_MIB BENCH_GLANCE_LIST=$BENCH_GLANCE_LIST BENCH_GLANCE_SEED_API=$BENCH_GLANCE_SEED_API BENCH_GLANCE_TOKEN_CACHE_TIME=$BENCH_GLANCE_TOKEN_CACHE_TIME BENCH_NGINX_LIST=$BENCH_NGINX_LIST BENCH_NGINX_BIG_LIST=$BENCH_NGINX_BIG_LIST)"
} >"$CONFIG"
chmod 600 "$CONFIG"

log "running the workloads ($BENCH_WORKLOADS), $BENCH_WARMUP warm-up + $BENCH_REPS measured repetitions each"
java -Xmx1g -cp "$CP" dev.imagesdk.benchmarks.Bench "$CONFIG"
log "wrote $BENCH_OUT/RESULTS.md and $BENCH_OUT/results.json"
