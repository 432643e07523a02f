#!/usr/bin/env python3
"""Score a leakscope JSON report against the labelled evaluation set (eval/labels.tsv).

Standard library only. Usually run through scripts/eval.sh, which runs the binary first:

    python3 eval/score.py --report REPORT.json [--root eval/files] [--labels eval/labels.tsv] [--json] [-v]
    python3 eval/score.py --check            # validate labels.tsv against the files, no report needed

Matching rule: a finding matches a label when it is in the same file (path relative to the
scanned root) and its line lies within [line, endLine] (endLine defaults to line). A label
with line 0 is a path label (the file itself is the secret): a finding on line 0 or 1 of
that file matches it. A label is found when at least one finding matches it; a finding is a
true positive when it matches at least one label, otherwise a false positive.

Per-category counts: labels and found come from the label's category. A true-positive
finding counts in the category of the label it matches (a line label before a path label,
then the lowest line). A false positive is attributed by its rule: rules about hashes count
under `hashes`, rules about passwords / credential files / connection strings under
`passwords`, every other rule under the category leakscope reports (ai, cloud, vcs, saas,
keys, generic). `adjacent` and `path` describe the shape of a label, not a kind of rule, so
no false positive is attributed to them.
"""
import argparse
import json
import os
import re
import sys

CATEGORIES = ["ai", "cloud", "vcs", "saas", "keys", "passwords", "hashes", "adjacent", "path", "generic"]
REPORTED = {"ai", "cloud", "vcs", "saas", "keys", "generic"}
HASH_RULE = re.compile(r"hash|shadow|htpasswd|bcrypt|crypt|ntlm|argon|pbkdf|scram", re.I)
PASSWORD_RULE = re.compile(r"passw|netrc|pgpass|credential|docker-?config|filezilla|winscp|jdbc|connection|"
                           r"url-basic|basic-auth|pypirc|npmrc|s3cfg|my-?cnf|ansible|identified", re.I)

HERE = os.path.dirname(os.path.abspath(__file__))


class Label:
    __slots__ = ("path", "line", "category", "note", "end", "index")

    def __init__(self, path, line, category, note, end, index):
        self.path, self.line, self.category, self.note, self.end, self.index = path, line, category, note, end, index

    def matches(self, path, line):
        if path != self.path:
            return False
        if self.line == 0:
            return line in (0, 1)
        return self.line <= line <= self.end

    def key(self):
        return (self.path, self.line, self.category)


def load_labels(path):
    labels, errors = [], []
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            raw = raw.rstrip("\n").rstrip("\r")
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.split("\t")
            if len(cols) < 3:
                errors.append(f"{path}:{n}: expected at least 3 tab-separated columns")
                continue
            try:
                line = int(cols[1])
                end = int(cols[4]) if len(cols) > 4 and cols[4].strip() else line
            except ValueError:
                errors.append(f"{path}:{n}: line and endLine must be integers")
                continue
            cat = cols[2].strip()
            if cat not in CATEGORIES:
                errors.append(f"{path}:{n}: unknown category {cat!r}")
            if end < line:
                errors.append(f"{path}:{n}: endLine {end} before line {line}")
            labels.append(Label(cols[0], line, cat, cols[3] if len(cols) > 3 else "", end, len(labels)))
    return labels, errors


def rel_path(file, root):
    """The finding's file relative to the scanned root, with forward slashes."""
    root_abs = os.path.abspath(root)
    p = os.path.abspath(file)
    rel = os.path.relpath(p, root_abs)
    if rel.startswith(".."):
        # report written from another working directory: fall back to the text after the root's name
        marker = os.path.basename(root_abs.rstrip(os.sep)) + "/"
        i = file.replace(os.sep, "/").find(marker)
        rel = file.replace(os.sep, "/")[i + len(marker):] if i >= 0 else file
    return rel.replace(os.sep, "/")


def fp_category(f):
    rule = f.get("rule") or ""
    if HASH_RULE.search(rule):
        return "hashes"
    if PASSWORD_RULE.search(rule):
        return "passwords"
    cat = f.get("category") or "generic"
    return cat if cat in REPORTED else "generic"


