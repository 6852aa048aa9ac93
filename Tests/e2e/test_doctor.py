"""`confwatch doctor` against the simulator: each check's verdict and fix, one request timed,
exit status 1 on any failure, and no secret printed."""
import re
import socket

import pytest

from conftest import confwatch_binary
from tmux_screen import Tmux


@pytest.fixture
def doctor(sim, confwatch, tmp_path):
    """Runs doctor against the sim with a sane terminal environment; returns (result, lines by check name)."""
    def run(*args, **overrides):
        env = sim.env(LANG="C.UTF-8", TERM="xterm-256color", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
                      XDG_STATE_HOME=str(tmp_path / "state"))
        for name in ("LC_ALL", "LC_CTYPE", "NO_COLOR"):
            env.pop(name, None)
        for name, value in overrides.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        result = confwatch("doctor", *args, env=env)
        checks = {}
        for line in result.stdout.splitlines():
            found = re.match(r"^(ok|warn|FAIL|skip)\s+(\S+)\s+(.*)$", line)
            if found:
                checks[found[2]] = [found[1], found[3], None]
            elif line.startswith("      fix: "):
                list(checks.values())[-1][2] = line[len("      fix: "):]
        return result, checks
    return run


def test_everything_in_order_passes_with_one_timed_request(doctor, sim):
    sim.clear_requests()
    result, checks = doctor()
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[0].startswith("confwatch 0.2.0 (")
    assert result.stdout.splitlines()[-1] in ("all checks passed (1 warning)", "all checks passed (2 warnings)")
    assert checks["credentials"][0] == "warn"  # the simulator's token is not shaped like Twilio's
    assert checks["endpoint"][0] == "ok"
    assert re.fullmatch(rf"{re.escape(sim.url)} from CONFWATCH_API_URL; 127\.0\.0\.1 is 127\.0\.0\.1 \(\d+ ms\)", checks["endpoint"][1])
    assert re.fullmatch(r"credentials accepted: listed the account's conferences in \d+ ms \(conferences in progress\)", checks["api"][1])
    assert [checks[name][0] for name in ("terminal", "locale", "colours", "config", "keymap", "audit")] == ["ok"] * 6
    assert checks["colours"][1] == "256 colours"
    assert checks["size"][0] == "warn"  # stdout is a pipe here
    requests = [r for r in sim.requests_seen() if not r["path"].startswith("/_sim")]
    assert [(r["method"], r["path"]) for r in requests] == [("GET", f"{sim.account_path}/Conferences.json")]
    assert "PageSize=1" in requests[0]["query"]
    assert requests[0]["userAgent"].startswith("confwatch/0.2.0 ")
    assert sim.token not in result.stdout + result.stderr


def test_wrong_token_fails_with_the_fix_and_without_the_token(doctor):
    result, checks = doctor(TWILIO_AUTH_TOKEN="0123456789abcdef0123456789abcdef")
    assert result.returncode == 1
    assert checks["credentials"][0] == "ok"
    assert checks["api"][0] == "FAIL"
    assert checks["api"][1].startswith("credentials rejected: Twilio error 20003")
    assert "TWILIO_AUTH_TOKEN must be this account's current token" in checks["api"][2]
    assert "0123456789abcdef0123456789abcdef" not in result.stdout + result.stderr
    assert re.fullmatch(r"1 problem found( \(1 warning\))?", result.stdout.splitlines()[-1])  # size: no terminal here


def test_unreachable_url_fails_the_api_check(doctor):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused, and no other test can take the port
        port = s.getsockname()[1]
        result, checks = doctor(CONFWATCH_API_URL=f"http://127.0.0.1:{port}")
    assert result.returncode == 1
    assert checks["endpoint"][0] == "ok"
    assert checks["api"][:2] == ["FAIL", f"cannot reach the API: connection refused by 127.0.0.1:{port} (is the server running?)"]
    assert checks["api"][2].startswith("check the network, proxy and firewall")


