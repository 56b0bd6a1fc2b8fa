"""Validation settings: ``kehoach.toml`` or ``[tool.kehoach]`` in ``pyproject.toml``.

The settings of a plan come from the nearest configuration file found from the
plan's folder upward (the search stops at the filesystem root or at a folder
holding ``.git``); in one folder ``kehoach.toml`` beats ``pyproject.toml``, and a
``pyproject.toml`` without a ``[tool.kehoach]`` table is passed over, as ruff does.

>>> settings = settings_from_dict({"select": ["KH4"], "ignore": ["KH409"],
...     "severity": {"KH402": "warning"}, "tone": "new"})
>>> settings.enabled("KH402"), settings.enabled("KH409"), settings.enabled("KH101")
(True, False, False)
>>> settings.severity_of("KH402")
<Severity.WARNING: 'warning'>
>>> settings_from_dict({"select": ["KH999"]}, source="kehoach.toml")
Traceback (most recent call last):
...
kehoach_core.validate._config.ConfigError: kehoach.toml: select[0]: unknown rule code 'KH999'
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any, Literal

import attrs

from .._elements import Level
from .._errors import InputError
from ._registry import RULES, Severity

__all__ = [
    "CONFIG_FILES",
    "ConfigError",
    "Settings",
    "check_codes",
    "find_config",
    "load_settings",
    "settings_from_dict",
]

CONFIG_FILES = ("kehoach.toml", "pyproject.toml")
"""The files searched in each folder, the first one winning."""

Tone = Literal["old", "new"]
PlanFormat = Literal["party", "state"]

_LEVELS = {lv.value: lv for lv in Level if lv is not Level.UNKNOWN}
_SEVERITIES = {s.value: s for s in Severity}
_CODE = re.compile(r"KH\d{0,3}")
_KEYS = frozenset(
    {
        "select",
        "ignore",
        "extend-select",
        "severity",
        "per-file-ignores",
        "level",
        "format",
        "bodies",
        "terms",
        "tone",
    }
)


class ConfigError(InputError):
    """Settings that cannot be used: an unknown key or rule code, a wrong value, bad TOML.

    ``source`` names the file (or the option, ``--select``) and ``path`` the key.
    """


def _known_codes() -> dict[str, None]:
    from ._engine import _load_rules

    _load_rules()
    return dict.fromkeys(RULES)


@functools.lru_cache(maxsize=256)
def _is_code(text: str) -> bool:
    """Whether ``text`` (upper case) is a rule code or the prefix of one."""
    return bool(_CODE.fullmatch(text)) and any(c.startswith(text) for c in _known_codes())


def check_codes(codes: Iterable[object], *, source: str, key: str) -> tuple[str, ...]:
    """``codes`` upper-cased, after checking each is a rule code or a prefix of one.

    >>> check_codes(["kh4", "KH402"], source="--select", key="")
    ('KH4', 'KH402')
    >>> check_codes(["KH4", "KH999"], source="--select", key="")
    Traceback (most recent call last):
    ...
    kehoach_core.validate._config.ConfigError: --select: unknown rule code 'KH999'
    """
    out: list[str] = []
    for n, code in enumerate(codes):
        where = f"{key}[{n}]" if key else None
        if not isinstance(code, str):
            raise ConfigError(f"expected a rule code, got {code!r}", source=source, path=where)
        text = code.strip().upper()
        if not _is_code(text):
            raise ConfigError(f"unknown rule code {code.strip()!r}", source=source, path=where)
        out.append(text)
    return tuple(out)


def _matches(code: str, patterns: Sequence[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


@attrs.frozen(kw_only=True)
class Settings:
    """Resolved validation settings, and the file they came from (``config``).

    ``select`` empty means every rule; ``extend_select`` adds rules to it and
    ``ignore`` removes rules (codes or prefixes, as on the command line).
    ``per_file_ignores`` maps globs, relative to the configuration file's folder
    (or matched on the file name when they hold no ``/``), to codes to skip there.
    ``level`` and ``plan_format`` stand in when the plan's text does not tell
    its administrative level or its convention (Party or State). ``bodies`` are
    names spelled the right way (the preferred spelling when a plan writes one
    two ways), ``terms`` key terms whose diacritics are checked (``KH407``), and
    ``tone`` the preferred tone placement (``"new"`` *hòa*, *ủy*; ``"old"`` *hoà*,
    *uỷ*) when a plan uses both (``KH408``).
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    level: Level | None = None
    plan_format: PlanFormat | None = None
    bodies: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    tone: Tone | None = None
    config: Path | None = None
    """The configuration file these settings were read from (None: the defaults)."""

    @property
    def root(self) -> Path | None:
        """The folder ``per_file_ignores`` globs are relative to."""
        return self.config.parent if self.config is not None else None

    def enabled(self, code: str, source: str | None = None) -> bool:
        """Whether the rule ``code`` runs on the plan read from ``source``."""
        return code in self.codes([code], source)

    def codes(self, codes: Iterable[str], source: str | None = None) -> list[str]:
        """The ones of ``codes`` that run on the plan read from ``source``, in order."""
        skip = (*self.ignore, *(self.ignored_in(source) if source is not None else ()))
        return [
            code
            for code in codes
            if (
                not self.select or _matches(code, self.select) or _matches(code, self.extend_select)
            )
            and not _matches(code, skip)
        ]

    def ignored_in(self, source: str) -> tuple[str, ...]:
        """The codes ``per_file_ignores`` skips in the plan read from ``source``."""
        if not self.per_file_ignores:
            return ()
        path = Path(source)
        rel = path.as_posix()
        if self.root is not None:
            try:
                rel = path.resolve().relative_to(self.root.resolve()).as_posix()
            except (ValueError, OSError):
                rel = path.as_posix()
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            target = rel if "/" in pattern else path.name
            if fnmatch.fnmatchcase(target, pattern) or PurePath(target).match(pattern):
                out.extend(codes)
        return tuple(out)

    def severity_of(self, code: str, default: Severity | None = None) -> Severity:
        """The severity of ``code``: the longest matching override, else the rule's own."""
        best: tuple[int, Severity] | None = None
        for prefix, severity in self.severity:
            if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), severity)
        if best is not None:
            return best[1]
        if default is not None:
            return default
        return RULES[code].severity

    def with_options(
        self,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        extend_select: Sequence[str] | None = None,
    ) -> Settings:
        """These settings with command-line codes: ``select`` replaces, the others add."""
        return attrs.evolve(
            self,
            select=tuple(select) if select else self.select,
            ignore=(*self.ignore, *(ignore or ())),
            extend_select=(*self.extend_select, *(extend_select or ())),
        )

    def describe(self) -> str:
        """The settings as TOML-like lines, with the file they came from."""
        severity = ", ".join(f'{c} = "{s.value}"' for c, s in self.severity)
        per_file = ", ".join(f'"{g}" = {list(c)!r}' for g, c in self.per_file_ignores)
        lines = [
            f"config = {str(self.config) if self.config else '(none: defaults)'}",
            f"select = {list(self.select)!r}",
            f"extend-select = {list(self.extend_select)!r}",
            f"ignore = {list(self.ignore)!r}",
            f"severity = {{{severity}}}",
            f"per-file-ignores = {{{per_file}}}",
            f"level = {self.level.value if self.level else None!r}",
            f"format = {self.plan_format!r}",
            f"bodies = {list(self.bodies)!r}",
            f"terms = {list(self.terms)!r}",
            f"tone = {self.tone!r}",
        ]
        return "\n".join(lines)


