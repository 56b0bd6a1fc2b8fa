"""A baseline: the findings a team accepts today, so later runs report only new ones.

Findings are matched by the plan's file, the rule code and the fingerprint SARIF
output gives them (the code and the quoted words, see ``_output``), never by line
numbers: text added above a known finding does not bring it back.

>>> from kehoach_core import Plan, ContentItem
>>> from kehoach_core.validate import validate
>>> plan = Plan(title="x", source="a.txt",
...     purposes=[ContentItem(id="purposes/1", text="của của")])
>>> report = validate(plan, select=["KH402"])
>>> baseline = Baseline.of([report])
>>> len(baseline), len(baseline.filter(report))
(1, 0)
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import attrs

from ._config import ConfigError
from ._engine import Report
from ._output import _fingerprints

__all__ = ["BASELINE_SCHEMA", "Baseline"]

BASELINE_SCHEMA = "kehoach-baseline/1"


def _source(source: str | None, base: Path | None) -> str:
    """The plan's file as stored: relative to the baseline's folder when inside it."""
    if source is None:
        return ""
    path = Path(source)
    if base is not None:
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except (ValueError, OSError):
            pass
    return path.as_posix()


@attrs.frozen
class Baseline:
    """Known findings as (file, code, fingerprint); ``base`` is the folder files are
    relative to (the baseline file's)."""

    known: frozenset[tuple[str, str, str]] = frozenset()
    base: Path | None = None
    entries: tuple[dict[str, str], ...] = attrs.field(default=(), eq=False, repr=False)

    def __len__(self) -> int:
        return len(self.known)

    @classmethod
    def of(cls, reports: Iterable[Report], base: Path | None = None) -> Baseline:
        """The baseline accepting every finding of ``reports``."""
        entries: list[dict[str, str]] = []
        for report in reports:
            source = _source(report.source, base)
            for f, fingerprint in zip(report.findings, _fingerprints(report.findings), strict=True):
                entries.append(
                    {
                        "source": source,
                        "code": f.code,
                        "fingerprint": fingerprint,
                        "excerpt": f.excerpt,
                    }
                )
        known = frozenset((e["source"], e["code"], e["fingerprint"]) for e in entries)
        return cls(known, base, tuple(entries))

    def filter(self, report: Report) -> Report:
        """``report`` without the findings this baseline knows."""
        source = _source(report.source, self.base)
        kept = tuple(
            f
            for f, fingerprint in zip(report.findings, _fingerprints(report.findings), strict=True)
            if (source, f.code, fingerprint) not in self.known
        )
        return attrs.evolve(report, findings=kept)

    def dumps(self) -> str:
        """The baseline as JSON, one entry per finding, sorted."""
        entries = sorted(self.entries, key=lambda e: (e["source"], e["code"], e["fingerprint"]))
        payload = {"schema": BASELINE_SCHEMA, "findings": entries}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Baseline:
        """The baseline stored in ``path`` (:class:`ConfigError` when it is not one)."""
        file = Path(path)
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"not a readable baseline: {exc}", source=str(file)) from None
        if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
            raise ConfigError(
                f'not a baseline (no "schema": "{BASELINE_SCHEMA}")', source=str(file)
            )
        found = data.get("findings")
        if not isinstance(found, list):
            raise ConfigError("expected a list", source=str(file), path="$.findings")
        entries: list[dict[str, str]] = []
        for n, entry in enumerate(found):
            if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("source", "code", "fingerprint")
            ):
                raise ConfigError(
                    "expected source, code and fingerprint",
                    source=str(file),
                    path=f"$.findings[{n}]",
                )
            entries.append({k: str(v) for k, v in entry.items()})
        known = frozenset((e["source"], e["code"], e["fingerprint"]) for e in entries)
        return cls(known, file.absolute().parent, tuple(entries))
