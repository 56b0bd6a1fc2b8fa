"""``diff(old, new)``: what changed between two versions of one plan.

Elements (items, phases, forms, assignments, bases, recipients, ...) are
aligned list by list: identical elements first, then similar ones (a modified
item), so an inserted item does not make every later one "modified". The result
lists elements added, removed, moved (within a list or to another list) and
modified, with word-level changes inside modified text.
:func:`apply_changes` replays a diff on the old version and gives the new one.

Positional ids (``phase1/3``) follow position, so when both versions carry
their positional ids, ids are not compared (an insertion would renumber every
later item) and :func:`apply_changes` renumbers the result.

>>> from kehoach_core import ContentItem, Plan, number_elements
>>> old = number_elements(Plan(purposes=[ContentItem(text="Tuyên truyền sâu rộng về đại hội.")]))
>>> new = number_elements(Plan(purposes=[
...     ContentItem(text="Tuyên truyền sâu rộng, kịp thời về đại hội."),
...     ContentItem(text="Cổ vũ phong trào thi đua.")]))
>>> changes = diff(old, new)
>>> [(c.kind.value, c.element) for c in changes]
[('modified', 'purposes/1'), ('added', 'purposes/2')]
>>> changes.modified[0].words
(('=', 'Tuyên truyền sâu'), ('-', 'rộng'), ('+', 'rộng, kịp thời'), ('=', 'về đại hội.'))
>>> apply_changes(old, changes) == new and not diff(new, new)
True
"""

from __future__ import annotations

import difflib
import enum
import json
from collections.abc import Iterator
from typing import Any

import attrs

from .._converter import SCHEMA, from_dict, to_dict
from .._ids import number_elements
from .._model import Plan

__all__ = ["Change", "ChangeKind", "Changes", "apply_changes", "diff"]

Path = tuple[str | int, ...]

_SIMILAR = 60.0
"""rapidfuzz ratio from which two differing elements count as one element modified."""


class ChangeKind(enum.Enum):
    """What happened to an element or a value."""

    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    MODIFIED = "modified"


@attrs.frozen(kw_only=True)
class Change:
    """One change. ``path`` locates it in the old version (for an addition: the list
    in the old version and the index in the new one); ``to`` is where a moved
    element goes. ``old`` and ``new`` are JSON values as in ``to_dict``; ``words``
    holds word-level operations (``=``, ``-``, ``+``) when text changed."""

    kind: ChangeKind
    path: Path
    element: str = ""
    """The id of the element concerned (the nearest one holding the value)."""
    old: Any = None
    new: Any = None
    to: Path | None = None
    words: tuple[tuple[str, str], ...] = ()

    @property
    def where(self) -> str:
        """The path as a JSON path: ``$.phases[1].content[0].text``."""
        return _jsonpath(self.path)

    @property
    def field(self) -> str:
        """The last named step of the path (``text``, ``heading``, ``bases``)."""
        return next((str(p) for p in reversed(self.path) if isinstance(p, str)), "")


@attrs.frozen
class Changes:
    """The changes between two versions, in document order of the old version."""

    changes: tuple[Change, ...] = ()
    positional_ids: bool = False
    """True when both versions carried positional ids (ids were not compared)."""

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def _of(self, kind: ChangeKind) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind is kind)

    @property
    def added(self) -> tuple[Change, ...]:
        return self._of(ChangeKind.ADDED)

    @property
    def removed(self) -> tuple[Change, ...]:
        return self._of(ChangeKind.REMOVED)

    @property
    def moved(self) -> tuple[Change, ...]:
        return self._of(ChangeKind.MOVED)

    @property
    def modified(self) -> tuple[Change, ...]:
        return self._of(ChangeKind.MODIFIED)


def _jsonpath(path: Path) -> str:
    out = "$"
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else f".{step}"
    return out


