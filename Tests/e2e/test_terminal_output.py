"""One sanitiser for every line that reaches a terminal, and closed pipes.

The one-shot commands and the startup errors run under a real pseudo-terminal against a hostile
Twilio (hostile_text.py): the raw bytes they write must hold no escape sequence, no C0/C1 control
and no bidi control, and nothing of the payloads. JSON stays exact. A closed pipe ends a command
quietly."""
import json
import os
import subprocess

import pytest

from conftest import Sim, confwatch_binary
from hostile_text import (BAD_CONF, BAD_DATE, DIAL, EMPTY, HOSTILE, REFUSES, ROWS, HostileTwilio, run_in_pty,
                          terminal_hazards)


@pytest.fixture
def hostile():
    server = HostileTwilio()
    yield server
    server.stop()


@pytest.mark.parametrize("args,needle", [
    (["list", EMPTY], "no participants in room"),                          # the friendly name
    (["list", ROWS], "CALL SID"),                                          # a table of hostile labels
    (["dial", DIAL, "--to", "+15558675310", "--from", "+15017122661"], "status queued"),  # a dial-out's status
    (["mute", REFUSES, "CA" + "0" * 32], "see https://www.twilio.com/docs/errors/21999"),  # an error's more_info
    (["list", BAD_DATE], "could not be read"),                             # a warning quoting a bad date; the list is shown
    (["watch", BAD_CONF], "could not be read"),                            # the same, from watch at startup
])
def test_one_shot_output_reaches_the_terminal_clean(hostile, tmp_path, args, needle):
    status, raw = run_in_pty([confwatch_binary(), *args], hostile.env(XDG_STATE_HOME=str(tmp_path), HOME=str(tmp_path),
                                                                      XDG_CONFIG_HOME=str(tmp_path)))
    text = raw.decode("utf-8", errors="replace")
    assert needle in text, text
    assert terminal_hazards(raw) == [], text
    if args[0] in ("mute", "watch"):
        assert status == 1
        assert len([line for line in text.splitlines() if line.strip()]) == 1, "one line"
    else:
        assert status == 0, text


def test_a_keymap_error_echoing_the_file_reaches_the_terminal_clean(hostile, tmp_path):
    directory = tmp_path / "confwatch"
    directory.mkdir()
    # TOML escapes let a file hold the very bytes the precheck refuses raw.
    (directory / "keymap.toml").write_text('[keys]\nj = "move-down"\nk = "\\u001b]0;PWNED\\u0007\\u001b]52;c;Y2xpcGJvYXJk\\u0007"\n')
    status, raw = run_in_pty([confwatch_binary(), "watch", ROWS], hostile.env(XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path)))
    text = raw.decode("utf-8", errors="replace")
    assert status == 1 and "keymap.toml:3: unknown command" in text, text
    assert terminal_hazards(raw) == [], text


def test_json_on_a_terminal_is_exact_and_escaped(hostile, tmp_path):
    status, raw = run_in_pty([confwatch_binary(), "list", ROWS, "--output", "json"], hostile.env(XDG_STATE_HOME=str(tmp_path)))
    assert status == 0
    assert terminal_hazards(raw, payloads=False) == [], "the payloads are there, but escaped"
    rows = json.loads(raw.decode().replace("\r\n", "\n"))
    assert [row["label"] for row in rows] == [HOSTILE, "plain"], "the API's data, exactly"


def test_redirected_output_is_left_as_it_is(hostile):
    """Neither stdout nor stderr is a terminal: a script gets the bytes (tables are sanitised by
    their cells anyway; this is the one-line message, here as the server wrote it)."""
    result = subprocess.run([confwatch_binary(), "list", EMPTY], capture_output=True, env=hostile.env(), timeout=30)
    assert result.returncode == 0
    assert ("room" + HOSTILE).encode() in result.stdout


def test_a_closed_pipe_ends_the_command_quietly(tmp_path):
    sim = Sim(["--activity", "none", "--conferences", "1", "--participants", "1000", "--seed", "3"])
    try:
        read, write = os.pipe()
        process = subprocess.Popen([confwatch_binary(), "list", "standup"], stdout=write, stderr=subprocess.PIPE, env=sim.env())
        os.close(write)
        first = os.read(read, 200)  # as `head -1` does: read a little, then go away
        os.close(read)
        _, stderr = process.communicate(timeout=60)
        assert first.startswith(b"CALL SID")
        assert b"Fatal error" not in stderr and stderr == b"", stderr.decode()
        # Killed by SIGPIPE as `cat` would be: the shell reports 141.
        assert process.returncode in (0, -13, 141), process.returncode
    finally:
        sim.stop()
