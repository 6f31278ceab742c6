# shellcheck shell=bash
# A Debian 13 (trixie) root on the bookworm machine, for running trixie's Glance 30.0 (2025.1) beside
# bookworm's Glance 25.1 (sourced by scripts/glance.sh when GLANCE_RELEASE=30; needs root).
#
#   TRIXIE_ROOT      where the root lives (default /var/cache/imagesdk/trixie-root); made once with
#                    debootstrap --variant=minbase (about 2 min) plus python3-glance and
#                    python3-keystonemiddleware from the same mirror (about 2-4 min); kept across runs
#   TRIXIE_MIRROR    Debian mirror (default http://deb.debian.org/debian, the one CI reaches)
#
# The Glance state directory is bind-mounted at the same path inside the root (undone by stop and
# reset), so the configuration's paths are the same inside and outside, and /proc and /dev are mounted
# for Python. To remove the root: unmount what /proc/mounts lists below it first, then
# rm -rf --one-file-system (never a plain rm -rf while /dev is bound into it).

TRIXIE_ROOT=${TRIXIE_ROOT:-/var/cache/imagesdk/trixie-root}
TRIXIE_MIRROR=${TRIXIE_MIRROR:-http://deb.debian.org/debian}
TRIXIE_PACKAGES=(python3-glance python3-keystonemiddleware)

# ensure_trixie_root: the root exists with the packages; /proc and /dev mounted.
ensure_trixie_root() {
  [ "$(id -u)" -eq 0 ] || die "GLANCE_RELEASE=30 needs root (debootstrap, chroot, mount)"
  local t0 lock
  t0=$(now_ms)
  mkdir -p "$(dirname "$TRIXIE_ROOT")"
  lock="$TRIXIE_ROOT.lock"
  exec 8>"$lock"
  flock -w 900 8 || die "another process is preparing $TRIXIE_ROOT (lock $lock)"
  if [ ! -f "$TRIXIE_ROOT/.imagesdk-ready" ]; then
    command -v debootstrap >/dev/null || ensure_packages debootstrap
    if [ ! -x "$TRIXIE_ROOT/usr/bin/apt-get" ]; then
      log "debootstrap trixie into $TRIXIE_ROOT (minbase)"
      trixie_unmount_all
      rm -rf --one-file-system "$TRIXIE_ROOT"
      debootstrap --variant=minbase trixie "$TRIXIE_ROOT" "$TRIXIE_MIRROR" >"$TRIXIE_ROOT.debootstrap.log" 2>&1 ||
        { tail -n 20 "$TRIXIE_ROOT.debootstrap.log" >&2; die "debootstrap trixie failed (log $TRIXIE_ROOT.debootstrap.log)"; }
    fi
    trixie_mounts
    cp /etc/resolv.conf "$TRIXIE_ROOT/etc/resolv.conf" 2>/dev/null || true
    printf '#!/bin/sh\nexit 101\n' >"$TRIXIE_ROOT/usr/sbin/policy-rc.d"
    chmod 755 "$TRIXIE_ROOT/usr/sbin/policy-rc.d"
    log "installing ${TRIXIE_PACKAGES[*]} inside the trixie root"
    chroot "$TRIXIE_ROOT" env DEBIAN_FRONTEND=noninteractive sh -c \
      "apt-get -q update && apt-get -y -q install --no-install-recommends ${TRIXIE_PACKAGES[*]}" \
      >"$TRIXIE_ROOT.apt.log" 2>&1 ||
      { tail -n 20 "$TRIXIE_ROOT.apt.log" >&2; die "apt-get inside the trixie root failed (log $TRIXIE_ROOT.apt.log)"; }
    touch "$TRIXIE_ROOT/.imagesdk-ready"
    log "trixie root ready in $(( $(now_ms) - t0 )) ms: $(trixie_glance_version)"
  fi
  trixie_mounts
  flock -u 8
}

trixie_mounts() {
  mountpoint -q "$TRIXIE_ROOT/proc" || mount -t proc proc "$TRIXIE_ROOT/proc" || die "cannot mount /proc in $TRIXIE_ROOT"
  mountpoint -q "$TRIXIE_ROOT/dev" || mount --bind /dev "$TRIXIE_ROOT/dev" || die "cannot bind /dev into $TRIXIE_ROOT"
}

# trixie_unbind DIR: undoes trixie_bind (when mounted).
trixie_unbind() {
  if mountpoint -q "$TRIXIE_ROOT$1" 2>/dev/null; then
    umount "$TRIXIE_ROOT$1" || umount -l "$TRIXIE_ROOT$1" || true
  fi
}

# trixie_unmount_all: every mount below the root (its /proc, /dev and state directories), deepest first.
trixie_unmount_all() {
  local m
  for m in $(awk -v root="$TRIXIE_ROOT/" 'index($2, root) == 1 {print $2}' /proc/mounts | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
}

# trixie_bind DIR: DIR (absolute) appears at the same path inside the root.
trixie_bind() {
  mkdir -p "$1" "$TRIXIE_ROOT$1"
  mountpoint -q "$TRIXIE_ROOT$1" || mount --bind "$1" "$TRIXIE_ROOT$1" || die "cannot bind $1 into $TRIXIE_ROOT"
}

trixie_glance_version() {
  chroot "$TRIXIE_ROOT" dpkg-query -W -f='python3-glance ${Version}' python3-glance 2>/dev/null || echo "python3-glance ?"
}
