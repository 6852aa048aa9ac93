"""A small hostile Twilio: a loopback HTTP server whose answers are Twilio-shaped JSON with terminal
escape sequences in every text the commands print — the friendly name, a dial-out's status, an
error's message and more_info, a date — and helpers to run confwatch under a real pseudo-terminal
and find what must never reach one."""
import json
import os
import pty
import re
import select
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACCOUNT = "ACc0ffee00000000000000000000000000"

# Each one alone would change the terminal: the window title (OSC 0, OSC 2 with ST), the clipboard
# (OSC 52), the screen (CSI), colours through an 8-bit C1 CSI, the reading order (bidi override).
OSC_TITLE = "\x1b]0;PWNED-TITLE\x07"
OSC_TITLE_ST = "\x1b]2;PWNED-TWO\x1b\\"
OSC_CLIPBOARD = "\x1b]52;c;Y2xpcGJvYXJk\x07"
CSI = "\x1b[2J\x1b[H"
C1_CSI = "\u009b31m"
BIDI = "\u202e"
HOSTILE = OSC_TITLE + OSC_TITLE_ST + OSC_CLIPBOARD + CSI + C1_CSI + BIDI + "evil" + "\u2066x\u2069"

EMPTY = "CF" + "0" * 31 + "1"      # a conference with nobody in it and a hostile friendly name
ROWS = "CF" + "0" * 31 + "2"       # participants with hostile labels
BAD_DATE = "CF" + "0" * 31 + "3"   # a participant whose date_created is hostile (a decoding error quotes it)
BAD_CONF = "CF" + "0" * 31 + "4"   # the conference itself has a hostile date (watch fails at startup)
REFUSES = "CF" + "0" * 31 + "5"    # every request is refused with a hostile message and more_info
DIAL = "CF" + "0" * 31 + "6"       # a dial-out answered with a hostile status


def conference(sid, name="room" + HOSTILE, created="Wed, 18 Aug 2010 20:20:10 +0000"):
    return {"account_sid": ACCOUNT, "sid": sid, "friendly_name": name, "status": "in-progress", "region": "us1",
            "api_version": "2010-04-01", "date_created": created, "date_updated": created,
            "uri": f"/2010-04-01/Accounts/{ACCOUNT}/Conferences/{sid}.json"}


def participant(conference_sid, n, label=HOSTILE, status="connected", created="Wed, 18 Aug 2010 20:20:10 +0000"):
    call = "CA" + f"{n:032x}"
    return {"account_sid": ACCOUNT, "call_sid": call, "conference_sid": conference_sid, "label": label, "status": status,
            "muted": False, "hold": False, "coaching": False, "call_sid_to_coach": None, "start_conference_on_enter": True,
            "end_conference_on_exit": False, "date_created": created, "date_updated": created,
            "uri": f"/2010-04-01/Accounts/{ACCOUNT}/Conferences/{conference_sid}/Participants/{call}.json"}


def page(participants):
    return {"participants": participants, "page": 0, "page_size": 50, "first_page_uri": None, "next_page_uri": None,
            "previous_page_uri": None, "uri": "/", "start": 0, "end": max(0, len(participants) - 1)}


REFUSAL = {"code": 21999, "message": "refused" + HOSTILE, "more_info": "https://www.twilio.com/docs/errors/21999" + HOSTILE,
           "status": 400}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def route(self):
        path = self.path.split("?", 1)[0]
        match = re.fullmatch(r"/2010-04-01/Accounts/AC\w+/Conferences/(CF\w+)(/Participants)?\.json", path)
        if not match:
            return self.answer(404, {"code": 20404, "message": "not here", "status": 404})
        sid, participants = match.group(1), match.group(2) is not None
        if sid == REFUSES:
            return self.answer(400, REFUSAL)
        if sid == BAD_CONF and not participants:
            return self.answer(200, conference(sid, created=HOSTILE + "Mon"))
        if not participants:
            return self.answer(200, conference(sid))
        if self.command == "POST":
            length = int(self.headers.get("Content-Length", "0"))
            self.rfile.read(length)
            return self.answer(201, participant(sid, 9, status="queued" + HOSTILE))
        rows = {EMPTY: [], ROWS: [participant(sid, 1), participant(sid, 2, label="plain")],
                BAD_DATE: [participant(sid, 1, created=HOSTILE + " Mon")]}.get(sid, [])
        return self.answer(200, page(rows))

    do_GET = route
    do_POST = route


class HostileTwilio:
    """Serves the hostile answers on 127.0.0.1 until stopped."""

    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def env(self, **extra):
        env = {k: v for k, v in os.environ.items() if not k.startswith("TWILIO_") and k != "CONFWATCH_API_URL"}
        env.update(CONFWATCH_API_URL=self.url, TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_AUTH_TOKEN="hostile-test-token",
                   TERM="xterm-256color", LANG="C.UTF-8")
        env.update(extra)
        return env

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def run_in_pty(argv, env, timeout=30.0):
    """Runs argv with stdin, stdout and stderr on a new pseudo-terminal; returns (exit status, every byte it wrote)."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    out = b""
    deadline = time.time() + timeout
    try:
        while True:
            if time.time() > deadline:
                os.kill(pid, signal.SIGKILL)
                raise AssertionError(f"{argv} did not end within {timeout} s; it wrote {out!r}")
            ready, _, _ = select.select([fd], [], [], 0.1)
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not data:
                break
            out += data
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out


BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def terminal_hazards(raw, payloads=True):
    """Everything in `raw` that a terminal would act on or reorder: ESC and other C0 controls (but the
    line ends), DEL, C1 controls, bidi controls, and (with payloads) what is left of the payloads."""
    text = raw.decode("utf-8", errors="replace")
    found = [f"U+{ord(c):04X}" for c in text
             if (ord(c) < 0x20 and c not in "\r\n") or 0x7F <= ord(c) <= 0x9F or c in BIDI_CONTROLS]
    if payloads:
        found += [word for word in ("PWNED", "Y2xpcGJvYXJk") if word in text]
    return found
