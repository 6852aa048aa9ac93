"""The one-shot commands, run as a user would, against a `confwatch sim` process."""
import json
import os
import shutil
import subprocess

import pytest

from conftest import Sim, confwatch_binary


def one_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got {lines!r}"
    return lines[0]


def test_conferences_table_and_json(sim, confwatch):
    table = confwatch("conferences", env=sim.env())
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[0].split()[:3] == ["SID", "FRIENDLY", "NAME"]
    assert "standup" in table.stdout and "incident-bridge" in table.stdout
    listed = json.loads(confwatch("conferences", "--status", "in-progress", "--output", "json", env=sim.env()).stdout)
    assert {c["friendly_name"] for c in listed} == {"standup", "incident-bridge"}
    assert {"sid", "friendly_name", "status", "date_created", "subresource_uris"} <= set(listed[0])


def test_list_with_filters_uses_the_apis_field_names(sim, confwatch):
    everyone = json.loads(confwatch("list", "standup", "--output", "json", env=sim.env()).stdout)
    assert len(everyone) == 5 and {"call_sid", "label", "muted", "hold", "status"} <= set(everyone[0])
    muted = json.loads(confwatch("list", "standup", "--muted", "true", "--output", "json", env=sim.env()).stdout)
    assert muted == [p for p in everyone if p["muted"]]
    sid = sim.conference("standup")["sid"]
    by_sid = json.loads(confwatch("list", sid, "--hold", "false", "--output", "json", env=sim.env()).stdout)
    assert [p["call_sid"] for p in by_sid] == [p["call_sid"] for p in everyone]
    table = confwatch("list", "standup", env=sim.env())
    assert "moderator" in table.stdout and "CALL SID" in table.stdout


def test_mute_unmute_hold_unhold_kick(sim, confwatch):
    sid = sim.conference("standup")["sid"]
    target = sim.participants(sid)[1]["call_sid"]
    assert json.loads(confwatch("mute", "standup", target, "--output", "json", env=sim.env()).stdout)["muted"] is True
    assert json.loads(confwatch("unmute", "standup", target, "--output", "json", env=sim.env()).stdout)["muted"] is False
    held = confwatch("hold", "standup", target, "--hold-url", "https://example.com/hold.mp3", "--hold-method", "POST", env=sim.env())
    assert held.returncode == 0 and "held" in held.stdout
    assert sim.json("GET", f"/_sim/extras/{sid}/{target}")[1]["holdMethod"] == "POST"
    assert json.loads(confwatch("unhold", "standup", target, "--output", "json", env=sim.env()).stdout)["hold"] is False
    kicked = confwatch("kick", "standup", target, env=sim.env())
    assert kicked.returncode == 0 and "kicked" in kicked.stdout
    assert target not in {p["call_sid"] for p in sim.participants(sid)}
    again = confwatch("kick", "standup", target, env=sim.env())
    assert again.returncode == 1
    line = one_line(again.stderr)
    assert "is not in standup" in line
    assert "Twilio error 20404: The requested resource" in line and f"{target}.json was not found" in line, line


def test_mute_by_label(sim, confwatch):
    result = confwatch("mute", "standup", "moderator", env=sim.env())
    assert result.returncode == 0 and "muted moderator" in result.stdout


def test_dial_out_and_its_refusals(sim, confwatch):
    dialled = confwatch("dial", "standup", "--to", "+15558675310", "--from", "+15017122661", "--label", "cli-guest",
                        "--muted", "true", "--beep", "onEnter", "--timeout", "30", "--status-callback-event", "ringing",
                        "--status-callback-event", "answered", "--output", "json", env=sim.env())
    assert dialled.returncode == 0, dialled.stderr
    participant = json.loads(dialled.stdout)
    assert participant["label"] == "cli-guest" and participant["muted"] is True and participant["status"] == "queued"
    refused = confwatch("dial", "standup", "--to", "+15005550002", "--from", "+15017122661", env=sim.env())
    assert refused.returncode == 1
    line = one_line(refused.stderr)
    assert "21214" in line and "cannot be reached" in line
    assert sum(1 for r in sim.requests_seen() if r["method"] == "POST") == 2, "a dial-out is sent once"


def test_a_dial_out_whose_answer_is_lost_says_it_may_have_been_placed(sim, confwatch):
    sid = sim.conference("standup")["sid"]
    before = len(sim.participants(sid))
    sim.set_faults("reset/POST")
    lost = confwatch("dial", "standup", "--to", "+15558675310", "--from", "+15017122661", env=sim.env())
    sim.set_faults()
    assert lost.returncode == 1
    line = one_line(lost.stderr)
    assert "may have been placed" in line and "confwatch list standup" in line, line
    assert len(sim.participants(sid)) == before + 1, "it did ring, which is why the line warns"
    assert sum(1 for r in sim.requests_seen() if r["method"] == "POST") == 1, "and it was not sent again"


