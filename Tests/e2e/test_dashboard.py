"""The dashboard in a real terminal (tmux) against `confwatch sim --activity none`: keys in, screen out,
and the simulator's state checked afterwards."""
import json
import shlex
import os
import re
import shutil
import signal
import subprocess
import time

import pytest

from conftest import confwatch_binary
from tmux_screen import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def participant(sim, label):
    sid = sim.conference("standup")["sid"]
    return next(p for p in sim.participants(sid) if p["label"] == label)


def a_label(sim, **conditions):
    sid = sim.conference("standup")["sid"]
    for p in sim.participants(sid):
        if p["label"] and p["label"] != "moderator" and all(p[k] == v for k, v in conditions.items()):
            return p["label"]
    raise AssertionError(f"no participant with {conditions}")


def select(tmux, label):
    """Selects a participant by searching for its label."""
    tmux.keys("/", "C-u")
    tmux.type(label)
    tmux.keys("Enter")
    tmux.wait_for(rf"/{re.escape(label)}")


def opened(dash, *args, **options):
    """Opens the dashboard (`args` and `options` as open_dashboard takes them) and waits for the first
    participants; returns (tmux, sim)."""
    open_dashboard, sim = dash
    tmux = open_dashboard(*args, **options)
    tmux.wait_for("moderator")
    return tmux, sim


def open_on(dash, *args, **conditions):
    """Opens the dashboard and selects a labelled participant, not the moderator, matching `conditions`."""
    tmux, sim = opened(dash, *args)
    label = a_label(sim, **conditions)
    select(tmux, label)
    return tmux, sim, label


def test_shows_the_conference_and_its_participants(dash):
    open_dashboard, sim = dash
    tmux = open_dashboard()
    tmux.wait_for(r"every 0\.25s")
    screen = tmux.wait_for("moderator")  # the header shows before the first poll; the rows come with it
    assert "standup" in screen and "PARTICIPANT" in screen and "moderator" in screen
    assert "IN CONF" in screen and " SE " in screen, "uses the whole 120-column window"
    assert len(screen.splitlines()[0].rstrip()) > 100
    for p in sim.participants(sim.conference("standup")["sid"]):
        assert (p["label"] or p["call_sid"][-6:]) in screen
    assert re.search(r"5 participants", screen)


def test_mute_and_unmute(dash):
    tmux, sim, label = open_on(dash, muted=False)
    tmux.keys("m")
    tmux.wait_for(rf"you: mute {label} ✓")
    assert participant(sim, label)["muted"] is True
    tmux.keys("m")
    tmux.wait_for(rf"you: unmute {label} ✓")
    assert participant(sim, label)["muted"] is False


def test_a_keymap_by_name_with_the_users_overrides(dash, tmp_path):
    """--keymap vim, then $XDG_CONFIG_HOME/confwatch/keymap.toml moves mute from m to M."""
    config = tmp_path / "config" / "confwatch"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text('[keys]\nM = "toggle-mute"\nm = "none"\n')
    tmux, sim, label = open_on(dash, "--keymap", "vim", muted=False)
    tmux.keys("?")
    screen = tmux.wait_for(r"Help — keymap vim \+ keymap\.toml")
    assert re.search(r"\bM\s+mute / unmute", screen), screen
    assert "^F" in screen, "vim's page-down is in the table"
    tmux.keys("Escape", "m")
    time.sleep(1)  # m is unbound: nothing may happen
    assert participant(sim, label)["muted"] is False
    tmux.keys("M")
    tmux.wait_for(rf"you: mute {label} ✓")
    assert participant(sim, label)["muted"] is True


def test_hold_and_resume(dash):
    tmux, sim, label = open_on(dash, hold=False)
    tmux.keys("h")
    tmux.wait_for(rf"you: hold {label} ✓")
    assert participant(sim, label)["hold"] is True
    tmux.keys("h")
    tmux.wait_for(rf"you: resume {label} ✓")
    assert participant(sim, label)["hold"] is False


def test_hold_with_music_offers_the_configured_url(dash):
    tmux, sim, label = open_on(dash, "--hold-url", "https://example.com/hold.mp3", hold=False)
    tmux.keys("H")
    screen = tmux.wait_for("Hold URL")
    assert "https://example.com/hold.mp3" in screen and "HoldMethod: GET" in screen
    tmux.keys("Tab")
    tmux.wait_for("HoldMethod: POST")
    tmux.keys("Enter")
    tmux.wait_for(rf"you: hold with music {label} ✓")
    sid = sim.conference("standup")["sid"]
    extras = sim.json("GET", f"/_sim/extras/{sid}/{label}")[1]
    assert extras["holdUrl"] == "https://example.com/hold.mp3" and extras["holdMethod"] == "POST"
    assert participant(sim, label)["hold"] is True


