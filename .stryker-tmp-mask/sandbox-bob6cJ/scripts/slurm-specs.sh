#!/usr/bin/env bash
# Produces real OpenAPI documents from real slurmrestd builds (Debian packages) for tests,
# benchmarks and CI. See docs/real-specs.md.
#
#   scripts/slurm-specs.sh [--force] [OUTDIR]      (OUTDIR defaults to <repo>/.cache/slurm-specs)
#
#   OUTDIR/24.11/  slurmrestd 24.11 from a Debian trixie chroot: v0.0.40.json v0.0.41.json
#                  v0.0.42.json v0.0.41+prefer_refs.json combined.json VERSION
#   OUTDIR/22.05/  slurmrestd 22.05 on the Debian bookworm host: openapi.json openapi-db.json
#                  dbv0.0.38.json VERSION
#
# Environment: SPECDRIFT_TRIXIE_ROOT (chroot, default <repo>/.cache/trixie-root, kept for reuse),
#              SPECDRIFT_DEBIAN_MIRROR (default: the Debian mirror the host's apt uses).
# shellcheck disable=SC2016  # ${Package} etc. are dpkg-query formats, not shell expansions
set -Eeuo pipefail

readonly PROG=slurm-specs
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
readonly SCRIPT_DIR REPO_ROOT
readonly SPEC_JSON="$SCRIPT_DIR/lib/spec-json.mjs"
readonly SAFE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# name of the output file -> argument of `slurmrestd --generate-openapi-spec -d`
# shellcheck disable=SC2054  # the commas are part of one -d argument
readonly -A SPECS_2411=(
  [v0.0.40.json]=v0.0.40
  [v0.0.41.json]=v0.0.41
  [v0.0.42.json]=v0.0.42
  [v0.0.41+prefer_refs.json]=v0.0.41+prefer_refs
  [combined.json]=v0.0.40,v0.0.41,v0.0.42
)
readonly FILES_2411=(v0.0.40.json v0.0.41.json v0.0.42.json v0.0.41+prefer_refs.json combined.json VERSION)
readonly FILES_2205=(openapi.json openapi-db.json dbv0.0.38.json VERSION)
readonly PLUGINS_2205=openapi/v0.0.38,openapi/v0.0.37,openapi/v0.0.36
readonly DB_PLUGINS_2205=openapi/dbv0.0.38,openapi/dbv0.0.37,openapi/dbv0.0.36

# State the EXIT trap cleans up.
CHILD_PGID=''      # process group of the command `run` is waiting for
OUR_MOUNTS=()      # mounts this run made (unmounted in reverse order)
PARTIAL_ROOT=''    # debootstrap target while it is being built
WORK_DIR=''        # staging area inside OUTDIR (same filesystem, so `mv` is atomic)
CONF_DIR=''        # slurm.conf for slurmrestd 22.05 (outside OUTDIR: user nobody must read it)
LOG=/dev/null
HOST_APT_UPDATED=0

say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
  trap - ERR
  printf '%s: error: %s\n' "$PROG" "$*" >&2
  exit 1
}
usage() {
  cat <<EOF
usage: scripts/slurm-specs.sh [--force] [OUTDIR]
Builds real Slurm OpenAPI documents into OUTDIR (default: $REPO_ROOT/.cache/slurm-specs).
Does nothing when they already exist; --force rebuilds them. Needs root on Debian bookworm.
EOF
}

# run [--in FILE] [--out FILE] [--hint TEXT] DESCRIPTION COMMAND...
# Runs COMMAND in a new session (so the EXIT trap can end it and every child it spawned),
# appends its output to $LOG, and dies with one line naming DESCRIPTION when it fails.
run() {
  local input=/dev/null output='' hint=''
  while [[ $1 == --in || $1 == --out || $1 == --hint ]]; do
    case $1 in
      --in) input=$2 ;;
      --out) output=$2 ;;
      --hint) hint="; $2" ;;
    esac
    shift 2
  done
  local what=$1
  shift
  printf '\n## %s\n$ %s\n' "$what" "$*" >>"$LOG"
  if [[ -n $output ]]; then
    setsid "$@" <"$input" >"$output" 2>>"$LOG" &
  else
    setsid "$@" <"$input" >>"$LOG" 2>&1 &
  fi
  CHILD_PGID=$!
  local rc=0
  wait "$CHILD_PGID" || rc=$?
  CHILD_PGID=''
  ((rc == 0)) || die "$what failed (exit $rc)$hint; details in $LOG"
}

unmount_below() {
  local prefix=$1 target
  findmnt -rn -o TARGET | awk -v p="$prefix/" 'index($0, p) == 1' | sort -r | while read -r target; do
    umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null || true
  done
}

