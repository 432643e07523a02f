#!/usr/bin/env bash
# leakscope speed benchmark, one command: builds leakscope (release), makes the corpus if it is
# missing, installs the peer scanners, then times leakscope against them and against ripgrep
# yardsticks, round by round, and prints a table plus the speed ratios.
#
# usage: bench/run.sh [CORPUS_DIR]
#   CORPUS_DIR   tree to scan (default: $BENCH_CORPUS, else ~/.cache/leakscope-bench/corpus);
#                built with make-corpus.sh when missing or empty (about 520 MB of real source)
#
# env:
#   RUNS=3          rounds; every tool runs once per round, in TOOLS order (the table shows medians)
#   JOBS=$(nproc)   threads for the tools that take a count
#   TOOLS           space-separated tools, in run order. Default:
#                     rg-read rg rg-keywords kingfisher gitleaks betterleaks ours
#                   Others peers-bench.sh knows: cat rg-generic trufflehog3 detect-secrets
#   WITH_SLOW=1     append trufflehog3 and detect-secrets to the default TOOLS (both under 1 MB/s:
#                   about 10 minutes per run each on the default corpus)
#   OURS_CMD        command for "ours"; {dir} = corpus, {out} = file to write findings to (if the
#                   command prints findings to stdout instead, leave {out} out). Default:
#                     REPO/.build/release/leakscope scan {dir} --format json --output {out} --no-ignore
#                   e.g. a stand-in while leakscope does not build:
#                     OURS_CMD='rg -c AKIA {dir} > {out}' bench/run.sh
#   BUILD=0|1       build leakscope first (default: 1 when "ours" is in TOOLS and OURS_CMD is unset)
#   WARMUP=1        one untimed read of the corpus before round 1 (0: none), so round 1 is warm
#   RULES_DIR       rule files whose keywords rg-keywords searches (default: REPO/rules)
#   TIMEOUT=1800    seconds per single run
#   OUT             results folder (default: REPO/bench/results/<corpus>-<time>, git-ignored)
#   SHARED_DIR      the shared tooling (default: REPO/../shared); scripts used from SHARED_DIR/bench:
#                   make-corpus.sh, peers-setup.sh, peers-bench.sh
#   BENCH_CORPUS    default corpus folder (see CORPUS_DIR)
#   ANCHORS_DIR, ANCHORS_VENV   where peers-setup.sh puts the peers (default ~/.cache/leakscope-peers)
#
# rg-keywords = ripgrep, case-insensitive, fixed strings, every `keywords` literal of the rule
# files at once: the prefilter pass alone, the floor for a keyword-first scanner.
# Output: table + ratios on stdout, progress on stderr; $OUT/runs.tsv (every run),
#         $OUT/raw/round<N>-<K>/ (peers-bench.sh's own results: outputs, stderr, per-call table).
# Exit: 0 ok; 1 a step failed or "ours" did not exit 0/1; 2 usage.
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
check_args "$@"

[ -d "$SHARED_DIR/bench" ] || die "no shared tooling at $SHARED_DIR/bench (set SHARED_DIR)"
SHARED_DIR=$(cd "$SHARED_DIR" && pwd)
MAKE_CORPUS=$SHARED_DIR/bench/make-corpus.sh
PEERS_SETUP=$SHARED_DIR/bench/peers-setup.sh
PEERS_BENCH=$SHARED_DIR/bench/peers-bench.sh
for s in "$MAKE_CORPUS" "$PEERS_SETUP" "$PEERS_BENCH"; do
  [ -f "$s" ] || die "missing $s (set SHARED_DIR)"
done

CORPUS=${1:-${BENCH_CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/leakscope-bench/corpus}}
RUNS=${RUNS:-3}
JOBS=${JOBS:-$(nproc)}
TIMEOUT=${TIMEOUT:-1800}
WARMUP=${WARMUP:-1}
RULES_DIR=${RULES_DIR:-$REPO/rules}
check_positive RUNS JOBS TIMEOUT

