"""Nothing hangs, and polls stay whole: servers that stall after their headers, trickle, or stream
for ever end as timeouts in the one-shot commands and the dashboard; pages that fail once are read
again; pages that loop stop at once; one spoilt participant is read around. Real processes: the
simulator with fault injection, `confwatch` commands, the dashboard in tmux."""
import re

import pytest

from conftest import Sim, wait_until
from test_commands import one_line
from test_dashboard import a_label, opened, participant, select

SLOW_BODIES = ["stall", "trickle=1", "endless-body"]


@pytest.mark.parametrize("fault", SLOW_BODIES)
def test_list_and_mute_end_at_the_request_timeout(sim, confwatch, fault):
    sim.set_faults(fault)
    listed = confwatch("list", "standup", "--request-timeout", "3", env=sim.env(), timeout=60)
    assert listed.returncode != 0
    assert "no answer within 3 s" in one_line(listed.stderr), listed.stderr
    sim.set_faults()
    label = a_label(sim)
    sim.set_faults(fault + "/POST")
    muted = confwatch("mute", "standup", label, "--request-timeout", "3", env=sim.env(), timeout=60)
    assert muted.returncode != 0
    assert "no answer within 3 s" in one_line(muted.stderr), muted.stderr


def test_a_dial_out_whose_answer_stalls_may_have_been_placed(sim, confwatch):
    sim.set_faults("stall/POST")
    dialled = confwatch("dial", "standup", "--to", "+15558675310", "--from", "+15017122661", "--request-timeout", "3", env=sim.env(), timeout=60)
    assert dialled.returncode == 1
    line = one_line(dialled.stderr)
    assert "no answer within 3 s" in line and "may have been placed" in line, line


@pytest.mark.parametrize("fault", SLOW_BODIES)
def test_the_dashboard_goes_stale_and_actions_end_when_answers_never_finish(dash, fault):
    tmux, sim = opened(dash, "--request-timeout", "1")
    label = a_label(sim, muted=False)
    select(tmux, label)
    sim.set_faults(fault)
    tmux.wait_for(r"STALE \d+s", timeout=15)
    tmux.wait_for(rf"STALE(.|\n)*{re.escape(label)}", timeout=5)  # the last snapshot stays
    tmux.keys("m")
    tmux.wait_for(rf"you: mute {re.escape(label)} ✗ no answer within 1 s", timeout=15)
    # Polls keep going out on schedule, each abandoned at its deadline: the count keeps rising.
    tmux.wait_for(r"STALE \d+s · [3-9]\d* failed|STALE \d+s · \d{2,} failed", timeout=20)
    sim.set_faults()
    tmux.wait_for("STALE", absent=True, timeout=15)
    # The stalled mute had reached the server before its answer stalled: the next poll shows it.
    assert participant(sim, label)["muted"] is True
    tmux.wait_for(rf"{re.escape(label)} muted", timeout=15)


def test_the_dial_form_ends_when_the_answer_stalls(dash):
    tmux, sim = opened(dash, "--request-timeout", "1")
    sim.set_faults("stall/POST")
    tmux.keys("d")
    tmux.type("+15558675310")
    tmux.keys("Tab")
    tmux.type("+15017122661")
    tmux.keys("Enter")
    screen = tmux.wait_for("it may have been placed", timeout=15)
    assert "dialling…" not in screen


@pytest.fixture
def paged():
    """A simulator that serves participants two to a page."""
    s = Sim(["--activity", "none", "--conferences", "2", "--participants", "7", "--seed", "42", "--max-page-size", "2"])
    yield s
    s.stop()


def test_a_page_that_failed_once_is_read_again_and_its_changes_show(paged, tmp_path):
    from conftest import confwatch_binary
    from tmux_screen import Tmux
    env = paged.env(XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path), TERM="xterm-256color")
    tmux = Tmux(f"{confwatch_binary()} watch standup --interval 0.25", env=env)
    try:
        tmux.wait_for("moderator")
        sid = paged.conference("standup")["sid"]
        everyone = paged.participants(sid)
        last = everyone[-1]
        held = sum(1 for p in everyone if p["hold"])
        assert not last["hold"] and len(everyone) > 4, "the last one sits on a later page"
        paged.set_faults("500x1/GET?PageToken")
        screen = tmux.wait_for(r"STALE \d+s", timeout=10)
        assert "moderator" in screen
        tmux.wait_for("STALE", absent=True, timeout=10)
        # A change on the last page after the failure still reaches the screen.
        status, _ = paged.json("POST", f"{paged.account_path}/Conferences/{sid}/Participants/{last['call_sid']}.json", {"Hold": "true"})
        assert status == 200
        tmux.wait_for(rf"· {held + 1} held ·", timeout=10)
    finally:
        tmux.kill()


@pytest.mark.parametrize("fault", ["page-loop", "page-cycle", "page-escape"])
def test_pages_that_loop_or_escape_stop_the_list_at_once(paged, confwatch, fault):
    paged.set_faults(fault + "/GET")
    paged.clear_requests()
    listed = confwatch("list", "standup", env=paged.env(), timeout=60)
    assert listed.returncode != 0
    line = one_line(listed.stderr)
    assert re.search(r"page|outside", line), line
    assert len(paged.requests_seen()) < 20, "it stopped at once, not after thousands of pages"


@pytest.mark.serial  # asserts no STALE at a 0.25 s interval
def test_one_spoilt_participant_is_shown_marked_and_named_once(dash):
    tmux, sim = opened(dash)
    sim.set_faults("bad-field=date-iso/GET")
    screen = tmux.wait_for(r"could not be read", timeout=10)
    assert "STALE" not in screen, "the rest of the list is read"
    tmux.wait_for(r"\?", timeout=10)
    wait_until(lambda: len(sim.requests_seen()) > 20, what="several more polls")
    screen = tmux.screen()
    assert len(re.findall(r"could not be read", screen)) == 1, screen
