#!/usr/bin/env python3
"""Regenerate the PNG screenshots of confwatch in screenshots/.

Starts the embedded simulator, runs the real dashboard (`confwatch watch`)
in a private tmux server at 120x32, drives it with keys, captures each screen
with its colours (`tmux capture-pane -e`) and draws it with Pillow.

Run from the repository root, after `swift build`:

    python3 screenshots/make.py

Needs tmux and Pillow (`pip install pillow`).
"""
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request
import base64

try:
    from PIL import Image, ImageDraw, ImageFont
except ImportError:
    sys.exit("make.py: Pillow is missing; install it with `pip install pillow`")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "screenshots")
BINARY = os.path.join(ROOT, ".build", "debug", "confwatch")
SOCKET = "confwatch-shots-%d" % os.getpid()
COLS, ROWS = 120, 32
SID = "ACc0ffee00000000000000000000000000"
TOKEN = "confwatch-demo-token"

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT_SIZE = 15
MARGIN = 14
BACKGROUND = (0x1E, 0x1E, 0x2E)
FOREGROUND = (0xCD, 0xD6, 0xF4)
PALETTE16 = [  # xterm-like, slightly softened
    (0x45, 0x47, 0x5A), (0xE0, 0x6C, 0x75), (0x98, 0xC3, 0x79), (0xE5, 0xC0, 0x7B),
    (0x3A, 0x78, 0xC8), (0xC6, 0x78, 0xDD), (0x56, 0xB6, 0xC2), (0xBA, 0xC2, 0xDE),
    (0x6C, 0x70, 0x86), (0xFF, 0x7A, 0x85), (0xB5, 0xE8, 0x90), (0xFF, 0xD8, 0x8A),
    (0x89, 0xC4, 0xFF), (0xE0, 0x9E, 0xF5), (0x7F, 0xE0, 0xEB), (0xFF, 0xFF, 0xFF),
]


# ---------------------------------------------------------------- colours

def xterm256(n):
    """RGB of xterm colour n (0-255)."""
    if n < 16:
        return PALETTE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    level = 8 + 10 * (n - 232)
    return (level, level, level)


