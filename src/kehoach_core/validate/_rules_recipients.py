"""Recipient rules (KH608-KH610): who must receive the plan, one recipient a line.

The names in *Nơi nhận* are abbreviated (``UBND``, ``HĐND``, ``UBMTTQVN``, ``TU``,
``BCHQS``, ``Sở: NN&MT, TC``); they are expanded before names are compared.

>>> _expand("- UBMTTQVN TP và các TC CT-XH;")
'- mặt trận tổ quốc thành phố và các tổ chức chính trị xã hội;'
>>> _core("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố")
'mặt trận tổ quốc'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from .._model import Assignment, Recipient
from ._registry import Hit, Severity, rule
from ._text import Context, Segment, issuer_is_party, modern_uy

_ABBREVIATIONS = [
    (
        r"\bub ?mt ?tq ?(?:vn|việt nam)?\b|\bubmttqvn\b|\bmttq(?: ?vn| việt nam)?\b"
        r"|\bủy ban mặt trận tổ quốc(?: việt nam)?",
        "mặt trận tổ quốc",
    ),
    (r"\bmặt trận tổ quốc việt nam\b", "mặt trận tổ quốc"),
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bvksnd\b|\bviện ksnd\b", "viện kiểm sát nhân dân"),
    (r"\btand\b", "tòa án nhân dân"),
    (r"\bbchqs\b", "bộ chỉ huy quân sự"),
    (r"\bbch\b", "ban chỉ huy"),
    (r"\bptth\b|\bpt-th\b", "phát thanh truyền hình"),
    (r"\bcty\b", "công ty"),
    (r"\bnh(?= nhà nước)", "ngân hàng"),
    (r"\bcn(?= khu vực)", "chi nhánh"),
    (r"\btc ct-xh\b|\btc ct - xh\b", "tổ chức chính trị xã hội"),
    (r"\bvp\b\.?", "văn phòng"),
    (r"\btu\b", "tỉnh ủy"),
    (r"\bđu\b", "đảng ủy"),
    (r"\btp\b", "thành phố"),
]
_ABBREVIATIONS_RE = [(re.compile(p), r) for p, r in _ABBREVIATIONS]
_PUNCT = re.compile(r"[-–,.;:()&]+")


def _fold(text: str) -> str:
    return " ".join(modern_uy(unicodedata.normalize("NFC", text)).lower().split())


def _expand(text: str) -> str:
    """A recipient line, lower case, its abbreviations written out."""
    out = _fold(text)
    for pattern, full in _ABBREVIATIONS_RE:
        out = pattern.sub(full, out)
    return out.replace("chính trị - xã hội", "chính trị xã hội").replace(
        "chính trị-xã hội", "chính trị xã hội"
    )


_LEVEL_TAIL = re.compile(
    r"\s+(?:cấp\s+)?(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|trung ương)\b.*$"
)


def _core(name: str) -> str:
    """A body's name without its level and place: what a recipient line must hold."""
    core = _expand(name)
    if "mặt trận tổ quốc" in core:
        return "mặt trận tổ quốc"
    core = _LEVEL_TAIL.sub("", core)
    return " ".join(_PUNCT.sub(" ", core).split())


# bodies a task can go to, by the words their names start with
_BODY_HEAD = re.compile(
    r"^(?:Hội đồng nhân dân|HĐND|Ủy ban nhân dân|UBND|Ủy ban Mặt trận|Mặt trận|MTTQ|Phòng|Trung tâm"
    r"|Sở|Công an|Bộ Chỉ huy|Ban Chỉ huy|Báo|Đài|Viện|Tòa án|Chi cục|Cục|Ngân hàng|Công ty"
    r"|Bưu điện|Ban|Văn phòng|Ủy ban Kiểm tra|Đoàn Thanh niên|Hội Liên hiệp|Hội Nông dân"
    r"|Hội Cựu chiến binh|Liên đoàn Lao động|Đảng ủy|Chi bộ)\b"
)
_NOT_ONE_BODY = re.compile(r"\b(?:các|những|Các|Những)\b|\bcấp\s*$|\bcác cấp\b")
_PARTY_ORGAN = re.compile(
    r"^(?:Ban (?:Tuyên giáo|Xây dựng Đảng|Tổ chức|Dân vận|Tuyên Vận|Nội chính|Kinh tế)"
    r"|Văn phòng Đảng ủy|Văn phòng (?:Tỉnh|Thành|Huyện|Quận|Thị) ủy|Ủy ban Kiểm tra)",
    re.I,
)
_PARTY_COMMITTEE = re.compile(r"\b(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy\b|\bTU\b", re.I)
_STANDING = re.compile(r"^(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Ban Thường trực)\b", re.I)

