"""Drive the real confwatch binary in tmux: send keys, read the screen, wait for text."""
import os
import re
import shlex
import subprocess
import tempfile
import time
import uuid


class Tmux:
    def __init__(self, command, env=None, width=120, height=35):
        self.socket = "cw-" + uuid.uuid4().hex[:10]
        self.session = "t"
        # The environment goes through a private file, so no secret ever sits in a process's arguments
        # (tmux keeps the arguments of the command that started its server).
        fd, self.env_file = tempfile.mkstemp(prefix="cw-env-")
        with os.fdopen(fd, "w") as f:
            for k, v in (env or {}).items():
                f.write(f"export {k}={shlex.quote(v)}\n")
        self.run("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                 f". {self.env_file}; rm -f {self.env_file}; unset COLUMNS LINES; {command}; echo EXITED-$?; sleep 600")

    def run(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)

    def screen(self, escapes=False, trailing=False):
        """The pane's text; with escapes, its SGR colour sequences too; with trailing, trailing spaces kept."""
        args = ["capture-pane", "-p", "-t", self.session] + (["-e"] if escapes else []) + (["-N"] if trailing else [])
        return self.run(*args).stdout

    def keys(self, *keys, pause=0.12):
        """Each key on its own (so Esc then a key is not read as Alt+key)."""
        for key in keys:
            self.run("send-keys", "-t", self.session, key)
            time.sleep(pause)

    def type(self, text):
        self.run("send-keys", "-t", self.session, "-l", text)
        time.sleep(0.15)

    def wait_for(self, pattern, timeout=10.0, absent=False):
        """Waits until `pattern` (a regex) is on the screen (or gone, with absent=True); returns the screen."""
        deadline = time.time() + timeout
        screen = ""
        while time.time() < deadline:
            screen = self.screen()
            found = re.search(pattern, screen, re.M) is not None
            if found != absent:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{'still' if absent else 'never'} saw {pattern!r} on screen:\n{screen}")

    def resize(self, width, height):
        self.run("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))
        time.sleep(0.3)

    def pane_pid(self):
        return int(self.run("display-message", "-p", "-t", self.session, "#{pane_pid}").stdout.strip())

    def kill(self):
        self.run("kill-server", check=False)
        if os.path.exists(self.env_file):
            os.remove(self.env_file)
