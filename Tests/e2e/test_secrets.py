"""The auth token and the API secret appear nowhere: not in stdout, stderr, logs, the screen, error
messages, or any process's arguments. TLS verification is always on."""
import http.server
import json
import os
import shutil
import ssl
import subprocess
import threading
import time

import pytest

from conftest import ACCOUNT_SID, Sim, confwatch_binary
from tmux_screen import Tmux

TOKEN = "tok-S3CRET-7d1e9a"
API_KEY = "SK0123456789abcdef0123456789abcdef"
API_SECRET = "apisec-S3CRET-42f0"
WRONG = "wrong-S3CRET-b5c2"
SECRETS = (TOKEN, API_SECRET, WRONG)


def all_command_lines():
    lines = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                lines.append(open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace"))
            except OSError:
                pass
    return lines


@pytest.fixture
def secret_sim(monkeypatch):
    monkeypatch.setenv("CONFWATCH_SIM_API_SECRET", API_SECRET)
    process = subprocess.Popen(
        [confwatch_binary(), "sim", "--port", "0", "--activity", "none", "--api-key", API_KEY],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, CONFWATCH_SIM_AUTH_TOKEN=TOKEN, CONFWATCH_SIM_API_SECRET=API_SECRET))
    url = process.stdout.readline().strip()
    first_lines = [url] + [process.stdout.readline() for _ in range(3)]
    yield url, first_lines
    process.terminate()
    process.wait(timeout=10)
    leftovers = process.stdout.read() + process.stderr.read()
    assert not any(s in leftovers for s in SECRETS)


def client_env(url, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWILIO_")}
    env.update(CONFWATCH_API_URL=url, TWILIO_ACCOUNT_SID=ACCOUNT_SID, TWILIO_AUTH_TOKEN=TOKEN)
    env.update(extra)
    return env


def test_no_secret_anywhere(secret_sim, tmp_path, monkeypatch):
    url, sim_lines = secret_sim
    # Every run below writes its actions to this audit trail; it is checked too.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert not any(s in line for line in sim_lines for s in SECRETS), "the simulator does not print a token it was given"
    key_env = client_env(url, TWILIO_API_KEY=API_KEY, TWILIO_API_SECRET=API_SECRET)
    runs = [
        (["conferences", "--verbose"], client_env(url)),
        (["list", "standup", "--verbose", "--output", "json"], client_env(url)),
        (["list", "standup", "--verbose"], key_env),
        (["mute", "standup", "moderator", "--verbose"], key_env),
        (["hold", "standup", "moderator", "--hold-url", "https://example.com/m.mp3", "--verbose"], client_env(url)),
        (["kick", "standup", "nobody", "--verbose"], client_env(url)),
        (["dial", "standup", "--to", "+15005550002", "--from", "+15017122661", "--verbose"], client_env(url)),
        (["dial", "standup", "--to", "+15558675310", "--from", "+15017122661", "--verbose", "--output", "json"], key_env),
        (["conferences", "--verbose"], client_env(url, TWILIO_AUTH_TOKEN=WRONG)),
        (["conferences"], client_env(url, TWILIO_API_KEY=API_KEY, TWILIO_API_SECRET=WRONG)),
        (["conferences", "--api-url", "http://127.0.0.1:1"], client_env(url)),
    ]
    written = []
    for args, env in runs:
        result = subprocess.run([confwatch_binary(), *args], capture_output=True, text=True, env=env, timeout=30)
        written += [result.stdout, result.stderr]
    assert any("20003" in text for text in written), "the wrong-token runs did fail"
    for secret in SECRETS:
        assert not any(secret in text for text in written), secret

    # The dashboard: the screen, its stderr, and every process's arguments while it runs.
    stderr = tmp_path / "stderr"
    env = client_env(url, TERM="xterm-256color", XDG_CONFIG_HOME=str(tmp_path))
    tmux = Tmux(f"{confwatch_binary()} watch standup --interval 0.25 2>{stderr}",
                env={k: env[k] for k in ("CONFWATCH_API_URL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TERM", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "PATH")})
    try:
        tmux.wait_for("moderator")
        tmux.keys("m")
        tmux.wait_for(r"you: (un)?mute moderator ✓")
        screens = tmux.screen() + tmux.screen(escapes=True)
        command_lines = all_command_lines()
        tmux.keys("q")
        tmux.wait_for("EXITED")
    finally:
        tmux.kill()
    assert not any(secret in screens for secret in SECRETS)
    leaks = [line for line in command_lines for secret in SECRETS if secret in line]
    assert leaks == []
    assert any("confwatch" in line and "watch" in line for line in command_lines), "the dashboard was among them"
    assert not any(secret in stderr.read_text() for secret in SECRETS)
    audit = (tmp_path / "state" / "confwatch" / "audit.jsonl").read_text()
    sources = [json.loads(line)["source"] for line in audit.splitlines()]
    assert "cli" in sources and "dashboard" in sources, "both the commands and the dashboard wrote to it"
    assert not any(secret in audit for secret in SECRETS)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_tls_verification_is_always_on(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.headers.get("Authorization"))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"conferences": []}')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = client_env(f"https://127.0.0.1:{server.server_address[1]}")
        result = subprocess.run([confwatch_binary(), "conferences"], capture_output=True, text=True, env=env, timeout=30)
        assert result.returncode == 1
        lines = [l for l in result.stderr.splitlines() if l.strip()]
        assert len(lines) == 1 and "TLS" in lines[0], lines
        assert seen == [], "no request (and no credentials) went to a server whose certificate does not verify"
    finally:
        server.shutdown()
