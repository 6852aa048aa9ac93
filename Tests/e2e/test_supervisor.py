"""Supervisor features in a real terminal against `confwatch sim`: coach, listen and barge, announcements,
bulk actions, ending the conference, the live overview, the audit trail, read-only mode, command mode."""
import re
import shutil
import time

import pytest

from conftest import wait_until

from test_dashboard import a_label, open_on, opened, participant, select

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

CONFIG = """
[dial]
from = "+15017122661"

[supervisor]
endpoint = "client:boss"
from = "+15005550006"

[announce]
url = "https://example.com/notice.xml"
"""


@pytest.fixture
def supervised(dash, tmp_path):
    """Like dash, with a config file naming the supervisor's line and an announcement."""
    open_dashboard, sim = dash
    config = tmp_path / "config" / "confwatch"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(CONFIG)
    return open_dashboard, sim


def people(sim):
    return sim.participants(sim.conference("standup")["sid"])


def supervisor(sim):
    return next((p for p in people(sim) if p["label"] == "supervisor"), None)



def test_coach_dials_the_supervisor_in_whispering_to_the_selected(supervised):
    open_dashboard, sim = supervised
    tmux = open_dashboard()
    target = participant(sim, a_label(sim))
    tmux.wait_for("moderator")
    select(tmux, target["label"])
    tmux.keys("w")
    tmux.wait_for(rf"you: dial yourself in to coach {target['label']} ✓")
    line = supervisor(sim)
    assert line["coaching"] is True and line["call_sid_to_coach"] == target["call_sid"]
    extras = sim.json("GET", f"/_sim/extras/{line['conference_sid']}/{line['call_sid']}")[1]
    assert extras["to"] == "client:boss" and extras["from"] == "+15005550006"
    # Clear the search: the coach sits right under the one coached, indented, marked as you.
    tmux.keys("/", "C-u", "Enter")
    screen = tmux.wait_for(r"└ supervisor \(you\)")
    rows = [row for row in screen.splitlines() if re.match(r"^. (└ )?\S", row)]
    names = [row[2:].split()[0] if not row[2:].startswith("└") else "└" + row[4:].split()[0] for row in rows]
    assert names[names.index(target["label"]) + 1] == "└supervisor", screen
    assert f"→ {target['label']}" in screen


def test_switching_a_participant_into_and_out_of_coaching(supervised):
    open_dashboard, sim = supervised
    tmux = open_dashboard()
    coach, coached = [p for p in people(sim) if p["label"] and p["label"] != "moderator" and not p["coaching"]][:2]
    tmux.wait_for("moderator")
    select(tmux, coach["label"])
    tmux.keys("W")
    tmux.wait_for(rf"{coach['label']} coaches whom\?")
    options = [p for p in people(sim) if p["call_sid"] != coach["call_sid"]]
    tmux.keys(*(["Down"] * [p["call_sid"] for p in options].index(coached["call_sid"])), "Enter")
    tmux.wait_for(rf"you: {coach['label']} coach {coached['label']} ✓")
    assert participant(sim, coach["label"])["call_sid_to_coach"] == coached["call_sid"]
    tmux.keys("W")
    tmux.wait_for(rf"you: {coach['label']} stop coaching ✓")
    assert participant(sim, coach["label"])["coaching"] is False


def test_listen_dials_in_muted_and_barge_unmutes(supervised):
    tmux, sim = opened(supervised)
    tmux.keys("L")
    tmux.wait_for(r"you: dial yourself in to listen ✓")
    assert supervisor(sim)["muted"] is True and supervisor(sim)["coaching"] is False
    # Barge needs the line answered: the simulator rings it for half a second.
    wait_until(lambda: supervisor(sim)["status"] == "connected", what="the supervisor's line to answer")
    tmux.keys("L")
    tmux.wait_for("you are already in, listening; B barges in")
    tmux.keys("B")
    tmux.wait_for(r"you: unmute supervisor ✓")
    assert supervisor(sim)["muted"] is False
    tmux.keys("L")
    tmux.wait_for("you are already in, and everyone can hear you")


def test_without_a_supervisor_line_coach_says_what_to_configure(dash):
    tmux, sim = opened(dash)
    tmux.keys("w")
    tmux.wait_for(r"set \[supervisor\] endpoint")
    assert supervisor(sim) is None


