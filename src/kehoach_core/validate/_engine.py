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

from .._elements import Location
from .._model import Plan
from ._text import Context, Segment, excerpt

__all__ = ["RULES", "Finding", "Hit", "Report", "Rule", "Severity", "rule", "rules", "validate"]

Lang = Literal["vi", "en"]

HEADER_FIELDS = frozenset(
    {"issuer", "superior_body", "number", "place", "issued_on", "kind", "title"}
)
"""Plan fields read from the header: a hit on one is placed where it was read."""


class Severity(enum.Enum):
    """How bad a finding is: an ``error`` makes ``kehoach validate`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Hit:
    """What a rule reports: where, the quoted text, and values for the message.

    A rule that matched text gives the ``segment`` and the match's ``start`` and
    ``end`` in it: the engine computes the exact place and the excerpt from
    them, in one place for all rules. A rule about a whole element gives its
    ``location`` (or only a ``line``); one about a header field, neither.
    """

    element: str | None = None
    segment: Segment | None = None
    start: int = 0
    end: int = 0
    location: Location | None = None
    line: int | None = None
    excerpt: str = ""
    args: dict[str, object] = attrs.field(factory=dict)

    def matched(self) -> str:
        """The text the rule matched (empty when it reports a whole element)."""
        if self.segment is None:
            return ""
        return self.segment.text[self.start : self.end]

    def place(self, plan: Plan) -> tuple[str | None, Location | None, str]:
        """The element id, the exact location and the excerpt this hit reports.

        A hit on a header field is placed where the field was read; on a header
        field the plan lacks, at the top of the file, where it belongs.
        """
        if self.segment is None:
            location = self.location
            if location is None and self.line is not None:
                location = Location(self.line)
            if location is None and self.element in HEADER_FIELDS:
                location = plan.header_locations.get(self.element)
                if location is None and not getattr(plan, self.element):
                    location = Location(1, 1, column=1, end_column=1)
            return self.element, location, self.excerpt
        segment = self.segment
        span = segment.location.span(self.start, self.end) if segment.location else None
        quoted = self.excerpt or excerpt(segment.text, self.start, self.end)
        return self.element or segment.element, span, quoted


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
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    """One past the last character of the offending text, as in SARIF."""
    text: str = ""
    """The offending text itself, as the plan holds it (empty for a whole element)."""

    @property
    def position(self) -> str:
        """``line:column`` (or ``line``, or empty) for messages."""
        if self.line is None:
            return ""
        return f"{self.line}:{self.column}" if self.column is not None else str(self.line)


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
    seen: set[tuple[str, str | None, int | None, int | None, str, str]] = set()
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
            element, location, quoted = hit.place(plan)
            line = location.line if location is not None else None
            column = location.column if location is not None else None
            # the same words read into two elements (a heading and its item) count once
            where = element if line is None else None
            key = (code, where, line, column, quoted, message)
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
                    element=element,
                    line=line,
                    excerpt=quoted,
                    source=plan.source,
                    column=column,
                    end_line=location.end_line if location is not None else None,
                    end_column=location.end_column if location is not None else None,
                    text=hit.matched(),
                )
            )
    found.sort(key=lambda f: (f.line or 0, f.column or 0, f.code))
    return Report(findings=tuple(found), source=plan.source, lang=lang)
