"""The supervisor's job, in a real terminal against `confwatch sim`: who everyone is (their calls),
bulk actions that ask first and spare the host, undo, the meeting's history, how unanswered calls
ended, the recording, sort and filter both ways, read-only keys, and `confwatch list --with-calls`."""
import json
import pathlib
import re
import shutil
import time

import pytest

from conftest import wait_until
from test_dashboard import a_label, opened, participant, select
from test_supervisor import people, supervised  # noqa: F401  (supervised is a fixture)

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def call(sim, sid):
    status, body = sim.json("GET", f"{sim.account_path}/Calls/{sid}.json")
    assert status == 200, body
    return body


def shown_name(c):
    """The name the dashboard gives a participant without a label, from its call."""
    outbound = (c["direction"] or "").startswith("outbound")
    other, formatted = (c["to"], c["to_formatted"]) if outbound else (c["from"], c["from_formatted"])
    if c["caller_name"]:
        return c["caller_name"]
    if other and other.startswith("+"):
        return formatted or other
    return other


def test_participants_are_named_from_their_calls(dash, confwatch):
    tmux, sim = opened(dash, width=160, height=35)
    # Someone dialled in without a label is shown by their number, as Twilio formats it.
    out = confwatch("dial", "standup", "--to", "+14155550199", "--from", "+15017122661", env=sim.env())
    assert out.returncode == 0, out.stderr
    sid = next(p for p in people(sim) if not p["label"])["call_sid"]
    formatted = call(sim, sid)["to_formatted"]
    screen = tmux.wait_for(re.escape(formatted))
    table = screen.split("─ events")[0]
    assert sid[-6:] not in table, "the CallSid's tail only while the call is unknown"
    assert "NUMBER" in screen, "160 columns: room for the other party's number"
    # /digits finds a number whatever its formatting; Enter shows the call.
    select(tmux, "415 555 0199")
    tmux.keys("Enter")
    details = tmux.wait_for("direction")
    assert "outbound-api" in details and "+14155550199" in details and "start_time" in details
    # The seeded callers' calls are read once each (a dial-out's again as its status changes).
    reads = [r["path"] for r in sim.requests_seen() if "/Calls/" in r["path"]]
    seeded = [p["call_sid"] for p in people(sim) if p["call_sid"] != sid]
    assert all(sum(path.endswith(f"/{s}.json") for path in reads) == 1 for s in seeded), reads


def test_mute_all_then_undo_gives_back_exactly_the_earlier_muted_set(dash):
    tmux, sim = opened(dash)
    before = {p["call_sid"] for p in people(sim) if p["muted"]}
    tmux.keys("M")
    tmux.wait_for(r"Mute \d of 5\? spared: moderator \(ends the conference on exit\)  y/N")
    tmux.keys("y")
    tmux.wait_for(r"you: mute all ✓ all \d")
    assert all(p["muted"] for p in people(sim) if p["label"] != "moderator")
    tmux.keys("u")
    tmux.wait_for(r"you: undo mute all ✓|you: undo: unmute")
    wait_until(lambda: {p["call_sid"] for p in people(sim) if p["muted"]} == before, what="the earlier muted set")
    tmux.keys("u")
    tmux.wait_for("nothing to undo", timeout=5)


def test_the_config_spare_list_is_left_alone(supervised, tmp_path):
    open_dashboard, sim = supervised
    spared = a_label(sim, muted=False)
    config = tmp_path / "config" / "confwatch" / "config.toml"
    config.write_text(config.read_text() + f'\n[bulk]\nspare = ["{spared}"]\n')
    tmux = open_dashboard()
    tmux.wait_for("moderator")
    tmux.keys("M")
    tmux.wait_for(rf"spared: moderator \(ends the conference on exit\), {spared} \(spare list\)")
    tmux.keys("y")
    tmux.wait_for(r"you: mute all ✓")
    assert not participant(sim, spared)["muted"]


def test_the_timeline_holds_the_meeting_filters_it_and_exports_it(dash, tmp_path):
    tmux, sim = opened(dash)
    label = a_label(sim, muted=False)
    select(tmux, label)
    tmux.keys("m")
    tmux.wait_for(rf"you: mute {label} ✓")
    tmux.keys("f")  # a view switch: only under the timeline's "view" filter
    tmux.keys("l")
    screen = tmux.wait_for("The meeting so far")
    assert f"you: mute {label} ✓" in screen and "5 participants" in screen and "filter: muted" not in screen
    tmux.keys("f")
    screen = tmux.wait_for("f filter: people")
    tmux.keys("f")
    screen = tmux.wait_for("f filter: my actions")
    assert "5 participants" not in screen and f"you: mute {label}" in screen
    tmux.keys("f", "f")
    tmux.wait_for("f filter: view")
    tmux.wait_for("filter: muted")
    tmux.keys("Escape", ":")
    target = tmp_path / "meeting.jsonl"
    tmux.type(f"export {target}")
    tmux.keys("Enter")
    tmux.wait_for("timeline written to")
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    mine = [r for r in lines if r.get("result") == "done"]
    assert mine and mine[-1]["participant"] == label and mine[-1]["conference"] == "standup"
    assert all("time" in r and "kind" in r and "text" in r for r in lines)


