"""The .deb as a user gets it: installed with dpkg (into a throwaway root that knows the host's
packages, so Depends is really checked), run, its man page read, the demo shown in tmux, removed.
scripts/test-package builds the .deb and runs this with CONFWATCH_DEB set."""
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "e2e"))
from tmux_screen import Tmux  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEB = os.environ.get("CONFWATCH_DEB", "")


def dpkg(root, *args, check=True):
    force = [] if os.getuid() == 0 else ["--force-not-root"]
    return subprocess.run(["dpkg", f"--root={root}", *force, *args], capture_output=True, text=True, check=check)


@pytest.fixture(scope="module")
def system(tmp_path_factory):
    """A throwaway root whose dpkg database is a copy of the host's, with confwatch installed by dpkg -i."""
    if not DEB or not os.path.exists(DEB):
        pytest.fail("CONFWATCH_DEB must name the .deb (scripts/test-package builds it)")
    root = tmp_path_factory.mktemp("debroot")
    admin = root / "var/lib/dpkg"
    for sub in ("info", "updates", "triggers"):
        (admin / sub).mkdir(parents=True)
    shutil.copy("/var/lib/dpkg/status", admin / "status")
    (admin / "available").touch()
    installed = dpkg(root, "-i", DEB, check=False)
    assert installed.returncode == 0, installed.stderr
    return root


def field(name):
    return subprocess.run(["dpkg-deb", "-f", DEB, name], capture_output=True, text=True, check=True).stdout.strip()


def test_installed_by_dpkg_with_its_dependencies_satisfied(system):
    status = dpkg(system, "-s", "confwatch").stdout
    assert "Status: install ok installed" in status
    assert re.search(r"^Version: 0\.2\.0$", status, re.M)
    assert pathlib.Path(DEB).name == f"confwatch_0.2.0_{field('Architecture')}.deb"


def test_depends_names_the_packages_of_the_libraries_it_loads_and_no_swift(system):
    depends = {d.split(" ")[0] for d in field("Depends").split(", ")}
    assert "libc6" in depends and not any("swift" in d for d in depends)
    libraries = re.findall(r"=> (/\S+)", subprocess.run(["ldd", str(system / "usr/bin/confwatch")], capture_output=True, text=True).stdout)
    assert libraries
    for library in libraries:
        assert "swift" not in library, f"the Swift runtime should be linked in, not loaded from {library}"
        owners = subprocess.run(["dpkg", "-S", os.path.realpath(library)], capture_output=True, text=True).stdout \
            or subprocess.run(["dpkg", "-S", library], capture_output=True, text=True).stdout
        assert owners.split(":")[0] in depends, f"{library} comes from {owners!r}, which Depends does not list"


def test_version_names_the_commit(system):
    version = subprocess.run([str(system / "usr/bin/confwatch"), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=7", "HEAD"], capture_output=True, text=True).stdout.strip()
    assert re.fullmatch(r"0\.2\.0 \(([0-9a-f]{7}(-dirty)?|unknown commit)\)", version), version
    if commit:
        assert version.startswith(f"0.2.0 ({commit}")


def test_man_pages_render_and_match_the_commands(system):
    man1 = system / "usr/share/man/man1"
    page = subprocess.run(["man", "-l", str(man1 / "confwatch.1.gz")], capture_output=True, text=True,
                          env=dict(os.environ, MANPAGER="cat", MANWIDTH="80"))
    assert page.returncode == 0, page.stderr
    assert "SYNOPSIS" in page.stdout and "doctor" in page.stdout
    help_text = subprocess.run([str(system / "usr/bin/confwatch"), "--help"], capture_output=True, text=True).stdout
    subcommands = re.findall(r"^  ([a-z]+)(?: \(default\))?\s{2,}", help_text.split("SUBCOMMANDS:")[1], re.M)
    assert "doctor" in subcommands
    for name in subcommands:
        assert (man1 / f"confwatch-{name}.1.gz").exists(), name


def bash_completions(script, *words):
    """What bash offers for the last of `words` with the completion script loaded."""
    line = " ".join(("confwatch",) + words)
    program = (f'source "{script}"; COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=({line}); '
               f'COMP_CWORD={len(words)}; _confwatch confwatch "{words[-1]}" 2>/dev/null; printf "%s\\n" "${{COMPREPLY[@]}}"')
    return subprocess.run(["bash", "-c", program], capture_output=True, text=True).stdout.split()


def test_completions_and_keymaps_are_where_shells_look(system):
    share = system / "usr/share"
    bash = share / "bash-completion/completions/confwatch"
    assert bash_completions(bash, "doc") == ["doctor"]
    assert bash_completions(bash, "doctor", "--req") == ["--request-timeout"]
    zsh = (share / "zsh/vendor-completions/_confwatch").read_text()
    assert zsh.startswith("#compdef confwatch") and "doctor" in zsh
    fish = (share / "fish/vendor_completions.d/confwatch.fish").read_text()
    assert "complete -c 'confwatch'" in fish and "doctor" in fish
    assert sorted(p.name for p in (share / "confwatch/keymaps").iterdir()) == sorted(p.name for p in (ROOT / "keymaps").iterdir())
    assert (share / "doc/confwatch/copyright").exists()


def test_demo_shows_participants_in_a_terminal(system, tmp_path):
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    tmux = Tmux(f"{system}/usr/bin/confwatch demo", env=env, width=100, height=30)
    try:
        tmux.wait_for(r"^\s+\S+\s+connected\s+(yes|no)\s", timeout=60)
        tmux.keys("q")
        tmux.wait_for(r"EXITED-0", timeout=30)
    finally:
        tmux.kill()


def test_zz_removed_by_dpkg_leaving_nothing(system):
    listed = [line.split()[-1].lstrip(".") for line in subprocess.run(["dpkg-deb", "-c", DEB], capture_output=True, text=True, check=True).stdout.splitlines()]
    files = [path for path in listed if not path.endswith("/")]
    assert "/usr/bin/confwatch" in files
    removed = dpkg(system, "-r", "confwatch", check=False)
    assert removed.returncode == 0, removed.stderr
    assert [path for path in files if os.path.lexists(f"{system}{path}")] == []
    assert not (system / "usr/share/confwatch").exists() and not (system / "usr/share/doc/confwatch").exists()
    assert "install ok installed" not in dpkg(system, "-s", "confwatch", check=False).stdout