if [ -z "${TOOLS:-}" ]; then
  TOOLS="rg-read rg rg-keywords kingfisher gitleaks betterleaks ours"
  [ "${WITH_SLOW:-0}" = 1 ] && TOOLS="$TOOLS trufflehog3 detect-secrets"
fi
read -r -a TOOL_LIST <<< "$TOOLS"
[ ${#TOOL_LIST[@]} -gt 0 ] || die "TOOLS is empty"
for t in "${TOOL_LIST[@]}"; do
  case $t in
    cat|rg-read|rg|rg-generic|rg-keywords|kingfisher|gitleaks|betterleaks|trufflehog3|detect-secrets|ours) ;;
    *) die "unknown tool '$t' in TOOLS" ;;
  esac
done
has_tool() { [[ " ${TOOL_LIST[*]} " == *" $1 "* ]]; }

LEAKSCOPE=$REPO/.build/release/leakscope
if [ -n "${OURS_CMD:-}" ]; then
  BUILD=${BUILD:-0}
else
  OURS_CMD="$(printf '%q' "$LEAKSCOPE") scan {dir} --format json --output {out} --no-ignore"
  if has_tool ours; then BUILD=${BUILD:-1}; else BUILD=${BUILD:-0}; fi
fi
command -v python3 >/dev/null || die "python3 is needed"

# (a) build leakscope
if [ "$BUILD" = 1 ]; then
  build_leakscope
  [ -x "$LEAKSCOPE" ] || die "build finished but $LEAKSCOPE is missing"
fi

# (b) corpus
if [ ! -d "$CORPUS" ] || [ -z "$(ls -A "$CORPUS" 2>/dev/null)" ]; then
  note "making corpus in $CORPUS (make-corpus.sh; about 520 MB)"
  bash "$MAKE_CORPUS" "$CORPUS" >&2 || die "make-corpus.sh failed"
fi
CORPUS=$(cd "$CORPUS" && pwd)

# (c) peers (idempotent; also installs ripgrep and GNU time when missing)
SETUP_LOG=$(mktemp)
trap 'rm -f "$SETUP_LOG"' EXIT
peers_setup
command -v rg >/dev/null || die "rg not found after peers-setup.sh"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) not found after peers-setup.sh"

OUT=${OUT:-$REPO/bench/results/$(basename "$CORPUS")-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
cp "$SETUP_LOG" "$OUT/peers-versions.txt"

# rg-keywords: every `keywords` literal of the rule files
KEYWORDS=()
if has_tool rg-keywords; then
  kwfile=$OUT/keywords.txt
  python3 - "$RULES_DIR" > "$kwfile" <<'EOF' || die "could not read the keywords of $RULES_DIR/*.toml"
import glob, os, sys
try:
    import tomllib
except ImportError:
    sys.exit("bench/run.sh: rg-keywords needs Python >= 3.11 (tomllib)")
rules_dir = sys.argv[1]
files = sorted(glob.glob(os.path.join(rules_dir, "*.toml")))
kws = {}
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "keywords" and isinstance(x, list):
                for s in x:
                    if isinstance(s, str) and s and "\n" not in s:
                        kws.setdefault(s.lower(), s)   # rg -i: one per case-folded literal
            else:
                walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)
for f in files:
    try:
        with open(f, "rb") as fh:
            walk(tomllib.load(fh))
    except (OSError, tomllib.TOMLDecodeError) as e:
        sys.exit(f"bench/run.sh: {f}: {e}")
print(f"   rg-keywords: {len(kws)} keywords from {len(files)} rule files in {rules_dir}", file=sys.stderr)
for k in sorted(kws.values(), key=str.lower):
    print(k)
