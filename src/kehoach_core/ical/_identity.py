"""Stable identity: UIDs, DTSTAMP and SEQUENCE, so a re-export updates instead of duplicating.

A calendar client keys an event on its UID, and takes a copy with a higher
SEQUENCE as an update. So:

* ``UID`` is ``uuid5(NAMESPACE, plan identity + "/" + element id) + "@kehoach"``:
  never random. The plan identity is its issuer, number and title, folded
  (NFC, case, spacing), so the same plan read from text or docx gives the same
  UIDs; the element id is positional (``phase2.1``, ``assignment1/3``), so
  editing an element's text keeps its UID.
* ``DTSTAMP`` is the plan's revision: a ``revision`` attribute of the plan if
  the model has one, else the issue date at 00:00 UTC, else the fixed epoch
  2000-01-01T00:00:00Z. Never the clock, so exporting twice gives the same bytes.
* ``SEQUENCE`` is 0 for a new element; given the previous export, it is the
  previous value when the element's content is unchanged and one more when it
  changed. Content is compared on the serialised component without DTSTAMP
  and SEQUENCE.

>>> plan_identity_of(issuer="Đảng ủy xã Kiên Mộc", number="06-KH/ĐU", title="Tuyên truyền  đại hội")
'đảng ủy xã kiên mộc|06-kh/đu|tuyên truyền đại hội'
>>> element_uid("đảng ủy xã kiên mộc|06-kh/đu|tuyên truyền đại hội", "phase1")
'426c351e-7058-556a-83ed-15162630a64b@kehoach'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
import uuid

from icalendar import Calendar, Component

from .._model import Plan

__all__ = [
    "EPOCH",
    "NAMESPACE",
    "content_hash",
    "element_uid",
    "plan_identity",
    "plan_identity_of",
    "previous_state",
    "stamp_of",
]

NAMESPACE = uuid.UUID("5d1c2a0e-7b1f-5c4e-9a53-6b6568616f63")
"""The uuid5 namespace of every UID kehoach_core writes. Never change it."""

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""DTSTAMP of a plan with neither revision nor issue date."""

_VOLATILE = ("DTSTAMP", "SEQUENCE")


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split()).casefold()


def plan_identity_of(*, issuer: str | None, number: str | None, title: str | None) -> str:
    """The identity string of a plan from its issuer, number and title."""
    return "|".join(_norm(part) for part in (issuer, number, title))


def plan_identity(plan: Plan) -> str:
    """The identity of ``plan``: issuer, number and title, folded."""
    number = None if plan.number is None else str(plan.number)
    return plan_identity_of(issuer=plan.issuer, number=number, title=plan.title)


def element_uid(identity: str, element_id: str) -> str:
    """The UID of one element of the plan with this identity."""
    return f"{uuid.uuid5(NAMESPACE, identity + '/' + element_id)}@kehoach"


def stamp_of(plan: Plan) -> dt.datetime:
    """The DTSTAMP of every component: the plan's revision (see the module docstring)."""
    revision = getattr(plan, "revision", None)
    if isinstance(revision, dt.datetime):
        return (revision if revision.tzinfo else revision.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
    if isinstance(revision, dt.date):
        return dt.datetime.combine(revision, dt.time(), tzinfo=dt.UTC)
    if plan.issued_on is not None:
        return dt.datetime.combine(plan.issued_on, dt.time(), tzinfo=dt.UTC)
    return EPOCH


def content_hash(component: Component) -> str:
    """A digest of a component's content, without DTSTAMP and SEQUENCE.

    The component is serialised and parsed back first, so a freshly built event
    and the same event read from a file give the same digest.
    """
    text = Component.from_ical(component.to_ical()).to_ical().decode("utf-8")
    lines = text.replace("\r\n ", "").split("\r\n")
    kept = [line for line in lines if line.split(":", 1)[0].split(";", 1)[0] not in _VOLATILE]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()


def previous_state(previous: Calendar | None) -> dict[str, tuple[int, str]]:
    """SEQUENCE and content digest of every event and to-do of a previous export, by UID."""
    if previous is None:
        return {}
    state = {}
    for component in previous.walk():
        if component.name not in ("VEVENT", "VTODO") or "UID" not in component:
            continue
        sequence = component.get("SEQUENCE", 0)
        state[str(component["UID"])] = (int(sequence), content_hash(component))
    return state
