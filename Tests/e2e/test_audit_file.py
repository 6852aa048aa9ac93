"""The audit trail's file under the faults a disk and a home folder have: a FIFO where the file should be
(a file that never answers) stops neither polling, nor keys, nor quitting; a full disk (RLIMIT_FSIZE: a
write that stops half-way, then EFBIG) leaves no torn line and says why in the real errno's words, and `V`
still shows every whole record; the file is made private and is never followed through a symbolic link.
Real processes: the dashboard in tmux and one-shot commands against `confwatch sim`."""
import json
import os
import pathlib
import resource
import shutil
import signal
import stat
import subprocess

import pytest

from conftest import confwatch_binary, wait_until
from test_dashboard import a_label, opened, select

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def audit_path(sim):
    path = pathlib.Path(sim.state_home) / "confwatch" / "audit.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def dashboard_pid(tmux):
    """The dashboard process: the child of the tmux pane's shell running confwatch."""
    children = subprocess.run(["pgrep", "-P", str(tmux.pane_pid())], capture_output=True, text=True).stdout.split()
    found = [int(pid) for pid in children if "confwatch" in pathlib.Path(f"/proc/{pid}/cmdline").read_text()]
    assert found, "the dashboard process"
    return found[0]


@pytest.mark.parametrize("how", ["q", "SIGTERM"])
def test_a_fifo_at_the_audit_path_stops_neither_polling_nor_keys_nor_quitting(dash, how):
    open_dashboard, sim = dash
    path = audit_path(sim)
    os.mkfifo(path)
    tmux, _ = opened(dash)
    label = a_label(sim, muted=False)
    select(tmux, label)
    # More records waiting on the file than Swift's shared pool has threads, each after its answer
    # (the row says `✓ mute`, then `✓ unmute`, and so on).
    for n in range((os.cpu_count() or 2) + 2):
        tmux.keys("m")
        tmux.wait_for("✓ mute" if n % 2 == 0 else "✓ unmute")
    screen = tmux.wait_for(r"is a FIFO, not a regular file")
    assert "audit trail not written" in screen
    polls = sim.polls_seen()
    wait_until(lambda: sim.polls_seen() >= polls + 4, timeout=10, what="polling going on")
    tmux.keys("V")
    tmux.wait_for(r"could not read it: .*is a FIFO")
    if how == "q":
        tmux.keys("Escape", "q")
        tmux.wait_for("EXITED-0", timeout=10)
    else:
        os.kill(dashboard_pid(tmux), signal.SIGTERM)
        tmux.wait_for("EXITED-143", timeout=10)
    assert stat.S_ISFIFO(os.stat(path).st_mode), "left as it was"


def limited_to(size):
    """A child process's file size limit (RLIMIT_FSIZE): writes past it stop half-way, then fail with EFBIG.
    SIGXFSZ keeps its default action: confwatch itself must not die of it."""
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return apply


def test_a_full_disk_leaves_no_torn_line_says_why_and_v_shows_every_whole_record(dash):
    open_dashboard, sim = dash
    path = audit_path(sim)
    target = a_label(sim, muted=False)
    binary = confwatch_binary()
    first = subprocess.run([binary, "mute", "standup", target], capture_output=True, text=True, env=sim.env(), timeout=30)
    assert first.returncode == 0, first.stderr
    before = path.read_bytes()
    assert before.count(b"\n") == 1
    full = subprocess.run([binary, "unmute", "standup", target], capture_output=True, text=True, env=sim.env(), timeout=30,
                          preexec_fn=limited_to(len(before) + 40))
    assert full.returncode == 0, full.stderr  # the action itself went ahead
    assert f"warning: audit trail not written: cannot write {path}: File too large" in full.stderr, full.stderr
    assert "Success" not in full.stderr
    assert path.read_bytes() == before, "nothing half-written is left"
    again = subprocess.run([binary, "mute", "standup", target], capture_output=True, text=True, env=sim.env(), timeout=30)
    assert again.returncode == 0, again.stderr
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["action"] for r in records] == ["mute", "mute"], "the next record does not join a torn line"
    tmux, _ = opened(dash)
    tmux.keys("V")
    screen = tmux.wait_for(r"Your actions")
    assert screen.count(f"mute {target}") == 2, screen


def test_the_audit_file_is_made_private_and_never_followed_through_a_link(sim, confwatch, tmp_path):
    path = audit_path(sim)
    target = a_label(sim)
    path.write_text("")
    path.chmod(0o644)
    done = confwatch("mute", "standup", target, env=sim.env())
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    path.unlink()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("untouched\n")
    path.symlink_to(elsewhere)
    linked = confwatch("unmute", "standup", target, env=sim.env())
    assert linked.returncode == 0, linked.stderr
    assert f"warning: audit trail not written: {path} is a symbolic link, which the audit trail does not follow" in linked.stderr
    assert elsewhere.read_text() == "untouched\n"
