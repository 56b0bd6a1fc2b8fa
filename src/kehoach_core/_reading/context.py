"""What the mapping stages share: the milestone registry and the side outputs.

Every stage that meets text it recognises but does not model adds a
:class:`Note`; text it cannot place becomes a :class:`Fragment` in
``unparsed`` with a reason. Nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._elements import ContentItem, Fragment, Location, Note, Part, SectionHeading
from .events import Milestones
from .outline import Node

__all__ = ["Context", "item", "items"]


def item(node: Node) -> ContentItem:
    """A content item for ``node`` and its descendants."""
    return ContentItem(
        label=node.label,
        text=node.text,
        children=[item(child) for child in node.children],
        location=node.location,
    )


def items(nodes: Iterable[Node]) -> list[ContentItem]:
    """Content items for ``nodes``."""
    return [item(node) for node in nodes]


@attrs.define
class Context:
    """Side outputs collected while mapping one document."""

    milestones: Milestones = attrs.field(factory=Milestones)
    notes: list[Note] = attrs.field(factory=list)
    unparsed: list[Fragment] = attrs.field(factory=list)
    sections: list[SectionHeading] = attrs.field(factory=list)
    standing: list[ContentItem] = attrs.field(factory=list)

    def note(self, part: Part, node: Node) -> None:
        """Keep ``node`` (and its descendants) as notes of ``part``."""
        for each in node.walk():
            self.notes.append(Note(part=part, text=each.full, location=each.full_location))

    def section(self, part: Part, node: Node, level: int) -> None:
        """Record ``node`` as a section heading of ``part``."""
        self.sections.append(
            SectionHeading(
                part=part,
                label=node.label,
                title=node.text,
                level=level,
                location=node.full_location,
            )
        )

    def fragment(self, text: str, reason: str, location: Location | None) -> None:
        """Keep text the reader could not place."""
        if text.strip():
            self.unparsed.append(Fragment(text=text, reason=reason, location=location))

    def unplaced(self, node: Node, reason: str) -> None:
        """Keep ``node`` and its descendants as unparsed fragments."""
        for each in node.walk():
            self.fragment(each.full, reason, each.full_location)
