"""scripts/install into a throwaway prefix: what it installs, an upgrade in place, an exact uninstall.
Run by scripts/test-package after its build, which the install then reuses."""
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def install(*args):
    result = subprocess.run([str(ROOT / "scripts/install"), *args], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def tree(prefix):
    return sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*"))


def test_install_upgrade_and_uninstall_touch_only_their_own_files(tmp_path):
    prefix = tmp_path / "prefix"
    (prefix / "bin").mkdir(parents=True)
    (prefix / "bin/other-tool").write_text("not confwatch's\n")
    before = tree(prefix)

    install(str(prefix))
    for path in ["bin/confwatch", "share/man/man1/confwatch.1", "share/man/man1/confwatch-doctor.1",
                 "share/bash-completion/completions/confwatch", "share/zsh/site-functions/_confwatch",
                 "share/fish/vendor_completions.d/confwatch.fish", "share/confwatch/keymaps/vim.toml"]:
        assert (prefix / path).is_file(), path
    version = subprocess.run([str(prefix / "bin/confwatch"), "--version"], capture_output=True, text=True).stdout
    assert version.startswith("0.2.0 (")
    installed = tree(prefix)

    # An older install's file that this version no longer ships goes on upgrade; the rest stays.
    (prefix / "share/confwatch/keymaps/retired.toml").write_text("# from an older version\n")
    manifest = prefix / "share/confwatch/install-manifest"
    manifest.write_text(manifest.read_text() + "f share/confwatch/keymaps/retired.toml\n")
    install(str(prefix))
    assert tree(prefix) == installed

    install("--uninstall", str(prefix))
    assert tree(prefix) == before
    assert (prefix / "bin/other-tool").read_text() == "not confwatch's\n"


def test_uninstall_without_an_install_says_so(tmp_path):
    result = subprocess.run([str(ROOT / "scripts/install"), "--uninstall", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == f"scripts/install: nothing to uninstall: no {tmp_path}/share/confwatch/install-manifest"
