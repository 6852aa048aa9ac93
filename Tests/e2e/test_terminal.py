"""The dashboard in a real terminal (tmux): bracketed paste, a locale without UTF-8, terminals that
cannot draw a screen, and Ctrl-Z job control."""
import os
import re
import signal
import tempfile

import pytest

from conftest import confwatch_binary, wait_until
from tmux_screen import Tmux


def writes_seen(sim):
    return [r for r in sim.requests_seen() if r["method"] in ("POST", "DELETE")]


def test_a_paste_is_text_never_keys(dash):
    open_dashboard, sim = dash
    tmux = open_dashboard()
    tmux.wait_for("moderator")
    tmux.keys("/")
    tmux.wait_for(r"^/█")
    # What the issue pasted: a name, a line break, then M (mute all), x (kick) and y (yes).
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("bob\nMxy")
    try:
        tmux.run("load-buffer", "-b", "pasted", f.name)
    finally:
        os.remove(f.name)
    tmux.run("paste-buffer", "-p", "-b", "pasted", "-t", "t")
    screen = tmux.wait_for(r"^/bob Mxy█")
    assert "Mute" not in screen and "Kick" not in screen, "no question was asked"
    assert writes_seen(sim) == [], "nothing was sent"
    # Outside a text field a paste only says so.
    tmux.keys("Escape")
    tmux.wait_for(r"^/", absent=True)
    tmux.run("paste-buffer", "-p", "-b", "pasted", "-t", "t")
    tmux.wait_for("pasted text ignored")
    assert writes_seen(sim) == []


def test_without_utf8_the_dashboard_draws_in_ascii(dash):
    open_dashboard, _ = dash
    tmux = open_dashboard(extra_env={"LANG": "C", "LC_ALL": "C"})
    tmux.wait_for(r"^- events ---")
    tmux.wait_for("moderator")
    screen = tmux.screen()
    lines = screen.splitlines()
    assert lines[0].startswith(" confwatch  standup  CF"), lines[0]
    assert "PARTICIPANT" in lines[2] and "STATUS" in lines[2]
    assert all(ord(c) < 0x80 for c in screen), [c for c in screen if ord(c) >= 0x80]
    assert "M-" not in screen and "~@" not in screen, "no byte drawn as M-x"
    assert all(len(line) <= 120 for line in lines)
    assert re.search(r"sort: joined \^", screen), "the arrow as ^"
    assert lines[-1].startswith("m mute")
    # Boxes too: the help has its frame in ASCII.
    tmux.keys("?")
    help_screen = tmux.wait_for(r"\+-+ Help")
    assert all(ord(c) < 0x80 for c in help_screen)


@pytest.mark.parametrize("term,needle", [
    ("dumb", "TERM=dumb cannot move the cursor"),
    ("no-such-terminal-here", "TERM=no-such-terminal-here has no usable terminfo entry"),
])
def test_a_terminal_that_cannot_draw_is_refused_in_one_line(dash, term, needle):
    open_dashboard, sim = dash
    tmux = open_dashboard(extra_env={"TERM": term})
    screen = tmux.wait_for("EXITED-1")
    lines = [line for line in screen.splitlines() if line.strip()]
    end = lines.index("EXITED-1")
    # tmux wraps a line longer than its 120 columns: the rows before EXITED-1 are that one line.
    message = "".join(lines[:end])
    assert message.startswith("confwatch: ") and needle in message, screen
    assert message.count("confwatch: ") == 1 and message.endswith("(confwatch --help)"), "one line, then the shell"


def shell(sim, tmp_path):
    """An interactive bash in tmux with job control, pointed at the simulator."""
    env = sim.env(XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path), TERM="xterm-256color", PS1="shell$ ")
    names = ("CONFWATCH_API_URL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME", "TERM", "PATH", "PS1")
    return Tmux("bash --norc --noprofile -i", env={k: env[k] for k in names if k in env})


def test_ctrl_z_suspends_and_fg_repaints(sim, tmp_path):
    tmux = shell(sim, tmp_path)
    try:
        tmux.wait_for(r"shell\$\s*$")
        tmux.type(f"{confwatch_binary()} watch standup --interval 0.25")
        tmux.keys("Enter")
        tmux.wait_for("moderator")
        tmux.keys("C-z")
        screen = tmux.wait_for(r"Stopped")
        assert "PARTICIPANT" not in screen, "the alternate screen was left"
        assert re.search(r"shell\$\s*$", screen, re.M), "the prompt is back"
        assert tmux.run("display-message", "-p", "-t", "t", "#{cursor_flag}").stdout.strip() == "1", "the cursor is visible"
        # The shell works as usual (the terminal is in its own mode): its job table names the dashboard.
        tmux.type("jobs -p")
        tmux.keys("Enter")
        pid = int(wait_until(lambda: re.search(r"^(\d+)$", tmux.screen(), re.M), what="the job's pid").group(1))
        tmux.type("fg")
        tmux.keys("Enter")
        screen = tmux.wait_for(r"^ confwatch  standup")
        tmux.wait_for("moderator")
        assert "Stopped" not in tmux.screen(), "every cell painted again"
        tmux.keys("?")
        tmux.wait_for("Help — keymap default")  # keys work again: raw mode is back
        tmux.keys("Escape")
        tmux.wait_for("Help — keymap", absent=True)
        # SIGTSTP from outside (kill -TSTP) suspends the same way.
        os.kill(pid, signal.SIGTSTP)
        wait_until(lambda: tmux.screen().count("Stopped") == 2, what="stopped again")
        tmux.type("fg")
        tmux.keys("Enter")
        tmux.wait_for(r"^ confwatch  standup")
        tmux.keys("q")
        tmux.wait_for(r"shell\$\s*$")
    finally:
        tmux.kill()