def _strings(value: object, *, source: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError("expected a list of non-empty strings", source=source, path=key)
    return tuple(" ".join(v.split()) for v in value)


def _choice(value: object, choices: Iterable[str], *, source: str, key: str) -> str:
    options = sorted(choices)
    if not isinstance(value, str) or value not in options:
        raise ConfigError(
            f"expected one of {', '.join(options)}, got {value!r}", source=source, path=key
        )
    return value


def settings_from_dict(
    data: Mapping[str, Any], *, source: str = "<settings>", config: Path | None = None
) -> Settings:
    """Settings from a parsed ``[tool.kehoach]`` table; :class:`ConfigError` when wrong.

    ``source`` names the file in messages, ``config`` is stored in the settings.
    """
    if not isinstance(data, Mapping):
        raise ConfigError("expected a table", source=source)
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"unknown key {key!r}", source=source)
    codes: dict[str, tuple[str, ...]] = {}
    for key in ("select", "ignore", "extend-select"):
        value = data.get(key, [])
        if not isinstance(value, list):
            raise ConfigError("expected a list of rule codes", source=source, path=key)
        codes[key] = check_codes(value, source=source, key=key)
    severity: list[tuple[str, Severity]] = []
    table = data.get("severity", {})
    if not isinstance(table, Mapping):
        raise ConfigError("expected a table of code = severity", source=source, path="severity")
    for code, value in table.items():
        (checked,) = check_codes([code], source=source, key="")
        name = _choice(value, _SEVERITIES, source=source, key=f"severity.{code}")
        severity.append((checked, _SEVERITIES[name]))
    per_file: list[tuple[str, tuple[str, ...]]] = []
    table = data.get("per-file-ignores", {})
    if not isinstance(table, Mapping):
        raise ConfigError(
            "expected a table of glob = [codes]", source=source, path="per-file-ignores"
        )
    for glob, value in table.items():
        key = f"per-file-ignores.{glob}"
        if not isinstance(glob, str) or not glob.strip():
            raise ConfigError("expected a glob", source=source, path="per-file-ignores")
        if not isinstance(value, list):
            raise ConfigError("expected a list of rule codes", source=source, path=key)
        per_file.append((glob, check_codes(value, source=source, key=key)))
    level: Level | None = None
    if data.get("level") is not None:
        level = _LEVELS[_choice(data["level"], _LEVELS, source=source, key="level")]
    plan_format: PlanFormat | None = None
    if data.get("format") is not None:
        chosen = _choice(data["format"], ("party", "state"), source=source, key="format")
        plan_format = "party" if chosen == "party" else "state"
    tone: Tone | None = None
    if data.get("tone") is not None:
        chosen = _choice(data["tone"], ("old", "new"), source=source, key="tone")
        tone = "old" if chosen == "old" else "new"
    return Settings(
        select=codes["select"],
        ignore=codes["ignore"],
        extend_select=codes["extend-select"],
        severity=tuple(severity),
        per_file_ignores=tuple(per_file),
        level=level,
        plan_format=plan_format,
        bodies=_strings(data.get("bodies", []), source=source, key="bodies"),
        terms=_terms(data.get("terms", []), source=source),
        tone=tone,
        config=config,
    )


