"""The conferences overview's load is bounded however many conferences there are: the list every 3 s,
and the counts only for the conferences on screen, at most 5 a second. Before, every refresh counted every
conference (about 74 requests a second at 200 conferences). Real processes: `confwatch sim` with 100
conferences (its most) and the dashboard in tmux; the simulator's request log counts what was sent."""
import shutil

import pytest

from conftest import Sim, confwatch_binary, wait_until
from tmux_screen import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def lists_read(seen):
    return [r for r in seen if r["path"].endswith("/Conferences.json")]


@pytest.fixture
def crowded():
    sim = Sim(["--activity", "none", "--conferences", "100", "--participants", "3", "--seed", "7"])
    yield sim
    sim.stop()


def test_the_overview_of_a_hundred_conferences_counts_only_those_on_screen(crowded, tmp_path):
    sim = crowded
    env = sim.env(XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path), TERM="xterm-256color")
    keep = {"CONFWATCH_API_URL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME", "TERM", "PATH"}
    tmux = Tmux(f"{confwatch_binary()} watch", env={k: env[k] for k in env if k in keep}, width=120, height=35)
    try:
        tmux.wait_for("Conferences in progress")
        tmux.wait_for(r"in-progress +3 +\d+ +\d+", timeout=10)  # counts have come in
        sim.clear_requests()
        # Counted over three of the overview's own list refreshes (one every 3 s), not over a fixed delay.
        wait_until(lambda: len(lists_read(sim.requests_seen())) >= 3, timeout=30, what="three list refreshes")
        seen = sim.requests_seen()
        counts = [r for r in seen if r["path"].endswith("/Participants.json")]
        refreshes = len(lists_read(seen))
        # 35 lines show 25 conferences: only those are counted (before: all 100 at every refresh).
        assert len({r["path"] for r in counts}) <= 25, sorted({r["path"] for r in counts})
        # Each at most once per refresh (3 s), never more than 5 a second: at most 15 per refresh.
        assert len(counts) <= 15 * (refreshes + 1), f"{len(counts)} counts over {refreshes} refreshes"
        assert len(counts) >= 5, "the counts on screen are kept fresh"
    finally:
        tmux.kill()