# recipient lines that stand for many bodies, and the bodies each covers
_ALL = re.compile(
    r"\bnhư trên\b|\b(?:tại|theo|ở|như) (?:mục|phần|điểm)\b|\bcó tên\b|cơ quan, đơn vị"
)
_STATE_UNITS = re.compile(
    r"\bsở, ban, ngành\b|\bban, sở, ngành\b|\bban, ngành\b|\bsở\s*:|\bcác sở\b"
)
_STATE_UNIT_HEAD = re.compile(
    r"^(?:sở|ban|công an|bộ chỉ huy|ban chỉ huy|chi cục|cục|trung tâm|văn phòng|báo|đài"
    r"|ngân hàng)\b"
)
_ADVISERS = re.compile(r"cơ quan tham mưu|tham mưu, giúp việc|tham mưu giúp việc")
_MASS_ORGS = re.compile(r"đoàn thể|tổ chức chính trị xã hội|hội, đoàn thể")
_MASS_HEAD = re.compile(r"^(?:đoàn thanh niên|hội |liên đoàn lao động)")
_SUB_PARTY = re.compile(r"đảng bộ trực thuộc|chi bộ trực thuộc|chi, đảng bộ|đảng bộ cơ sở")
_OFFICES = re.compile(r"\bphòng, ban\b|\bcác phòng\b|\bphòng chuyên môn\b|\bđơn vị thuộc\b")


def _covered(core: str, lines: list[str]) -> bool:
    """True when a recipient line names the body (its core) or a group holding it."""
    words = core.split()
    key = " ".join(words[:4])
    for line in lines:
        if key in line or core in line:
            return True
        party_organ = bool(_PARTY_COMMITTEE.search(core)) or bool(_PARTY_ORGAN.match(core))
        if _STATE_UNITS.search(line) and _STATE_UNIT_HEAD.match(core) and not party_organ:
            return True
        if _ADVISERS.search(line) and party_organ:
            return True
        if _MASS_ORGS.search(line) and _MASS_HEAD.match(core):
            return True
        if _SUB_PARTY.search(line) and re.match(r"^(?:đảng ủy|chi bộ)\b", core):
            return True
        if _OFFICES.search(line) and re.match(
            r"^(?:phòng|trung tâm|công an|ban chỉ huy|bộ chỉ huy)\b", core
        ):
            return True
    return False


_PERSON = re.compile(
    r"^(?:Đồng chí|đ/c|Chuyên viên|Cán bộ|Công chức|(?:Phó )?Chủ tịch|Các Phó chủ tịch|Bí thư"
    r"|Phó Bí thư|(?:Phó )?Trưởng|(?:Phó )?Giám đốc|Thủ trưởng|Thành viên)\b",
    re.I,
)


def _bodies(assignments: Sequence[Assignment]) -> Iterator[tuple[Assignment, str]]:
    for a in assignments:
        if not (a.bodies and _PERSON.match(a.bodies[0].strip())):
            for body in a.bodies:
                yield a, body
        yield from _bodies(a.children)


def _real_lines(recipients: Sequence[Recipient]) -> list[str]:
    return [
        _expand(r.text or r.name)
        for r in recipients
        if (r.text or r.name).strip() and not re.fullmatch(r"[\s…._\-–]*", r.text or r.name)
    ]


def _segment(ctx: Context, element: str) -> Segment | None:
    return next((s for s in ctx.segments if s.element == element), None)


def _own(ctx: Context, body: str) -> bool:
    """The issuer itself, its standing board or an organ of its own committee."""
    issuer = _fold(ctx.plan.issuer or "")
    name = _fold(body)
    if issuer and (name in issuer or issuer in name):
        return True
    if _STANDING.match(body):
        return True
    if issuer_is_party(ctx.plan.issuer) is False and re.match(r"(?:Văn phòng|Phòng)\b", body):
        return True  # a State body's own office (Phòng Văn hóa - Xã hội of the UBND xã)
    if issuer_is_party(ctx.plan.issuer) and _PARTY_ORGAN.match(body):
        committee = _PARTY_COMMITTEE.search(body)
        if committee is None:
            return True
        word = _fold(committee[0])
        # the Tỉnh ủy's boards serve a body of the Đảng bộ tỉnh (its Tiểu ban) too
        bo = {
            "tỉnh ủy": "đảng bộ tỉnh",
            "thành ủy": "đảng bộ thành phố",
            "huyện ủy": "đảng bộ huyện",
            "quận ủy": "đảng bộ quận",
            "thị ủy": "đảng bộ thị xã",
        }
        return word in issuer or bo.get(word, word) in issuer
    return False


