# shellcheck shell=bash
# Helpers shared by scripts/glance.sh and scripts/keystone.sh (sourced, not executed).
# Everything human-readable goes to stderr; stdout is reserved for the one-line result
# (an endpoint URL) so that callers can do ENDPOINT=$(scripts/glance.sh start).

# Debian's own interpreter: a `python3` on PATH may be a pyenv/venv shim that does not
# see /usr/lib/python3/dist-packages.
# shellcheck disable=SC2034 # used by the sourcing scripts
PY=/usr/bin/python3

log() { printf '[%s %s] %s\n' "$(date +%H:%M:%S)" "${LOG_TAG:-it}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Milliseconds since the epoch (for the timing lines in the logs).
now_ms() { date +%s%3N; }

# pkg_installed PKG -> 0 if dpkg has PKG fully installed.
pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_packages PKG... : install the missing ones non-interactively.
# * apt-get update only when the package lists are empty (fresh container/CI image);
# * /usr/sbin/policy-rc.d (exit 101) keeps apt from starting any service the dependency
#   chain pulls in; created only if absent and removed again afterwards;
# * waits for a concurrently running apt/dpkg instead of failing on the lock.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    pkg_installed "$p" || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "packages missing (${missing[*]}) and not root: install them first"
  log "installing ${missing[*]} (apt, --no-install-recommends)"
  local t0 rc=0 created_policy=0
  t0=$(now_ms)
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    log "apt lists are empty: apt-get update"
    apt-get "${apt_opts[@]}" update >&2 || die "apt-get update failed"
  fi
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# created by imagesdk scripts/lib/common.sh during apt-get install\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=1
  fi
  apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}" >&2 || rc=$?
  [ "$created_policy" -eq 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" -eq 0 ] || die "apt-get install ${missing[*]} failed (rc=$rc)"
  log "installed ${missing[*]} in $(( $(now_ms) - t0 )) ms"
}

# http_code URL [curl args...] -> prints the status code ("000" if nothing answered).
http_code() {
  local url=$1; shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$@" "$url" 2>/dev/null || true
}

# port_open PORT -> 0 if something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# proc_running PID -> 0 if PID exists and is not a zombie (a server started with setsid is
# re-parented; where PID 1 reaps slowly or never, e.g. some containers, kill -0 alone would
# report a zombie as alive).
proc_running() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)
  [ "$state" != Z ]
}

# pid_alive PIDFILE PATTERN -> prints the pid and returns 0 if the pid in PIDFILE is alive and
# its command line contains PATTERN (so a recycled pid is not mistaken for our server).
pid_alive() {
  local pidfile=$1 pattern=$2 pid
  [ -s "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  proc_running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern" || return 1
  printf '%s\n' "$pid"
}

# stop_pid PIDFILE PATTERN NAME : SIGTERM the recorded server (and its own session, it was
# started with setsid), wait up to 20 s, then SIGKILL. Removes the pid file.
stop_pid() {
  local pidfile=$1 pattern=$2 name=$3 pid
  if ! pid=$(pid_alive "$pidfile" "$pattern"); then
    log "$name: not running"
    rm -f "$pidfile"
    return 0
  fi
  log "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do
    proc_running "$pid" || break
    sleep 0.1
  done
  if proc_running "$pid"; then
    log "$name: pid $pid ignored SIGTERM for 20 s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 25); do proc_running "$pid" || break; sleep 0.2; done
  fi
  rm -f "$pidfile"
  log "$name: stopped"
}

# kv_get FILE KEY -> value of KEY=value line (no sourcing of files).
kv_get() {
  [ -r "$1" ] || return 0
  sed -n "s/^$2=//p" "$1" | tail -n 1
}

# Values written to the KEY=value files must be safe both for `source` and for
# java.util.Properties: no quotes, spaces, backslashes or shell metacharacters.
check_safe_value() {
  [[ "$2" =~ ^[A-Za-z0-9._:/@+%=,-]*$ ]] || die "$1 contains characters not allowed here (use [A-Za-z0-9._:/@+%=,-])"
}

# lock_state_dir DIR : serialise start/stop/reset of one instance (two CI steps or a test
# harness racing on the same state dir). Held until the script exits.
lock_state_dir() {
  mkdir -p "$1"
  exec 9>"$1/.lock"
  flock -w 300 9 || die "timed out waiting for the lock on $1"
}