def test_kick_asks_first_and_n_cancels(dash):
    tmux, sim, label = open_on(dash)
    tmux.keys("x")
    screen = tmux.wait_for(r"\[y/N\]")
    assert f"Kick {label}" in screen
    tmux.keys("n")
    tmux.wait_for(rf"kick of {label} cancelled")
    assert participant(sim, label)
    tmux.keys("x")
    tmux.wait_for(r"\[y/N\]")
    tmux.keys("y")
    tmux.wait_for(rf"you: kick {label} ✓")
    sid = sim.conference("standup")["sid"]
    assert label not in {p["label"] for p in sim.participants(sid)}


def test_dial_out_form_validates_and_dials_once(dash):
    tmux, sim = opened(dash)
    tmux.keys("d")
    tmux.wait_for("Dial out into standup")
    tmux.type("5558675310")
    tmux.keys("Enter")
    tmux.wait_for(r"To: '5558675310' is not a phone number")
    tmux.keys("C-u")
    tmux.type("+15558675310")
    tmux.keys("Tab")
    tmux.type("+15017122661")
    tmux.keys("Tab")
    tmux.type("e2e-guest")
    tmux.keys("Tab", "Space")
    tmux.keys("Enter")
    tmux.wait_for(r"you: dial \+15558675310 as e2e-guest ✓")
    tmux.wait_for(r"e2e-guest.*connected")
    dialled = participant(sim, "e2e-guest")
    assert dialled["muted"] is True
    posts = [r for r in sim.requests_seen() if r["method"] == "POST" and r["path"].endswith("/Participants.json")]
    assert len(posts) == 1


def test_dial_out_refusal_is_shown_in_the_form(dash):
    tmux, sim = opened(dash)
    tmux.keys("d")
    tmux.type("+15005550002")
    tmux.keys("Tab")
    tmux.type("+15017122661")
    tmux.keys("Enter")
    screen = tmux.wait_for("Twilio refused")
    assert "21214" in screen
    assert "Dial out into standup" in screen, "the form stays open"
    tmux.keys("Escape")
    tmux.wait_for("Dial out", absent=True)


def test_a_dial_out_with_no_clear_answer_warns_and_asks_before_dialling_again(dash):
    tmux, sim = opened(dash)
    sid = sim.conference("standup")["sid"]
    before = len(sim.participants(sid))
    sim.set_faults("reset/POST")
    tmux.keys("d")
    tmux.type("+15558675310")
    tmux.keys("Tab")
    tmux.type("+15017122661")
    tmux.keys("Enter")
    screen = tmux.wait_for("it may have been")
    assert "Twilio refused" not in screen
    sim.set_faults()
    assert len(sim.participants(sid)) == before + 1
    tmux.keys("Enter")
    tmux.wait_for("Enter again dials anyway")
    time.sleep(0.5)
    assert sum(1 for r in sim.requests_seen() if r["method"] == "POST") == 1, "the first Enter only asked"
    tmux.keys("Escape")
    tmux.wait_for("Dial out", absent=True)


@pytest.mark.serial  # the filtered poll is looked for after a fixed 0.6 s
def test_the_list_filter_goes_to_the_server(dash):
    tmux, sim = opened(dash)
    tmux.keys("f")
    screen = tmux.wait_for("filter: muted")
    time.sleep(0.6)
    assert any("Muted=true" in r["query"] for r in sim.requests_seen())
    sid = sim.conference("standup")["sid"]
    screen = tmux.screen()
    for p in sim.participants(sid):
        name = p["label"] or p["call_sid"][-6:]
        if p["muted"]:
            assert name in screen
        elif p["label"] not in (None, "moderator"):
            table = screen.split("─ events")[0]
            assert name not in table


def test_text_filter_narrows_the_table(dash):
    tmux, sim, label = open_on(dash)
    table = tmux.screen().split("─ events")[0]
    assert label in table and "moderator" not in table


def test_help_lists_the_keys(dash):
    tmux, sim = opened(dash)
    tmux.keys("?")
    screen = tmux.wait_for("Help — keymap default")
    assert "mute / unmute" in screen and "kick (asks y/N)" in screen
    tmux.keys("Escape")
    tmux.wait_for("Help —", absent=True)