def apply_sgr(params, style):
    """Update style (dict) with one SGR parameter list."""
    codes = [int(p) if p else 0 for p in params.replace(":", ";").split(";")] or [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            style.clear()
        elif c in (1, 2, 4, 7):
            style[{1: "bold", 2: "dim", 4: "underline", 7: "reverse"}[c]] = True
        elif c == 22:
            style.pop("bold", None)
            style.pop("dim", None)
        elif c in (24, 27):
            style.pop("underline" if c == 24 else "reverse", None)
        elif 30 <= c <= 37 or 90 <= c <= 97:
            style["fg"] = xterm256(c - 30 if c < 90 else c - 82)
        elif 40 <= c <= 47 or 100 <= c <= 107:
            style["bg"] = xterm256(c - 40 if c < 100 else c - 92)
        elif c in (39, 49):
            style.pop("fg" if c == 39 else "bg", None)
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                style[key] = xterm256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                style[key] = tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


# ---------------------------------------------------------------- parsing

def char_width(ch):
    """Cells taken by ch: 2 for wide/fullwidth, 0 for combining marks."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse_capture(text):
    """Turn `capture-pane -p -e` output into rows of (char, style) cells."""
    grid, style = [], {}
    for line in text.split("\n")[:ROWS]:
        row, i = [], 0
        while i < len(line):
            ch = line[i]
            if ch == "\x1b" and line[i + 1:i + 2] == "[":
                end = i + 2
                while end < len(line) and not ("@" <= line[end] <= "~"):
                    end += 1
                if line[end:end + 1] == "m":
                    apply_sgr(line[i + 2:end], style)
                i = end + 1
                continue
            width = char_width(ch)
            if width == 0 and row:
                row[-1] = (row[-1][0] + ch, row[-1][1])
            elif width:
                row.append((ch, dict(style)))
                if width == 2:
                    row.append(("", dict(style)))  # continuation cell
            i += 1
        grid.append(row)
    return grid


# ---------------------------------------------------------------- drawing

def cell_colours(style):
    """(foreground, background) of a cell: reverse swaps, then dim fades the text."""
    fg, bg = style.get("fg", FOREGROUND), style.get("bg", BACKGROUND)
    if style.get("reverse"):
        fg, bg = bg, fg
    if style.get("dim"):
        fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
    return fg, bg


def render_png(grid, path):
    """Draw the cell grid to a PNG at path."""
    regular = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSansMono.ttf"), FONT_SIZE)
    bold = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSansMono-Bold.ttf"), FONT_SIZE)
    cell_w = round(regular.getlength("M"))
    ascent, descent = regular.getmetrics()
    cell_h = ascent + descent + 2
    image = Image.new("RGB", (COLS * cell_w + 2 * MARGIN, ROWS * cell_h + 2 * MARGIN), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(grid):
        for x, (text, style) in enumerate(row[:COLS]):
            if text == "":
                continue  # right half of a wide character
            width = 2 if char_width(text[0]) == 2 else 1
            fg, bg = cell_colours(style)
            left, top = MARGIN + x * cell_w, MARGIN + y * cell_h
            if bg != BACKGROUND:
                draw.rectangle([left, top, left + width * cell_w - 1, top + cell_h - 1], fill=bg)
            if text.strip():
                draw_glyph(draw, text, left, top, cell_w, cell_h, fg, bold if style.get("bold") else regular)
            if style.get("underline"):
                draw.line([left, top + cell_h - 2, left + width * cell_w - 1, top + cell_h - 2], fill=fg)
    image.save(path)


def draw_glyph(draw, text, left, top, cell_w, cell_h, fg, font):
    """Draw one cell's text; box-drawing lines are drawn as lines so they join."""
    lines = BOX_LINES.get(text[0])
    if lines is None:
        draw.text((left, top + 1), text, font=font, fill=fg)
        return
    cx, cy = left + cell_w // 2, top + cell_h // 2
    right, bottom = left + cell_w - 1, top + cell_h - 1
    ends = {"l": (left, cy), "r": (right, cy), "u": (cx, top), "d": (cx, bottom)}
    for arm in lines:
        draw.line([(cx, cy), ends[arm]], fill=fg, width=1)


BOX_LINES = {  # light box-drawing characters: which arms leave the centre
    "─": "lr", "━": "lr", "│": "ud", "┃": "ud", "┌": "rd", "┐": "ld", "└": "ru", "┘": "lu",
    "├": "udr", "┤": "udl", "┬": "lrd", "┴": "lru", "┼": "lrud",
    "╭": "rd", "╮": "ld", "╰": "ru", "╯": "lu",
}


# ---------------------------------------------------------------- driving

def tmux(*args, check=True):
    """Run a tmux command on the private socket and return its stdout."""
    result = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError("tmux %s: %s" % (" ".join(args), result.stderr.strip()))
    return result.stdout


def press(*keys, pause=0.15):
    """Send keys one at a time (so Esc is never glued to the next key)."""
    for key in keys:
        tmux("send-keys", "-t", "shots", key)
        time.sleep(pause)


def type_text(text):
    """Type literal text, one character per send-keys."""
    for ch in text:
        tmux("send-keys", "-t", "shots", "-l", ch)
        time.sleep(0.05)


def screen():
    """Current pane contents with escape sequences."""
    return tmux("capture-pane", "-p", "-e", "-t", "shots")


def wait_for(text, timeout=15.0):
    """Wait until text appears on screen; fail loudly otherwise."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if text in tmux("capture-pane", "-p", "-t", "shots"):
            return
        time.sleep(0.2)
    raise RuntimeError("timed out waiting for %r; screen:\n%s" % (text, tmux("capture-pane", "-p", "-t", "shots")))


def shoot(name):
    """Capture the pane into screenshots/NAME.png."""
    path = os.path.join(OUT, name + ".png")
    render_png(parse_capture(screen()), path)
    print("wrote", os.path.relpath(path, ROOT))


def start_simulator(activity):
    """Start `confwatch sim`; return (process, base URL)."""
    sim = subprocess.Popen(
        [BINARY, "sim", "--port", "0", "--activity", activity, "--conferences", "3",
         "--participants", "9", "--seed", "7"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = sim.stdout.readline().strip()
    if not url.startswith("http"):
        sim.kill()
        raise RuntimeError("simulator did not print its URL (got %r)" % url)
    return sim, url


def set_faults(url, spec):
    """PUT /_sim/faults; an empty spec clears them."""
    body = ("spec=" + spec).encode() if spec else b""
    request = urllib.request.Request(url + "/_sim/faults", data=body, method="PUT")
    request.add_header("Authorization", "Basic " + base64.b64encode(("%s:%s" % (SID, TOKEN)).encode()).decode())
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    urllib.request.urlopen(request, timeout=5).read()


def open_dashboard(url, config_dir):
    """Start the dashboard on "standup" in a fresh tmux session."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX", "NO_COLOR")}
    env.update(TERM="xterm-256color", XDG_CONFIG_HOME=config_dir, TWILIO_ACCOUNT_SID=SID,
               TWILIO_AUTH_TOKEN=TOKEN, CONFWATCH_API_URL=url)
    command = "env -u COLUMNS -u LINES %s watch standup --interval 0.5" % BINARY
    subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", "new-session", "-d", "-s", "shots",
                    "-x", str(COLS), "-y", str(ROWS), command], env=env, check=True)
    tmux("set-option", "-t", "shots", "status", "off")
    wait_for("standup")
    # confwatch calls use_env(false) before initscr, so ncurses starts at terminfo's 80x24
    # whatever the pane size; a resize (SIGWINCH) makes it read the real size.
    tmux("resize-window", "-t", "shots", "-x", str(COLS - 1), "-y", str(ROWS))
    time.sleep(0.3)
    tmux("resize-window", "-t", "shots", "-x", str(COLS), "-y", str(ROWS))
    time.sleep(1.5)  # a few polls, so the table is filled