cleanup() {
  local rc=$?
  set +e
  trap - ERR
  if [[ -n $CHILD_PGID ]]; then
    kill -TERM -- "-$CHILD_PGID" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 -- "-$CHILD_PGID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$CHILD_PGID" 2>/dev/null
  fi
  local i
  for ((i = ${#OUR_MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${OUR_MOUNTS[i]}" 2>/dev/null || umount -l "${OUR_MOUNTS[i]}" 2>/dev/null
  done
  if [[ -n $PARTIAL_ROOT ]]; then
    unmount_below "$PARTIAL_ROOT"
    rm -rf --one-file-system "$PARTIAL_ROOT"
  fi
  [[ -n $WORK_DIR ]] && rm -rf "$WORK_DIR"
  [[ -n $CONF_DIR ]] && rm -rf "$CONF_DIR"
  exit "$rc"
}

on_error() { die "unexpected failure (exit $1) at line $2: $3; details in $LOG"; }

part_complete() { # part files...
  local part=$1 file
  shift
  for file in "$@"; do
    [[ -s $OUTDIR/$part/$file ]] || return 1
  done
}

is_installed() { # [chroot-root] packages...  (root '' means the host)
  local root=$1 package
  shift
  for package in "$@"; do
    if [[ -n $root ]]; then
      [[ $(chroot "$root" dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true) == 'install ok installed' ]] || return 1
    else
      [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true) == 'install ok installed' ]] || return 1
    fi
  done
}

host_apt_update() {
  ((HOST_APT_UPDATED)) && return 0
  say "apt-get update (host)"
  run --hint "is the Debian mirror in /etc/apt reachable?" "apt-get update on the host" \
    apt-get update -o APT::Update::Error-Mode=any
  HOST_APT_UPDATED=1
}

host_install() { # [--no-install-recommends] packages...
  local flags=() missing=() package
  if [[ $1 == --no-install-recommends ]]; then
    flags=("$1")
    shift
  fi
  for package in "$@"; do
    is_installed '' "$package" || missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return 0
  host_apt_update
  say "apt-get install ${missing[*]} (host)"
  run "apt-get install ${missing[*]} on the host" \
    env DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 "${flags[@]}" "${missing[@]}"
}

# The first Debian (non-security) mirror in the host's apt sources, in either format.
debian_mirror() {
  if [[ -n ${SPECDRIFT_DEBIAN_MIRROR:-} ]]; then
    printf '%s\n' "$SPECDRIFT_DEBIAN_MIRROR"
    return
  fi
  local files=() uris f
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] && files+=("$f")
  done
  uris=$(
    for f in "${files[@]}"; do
      if [[ $f == *.sources ]]; then
        # deb822: blank-line separated stanzas; skip disabled and deb-src-only ones.
        awk 'BEGIN { RS = ""; FS = "\n" }
          {
            types = ""; uris = ""; enabled = "yes"
            for (i = 1; i <= NF; i++) {
              if ($i ~ /^[ \t]*#/) continue
              if (tolower($i) ~ /^types:/) types = substr($i, 7)
              if (tolower($i) ~ /^uris:/) uris = substr($i, 6)
              if (tolower($i) ~ /^enabled:/) enabled = tolower(substr($i, 9))
            }
            if (enabled !~ /no/ && types ~ /(^|[ \t])deb([ \t]|$)/) {
              n = split(uris, list, /[ \t]+/)
              for (j = 1; j <= n; j++) if (list[j] != "") print list[j]
            }
          }' "$f"
      else
        sed -n -E 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]].*/\2/p' "$f"
      fi
    done
  )
  local uri
  while read -r uri; do
    if [[ $uri == */debian || $uri == */debian/ ]] && [[ $uri != *security* ]]; then
      printf '%s\n' "${uri%/}"
      return
    fi
  done <<<"$uris"
  printf '%s\n' http://deb.debian.org/debian
}

prepare_trixie_root() {
  if [[ -x $TRIXIE_ROOT/usr/bin/apt-get && -f $TRIXIE_ROOT/etc/debian_version ]]; then
    return
  fi
  if [[ -e $TRIXIE_ROOT ]] && ! rmdir "$TRIXIE_ROOT" 2>/dev/null; then
    die "$TRIXIE_ROOT exists but is not a Debian root (no usr/bin/apt-get); remove it or set SPECDRIFT_TRIXIE_ROOT"
  fi
  host_install debootstrap
  local mirror
  mirror=$(debian_mirror)
  PARTIAL_ROOT="$TRIXIE_ROOT.partial"
  unmount_below "$PARTIAL_ROOT"
  rm -rf --one-file-system "$PARTIAL_ROOT"
  mkdir -p "$(dirname "$TRIXIE_ROOT")"
  say "debootstrap --variant=minbase trixie from $mirror into $TRIXIE_ROOT (~30-60 s)"
  run --hint "is it reachable? SPECDRIFT_DEBIAN_MIRROR=URL picks another" "debootstrap trixie from $mirror" \
    debootstrap --variant=minbase trixie "$PARTIAL_ROOT" "$mirror"
  mv -T "$PARTIAL_ROOT" "$TRIXIE_ROOT"
  PARTIAL_ROOT=''
}