EOF
  mapfile -t KEYWORDS < "$kwfile"
  if [ ${#KEYWORDS[@]} -eq 0 ]; then
    echo "   rg-keywords: no keywords in $RULES_DIR/*.toml: dropped from TOOLS" >&2
    NEW=(); for t in "${TOOL_LIST[@]}"; do [ "$t" = rg-keywords ] || NEW+=("$t"); done
    TOOL_LIST=("${NEW[@]}")
    [ ${#TOOL_LIST[@]} -gt 0 ] || die "no tool left to run"
  fi
fi
RG_KW_ARGS=()
for k in "${KEYWORDS[@]}"; do RG_KW_ARGS+=(-e "$k"); done

BYTES=$(find "$CORPUS" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
FILES=$(find "$CORPUS" -type f | wc -l)
{
  echo "date: $(date -Is)"
  echo "repo: $(revision)"
  echo "corpus: $CORPUS  files: $FILES  bytes: $BYTES"
  echo "runs: $RUNS  jobs: $JOBS  nproc: $(nproc)  tools: ${TOOL_LIST[*]}"
  echo "ours: $OURS_CMD"
} > "$OUT/meta.txt"
sed 's/^/   /' "$OUT/meta.txt" >&2
echo "   results: $OUT" >&2

if [ "$WARMUP" = 1 ]; then
  note "warm-up read of the corpus (untimed)"
  rg -c --no-ignore --hidden --no-messages -j "$JOBS" -F 'qzq9xkqzq9xkQ' "$CORPUS" > /dev/null || true
fi

# (d) rounds: rg-keywords here, every other tool through peers-bench.sh (one call per run of
# consecutive peer tools, RUNS=1 each), so rg-keywords is interleaved with them in TOOLS order.
printf 'tool\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\trc\n' > "$OUT/runs.tsv"
mkdir -p "$OUT/raw"

run_rg_keywords() {  # $1 = round
  local d=$OUT/raw/round$1-rg-keywords tf rc w u s m
  mkdir -p "$d"; tf=$d/.time
  timed "$d" "$tf" "$d/rg-keywords.out.json" "$d/rg-keywords.stderr" \
    rg -c -i --no-ignore --hidden --no-messages -j "$JOBS" -F "${RG_KW_ARGS[@]}" "$CORPUS"
  rm -f "$tf"
  printf 'rg-keywords\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$w" "$u" "$s" "$m" "$rc" >> "$OUT/runs.tsv"
  echo "  round $1  rg-keywords  wall ${w}s  rc $rc" >&2
}

run_peers() {  # $1 = round, $2 = segment number, rest = tools
  local r=$1 k=$2; shift 2
  local d=$OUT/raw/round$r-$k rc
  set +e
  RUNS=1 TOOLS="$*" OUT="$d" JOBS="$JOBS" TIMEOUT="$TIMEOUT" \
    bash "$PEERS_BENCH" "$CORPUS" "$OURS_CMD" 2>&1 > "$d.table.txt" \
    | sed -u -e '/^corpus: /d' -e '/^results: /d' -e "s/^  round 1 /  round $r /" >&2
  rc=${PIPESTATUS[0]}
  set -e
  [ $rc -eq 0 ] || die "peers-bench.sh failed (rc $rc) in round $r for: $*"
  [ -f "$d/runs.tsv" ] || die "peers-bench.sh wrote no $d/runs.tsv"
  mv "$d.table.txt" "$d/table.txt"
  tail -n +2 "$d/runs.tsv" | awk -F'\t' -v r="$r" 'BEGIN{OFS="\t"} {$2=r; print}' >> "$OUT/runs.tsv"
}

for r in $(seq 1 "$RUNS"); do
  note "round $r/$RUNS"
  seg=(); k=0
  for t in "${TOOL_LIST[@]}"; do
    if [ "$t" = rg-keywords ]; then
      if [ ${#seg[@]} -gt 0 ]; then k=$((k+1)); run_peers "$r" "$k" "${seg[@]}"; seg=(); fi
      run_rg_keywords "$r"
    else
      seg+=("$t")
    fi
  done
  if [ ${#seg[@]} -gt 0 ]; then k=$((k+1)); run_peers "$r" "$k" "${seg[@]}"; fi
done

# Summary: the table in peers-bench.sh's shape over all rounds, then the ratios.
python3 - "$OUT" "$BYTES" "$RUNS" "${TOOL_LIST[*]}" <<'EOF'
import glob, os, statistics, sys
out, nbytes, runs, tools = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split()
FLOORS = {"cat", "rg-read", "rg", "rg-generic", "rg-keywords"}   # yardsticks, not peers

rows = {}
for line in open(os.path.join(out, "runs.tsv")).read().splitlines()[1:]:
    t, r, w, u, s, m, x = line.split("\t")
    rows.setdefault(t, []).append((w, u, s, m, x))

# Findings: peers-bench.sh's own count, from its table of the last round; rg-keywords: rg -c sums.
findings = {}
for tbl in sorted(glob.glob(os.path.join(out, "raw", f"round{runs}-*", "table.txt"))):
    for l in open(tbl).read().splitlines()[2:]:
        f = l.split()
        if len(f) >= 9 and f[0] in tools:
            findings[f[0]] = f[7]
kwout = os.path.join(out, "raw", f"round{runs}-rg-keywords", "rg-keywords.out.json")
if os.path.exists(kwout):
    findings["rg-keywords"] = str(sum(int(l.rsplit(b":", 1)[-1])
                                      for l in open(kwout, "rb").read().splitlines() if l.strip()))

def med(v):
    v = [float(a) for a in v if a != "NA"]
    return statistics.median(v) if v else None

stats = {}
hdr = f"{'tool':<15}{'runs':>5}{'wall med s':>11}{'min-max s':>15}{'MB/s':>9}{'cpu med s':>10}{'peak RSS MB':>12}{'findings':>10}  rc"
print(hdr); print("-" * len(hdr))
for t in tools:
    rs = rows.get(t, [])
    ok = [r for r in rs if r[0] != "NA"]
    w = med(r[0] for r in ok)
    cpu = med(float(r[1]) + float(r[2]) for r in ok if r[1] != "NA")
    rss = med(r[3] for r in ok)
    ws = [float(r[0]) for r in ok]
    rcs = sorted({r[4] for r in rs})
    mbs = nbytes / 1e6 / w if w else None
    stats[t] = (mbs, rcs)
    print(f"{t:<15}{len(rs):>5}{(f'{w:.2f}' if w is not None else '-'):>11}"
          f"{(f'{min(ws):.2f}-{max(ws):.2f}' if ws else '-'):>15}{(f'{mbs:.1f}' if mbs else '-'):>9}"
          f"{(f'{cpu:.2f}' if cpu is not None else '-'):>10}{(f'{rss / 1024:.0f}' if rss else '-'):>12}"
          f"{findings.get(t, '-'):>10}  {','.join(rcs)}")
print(f"\nMB/s = {nbytes} corpus bytes / 1e6 / median wall. rc: exit codes seen "
      "(kingfisher exits 200/205 and leakscope 1 when they report findings).")

bad = 0
ours = stats.get("ours", (None, []))[0]
if "ours" in stats:
    odd = [x for x in stats["ours"][1] if x not in ("0", "1")]
    if odd:
        bad = 1
        print(f"\nWARNING: ours exited with {','.join(odd)} (see {out}/raw/*/ours.stderr): its figures are not valid")
print()
def ratio(label, a, b, what):
    if a and b:
        print(f"{label:<28}{a / b:6.2f}x   ({a:.1f} vs {b:.1f} MB/s{what})")
    else:
        print(f"{label:<28}{'-':>6}    (not measured)")
peers = {t: s[0] for t, s in stats.items() if t not in FLOORS and t != "ours" and s[0]}
if "ours" in stats:
    if peers:
        best = max(peers, key=peers.get)
        ratio("ours / fastest peer", ours, peers[best], f"; fastest peer: {best}")
    else:
        ratio("ours / fastest peer", None, None, "")
    ratio("ours / rg-keywords", ours, stats.get("rg-keywords", (None,))[0], "")
    ratio("ours / rg-read (I/O floor)", ours, stats.get("rg-read", (None,))[0], "")
    print("(> 1: ours is faster; rg-keywords is the keyword-prefilter floor, rg-read the read floor)")
print(f"\nresults: {out}")
sys.exit(bad)
EOF
