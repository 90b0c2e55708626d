#!/usr/bin/env python3
"""Benchmarks of the live monitor (`vigie watch`), all on 127.0.0.1.

  python3 scripts/bench/watch_bench.py [--vigie target/release/vigie]
                                       [--items 1000] [--grow 10000]

1. Feed throughput: a local server serves one RSS feed of ITEMS items with
   full content (synthetic dispatches written by this script); one
   `vigie watch --once` pass fetches, extracts and stores them all. Prints
   articles/s end to end.
2. Memory: a feed that gains 1,000 new items at every poll, watched with
   --interval 1 until GROW items are stored; prints the watcher's peak and
   current resident memory (VmHWM, VmRSS) at the end.
3. Latency: `vigie watch` on a folder and `vigie serve` on its database; a
   file is copied in and the API polled every 20 ms until its event is
   served. Prints the time from landing to served (median of 5).

Only the standard library; the text is generated here (no third-party
articles).
"""

import argparse
import http.server
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

PLACES = [
    ("Djibo", "burkinabè", "Burkina Faso"),
    ("Ménaka", "malienne", "Mali"),
    ("Diffa", "nigérienne", "Niger"),
    ("Goma", "congolaise", "RD Congo"),
    ("Bama", "nigériane", "Nigeria"),
    ("Beledweyne", "somalienne", "Somalie"),
    ("Kadugli", "soudanaise", "Soudan"),
    ("Mocímboa da Praia", "mozambicaine", "Mozambique"),
]


def dispatch(i):
    place, army, country = PLACES[i % len(PLACES)]
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    killed = 2 + i % 11
    return (
        f"2019-{month:02d}-{day:02d}",
        f"Attaque près de {place} ({i})",
        f"<p>Des hommes armés ont attaqué une position de l'armée {army} près de {place}, "
        f"au {country}, tuant {killed} soldats, selon une source sécuritaire citée par la radio locale.</p>"
        f"<p>Les assaillants, arrivés à moto, ont incendié deux véhicules avant de se replier. "
        f"Des renforts ont été envoyés dans la zone, où les attaques de ce type se multiplient. "
        f"Dépêche numéro {i}.</p>",
    )


def rss(base, first, count):
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Banc d'essai</title><link>http://example.org/</link><description>bench</description>"
    ]
    for i in range(first, first + count):
        day, title, body = dispatch(i)
        parts.append(
            f"<item><title>{title}</title><link>{base}/{day.replace('-', '/')}/depeche-{i}</link>"
            f"<guid>{base}/depeche-{i}</guid><pubDate>{rfc822(day)}</pubDate>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    parts.append("</channel></rss>\n")
    return "".join(parts).encode()


def rfc822(day):
    t = time.strptime(day, "%Y-%m-%d")
    return time.strftime("%a, %d %b %Y 09:00:00 GMT", t)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FeedServer:
    """Serves /feed.xml; `pages` says which items the k-th request gets."""

    def __init__(self, pages):
        self.pages = pages
        self.requests = 0
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        me = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path != "/feed.xml":
                    self.send_error(404)
                    return
                k = me.requests
                me.requests += 1
                first, count = me.pages(k)
                body = rss(me.base, first, count)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()


def articles_in(db):
    try:
        with sqlite3.connect(db, timeout=5) as c:
            return c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def proc_memory(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmHWM", "VmRSS"):
                out[k] = int(v.split()[0]) / 1024
    return out


def feed_throughput(vigie, items, tmp):
    server = FeedServer(lambda k: (0, items))
    db = os.path.join(tmp, "feed.db")
    t = time.perf_counter()
    r = subprocess.run(
        [vigie, "watch", "--once", "--feed", f"{server.base}/feed.xml", "--db", db, "--host-delay", "0"],
        capture_output=True, text=True)
    secs = time.perf_counter() - t
    server.stop()
    if r.returncode != 0:
        sys.exit(f"vigie watch failed:\n{r.stderr}")
    n = articles_in(db)
    print(f"feed throughput: {n} items fetched, extracted and stored in {secs:.2f} s "
          f"= {n / secs:.0f} articles/s end to end (one feed, local server)")
    return n / secs


def memory_over_growth(vigie, grow, tmp):
    step = 1000
    polls = (grow + step - 1) // step
    server = FeedServer(lambda k: (min(k, polls - 1) * step, step))
    db = os.path.join(tmp, "grow.db")
    p = subprocess.Popen(
        [vigie, "watch", "-q", "--feed", f"{server.base}/feed.xml", "--db", db, "--interval", "1",
         "--host-delay", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    t = time.perf_counter()
    samples = []
    try:
        while articles_in(db) < polls * step:
            if p.poll() is not None:
                sys.exit(f"watcher exited: {p.stderr.read()}")
            if time.perf_counter() - t > 1200:
                sys.exit("timed out waiting for the watcher")
            samples.append(proc_memory(p.pid)["VmRSS"])
            time.sleep(0.5)
        time.sleep(2.5)  # a few more polls with nothing new
        mem = proc_memory(p.pid)
    finally:
        p.kill()
        p.wait()
        server.stop()
    secs = time.perf_counter() - t
    print(f"memory: watcher over {articles_in(db)} items in {server.requests} polls ({secs:.0f} s): "
          f"peak resident {mem['VmHWM']:.0f} MB, resident at the end {mem['VmRSS']:.0f} MB "
          f"(after the first 1,000 items: {samples[min(len(samples) - 1, 4)]:.0f} MB)")


def landing_to_served(vigie, tmp, rounds=5):
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    db = os.path.join(tmp, "live.db")
    watch = subprocess.Popen([vigie, "watch", "-q", inbox, "--db", db, "--settle", "0.5", "--scan", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not os.path.exists(db):
        time.sleep(0.05)
    port = free_port()
    serve = subprocess.Popen([vigie, "serve", "-q", "--db", db, "--addr", f"127.0.0.1:{port}"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/events?limit=1"

    def total():
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return json.load(r)["total"]
        except OSError:
            return None

    while total() is None:
        time.sleep(0.05)
    times = []
    try:
        for i in range(rounds):
            before = total()
            day, title, body = dispatch(1000 + i)
            text = f"date {day}\n\n{title}\n\n" + body.replace("<p>", "").replace("</p>", "\n\n")
            path = os.path.join(inbox, f"drop-{i}.txt")
            tmpname = path + ".part"
            with open(tmpname, "w") as f:
                f.write(text)
            t = time.perf_counter()
            os.rename(tmpname, path)
            while (total() or 0) <= before:
                if time.perf_counter() - t > 30:
                    sys.exit("no event served 30 s after the file landed")
                time.sleep(0.02)
            times.append(time.perf_counter() - t)
    finally:
        watch.kill()
        serve.kill()
    print(f"latency: file landing -> its event served by the API: median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}, {rounds} files; settle 0.5 s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vigie", default="target/release/vigie")
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--grow", type=int, default=10000)
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()
    if not shutil.which(args.vigie) and not os.path.exists(args.vigie):
        sys.exit(f"{args.vigie} not found: cargo build --release")
    tmp = tempfile.mkdtemp(prefix="vigie-watch-bench-")
    try:
        feed_throughput(args.vigie, args.items, tmp)
        landing_to_served(args.vigie, tmp)
        if not args.skip_memory:
            memory_over_growth(args.vigie, args.grow, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