@pytest.mark.parametrize("args,flag", [
    (["--to", "12345", "--from", "+15017122661"], "--to"),
    (["--to", "+15558675310", "--from", "+15017122661", "--timeout", "3"], "--timeout"),
    (["--to", "+15558675310", "--from", "+15017122661", "--max-participants", "251"], "--max-participants"),
    (["--to", "+15558675310", "--from", "+15017122661", "--wait-url", "music.mp3"], "--wait-url"),
    (["--to", "+15558675310", "--from", "+15017122661", "--beep", "loud"], "--beep"),
    (["--to", "+15558675310", "--from", "nobody"], "--from"),
    (["--to", "+15558675310", "--from", "+15017122661", "--muted", "yes"], "--muted"),
    (["--to", "+15558675310", "--from", "+15017122661", "--region", "mars1"], "--region"),
    (["--to", "+15558675310", "--from", "+15017122661", "--conference-record", "always"], "--conference-record"),
    (["--to", "+15558675310", "--from", "+15017122661", "--status-callback-event", "ringing", "--status-callback-event", "exploded"],
     "--status-callback-event"),
])
def test_bad_dial_fields_get_one_line_naming_the_flag(sim, confwatch, args, flag):
    result = confwatch("dial", "standup", *args, env=sim.env())
    assert result.returncode != 0
    line = one_line(result.stderr)
    assert line.startswith("confwatch: ") and flag in line
    assert not any(r["method"] == "POST" for r in sim.requests_seen())


def test_a_bad_dial_choice_is_refused_with_every_allowed_value(sim, confwatch):
    result = confwatch("dial", "standup", "--to", "+15558675310", "--from", "+15017122661", "--jitter-buffer-size", "huge",
                       env=sim.env())
    assert result.returncode != 0
    line = one_line(result.stderr)
    assert "'huge'" in line and "--jitter-buffer-size" in line
    assert all(f"'{value}'" in line for value in ("off", "small", "medium", "large")), line
    assert not any(r["method"] == "POST" for r in sim.requests_seen())


def test_missing_credentials_say_what_to_set(sim, confwatch):
    env = sim.env()
    del env["TWILIO_AUTH_TOKEN"]
    result = confwatch("conferences", env=env)
    assert result.returncode == 1 and "TWILIO_AUTH_TOKEN" in one_line(result.stderr)
    del env["TWILIO_ACCOUNT_SID"]
    assert "TWILIO_ACCOUNT_SID" in one_line(confwatch("conferences", env=env).stderr)


def test_wrong_token_unknown_conference_and_plain_http(sim, confwatch):
    wrong = confwatch("list", "standup", env=sim.env(TWILIO_AUTH_TOKEN="wrong-token-x"))
    assert wrong.returncode == 1 and "20003" in one_line(wrong.stderr) and "wrong-token-x" not in wrong.stderr
    unknown = confwatch("list", "no-such-meeting", env=sim.env())
    assert unknown.returncode == 1 and "not found" in one_line(unknown.stderr)
    plain = confwatch("conferences", "--api-url", "http://192.0.2.1:80", env=sim.env())
    assert plain.returncode == 1 and "https://" in one_line(plain.stderr)


def test_api_key_credentials(confwatch):
    key, secret = "SK0123456789abcdef0123456789abcdef", "api-secret-e2e"
    env = dict(os.environ, CONFWATCH_SIM_AUTH_TOKEN="e2e-sim-token-4b1d", CONFWATCH_SIM_API_SECRET=secret)
    process = subprocess.Popen([confwatch_binary(), "sim", "--port", "0", "--activity", "none", "--api-key", key],
                               stdout=subprocess.PIPE, text=True, env=env)
    try:
        url = process.stdout.readline().strip()
        client_env = {k: v for k, v in os.environ.items() if not k.startswith("TWILIO_")}
        client_env.update(CONFWATCH_API_URL=url, TWILIO_ACCOUNT_SID="ACc0ffee00000000000000000000000000",
                          TWILIO_API_KEY=key, TWILIO_API_SECRET=secret, TWILIO_AUTH_TOKEN="ignored-when-a-key-is-set")
        result = confwatch("conferences", env=client_env)
        assert result.returncode == 0, result.stderr
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_secrets_never_appear_in_output(sim, confwatch):
    token = sim.token
    outputs = []
    for args in (["conferences"], ["list", "standup", "--output", "json"], ["mute", "standup", "moderator"],
                 ["kick", "standup", "nobody"], ["dial", "standup", "--to", "+15005550001", "--from", "+15017122661"],
                 ["list", "standup", "--verbose"]):
        result = confwatch(*args, env=sim.env())
        outputs += [result.stdout, result.stderr]
    wrong = confwatch("conferences", "--verbose", env=sim.env(TWILIO_AUTH_TOKEN="w-r-o-n-g-secret"))
    outputs += [wrong.stdout, wrong.stderr]
    assert not any(token in text for text in outputs)
    assert not any("w-r-o-n-g-secret" in text for text in outputs)


