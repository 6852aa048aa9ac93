"""Under faults the dashboard keeps running, keeps the last snapshot, says STALE with the error and the
data's age, backs off, and recovers by itself; every action ends visibly as done or failed, none is
lost or sent twice. Real processes: `confwatch sim` with fault injection, the dashboard in tmux."""
import re
import time

import pytest

from test_dashboard import open_on, opened, participant

# Recovery and STALE are timed against the interval: these run alone (scripts/test), never beside another test.
pytestmark = pytest.mark.serial

INTERVAL = 0.25
BACKOFF_CAP = 1.0  # four intervals


def requests_during(sim, seconds):
    """Polls sent in `seconds` (the call and recording reads beside them are not polls)."""
    before = sim.polls_seen()
    time.sleep(seconds)
    return sim.polls_seen() - before


@pytest.mark.parametrize("fault,shown", [
    ("500", r"20500 Internal Server Error"),
    ("503", r"20503 Service Unavailable"),
    ("429=1", r"20429 Too Many Requests"),
    ("429", r"20429 Too Many Requests"),
    ("reset", r"closed the connection|reset"),
    ("hang", r"no answer within 1 s"),
    ("truncate", r"unreadable answer"),
    ("malformed", r"unreadable answer"),
    ("wrong-shape", r"unreadable answer"),
    ("502", r"HTTP 502 \(not Twilio's error JSON\)"),
])
def test_a_polling_fault_goes_stale_backs_off_and_recovers(dash, fault, shown):
    tmux, sim = opened(dash, "--request-timeout", "1")
    sim.set_faults(fault + "/GET")
    screen = tmux.wait_for(r"STALE \d+s · \d+ failed", timeout=8)
    assert re.search(shown, screen), screen
    assert "moderator" in screen, "the last snapshot stays on screen"
    time.sleep(1.5)
    sent = requests_during(sim, 3)
    assert sent <= 6, f"{sent} polls in 3 s: no backoff (an undisturbed poller would make 12)"
    assert tmux.run("has-session", "-t", "t", check=False).returncode == 0
    sim.set_faults()
    started = time.time()
    tmux.wait_for("STALE", absent=True, timeout=BACKOFF_CAP + INTERVAL + 1 + 2)
    recovered_in = time.time() - started
    assert recovered_in <= BACKOFF_CAP + INTERVAL + 1 + 1, recovered_in
    tmux.wait_for("polling recovered after")


def test_a_server_that_stops_answering_is_stale_long_before_the_request_times_out(dash):
    # A long request timeout: the poll in flight is not given up for 20 s, yet the header says STALE once
    # the data is a second old, and how long the answer has been waited for (nothing has failed yet).
    tmux, sim = opened(dash, "--request-timeout", "20", interval="0.5")
    sim.set_faults("hang/GET")
    screen = tmux.wait_for(r"STALE \d+s · waiting \d+s for an answer", timeout=30)
    assert "moderator" in screen, "the last snapshot stays on screen"
    assert "failed" not in screen.splitlines()[0], "the request has not timed out"
    tmux.wait_for(r"STALE ([3-9]|\d\d)s · waiting ([2-9]|\d\d)s for an answer", timeout=30)
    sim.set_faults()
    tmux.wait_for("STALE", absent=True, timeout=60)


def test_wrong_credentials_stop_polling_and_say_what_to_fix(dash):
    tmux, sim = opened(dash)
    sim.set_faults("401/GET")
    screen = tmux.wait_for("polling stopped")
    assert "TWILIO_AUTH_TOKEN" in screen and "moderator" in screen
    assert requests_during(sim, 1.5) == 0, "no more polls with credentials that are refused"
    sim.set_faults()
    tmux.keys("r")
    tmux.wait_for("STALE", absent=True)


def test_an_ended_conference_keeps_the_snapshot_and_offers_the_picker(dash):
    tmux, sim = opened(dash)
    status, _ = sim.json("POST", "/_sim/vanish", {"conference": "standup"})
    assert status == 204
    screen = tmux.wait_for(r"conference is gone")
    assert "press c" in screen and "moderator" in screen and "ENDED" in screen
    assert requests_during(sim, 1.2) == 0
    tmux.keys("c")
    screen = tmux.wait_for("incident-bridge")
    assert "Conferences in progress" in screen