@rule(
    "KH608",
    "assignee-not-recipient",
    Severity.WARNING,
    vi="“{body}” được giao nhiệm vụ nhưng không có trong nơi nhận",
    en="“{body}” is assigned tasks but is not among the recipients",
    hint_vi="Thêm cơ quan được giao nhiệm vụ vào nơi nhận (để thực hiện, để phối hợp).",
    hint_en="Add the body to the recipients (để thực hiện, để phối hợp).",
    doc="A body named in *Tổ chức thực hiện* (as lead, coordinator or one asked to act: "
    "*Đề nghị ...*) that no line of *Nơi nhận* names: it will not receive the plan it "
    "must carry out. Abbreviations are written out before comparing (`UBND`, `HĐND`, "
    "`UBMTTQVN`, `BCHQS`, `TU`), and a group line covers its members: *Các sở, ban, "
    "ngành* the departments, *Các cơ quan tham mưu, giúp việc* the Party committee's "
    "boards, *Các chi, đảng bộ trực thuộc* the Party cells, *đoàn thể* the mass "
    "organisations, *Như trên* or *các cơ quan tại mục ...* everyone. Only single named "
    "bodies are checked (not *Các ...*, not office-holders), and not the issuer itself, "
    "its standing board, in a Party plan its own boards, in a State plan its own offices "
    "(*Phòng ...*, *Văn phòng*).",
)
def assignee_not_recipient(ctx: Context) -> Iterator[Hit]:
    lines = _real_lines(ctx.plan.recipients)
    if not lines or any(_ALL.search(line) for line in lines):
        return
    seen: set[str] = set()
    for a, body in _bodies(ctx.plan.assignments):
        name = " ".join(unicodedata.normalize("NFC", modern_uy(body)).split())
        if not _BODY_HEAD.match(name) or _NOT_ONE_BODY.search(name) or _own(ctx, name):
            continue
        core = _core(name)
        if not core or core in seen or _covered(core, lines):
            continue
        seen.add(core)
        segment = _segment(ctx, a.id)
        printed = " ".join(unicodedata.normalize("NFC", body).split())
        at = segment.text.find(printed) if segment is not None else -1
        if segment is not None and at != -1:
            yield Hit(segment=segment, start=at, end=at + len(printed), args={"body": printed})
        else:
            yield Hit(element=a.id, location=a.location, excerpt=printed, args={"body": printed})


# one line, several recipients: "Báo và PTTH tỉnh; các cơ quan báo chí",
# "TT ĐU-HĐND-UBND-MTTQ xã", "Ủy ban Kiểm tra Đảng ủy, Ban Xây dựng Đảng, VP Đảng ủy"
_INNER_SEMICOLON = re.compile(r";\s*(?=\S)(?![\s;.]*$)(?!\()")
_ACRONYM_CHAIN = re.compile(r"\b[A-ZĐ]{2,}(?:\s*-\s*[A-ZĐ]{2,}){2,}\b")
_BODY_START = re.compile(
    r"^(?:Ủy ban|Uỷ ban|UBND|HĐND|Ban|VP|Văn phòng|Sở|Phòng|Công an|Báo|Đài|Viện|Tòa án|TAND"
    r"|Hội đồng|Trung tâm|Chi cục|Cục|Bộ|Thường trực|TT\.?|Đảng ủy|Đảng uỷ|Chi bộ|MTTQ|UBMTTQ)\b"
)


def _packed(text: str) -> re.Match[str] | None:
    """Where a line packs a second recipient: the separator and the word after it."""
    line = text.rstrip().rstrip(";,. ")
    if ":" in line:
        return None  # "Các Sở: XD, TC": one group, its members listed
    inner = _INNER_SEMICOLON.search(line)
    if inner is not None:
        return re.compile(r";\s*[^\W\d_]+").search(line, inner.start())
    chain = _ACRONYM_CHAIN.search(line)
    if chain is not None:
        return re.compile(r"\s*-\s*[A-ZĐ]+").search(line, chain.start())
    body = re.sub(r"^\s*[-–+•]\s*", "", line)
    parts = [p.strip() for p in re.split(r",\s*", body)]
    if len(parts) >= 3 and all(_BODY_START.match(p) for p in parts):
        return re.compile(r",\s*[^\W\d_]+").search(line)
    return None


