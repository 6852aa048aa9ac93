"""A seconds-long smoke run of `confwatch bench`: the benchmarks still work, and the figures that do not
depend on the machine hold — one request per poll up to 1,000 participants, an unchanged page not
decoded, and the bytes a poll sends to the terminal. Timings are for BENCHMARKS.md, never asserted here."""
import json

import pytest

from conftest import Sim


def bench(confwatch, *args, env=None):
    out = confwatch("bench", *args, "--json", env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("churn", [False, True], ids=["nothing changed", "one changed per poll"])
def test_one_request_per_poll_up_to_a_thousand_participants(confwatch, churn):
    sim = Sim(["--activity", "none", "--conferences", "1", "--participants", "1000", *(["--churn"] if churn else [])])
    try:
        [poll] = bench(confwatch, "poll", "--polls", "5", "--warmup", "2", env=sim.env())
    finally:
        sim.stop()
    assert poll["participants"] == 1000
    assert poll["requests_per_poll"] == 1
    if churn:
        assert poll["changed_polls"] == 5 and 0 < poll["decoded_per_poll"] <= 2, poll
    else:
        assert poll["changed_polls"] == 0 and poll["decoded_per_poll"] == 0, "an unchanged page is not decoded again"


def test_terminal_bytes_per_poll_stay_small(confwatch):
    render, bytes_ = bench(confwatch, "render", "--participants", "250", "--frames", "5")
    assert render["rows_drawn"] == 250
    assert bytes_["unchanged_max_bytes"] < 64, "nothing changed: only the clock and age cells"
    assert bytes_["one_mute_max_bytes"] < 256, "one mute flag: one cell, the header counts and a log line"
