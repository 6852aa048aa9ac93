#!/usr/bin/env python3
"""Regenerate the PNG screenshots in screenshots/ from the real confwatch binary.

Starts the embedded simulator (`confwatch sim`), runs the dashboard
(`confwatch watch standup`) in a private 120x32 tmux server, drives it with
keys, captures each screen with its colours (`tmux capture-pane -e`) and draws
it with Pillow: dashboard.png, help.png, dial.png, kick.png, stale.png, the supervisor
features: supervise.png, overview.png, command.png and audit.png, and the supervisor's job:
identity.png (who a caller is), confirm.png (a bulk action asks first) and timeline.png.

Run from the repository root, after `swift build`:

    python3 screenshots/make.py

Needs tmux and Pillow (`pip install pillow`).
"""
import base64
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request

try:
    from PIL import Image, ImageDraw, ImageFont
except ImportError:
    sys.exit("make.py: Pillow is missing; install it with `pip install pillow`")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "e2e"))
from tmux_screen import Tmux  # noqa: E402  the same tmux driver the end-to-end tests use
OUT = os.path.join(ROOT, "screenshots")
BINARY = os.path.join(ROOT, ".build", "debug", "confwatch")
COLS, ROWS = 120, 32
SID, TOKEN = "ACc0ffee00000000000000000000000000", "confwatch-demo-token"
CONFIG = """[dial]
from = "+15017122661"

[supervisor]
endpoint = "client:supervisor"
"""

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT_SIZE, MARGIN = 15, 14
BACKGROUND, FOREGROUND = (0x1E, 0x1E, 0x2E), (0xCD, 0xD6, 0xF4)
PALETTE16 = [  # xterm-like, a little softened for the dark background
    (0x45, 0x47, 0x5A), (0xE0, 0x6C, 0x75), (0x98, 0xC3, 0x79), (0xE5, 0xC0, 0x7B),
    (0x3A, 0x78, 0xC8), (0xC6, 0x78, 0xDD), (0x56, 0xB6, 0xC2), (0xBA, 0xC2, 0xDE),
    (0x6C, 0x70, 0x86), (0xFF, 0x7A, 0x85), (0xB5, 0xE8, 0x90), (0xFF, 0xD8, 0x8A),
    (0x89, 0xC4, 0xFF), (0xE0, 0x9E, 0xF5), (0x7F, 0xE0, 0xEB), (0xFF, 0xFF, 0xFF),
]