def test_sim_prints_its_url_first_then_credentials(confwatch):
    process = subprocess.Popen([confwatch_binary(), "sim", "--port", "0", "--activity", "none"], stdout=subprocess.PIPE, text=True)
    try:
        lines = [process.stdout.readline().strip() for _ in range(4)]
        assert lines[0].startswith("http://127.0.0.1:")
        assert lines[1] == f"export CONFWATCH_API_URL={lines[0]}"
        assert lines[2] == "export TWILIO_ACCOUNT_SID=ACc0ffee00000000000000000000000000"
        assert lines[3] == "export TWILIO_AUTH_TOKEN=confwatch-demo-token"
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0


@pytest.mark.parametrize("args,expected", [
    (["--fault", "teapot"], "unknown fault"),
    (["--fault", "503@7"], "rate"),
    (["--activity", "wild"], "activity"),
    (["--account-sid", "AC1"], "--account-sid"),
    (["--end-conference", "standup@soon"], "--end-conference"),
])
def test_sim_refuses_bad_flags_in_one_line(confwatch, args, expected):
    result = confwatch("sim", "--port", "0", *args, timeout=10)
    assert result.returncode != 0
    assert expected in one_line(result.stderr)


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_drives_the_simulator_like_the_real_api(sim):
    sid = sim.conference("standup")["sid"]
    auth = f"{sim.account_sid}:{sim.token}"
    base = f"{sim.url}{sim.account_path}/Conferences/{sid}/Participants"
    xml = subprocess.run(["curl", "-sS", "-G", base, "-u", auth], capture_output=True, text=True).stdout
    assert xml.startswith("<?xml") and "<Participants " in xml
    listed = json.loads(subprocess.run(["curl", "-sS", "-G", base + ".json", "-u", auth], capture_output=True, text=True).stdout)
    assert len(listed["participants"]) == 5
    muted = subprocess.run(["curl", "-sS", "-X", "POST", base + "/moderator.json", "-d", "Muted=True", "-u", auth], capture_output=True, text=True).stdout
    assert json.loads(muted)["muted"] is True
    created = subprocess.run(["curl", "-sS", "-X", "POST", f"{sim.url}{sim.account_path}/Conferences/AgentConf12/Participants.json",
                              "--data-urlencode", "To=+15624421212", "--data-urlencode", "From=+18180021216", "-u", auth],
                             capture_output=True, text=True).stdout
    assert json.loads(created)["status"] == "queued"
    status = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "DELETE", base + "/moderator.json", "-u", auth],
                            capture_output=True, text=True).stdout
    assert status == "204"


def test_conferences_says_it_lists_those_in_progress(sim, confwatch):
    ended = sim.conference("incident-bridge")["sid"]
    assert confwatch("end", ended, env=sim.env()).returncode == 0
    table = confwatch("conferences", env=sim.env())
    assert "standup" in table.stdout and "incident-bridge" not in table.stdout
    assert table.stdout.splitlines()[-1] == "1 in-progress conference listed; --status init or completed lists the others"
    done = confwatch("conferences", "--status", "completed", env=sim.env())
    assert "incident-bridge" in done.stdout and "standup" not in done.stdout
    assert done.stdout.splitlines()[-1].startswith("1 completed conference listed")


