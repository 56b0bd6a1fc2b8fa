"""Validate every plan in a folder and print one line per plan, worst first.

    python examples/check_folder.py FOLDER [--superior PLAN]

Exit code 1 when any plan has an error, as in CI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import kehoach_core as kh
from kehoach_core.validate import Severity, validate

SUFFIXES = {".txt", ".docx", ".json"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--superior", type=Path)
    args = parser.parse_args(argv)
    superior = kh.read(args.superior) if args.superior else None
    rows = []
    for path in sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in SUFFIXES):
        try:
            report = validate(kh.read(path), superior=superior, lang="en")
        except kh.KehoachError as exc:
            rows.append((-1, path, f"unreadable: {exc}"))
            continue
        errors = sum(1 for f in report if f.severity is Severity.ERROR)
        rows.append((errors, path, f"{errors} errors, {len(report) - errors} other findings"))
    for _, path, text in sorted(rows, key=lambda row: (-row[0], str(row[1]))):
        print(f"{path}: {text}")
    return 1 if any(errors != 0 for errors, _, _ in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