def test_announce_to_one_and_to_everyone(supervised):
    tmux, sim, label = open_on(supervised, status="connected")
    tmux.keys("a")
    tmux.wait_for("https://example.com/notice.xml")
    tmux.keys("Enter")
    tmux.wait_for(rf"you: announce https://example.com/notice.xml to {label} ✓")
    sid = sim.conference("standup")["sid"]
    assert sim.json("GET", f"/_sim/extras/{sid}/{label}")[1]["lastAnnounceUrl"] == "https://example.com/notice.xml"
    tmux.keys("A", "C-u")
    tmux.type("notice.mp3")
    tmux.keys("Enter")
    tmux.wait_for("fully qualified")
    tmux.keys("C-u")
    tmux.type("https://example.com/all.mp3")
    tmux.keys("Enter")
    tmux.wait_for(r"you: announce https://example.com/all.mp3 to everyone ✓")
    assert sim.json("GET", f"/_sim/extras/{sid}")[1]["lastAnnounceUrl"] == "https://example.com/all.mp3"


def test_bulk_mute_all_except_then_unmute_all_through_rate_limits(dash):
    tmux, sim = opened(dash)
    keep = a_label(sim, muted=False)
    # Two POSTs answer 429 with Retry-After 1: the client waits and retries; every part still lands.
    sim.set_faults("429=1x2/POST")
    select(tmux, keep)
    tmux.keys("/", "C-u", "Enter")  # back to everyone, the selection stays on keep
    tmux.keys("E")
    # It asks first, naming the count and who is spared: the host (the moderator ends the conference on exit).
    tmux.wait_for(rf"Mute \d of 5 except {keep}\? spared: moderator \(ends the conference on exit\)  y/N")
    tmux.keys("y")
    tmux.wait_for(rf"you: mute all except {keep} ✓ all \d", timeout=15)
    assert all(p["muted"] == (p["label"] not in (keep, "moderator")) for p in people(sim))
    tmux.keys("U")
    tmux.wait_for(r"Unmute \d of 5\? spared: moderator")
    tmux.keys("y")
    tmux.wait_for(r"you: unmute all ✓ all \d", timeout=15)
    assert not any(p["muted"] for p in people(sim))
    tmux.keys("M")
    tmux.wait_for(r"Mute 4 of 5\? spared: moderator \(ends the conference on exit\)  y/N")
    tmux.keys("n")
    tmux.wait_for("mute all cancelled: nothing sent")
    assert not any(p["muted"] for p in people(sim)), "anything but y cancels"
    tmux.keys("M")
    tmux.wait_for(r"Mute 4 of 5\?")
    tmux.keys("y")
    tmux.wait_for(r"you: mute all ✓ all 4", timeout=15)
    assert all(p["muted"] == (p["label"] != "moderator") for p in people(sim))


def test_marks_then_hold_then_kick_after_one_confirmation(dash):
    tmux, sim = opened(dash)
    first, second = [p["label"] for p in people(sim) if p["label"] and p["label"] != "moderator"][:2]
    for label in (first, second):
        select(tmux, label)
        tmux.keys("Space")
    tmux.keys("/", "C-u", "Enter")
    tmux.wait_for("2 marked")
    tmux.keys("h")
    tmux.wait_for(r"Hold 2 marked\?  y/N")
    tmux.keys("y")
    tmux.wait_for(r"you: hold the marked ✓ all 2")
    assert participant(sim, first)["hold"] and participant(sim, second)["hold"]
    for label in (first, second):
        select(tmux, label)
        tmux.keys("Space")
    tmux.keys("/", "C-u", "Enter")
    tmux.keys("x")
    tmux.wait_for(rf"Kick 2 marked: {first}, {second}\?  y/N")
    tmux.keys("y")
    tmux.wait_for(r"you: kick 2 ✓ all 2")
    left = {p["label"] for p in people(sim)}
    assert first not in left and second not in left


def test_end_the_conference_needs_its_name_typed(dash):
    tmux, sim = opened(dash)
    tmux.keys("X")
    tmux.wait_for("Type the conference's name to confirm: standup")
    tmux.type("stand")
    tmux.keys("Enter")
    tmux.wait_for("type the conference's name exactly: standup")
    assert sim.conference("standup")["status"] == "in-progress"
    tmux.type("up")
    tmux.keys("Enter")
    tmux.wait_for(r"you: end standup for everyone ✓")
    standup = next(c for c in sim.conferences() if c["friendly_name"] == "standup")
    assert standup["status"] == "completed"


