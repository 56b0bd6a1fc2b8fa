"""``kehoach validate PLAN_OR_DIR...``: check plans and report findings.

Folders are walked for ``.txt``, ``.docx``, ``.doc`` and ``.json`` files. Many plans are
checked on every core (``--jobs``); on a terminal a progress bar runs on
standard error (never when it is piped), and a one-line summary ends the run.

Exit codes: 0 no error finding, 1 at least one error finding, 2 an input
could not be read (the other inputs are still checked and reported).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._model import Plan
    from ..validate import Report

__all__ = ["register", "run"]

_SUFFIXES = (".txt", ".docx", ".doc", ".pdf", ".json")  # what read() takes (.doc: LibreOffice)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check plans (.txt, .docx, .doc, .pdf, .json, or folders of them) and report defects",
        description="Check plans and report their defects with stable codes (KH101 ...).",
    )
    parser.add_argument("plans", nargs="+", metavar="PLAN_OR_DIR", help="plans or folders")
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif", "docx"),
        default="text",
        help="output format (docx needs -o)",
    )
    parser.add_argument(
        "--select", default="", help="comma-separated codes or prefixes to run (KH4,KH501)"
    )
    parser.add_argument("--ignore", default="", help="comma-separated codes or prefixes to skip")
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of the messages and of the docx report",
    )
    parser.add_argument("--superior", help="the superior plan, for the rules that compare with it")
    parser.add_argument("-o", "--output", help="write the report here (atomically)")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        help="processes to use (default: every core; 1 checks in this process)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )
    parser.set_defaults(run=run)


def _expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in _SUFFIXES
            )
        else:
            out.append(path)
    return out


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


# -- one plan, in this process or in a worker ------------------------------------------

_SUPERIOR: Plan | None = None
_OPTIONS: dict[str, Any] = {}


def _init_worker(superior: Plan | None, options: dict[str, Any]) -> None:
    global _SUPERIOR, _OPTIONS
    _SUPERIOR, _OPTIONS = superior, options


def _check(path: Path) -> Report | str:
    """The report of one plan, or the one-line error that made it unusable."""
    from .._errors import KehoachError
    from .._reading import read
    from ..validate import validate

    try:
        plan = read(path)
    except KehoachError as exc:
        return str(exc)
    if plan.source is None:
        import attrs

        plan = attrs.evolve(plan, source=str(path))
    return validate(plan, superior=_SUPERIOR, **_OPTIONS)


def _results(paths: Sequence[Path], jobs: int) -> Iterator[Report | str]:
    if jobs <= 1 or len(paths) < 4:
        yield from map(_check, paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(32, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(_SUPERIOR, _OPTIONS)
    ) as pool:
        yield from pool.map(_check, paths, chunksize=chunk)


class _Progress:
    """A one-line progress bar on standard error, drawn only on a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done = total, 0
        self.enabled = enabled and total > 1 and sys.stderr.isatty()
        self.last = 0.0

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self.last > 0.1 or self.done == self.total):
            self.last = now
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "." * (width - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} plans")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


def _emit(args: argparse.Namespace, reports: list[Report]) -> None:
    """Write the reports in the chosen format to ``-o`` (atomically) or standard output."""
    from .._atomic import write_atomic
    from ..validate import to_docx, to_json, to_sarif, to_text

    if args.format == "docx":
        write_atomic(args.output, to_docx(reports, lang=args.lang))
        return
    if args.format == "json":
        text = to_json(reports)
    elif args.format == "sarif":
        text = to_sarif(reports)
    else:
        text = to_text(reports)
        text = text + "\n" if text else ""
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)


def run(args: argparse.Namespace) -> int:
    from .._errors import InputError
    from .._reading import read
    from ..validate import Severity

    started = time.monotonic()
    if args.format == "docx" and not args.output:
        raise InputError("--format docx needs -o OUT.docx", source="kehoach validate")
    superior = read(args.superior) if args.superior else None
    options = {
        "select": _codes(args.select) or None,
        "ignore": _codes(args.ignore) or None,
        "lang": args.lang,
    }
    _init_worker(superior, options)
    paths = _expand(args.plans)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    progress = _Progress(len(paths), enabled=not args.quiet)
    reports: list[Report] = []
    unusable = 0
    try:
        for result in _results(paths, jobs):
            progress.step()
            if isinstance(result, str):
                progress.close()
                print(f"kehoach: error: {result}", file=sys.stderr)
                unusable += 1
            else:
                reports.append(result)
    finally:
        progress.close()
    _emit(args, reports)
    if not args.quiet and len(paths) > 1:
        with_errors = sum(1 for r in reports if r.has_errors)
        findings = sum(len(r) for r in reports)
        warnings = sum(
            1
            for r in reports
            if not r.has_errors and any(f.severity is Severity.WARNING for f in r)
        )
        print(
            f"kehoach: checked {len(paths)} plans in {time.monotonic() - started:.1f} s: "
            f"{with_errors} with errors, {warnings} with warnings only, "
            f"{unusable} unreadable; {findings} findings",
            file=sys.stderr,
        )
    if unusable:
        return 2
    return 1 if any(r.has_errors for r in reports) else 0
