#!/usr/bin/env python3
"""Validates a SARIF file against the SARIF 2.1.0 JSON schema.

Usage: scripts/validate-sarif.py SCHEMA FILE

Exit status: 0 valid; 1 invalid (every error printed to stderr, with its JSON path);
2 usage error, unreadable input, or the `jsonschema` package missing (pip install jsonschema).
"""
import json
import sys


def main(argv):
    if len(argv) != 3:
        print("usage: validate-sarif.py SCHEMA FILE", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("validate-sarif: the Python package 'jsonschema' is missing (pip install jsonschema)", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate-sarif: {e}", file=sys.stderr)
        return 2
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    checker = getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
    validator = cls(schema, format_checker=checker)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = "/".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{argv[2]}: {path}: {e.message}", file=sys.stderr)
    if errors:
        print(f"validate-sarif: {len(errors)} error(s)", file=sys.stderr)
        return 1
    print(f"{argv[2]}: valid SARIF 2.1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