# /proc in the chroot: apt's maintainer scripts (systemd-tmpfiles) want it. An existing mount
# (e.g. a Slurm cluster running in the same chroot) is left alone.
mount_chroot_proc() {
  mountpoint -q "$TRIXIE_ROOT/proc" && return 0
  mount -t proc proc "$TRIXIE_ROOT/proc"
  OUR_MOUNTS+=("$TRIXIE_ROOT/proc")
}

unmount_ours() {
  local i
  for ((i = ${#OUR_MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${OUR_MOUNTS[i]}"
  done
  OUR_MOUNTS=()
}


# Staged files are validated first, then renamed into place one by one (atomic per file);
# VERSION goes last, so a part counts as complete only once everything else is there.
publish() { # part staging-dir
  local part=$1 stage=$2 file
  mkdir -p "$OUTDIR/$part"
  for file in "$stage"/*.json; do
    mv -f "$file" "$OUTDIR/$part/"
  done
  mv -f "$stage/VERSION" "$OUTDIR/$part/VERSION"
}

build_2411() {
  local stage="$WORK_DIR/24.11" name package
  mkdir -p "$stage"
  prepare_trixie_root
  mount_chroot_proc
  if ! is_installed "$TRIXIE_ROOT" slurmrestd slurm-wlm-basic-plugins; then
    # Package installs in the chroot must never start daemons.
    printf '#!/bin/sh\nexit 101\n' >"$TRIXIE_ROOT/usr/sbin/policy-rc.d"
    chmod 755 "$TRIXIE_ROOT/usr/sbin/policy-rc.d"
    cp -L /etc/resolv.conf "$TRIXIE_ROOT/etc/resolv.conf"
    say "apt-get install slurmrestd slurm-wlm-basic-plugins (trixie chroot)"
    run --hint "is the Debian mirror reachable from the chroot?" "apt-get update in the trixie chroot $TRIXIE_ROOT" \
      "${IN_CHROOT[@]}" apt-get update -o APT::Update::Error-Mode=any
    # Finishes an install that an earlier, interrupted run left half done (no-op otherwise).
    run "dpkg --configure -a in the trixie chroot $TRIXIE_ROOT" \
      "${IN_CHROOT[@]}" DEBIAN_FRONTEND=noninteractive dpkg --configure -a
    run "apt-get install slurmrestd in the trixie chroot $TRIXIE_ROOT" \
      "${IN_CHROOT[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      slurmrestd slurm-wlm-basic-plugins
    run "apt-get clean in the trixie chroot" "${IN_CHROOT[@]}" apt-get clean # frees ~130 MB of .debs
  fi
  say "slurmrestd --generate-openapi-spec (24.11)"
  for name in "${!SPECS_2411[@]}"; do
    run --out "$stage/$name" "slurmrestd 24.11 --generate-openapi-spec -d ${SPECS_2411[$name]}" \
      timeout 120 "${IN_CHROOT[@]}" SLURM_CONF=/dev/null slurmrestd --generate-openapi-spec -s slurmctld,slurmdbd -d "${SPECS_2411[$name]}"
  done
  {
    for package in slurmrestd slurm-wlm-basic-plugins; do
      "${IN_CHROOT[@]}" dpkg-query -W -f='${Package} ${Version}\n' "$package"
    done
    printf 'debian %s (trixie chroot)\n' "$(cat "$TRIXIE_ROOT/etc/debian_version")"
  } >"$stage/VERSION"
  unmount_ours
  run "check 24.11 documents (JSON with an openapi key)" node "$SPEC_JSON" check "$stage"/*.json
  publish 24.11 "$stage"
}

build_2205() {
  local stage="$WORK_DIR/22.05" version package
  mkdir -p "$stage"
  host_install --no-install-recommends slurmrestd slurm-wlm-jwt-plugin
  version=$(dpkg-query -W -f='${Version}' slurmrestd)
  [[ $version == 22.05.* ]] ||
    die "host slurmrestd is $version, not 22.05.x: the 22.05 documents need a Debian bookworm host"
  # slurmrestd 22.05 refuses to run as root, so it drops to `nobody`, who must read slurm.conf.
  CONF_DIR=$(mktemp -d /tmp/slurm-specs-conf.XXXXXX)
  chmod 755 "$CONF_DIR"
  printf 'ClusterName=x\nSlurmctldHost=localhost\n' >"$CONF_DIR/slurm.conf"
  printf 'ClusterName=x\nSlurmctldHost=localhost\nAccountingStorageType=accounting_storage/slurmdbd\n' \
    >"$CONF_DIR/slurm-db.conf"
  chmod 644 "$CONF_DIR"/*.conf
  printf 'GET /openapi.json HTTP/1.1\r\nX-SLURM-USER-NAME: nobody\r\nX-SLURM-USER-TOKEN: none\r\n\r\n' \
    >"$WORK_DIR/request.http"
  say "slurmrestd inetd mode: GET /openapi.json (22.05)"
  serve_2205 openapi "$CONF_DIR/slurm.conf" "$PLUGINS_2205"
  serve_2205 openapi-db "$CONF_DIR/slurm-db.conf" "$PLUGINS_2205,$DB_PLUGINS_2205"
  serve_2205 dbv0.0.38 "$CONF_DIR/slurm-db.conf" openapi/dbv0.0.38
  {
    for package in slurmrestd slurm-wlm-basic-plugins slurm-wlm-jwt-plugin; do
      dpkg-query -W -f='${Package} ${Version}\n' "$package"
    done
    printf 'debian %s (host)\n' "$(cat /etc/debian_version)"
  } >"$stage/VERSION"
  run "check 22.05 documents (JSON with an openapi key)" node "$SPEC_JSON" check "$stage"/*.json
  publish 22.05 "$stage"
}

serve_2205() { # name conf plugins
  local name=$1 conf=$2 plugins=$3
  run --in "$WORK_DIR/request.http" --out "$WORK_DIR/$name.http" \
    "slurmrestd 22.05 GET /openapi.json with -s $plugins" \
    timeout 60 env -i PATH="$SAFE_PATH" SLURM_JWT=daemon \
    slurmrestd -f "$conf" -u nobody -a rest_auth/jwt -s "$plugins"
  run "strip the HTTP head from the $name response" \
    node "$SPEC_JSON" strip-http "$WORK_DIR/$name.http" "$WORK_DIR/22.05/$name.json"
}

main() {
  local force=0 outdir=''
  while (($#)); do
    case $1 in
      --force) force=1 ;;
      -h | --help) usage; exit 0 ;;
      --) shift; [[ $# -le 1 ]] || { usage >&2; exit 2; }; outdir=${1:-}; break ;;
      -*) printf '%s: error: unknown option %s (see --help)\n' "$PROG" "$1" >&2; exit 2 ;;
      *)
        [[ -z $outdir ]] || { printf '%s: error: more than one OUTDIR given (see --help)\n' "$PROG" >&2; exit 2; }
        outdir=$1 ;;
    esac
    shift
  done
  OUTDIR=$(realpath -m -- "${outdir:-$REPO_ROOT/.cache/slurm-specs}")
  TRIXIE_ROOT=$(realpath -m -- "${SPECDRIFT_TRIXIE_ROOT:-$REPO_ROOT/.cache/trixie-root}")
  # A clean environment inside the chroot: nothing from the caller's (SLURM_*, LD_*) leaks in.
  IN_CHROOT=(chroot "$TRIXIE_ROOT" /usr/bin/env -i PATH="$SAFE_PATH" LANG=C.UTF-8)
  readonly OUTDIR TRIXIE_ROOT IN_CHROOT

  if ((!force)) && part_complete 24.11 "${FILES_2411[@]}" && part_complete 22.05 "${FILES_2205[@]}"; then
    say "up to date: $OUTDIR (--force rebuilds)"
    exit 0
  fi
  ((EUID == 0)) || die "must run as root (installs Debian packages, uses chroot) to build $OUTDIR; try: sudo $0"
  command -v apt-get >/dev/null || die "apt-get not found: needs a Debian bookworm host"
  command -v node >/dev/null || die "node not found on PATH: needed to check the documents"

  mkdir -p "$OUTDIR"
  exec 9>"$OUTDIR/.lock"
  flock -w 1200 9 || die "another slurm-specs.sh has held $OUTDIR/.lock for 20 min"
  trap cleanup EXIT
  trap 'say "interrupted, cleaning up"; exit 130' INT
  trap 'say "terminated, cleaning up"; exit 143' TERM HUP
  trap 'on_error $? $LINENO "$BASH_COMMAND"' ERR
  LOG="$OUTDIR/.slurm-specs.log"
  : >"$LOG"
  WORK_DIR=$(mktemp -d "$OUTDIR/.work.XXXXXX")

  local started=$SECONDS
  # Another run may have finished while this one waited for the lock.
  if ((force)) || ! part_complete 24.11 "${FILES_2411[@]}"; then build_2411; fi
  if ((force)) || ! part_complete 22.05 "${FILES_2205[@]}"; then build_2205; fi

  say "done in $((SECONDS - started)) s: $OUTDIR (log: $LOG)"
  node "$SPEC_JSON" summary "$OUTDIR"
}

main "$@"
