#!/usr/bin/env python3
"""The conferences overview's request rate: `confwatch sim` with 200 conferences in progress (100 from
--conferences, its most, and 100 more dialled into being by friendly name), the dashboard's overview open
in tmux, and the simulator's request log counting what it sends over a period. For BENCHMARKS.md.

    python3 scripts/overview_load.py [--seconds 30] [--binary .build/debug/confwatch]

Needs tmux. Takes about a minute.
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

TOKEN = "overview-load-token"
ACCOUNT = "ACc0ffee00000000000000000000000000"


def call(url, method, path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(url + path, data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode())
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        return json.loads(body) if body else None


def in_progress(url):
    return len(call(url, "GET", f"/2010-04-01/Accounts/{ACCOUNT}/Conferences.json?Status=in-progress&PageSize=1000")["conferences"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--binary", default=".build/debug/confwatch")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"overview_load: {binary} is missing; build it with `swift build --product confwatch`")
    sim = subprocess.Popen([binary, "sim", "--port", "0", "--activity", "none", "--conferences", "100", "--participants", "3",
                            "--ring-after", "0.1", "--answer-after", "0.2"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=dict(os.environ, CONFWATCH_SIM_AUTH_TOKEN=TOKEN))
    url = sim.stdout.readline().strip()
    socket = "overview-load"
    fd, env_file = tempfile.mkstemp()
    try:
        for n in range(100):
            call(url, "POST", f"/2010-04-01/Accounts/{ACCOUNT}/Conferences/extra-{n:03d}/Participants.json",
                 {"From": "+15017122661", "To": f"+1555867{n:04d}"})
        deadline = time.time() + 30
        while in_progress(url) < 200 and time.time() < deadline:
            time.sleep(0.2)
        conferences = in_progress(url)
        with os.fdopen(fd, "w") as f:
            f.write(f"export CONFWATCH_API_URL={url} TWILIO_ACCOUNT_SID={ACCOUNT} TWILIO_AUTH_TOKEN={TOKEN} TERM=xterm-256color "
                    f"XDG_STATE_HOME={tempfile.mkdtemp()} XDG_CONFIG_HOME={tempfile.mkdtemp()}\n")
        command = f". {env_file}; unset COLUMNS LINES; {binary} watch; echo EXITED-$?; sleep 600"
        subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "s", "-x", "120", "-y", "35", command], check=True)
        time.sleep(5)  # the overview opens and its first counts come in
        call(url, "DELETE", "/_sim/requests")
        started = time.time()
        time.sleep(args.seconds)
        seen = call(url, "GET", "/_sim/requests")
        elapsed = time.time() - started
        counts = sum(1 for r in seen["requests"] if r["path"].endswith("/Participants.json"))
        lists = sum(1 for r in seen["requests"] if r["path"].endswith("/Conferences.json"))
        print(f"conferences in progress: {conferences}")
        print(f"over {elapsed:.1f} s: {seen['total']} requests = {seen['total'] / elapsed:.1f}/s "
              f"(participant lists {counts}, conference lists {lists}; logged {len(seen['requests'])}); "
              f"at most {seen['maxConcurrent']} at once; {len({r['path'] for r in seen['requests'] if r['path'].endswith('/Participants.json')})} conferences counted")
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
        sim.terminate()
        os.path.exists(env_file) and os.remove(env_file)


if __name__ == "__main__":
    main()
