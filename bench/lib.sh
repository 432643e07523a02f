# Shared by bench/run.sh and bench/history.sh, which source it after `set -euo pipefail`:
# messages, usage and arguments, the folders, the release build, peers-setup.sh, and one timed run.
# Sets SCRIPT_DIR (bench/), REPO (the package) and SHARED_DIR (default REPO/../shared).

die() { echo "bench/$(basename "$0"): $*" >&2; exit 1; }
note() { echo "== $*" >&2; }
# The calling script's header comment, from its second line to `set -euo`.
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2; }

# check_args "$@": -h/--help prints the usage and exits 0; more than one argument, exit 2.
check_args() {
  case ${1:-} in -h|--help) usage; exit 0 ;; esac
  [ $# -le 1 ] || { usage; exit 2; }
}

# check_positive NAME...: each named variable holds a positive integer, else die.
check_positive() {
  local v
  for v in "$@"; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer (got '${!v}')"
  done
}

# swift build -c release of the package; dies when swift is missing or the build fails.
build_leakscope() {
  note "building leakscope (swift build -c release)"
  command -v swift >/dev/null || die "swift not found on PATH"
  swift build -c release --package-path "$REPO" >&2 || die "swift build failed"
}

# Runs PEERS_SETUP (idempotent) with its output in SETUP_LOG, shown indented; dies when it fails.
peers_setup() {
  note "peers (peers-setup.sh)"
  bash "$PEERS_SETUP" > "$SETUP_LOG" 2>&1 || { cat "$SETUP_LOG" >&2; die "peers-setup.sh failed"; }
  grep -v '^error: broken pipe$' "$SETUP_LOG" | sed '/^$/d; s/^/   /' >&2 || true
}

# The package folder at its commit, "(dirty)" when it has uncommitted changes.
revision() {
  echo "$REPO @ $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" status --porcelain 2>/dev/null | grep -q . && echo ' (dirty)')"
}

# timed DIR TIMEFILE OUT ERR CMD...: runs CMD in DIR, stdout to OUT and stderr to ERR, under
# `timeout TIMEOUT` and GNU time (figures to TIMEFILE); then sets rc (CMD's exit status, or
# "timeout") and w u s m (wall, user and system seconds, peak RSS in KB; NA when there are none).
timed() {
  local dir=$1 tf=$2 out=$3 err=$4
  shift 4
  set +e
  ( cd "$dir" && timeout "$TIMEOUT" /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" > "$out" 2> "$err" )
  rc=$?
  set -e
  if [ -s "$tf" ] && [ $rc -ne 124 ]; then
    read -r w u s m < <(tail -1 "$tf")   # GNU time adds a "non-zero status" line first when rc != 0
  else
    w=NA; u=NA; s=NA; m=NA
  fi
  if [ $rc -eq 124 ]; then rc=timeout; fi
}

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
SHARED_DIR=${SHARED_DIR:-$REPO/../shared}
