#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (ASan + coverage) and runs them, one after another.
#   scripts/fuzz.sh                  # every target, 60 s each
#   scripts/fuzz.sh patch 300        # one target, 300 s
#   scripts/fuzz.sh all 120          # every target, 120 s each
#   scripts/fuzz.sh patch FILE...    # replay inputs (a crash file) instead of fuzzing
# Seeds: Fuzz/Corpus/<target>/ (read only); the growing corpus: Fuzz/.build/corpus/<target>/;
# crashes: Fuzz/.build/crashes/<target>/; logs: Fuzz/.build/logs/<target>.log. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

ALL=(rules config baseline codeowners keyanatomy encodedruns patch ignore matcher gitstream)
declare -A PRODUCT=(
  [rules]=FuzzRules [config]=FuzzConfig [baseline]=FuzzBaseline [codeowners]=FuzzCodeOwners
  [keyanatomy]=FuzzKeyAnatomy [encodedruns]=FuzzEncodedRuns [patch]=FuzzPatch [ignore]=FuzzIgnore
  [matcher]=FuzzMatcher [gitstream]=FuzzGitStream
)
declare -A EXTRA=(
  [rules]="-dict=Fuzz/Dictionaries/toml.dict" [config]="-dict=Fuzz/Dictionaries/toml.dict"
  [matcher]="-max_len=16384" [encodedruns]="-max_len=16384"
)

target=${1:-all}
shift || true
if [ "$target" = all ]; then targets=("${ALL[@]}"); else
  [ -n "${PRODUCT[$target]:-}" ] || { echo "unknown target '$target' (one of: all ${ALL[*]})" >&2; exit 2; }
  targets=("$target")
fi
replay=()
seconds=60
if [ $# -gt 0 ]; then
  if [[ "$1" =~ ^[0-9]+$ ]]; then seconds=$1; else replay=("$@"); fi
fi

# Swift's own crash reporter reads foreign memory (ASan flags it): let libFuzzer report instead.
# Leak checking is off: the Swift runtime and Foundation keep one-time allocations to exit.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
# Every Swift module (leakscope's, its dependencies') gets ASan and libFuzzer coverage; only the
# fuzz targets link libFuzzer (Fuzz/Package.swift says why).
swift build -c debug --package-path Fuzz \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -use-ld=lld \
  --scratch-path Fuzz/.build >&2
bin=Fuzz/.build/debug

if [ ${#replay[@]} -gt 0 ]; then
  exec "$bin/${PRODUCT[${targets[0]}]}" -runs=1 "${replay[@]}"
fi

status=0
summary="target seconds runs crashes"
for t in "${targets[@]}"; do
  corpus=Fuzz/.build/corpus/$t crashes=Fuzz/.build/crashes/$t log=Fuzz/.build/logs/$t.log
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  echo "fuzz: $t for ${seconds}s (log: $log)" >&2
  set +e
  # shellcheck disable=SC2086
  "$bin/${PRODUCT[$t]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$crashes/" ${EXTRA[$t]:-} "$corpus" "Fuzz/Corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
  found=$(grep -c 'Test unit written' "$log" || true)
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "fuzz: $t FAILED (exit $rc):" >&2
    grep -E 'ERROR|Fatal error|Test unit written' "$log" | head -5 >&2
  fi
  summary+=$'\n'"$t $seconds $runs $found"
done
column -t <<<"$summary"
exit $status
