#!/usr/bin/env python3
"""Writes the demo organisation's request logs: its last month, for the Audience view.

The logs are gen-logs.py's (the same bursts, identities, statuses and
countries), over the repositories of the demo breakdown, busiest first, and
its last 30 days, so that the demo's sessions sit beside its downloads.
gen-logs.py writes as many lines every day; the demo's days then keep a
share of their downloads (whole bursts: an identity's requests to a
repository on a day), growing over the month and lower at weekends, so that
its charts have a shape to show. The same breakdown always gives the same
logs.

    gen-demo-logs.py aurora-labs.csv -o aurora-labs-logs.csv
"""
import argparse
import hashlib
import datetime as dt
import importlib.util
import os
import sys


def load_gen_logs():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen-logs.py")
    spec = importlib.util.spec_from_file_location("gen_logs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_breakdown(path):
    """The repositories by their last month's downloads, most first, and the last day."""
    last_day = None
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split(",")
        at = {name: i for i, name in enumerate(header)}
        for line in f:
            fields = line.rstrip("\n").split(",")
            day = dt.date.fromisoformat(fields[at["timestamp"]][:10])
            rows.append((fields[at["repoType"]], fields[at["repoName"]], day,
                         int(fields[at["downloads"]])))
            last_day = day if last_day is None or day > last_day else last_day
    month = {}
    for kind, name, day, downloads in rows:
        if (last_day - day).days < 30:
            month[(kind, name)] = month.get((kind, name), 0) + downloads
        else:
            month.setdefault((kind, name), 0)
    repos = sorted(month, key=lambda repo: (-month[repo], repo))
    return repos, last_day


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("breakdown")
    ap.add_argument("--rows", type=int, default=24000)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()

    repos, last_day = read_breakdown(args.breakdown)
    gen_logs = load_gen_logs()
    gen_logs.make_repos = lambda rng, n: repos[:n]
    start = last_day - dt.timedelta(days=29)
    raw = args.output + ".all"
    sys.argv = [sys.argv[0], "--rows", str(args.rows), "--days", "30",
                "--repos", str(len(repos)), "--users", "4000", "--ips", "9000",
                "--start", start.isoformat(), "--seed", "11", "-o", raw]
    gen_logs.main()
    with open(raw, encoding="utf-8") as src, open(args.output, "w", encoding="utf-8") as out:
        out.write(src.readline())
        for line in src:
            fields = line.split(",")
            day = dt.date.fromisoformat(fields[0][:10])
            n = (day - start).days
            keep = (0.65 + 0.35 * n / 29) * (0.72 if day.weekday() >= 5 else 1.0)
            burst = hashlib.sha256(f"{fields[0][:10]},{fields[3]},{fields[5]},{fields[6]}".encode())
            if int.from_bytes(burst.digest()[:4], "big") / 2**32 < keep:
                out.write(line)
    os.remove(raw)


if __name__ == "__main__":
    main()
