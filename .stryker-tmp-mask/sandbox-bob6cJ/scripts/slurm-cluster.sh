#!/usr/bin/env bash
# Single-node Slurm clusters with slurmrestd on 127.0.0.1: the real reference servers for
# compat runs and the validating proxy. See docs/slurm-cluster.md.
#
#   scripts/slurm-cluster.sh start|stop|status|token|env 22.05|24.11 [--with-dbd]
#
#   22.05  Debian bookworm packages on the host: REST plugins v0.0.36, v0.0.37, v0.0.38
#   24.11  Debian trixie chroot of scripts/slurm-specs.sh: v0.0.40, v0.0.41, v0.0.42
#   --with-dbd (start): also MariaDB (own data dir, 127.0.0.1 only) and slurmdbd, the cluster registered in it,
#          so that slurmrestd serves /slurmdb/* too (22.05: dbv0.0.36–dbv0.0.38). Later commands see it by itself.
#
# Environment: SPECDRIFT_SLURM_CLUSTER_DIR (default <repo>/.cache/slurm-cluster, or /var/tmp/specdrift-slurm-cluster-HASH
#              when the slurmrestd user cannot reach the checkout),
#   SPECDRIFT_SLURM_PORT_BASE (slurmctld port; slurmd = +1, slurmrestd = +2, slurmdbd = +3, MariaDB = +4;
#   default 16817 for 22.05, 16827 for 24.11), SPECDRIFT_SLURM_USER (default nobody),
#   SPECDRIFT_SLURM_TOKEN_LIFESPAN (seconds, default 86400), SPECDRIFT_TRIXIE_ROOT and
#   SPECDRIFT_REAL_SPECS (as for scripts/slurm-specs.sh).
# shellcheck disable=SC2016  # ${Status} etc. are dpkg-query formats, not shell expansions
set -Eeuo pipefail

readonly PROG=slurm-cluster
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
readonly SCRIPT_DIR REPO_ROOT
readonly HTTP_HELPER="$SCRIPT_DIR/lib/cluster-http.mjs"
readonly SAFE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
readonly BASE_DAEMONS=(munged slurmctld slurmd slurmrestd) # in start order
readonly DBD_DAEMONS=(mariadbd slurmdbd)                   # with --with-dbd, started after munged
# Every daemon `stop` looks for, whatever the cluster was started with.
readonly DAEMONS=(munged mariadbd slurmdbd slurmctld slurmd slurmrestd)
readonly NODE_NAME=specdrift
readonly PARTITION=debug
# Where the 24.11 work dir is bind-mounted inside the chroot.
readonly CHROOT_WORK=/srv/specdrift-cluster

# Set by `configure` once the version is known.
VERSION='' WORK='' CWORK='' ROOT='' LOG=/dev/null
PORT_CTLD='' PORT_SLURMD='' PORT_REST='' PORT_DBD='' PORT_DB=''
WITH_DBD=0           # --with-dbd given to start, or the running cluster's marker says so
DBD_REST_ARGS=()     # slurmrestd plugins added with slurmdbd
DBD_READY_PATH=''
SLURM_USER_NAME='' LIFESPAN=''
PACKAGES=() REST_ARGS=() READY_PATH='' SPEC_PATH=''
IN_ROOT=()           # command prefix that runs a program in the cluster's root (chroot or host)
ROOT_CMD=()          # `chroot ROOT` for 24.11, nothing for 22.05
DAEMON_CMD=()        # IN_ROOT, but working in the run dir
STARTING=0           # 1 while `start` runs: the EXIT trap then tears down what it started