def test_update_sends_every_participant_parameter(sim, confwatch):
    sid = sim.conference("standup")["sid"]
    members = sim.participants(sid)
    target, coached = members[1]["call_sid"], members[2]["call_sid"]
    result = confwatch(
        "update", "standup", target, "--muted", "true", "--hold", "true", "--hold-url", "https://example.com/hold.mp3",
        "--hold-method", "POST", "--wait-url", "", "--wait-method", "GET", "--beep-on-exit", "false",
        "--end-conference-on-exit", "true", "--output", "json", env=sim.env())
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["muted"] is True and answer["hold"] is True and answer["end_conference_on_exit"] is True
    extras = sim.json("GET", f"/_sim/extras/{sid}/{target}")[1]
    assert extras["holdUrl"] == "https://example.com/hold.mp3" and extras["holdMethod"] == "POST"
    assert extras["waitUrl"] == "" and extras["waitMethod"] == "GET" and extras["beepOnExit"] is False
    confwatch("update", "standup", target, "--hold", "false", env=sim.env())
    announced = confwatch("update", "standup", target, "--announce-url", "https://example.com/a.xml", "--announce-method", "GET", env=sim.env())
    assert announced.returncode == 0 and announced.stdout.startswith("updated"), announced.stderr
    assert sim.json("GET", f"/_sim/extras/{sid}/{target}")[1]["lastAnnounceUrl"] == "https://example.com/a.xml"
    coach = json.loads(confwatch("update", "standup", target, "--coaching", "true", "--call-sid-to-coach", coached,
                                 "--output", "json", env=sim.env()).stdout)
    assert coach["coaching"] is True and coach["call_sid_to_coach"] == coached
    assert any(r["action"] == "update" and r["source"] == "cli" for r in sim.audit())


@pytest.mark.parametrize("args, named", [
    ([], "nothing to change"),
    (["--hold-url", "www.example.com/hold"], "--hold-url: 'www.example.com/hold' is not a fully qualified http(s) URL"),
    (["--call-sid-to-coach", "alice", "--coaching", "true"], "--call-sid-to-coach"),
    (["--coaching", "true"], "--coaching"),
    (["--muted", "maybe"], "--muted"),
    (["--wait-method", "PUT"], "--wait-method"),
])
def test_update_refuses_bad_flags_in_one_line(sim, confwatch, args, named):
    result = confwatch("update", "standup", "moderator", *args, env=sim.env())
    assert result.returncode != 0 and named in one_line(result.stderr)
    assert sim.requests_seen() == [], "refused before anything was sent"


def test_end_and_announce_cover_the_conference_update(sim, confwatch):
    sid = sim.conference("standup")["sid"]
    said = confwatch("announce", "standup", "https://example.com/notice.xml", "--method", "GET", env=sim.env())
    assert said.returncode == 0 and "to everyone in standup" in said.stdout, said.stderr
    assert sim.json("GET", f"/_sim/extras/{sid}")[1]["lastAnnounceUrl"] == "https://example.com/notice.xml"
    refused = confwatch("announce", "standup", "example.com/notice.xml", env=sim.env())
    assert refused.returncode != 0 and "(Twilio error 21205)" in one_line(refused.stderr)
    ended = json.loads(confwatch("end", "standup", "--output", "json", env=sim.env()).stdout)
    assert ended == {"conference_sid": sid, "status": "completed"}
    assert sim.conference("standup")["status"] == "completed"
    sim.clear_requests()
    again = confwatch("end", sid, env=sim.env())
    assert again.returncode == 0 and one_line(again.stdout) == f"standup ({sid}) had already ended; nothing sent"
    assert [r["method"] for r in sim.requests_seen()] == ["GET"]
    gone = confwatch("announce", sid, "https://example.com/notice.xml", env=sim.env())
    assert gone.returncode == 1 and "Twilio error 21220" in one_line(gone.stderr)


def test_page_size_and_limit(sim, confwatch):
    sim.clear_requests()
    paged = json.loads(confwatch("list", "standup", "--page-size", "2", "--output", "json", env=sim.env()).stdout)
    assert len(paged) == 5
    gets = [r for r in sim.requests_seen() if r["path"].endswith("/Participants.json")]
    assert [("PageToken=" in r["query"]) for r in gets] == [False, True, True] and all("PageSize=2" in r["query"] for r in gets)
    sim.clear_requests()
    two = json.loads(confwatch("list", "standup", "--page-size", "2", "--limit", "3", "--output", "json", env=sim.env()).stdout)
    assert [p["call_sid"] for p in two] == [p["call_sid"] for p in paged[:3]]
    assert len([r for r in sim.requests_seen() if r["path"].endswith("/Participants.json")]) == 2
    one = json.loads(confwatch("conferences", "--limit", "1", "--output", "json", env=sim.env()).stdout)
    assert len(one) == 1
    for bad in (["--page-size", "0"], ["--page-size", "1001"], ["--limit", "0"]):
        result = confwatch("conferences", *bad, env=sim.env())
        assert result.returncode != 0 and bad[0] in one_line(result.stderr)
