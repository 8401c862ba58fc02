"""Renders camplan's HTML pages in headless Chromium and checks them.

For each page: no reference to anything outside the file (src, href, url(), @import with a
scheme or //host; the network is also blocked while rendering); no console error, uncaught
exception or failed load while it renders; every figure (elements of class `map` or `chart`)
draws something (rendered alone on white, at least 0.5% of its pixels are not white); and a
screenshot of the page's top is saved. Exit 0 when every check passed, 1 otherwise, one line
per failure on stderr. Run by scripts/check-report (which installs Chromium when missing).
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile

from PIL import Image

CHROMIUM = os.environ.get("CHROMIUM", "chromium")
failures = []

# Records errors in the page: console.error, uncaught exceptions and failed loads (capture
# phase catches <img>/<link>/<script> errors), written into the DOM for --dump-dom.
PROBE = """<script>(function(){var e=[];var oe=console.error;console.error=function(){e.push(Array.prototype.join.call(arguments,' '));};
window.addEventListener('error',function(ev){var t=ev.target;e.push(ev.message||('failed to load '+((t&&(t.src||t.href))||'a resource')));},true);
window.addEventListener('unhandledrejection',function(ev){e.push('unhandled rejection: '+ev.reason);});
window.addEventListener('load',function(){setTimeout(function(){document.documentElement.setAttribute('data-check-errors',JSON.stringify(e));},50);});})();</script>"""

# Keeps only figure K, alone on a white page, without its scale bar and north arrow (a map
# that has only those is blank).
ISOLATE = """<script>window.addEventListener('load',function(){var f=document.querySelectorAll('.map,.chart')[%d];
if(!f){document.body.replaceChildren();return;}var c=f.cloneNode(true);c.style.background='#fff';c.style.border='0';c.style.margin='0';
c.querySelectorAll('.scalebar,.north').forEach(function(e){e.remove();});
document.body.replaceChildren(c);document.body.style.background='#fff';document.body.style.margin='0';});</script>"""

EXTERNAL = re.compile(r"""(?:\b(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//)|(?:url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//)|(?:@import)""", re.I)


def fail(page, msg):
    failures.append(msg)
    print(f"check-report: FAIL {page}: {msg}", file=sys.stderr)


def chromium(args, timeout=120):
    cmd = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
           "--disable-extensions", "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND",
           "--virtual-time-budget=5000", "--lang=vi-VN"] + args
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def with_script(text, script):
    """The page with `script` as the first element of <head> (or of the document)."""
    m = re.search(r"<head[^>]*>", text, re.I)
    return text[:m.end()] + script + text[m.end():] if m else script + text


def ink(png):
    """Share of pixels that are not (near) white."""
    im = Image.open(png).convert("RGB")
    w, h = im.size
    px = im.getdata()
    n = sum(1 for r, g, b in px if r < 245 or g < 245 or b < 245)
    return n / (w * h) if w * h else 0.0


def check(page, shots, width, height, base):
    name = os.path.relpath(page, base)
    with open(page, encoding="utf-8") as f:
        text = f.read()
    for m in EXTERNAL.finditer(text):
        fail(name, f"external reference: {text[max(0, m.start() - 20):m.end() + 40]!r}")
        break
    tmp = tempfile.mkdtemp(prefix="check-report-")
    probe = os.path.join(tmp, "probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(with_script(text, PROBE))
    r = chromium(["--dump-dom", "file://" + probe])
    m = re.search(r'data-check-errors="([^"]*)"', r.stdout)
    if r.returncode != 0 or m is None:
        fail(name, f"Chromium did not finish loading the page (exit {r.returncode}): {r.stderr.strip()[-300:]}")
    else:
        for e in json.loads(html.unescape(m.group(1))):
            fail(name, f"console error: {e}")
    for line in r.stderr.splitlines():
        if ":CONSOLE" in line and ("Uncaught" in line or "Error" in line):
            fail(name, "console: " + line.split("]", 1)[-1].strip())
    figures = len(re.findall(r"""class=["'][^"']*\b(?:map|chart)\b""", text))
    if figures == 0:
        fail(name, "no map or chart on the page")
    for k in range(figures):
        single = os.path.join(tmp, f"figure{k}.html")
        with open(single, "w", encoding="utf-8") as f:
            f.write(with_script(text, ISOLATE % k))
        png = os.path.join(tmp, f"figure{k}.png")
        chromium([f"--window-size={width},{height}", f"--screenshot={png}", "file://" + single])
        share = ink(png) if os.path.exists(png) else 0.0
        if share < 0.005:
            fail(name, f"figure {k + 1} of {figures} is blank ({share:.2%} of its pixels drawn)")
        else:
            print(f"check-report: {name}: figure {k + 1}/{figures}: {share:.1%} of the pixels drawn")
    if shots:
        os.makedirs(shots, exist_ok=True)
        out = os.path.join(shots, re.sub(r"[^A-Za-z0-9_.-]+", "_", name.replace(os.sep, "__")).removesuffix(".html") + ".png")
        print(f"check-report: {name}: screenshot {out}")
        chromium([f"--window-size={width},{height}", f"--screenshot={out}", "file://" + os.path.abspath(page)])
        if not os.path.exists(out):
            fail(name, "no screenshot was written")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages", nargs="+", help="HTML files, or folders searched for report.html")
    ap.add_argument("--screenshots", help="folder for a PNG of each page")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=1600)
    a = ap.parse_args()
    pages = []
    for p in a.pages:
        if os.path.isdir(p):
            for root, _, files in sorted(os.walk(p)):
                pages += [(os.path.join(root, f), os.path.dirname(os.path.abspath(p))) for f in sorted(files) if f.endswith(".html")]
        else:
            pages.append((p, os.path.dirname(os.path.dirname(os.path.abspath(p)))))
    if not pages:
        print("check-report: no page to check", file=sys.stderr)
        return 1
    for p, base in pages:
        check(p, a.screenshots, a.width, a.height, base)
    print(f"check-report: {len(failures)} failure(s) on {len(pages)} page(s)" if failures
          else f"check-report: {len(pages)} page(s), all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