def ratio(a, b):
    return (a / b) if b else None


def fmt(x):
    return "-" if x is None else f"{x:.3f}"


def score(labels, findings, root):
    by_path = {}
    for lab in labels:
        by_path.setdefault(lab.path, []).append(lab)
    found = set()
    per_cat = {c: {"labels": 0, "found": 0, "findings": 0, "falsePositives": 0} for c in CATEGORIES}
    fps, tps = [], []
    for f in findings:
        path = rel_path(f["file"], root)
        line = int(f.get("line") or 0)
        hits = [lab for lab in by_path.get(path, []) if lab.matches(path, line)]
        # A whole credential's other parts (an access key ID beside its secret) are reported
        # at their own lines in `components`: a label there is found by this finding.
        for part in f.get("components") or []:
            for lab in by_path.get(path, []):
                if lab.matches(path, int(part.get("line") or 0)):
                    found.add(lab.index)
        if hits:
            for lab in hits:
                found.add(lab.index)
            first = sorted(hits, key=lambda l: (l.line == 0, l.line, l.index))[0]
            per_cat[first.category]["findings"] += 1
            tps.append((path, line, f, first))
        else:
            cat = fp_category(f)
            per_cat[cat]["findings"] += 1
            per_cat[cat]["falsePositives"] += 1
            fps.append({"path": path, "line": line, "column": f.get("column"), "rule": f.get("rule"),
                        "category": cat, "context": (f.get("context") or "")[:160]})
    for lab in labels:
        per_cat[lab.category]["labels"] += 1
        if lab.index in found:
            per_cat[lab.category]["found"] += 1
    rows = {}
    tot = {"labels": 0, "found": 0, "findings": 0, "falsePositives": 0}
    for c in CATEGORIES:
        d = per_cat[c]
        for k in tot:
            tot[k] += d[k]
        rows[c] = dict(d, recall=ratio(d["found"], d["labels"]),
                       precision=ratio(d["findings"] - d["falsePositives"], d["findings"]))
    tot["recall"] = ratio(tot["found"], tot["labels"])
    tot["precision"] = ratio(tot["findings"] - tot["falsePositives"], tot["findings"])
    pos_files = {lab.path for lab in labels}
    pred_files = {rel_path(f["file"], root) for f in findings}
    tp_files = pos_files & pred_files
    fp_ = ratio(len(tp_files), len(pred_files))
    fr_ = ratio(len(tp_files), len(pos_files))
    f1 = (2 * fp_ * fr_ / (fp_ + fr_)) if fp_ and fr_ else (0.0 if fp_ is not None and fr_ is not None else None)
    files = {"positive": len(pos_files), "flagged": len(pred_files), "truePositive": len(tp_files),
             "precision": fp_, "recall": fr_, "f1": f1}
    missed = [{"path": l.path, "line": l.line, "endLine": l.end, "category": l.category, "note": l.note}
              for l in sorted(labels, key=lambda l: (l.path, l.line, l.category)) if l.index not in found]
    fps.sort(key=lambda d: (d["path"], d["line"], d["column"] or 0, d["rule"] or ""))
    return {"categories": rows, "total": tot, "files": files, "missed": missed, "falsePositives": fps}