@pytest.mark.parametrize("number,outcome", [("+15005550011", r"no answer after \d+ s"), ("+15005550012", "busy")])
def test_an_unanswered_dial_out_stays_and_says_how_it_ended(supervised, number, outcome):
    tmux, sim = opened(supervised)
    tmux.keys(":")
    tmux.type(f"dial {number} guest")
    tmux.keys("Enter")
    tmux.wait_for(r"guest is being called")
    screen = tmux.wait_for(rf"guest: {outcome}", timeout=20)
    assert "guest joined" not in screen, "a call that never connected did not join"
    tmux.keys("/", "C-u")
    tmux.type("guest")
    tmux.keys("Enter")
    screen = tmux.wait_for(rf"guest: ✗ {outcome}")
    assert re.search(r"no-answer|busy", screen), "STATUS says how it ended"
    time.sleep(6)
    assert "guest" in tmux.screen(), "it stays a minute, not five seconds"


def test_the_recording_shows_in_the_header_and_r_pauses_and_resumes_it(dash):
    tmux, sim = opened(dash)
    tmux.wait_for("● REC")
    conference = sim.conference("standup")["sid"]
    recordings = lambda: sim.json("GET", f"{sim.account_path}/Conferences/{conference}/Recordings.json")[1]["recordings"]
    tmux.keys("R")
    tmux.wait_for("❚❚ REC paused")
    assert recordings()[-1]["status"] == "paused"
    tmux.keys("R")
    tmux.wait_for("● REC")
    assert recordings()[-1]["status"] == "in-progress"
    tmux.keys(":")
    tmux.type("record stop")
    tmux.keys("Enter")
    tmux.wait_for(r"Stop the recording of standup\?")
    tmux.keys("y")
    tmux.wait_for("REC", absent=True)
    assert recordings()[-1]["status"] in ("stopped", "completed")


def test_sort_and_filter_go_both_ways_and_esc_clears_them(dash):
    tmux, sim = opened(dash)
    tmux.keys("s", "s")
    tmux.wait_for(r"sort: status ↑")
    tmux.keys("S")
    tmux.wait_for(r"sort: name ↑")
    tmux.keys("I")
    tmux.wait_for(r"sort: name ↓")
    tmux.keys("F")
    tmux.wait_for(r"shown \(coaching\)")
    tmux.keys("Escape")
    tmux.wait_for(r"\d participants ·")
    tmux.keys("*")
    tmux.wait_for("5 marked")
    tmux.keys("*")
    tmux.wait_for("marked", absent=True)


def test_read_only_write_keys_say_so_in_the_footer(dash):
    tmux, sim = opened(dash, "--read-only")
    tmux.keys("m")
    tmux.wait_for("read-only: mute is not available")
    tmux.keys("M")
    tmux.wait_for("read-only: mute everyone")
    assert not any(r["method"] != "GET" for r in sim.requests_seen())


def test_every_heading_shows_at_fifty_by_twelve(dash):
    tmux, sim = opened(dash, width=50, height=12)
    screen = tmux.wait_for("MUTED")
    heading = screen.splitlines()[2]
    assert "PARTICIPANT" in heading and "STATUS" in heading and "MUTED" in heading and "HOLD" in heading


def test_list_with_calls_adds_number_and_name(sim, confwatch):
    out = confwatch("list", "standup", "--with-calls", env=sim.env())
    assert out.returncode == 0, out.stderr
    header = out.stdout.splitlines()[0]
    assert "NUMBER" in header and "NAME" in header
    data = json.loads(confwatch("list", "standup", "--with-calls", "--output", "json", env=sim.env()).stdout)
    assert data and all(p["call"]["sid"] == p["call_sid"] for p in data)
    assert all(set(p["call"]) >= {"from", "to", "direction", "caller_name", "status"} for p in data)


def test_the_audit_viewer_shows_this_accounts_actions_only(dash, tmp_path):
    tmux, sim = opened(dash)
    label = a_label(sim, muted=False)
    select(tmux, label)
    tmux.keys("m")
    tmux.wait_for(rf"you: mute {label} ✓")
    audit = pathlib.Path(sim.state_home) / "confwatch" / "audit.jsonl"
    wait_until(lambda: audit.exists() and audit.read_text().count("\n") >= 1, what="the audit line")
    other = {"time": "2026-01-01T00:00:00Z", "source": "cli", "account_sid": "AC" + "9" * 32, "action": "kick",
             "participant": "someone-else", "parameters": {}, "result": "done"}
    with audit.open("a") as f:
        f.write(json.dumps(other) + "\n")
    tmux.keys("V")
    screen = tmux.wait_for(rf"mute {label}")
    assert "someone-else" not in screen and "1 of other accounts not shown" in screen


def test_a_coach_of_a_coach_sits_deeper(dash):
    tmux, sim = opened(dash)
    everyone = [p["label"] for p in people(sim)]
    first, second, third = [label for label in everyone if label != "moderator"][:3]
    # second coaches first; then third coaches second: W, then the chooser (everyone else, in join order).
    for coach, whom in ((second, first), (third, second)):
        select(tmux, coach)
        tmux.keys("W")
        tmux.wait_for("coaches whom")
        options = [label for label in everyone if label != coach]
        tmux.keys(*["j"] * options.index(whom), "Enter")
        tmux.wait_for(rf"you: {coach} coach {whom} ✓")
    tmux.keys("/", "C-u", "Enter")
    screen = tmux.wait_for(rf"    └ {third}")
    assert f"  └ {second}" in screen
