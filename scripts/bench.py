#!/usr/bin/env python3
"""confwatch's benchmarks, side by side with Twilio's official Python SDK, against the simulator on
loopback. Prints the tables BENCHMARKS.md holds.

    swift build -c release --product confwatch
    python3 scripts/bench.py                 # the full run (about 5 minutes)
    python3 scripts/bench.py --quick         # a seconds-long smoke run (numbers not meaningful)

Needs the `twilio` package (pip install -r Tests/e2e/requirements.txt).
"""
import argparse
import base64
import json
import os
import platform
import pty
import select
import subprocess
import sys
import time
import urllib.request

ACCOUNT = "ACc0ffee00000000000000000000000000"
TOKEN = "bench-token"


class Sim:
    def __init__(self, binary, *args):
        env = dict(os.environ, CONFWATCH_SIM_AUTH_TOKEN=TOKEN)
        self.process = subprocess.Popen([binary, "sim", "--port", "0", "--activity", "none", "--conferences", "1", *args],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        self.url = self.process.stdout.readline().strip()

    def requests(self):
        request = urllib.request.Request(self.url + "/_sim/requests")
        request.add_header("Authorization", "Basic " + base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode())
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def env(self):
        return dict(os.environ, CONFWATCH_API_URL=self.url, TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_AUTH_TOKEN=TOKEN)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def confwatch_json(binary, env, *args):
    out = subprocess.run([binary, *args, "--json"], capture_output=True, text=True, env=env, timeout=900)
    if out.returncode != 0:
        sys.exit(f"bench: {' '.join(args)} failed: {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def sdk_cpu_per_list(url, polls):
    """twilio-python: CPU seconds per participants.list(page_size=1000), in this process."""
    from twilio.rest import Client
    client = Client(ACCOUNT, TOKEN)
    client.api.base_url = url
    sid = client.conferences.list(friendly_name="standup")[0].sid
    conference = client.conferences(sid)
    for _ in range(max(3, polls // 10)):
        conference.participants.list(page_size=1000)
    started = time.process_time()
    for _ in range(polls):
        count = len(conference.participants.list(page_size=1000))
    return (time.process_time() - started) / polls, count


def poll_costs(binary, sizes, polls):
    rows = []
    for n in sizes:
        for changed in (False, True):
            sim = Sim(binary, "--participants", str(n), *(["--churn"] if changed else []))
            try:
                ours = confwatch_json(binary, sim.env(), "bench", "poll", "--polls", str(polls))[0]
                sdk, count = sdk_cpu_per_list(sim.url, polls)
            finally:
                sim.stop()
            rows.append(dict(participants=n, changed=changed, ours_us=ours["cpu_us_per_poll"], sdk_us=round(sdk * 1e6),
                             requests=ours["requests_per_poll"], decoded=ours["decoded_per_poll"], listed=count))
    return rows


class Dashboard:
    """The real dashboard in a pseudo-terminal."""

    def __init__(self, binary, env, *args, columns=160, rows=50):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.clear()
            os.environ.update(env, TERM="xterm-256color")
            os.environ.pop("COLUMNS", None)
            os.environ.pop("LINES", None)
            os.execv(binary, [binary, "watch", "standup", *args])
        import fcntl, struct, termios
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.screen = b""

    def read(self, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            ready, _, _ = select.select([self.fd], [], [], max(0, deadline - time.time()))
            if ready:
                try:
                    self.screen += os.read(self.fd, 65536)
                except OSError:
                    return
        self.screen = self.screen[-200000:]

    def cpu_seconds(self):
        fields = open(f"/proc/{self.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mib(self):
        for line in open(f"/proc/{self.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024

    def quit(self):
        os.write(self.fd, b"q")
        self.read(1)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def task_schedstat(pid):
    """CPU time (ns) and times scheduled in (wakes) of every thread of `pid` so far (/proc/PID/task/*/schedstat)."""
    cpu = wakes = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            ns, _, slices = open(f"/proc/{pid}/task/{task}/schedstat").read().split()
            cpu, wakes = cpu + int(ns), wakes + int(slices)
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that ended between the listing and the read
    return cpu, wakes


def task_cpu_ns(pid):
    """CPU time of every thread of `pid` so far, in nanoseconds."""
    return task_schedstat(pid)[0]


def polls_between(sim, start, end):
    """Participant-list GETs the simulator received between two wall-clock times."""
    return sum(1 for r in sim.requests()["requests"]
               if r["method"] == "GET" and r["path"].endswith("/Participants.json") and start <= r["receivedAt"] < end)


SDK_LOOP = """
import os, sys, time
from twilio.rest import Client
client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])
client.api.base_url = os.environ["CONFWATCH_API_URL"]
interval = float(sys.argv[1])
conference = client.conferences(client.conferences.list(friendly_name="standup")[0].sid)
print("ready", flush=True)
next_at = time.monotonic()
while True:
    conference.participants.list(page_size=1000)
    next_at += interval
    time.sleep(max(0, next_at - time.monotonic()))
"""


def measure_process(pid, sim, warmup, seconds, pump=None):
    """CPU per poll of a running process, over all its threads, after `warmup` seconds."""
    (pump or time.sleep)(warmup)
    (cpu0, wakes0), start = task_schedstat(pid), time.time()
    (pump or time.sleep)(seconds)
    (cpu1, wakes1), end = task_schedstat(pid), time.time()
    polls = polls_between(sim, start, end)
    return dict(cpu_us_per_poll=(cpu1 - cpu0) / 1000 / max(1, polls), polls=polls, cpu_percent=100 * (cpu1 - cpu0) / 1e9 / (end - start),
                wakes_per_poll=(wakes1 - wakes0) / max(1, polls))


def whole_process(binaries, n, interval, seconds):
    """The running dashboard (each binary) and twilio-python polling at the same pace, each measured
    over all its threads while the conference of `n` stays unchanged."""
    results = {}
    sim = Sim(binaries["confwatch"], "--participants", str(n))
    try:
        warmup = 5 + n / 100  # the dashboard reads each call once at the start (4 at a time)
        for name, binary in binaries.items():
            dash = Dashboard(binary, sim.env(), "--interval", str(interval))
            results[name] = measure_process(dash.pid, sim, warmup, seconds, pump=dash.read)
            dash.quit()
        sdk = subprocess.Popen([sys.executable, "-c", SDK_LOOP, str(interval)], env=sim.env(), stdout=subprocess.PIPE, text=True)
        sdk.stdout.readline()
        results["twilio-python"] = measure_process(sdk.pid, sim, 3, seconds)
        sdk.terminate()
        sdk.wait(timeout=10)
    finally:
        sim.stop()
    return results


def idle_cost(binary, seconds):
    sim = Sim(binary, "--participants", "250")
    try:
        dash = Dashboard(binary, sim.env(), "--interval", "1")
        dash.read(8)
        before = task_cpu_ns(dash.pid)
        dash.read(seconds)
        cpu = (task_cpu_ns(dash.pid) - before) / 1e9
        rss = dash.peak_rss_mib()
        polls = len([r for r in sim.requests()["requests"] if r["path"].endswith("/Participants.json")])
        dash.quit()
    finally:
        sim.stop()
    return dict(seconds=seconds, cpu_percent=round(100 * cpu / seconds, 3), peak_rss_mib=round(rss, 1), polls=polls)


def action_latency(binary, presses):
    # Every poll answer takes 300 ms, so a poll is nearly always in flight when a key arrives.
    sim = Sim(binary, "--participants", "250", "--fault", "latency=300/GET")
    try:
        dash = Dashboard(binary, sim.env(), "--interval", "0.25")
        dash.read(3)
        sent = []
        for _ in range(presses):
            sent.append(time.time())
            os.write(dash.fd, b"m")
            dash.read(0.08)
        dash.read(2)
        posts = sorted(r["receivedAt"] for r in sim.requests()["requests"] if r["method"] == "POST")
        dash.quit()
    finally:
        sim.stop()
    if len(posts) != len(sent):
        sys.exit(f"bench: {len(sent)} presses but {len(posts)} requests")
    latencies = sorted((p - s) * 1000 for p, s in zip(posts, sent))
    pick = lambda q: latencies[min(len(latencies) - 1, int(round(q * (len(latencies) - 1))))]
    return dict(presses=presses, p50_ms=round(pick(0.5), 2), p99_ms=round(pick(0.99), 2), max_ms=round(latencies[-1], 2))


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    import twilio
    return f"{os.cpu_count()} × {model}, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB; {swift}; Python {platform.python_version()}, twilio {twilio.__version__}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/confwatch")
    parser.add_argument("--quick", action="store_true", help="a smoke run: tiny counts, numbers not meaningful")
    parser.add_argument("--before", help="an older confwatch binary to measure beside this one in the whole-process table")
    parser.add_argument("--only-whole", action="store_true", help="only the whole-process table")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench: {binary} is missing; build it with `swift build -c release --product confwatch`")
    polls = 20 if args.quick else 300
    sizes = [10, 250] if args.quick else [10, 50, 250, 1000]

    print(f"machine: {machine()}\nbinary: {os.path.relpath(binary)}\n")
    binaries = {"confwatch": binary}
    if args.before:
        binaries = {"confwatch before": os.path.abspath(args.before), "confwatch": binary}
    print("whole process, all threads (/proc/PID/task/*/schedstat), unchanged conference, CPU per poll (polls measured, threads woken per poll):")
    names = list(binaries) + ["twilio-python"]
    print("| participants | interval | " + " | ".join(names) + " | confwatch vs twilio-python | confwatch % of a core |")
    print("|---:|---:|" + "---:|" * len(names) + "---:|---:|")
    for n in ([10, 250] if args.quick else [10, 250, 1000]):
        for interval in (0.25, 1.0):
            window = 6 if args.quick else (15 if interval < 1 else 25)
            r = whole_process(binaries, n, interval, window)
            cells = " | ".join(f"{r[k]['cpu_us_per_poll'] / 1000:.2f} ms ({r[k]['polls']}, {r[k]['wakes_per_poll']:.1f} wakes)" for k in names)
            ratio = r["twilio-python"]["cpu_us_per_poll"] / max(1, r["confwatch"]["cpu_us_per_poll"])
            print(f"| {n} | {interval:g} s | {cells} | 1/{ratio:.1f} | {r['confwatch']['cpu_percent']:.2f} % |", flush=True)
    if args.only_whole:
        return
    print("\nthe synthetic loop (`confwatch bench poll`: polls back to back in one process), as a breakdown:")
    rows = poll_costs(binary, sizes, polls)
    print("| participants | since last poll | confwatch CPU/poll | twilio-python CPU/list | ratio | requests/poll | participants decoded |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['participants']} | {'one changed' if r['changed'] else 'nothing changed'} | {r['ours_us']:.0f} µs | {r['sdk_us']} µs "
              f"| 1/{r['sdk_us'] / max(1, r['ours_us']):.1f} | {r['requests']:.0f} | {r['decoded']:.1f} |")
    render = confwatch_json(binary, os.environ, "bench", "render", "--participants", "250", "--frames", "50" if args.quick else "500")
    frame, bytes_ = render
    print(f"\nrender, 250 rows drawn through ncurses on a pseudo-terminal: median {frame['median_ms_per_frame']} ms, p99 {frame['p99_ms_per_frame']} ms per frame")
    print(f"terminal bytes per poll (160×50, 250 participants): nothing changed median {bytes_['unchanged_median_bytes']} (max {bytes_['unchanged_max_bytes']}); "
          f"one mute changed median {bytes_['one_mute_median_bytes']} (max {bytes_['one_mute_max_bytes']})")
    idle = idle_cost(binary, 10 if args.quick else 60)
    print(f"idle, 250 participants, 1 s interval, {idle['seconds']} s: CPU {idle['cpu_percent']} % of one core, peak RSS {idle['peak_rss_mib']} MiB, {idle['polls']} polls")
    latency = action_latency(binary, 20 if args.quick else 200)
    print(f"action latency (key → request at the server) with a 300 ms poll in flight, {latency['presses']} presses: "
          f"p50 {latency['p50_ms']} ms, p99 {latency['p99_ms']} ms, max {latency['max_ms']} ms")
    changed = {r["participants"]: r["ours_us"] for r in rows if r["changed"]}
    if len(changed) > 1:
        per = {n: changed[n] / n for n in changed}
        print("scaling (one changed): " + ", ".join(f"{n}: {v:.1f} µs/participant" for n, v in per.items()))


if __name__ == "__main__":
    main()
