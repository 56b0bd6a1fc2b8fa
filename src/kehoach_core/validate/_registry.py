"""The rule registry: severities, what a rule reports (:class:`Hit`), and :func:`rule`.

Rule modules import this module to register their checks; the engine
(``_engine``) imports the rule modules and runs them. Nothing here imports a
rule module, so there is no import cycle.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Literal

import attrs

from .._elements import Location
from .._model import Plan
from ._text import Context, Segment, excerpt

__all__ = ["HEADER_FIELDS", "RULES", "Check", "Hit", "Lang", "Rule", "Severity", "rule"]

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
