"""A server that echoes the Authorization header, the credentials or the token in its error text has none
of it shown or kept: not on stdout or stderr of a command, not on the dashboard's screen, not in the audit
trail. A real `confwatch sim` behind a careless proxy (hostile_echo.py) that echoes what it is sent."""
import base64
import os
import pathlib
import shutil

import pytest

from conftest import wait_until
from hostile_echo import HostileEcho
from test_dashboard import a_label, select

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def echo(sim):
    proxy = HostileEcho(sim.url)
    yield proxy, sim
    proxy.stop()


def forms_of_the_secret(sim):
    decoded = f"{sim.account_sid}:{sim.token}"
    return [sim.token, decoded, base64.b64encode(decoded.encode()).decode()]


def audit_text(sim):
    path = pathlib.Path(sim.state_home) / "confwatch" / "audit.jsonl"
    return path.read_text() if path.exists() else ""


@pytest.mark.parametrize("shape", ["json", "html"])
def test_a_command_never_prints_or_keeps_what_the_server_echoed(echo, confwatch, shape):
    proxy, sim = echo
    proxy.echo("POST", "/Participants/", shape)
    target = a_label(sim)
    result = confwatch("mute", "standup", target, env=sim.env(CONFWATCH_API_URL=proxy.url))
    assert result.returncode == 1, result
    assert proxy.echoed == 1
    said = result.stdout + result.stderr
    assert "<redacted>" in said, said
    for secret in forms_of_the_secret(sim):
        assert secret not in said, said
        assert secret not in audit_text(sim)
    record = sim.audit()[-1]
    assert record["result"] == "failed", record
    if shape == "json":
        assert "<redacted>" in record["message"], record


@pytest.mark.parametrize("shape", ["json", "html"])
@pytest.mark.parametrize("output", ["table", "json"])
def test_list_never_prints_what_the_server_echoed(echo, confwatch, shape, output):
    proxy, sim = echo
    proxy.echo("GET", "/Participants.json", shape)
    result = confwatch("list", "standup", "--output", output, env=sim.env(CONFWATCH_API_URL=proxy.url))
    assert result.returncode != 0, result
    assert proxy.echoed >= 1
    said = result.stdout + result.stderr
    assert "<redacted>" in said, said
    for secret in forms_of_the_secret(sim):
        assert secret not in said, said


def test_the_dashboard_never_shows_or_keeps_what_the_server_echoed(echo, dash):
    proxy, sim = echo
    open_dashboard, _ = dash
    tmux = open_dashboard("--request-timeout", "2", extra_env={"CONFWATCH_API_URL": proxy.url})
    tmux.wait_for("moderator")
    label = a_label(sim, muted=False)
    select(tmux, label)
    proxy.echo("POST", "/Participants/")
    tmux.keys("m")
    tmux.wait_for(rf"you: mute {label} ✗ 21210")
    wait_until(lambda: "21210" in audit_text(sim), what="the audit record")
    # Now every poll fails with the echo too: the STALE line tells the error.
    proxy.echo("GET", "/Participants.json", "html")
    screen = tmux.wait_for(r"STALE \d+s · \d+ failed")
    assert "HTTP 502" in screen
    tmux.keys("l")
    tmux.wait_for("The meeting so far")
    seen = tmux.screen(escapes=True) + screen
    for secret in forms_of_the_secret(sim):
        assert secret not in seen, seen
        assert secret not in audit_text(sim)
    assert "<redacted>" in seen
