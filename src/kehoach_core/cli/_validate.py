"""``kehoach validate PLAN_OR_DIR...``: check plans and report findings.

Folders are walked for ``.txt``, ``.docx``, ``.doc``, ``.pdf`` and ``.json`` files (a
JSON file that is not a ``kehoach/1`` plan is skipped with a note). Many plans
are checked on every core (``--jobs``); on a terminal a progress bar runs on
standard error (never when it is piped), and a one-line summary ends the run.

Settings come from the nearest ``kehoach.toml`` or ``pyproject.toml``
(``[tool.kehoach]``) above each plan, or ``--config FILE``; ``--isolated``
ignores them. ``--select`` replaces the selection, ``--ignore`` and
``--extend-select`` add to it. ``--baseline FILE`` records today's findings the
first time and then reports only new ones.

Exit codes: 0 no error finding (or ``--exit-zero``), 1 at least one error
finding, 2 an input could not be read (the other inputs are still checked and
reported), a folder holds no plan, or a setting or rule code is unknown.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .._model import Plan
    from ..validate import Report, Settings

__all__ = ["register", "run"]

_SUFFIXES = (".txt", ".docx", ".doc", ".pdf", ".json")  # what read() takes (.doc: LibreOffice)
_PLAN_SCHEMA = re.compile(r'"schema"\s*:\s*"kehoach/1"')


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
        "--select",
        default="",
        help="comma-separated codes or prefixes to run (KH4,KH501), replacing the settings'",
    )
    parser.add_argument(
        "--extend-select", default="", help="comma-separated codes or prefixes to run as well"
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
    parser.add_argument(
        "--config", metavar="FILE", help="read the settings from FILE (kehoach.toml or pyproject)"
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report: on a terminal unless NO_COLOR is set (default), "
        "always or never",
    )
    parser.add_argument(
        "--show-settings",
        action="store_true",
        help="print the settings of the first plan and the file they came from, then exit",
    )
    parser.add_argument(
        "--statistics", action="store_true", help="print the number of findings per code instead"
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when a finding is an error"
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="report only findings not in FILE (when FILE does not exist, record them there)",
    )
    parser.set_defaults(run=run)


class _Input(NamedTuple):
    path: Path
    settings: Settings | None
    walked: bool
    """Found by walking a folder (a JSON file that is not a plan is then skipped)."""


class _Problem(NamedTuple):
    skipped: bool
    """True: not a plan, skipped with a note; False: a plan that cannot be used."""
    message: str


def _walk(folder: Path) -> Iterator[Path]:
    """The plan files under ``folder``, sorted; an unreadable folder raises OSError."""
    with os.scandir(folder) as entries:
        listed = sorted(entries, key=lambda e: e.name)
    for entry in listed:
        if entry.is_dir(follow_symlinks=False):  # a linked folder could loop
            yield from _walk(Path(entry.path))
        elif entry.is_file() and Path(entry.name).suffix.lower() in _SUFFIXES:
            yield Path(entry.path)


def _expand(paths: list[str]) -> list[tuple[Path, bool]]:
    """Every plan to check, and whether it was found in a folder."""
    from .._errors import InputError

    out: list[tuple[Path, bool]] = []
    for name in paths:
        path = Path(name)
        if name == "-":  # standard input
            out.append((path, False))
            continue
        if path.is_dir():
            found = list(_walk(path))
            if not found:
                raise InputError(
                    f"no plan in this folder ({', '.join(_SUFFIXES)})", source=str(path)
                )
            out.extend((p, True) for p in found)
        else:
            out.append((path, False))
    return out


def _colour(args: argparse.Namespace) -> bool:
    """Colour on a terminal: ``--color always|never``, else on unless ``NO_COLOR`` is set."""
    choice = getattr(args, "color", "auto")
    if choice != "auto":
        return bool(choice == "always")
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _codes(text: str, option: str) -> tuple[str, ...]:
    from ..validate._config import check_codes

    return check_codes([c for c in text.split(",") if c.strip()], source=option, key="")


def _settings_for(args: argparse.Namespace, paths: list[Path]) -> list[Settings]:
    """The settings of each plan: ``--config``, else the nearest file, with the options."""
    from ..validate import Settings, load_settings
    from ..validate._config import find_config

    select = _codes(args.select, "--select")
    ignore = _codes(args.ignore, "--ignore")
    extend = _codes(args.extend_select, "--extend-select")
    if args.isolated:
        fixed: Settings | None = Settings()
    elif args.config:
        fixed = load_settings(args.config)
        if fixed.config is None:
            from ..validate import ConfigError

            raise ConfigError("not a configuration file", source=args.config)
    else:
        fixed = None
    by_file: dict[Path | None, Settings] = {}
    by_folder: dict[Path, Settings] = {}
    out: list[Settings] = []
    for path in paths:
        if fixed is not None:
            settings = fixed
        else:
            folder = path.absolute().parent
            if folder not in by_folder:
                config = find_config(folder)
                if config not in by_file:
                    by_file[config] = load_settings(config) if config else Settings()
                by_folder[folder] = by_file[config]
            settings = by_folder[folder]
        out.append(settings.with_options(select=select, ignore=ignore, extend_select=extend))
    return out


# -- one plan, in this process or in a worker ------------------------------------------

_SUPERIOR: Plan | None = None
_OPTIONS: dict[str, Any] = {}


def _init_worker(superior: Plan | None, options: dict[str, Any]) -> None:
    global _SUPERIOR, _OPTIONS
    _SUPERIOR, _OPTIONS = superior, options


def _not_a_plan(path: Path) -> str | None:
    """Why a JSON file met in a folder is not a plan (None: it is one, or may be)."""
    import json

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # the reader says what is wrong
    if _PLAN_SCHEMA.search(text):
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None  # a damaged plan, perhaps: the reader says what is wrong
    if isinstance(data, dict) and data.get("schema") == "kehoach/1":
        return None
    return 'not a plan (no "schema": "kehoach/1"), skipped'


def _check(item: _Input) -> Report | _Problem:
    """The report of one plan, or why it was skipped or could not be used."""
    from .._errors import KehoachError
    from .._reading import read
    from ..validate import validate

    path = item.path
    if item.walked and path.suffix.lower() == ".json":
        why = _not_a_plan(path)
        if why is not None:
            return _Problem(True, f"{path}: {why}")
    try:
        plan = read(path)
    except KehoachError as exc:
        return _Problem(False, str(exc))
    if plan.source is None:
        import attrs

        plan = attrs.evolve(plan, source=str(path))
    return validate(plan, superior=_SUPERIOR, settings=item.settings, **_OPTIONS)


def _results(items: Sequence[_Input], jobs: int) -> Iterator[Report | _Problem]:
    if jobs <= 1 or len(items) < 4:
        yield from map(_check, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(32, len(items) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(_SUPERIOR, _OPTIONS)
    ) as pool:
        yield from pool.map(_check, items, chunksize=chunk)


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
        text = to_text(reports, colour=_colour(args) and not args.output)
        text = text + "\n" if text else ""
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)


def _statistics(args: argparse.Namespace, reports: list[Report]) -> str:
    """The number of findings per code, most frequent first (``--statistics``)."""
    import json
    from collections import Counter

    counts = Counter(f.code for r in reports for f in r)
    first = {f.code: f for r in reports for f in reversed(r.findings)}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if args.format == "json":
        data = [
            {
                "code": code,
                "name": first[code].name,
                "severity": first[code].severity.value,
                "count": n,
            }
            for code, n in rows
        ]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    width = len(str(rows[0][1])) if rows else 1
    return "".join(
        f"{n:>{width}}\t{code}\t{first[code].severity.value}\t{first[code].name}\n"
        for code, n in rows
    )


def _apply_baseline(args: argparse.Namespace, reports: list[Report]) -> list[Report]:
    """``--baseline``: record the findings when the file is new, else hide the known ones."""
    from .._atomic import write_atomic
    from ..validate._baseline import Baseline

    file = Path(args.baseline)
    if not file.exists():
        baseline = Baseline.of(reports, base=file.absolute().parent)
        write_atomic(file, baseline.dumps())
        print(
            f"kehoach: baseline {file} did not exist: recorded {len(baseline)} findings; "
            "later runs report only new ones",
            file=sys.stderr,
        )
    else:
        baseline = Baseline.load(file)
    kept = [baseline.filter(r) for r in reports]
    hidden = sum(len(r) for r in reports) - sum(len(r) for r in kept)
    if hidden and not args.quiet:
        print(f"kehoach: baseline {file}: {hidden} known findings not shown", file=sys.stderr)
    return kept


def run(args: argparse.Namespace) -> int:
    from .._errors import InputError
    from .._reading import read
    from ..validate import Severity

    started = time.monotonic()
    if args.format == "docx" and not args.output:
        raise InputError("--format docx needs -o OUT.docx", source="kehoach validate")
    if args.statistics and args.format not in ("text", "json"):
        raise InputError("--statistics prints text or json", source="kehoach validate")
    for option in ("select", "ignore", "extend_select"):  # a typo fails before any work
        _codes(getattr(args, option), "--" + option.replace("_", "-"))
    found = _expand(args.plans)
    settings = _settings_for(args, [p for p, _ in found])
    if args.show_settings:
        path = found[0][0] if found else None
        print(f"settings for {path}:\n{settings[0].describe()}" if path else "no plan given")
        return 0
    superior = read(args.superior) if args.superior else None
    _init_worker(superior, {"lang": args.lang})
    items = [_Input(p, s, walked) for (p, walked), s in zip(found, settings, strict=True)]
    cores = os.cpu_count() or 1
    jobs = min(args.jobs, cores) if args.jobs > 0 else cores  # more workers than cores: slower
    progress = _Progress(len(items), enabled=not args.quiet)
    reports: list[Report] = []
    unusable = skipped = 0
    try:
        for result in _results(items, jobs):
            progress.step()
            if isinstance(result, _Problem):
                progress.close()
                kind = "note" if result.skipped else "error"
                print(f"kehoach: {kind}: {result.message}", file=sys.stderr)
                skipped += result.skipped
                unusable += not result.skipped
            else:
                reports.append(result)
    finally:
        progress.close()
    if args.baseline:
        reports = _apply_baseline(args, reports)
    if args.statistics:
        text = _statistics(args, reports)
        if args.output:
            from .._atomic import write_atomic

            write_atomic(args.output, text)
        else:
            sys.stdout.write(text)
    else:
        _emit(args, reports)
    checked = len(items) - skipped
    if not args.quiet and checked > 1:
        with_errors = sum(1 for r in reports if r.has_errors)
        findings = sum(len(r) for r in reports)
        warnings = sum(
            1
            for r in reports
            if not r.has_errors and any(f.severity is Severity.WARNING for f in r)
        )
        print(
            f"kehoach: checked {checked} plans in {time.monotonic() - started:.1f} s: "
            f"{with_errors} with errors, {warnings} with warnings only, "
            f"{unusable} unreadable; {findings} findings",
            file=sys.stderr,
        )
    if checked == 0:
        where = ", ".join(args.plans)
        print(f"kehoach: error: {where}: no plan to check (every file skipped)", file=sys.stderr)
        return 2
    if unusable:
        return 2
    if args.exit_zero:
        return 0
    return 1 if any(r.has_errors for r in reports) else 0
