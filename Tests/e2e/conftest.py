"""Shared fixtures: the built confwatch binary and a `confwatch sim` process on a free loopback port."""
import base64
import json
import os
import pathlib
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tmux_screen import Tmux

ROOT = pathlib.Path(__file__).resolve().parents[2]
ACCOUNT_SID = "ACc0ffee00000000000000000000000000"
SIM_TOKEN = "e2e-sim-token-4b1d"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "serial: timed against the poll interval; runs alone, never beside another test (scripts/test runs the rest two at a time)")


def confwatch_binary() -> str:
    path = os.environ.get("CONFWATCH_BIN") or str(ROOT / ".build" / "debug" / "confwatch")
    if not os.access(path, os.X_OK):
        pytest.exit(f"{path} is missing: run `swift build` first (scripts/test does)", returncode=2)
    return path


def wait_until(check, timeout=8.0, what="condition"):
    """Calls `check` until it returns something true (returned); fails after `timeout` seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Sim:
    """A running `confwatch sim` and how to reach it."""

    def __init__(self, args=(), port=0):
        env = dict(os.environ, CONFWATCH_SIM_AUTH_TOKEN=SIM_TOKEN)
        self.args = list(args)
        self.process = subprocess.Popen(
            [confwatch_binary(), "sim", "--port", str(port), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"sim did not print its URL: {self.url!r} {self.process.stderr.read()}")
        self.account_sid = ACCOUNT_SID
        self.token = SIM_TOKEN
        # Commands run against this simulator keep their audit trail here, not in the real home.
        self.state_home = tempfile.mkdtemp(prefix="confwatch-state-")

    @property
    def port(self):
        return int(self.url.rsplit(":", 1)[1])

    def restart(self):
        """Starts the same simulator again on the same port (same seed: same conferences)."""
        self.stop()
        again = Sim(self.args, port=self.port)
        self.process, self.url = again.process, again.url

    def total_requests(self):
        return self.json("GET", "/_sim/requests")[1]["total"]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    @property
    def account_path(self):
        return f"/2010-04-01/Accounts/{self.account_sid}"

    def env(self, **extra):
        """Environment for a confwatch client command pointed at this simulator."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("TWILIO_") and k != "CONFWATCH_API_URL"}
        env.update(CONFWATCH_API_URL=self.url, TWILIO_ACCOUNT_SID=self.account_sid, TWILIO_AUTH_TOKEN=self.token,
                   XDG_STATE_HOME=self.state_home)
        env.update(extra)
        return env

    def audit(self):
        """The audit trail's records (JSON lines) written by commands run with env()."""
        path = pathlib.Path(self.state_home) / "confwatch" / "audit.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines()]

    def request(self, method, path, form=None, token=None):
        """Plain HTTP with Basic auth; returns (status, headers, body bytes)."""
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        auth = base64.b64encode(f"{self.account_sid}:{token or self.token}".encode()).decode()
        request.add_header("Authorization", "Basic " + auth)
        if data is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, method, path, form=None):
        status, _, body = self.request(method, path, form)
        return status, (json.loads(body) if body else None)

    def conferences(self, statuses=("in-progress", "init", "completed")):
        """Every conference with one of `statuses` (a list without Status gives only those in progress)."""
        return [c for status in statuses
                for c in self.json("GET", f"{self.account_path}/Conferences.json?Status={status}&PageSize=1000")[1]["conferences"]]

    def conference(self, name):
        return next(c for c in self.conferences() if c["friendly_name"] == name)

    def participants(self, conference_sid):
        """Every participant, following the pages when the simulator serves them a few at a time."""
        body = self.json("GET", f"{self.account_path}/Conferences/{conference_sid}/Participants.json?PageSize=1000")[1]
        found = list(body["participants"])
        while body.get("next_page_uri"):
            body = self.json("GET", body["next_page_uri"])[1]
            found += body["participants"]
        return found

    def requests_seen(self):
        return self.json("GET", "/_sim/requests")[1]["requests"]

    def polls_seen(self):
        """The participant-list GETs seen: the dashboard's polls (its call and recording reads left out)."""
        return sum(1 for r in self.requests_seen() if r["method"] == "GET" and r["path"].endswith("/Participants.json"))

    def wait_for_calls_read(self, count):
        """Waits until `count` call reads have been answered (the dashboard reads each participant's call once)."""
        wait_until(lambda: sum(1 for r in self.requests_seen() if "/Calls/" in r["path"]) >= count, what=f"{count} call reads")

    def set_faults(self, *specs):
        status, _ = self.json("PUT", "/_sim/faults", {"spec": list(specs)})
        assert status == 200

    def clear_requests(self):
        self.request("DELETE", "/_sim/requests")


@pytest.fixture
def sim():
    """A deterministic simulator: no activity, 2 conferences of 5."""
    s = Sim(["--activity", "none", "--conferences", "2", "--participants", "5", "--seed", "42", "--ring-after", "0.2", "--answer-after", "0.5"])
    yield s
    s.stop()


@pytest.fixture
def confwatch():
    """Runs a confwatch command; returns the CompletedProcess (text)."""
    binary = confwatch_binary()

    def run(*args, env=None, timeout=30):
        return subprocess.run([binary, *args], capture_output=True, text=True, env=env, timeout=timeout)

    return run


@pytest.fixture
def dash(sim, tmp_path):
    """Yields (open_dashboard, sim): open_dashboard(*flags) runs `confwatch watch standup` in tmux against the sim."""
    sessions = []

    def open_dashboard(*args, conference="standup", width=120, height=35, extra_env=None, interval="0.25"):
        env = sim.env(XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path), TERM="xterm-256color")
        env.pop("NO_COLOR", None)
        env.update(extra_env or {})
        command = " ".join([confwatch_binary(), "watch", *([conference] if conference else []), "--interval", interval, *args])
        allowed = {"CONFWATCH_API_URL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME", "TERM", "PATH", "NO_COLOR"}
        tmux = Tmux(command, env={k: env[k] for k in env if k in allowed | set(extra_env or {})}, width=width, height=height)
        sessions.append(tmux)
        return tmux

    yield open_dashboard, sim
    for tmux in sessions:
        tmux.kill()
