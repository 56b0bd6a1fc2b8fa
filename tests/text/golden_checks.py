"""Turn a golden of ``goldens/*.json`` into checks against a plan, and score them.

Each key of a golden gives one check per value (a basis, a recipient, a
section, a line): the score of a reader on a plan is the share of checks that
hold. Texts are compared after folding what a golden may legitimately write
differently: Unicode form, old and new tone placement (*uỷ* / *ủy*), case,
spacing, Markdown markers and end punctuation.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from kehoach_core import ContentItem, Phase, Plan
from kehoach_core._vietnamese import modern_tones

GOLDENS = Path(__file__).resolve().parent / "goldens"


@attrs.frozen
class Check:
    """One expectation of a golden: its key, what was expected, whether it holds."""

    key: str
    expected: str
    ok: bool


def norm(text: str | None) -> str:
    """``text`` folded for comparison (see the module docstring)."""
    if not text:
        return ""
    text = modern_tones(unicodedata.normalize("NFC", text)).casefold()
    text = re.sub(r"[*|_`\\]", " ", text)
    text = re.sub(r"\s*([-–/])\s*", r"\1", text)
    return " ".join(text.split()).strip(" .;:,")


def starts(text: str | None, prefix: str | None) -> bool:
    """Whether ``text`` begins with ``prefix`` once both are folded."""
    return norm(text).startswith(norm(prefix))


def load(name: str) -> dict[str, Any]:
    """The golden of a corpus file (``web/x.md`` is stored as ``web__x.md.json``)."""
    data: dict[str, Any] = json.loads(
        (GOLDENS / (name.replace("/", "__") + ".json")).read_text(encoding="utf-8")
    )
    return data


def golden_names() -> list[str]:
    """The corpus files that have a golden."""
    out = []
    for path in sorted(GOLDENS.glob("*.json")):
        out.append(json.loads(path.read_text(encoding="utf-8"))["file"])
    return out


def _items(plan: Plan) -> Iterator[ContentItem]:
    groups = [plan.preamble, plan.purposes, plan.requirements, plan.standing_content]
    groups += [phase.content for phase in plan.all_phases()]
    groups += [form.content for form in plan.forms]
    groups += [a.tasks for a in plan.all_assignments()]
    groups.append(plan.closing)
    for group in groups:
        for top in group:
            yield from top.walk()


def _statements(plan: Plan) -> list[str]:
    """Every statement the plan holds as content (items, headings of forms and phases)."""
    texts = [item.text for item in _items(plan)]
    texts += [form.title for form in plan.forms]
    texts += [phase.heading for phase in plan.all_phases()]
    texts += [a.heading for a in plan.all_assignments()]
    return texts


def _same(a: str | None, b: str | None) -> bool:
    return norm(a) == norm(b)


def _number(value: object) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


def _list(
    key: str, got: list[str], want: list[str], match: Callable[[str, str], bool]
) -> list[Check]:
    """One check for the count, one per expected value, matched in order."""
    out = [Check(f"{key}#count", str(len(want)), len(got) == len(want))]
    for index, expected in enumerate(want):
        ok = index < len(got) and match(got[index], expected)
        out.append(Check(key, expected, ok))
    return out


def _phase_checks(phases: tuple[Phase, ...], want: list[dict[str, Any]], key: str) -> list[Check]:
    out = [Check(f"{key}#count", str(len(want)), len(phases) == len(want))]
    for index, expected in enumerate(want):
        phase = phases[index] if index < len(phases) else None
        name = f"{key}[{index}]"
        if phase is None:
            out.append(Check(name, str(expected.get("label")), False))
            continue
        if "label" in expected:
            ok = norm(phase.label).rstrip(".") == norm(expected["label"]).rstrip(".")
            out.append(Check(f"{name}.label", str(expected["label"]), ok))
        if "ordinal" in expected and expected["ordinal"] is not None:
            out.append(
                Check(
                    f"{name}.ordinal",
                    str(expected["ordinal"]),
                    phase.ordinal == expected["ordinal"],
                )
            )
        if expected.get("heading"):
            heading = expected["heading"]
            ok = (
                starts(phase.heading, heading)
                or starts(
                    phase.heading, re.sub(r"^(?:Đợt|Giai đoạn|Bước)\s+\S+\s*:?\s*", "", heading)
                )
                or starts(f"{phase.label} {phase.heading}", heading)
            )
            out.append(Check(f"{name}.heading", heading, ok))
        if "items" in expected and expected["items"] is not None:
            out.append(
                Check(
                    f"{name}.items", str(expected["items"]), len(phase.content) == expected["items"]
                )
            )
        if expected.get("subphases") is not None:
            out += _phase_checks(phase.subphases, expected["subphases"], f"{name}.sub")
    return out


def checks(plan: Plan, golden: dict[str, Any]) -> list[Check]:
    """Every check the golden makes of ``plan``."""
    out: list[Check] = []
    texts = list(plan.texts())
    everything = [t.text for t in texts]
    for field in ("issuer", "superior_body", "place"):
        if field in golden:
            out.append(Check(field, str(golden[field]), _same(getattr(plan, field), golden[field])))
    if "number" in golden:
        got = _number(plan.number) if plan.number and "…" not in str(plan.number) else None
        out.append(
            Check(
                "number",
                str(golden["number"]),
                got == (golden["number"] and _number(golden["number"])),
            )
        )
    if "issued_on" in golden:
        got = plan.issued_on.isoformat() if plan.issued_on else None
        out.append(Check("issued_on", str(golden["issued_on"]), got == golden["issued_on"]))
    if golden.get("style"):
        got = plan.style.value if plan.style else None
        out.append(Check("style", golden["style"], got == golden["style"]))
    if golden.get("title"):
        words = " ".join(golden["title"].split()[:12])
        out.append(Check("title", words, starts(plan.title, words)))
    for line in golden.get("header_lines") or []:
        out.append(Check("header_lines", line, any(norm(line) in norm(t) for t in everything)))
    if golden.get("bases") is not None:
        got_bases = [
            (c.kind, _number(c.number), c.issued_on.isoformat() if c.issued_on else None)
            for c in plan.bases
        ]
        for kind, number, date in golden["bases"]:
            want = (norm(kind), _number(number) if number else "None", date)
            ok = any(
                (norm(k), n or "None", d) == want
                or (norm(k) == want[0] and number and n == want[1])
                for k, n, d in got_bases
            )
            out.append(Check("bases", f"{kind} {number} {date}", bool(ok)))
        out.append(
            Check("bases#count", str(len(golden["bases"])), len(plan.bases) == len(golden["bases"]))
        )
    if golden.get("sections") is not None:
        tops = [s for s in plan.sections if s.level == 1]
        for label, title in golden["sections"]:
            ok = any(
                norm(s.label).rstrip(".-") == norm(label).rstrip(".-") and starts(s.title, title)
                for s in tops
            )
            out.append(Check("sections", f"{label} {title}", ok))
    for key in ("purposes", "requirements", "closing"):
        if golden.get(key) is not None:
            got = [item.text for item in getattr(plan, key)]
            out += _list(key, got, golden[key], starts)
    if golden.get("phases") is not None:
        out += _phase_checks(plan.phases, golden["phases"], "phases")
    statements = _statements(plan)
    for words in golden.get("content_items") or []:
        out.append(
            Check(
                "content_items",
                words,
                any(starts(s, words) or norm(words) in norm(s)[:200] for s in statements),
            )
        )
    if golden.get("assignments") is not None:
        names = [" ".join(a.bodies) + " " + a.heading for a in plan.all_assignments()]
        heads = [a.heading for a in plan.all_assignments()]
        for body in golden["assignments"]:
            ok = any(
                starts(h, body) or starts(re.sub(r"^(?:Đề nghị|Giao)\s+", "", h), body)
                for h in heads
            ) or any(norm(body) in norm(n) for n in names)
            out.append(Check("assignments", body, ok))
    if golden.get("recipients") is not None:
        got_r = [(r.name or r.text, r.purpose.value) for r in plan.recipients]
        out.append(
            Check(
                "recipients#count",
                str(len(golden["recipients"])),
                len(got_r) == len(golden["recipients"]),
            )
        )
        for name, purpose in golden["recipients"]:
            ok = any(
                (starts(n, name) or (starts(name, n) and len(norm(n)) > 3)) and p == purpose
                for n, p in got_r
            )
            out.append(Check("recipients", f"{name} ({purpose})", ok))
    if golden.get("signature"):
        sig = plan.signature
        for field, value in golden["signature"].items():
            got_value = getattr(sig, field, None) if sig is not None else None
            if value is None:
                out.append(Check(f"signature.{field}", "None", not got_value))
            else:
                out.append(Check(f"signature.{field}", value, _same(got_value, value)))
    if "digital_signature" in golden:
        want_d = golden["digital_signature"]
        digital = plan.signature.digital if plan.signature is not None else None
        if want_d is None:
            out.append(Check("digital_signature", "None", digital is None))
        else:
            ok = (
                digital is not None
                and digital.signed_at is not None
                and digital.signed_at.isoformat() == want_d["signed_at"]
            )
            out.append(Check("digital_signature.signed_at", want_d["signed_at"], ok))
            if want_d.get("signer"):
                signer = digital.signer if digital is not None else None
                out.append(
                    Check(
                        "digital_signature.signer",
                        want_d["signer"],
                        starts(signer, want_d["signer"]),
                    )
                )
    for words in golden.get("footnotes") or []:
        out.append(Check("footnotes", words, any(starts(f.text, words) for f in plan.footnotes)))
    for words in golden.get("annexes") or []:
        kept = [t.text for t in texts if t.part in ("note", "unparsed", "section")]
        content = [t.text for t in texts if t.part in ("recipient",)]
        ok = any(norm(words) in norm(t) for t in kept) and not any(
            norm(words) in norm(t) for t in content
        )
        out.append(Check("annexes", words, ok))
    for _damaged, repaired in golden.get("repairs") or []:
        whole = "\n".join(norm(t) for t in everything)
        out.append(Check("repairs", repaired, norm(repaired) in whole))
    for line, words in golden.get("lines") or []:
        out.append(Check("lines", f"{line}: {words}", _at_line(texts, line, words)))
    for text in golden.get("not_body") or []:
        ok = not any(norm(text) and norm(text) in norm(s) for s in statements)
        out.append(Check("not_body", text, ok))
    return out


def _at_line(texts: list[Any], line: int, words: str) -> bool:
    """Whether some text of the plan holds ``words`` starting on physical ``line``."""
    wanted = unicodedata.normalize("NFC", words).split()
    pattern = re.compile(r"[\s*|_]+".join(re.escape(w) for w in wanted), re.I)
    for each in texts:
        if each.location is None:
            continue
        for match in pattern.finditer(unicodedata.normalize("NFC", each.text)):
            if each.location.line_at(match.start()) == line:
                return True
    return False
