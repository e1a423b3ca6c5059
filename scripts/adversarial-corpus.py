#!/usr/bin/env python3
"""Hostile inputs for ForumLens, written to a folder (large: not committed), then, with --run,
each case read by `forumlens analyze` under a time limit, with its exit code, time, peak memory
and problems. The test suite has a small version of every case (BadInputTests,
BadInputLimitsTests, AdversarialInputTests); this script makes the full-size ones.

    python3 scripts/adversarial-corpus.py [--out DIR] [--run] [--forumlens PATH] [--only NAME,...]

Default DIR: benchmarks/work/adversarial. Cases (one file or folder each):
  nested-1m.html          a million nested <div>s
  page-1gb.html           one page of 1 GB (about 3 million posts): refused by --max-page-size
  posts-1m.html           a million tiny posts in one page (241 MB; read with --max-page-size 300)
  nul-bytes.html          a forum page with NUL bytes inside its posts
  invalid-utf8.html       a UTF-8 page with invalid byte sequences in its posts
  utf16-no-bom.html       a UTF-16LE page without byte order mark
  mixed-charsets.html     UTF-8 posts and windows-1252 posts in one page
  lying-meta.html         meta says Shift_JIS, the bytes are UTF-8 French
  entity-bomb.html        a billion-laughs DOCTYPE and 100,000 character references
  external-refs.html      external entities, XInclude, <link>, <script src>, <img>, <iframe> to a local port
  script-style-posts.html <script> and <style> full of fake posts around two real ones
  symlink-loop/           a folder holding a link to itself, and one page
  unreadable/             a folder named x.html, a dangling link, a FIFO, and one page
  growing.html            a page appended to while it is read (--run only)
"""
import argparse
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def post(number, author, text, date="2024-03-0%d 10:%02d"):
    return (f'<div class="post" id="p{number}"><div class="postprofile"><a class="username" href="/u/{author}">{author}</a></div>'
            f'<div class="postbody"><p class="author">par <a href="/u/{author}">{author}</a> » {date % (1 + number % 9, number % 60)}</p>'
            f'<div class="content">{text}</div></div></div>\n')


def page(body, charset="utf-8", title="Sujet : les réseaux sociaux"):
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="{charset}"><title>{title}</title></head>'
            f'<body><div id="page-body"><h2 class="topic-title">{title}</h2>{body}</div></body></html>\n')


def write(path, data):
    with open(path, "wb") as out:
        out.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def make(out, only, port):
    os.makedirs(out, exist_ok=True)
    words = "les réseaux sont chronophages mais il faut se fixer des priorités et rencontrer les gens en vrai".split()
    rng = random.Random(7)

    def text(n=12):
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

    cases = {}

    def case(name):
        def register(function):
            cases[name] = function
            return function
        return register

    @case("nested-1m.html")
    def _(path):
        write(path, page("<div>" * 1_000_000 + "profond" + "</div>" * 1_000_000))

    @case("page-1gb.html")
    def _(path):
        with open(path, "wb") as f:
            f.write(page("").split("</div></body>")[0].encode())
            written = 0
            number = 0
            while written < 1_000_000_000:
                chunk = "".join(post(number + i, f"membre{(number + i) % 50}", text(40)) for i in range(1000)).encode()
                f.write(chunk)
                written += len(chunk)
                number += 1000
            f.write(b"</div></body></html>\n")

    @case("posts-1m.html")
    def _(path):
        with open(path, "wb") as f:
            f.write(page("").split("</div></body>")[0].encode())
            for start in range(0, 1_000_000, 10_000):
                f.write("".join(post(n, f"u{n % 97}", f"m{n}") for n in range(start, start + 10_000)).encode())
            f.write(b"</div></body></html>\n")

    @case("nul-bytes.html")
    def _(path):
        write(path, page("".join(post(n, f"membre{n}", text().replace(" ", " \x00 ", 2)) for n in range(1, 6))))

    @case("invalid-utf8.html")
    def _(path):
        body = "".join(post(n, f"membre{n}", text() + " @@BAD@@") for n in range(1, 6)).encode()
        write(path, page("").encode().replace(b'<h2', body.replace(b"@@BAD@@", b"\xff\xfe\xc3\x28\xe2\x82") + b"<h2", 1))

    @case("utf16-no-bom.html")
    def _(path):
        write(path, page("".join(post(n, f"membre{n}", text()) for n in range(1, 6)), charset="utf-16").encode("utf-16-le"))

    @case("mixed-charsets.html")
    def _(path):
        utf8 = "".join(post(n, f"membre{n}", "Très chronophage, déjà vu.") for n in range(1, 4)).encode("utf-8")
        latin = "".join(post(n, f"membre{n}", "Très chronophage, déjà vu.") for n in range(4, 7)).encode("cp1252")
        write(path, page("@@").encode().replace(b"@@", utf8 + latin))

    @case("lying-meta.html")
    def _(path):
        write(path, page("".join(post(n, f"membre{n}", "Les réseaux sont chronophages, c'est sûr.") for n in range(1, 6)), charset="shift_jis"))

    @case("entity-bomb.html")
    def _(path):
        laughs = '<!DOCTYPE html [<!ENTITY lol "lol">' + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)) + "]>"
        refs = "&amp;&#233;&eacute;" * 100_000
        write(path, laughs + page(post(1, "membre1", "&lol9; " + refs) + post(2, "membre2", text()))[len("<!DOCTYPE html>"):])

    @case("external-refs.html")
    def _(path):
        target = f"http://127.0.0.1:{port}"
        write(path, f'<!DOCTYPE html [<!ENTITY ext SYSTEM "{target}/entity">]>'
              f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><meta charset="utf-8"><title>Sujet</title>'
              f'<link rel="stylesheet" href="{target}/style.css"><script src="{target}/app.js"></script></head><body>'
              f'<xi:include href="{target}/include.xml"/><iframe src="{target}/frame"></iframe>'
              + post(1, "membre1", f'&ext; <img src="{target}/img.png"> {text()}') + post(2, "membre2", text()) + "</body></html>")

    @case("script-style-posts.html")
    def _(path):
        fake = "".join(post(n, f"faux{n}", "FAUX MESSAGE") for n in range(100, 160))
        body = (f"<script>var t = '{fake.replace(chr(10), ' ')}';</script><style>/* {fake} */ .post {{ color: red }}</style>"
                + post(1, "membre1", text()) + f"<script type='text/template'>{fake}</script>" + post(2, "membre2", text()))
        write(path, page(body))

    @case("symlink-loop")
    def _(path):
        os.makedirs(path, exist_ok=True)
        write(os.path.join(path, "page.html"), page(post(1, "membre1", text()) + post(2, "membre2", text())))
        if not os.path.lexists(os.path.join(path, "loop")):
            os.symlink(".", os.path.join(path, "loop"))

    @case("unreadable")
    def _(path):
        os.makedirs(os.path.join(path, "x.html"), exist_ok=True)
        write(os.path.join(path, "page.html"), page(post(1, "membre1", text()) + post(2, "membre2", text())))
        if not os.path.lexists(os.path.join(path, "gone.html")):
            os.symlink(os.path.join(path, "never-there.html"), os.path.join(path, "gone.html"))
        if not os.path.exists(os.path.join(path, "fifo.html")):
            os.mkfifo(os.path.join(path, "fifo.html"))

    for name, function in cases.items():
        if only and name not in only:
            continue
        target = os.path.join(out, name)
        if os.path.exists(target) and name != "symlink-loop" and name != "unreadable":
            continue
        print(f"writing {name} ...", flush=True)
        function(target)
    return list(cases) + ["growing.html"]


