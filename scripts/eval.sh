#!/usr/bin/env bash
# Score leakscope on the project's labelled evaluation set (eval/).
#
#   scripts/eval.sh [--binary PATH] [--json] [-v] [--report-out FILE] [--check]
#
#   --binary PATH      the leakscope binary (default: .build/release/leakscope)
#   --json             machine-readable output (per category, totals, files, missed, false positives)
#   -v, --verbose      also list the missed labels and the false positives
#   --report-out FILE  keep leakscope's JSON report in FILE
#   --check            only validate eval/labels.tsv against eval/files (no binary needed)
#
# The scan is `leakscope scan eval/files --no-git --no-ignore --format json -q -o REPORT`;
# scoring is eval/score.py (python3, standard library only). Output is deterministic.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary=".build/release/leakscope"
report_out=""
score_args=()
check=0

while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="${2:?--binary needs a path}"; shift 2 ;;
    --binary=*) binary="${1#--binary=}"; shift ;;
    --json) score_args+=(--json); shift ;;
    -v|--verbose) score_args+=(-v); shift ;;
    --report-out) report_out="${2:?--report-out needs a file}"; shift 2 ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "eval.sh: unknown option: $1" >&2; exit 2 ;;
  esac
done

# paths given on the command line are relative to the caller's directory
case "$binary" in
  /*|.build/release/leakscope) ;;
  */*) binary="$(pwd)/$binary" ;;
  *) binary="$(command -v "$binary" || echo "$binary")" ;;
esac
case "$report_out" in
  ""|/*) ;;
  *) report_out="$(pwd)/$report_out" ;;
esac

cd "$here"
if [ "$check" = 1 ]; then
  exec python3 eval/score.py --check
fi

if [ ! -x "$binary" ]; then
  echo "eval.sh: no executable leakscope at $binary (build it, or pass --binary PATH)" >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
report="$tmp/report.json"

# exit status 1 means "findings", which is expected here; 2 and above are errors
set +e
"$binary" scan eval/files --no-git --no-ignore --format json -q -o "$report"
status=$?
set -e
if [ "$status" -ge 2 ] || [ ! -s "$report" ]; then
  echo "eval.sh: leakscope failed (exit $status)" >&2
  exit 2
fi
if [ -n "$report_out" ]; then
  cp "$report" "$report_out"
fi

python3 eval/score.py --report "$report" --root eval/files ${score_args[@]+"${score_args[@]}"}
