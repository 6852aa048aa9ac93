"""Hostile data from the API and bad input from the user: nothing moves the cursor, retitles the
window or breaks the layout; every mistake gets one line naming the field and the fix."""
import json
import os
import re
import subprocess

import pytest

from conftest import confwatch_binary

HOSTILE = [
    "\x1b[2J\x1b[Hcleared",                   # CSI: clear screen, cursor home
    "\x1b]0;PWNED-TITLE\x07osc",              # OSC: set the window title
    "\x1b]2;PWNED-2\x1b\\st",                 # OSC with ST
    "bell\x07\x08\x08back",                   # control characters
    "evil\u202etxt.exe\u202c",                # bidi override
    "\u2066iso\u2069late",                    # bidi isolate
    "会議" * 60,                              # 120 wide characters = 240 cells
    "emoji 👩‍💻🎧🔥🇺🇸 person",
    "x" * 128,
]


def add_hostile_participants(sim):
    sid = sim.conference("standup")["sid"]
    for i, label in enumerate(HOSTILE):
        status, body = sim.json("POST", f"{sim.account_path}/Conferences/{sid}/Participants.json",
                                {"To": f"+1555000{i:04d}", "From": "+15017122661", "Label": label})
        assert status == 201, body
    return sid


def test_hostile_labels_cannot_touch_the_terminal(dash):
    open_dashboard, sim = dash
    add_hostile_participants(sim)
    tmux = open_dashboard(height=40)
    title_before = tmux.run("display-message", "-p", "-t", "t", "#{pane_title}").stdout.strip()
    screen = tmux.wait_for("cleared")
    tmux.wait_for(r"evil\?txt")
    screen = tmux.screen()
    lines = screen.splitlines()
    assert lines[0].startswith(" confwatch  standup"), "the header is still on the first line"
    assert "PARTICIPANT" in lines[2]
    for line in lines:
        cells = sum(2 if ord(c) > 0x1100 and c not in "·…→✓✗─│┌┐└┘▸█‹›" else 1 for c in line)
        assert cells <= 120 + 2, f"line too wide: {line!r}"
    assert "PWNED" not in tmux.run("display-message", "-p", "-t", "t", "#{pane_title}").stdout
    assert tmux.run("display-message", "-p", "-t", "t", "#{pane_title}").stdout.strip() == title_before
    assert "??cleared" in screen, "each whole escape sequence is one ?"
    assert "\u202e" not in screen and "\x1b" not in screen
    # The footer is still where it belongs.
    assert lines[-1].startswith("m mute")


def test_hostile_labels_in_one_shot_output(sim, confwatch):
    add_hostile_participants(sim)
    table = confwatch("list", "standup", env=sim.env())
    assert table.returncode == 0
    assert "\x1b" not in table.stdout and "\u202e" not in table.stdout and "\x07" not in table.stdout
    as_json = json.loads(confwatch("list", "standup", "--output", "json", env=sim.env()).stdout)
    assert {p["label"] for p in as_json} >= set(HOSTILE[:3]), "JSON keeps the API's data exactly, escaped"


# Bad input: one line, naming the field and the fix, non-zero exit.

def one_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("args,needle", [
    (["mute", "CFzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "moderator"], "CONFERENCE"),
    (["mute", "standup", "CAzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"], "PARTICIPANT"),
    (["mute", "no-such-conference", "moderator"], "not found"),
    (["kick", "standup", "nobody-here"], "is not in standup"),
    (["dial", "standup", "--to", "client:", "--from", "+15017122661"], "--to"),
    (["dial", "standup", "--to", "sip:@nohost", "--from", "+15017122661"], "--to"),
    (["dial", "standup", "--to", "+15558675310", "--from", "+15017122661", "--wait-url", "ftp://x"], "--wait-url"),
    (["dial", "standup", "--to", "+15558675310", "--from", "+15017122661", "--timeout", "601"], "--timeout"),
    (["dial", "standup", "--to", "+15558675310", "--from", "+15017122661", "--max-participants", "1"], "--max-participants"),
    (["dial", "standup", "--to", "+15558675310", "--from", "+15017122661", "--status-callback-event", "exploded"], "--status-callback-event"),
    (["hold", "standup", "moderator", "--hold-url", "music.mp3"], "--hold-url"),
    (["hold", "standup", "moderator", "--hold-url", "https://x.example/a.mp3", "--hold-method", "PUT"], "--hold-method"),
    (["list", "standup", "--muted", "True"], "--muted"),
    (["conferences", "--status", "live"], "--status"),
    (["conferences", "--created", "25/11/2026"], "--created"),
    (["watch", "standup", "--interval", "0.1"], "--interval"),
    (["watch", "standup", "--keymap", "nosuch"], "unknown keymap 'nosuch'"),
])
def test_bad_arguments_get_one_clear_line(sim, confwatch, args, needle):
    result = confwatch(*args, env=sim.env())
    assert result.returncode != 0
    line = one_line(result.stderr)
    assert line.startswith("confwatch: ") and needle in line, line


@pytest.mark.parametrize("variables,needle", [
    ({"TWILIO_ACCOUNT_SID": "AC123"}, "TWILIO_ACCOUNT_SID"),
    ({"TWILIO_ACCOUNT_SID": None}, "TWILIO_ACCOUNT_SID is not set"),
    ({"TWILIO_AUTH_TOKEN": None}, "TWILIO_AUTH_TOKEN is not set"),
    ({"TWILIO_API_KEY": "key"}, "TWILIO_API_KEY"),
    ({"CONFWATCH_API_URL": "http://10.1.2.3:8080"}, "loopback"),
    ({"CONFWATCH_API_URL": "not a url"}, "CONFWATCH_API_URL"),
    ({"TWILIO_REGION": "ie1/../../evil", "CONFWATCH_API_URL": None}, "TWILIO_REGION"),
])
@pytest.mark.parametrize("command", [["conferences"], ["watch", "standup"]])
def test_bad_environment_gets_one_clear_line(sim, confwatch, variables, needle, command):
    env = sim.env()
    for name, value in variables.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    if "TWILIO_API_KEY" in variables:
        env["TWILIO_API_SECRET"] = "s"
    result = confwatch(*command, env=env)
    assert result.returncode == 1
    assert needle in one_line(result.stderr)


@pytest.mark.parametrize("file,text,needle", [
    ("config.toml", "interval = 1\n[hold]\nurl = \"music.mp3\"\n", "config.toml:3: [hold] url must be a fully qualified"),
    ("config.toml", "interval = 1\nkeymap = 7\n", "config.toml:2: keymap must be"),
    ("config.toml", "[hold\n", "config.toml:1: not valid TOML"),
    ("keymap.toml", "[keys]\nm = \"toggle-mute\"\nz = \"explode\"\n", "keymap.toml:3: unknown command 'explode'"),
    ("keymap.toml", "[keys]\n\"ctrl-\" = \"quit\"\n", "keymap.toml:2: 'ctrl-' is not a key name"),
    ("keymap.toml", "[keys]\nreturn = \"quit\"\nenter = \"help\"\n", "same key, bound twice"),
])
def test_bad_files_name_the_file_and_the_line(sim, confwatch, tmp_path, file, text, needle):
    directory = tmp_path / "confwatch"
    directory.mkdir()
    (directory / file).write_text(text)
    result = confwatch("watch", "standup", env=sim.env(XDG_CONFIG_HOME=str(tmp_path)))
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert needle in line and str(directory / file) in line, line