# Messages go to fd 9, the script's own stderr: a trap can run while a function's output is
# redirected to the log, and its message must still reach the user.
exec 9>&2
say() { printf '%s: %s\n' "$PROG" "$*" >&9; }
die() {
  trap - ERR
  printf '%s: error: %s\n' "$PROG" "$*" >&9
  exit 1
}
usage() {
  cat <<EOF
usage: scripts/slurm-cluster.sh start|stop|status|token|env 22.05|24.11 [--with-dbd]
  start   start (or reuse) the cluster; prints SLURMRESTD_URL, SLURM_USER and SLURM_JWT lines
          --with-dbd: with MariaDB and slurmdbd (accounting), so /slurmdb/* answers
  stop    stop every daemon and job, unmount what start mounted (safe to repeat)
  status  one line per daemon; exit 0 running, 3 stopped, 1 partly running
  token   print a fresh JWT for \$SLURM_USER
  env     print shell exports: eval "\$(scripts/slurm-cluster.sh env 22.05)"
Needs root on Debian bookworm. Work dir: .cache/slurm-cluster/VERSION (logs in its log/).
EOF
}

# <repo>/.cache/slurm-cluster, unless the unprivileged slurmrestd user cannot reach the checkout (a clone in a 0700
# temp dir): then a per-checkout directory under /var/tmp.
default_cluster_dir() {
  if setpriv --reuid="${SPECDRIFT_SLURM_USER:-nobody}" --regid=nogroup --clear-groups test -x "$REPO_ROOT/.cache" 2>/dev/null ||
    { [ ! -e "$REPO_ROOT/.cache" ] && setpriv --reuid="${SPECDRIFT_SLURM_USER:-nobody}" --regid=nogroup --clear-groups test -x "$REPO_ROOT" 2>/dev/null; }; then
    printf '%s\n' "$REPO_ROOT/.cache/slurm-cluster"
  else
    printf '/var/tmp/specdrift-slurm-cluster-%s\n' "$(printf %s "$REPO_ROOT" | sha256sum | cut -c1-8)"
  fi
}

configure() { # version
  VERSION=$1
  local cluster_dir base
  cluster_dir=$(realpath -m -- "${SPECDRIFT_SLURM_CLUSTER_DIR:-$(default_cluster_dir)}")
  WORK="$cluster_dir/$VERSION"
  LOG="$WORK/log/$PROG.log"
  SLURM_USER_NAME=${SPECDRIFT_SLURM_USER:-nobody}
  LIFESPAN=${SPECDRIFT_SLURM_TOKEN_LIFESPAN:-86400}
  case $VERSION in
    22.05)
      base=${SPECDRIFT_SLURM_PORT_BASE:-16817}
      CWORK=$WORK
      ROOT=''
      PACKAGES=(munge slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin)
      # Without slurmdbd the dbv0.0.3x plugins crash slurmrestd 22.05.
      # shellcheck disable=SC2054  # the commas are part of one -s argument
      REST_ARGS=(-s openapi/v0.0.38,openapi/v0.0.37,openapi/v0.0.36)
      # shellcheck disable=SC2054
      DBD_REST_ARGS=(-s openapi/v0.0.38,openapi/v0.0.37,openapi/v0.0.36,openapi/dbv0.0.38,openapi/dbv0.0.37,openapi/dbv0.0.36)
      DBD_READY_PATH=/slurmdb/v0.0.38/config
      READY_PATH=/slurm/v0.0.38/ping # 22.05 answers a bad token with 500, so 200 proves auth
      SPEC_PATH=/openapi.json
      ;;
    24.11)
      base=${SPECDRIFT_SLURM_PORT_BASE:-16827}
      CWORK=$CHROOT_WORK
      ROOT=$(realpath -m -- "${SPECDRIFT_TRIXIE_ROOT:-$REPO_ROOT/.cache/trixie-root}")
      ROOT_CMD=(chroot "$ROOT")
      PACKAGES=(munge slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin slurm-wlm-basic-plugins)
      # shellcheck disable=SC2054  # the commas are part of one -d argument
      REST_ARGS=(-s slurmctld -d v0.0.40,v0.0.41,v0.0.42)
      # shellcheck disable=SC2054
      DBD_REST_ARGS=(-s slurmctld,slurmdbd -d v0.0.40,v0.0.41,v0.0.42)
      DBD_READY_PATH=/slurmdb/v0.0.42/ping
      READY_PATH=/slurm/v0.0.42/jobs # 24.11 answers /ping with 200 even for a garbage token
      SPEC_PATH=/openapi/v3
      ;;
    *) usage >&2; exit 2 ;;
  esac
  # A clean environment: nothing from the caller's (SLURM_*, LD_*) leaks into the cluster.
  local clean_env=(PATH="$SAFE_PATH" LANG=C.UTF-8 SLURM_CONF="$CWORK/etc/slurm.conf")
  IN_ROOT=("${ROOT_CMD[@]}" /usr/bin/env -i "${clean_env[@]}")
  # Daemons work in the run dir, and so do the slurmstepd processes slurmd forks: `stop` finds
  # job steps by that (they start sessions of their own).
  DAEMON_CMD=("${ROOT_CMD[@]}" /usr/bin/env -i --chdir="$CWORK/run" "${clean_env[@]}")
  if ! [[ $base =~ ^[0-9]+$ ]] || ((base <= 1024 || base >= 65533)); then
    die "SPECDRIFT_SLURM_PORT_BASE=$base is not a port number between 1025 and 65532"
  fi
  PORT_CTLD=$base
  PORT_SLURMD=$((base + 1))
  PORT_REST=$((base + 2))
  PORT_DBD=$((base + 3))
  PORT_DB=$((base + 4))
}

dbd_marker() { printf '%s/run/with-dbd' "$WORK"; }

# The daemons this cluster runs, in start order.
cluster_daemons() {
  if ((WITH_DBD)); then
    printf '%s\n' munged "${DBD_DAEMONS[@]}" slurmctld slurmd slurmrestd
  else
    printf '%s\n' "${BASE_DAEMONS[@]}"
  fi
}

rest_url() { printf 'http://127.0.0.1:%s' "$PORT_REST"; }

# ---------------------------------------------------------------------------------------------
# Processes. Each daemon runs in the foreground in its own session (setsid), so its PID is the
# session id of everything it spawns (slurmstepd, job steps): `stop` ends whole sessions.

pid_file() { printf '%s/run/%s.pid' "$WORK" "$1"; }

# PID of a daemon from its PID file when that process is alive and still is the daemon.
daemon_pid() { # daemon
  local file pid comm
  file=$(pid_file "$1")
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  [[ $comm == "$1" ]] || return 1
  # A zombie (killed, not yet reaped by PID 1) is not running.
  [[ $(ps -o stat= -p "$pid" 2>/dev/null) != Z* ]] || return 1
  printf '%s\n' "$pid"
}

# Every live process of the session a daemon's PID file names (the daemon itself included).
session_members() { # daemon
  local file sid comm
  file=$(pid_file "$1")
  [[ -s $file ]] || return 0
  sid=$(<"$file")
  [[ $sid =~ ^[0-9]+$ ]] || return 0
  # A live leader that is not the daemon means the PID was reused: not ours.
  if comm=$(cat "/proc/$sid/comm" 2>/dev/null) && [[ $comm != "$1" ]]; then
    return 0
  fi
  # Zombies are left out: they are dead already, and PID 1 of a container may be slow to reap them.
  ps -e -o pid=,sid=,stat= | awk -v sid="$sid" '$2 == sid && $3 !~ /^Z/ { print $1 }'
}

# launch daemon COMMAND...: start COMMAND (which must not fork away) in a new session.
launch() {
  local daemon=$1
  shift
  printf '\n## start %s\n$ %s\n' "$daemon" "$*" >>"$LOG"
  # 9>&- 8>&- 7>&-: a daemon must not inherit (and keep holding) this script's stderr and locks.
  setsid "$@" </dev/null >>"$WORK/log/$daemon.log" 2>&1 9>&- 8>&- 7>&- &
  local pid=$!
  printf '%s\n' "$pid" >"$(pid_file "$daemon")"
  sleep 0.1
  daemon_pid "$daemon" >/dev/null || {
    sleep 0.5
    daemon_pid "$daemon" >/dev/null
  } || die "$daemon exited at once; see $WORK/log/$daemon.log"
}

# Job steps: slurmstepd starts a session of its own (with the job's processes in it) but keeps
# slurmd's working directory, which `launch` sets to the cluster's run dir.
job_session_members() {
  local pid cwd sid sids=()
  for pid in $(pgrep -x slurmstepd || true); do
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || continue
    [[ $cwd == "$WORK/run" || $cwd == "$ROOT$CWORK/run" ]] || continue
    sid=$(ps -o sid= -p "$pid" 2>/dev/null) || continue
    sids+=("${sid// /}")
  done
  ((${#sids[@]})) || return 0
  ps -e -o pid=,sid=,stat= | awk -v list=" ${sids[*]} " 'index(list, " " $2 " ") > 0 && $3 !~ /^Z/ { print $1 }'
}

daemon_session_members() {
  local daemon
  for daemon in "${DAEMONS[@]}"; do
    session_members "$daemon"
  done
}

no_jobs_left() { [[ -z $(timeout 5 "${IN_ROOT[@]}" squeue -h -o %A 2>/dev/null) ]]; }

# signal_and_wait SECONDS LISTER: SIGTERM what LISTER prints, wait up to SECONDS for it to end, SIGKILL the rest.
signal_and_wait() {
  local seconds=$1 lister=$2 pids=() deadline
  mapfile -t pids < <("$lister")
  ((${#pids[@]})) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    mapfile -t pids < <("$lister")
    ((${#pids[@]})) || return 0
    sleep 0.2
  done
  say "processes ${pids[*]} did not stop within $seconds s: SIGKILL"
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

stop_sessions() {
  local daemon pids=() deadline
  # Jobs first, while slurmctld can still cancel them cleanly.
  if daemon_pid slurmctld >/dev/null; then
    timeout 10 "${IN_ROOT[@]}" sh -c 'squeue -h -o %A | xargs -r scancel' >>"$LOG" 2>&1 || true
    deadline=$((SECONDS + 10))
    until no_jobs_left || ((SECONDS >= deadline)); do sleep 0.2; done
  fi
  # All daemons at once: none needs another one to shut down.
  signal_and_wait 10 daemon_session_members
  # Job steps slurmctld could not cancel (it was down) ignore SIGTERM and have nobody left to
  # talk to: SIGKILL.
  mapfile -t pids < <(job_session_members)
  ((${#pids[@]} == 0)) || kill -KILL "${pids[@]}" 2>/dev/null || true
  deadline=$((SECONDS + 5))
  while mapfile -t pids < <(daemon_session_members; job_session_members) && ((${#pids[@]})); do
    ((SECONDS < deadline)) || die "processes ${pids[*]} survived SIGKILL"
    sleep 0.2
  done
  for daemon in "${DAEMONS[@]}"; do
    rm -f "$(pid_file "$daemon")"
  done
}

# ---------------------------------------------------------------------------------------------
# Mounts (24.11 only). Each mount this script makes is appended to $WORK/run/mounts before
# anything can fail, so `stop` (or the trap) unmounts exactly those, in reverse order.

mounts_file() { printf '%s/run/mounts' "$WORK"; }

record_mount() { printf '%s\n' "$1" >>"$(mounts_file)"; }

mount_in_root() { # target how...
  local target=$1
  shift
  mkdir -p "$target"
  # Already mounted: ours from this run, or someone else's (slurm-specs.sh leaves a cluster's
  # /proc alone, and so do we); either way it is not recorded (again).
  mountpoint -q "$target" && return 0
  record_mount "$target"
  mount "$@" "$target" || die "mount $* $target failed"
}

unmount_ours() {
  local file target targets=()
  file=$(mounts_file)
  [[ -s $file ]] || { rm -f "$file"; return 0; }
  mapfile -t targets <"$file"
  local i
  for ((i = ${#targets[@]} - 1; i >= 0; i--)); do
    target=${targets[i]}
    mountpoint -q "$target" || continue
    umount "$target" 2>>"$LOG" || umount -l "$target" 2>>"$LOG" ||
      die "cannot unmount $target (see $LOG)"
  done
  rm -f "$file"
}

# slurm-specs.sh holds this lock for its whole run and uses (or mounts) the chroot's /proc:
# mounting and unmounting under it keeps the two scripts from pulling /proc from each other.
with_specs_lock() { # command...
  local lock_dir
  lock_dir=$(realpath -m -- "${SPECDRIFT_REAL_SPECS:-$REPO_ROOT/.cache/slurm-specs}")
  mkdir -p "$lock_dir"
  (
    exec 7>"$lock_dir/.lock"
    flock -w 600 7 || die "slurm-specs.sh has held $lock_dir/.lock for 10 min"
    "$@"
  )
}

# ---------------------------------------------------------------------------------------------
# Installation and configuration.

is_installed() { # packages...
  local package
  for package in "$@"; do
    [[ $("${ROOT_CMD[@]}" dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true) == 'install ok installed' ]] || return 1
  done
}

apt_in_root() { # apt-get arguments...
  "${IN_ROOT[@]}" DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@" >>"$LOG" 2>&1
}

install_packages() {
  is_installed "${PACKAGES[@]}" && return 0
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    is_installed "$package" || missing+=("$package")
  done
  say "apt-get install --no-install-recommends ${missing[*]} (${ROOT:-host})"
  if [[ -n $ROOT ]]; then
    # Package installs must never start daemons (slurm-specs.sh keeps this file in the chroot).
    printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
    chmod 755 "$ROOT/usr/sbin/policy-rc.d"
    cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
  fi
  apt_in_root update -o APT::Update::Error-Mode=any ||
    die "apt-get update failed in ${ROOT:-the host} (is the Debian mirror reachable?); see $LOG"
  # On the host, mariadb-server's and slurmdbd's install scripts would start their services: forbid that for the
  # install only (the chroot keeps its policy-rc.d), with a policy-rc.d of our own if there is none.
  local host_policy=''
  if [[ -z $ROOT && ! -e /usr/sbin/policy-rc.d ]]; then
    host_policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\n# scripts/slurm-cluster.sh: no service starts while it installs packages\nexit 101\n' >"$host_policy"
    chmod 755 "$host_policy"
  fi
  # slurm-wlm-jwt-plugin is only a Recommends of slurm-wlm, so it is named here.
  local installed=0
  apt_in_root install -y --no-install-recommends "${PACKAGES[@]}" || installed=$?
  [[ -z $host_policy ]] || rm -f "$host_policy"
  ((installed == 0)) || die "apt-get install ${missing[*]} failed in ${ROOT:-the host}; see $LOG"
  [[ -n $ROOT ]] && { apt_in_root clean || true; }
  local version
  version=$("${ROOT_CMD[@]}" dpkg-query -W -f='${Version}' slurmctld)
  [[ $version == "$VERSION".* ]] ||
    die "slurmctld in ${ROOT:-the host} is $version, not $VERSION.x (22.05 needs a Debian bookworm host)"
}

prepare_root() {
  if [[ -z $ROOT ]]; then
    install_packages
    return
  fi
  if [[ ! -x $ROOT/usr/sbin/slurmrestd ]]; then
    say "no trixie chroot with slurmrestd at $ROOT: running scripts/slurm-specs.sh first"
    local specs_dir
    specs_dir=$(realpath -m -- "${SPECDRIFT_REAL_SPECS:-$REPO_ROOT/.cache/slurm-specs}")
    SPECDRIFT_TRIXIE_ROOT=$ROOT "$SCRIPT_DIR/slurm-specs.sh" "$specs_dir" >&2 ||
      die "scripts/slurm-specs.sh failed (see $specs_dir/.slurm-specs.log)"
    if [[ ! -x $ROOT/usr/sbin/slurmrestd ]]; then
      # The documents were up to date, so it built no chroot: build one with throw-away documents.
      specs_dir="$WORK/specs-bootstrap"
      SPECDRIFT_TRIXIE_ROOT=$ROOT "$SCRIPT_DIR/slurm-specs.sh" --force "$specs_dir" >&2 ||
        die "scripts/slurm-specs.sh failed (see $specs_dir/.slurm-specs.log)"
      rm -rf "$specs_dir"
    fi
  fi
  with_specs_lock prepare_chroot_locked || exit 1 # the subshell has said why
}

prepare_chroot_locked() {
  mount_in_root "$ROOT/proc" -t proc proc
  mount_in_root "$ROOT/sys" --bind /sys
  mount_in_root "$ROOT/dev" --bind /dev
  install_packages
  ensure_chroot_hosts
  mount_in_root "$ROOT$CWORK" --bind "$WORK"
}

# slurmctld 24.11 binds to the address its host name resolves to (CommunicationParameters=
# NoCtldInAddrAny; without it, to every address), and the debootstrapped chroot has no /etc/hosts.
ensure_chroot_hosts() {
  local host address
  host=$(hostname -s)
  if [[ ! -e $ROOT/etc/hosts ]]; then
    printf '127.0.0.1\tlocalhost %s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$host" >"$ROOT/etc/hosts"
  fi
  address=$(chroot "$ROOT" getent ahostsv4 "$host" | awk 'NR == 1 { print $1 }')
  [[ $address == 127.* ]] ||
    die "host name $host resolves to '${address:-nothing}' in $ROOT, not to a loopback address; add '127.0.0.1 $host' to $ROOT/etc/hosts"
}

write_config() {
  local etc="$WORK/etc" c="$CWORK"
  mkdir -p "$etc" "$WORK/state" "$WORK/spool"
  chmod 755 "$WORK" "$etc" "$WORK/run" "$WORK/log"
  chmod 700 "$WORK/state" "$WORK/spool"
  if [[ ! -s $etc/jwt.key ]]; then
    (umask 077 && head -c 32 /dev/urandom >"$etc/jwt.key")
  fi
  mkdir -p "$WORK/munge"
  chmod 700 "$WORK/munge"
  if [[ ! -s $WORK/munge/munge.key ]]; then
    (umask 077 && head -c 1024 /dev/urandom >"$WORK/munge/munge.key")
  fi
  chmod 400 "$WORK/munge/munge.key"
  local cpus accounting='AccountingStorageType=accounting_storage/none' what='no accounting'
  cpus=$(nproc)
  # AccountingStoragePass names the munge socket for talking to slurmdbd (AuthInfo is not used for that).
  if ((WITH_DBD)); then
    accounting="AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=127.0.0.1
AccountingStoragePort=$PORT_DBD
AccountingStoragePass=$c/run/munge.socket"
    what='accounting in slurmdbd'
    write_dbd_config
  fi
  cat >"$etc/slurm.conf.new" <<EOF
# Written by scripts/slurm-cluster.sh start $VERSION: one node on 127.0.0.1, no cgroups, $what.
ClusterName=specdrift
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$PORT_CTLD
SlurmdPort=$PORT_SLURMD
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$c/run/munge.socket
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$c/etc/jwt.key
StateSaveLocation=$c/state
SlurmdSpoolDir=$c/spool
SlurmctldPidFile=$c/run/slurmctld.daemon.pid
SlurmdPidFile=$c/run/slurmd.daemon.pid
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MailProg=/bin/true
JobCompType=jobcomp/none
$accounting
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
NodeName=$NODE_NAME NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=$cpus State=UNKNOWN
PartitionName=$PARTITION Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  mv -f "$etc/slurm.conf.new" "$etc/slurm.conf"
  # slurmd 24.11 dies in the chroot ("No filesystem mounted on /sys/fs/cgroup") without this.
  printf 'CgroupPlugin=disabled\n' >"$etc/cgroup.conf"
  [[ $VERSION == 22.05 ]] && rm -f "$etc/cgroup.conf" # 22.05 does not know `disabled` and needs none
  chmod 644 "$etc/slurm.conf" "$etc/cgroup.conf" 2>/dev/null || true
}

# slurmdbd.conf (read from slurm.conf's directory): slurmdbd on 127.0.0.1:PORT_DBD, its database in our MariaDB on
# 127.0.0.1:PORT_DB as user slurm with a password made for this cluster (the file is 0600, root's: slurmdbd's rule).
write_dbd_config() {
  local etc="$WORK/etc" c="$CWORK" password
  if [[ ! -s $etc/db.password ]]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$etc/db.password")
  fi
  password=$(<"$etc/db.password")
  (umask 077 && cat >"$etc/slurmdbd.conf" <<EOF
# Written by scripts/slurm-cluster.sh start $VERSION --with-dbd.
AuthType=auth/munge
AuthInfo=socket=$c/run/munge.socket
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$c/etc/jwt.key
DbdHost=$(hostname -s)
DbdAddr=127.0.0.1
DbdPort=$PORT_DBD
SlurmUser=root
PidFile=$c/run/slurmdbd.daemon.pid
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$PORT_DB
StorageUser=slurm
StoragePass=$password
StorageLoc=slurm_acct_db
EOF
  )
  chmod 600 "$etc/slurmdbd.conf"
}

# MariaDB always runs from the host's Debian bookworm packages (10.11): slurmdbd 24.11 of the trixie chroot cannot use
# trixie's MariaDB 11.8 ("fatal: _check_mysql_concat_is_sane: null result", its client library refusing the answer to
# `select @var := concat('')`), and reaches the host's over 127.0.0.1 as well. Its service is never started.
install_host_mariadb() {
  [[ $(dpkg-query -W -f='${Status}' mariadb-server 2>/dev/null || true) == 'install ok installed' ]] && return 0
  say "apt-get install --no-install-recommends mariadb-server (host)"
  local host_policy='' installed=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    host_policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\n# scripts/slurm-cluster.sh: no service starts while it installs packages\nexit 101\n' >"$host_policy"
    chmod 755 "$host_policy"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends mariadb-server >>"$LOG" 2>&1 || installed=$?
  [[ -z $host_policy ]] || rm -f "$host_policy"
  ((installed == 0)) || die "apt-get install mariadb-server failed on the host; see $LOG"
}

# MariaDB in $WORK/mysql (made afresh each start, like slurmctld's state), listening on 127.0.0.1:PORT_DB and a socket
# in the run dir; then slurmdbd, the cluster registered, and $SLURM_USER_NAME made an administrator so that its token
# may add and delete accounts and users through slurmrestd.
start_dbd() {
  local sock="$WORK/run/mysqld.sock" data="$WORK/mysql" password
  local host=(/usr/bin/env -i --chdir="$WORK/run" PATH="$SAFE_PATH" LANG=C.UTF-8)
  ((${#sock} < 100)) || die "MariaDB socket path $sock is too long for a Unix socket; set SPECDRIFT_SLURM_CLUSTER_DIR to a shorter path"
  password=$(<"$WORK/etc/db.password")
  rm -rf "$data"
  mkdir -p "$data"
  chmod 700 "$data"
  printf '\n## mariadb-install-db\n' >>"$LOG"
  "${host[@]}" mariadb-install-db --no-defaults --user=root --datadir="$data" --auth-root-authentication-method=socket \
    --skip-test-db >>"$LOG" 2>&1 || die "mariadb-install-db failed; see $LOG"
  launch mariadbd "${host[@]}" mariadbd --no-defaults --user=root --datadir="$data" --socket="$sock" \
    --port="$PORT_DB" --bind-address=127.0.0.1 --skip-name-resolve --pid-file="$WORK/run/mariadbd.daemon.pid" \
    --innodb-buffer-pool-size=32M
  wait_until 60 "MariaDB answering on $sock" mariadbd "${host[@]}" mariadb-admin --no-defaults --socket="$sock" ping
  "${host[@]}" mariadb --no-defaults --socket="$sock" \
    -e "CREATE USER 'slurm'@'127.0.0.1' IDENTIFIED BY '$password'; GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';" \
    >>"$LOG" 2>&1 || die "could not create the MariaDB user slurm; see $LOG"
  launch slurmdbd "${DAEMON_CMD[@]}" slurmdbd -D
  wait_until 60 "slurmdbd answering sacctmgr" slurmdbd "${IN_ROOT[@]}" sacctmgr -n list cluster
  "${IN_ROOT[@]}" sacctmgr -i add cluster specdrift >>"$LOG" 2>&1 || die "sacctmgr add cluster specdrift failed; see $LOG"
  "${IN_ROOT[@]}" sacctmgr -i add user "$SLURM_USER_NAME" account=root adminlevel=Administrator >>"$LOG" 2>&1 ||
    die "sacctmgr add user $SLURM_USER_NAME (administrator) failed; see $LOG"
}

# slurmrestd drops to $SLURM_USER_NAME, who must be able to read slurm.conf.
check_readable_by_user() {
  local gid
  gid=$("${IN_ROOT[@]}" id -g "$SLURM_USER_NAME" 2>/dev/null) ||
    die "no user $SLURM_USER_NAME${ROOT:+ in $ROOT} (SPECDRIFT_SLURM_USER names the user slurmrestd and the jobs run as)"
  if ! "${IN_ROOT[@]}" setpriv --reuid="$SLURM_USER_NAME" --regid="$gid" --clear-groups \
    test -r "$CWORK/etc/slurm.conf" 2>/dev/null; then
    die "user $SLURM_USER_NAME cannot read $CWORK/etc/slurm.conf (slurmrestd runs as that user); set SPECDRIFT_SLURM_CLUSTER_DIR to a directory every user can reach, e.g. /var/tmp/slurm-cluster"
  fi
}

# Something accepts connections on 127.0.0.1:PORT (bash's /dev/tcp: no dependency on ss or nc).
port_in_use() { timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null; }

check_ports_free() {
  local port holder ports=("$PORT_CTLD" "$PORT_SLURMD" "$PORT_REST")
  ((WITH_DBD)) && ports+=("$PORT_DBD" "$PORT_DB")
  for port in "${ports[@]}"; do
    port_in_use "$port" || continue
    holder=$(ss -Htlnp "sport = :$port" 2>/dev/null | awk '{ print $NF }' | head -1 || true)
    die "TCP port $port is in use${holder:+ ($holder)}; set SPECDRIFT_SLURM_PORT_BASE to another port (this needs ${#ports[@]} consecutive free ports)"
  done
}

# wait_until SECONDS DESCRIPTION DAEMON COMMAND...: poll COMMAND; fail at once when DAEMON dies.
wait_until() {
  local seconds=$1 what=$2 daemon=$3 deadline
  shift 3
  deadline=$((SECONDS + seconds))
  until "$@" >>"$LOG" 2>&1; do
    daemon_pid "$daemon" >/dev/null ||
      die "$daemon exited while waiting for $what: $(tail -n 1 "$WORK/log/$daemon.log" 2>/dev/null) (log: $WORK/log/$daemon.log)"
    ((SECONDS < deadline)) || die "$what not reached within $seconds s; see $WORK/log/$daemon.log"
    sleep 0.2
  done
}

ctld_up() { "${IN_ROOT[@]}" scontrol ping | grep -q 'is UP'; }

node_idle() {
  local state
  state=$("${IN_ROOT[@]}" sinfo -h -n "$NODE_NAME" -o %T)
  printf 'node state: %s\n' "$state"
  [[ $state == idle ]]
}

mint_token() {
  local line
  line=$("${IN_ROOT[@]}" scontrol token username="$SLURM_USER_NAME" lifespan="$LIFESPAN" 2>>"$LOG") ||
    die "scontrol token failed (is the $VERSION cluster running? try: $0 status $VERSION)"
  [[ $line == SLURM_JWT=* ]] || die "scontrol token printed no SLURM_JWT= line"
  printf '%s\n' "${line#SLURM_JWT=}"
}

rest_ready() { # token
  node "$HTTP_HELPER" wait "$(rest_url)$READY_PATH" 30 "$SLURM_USER_NAME" "$1"
}

is_running() {
  local daemon
  for daemon in $(cluster_daemons); do
    daemon_pid "$daemon" >/dev/null || return 1
  done
}

print_env() { # prefix token
  printf '%sSLURMRESTD_URL=%s\n%sSLURM_USER=%s\n%sSLURM_JWT=%s\n' "$1" "$(rest_url)" "$1" "$SLURM_USER_NAME" "$1" "$2"
}

# ---------------------------------------------------------------------------------------------
# Commands.

cmd_start() {
  local token
  lock_work
  local running_dbd=0
  [[ -e $(dbd_marker) ]] && running_dbd=1
  if ((running_dbd == WITH_DBD)) && is_running && token=$(mint_token 2>/dev/null) && rest_ready "$token" 2>/dev/null; then
    say "$VERSION already running at $(rest_url)"
    print_env '' "$token"
    return
  fi
  # Whatever a crashed or half-stopped earlier run left behind goes first (and a cluster without slurmdbd when
  # --with-dbd asks for one with it, or the reverse).
  teardown
  if ((WITH_DBD)); then
    PACKAGES+=(slurmdbd)
    REST_ARGS=("${DBD_REST_ARGS[@]}")
  fi
  command -v node >/dev/null || die "node not found on PATH"
  local started=$SECONDS
  STARTING=1
  : >"$LOG"
  check_ports_free
  prepare_root
  if ((WITH_DBD)); then install_host_mariadb; fi
  write_config
  check_readable_by_user

  local sock="$CWORK/run/munge.socket"
  ((${#sock} < 100)) || die "munge socket path $sock is too long for a Unix socket; set SPECDRIFT_SLURM_CLUSTER_DIR to a shorter path"
  # Written before any daemon starts: `stop` and `status` know from it what this cluster runs.
  if ((WITH_DBD)); then
    : >"$(dbd_marker)"
    say "starting munged, mariadbd, slurmdbd, slurmctld, slurmd, slurmrestd ($VERSION, ports $PORT_CTLD/$PORT_SLURMD/$PORT_REST, slurmdbd $PORT_DBD, MariaDB $PORT_DB)"
  else
    say "starting munged, slurmctld, slurmd, slurmrestd ($VERSION, ports $PORT_CTLD/$PORT_SLURMD/$PORT_REST)"
  fi
  launch munged "${DAEMON_CMD[@]}" munged -F --socket="$sock" --key-file="$CWORK/munge/munge.key" \
    --pid-file="$CWORK/run/munged.daemon.pid" --seed-file="$CWORK/munge/seed" --log-file=/dev/null
  wait_until 10 "munged socket" munged test -S "$WORK/run/munge.socket"
  if ((WITH_DBD)); then start_dbd; fi
  # -c: a fresh state every start (job ids from 1, no stale node state). The saved cluster id goes too: with
  # --with-dbd every start registers the cluster in a new database, whose id slurmctld would refuse.
  rm -f "$WORK/state/clustername"
  launch slurmctld "${DAEMON_CMD[@]}" slurmctld -D -c
  wait_until 30 "slurmctld answering scontrol ping" slurmctld ctld_up
  launch slurmd "${DAEMON_CMD[@]}" slurmd -D -N "$NODE_NAME"
  wait_until 30 "node $NODE_NAME idle" slurmd node_idle
  token=$(mint_token)
  # slurmrestd refuses to run as root; SLURM_JWT=daemon makes it pass each request's token on.
  launch slurmrestd "${DAEMON_CMD[@]}" SLURM_JWT=daemon slurmrestd -u "$SLURM_USER_NAME" \
    -a rest_auth/jwt "${REST_ARGS[@]}" "127.0.0.1:$PORT_REST"
  rest_ready "$token" 2>>"$LOG" || die "slurmrestd does not answer an authenticated $READY_PATH; see $WORK/log/slurmrestd.log"
  if ((WITH_DBD)); then
    node "$HTTP_HELPER" wait "$(rest_url)$DBD_READY_PATH" 30 "$SLURM_USER_NAME" "$token" 2>>"$LOG" ||
      die "slurmrestd does not answer an authenticated $DBD_READY_PATH (slurmdbd); see $WORK/log/slurmrestd.log and $WORK/log/slurmdbd.log"
  fi
  node "$HTTP_HELPER" save "$(rest_url)$SPEC_PATH" "$WORK/served-openapi.json" "$SLURM_USER_NAME" "$token" 2>>"$LOG" ||
    die "could not save the served spec $(rest_url)$SPEC_PATH; see $LOG"
  STARTING=0
  say "$VERSION up in $((SECONDS - started)) s at $(rest_url) (served spec: $WORK/served-openapi.json)"
  print_env '' "$token"
}

teardown() {
  stop_sessions
  # MariaDB's data is made afresh by every start; the marker says the stopped cluster had slurmdbd.
  rm -rf "$WORK/mysql"
  rm -f "$(dbd_marker)"
  if [[ -n $ROOT && -s $(mounts_file) ]]; then
    with_specs_lock unmount_ours || exit 1
  fi
}

cmd_stop() {
  lock_work
  teardown
  say "$VERSION stopped"
}

cmd_status() {
  local daemon pid running=0 daemons=()
  mapfile -t daemons < <(cluster_daemons)
  for daemon in "${daemons[@]}"; do
    if pid=$(daemon_pid "$daemon"); then
      printf '%-11s running (pid %s)\n' "$daemon" "$pid"
      running=$((running + 1))
    else
      printf '%-11s stopped\n' "$daemon"
    fi
  done
  if [[ -s $(mounts_file) ]]; then
    printf 'mounts      %s\n' "$(paste -sd ' ' "$(mounts_file)")"
  fi
  if ((running == ${#daemons[@]})); then
    printf 'SLURMRESTD_URL=%s\n' "$(rest_url)"
    return 0
  fi
  ((running == 0)) && return 3
  return 1
}

require_running() {
  is_running || die "the $VERSION cluster is not running; start it: $0 start $VERSION"
}

cmd_token() {
  require_running
  mint_token
}

cmd_env() {
  require_running
  local token
  token=$(mint_token)
  print_env 'export ' "$token"
}

lock_work() {
  mkdir -p "$WORK/run" "$WORK/log"
  exec 8>"$WORK/run/lock"
  flock -w 300 8 || die "another slurm-cluster.sh start/stop $VERSION has held $WORK/run/lock for 5 min"
}

on_exit() {
  local rc=$?
  set +e
  trap - ERR
  if ((STARTING)); then
    STARTING=0
    say "start failed: stopping what was started"
    teardown
  fi
  exit "$rc"
}

on_error() { die "unexpected failure (exit $1) at line $2: $3; details in $LOG"; }

main() {
  if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    usage
    exit 0
  fi
  local command=${1:-} version=${2:-}
  if (($# == 3)) && [[ $command == start && $3 == --with-dbd ]]; then
    WITH_DBD=1
  elif (($# != 2)); then
    usage >&2
    exit 2
  fi
  configure "$version"
  case $command in
    start | stop | status | token | env) ;;
    *) usage >&2; exit 2 ;;
  esac
  # Every other command works on the cluster as it was started.
  if [[ $command != start && -e $(dbd_marker) ]]; then WITH_DBD=1; fi
  if [[ $command != status ]]; then
    ((EUID == 0)) || die "must run as root to $command the $VERSION cluster; try: sudo $0 $command $VERSION"
  fi
  if [[ $command == start || $command == stop ]]; then
    trap on_exit EXIT
    trap 'say "interrupted"; exit 130' INT
    trap 'say "terminated"; exit 143' TERM HUP
    trap 'on_error $? $LINENO "$BASH_COMMAND"' ERR
  fi
  "cmd_$command"
}

main "$@"