def test_resize_drops_columns_then_says_too_small(dash):
    open_dashboard, sim = dash
    tmux = open_dashboard()
    tmux.wait_for("LAST CHANGE")
    screen = tmux.resize(72, 20) or tmux.wait_for(" SE ")
    assert "COACHING" not in screen, "nobody coaches: COACHING gives its room to the others"
    tmux.resize(64, 20)
    screen = tmux.wait_for(" SE ", timeout=5, absent=True)
    assert "LAST CHANGE" in screen and "IN CONF" in screen, "the flags go first"
    tmux.resize(56, 20)
    screen = tmux.wait_for("IN CONF", timeout=5, absent=True)
    assert "LAST CHANGE" in screen, "then the time in the conference"
    tmux.resize(52, 20)
    screen = tmux.wait_for("LAST CHANGE", timeout=5, absent=True)
    assert "LAST CHANGE" not in screen and "MUTED" in screen
    assert max(len(line) for line in screen.splitlines()) <= 52
    tmux.resize(40, 10)
    tmux.wait_for("terminal too small")
    tmux.resize(120, 35)
    tmux.wait_for("LAST CHANGE")


def test_picker_without_a_conference(dash):
    open_dashboard, sim = dash
    tmux = open_dashboard(conference=None)
    screen = tmux.wait_for("Conferences in progress")
    tmux.wait_for("incident-bridge")
    screen = tmux.wait_for(r"standup\s+in-progress\s+5")
    tmux.keys("Down", "Up")
    order = [c["friendly_name"] for c in sim.conferences()]
    tmux.keys(*(["Down"] * order.index("incident-bridge")))
    tmux.keys("Enter")
    tmux.wait_for(r"confwatch  incident-bridge")


def test_no_color_draws_without_colours(dash):
    tmux, sim = opened(dash, extra_env={"NO_COLOR": "1"})
    coloured = re.findall(r"\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)[0-9;]*m", tmux.screen(escapes=True))
    assert coloured == []


STTY_MODES = ("icanon", "echo", "isig", "icrnl", "opost")


def stty_modes(path):
    words = open(path).read().split()
    return {mode: (mode in words) for mode in STTY_MODES}


@pytest.mark.serial  # the deliberate fatal error comes 1.5 s after the start
@pytest.mark.parametrize("how", ["q", "ctrl-c", "SIGTERM", "SIGHUP", "SIGINT", "fatal error"])
def test_every_exit_gives_the_terminal_back(sim, tmp_path, how):
    before, after = tmp_path / "before", tmp_path / "after"
    command = (f"stty -a > {before}; {confwatch_binary()} watch standup --interval 0.25 2>/dev/null; "
               f"echo rc=$? > {tmp_path / 'rc'}; stty -a > {after}")
    env = sim.env(XDG_CONFIG_HOME=str(tmp_path), TERM="xterm-256color")
    if how == "fatal error":
        env["CONFWATCH_TEST_FATAL_AFTER"] = "1.5"
    names = ("CONFWATCH_API_URL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "XDG_CONFIG_HOME", "TERM", "PATH", "CONFWATCH_TEST_FATAL_AFTER")
    tmux = Tmux(f"bash -c {shlex.quote(command)}", env={k: env[k] for k in names if k in env})
    try:
        tmux.wait_for("moderator")
        if how == "fatal error":
            pass
        elif how == "q":
            tmux.keys("q")
        elif how == "ctrl-c":
            tmux.keys("C-c")
        else:
            bash = subprocess.run(["pgrep", "-P", str(tmux.pane_pid()), "bash"], capture_output=True, text=True).stdout.split()
            parent = bash[0] if bash else str(tmux.pane_pid())
            children = subprocess.run(["pgrep", "-P", parent], capture_output=True, text=True).stdout.split()
            watch = [pid for pid in children if "confwatch" in open(f"/proc/{pid}/cmdline").read()]
            assert watch, "the dashboard process"
            os.kill(int(watch[0]), getattr(signal, how))
        deadline = time.time() + 10
        while not after.exists() and time.time() < deadline:
            time.sleep(0.1)
        assert after.exists(), tmux.screen()
        assert stty_modes(after) == stty_modes(before)
        assert stty_modes(after)["icanon"] and stty_modes(after)["echo"]
        screen = tmux.wait_for("EXITED")
        assert "PARTICIPANT" not in screen, "the alternate screen was left"
        assert tmux.run("display-message", "-p", "-t", "t", "#{cursor_flag}").stdout.strip() == "1", "the cursor is visible"
        rc = (tmp_path / "rc").read_text().strip()
        expected = {"q": 0, "ctrl-c": 0, "SIGTERM": 143, "SIGHUP": 129, "SIGINT": 130, "fatal error": 132}[how]
        assert rc == f"rc={expected}", rc
    finally:
        tmux.kill()