def xterm256(n):
    """RGB of xterm colour n (0-255)."""
    if n < 16:
        return PALETTE16[n]
    if n < 232:
        steps, n = [0, 95, 135, 175, 215, 255], n - 16
        return (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    return (8 + 10 * (n - 232),) * 3

def apply_sgr(params, style):
    """Update style (a dict) with the parameters of one SGR sequence (ESC [ params m)."""
    codes = [int(p) if p.isdigit() else 0 for p in params.replace(":", ";").split(";")]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            style.clear()
        elif c in (1, 2, 4, 7):
            style[{1: "bold", 2: "dim", 4: "underline", 7: "reverse"}[c]] = True
        elif c in (22, 24, 27):
            for key in {22: ("bold", "dim"), 24: ("underline",), 27: ("reverse",)}[c]:
                style.pop(key, None)
        elif 30 <= c <= 37 or 90 <= c <= 97:
            style["fg"] = xterm256(c - 30 if c < 90 else c - 82)
        elif 40 <= c <= 47 or 100 <= c <= 107:
            style["bg"] = xterm256(c - 40 if c < 100 else c - 92)
        elif c in (39, 49):
            style.pop("fg" if c == 39 else "bg", None)
        elif c in (38, 48) and i + 2 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5:
                style[key], i = xterm256(codes[i + 2] % 256), i + 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                style[key], i = tuple(codes[i + 2:i + 5]), i + 4
        i += 1

def char_width(ch):
    """Terminal cells taken by ch: 2 for wide/fullwidth (CJK, emoji), 0 for combining marks."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1

def parse_capture(text):
    """Turn `capture-pane -p -e` output into rows of (text, style) cells; wide characters get
    an empty continuation cell after them, so columns stay aligned."""
    grid, style = [], {}
    for line in text.split("\n")[:ROWS]:
        row, i = [], 0
        while i < len(line):
            if line.startswith("\x1b[", i):
                end = i + 2
                while end < len(line) and not "@" <= line[end] <= "~":
                    end += 1
                if line[end:end + 1] == "m":
                    apply_sgr(line[i + 2:end], style)
                i = end + 1
                continue
            ch, width = line[i], char_width(line[i])
            if width == 0 and row:
                row[-1] = (row[-1][0] + ch, row[-1][1])
            elif width:
                row.append((ch, dict(style)))
                if width == 2:
                    row.append(("", dict(style)))
            i += 1
        grid.append(row)
    return grid

def cell_colours(style):
    """(foreground, background) of a cell: reverse swaps them, then dim fades the text."""
    fg, bg = style.get("fg", FOREGROUND), style.get("bg", BACKGROUND)
    if style.get("reverse"):
        fg, bg = bg, fg
    if style.get("dim"):
        fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
    return fg, bg

def render_png(grid, path):
    """Draw the cell grid, with a margin, to a PNG at path."""
    regular = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSansMono.ttf"), FONT_SIZE)
    bold = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSansMono-Bold.ttf"), FONT_SIZE)
    cell_w = round(regular.getlength("M"))
    cell_h = sum(regular.getmetrics())  # the font's line height, so box-drawing lines join
    image = Image.new("RGB", (COLS * cell_w + 2 * MARGIN, ROWS * cell_h + 2 * MARGIN), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(grid):
        for x, (text, style) in enumerate(row[:COLS]):
            if not text:
                continue  # right half of a wide character
            fg, bg = cell_colours(style)
            left, top = MARGIN + x * cell_w, MARGIN + y * cell_h
            box = (left, top, left + char_width(text[0]) * cell_w - 1, top + cell_h - 1)
            if bg != BACKGROUND:
                draw.rectangle(box, fill=bg)
            if text.strip():
                draw.text((left, top), text, font=bold if style.get("bold") else regular, fill=fg)
            if style.get("underline"):
                draw.line([box[0], box[3] - 1, box[2], box[3] - 1], fill=fg)
    image.save(path)

def shoot(t, name):
    """Capture the pane into screenshots/NAME.png."""
    path = os.path.join(OUT, name + ".png")
    captured = t.screen(escapes=True, trailing=True)
    if TOKEN in captured:
        sys.exit(f"make.py: the auth token is on screen; not writing {name}.png")
    render_png(parse_capture(captured), path)
    print("wrote", os.path.relpath(path, ROOT))

def start_simulator(activity):
    """Start `confwatch sim` on a free port; return (process, base URL)."""
    sim = subprocess.Popen([BINARY, "sim", "--port", "0", "--activity", activity, "--conferences", "3",
                            "--participants", "9", "--seed", "7"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = sim.stdout.readline().strip()
    if not url.startswith("http"):
        sim.kill()
        raise RuntimeError("the simulator did not print its URL (got %r)" % url)
    return sim, url

def set_faults(url, spec):
    """PUT /_sim/faults on the simulator; an empty spec clears the faults."""
    auth = "Basic " + base64.b64encode(("%s:%s" % (SID, TOKEN)).encode()).decode()
    body = ("spec=" + spec).encode() if spec else b""
    urllib.request.urlopen(urllib.request.Request(url + "/_sim/faults", data=body, method="PUT", headers={
        "Authorization": auth, "Content-Type": "application/x-www-form-urlencoded"}), timeout=5).read()

def open_dashboard(url, config_dir):
    """`confwatch watch standup` in a private tmux server of COLS x ROWS, the status line off."""
    env = dict(TERM="xterm-256color", XDG_CONFIG_HOME=config_dir,  # no personal config.toml
               XDG_STATE_HOME=config_dir,  # nor the real audit trail
               TWILIO_ACCOUNT_SID=SID, TWILIO_AUTH_TOKEN=TOKEN, CONFWATCH_API_URL=url)
    t = Tmux("%s watch standup --interval 0.5" % BINARY, env=env, width=COLS, height=ROWS)
    t.run("set-option", "-t", t.session, "status", "off")
    t.resize(COLS, ROWS)
    t.wait_for("standup", timeout=15)
    time.sleep(1.2)  # a few polls, so the table is filled
    return t

def session(activity, steps):
    """Run a simulator and a dashboard, do steps(t, url), then quit and clean everything up."""
    sim, url = start_simulator(activity)
    t = None
    try:
        with tempfile.TemporaryDirectory() as config_dir:
            os.makedirs(os.path.join(config_dir, "confwatch"))
            with open(os.path.join(config_dir, "confwatch", "config.toml"), "w") as config:
                config.write(CONFIG)
            t = open_dashboard(url, config_dir)
            steps(t, url)
            t.keys("Escape", "Escape", "q", pause=0.3)
    finally:
        if t:
            t.kill()
        sim.terminate()
        sim.wait(timeout=5)

def shoot_dashboard_and_help(t, url):
    """dashboard.png just after muting the third row; help.png with the ? overlay."""
    t.keys("j", "j", "m")
    t.wait_for(re.escape("✓"), timeout=15)
    time.sleep(0.6)
    shoot(t, "dashboard")
    t.keys("?", pause=0.5)
    shoot(t, "help")

def shoot_dial_kick_and_stale(t, url):
    """dial.png (filled-in form), kick.png (confirmation), stale.png (every request fails with 503)."""
    t.keys("d", pause=0.4)
    t.type("+15558675310")
    t.keys("Tab", "Tab")  # From is already filled in from the config file's [dial] from
    t.type("guest")
    time.sleep(0.4)
    shoot(t, "dial")
    t.keys("Escape", pause=0.4)
    t.keys("j", "j", "j", "x", pause=0.3)
    shoot(t, "kick")
    t.keys("n", pause=0.3)
    set_faults(url, "503")
    t.wait_for(re.escape("STALE"), timeout=30)
    time.sleep(2.5)  # let the header's age and failure count grow a little
    shoot(t, "stale")
    set_faults(url, "")

def shoot_supervisor_features(t, url):
    """supervise.png (a coach under the coached, marks, a bulk action under way), overview.png,
    command.png (Tab offering labels) and audit.png."""
    t.keys("j", "j", "w")
    t.wait_for(re.escape("coach zoe ✓"), timeout=15)
    t.keys("j", "Space", "j", "Space", "j", "Space")
    set_faults(url, "latency=2500/POST")  # slow answers, so the bulk action's progress shows
    t.keys("M", pause=0.5)
    t.wait_for(re.escape("y/N"), timeout=15)
    t.keys("y", pause=0.8)
    shoot(t, "supervise")
    t.wait_for(re.escape("✓ all"), timeout=10)
    set_faults(url, "")
    t.keys("c")
    t.wait_for(re.escape("incident"), timeout=15)
    time.sleep(1)
    shoot(t, "overview")
    t.keys("Escape", ":")
    t.type("mute ")
    t.keys("Tab", pause=0.4)
    shoot(t, "command")
    t.keys("Escape", "V", pause=0.5)
    shoot(t, "audit")

def shoot_identity_confirm_and_timeline(t, url):
    """identity.png (details of a caller without a label: their call), confirm.png (M asks first),
    timeline.png (the meeting's history, a bulk action opened)."""
    t.keys("G", "k", "k")
    t.keys("Enter", pause=0.5)
    t.wait_for("direction", timeout=15)
    shoot(t, "identity")
    t.keys("Escape", "M", pause=0.5)
    t.wait_for(re.escape("y/N"), timeout=15)
    shoot(t, "confirm")
    t.keys("y")
    t.wait_for(re.escape("✓ all"), timeout=15)
    t.keys("l", "f", "f", pause=0.4)  # the timeline, filtered to my actions
    t.keys("Enter", pause=0.6)       # the bulk action opened to each one's result
    shoot(t, "timeline")

def main():
    if not os.access(BINARY, os.X_OK):
        sys.exit("make.py: %s is missing; run `swift build` first" % BINARY)
    session("calm", shoot_dashboard_and_help)  # scripted activity: some highlighted changes
    session("none", shoot_dial_kick_and_stale)  # deterministic: only our own changes
    session("none", shoot_supervisor_features)
    session("none", shoot_identity_confirm_and_timeline)

if __name__ == "__main__":
    main()