def test_the_overview_refreshes_counts_live_and_esc_goes_back(dash, confwatch):
    tmux, sim = opened(dash)
    tmux.keys("c")
    tmux.wait_for(r"standup\s+in-progress\s+5\s+0\s+0")
    # Someone else mutes two people: the overview shows it within its 3-second refresh.
    for label in [p["label"] for p in people(sim) if p["label"]][:2]:
        assert confwatch("mute", "standup", label, env=sim.env()).returncode == 0
    tmux.wait_for(r"standup\s+in-progress\s+5\s+2\s+0", timeout=8)
    tmux.keys("Escape")
    tmux.wait_for("Conferences in progress", absent=True)
    tmux.wait_for(r"confwatch  standup")
    tmux.keys("c")
    tmux.wait_for("incident-bridge")
    order = [c["friendly_name"] for c in sim.conferences() if c["status"] == "in-progress"]
    tmux.keys(*(["Up"] * 5), *(["Down"] * order.index("incident-bridge")), "Enter")
    tmux.wait_for(r"confwatch  incident-bridge")


def test_the_audit_trail_records_each_action_and_shows_it(dash):
    tmux, sim, label = open_on(dash, muted=False)
    tmux.keys("m")
    tmux.wait_for(rf"you: mute {label} ✓")
    tmux.keys("k", "x", "y")  # nobody above in the filtered table: kick the same one
    tmux.wait_for(rf"you: kick {label} ✓")
    records = wait_until(lambda: len(sim.audit()) >= 2 and sim.audit(), what="two audit records")
    mute, kick = records[-2:]
    assert mute["action"] == "mute" and mute["participant"] == label and mute["parameters"] == {"Muted": "true"}
    assert mute["result"] == "done" and mute["source"] == "dashboard" and mute["conference"] == "standup"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", mute["time"])
    assert kick["action"] == "kick" and kick["participant_sid"].startswith("CA")
    tmux.keys("V")
    screen = tmux.wait_for("Your actions")
    assert re.search(rf"standup  mute {label}  ✓  Muted=true", screen)
    assert re.search(rf"standup  kick {label}  ✓", screen)


def test_a_failed_action_is_audited_with_twilios_code(dash):
    tmux, sim = opened(dash)
    sim.set_faults("403x1/POST")
    tmux.keys("m")
    tmux.wait_for(r"you: (un)?mute moderator ✗")
    record = wait_until(lambda: sim.audit() and sim.audit()[-1], what="the audit record")
    assert record["result"] == "failed" and record["code"] == 20003 and record["http_status"] == 403


def test_read_only_hides_and_refuses_every_write(dash):
    open_dashboard, sim = dash
    tmux = open_dashboard("--read-only", width=160, height=50)
    screen = tmux.wait_for("READ-ONLY")
    footer = screen.rstrip().splitlines()[-1]
    for word in ("mute", "hold", "kick", "dial", "mark"):
        assert word not in footer, footer
    assert "details" in footer and "help" in footer
    tmux.keys("?")
    help_screen = tmux.wait_for("read-only")
    for summary in ("mute / unmute", "kick (asks", "dial out", "dial yourself in", "into or out of coaching", "announcement",
                    "end the conference", "mark / unmark"):
        assert summary not in help_screen, summary
    tmux.keys("Escape")
    sim.clear_requests()
    tmux.keys("m", "h", "H", "x", "d", "M", "E", "U", "w", "W", "L", "B", "a", "A", "X", "Space")
    tmux.keys(":")
    tmux.type("mute moderator")
    tmux.keys("Enter")
    tmux.wait_for("read-only: :mute is not available")
    tmux.keys("Escape")
    time.sleep(0.5)
    writes = [r for r in sim.requests_seen() if r["method"] != "GET"]
    assert writes == []
    assert sim.audit() == []


def test_command_mode_completes_labels_and_runs_commands(dash):
    tmux, sim = opened(dash)
    label = a_label(sim, muted=False)
    tmux.keys(":")
    tmux.type(f"mute {label[:2]}")
    tmux.keys("Tab")
    tmux.wait_for(rf":mute {re.escape(label)}")
    tmux.keys("Enter")
    tmux.wait_for(rf"you: mute {label} ✓")
    assert participant(sim, label)["muted"] is True
    tmux.keys(":")
    tmux.type("mute nobody-here")
    tmux.keys("Enter")
    tmux.wait_for("nobody called 'nobody-here' is here")
    tmux.keys("C-u")
    tmux.type("conf incident-bridge")
    tmux.keys("Enter")
    tmux.wait_for(r"confwatch  incident-bridge")
    tmux.keys(":")
    tmux.type("q")
    tmux.keys("Enter")
    tmux.wait_for("EXITED-0")
