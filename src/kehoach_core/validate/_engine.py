"""The rule registry, findings, reports and the ``validate`` entry point.

A rule is a small function registered with :func:`rule`: it receives a
:class:`Context` (the plan, the superior plan if any, and every text field of
the plan with its element id and location) and yields :class:`Hit` objects.
The engine turns hits into :class:`Finding` objects with the rule's code,
severity, message and hint in the requested language.

>>> from kehoach_core import Plan
>>> report = validate(Plan(title="Tuyên truyền"), select=["KH101"])
>>> sorted({f.code for f in report.findings})
['KH101']
>>> report.has_errors
True
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Literal

import attrs

from .._model import Plan
from ._text import Context

__all__ = ["RULES", "Finding", "Hit", "Report", "Rule", "Severity", "rule", "rules", "validate"]

Lang = Literal["vi", "en"]


class Severity(enum.Enum):
    """How bad a finding is: an ``error`` makes ``kehoach validate`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Hit:
    """What a rule reports: where, the quoted text, and values for the message."""

    element: str | None = None
    line: int | None = None
    excerpt: str = ""
    args: dict[str, object] = attrs.field(factory=dict)


Check = Callable[[Context], Iterable[Hit]]


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule: its stable code, name, default severity, texts and check."""

    code: str
    name: str
    severity: Severity
    message_vi: str
    message_en: str
    hint_vi: str
    hint_en: str
    doc: str
    check: Check = attrs.field(repr=False)
    needs_superior: bool = False

    def message(self, lang: Lang, args: dict[str, object]) -> str:
        """The message in ``lang`` with the hit's values filled in."""
        template = self.message_en if lang == "en" else self.message_vi
        return template.format(**args) if args else template

    def hint(self, lang: Lang) -> str:
        """How to fix it, in ``lang``."""
        return self.hint_en if lang == "en" else self.hint_vi


RULES: dict[str, Rule] = {}
"""Every registered rule by code, in registration order."""


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    vi: str,
    en: str,
    hint_vi: str,
    hint_en: str,
    doc: str,
    needs_superior: bool = False,
) -> Callable[[Check], Check]:
    """Decorator: register ``check`` as the rule ``code``."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(
            code=code,
            name=name,
            severity=severity,
            message_vi=vi,
            message_en=en,
            hint_vi=hint_vi,
            hint_en=hint_en,
            doc=doc,
            check=check,
            needs_superior=needs_superior,
        )
        return check

    return register


def rules() -> list[Rule]:
    """Every registered rule, sorted by code."""
    _load_rules()
    return [RULES[code] for code in sorted(RULES)]


@attrs.frozen(kw_only=True)
class Finding:
    """One defect found in a plan."""

    code: str
    name: str
    severity: Severity
    message: str
    hint: str
    element: str | None = None
    line: int | None = None
    excerpt: str = ""
    source: str | None = None


@attrs.frozen(kw_only=True)
class Report:
    """The findings for one plan, in document order (then by code)."""

    findings: tuple[Finding, ...] = ()
    source: str | None = None
    lang: Lang = "vi"

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def has_errors(self) -> bool:
        """True when at least one finding is an error."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    def codes(self) -> list[str]:
        """The codes of the findings, in order (duplicates kept)."""
        return [f.code for f in self.findings]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)


def _matches(code: str, patterns: Sequence[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())


def _load_rules() -> None:
    from . import (  # noqa: F401  (importing registers the rules)
        _rules_citations,
        _rules_consistency,
        _rules_identity,
        _rules_signature,
        _rules_spelling,
        _rules_structure,
        _rules_text,
    )


def validate(
    plan: Plan,
    *,
    superior: Plan | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    lang: Lang = "vi",
) -> Report:
    """Check ``plan`` and return a :class:`Report`.

    ``select`` and ``ignore`` take codes or prefixes (``"KH4"``, ``"KH101"``);
    rules that compare with the superior plan run only when ``superior`` is
    given. Messages are in Vietnamese unless ``lang="en"``.
    """
    _load_rules()
    ctx = Context(plan, superior)
    found: list[Finding] = []
    seen: set[tuple[str, str | None, int | None, str, str]] = set()
    for code in sorted(RULES):
        rule_ = RULES[code]
        if select and not _matches(code, select):
            continue
        if ignore and _matches(code, ignore):
            continue
        if rule_.needs_superior and superior is None:
            continue
        for hit in rule_.check(ctx):
            message = rule_.message(lang, hit.args)
            # the same words read into two elements (a heading and its item) count once
            where = hit.element if hit.line is None else None
            key = (code, where, hit.line, hit.excerpt, message)
            if key in seen:
                continue
            seen.add(key)
            found.append(
                Finding(
                    code=code,
                    name=rule_.name,
                    severity=rule_.severity,
                    message=message,
                    hint=rule_.hint(lang),
                    element=hit.element,
                    line=hit.line,
                    excerpt=hit.excerpt,
                    source=plan.source,
                )
            )
    found.sort(key=lambda f: (f.line or 0, f.code))
    return Report(findings=tuple(found), source=plan.source, lang=lang)