@rule(
    "KH609",
    "recipients-on-one-line",
    Severity.INFO,
    vi="Một dòng nơi nhận gộp nhiều nơi nhận: “{line}”",
    en="One recipients line packs several recipients: “{line}”",
    hint_vi="Ghi mỗi nơi nhận trên một dòng, bắt đầu bằng gạch đầu dòng.",
    hint_en="Give each recipient its own line, each starting with a dash.",
    doc="A line of *Nơi nhận* that holds several recipients: two lines run together at a "
    "semicolon (`Báo và PTTH tỉnh; các cơ quan báo chí`), acronyms chained with hyphens "
    "(`TT ĐU-HĐND-UBND-MTTQ xã`), or three or more bodies separated by commas (`Ủy ban "
    "Kiểm tra Đảng ủy, Ban Xây dựng Đảng, VP Đảng ủy`). A group with its members after "
    "a colon (`Các Sở: XD, TC`) and the offices of one body (`Thường trực HĐND, UBND xã`) "
    "are not reported.",
)
def recipients_on_one_line(ctx: Context) -> Iterator[Hit]:
    for r in ctx.plan.recipients:
        segment = _segment(ctx, r.id)
        text = segment.text if segment is not None else unicodedata.normalize("NFC", r.text)
        m = _packed(text)
        if m is None:
            continue
        line = " ".join(text.strip().lstrip("-–+• ").rstrip(";,. ").split())
        if segment is not None:
            yield Hit(segment=segment, start=m.start(), end=m.end(), args={"line": line})
        else:
            yield Hit(element=r.id, location=r.location, excerpt=text, args={"line": line})


# the superior body printed above the issuer -> the names its committee goes by
_COMMITTEE_OF = [
    (re.compile(r"^đảng bộ tỉnh\b"), ("tỉnh ủy",)),
    (re.compile(r"^đảng bộ thành phố\b"), ("thành ủy", "tỉnh ủy")),
    (re.compile(r"^đảng bộ huyện\b"), ("huyện ủy",)),
    (re.compile(r"^đảng bộ quận\b"), ("quận ủy",)),
    (re.compile(r"^đảng bộ thị xã\b"), ("thị ủy",)),
    (re.compile(r"^đảng bộ (?:xã|phường|thị trấn)\b"), ("đảng ủy",)),
]


def _superior_names(superior: str) -> tuple[str, ...]:
    """What a recipients line calls the superior body.

    >>> _superior_names("ĐẢNG BỘ TỈNH KHÁNH HOÀ"), _superior_names("THÀNH ĐOÀN HÀ NỘI")
    (('tỉnh ủy',), ('thành đoàn hà nội',))
    """
    name = _fold(superior)
    for pattern, names in _COMMITTEE_OF:
        if pattern.match(name):
            return names
    core = _core(superior)
    return (core,) if core else ()


@rule(
    "KH610",
    "superior-not-recipient",
    Severity.WARNING,
    vi="Cơ quan cấp trên trực tiếp “{superior}” không có trong nơi nhận",
    en="The direct superior “{superior}” is not among the recipients",
    hint_vi="Gửi kế hoạch về cấp trên trực tiếp (để báo cáo).",
    hint_en="Send the plan to the direct superior (for report).",
    doc="The header prints the body above the issuer (*ĐẢNG BỘ TỈNH KHÁNH HÒA* above "
    "*ĐẢNG ỦY XÃ CÔNG HẢI*, *THÀNH ĐOÀN HÀ NỘI* above *BCH ĐOÀN XÃ ...*), and no line "
    "of *Nơi nhận* names it or its committee (*Tỉnh ủy* for an *Đảng bộ tỉnh*, in any "
    "of its bodies: *Ban Thường vụ Tỉnh ủy*, *Thường trực Tỉnh ủy*, *TU*).",
)
def superior_not_recipient(ctx: Context) -> Iterator[Hit]:
    superior = ctx.plan.superior_body
    lines = _real_lines(ctx.plan.recipients)
    if not superior or not lines or "…" in superior:
        return
    names = _superior_names(superior)
    if not names or any(n in line for n in names for line in lines):
        return
    first = ctx.plan.recipients[0]
    yield Hit(element="recipients", location=first.location, args={"superior": superior})