def test_connection_refused_then_the_server_comes_back(dash):
    tmux, sim = opened(dash, "--request-timeout", "1")
    sim.stop()
    screen = tmux.wait_for(r"STALE \d+s", timeout=6)
    assert re.search(r"connection refused", screen), screen
    assert "moderator" in screen
    time.sleep(1)
    sim.restart()
    tmux.wait_for("STALE", absent=True, timeout=5)


def test_an_answer_slower_than_the_interval_never_piles_up(dash):
    tmux, sim = opened(dash)
    sim.wait_for_calls_read(5)  # the participants' calls are read once, beside the polls
    sim.clear_requests()
    sim.set_faults("latency=700/GET")
    time.sleep(3.5)
    listing = sim.json("GET", "/_sim/requests")[1]
    assert listing["maxConcurrent"] == 1
    assert listing["total"] <= 7, listing["total"]
    assert "STALE" not in tmux.screen(), "slow answers are answers"


def test_a_ten_megabyte_answer_is_read(dash):
    tmux, sim = opened(dash)
    sim.set_faults("huge=10/GET")
    time.sleep(2)
    screen = tmux.screen()
    assert "STALE" not in screen and "moderator" in screen
    pid = int(tmux.run("display-message", "-p", "-t", "t", "#{pane_pid}").stdout)
    sim.set_faults()


# Actions under faults.

def test_an_action_is_retried_on_503_and_reported_once(dash):
    tmux, sim, label = open_on(dash, muted=False)
    sim.clear_requests()
    sim.set_faults("503x2/POST")
    tmux.keys("m")
    tmux.wait_for(rf"you: mute {label} ✓")
    posts = [r for r in sim.requests_seen() if r["method"] == "POST"]
    assert [r["status"] for r in posts] == [503, 503, 200]
    assert participant(sim, label)["muted"] is True
    assert tmux.screen().count(f"you: mute {label} ✓") == 1


def test_an_action_that_fails_says_why(dash):
    tmux, sim, label = open_on(dash, hold=False)
    sim.clear_requests()
    sim.set_faults("500/POST")
    tmux.keys("h")
    screen = tmux.wait_for(rf"you: hold {label} ✗")
    assert "20500 Internal Server Error" in screen
    assert re.search(r"✗ hold: 20500", screen)
    assert len([r for r in sim.requests_seen() if r["method"] == "POST"]) == 1, "500 is not retried"


def test_an_action_without_an_answer_times_out_visibly(dash):
    tmux, sim, label = open_on(dash, "--request-timeout", "1", muted=False)
    sim.set_faults("hang/POST")
    tmux.keys("m")
    tmux.wait_for(rf"you: mute {label} ✗ no answer within 1 s")


def test_a_burst_of_presses_sends_one_request(dash):
    tmux, sim, label = open_on(dash, muted=False)
    sim.clear_requests()
    sim.set_faults("latency=1500/POST")
    tmux.type("m" * 40)
    tmux.wait_for(rf"mute {label} already pending")
    tmux.wait_for(rf"you: mute {label} ✓")
    posts = [r for r in sim.requests_seen() if r["method"] == "POST"]
    assert len(posts) == 1, posts
    assert participant(sim, label)["muted"] is True


def test_a_dial_out_is_never_retried(dash):
    tmux, sim = opened(dash)
    sim.clear_requests()
    sim.set_faults("503x1/POST")
    tmux.keys("d")
    tmux.type("+15558675310")
    tmux.keys("Tab")
    tmux.type("+15017122661")
    tmux.keys("Enter")
    screen = tmux.wait_for("Twilio refused")
    assert "20503" in screen
    assert len([r for r in sim.requests_seen() if r["method"] == "POST"]) == 1
    sid = sim.conference("standup")["sid"]
    assert len(sim.participants(sid)) == 5, "nobody was dialled"


def test_kicking_someone_who_already_left_says_so(dash):
    tmux, sim, label = open_on(dash)
    tmux.keys("x")
    tmux.wait_for(r"\[y/N\]")
    sid = sim.conference("standup")["sid"]
    status, _, _ = sim.request("DELETE", f"{sim.account_path}/Conferences/{sid}/Participants/{label}.json")
    assert status == 204
    tmux.keys("y")
    tmux.wait_for(rf"{label} is not in the conference any more \(already left; 20404\)")
