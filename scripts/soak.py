#!/usr/bin/env python3
"""Soak: the dashboard against the simulator with busy activity and ~10 % random faults at a 0.05 s
interval, for 28,800 polls (eight hours at the default 1 s interval). Checks it never crashes, its
private memory stays flat after warm-up, and prints the figures for RELIABILITY.md and BENCHMARKS.md.

    python3 scripts/soak.py [--polls 28800] [--interval 0.05] [--binary .build/release/confwatch]

Takes about half an hour with the defaults. Needs tmux.
"""
import argparse
import base64
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.request

FAULTS = ["500@0.03", "503@0.03", "429@0.02", "reset@0.01", "truncate@0.01"]  # about 10 % of requests
TOKEN = "soak-token"
ACCOUNT = "ACc0ffee00000000000000000000000000"


def memory_kib(pid):
    """RSS, private memory (Private_Clean + Private_Dirty) and anonymous memory, in KiB: RSS is mostly
    shared code pages; the private figure is what the process itself holds."""
    fields = {}
    for line in open(f"/proc/{pid}/smaps_rollup"):
        parts = line.split()
        if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
            fields[parts[0][:-1]] = int(parts[1])
    return fields.get("Rss", 0), fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0), fields.get("Anonymous", 0)


def requests_seen(url):
    request = urllib.request.Request(url + "/_sim/requests")
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode())
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--polls", type=int, default=28_800)
    parser.add_argument("--interval", type=float, default=0.05)
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--activity", default="busy", choices=["none", "calm", "busy"],
                        help="busy fills the event log and the call cache (bounded history); none shows what polling alone keeps")
    parser.add_argument("--binary", default=".build/release/confwatch")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"soak: {binary} is missing; build it with `swift build -c release --product confwatch`")

    env = dict(os.environ, CONFWATCH_SIM_AUTH_TOKEN=TOKEN)
    sim = subprocess.Popen([binary, "sim", "--port", "0", "--activity", args.activity, "--participants", str(args.participants), "--conferences", "2",
                            *[a for f in FAULTS for a in ("--fault", f + "/GET")]],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    url = sim.stdout.readline().strip()
    socket = "soak"
    fd, env_file = tempfile.mkstemp()
    with os.fdopen(fd, "w") as f:
        # CONFWATCH_LOAD_TEST=1 lets the interval go below the supervisor's minimum of 0.25 s.
        f.write(f"export CONFWATCH_API_URL={url} TWILIO_ACCOUNT_SID={ACCOUNT} TWILIO_AUTH_TOKEN={TOKEN} TERM=xterm-256color CONFWATCH_LOAD_TEST=1\n")
    command = f". {env_file}; unset COLUMNS LINES; {binary} watch standup --interval {args.interval} --request-timeout 2; echo EXITED-$?; sleep 600"
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "s", "-x", "120", "-y", "40", command], check=True)
    time.sleep(2)
    shell = subprocess.run(["tmux", "-L", socket, "display-message", "-p", "-t", "s", "#{pane_pid}"], capture_output=True, text=True).stdout.strip()
    found = subprocess.run(["pgrep", "-P", shell, "-f", "confwatch watch"], capture_output=True, text=True).stdout.split()
    if not found:
        screen = subprocess.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", "s"], capture_output=True, text=True).stdout
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
        sim.terminate()
        sys.exit("soak: the dashboard did not start:\n" + screen.strip())
    pid = int(found[0])

    started = time.time()
    samples = []  # (seconds, polls, rss KiB, private KiB, anonymous KiB)
    try:
        while True:
            time.sleep(10)
            seen = requests_seen(url)
            polls = sum(1 for r in seen["requests"] if r["path"].endswith("/Participants.json")) + seen["total"] - len(seen["requests"])
            if not os.path.exists(f"/proc/{pid}"):
                sys.exit(f"soak: the dashboard died after {polls} polls")
            samples.append((time.time() - started, polls, *memory_kib(pid)))
            print(f"{samples[-1][0]:7.0f} s  {polls:6d} polls  RSS {samples[-1][2] / 1024:6.1f} MiB  private {samples[-1][3] / 1024:6.1f} MiB"
                  f"  anonymous {samples[-1][4] / 1024:6.1f} MiB", flush=True)
            if polls >= args.polls:
                break
        faulted = sum(1 for r in seen["requests"] if r.get("fault"))
        screen = subprocess.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", "s"], capture_output=True, text=True).stdout
        subprocess.run(["tmux", "-L", socket, "send-keys", "-t", "s", "q"])
        time.sleep(2)
        after = subprocess.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", "s"], capture_output=True, text=True).stdout
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
        sim.terminate()
        os.path.exists(env_file) and os.remove(env_file)

    warm = samples[max(0, len(samples) // 10)]
    rss = [s[2] for s in samples]
    private = [s[3] for s in samples]
    print("\n| figure | value |\n|---|---|")
    print(f"| duration | {samples[-1][0] / 60:.1f} min |")
    print(f"| polls | {samples[-1][1]} |")
    print(f"| of the last {len(seen['requests'])}, faulted | {faulted} ({100 * faulted / max(1, len(seen['requests'])):.1f} %) |")
    print(f"| max concurrent requests | {seen['maxConcurrent']} |")
    print(f"| RSS after warm-up ({warm[0]:.0f} s) | {warm[2] / 1024:.1f} MiB |")
    print(f"| RSS at the end | {rss[-1] / 1024:.1f} MiB |")
    print(f"| RSS max after warm-up | {max(rss[len(samples) // 10:]) / 1024:.1f} MiB |")
    print(f"| RSS growth after warm-up | {(rss[-1] - warm[2]) / 1024:+.1f} MiB |")
    print(f"| private memory after warm-up | {warm[3] / 1024:.1f} MiB (anonymous {warm[4] / 1024:.1f} MiB) |")
    print(f"| private memory at the end | {private[-1] / 1024:.1f} MiB (anonymous {samples[-1][4] / 1024:.1f} MiB) |")
    print(f"| private memory, highest after warm-up | {max(private[len(samples) // 10:]) / 1024:.1f} MiB |")
    print(f"| private growth after warm-up | {(private[-1] - warm[3]) / 1024:+.2f} MiB |")
    print(f"| exited cleanly on q | {'EXITED-0' in after} |")
    print(f"| header still drawn at the end | {screen.startswith(' confwatch')} |")


if __name__ == "__main__":
    main()
