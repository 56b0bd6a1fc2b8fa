"""Findings, reports and the ``validate`` entry point (the registry is ``_registry``).

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

from collections.abc import Iterator, Sequence

import attrs

from .._model import Plan
from ._config import Settings, check_codes
from ._fixes import Fix, fix_for
from ._registry import RULES, Hit, Lang, Rule, Severity, rule
from ._text import Context

__all__ = ["RULES", "Finding", "Hit", "Report", "Rule", "Severity", "rule", "rules", "validate"]


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
    page: int | None = None
    """In a plan read from a PDF: the page ``line`` is printed on."""
    page_line: int | None = None
    """In a plan read from a PDF: the line on ``page`` (``line`` counts the whole document)."""
    fix: Fix | None = None
    """Edits that correct the finding, in the source's coordinates, where the correction
    is certain (``kehoach fix`` applies them); None otherwise."""

    @property
    def fixable(self) -> bool:
        """True when the finding carries a fix (safe or unsafe)."""
        return self.fix is not None

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
    plan: str = attrs.field(default="", eq=False)
    """The plan named as a reader names it (kind, number, date, issuer), for report titles."""
    subject: str = attrs.field(default="", eq=False)
    """The plan's title (trích yếu), for report titles."""

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


_DEFAULTS = Settings()


_ORDER: list[str] = []


def _order() -> list[str]:
    """The registered codes, sorted (sorted again only when a rule was registered)."""
    if len(_ORDER) != len(RULES):
        _ORDER[:] = sorted(RULES)
    return _ORDER


def _load_rules() -> None:
    from . import (  # noqa: F401  (importing registers the rules)
        _rules_citations,
        _rules_consistency,
        _rules_identity,
        _rules_recipients,
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
    settings: Settings | None = None,
) -> Report:
    """Check ``plan`` and return a :class:`Report`.

    ``select`` and ``ignore`` take codes or prefixes (``"KH4"``, ``"KH101"``);
    an unknown code raises :class:`~kehoach_core.validate.ConfigError`. Rules
    that compare with the superior plan run only when ``superior`` is given.
    Messages are in Vietnamese unless ``lang="en"``. ``settings`` (see
    :func:`~kehoach_core.validate.load_settings`) chooses the rules, their
    severities and the plan's facts the text does not give; ``select`` replaces
    its selection and ``ignore`` adds to its ignored codes.
    """
    _load_rules()
    if select or ignore:
        settings = (settings or _DEFAULTS).with_options(
            select=check_codes([c for c in select or () if c.strip()], source="select", key=""),
            ignore=check_codes([c for c in ignore or () if c.strip()], source="ignore", key=""),
        )
    ctx = Context(plan, superior, settings)
    found: list[Finding] = []
    seen: set[tuple[str, str | None, int | None, int | None, str, str]] = set()
    codes = _order() if settings is None else settings.codes(_order(), plan.source)
    for code in codes:
        rule_ = RULES[code]
        if rule_.needs_superior and superior is None:
            continue
        severity = (
            rule_.severity if settings is None else settings.severity_of(code, rule_.severity)
        )
        for hit in rule_.check(ctx):
            message = rule_.message(lang, hit.args)
            element, location, quoted = hit.place(plan)
            line = location.line if location is not None else None
            column = location.column if location is not None else None
            on_page = plan.page_of(line) if line is not None else None
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
                    severity=severity,
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
                    page=on_page[0] if on_page else None,
                    page_line=on_page[1] if on_page else None,
                    fix=fix_for(code, hit, ctx, lang),
                )
            )
    found.sort(key=lambda f: (f.line or 0, f.column or 0, f.code))
    from .._names import plan_name

    return Report(
        findings=tuple(found),
        source=plan.source,
        lang=lang,
        plan=plan_name(plan, lang),
        subject=plan.title or "",
    )
