"""Calendars imported into a CalDAV server: Radicale, in this process, on a free localhost port.

Each calendar is PUT as a whole collection and read back with GET; the server
must keep every event, UID and summary, and log no warning while doing so.
Skips when Radicale is not installed (``pip install radicale``).
"""

from __future__ import annotations

import base64
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from icalendar import Calendar

from kehoach_core import Plan, cli
from kehoach_core.ical import Schedule, to_ical

radicale = pytest.importorskip("radicale")

Request = Callable[[str, str, bytes | None], tuple[int, bytes]]


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def caldav(tmp_path: Path) -> Iterator[Request]:
    """A Radicale server with no authentication and its storage in a temporary folder."""
    import radicale.config

    configuration = radicale.config.load()
    configuration.update(
        {
            "storage": {"filesystem_folder": str(tmp_path / "collections")},
            "auth": {"type": "none"},
        },
        "test",
        privileged=True,
    )
    application = radicale.Application(configuration)
    server = make_server("127.0.0.1", 0, application, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    login = "Basic " + base64.b64encode(b"office:x").decode()

    def request(method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {"Authorization": login, "Content-Type": "text/calendar; charset=utf-8"}
        sent = urllib.request.Request(base + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(sent, timeout=10) as answer:
                return int(answer.status), bytes(answer.read())
        except urllib.error.HTTPError as error:
            return int(error.code), error.read()

    try:
        yield request
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _import(caldav: Request, ics: bytes, name: str, caplog: pytest.LogCaptureFixture) -> Calendar:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="radicale"):
        status, answer = caldav("PUT", f"/office/{name}/", ics)
        assert status == 201, answer
        status, stored = caldav("GET", f"/office/{name}/", None)
        assert status == 200
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    return Calendar.from_ical(stored)


def _same_events(ours: bytes, stored: Calendar) -> None:
    original = Calendar.from_ical(ours)

    def key(calendar: Calendar) -> list[tuple[str, str]]:
        return sorted((str(c["UID"]), str(c["SUMMARY"])) for c in calendar.walk() if "UID" in c)

    assert key(stored) == key(original)


@pytest.mark.parametrize("todos", [False, True], ids=["events", "todos"])
def test_the_example_calendar_imports_into_radicale(
    caldav: Request,
    caplog: pytest.LogCaptureFixture,
    plan: Plan,
    schedule: Schedule,
    todos: bool,
) -> None:
    ics = to_ical(plan, schedule, todos=todos).to_ical()
    _same_events(ics, _import(caldav, ics, "example", caplog))


@pytest.mark.corpus
def test_every_corpus_calendar_imports_into_radicale(
    caldav: Request, caplog: pytest.LogCaptureFixture, corpus_dir: Path, tmp_path: Path
) -> None:
    plans = [*sorted(corpus_dir.glob("*.txt")), *sorted((corpus_dir / "web").glob("*.md"))]
    for n, plan in enumerate(plans):
        out = tmp_path / f"{n}.ics"
        assert cli.main(["ics", str(plan), "-o", str(out)]) == 0
        ics = out.read_bytes()
        _same_events(ics, _import(caldav, ics, f"plan{n}", caplog))