def _terms(value: object, *, source: str) -> tuple[str, ...]:
    terms = _strings(value, source=source, key="terms")
    for n, term in enumerate(terms):
        if not all(ch.isalpha() or ch == " " for ch in term) or " " not in term:
            raise ConfigError(
                f"a term is two or more words of letters, got {term!r}",
                source=source,
                path=f"terms[{n}]",
            )
    return terms


def _table(path: Path) -> Mapping[str, Any] | None:
    """The kehoach table of a configuration file (None: a pyproject.toml without one)."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", source=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", source=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    table = tool.get("kehoach") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError("expected a table", source=str(path), path="tool.kehoach")
    return table


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The nearest configuration file for a plan or folder, or None.

    Folders are searched from ``start`` (a plan's folder, or ``start`` itself when
    it is a folder) upward; the search stops after a folder holding ``.git``.
    """
    folder = Path(start).absolute()
    if not folder.is_dir():
        folder = folder.parent
    for here in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = here / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
        if (here / ".git").exists():
            return None
    return None


def load_settings(path: str | os.PathLike[str]) -> Settings:
    """The settings for ``path``: a configuration file (``.toml``) read as such, else a
    plan or folder whose nearest configuration file is found (see :func:`find_config`).

    With no configuration file, the defaults (every rule, as registered).
    """
    target = Path(path)
    if target.suffix.lower() == ".toml" and not target.is_dir():
        if not target.is_file():
            raise ConfigError("no such configuration file", source=str(target))
        config: Path | None = target
    else:
        config = find_config(target)
    if config is None:
        return Settings()
    table = _table(config)
    if table is None:
        raise ConfigError("no [tool.kehoach] table", source=str(config))
    return settings_from_dict(table, source=str(config), config=config.absolute())