def test_missing_credentials_and_a_bad_region_are_each_named(doctor):
    result, checks = doctor(TWILIO_AUTH_TOKEN=None, CONFWATCH_API_URL=None, TWILIO_REGION="ie1!")
    assert result.returncode == 1
    assert checks["credentials"][:2] == ["FAIL", "TWILIO_AUTH_TOKEN is not set"]
    assert checks["credentials"][2].startswith("export it")
    assert checks["endpoint"][0] == "FAIL" and "TWILIO_REGION='ie1!' is not a region or edge name" in checks["endpoint"][1]
    assert checks["api"][0] == "skip"
    assert re.fullmatch(r"2 problems found( \(1 warning\))?", result.stdout.splitlines()[-1])


def test_an_unresolvable_edge_fails_resolution(doctor):
    result, checks = doctor(CONFWATCH_API_URL=None, TWILIO_REGION="zz9", TWILIO_EDGE="nowhere")
    assert result.returncode == 1
    assert checks["endpoint"][0] == "FAIL"
    assert checks["endpoint"][1] == ("https://api.nowhere.zz9.twilio.com from TWILIO_REGION=zz9, TWILIO_EDGE=nowhere: "
                                     "api.nowhere.zz9.twilio.com does not resolve")


def test_terminal_locale_settings_and_audit_problems(doctor, tmp_path):
    (tmp_path / "config/confwatch").mkdir(parents=True)
    (tmp_path / "config/confwatch/config.toml").write_text('"evil\\u001b[31m" = 1\n')
    (tmp_path / "state-file").write_text("")
    result, checks = doctor(TERM="no-such-terminal", LANG="xx_YY.UTF-8", XDG_STATE_HOME=str(tmp_path / "state-file"))
    assert result.returncode == 1
    assert checks["terminal"][:2] == ["FAIL", "TERM=no-such-terminal is not in the terminfo database"]
    assert checks["locale"][:2] == ["FAIL", "LANG=xx_YY.UTF-8 names a locale this system does not have"]
    assert checks["config"][0] == "FAIL" and checks["config"][1].startswith(f"{tmp_path}/config/confwatch/config.toml")
    assert "unknown setting 'evil?'" in checks["config"][1], "the escape sequence is one ?, never raw"
    assert "\x1b" not in result.stdout
    assert checks["audit"][:2] == ["FAIL", f"{tmp_path}/state-file is a file, not a directory"]


def test_a_broken_keymap_override_is_reported_with_its_line(doctor, tmp_path):
    (tmp_path / "config/confwatch").mkdir(parents=True)
    (tmp_path / "config/confwatch/keymap.toml").write_text('[keys]\nm = "no-such-command"\n')
    result, checks = doctor()
    assert result.returncode == 1
    assert checks["keymap"][0] == "FAIL" and checks["keymap"][1].startswith(f"{tmp_path}/config/confwatch/keymap.toml:2")


def test_in_a_small_terminal_the_size_check_fails(sim, tmp_path):
    env = sim.env(LANG="C.UTF-8", TERM="xterm-256color", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    allowed = {"CONFWATCH_API_URL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME", "TERM", "PATH", "LANG"}
    tmux = Tmux(f"{confwatch_binary()} doctor", env={k: v for k, v in env.items() if k in allowed}, width=100, height=10)
    try:
        tmux.wait_for(r"EXITED-\d+", timeout=30)
        screen = tmux.run("capture-pane", "-p", "-J", "-S", "-", "-t", tmux.session).stdout
        assert re.search(r"^FAIL\s+size\s+100×10 is smaller than the dashboard's 50×12$", screen, re.M), screen
        assert re.search(r"^ok\s+terminal\s+TERM=xterm-256color is known to terminfo$", screen, re.M), screen
        assert "EXITED-1" in screen
    finally:
        tmux.kill()
