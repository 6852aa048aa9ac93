"""`confwatch --version` names the release and the commit built from; the User-Agent the same release."""
import re
import subprocess

from conftest import ROOT


def test_version_names_the_release_and_the_commit(confwatch):
    result = confwatch("--version")
    assert result.returncode == 0
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=7", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout
    assert result.stdout == f"0.2.0 ({commit}{'-dirty' if dirty else ''})\n", "built from other sources than these? run swift build"


def test_the_user_agent_carries_the_same_release(sim, confwatch):
    sim.clear_requests()
    assert confwatch("conferences", env=sim.env()).returncode == 0
    agents = {r["userAgent"] for r in sim.requests_seen() if not r["path"].startswith("/_sim")}
    release = confwatch("--version").stdout.split()[0]
    assert len(agents) == 1 and re.fullmatch(rf"confwatch/{re.escape(release)} \(Linux; Swift\) async-http-client", agents.pop())