class Listener:
    """A local port nothing should ever connect to."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.stopped = False
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while not self.stopped:
            try:
                connection, _ = self.socket.accept()
                self.connections += 1
                connection.close()
            except OSError:
                pass


def run(forumlens, out, names, listener, seconds):
    print(f"\n{'case':24} {'exit':>4} {'seconds':>8} {'peak MB':>8} {'messages':>9}  problems")
    for name in names:
        path = os.path.join(out, name)
        grower = None
        if name == "growing.html":
            write(path, open(os.path.join(ROOT, "corpora/fr/phpbb3-reseaux-p1.html"), "rb").read())

            def grow():
                with open(path, "ab") as f:
                    for _ in range(2000):
                        f.write(b"<!-- " + b"x" * 4000 + b" -->\n")
                        f.flush()
                        time.sleep(0.0005)
            grower = threading.Thread(target=grow)
            grower.start()
        if not os.path.lexists(path):
            continue
        started = time.time()
        # The default limits, but for the page of a million posts (241 MB), read whole.
        limits = ["--max-page-size", "300"] if name == "posts-1m.html" else []
        command = [forumlens, "analyze", path, "--format", "json", "--out", os.path.join(out, "report-" + name.replace("/", "") + ".json"),
                   "--max-seconds", str(seconds)] + limits
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        try:
            done = subprocess.run(command, capture_output=True, timeout=seconds * 4 + 60)
            code = done.returncode
            stderr = done.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, stderr = "hung", ""
        elapsed = time.time() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if grower:
            grower.join()
        messages = "-"
        report = os.path.join(out, "report-" + name.replace("/", "") + ".json")
        if os.path.exists(report):
            import json
            messages = json.load(open(report))["summary"]["messages"]
        problems = "; ".join(line[:90] for line in stderr.splitlines() if line.startswith(("error", "warning")))[:160]
        peak_text = f"{peak / 1024:8.0f}" if peak > before else "   (<max)"
        print(f"{name:24} {code!s:>4} {elapsed:8.1f} {peak_text} {messages!s:>9}  {problems}", flush=True)
    print(f"\nconnections to the local port the pages point at: {listener.connections} (must be 0)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks/work/adversarial"))
    parser.add_argument("--run", action="store_true", help="read each case with forumlens analyze")
    parser.add_argument("--forumlens", default=os.path.join(ROOT, ".build-bench/release/forumlens"))
    parser.add_argument("--only", default="", help="comma list of case names")
    parser.add_argument("--seconds", type=int, default=60, help="--max-seconds given to each run")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    listener = Listener()
    # The port is part of external-refs.html: written anew each time.
    if os.path.exists(os.path.join(args.out, "external-refs.html")):
        os.remove(os.path.join(args.out, "external-refs.html"))
    names = make(args.out, only, listener.port)
    if args.run:
        run(args.forumlens, args.out, [n for n in names if not only or n in only], listener, args.seconds)
    listener.stopped = True
    return 1 if listener.connections else 0


if __name__ == "__main__":
    sys.exit(main())
