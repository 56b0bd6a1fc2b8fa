"""Output safety: each kind of destination is written as its kind requires, nothing harmed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kehoach_core import OutputError
from kehoach_core._atomic import check_output, write_atomic

posix = pytest.mark.skipif(os.name != "posix", reason="devices, FIFOs and symlinks: POSIX")


def test_a_new_file_gets_the_mode_a_plain_open_would(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    write_atomic(target, "{}\n")
    assert target.read_text() == "{}\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


@posix
def test_a_file_replaced_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix
def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


@posix
def test_a_device_is_written_through_not_replaced() -> None:
    write_atomic("/dev/null", "anything")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@posix
def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert got == ["through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dash_is_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    write_atomic("-", "to stdout\n")
    assert capsys.readouterr().out == "to stdout\n"


def test_an_input_or_a_folder_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH")
    with pytest.raises(OutputError, match="one of the inputs"):
        write_atomic(plan, "x", inputs=[plan])
    with pytest.raises(OutputError, match="one of the inputs"):
        check_output(tmp_path / "." / "plan.txt", [plan])
    assert plan.read_text() == "KẾ HOẠCH"
    with pytest.raises(OutputError, match="directory"):
        write_atomic(tmp_path, "x")


def test_leftovers_of_a_killed_run_are_swept(tmp_path: Path) -> None:
    """A temporary file named after a process that is gone is removed by the next write."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                           capture_output=True, text=True)  # fmt: skip
    dead = int(child.stdout)
    stale = tmp_path / f".plan.json.kehoach-{dead}-abc.tmp"
    stale.write_text("half")
    mine = tmp_path / f".other.json.kehoach-{os.getpid()}-x.tmp"
    mine.write_text("in progress")
    write_atomic(tmp_path / "plan.json", "{}")
    assert not stale.exists()
    assert mine.exists()  # a live process's file is left alone
    assert sorted(p.name for p in tmp_path.iterdir()) == [mine.name, "plan.json"]


@posix
def test_a_killed_writer_leaves_at_most_a_file_the_next_run_sweeps(tmp_path: Path) -> None:
    """SIGKILL in the middle of writing a large output: nothing is left, or only a
    temporary file of a dead process, which the next write removes."""
    script = (
        "import sys; sys.path.insert(0, {!r})\n"
        "from kehoach_core._atomic import write_atomic\n"
        "write_atomic({!r}, b'x' * (200 * 1024 * 1024))\n"
    ).format(str(Path(__file__).resolve().parents[1] / "src"), str(tmp_path / "big.bin"))
    process = subprocess.Popen([sys.executable, "-c", script])
    try:
        process.wait(timeout=0.8)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    write_atomic(tmp_path / "small.txt", "ok")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left in (["small.txt"], ["big.bin", "small.txt"])


def test_the_command_line_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    from kehoach_core.cli import main

    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\n- Một.\n", encoding="utf-8")
    assert main(["read", str(plan), "-o", str(plan)]) == 2
    assert plan.read_text(encoding="utf-8").startswith("KẾ HOẠCH")
    assert main(["docx", str(plan), "-o", str(plan)]) == 2
    assert main(["read", str(plan), "-o", "-"]) == 0