def words_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Word-level operations turning ``old`` into ``new``.

    >>> words_diff("a b c", "a x c")
    (('=', 'a'), ('-', 'b'), ('+', 'x'), ('=', 'c'))
    """
    a, b = old.split(), new.split()
    ops: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("+", " ".join(b[j1:j2])))
    return tuple(ops)


class _Differ:
    def __init__(self, ignore_ids: bool) -> None:
        from rapidfuzz import fuzz

        self.ignore_ids = ignore_ids
        self.ratio = fuzz.ratio
        self.out: list[Change] = []

    def same(self, a: Any, b: Any) -> bool:
        if self.ignore_ids:
            return bool(self.strip(a) == self.strip(b))
        return bool(a == b)

    def strip(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: self.strip(v) for k, v in value.items() if k != "id"}
        if isinstance(value, list):
            return [self.strip(v) for v in value]
        return value

    def signature(self, value: Any) -> str:
        if isinstance(value, dict):
            parts = [self.signature(v) for k, v in value.items() if k not in ("id", "location")]
            return " ".join(p for p in parts if p)
        if isinstance(value, list):
            return " ".join(self.signature(v) for v in value)
        if isinstance(value, str):
            return value
        return "" if value is None else json.dumps(value)

    def value(self, old: Any, new: Any, path: Path, element: str) -> None:
        if self.same(old, new):
            return
        if isinstance(old, dict) and isinstance(new, dict) and old.keys() == new.keys():
            element = str(old.get("id") or element)
            for key in old:
                if key == "id" and self.ignore_ids:
                    continue
                self.value(old[key], new[key], (*path, key), element)
            return
        if isinstance(old, list) and isinstance(new, list):
            self.list(old, new, path, element)
            return
        words = words_diff(old, new) if isinstance(old, str) and isinstance(new, str) else ()
        self.out.append(
            Change(
                kind=ChangeKind.MODIFIED, path=path, element=element, old=old, new=new, words=words
            )
        )

    def align(self, old: list[Any], new: list[Any]) -> list[tuple[int, int]]:
        keys_a = [json.dumps(self.strip(v), sort_keys=True) for v in old]
        keys_b = [json.dumps(self.strip(v), sort_keys=True) for v in new]
        pairs: list[tuple[int, int]] = []
        matcher = difflib.SequenceMatcher(a=keys_a, b=keys_b, autojunk=False)
        for block in matcher.get_matching_blocks():
            pairs += [(block.a + k, block.b + k) for k in range(block.size)]
        used_a = {i for i, _ in pairs}
        used_b = {j for _, j in pairs}
        for i, key in enumerate(keys_a):  # identical elements that changed place
            if i in used_a:
                continue
            j = next((j for j, k in enumerate(keys_b) if j not in used_b and k == key), None)
            if j is not None:
                pairs.append((i, j))
                used_a.add(i)
                used_b.add(j)
        rest_b = [j for j in range(len(new)) if j not in used_b]
        for i in range(len(old)):  # same heading, label or name: one element, changed
            key = _identity(old[i])
            if i in used_a or not key:
                continue
            j = next((j for j in rest_b if j not in used_b and _identity(new[j]) == key), None)
            if j is not None:
                pairs.append((i, j))
                used_a.add(i)
                used_b.add(j)
        rest_a = [i for i in range(len(old)) if i not in used_a]
        rest_b = [j for j in range(len(new)) if j not in used_b]
        if rest_a and rest_b:
            sig_a = {i: self.signature(old[i]) for i in rest_a}
            sig_b = {j: self.signature(new[j]) for j in rest_b}
            scored = sorted(
                (
                    (self.ratio(sig_a[i], sig_b[j]), -abs(i - j), i, j)
                    for i in rest_a
                    for j in rest_b
                ),
                reverse=True,
            )
            for score, _, i, j in scored:
                if score < _SIMILAR:
                    break
                if i in used_a or j in used_b:
                    continue
                pairs.append((i, j))
                used_a.add(i)
                used_b.add(j)
        return sorted(pairs)

    def list(self, old: list[Any], new: list[Any], path: Path, element: str) -> None:
        pairs = self.align(old, new)
        kept = set(_increasing(pairs))
        paired_a = {i for i, _ in pairs}
        paired_b = {j for _, j in pairs}
        for i, value in enumerate(old):
            if i not in paired_a:
                self.out.append(
                    Change(
                        kind=ChangeKind.REMOVED,
                        path=(*path, i),
                        element=_id(value, element),
                        old=value,
                    )
                )
        for i, j in pairs:
            if (i, j) in kept:
                self.value(old[i], new[j], (*path, i), element)
            else:
                self.out.append(self.moved(old[i], new[j], (*path, i), (*path, j), element))
        for j, value in enumerate(new):
            if j not in paired_b:
                self.out.append(
                    Change(
                        kind=ChangeKind.ADDED,
                        path=(*path, j),
                        element=_id(value, element),
                        new=value,
                    )
                )

    def moved(self, old: Any, new: Any, path: Path, to: Path, element: str) -> Change:
        words: tuple[tuple[str, str], ...] = ()
        if isinstance(old, dict) and isinstance(new, dict):
            a, b = old.get("text"), new.get("text")
            if isinstance(a, str) and isinstance(b, str) and a != b:
                words = words_diff(a, b)
        return Change(
            kind=ChangeKind.MOVED,
            path=path,
            to=to,
            element=_id(new, element),
            old=old,
            new=new,
            words=words,
        )


_IDENTITY = ("label", "heading", "ordinal", "title", "name", "bodies", "part")


def _identity(value: Any) -> str:
    """What names a container element (a phase's label and heading), empty for items."""
    if not isinstance(value, dict) or "text" in value:
        return ""
    parts = [json.dumps(value[k], ensure_ascii=False) for k in _IDENTITY if value.get(k)]
    return "|".join(parts)


def _id(value: Any, default: str) -> str:
    if isinstance(value, dict) and value.get("id"):
        return str(value["id"])
    return default


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs whose new indices increase with the old (they stay in place)."""
    if not pairs:
        return []
    best: list[list[tuple[int, int]]] = []
    for pair in pairs:
        chains = [c for c in best if c[-1][1] < pair[1]]
        chain = max(chains, key=len) if chains else []
        best.append([*chain, pair])
    return max(best, key=len)


def _is_item(value: Any) -> bool:
    return isinstance(value, dict) and "text" in value and "children" in value


def _cross_moves(changes: list[Change], differ: _Differ) -> list[Change]:
    """An item removed from one list and added, unchanged, to another was moved."""
    added = [c for c in changes if c.kind is ChangeKind.ADDED and _is_item(c.new)]
    out = []
    taken: set[int] = set()
    for change in changes:
        if change.kind is ChangeKind.REMOVED and _is_item(change.old):
            partner = next(
                (a for a in added if id(a) not in taken and differ.same(a.new, change.old)), None
            )
            if partner is not None:
                taken.add(id(partner))
                out.append(
                    Change(
                        kind=ChangeKind.MOVED,
                        path=change.path,
                        to=partner.path,
                        element=partner.element,
                        old=change.old,
                        new=partner.new,
                    )
                )
                continue
        out.append(change)
    return [c for c in out if id(c) not in taken]


def _blank_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("" if k == "id" else _blank_ids(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_blank_ids(v) for v in value]
    return value


def _positional(plan: Plan) -> bool:
    return number_elements(plan) == plan


_METADATA = frozenset(
    {"location", "header_locations", "source", "furniture", "pages", "reader_notes"}
)
"""Keys of where a plan was read, not of what it says: never a change."""


def _content(value: Any) -> Any:
    """A ``to_dict`` value without its metadata (locations and the source name)."""
    if isinstance(value, dict):
        return {k: _content(v) for k, v in value.items() if k not in _METADATA}
    if isinstance(value, list):
        return [_content(v) for v in value]
    return value


def diff(old: Plan, new: Plan) -> Changes:
    """The changes that turn ``old`` into ``new`` (empty when they are equal).

    Only content counts: where each element was read (its location, the file
    name) is not a change, so a plan against itself shifted by blank lines, or
    against its own Word file, has no changes.
    """
    ignore_ids = _positional(old) and _positional(new)
    differ = _Differ(ignore_ids)
    a, b = _content(to_dict(old)), _content(to_dict(new))
    differ.value(a, b, (), "")
    changes = _cross_moves(differ.out, differ)
    return Changes(tuple(changes), positional_ids=ignore_ids)


def apply_changes(plan: Plan, changes: Changes) -> Plan:
    """Replay ``changes`` on ``plan`` (the old version); returns the new version."""
    replace: dict[Path, Any] = {}
    removals: dict[Path, set[int]] = {}
    placements: dict[Path, dict[int, Any]] = {}
    for change in changes:
        if change.kind is ChangeKind.MODIFIED:
            replace[change.path] = change.new
        elif change.kind is ChangeKind.REMOVED:
            removals.setdefault(change.path[:-1], set()).add(int(change.path[-1]))
        elif change.kind is ChangeKind.ADDED:
            placements.setdefault(change.path[:-1], {})[int(change.path[-1])] = change.new
        else:
            assert change.to is not None
            removals.setdefault(change.path[:-1], set()).add(int(change.path[-1]))
            placements.setdefault(change.to[:-1], {})[int(change.to[-1])] = change.new

    def patch(node: Any, path: Path) -> Any:
        if path in replace:
            return replace[path]
        if isinstance(node, dict):
            return {k: patch(v, (*path, k)) for k, v in node.items()}
        if isinstance(node, list):
            items = [patch(v, (*path, i)) for i, v in enumerate(node)]
            gone = removals.get(path, set())
            placed = placements.get(path, {})
            if not gone and not placed:
                return items
            kept = iter([v for i, v in enumerate(items) if i not in gone])
            size = len(items) - len(gone) + len(placed)
            return [placed[j] if j in placed else next(kept) for j in range(size)]
        return node

    data = patch(to_dict(plan), ())
    if changes.positional_ids:  # stale ids would misdirect the renumbering of anchors
        data = _blank_ids(data)
    data["schema"] = SCHEMA
    result = from_dict(data)
    return number_elements(result) if changes.positional_ids else result