def print_table(res, verbose, out=sys.stdout):
    w = out.write
    w(f"{'category':<10} {'labels':>6} {'found':>6} {'recall':>7} {'findings':>8} {'FP':>5} {'precision':>9}\n")
    w("-" * 57 + "\n")
    for c in CATEGORIES:
        d = res["categories"][c]
        if d["labels"] == 0 and d["findings"] == 0:
            continue
        w(f"{c:<10} {d['labels']:>6} {d['found']:>6} {fmt(d['recall']):>7} {d['findings']:>8} {d['falsePositives']:>5} {fmt(d['precision']):>9}\n")
    w("-" * 57 + "\n")
    t = res["total"]
    w(f"{'total':<10} {t['labels']:>6} {t['found']:>6} {fmt(t['recall']):>7} {t['findings']:>8} {t['falsePositives']:>5} {fmt(t['precision']):>9}\n")
    f = res["files"]
    w(f"\nfiles: {f['positive']} with labels, {f['flagged']} flagged, {f['truePositive']} both; "
      f"precision {fmt(f['precision'])}, recall {fmt(f['recall'])}, F1 {fmt(f['f1'])}\n")
    if verbose:
        w(f"\nmissed labels ({len(res['missed'])}):\n")
        for m in res["missed"]:
            span = f"{m['line']}" if m["endLine"] == m["line"] else f"{m['line']}-{m['endLine']}"
            w(f"  {m['path']}:{span}\t{m['category']}\t{m['note']}\n")
        w(f"\nfalse positives ({len(res['falsePositives'])}):\n")
        for p in res["falsePositives"]:
            w(f"  {p['path']}:{p['line']}:{p['column']}\t{p['rule']} ({p['category']})\t{p['context']}\n")


def check(labels, root, negatives_path):
    """Every label points at an existing file and a non-empty line; reports problems, exit 1 if any."""
    problems = []
    seen = set()
    cache = {}
    for lab in labels:
        if lab.key() in seen:
            problems.append(f"duplicate label {lab.path}:{lab.line} {lab.category}")
        seen.add(lab.key())
        p = os.path.join(root, lab.path)
        if not os.path.isfile(p):
            problems.append(f"missing file: {lab.path}")
            continue
        if lab.line == 0:
            continue
        if p not in cache:
            with open(p, "rb") as fh:
                cache[p] = fh.read().decode("utf-8", "replace").splitlines()
        lines = cache[p]
        if lab.end > len(lines):
            problems.append(f"{lab.path}:{lab.line}-{lab.end}: past the end of the file ({len(lines)} lines)")
        elif not lines[lab.line - 1].strip():
            problems.append(f"{lab.path}:{lab.line}: labelled line is empty")
    neg_count = 0
    labelled = {(l.path, l.line) for l in labels if l.line}
    if os.path.isfile(negatives_path):
        with open(negatives_path, encoding="utf-8") as fh:
            for raw in fh:
                if raw.strip() and not raw.startswith("#"):
                    neg_count += 1
                    path, line = raw.split("\t")[:2]
                    if (path, int(line)) in labelled:
                        problems.append(f"{path}:{line}: listed as a negative and labelled")
    cats = {}
    for lab in labels:
        cats[lab.category] = cats.get(lab.category, 0) + 1
    print(f"{len(labels)} labels in {len({l.path for l in labels})} files, {neg_count} documented hard negatives")
    print("  " + ", ".join(f"{c} {cats.get(c, 0)}" for c in CATEGORIES))
    for p in problems:
        print("problem: " + p)
    return 1 if problems else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", help="leakscope JSON report (scan ROOT --format json)")
    ap.add_argument("--root", default=os.path.join(HERE, "files"), help="the folder that was scanned (default: eval/files)")
    ap.add_argument("--labels", default=os.path.join(HERE, "labels.tsv"))
    ap.add_argument("--negatives", default=os.path.join(HERE, "negatives.tsv"))
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list missed labels and false positives")
    ap.add_argument("--check", action="store_true", help="validate labels.tsv against the files and exit")
    args = ap.parse_args(argv)

    labels, errors = load_labels(args.labels)
    if errors:
        for e in errors:
            print("error: " + e, file=sys.stderr)
        return 2
    if args.check:
        return check(labels, args.root, args.negatives)
    if not args.report:
        ap.error("--report is required (or use --check)")
    with open(args.report, encoding="utf-8") as fh:
        report = json.load(fh)
    findings = report.get("findings", report if isinstance(report, list) else [])
    res = score(labels, findings, args.root)
    if args.json:
        summary = report.get("summary", {}) if isinstance(report, dict) else {}
        res["scan"] = {k: summary.get(k) for k in ("filesScanned", "filesSkipped", "rulesLoaded", "complete")}
        json.dump(res, sys.stdout, indent=2, sort_keys=True)
        sys.stdout.write("\n")
    else:
        print_table(res, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