def close_dashboard():
    """Quit the dashboard and kill the private tmux server."""
    press("Escape", "Escape", "q")
    time.sleep(0.5)
    tmux("kill-server", check=False)


def session(activity, config_dir, steps):
    """Run one simulator + dashboard, perform steps(url), then tear down."""
    sim, url = start_simulator(activity)
    try:
        open_dashboard(url, config_dir)
        steps(url)
    finally:
        close_dashboard()
        sim.terminate()
        sim.wait(timeout=5)


def dashboard_shots(url):
    """dashboard.png with a mute result; help.png."""
    press("j", "j", "m")
    wait_for("✓")
    time.sleep(0.6)
    shoot("dashboard")
    press("?")
    time.sleep(0.5)
    shoot("help")


def form_shots(url):
    """dial.png, kick.png and stale.png, on the deterministic simulator."""
    press("d")
    time.sleep(0.4)
    type_text("+15558675310")
    press("Tab")
    type_text("+15017122661")
    press("Tab")
    type_text("guest")
    time.sleep(0.4)
    shoot("dial")
    press("Escape")
    time.sleep(0.4)
    press("j", "j", "j", "x")
    time.sleep(0.5)
    shoot("kick")
    press("n")
    time.sleep(0.3)
    set_faults(url, "503")
    wait_for("STALE", timeout=30)
    time.sleep(2.5)  # let the header's age and failure count grow a little
    shoot("stale")
    set_faults(url, "")


def main():
    if not os.access(BINARY, os.X_OK):
        sys.exit("make.py: %s is missing; run `swift build` first" % BINARY)
    with tempfile.TemporaryDirectory() as config_dir:
        session("calm", config_dir, dashboard_shots)
        session("none", config_dir, form_shots)


if __name__ == "__main__":
    main()
