#!/usr/bin/env python3
"""Writes realistic Hub request logs (Enterprise Plus), as CSV or JSON Lines.

One line per download-related request, with the Hub's columns: timestamp,
status, method, repoName, repoType, hashedUserId, hashedIp, country, region.
Repositories and identities are heavy-tailed (a few are most of the
traffic); a download is a burst of requests within seconds: a HEAD probe,
a GET answered by a redirect to storage, sometimes range requests (206) or
a revalidation (304); errors, rate limits and retries come in realistic
shares; about 40 % of requests are signed in (a user id), the rest carry
only the address; countries follow the Hub's audience. Lines are in time
order, days after days. The same arguments always give the same file.

    gen-logs.py --rows 8000000 --days 30 --seed 1 -o /tmp/logs.csv
    gen-logs.py --rows 2000 --format jsonl --seed 2 -o sample.jsonl
"""
import argparse
import datetime as dt
import hashlib
import itertools
import json
import random
import sys

FAMILIES = ["bert", "llama", "whisper", "vit", "t5", "clip", "sam", "mistral",
            "phi", "qwen", "gemma", "roberta", "deberta", "wav2vec2", "diffusion"]
VARIANTS = ["base", "large", "small", "tiny", "xl", "7b", "13b", "instruct",
            "chat", "v2", "gguf", "awq"]
COUNTRIES = [("US", 28), ("CN", 9), ("IN", 8), ("DE", 6), ("GB", 5), ("FR", 4),
             ("JP", 4), ("KR", 3), ("CA", 3), ("BR", 3), ("SG", 2), ("NL", 2),
             ("RU", 2), ("VN", 1.5), ("ES", 1.5), ("IT", 1.5), ("AU", 1.5),
             ("PL", 1), ("TW", 1), ("IL", 1), ("SE", 1), ("CH", 1), ("", 2)]
REGIONS = {"US": ["California", "Virginia", "Oregon", "New York", "Texas", "Washington"],
           "CN": ["Beijing", "Shanghai", "Guangdong", "Zhejiang"],
           "IN": ["Karnataka", "Maharashtra", "Telangana"],
           "DE": ["Hesse", "Bavaria", "Berlin"],
           "GB": ["England", "Scotland"],
           "FR": ["Île-de-France", "Occitanie"]}
HEADER = ["timestamp", "status", "method", "repoName", "repoType",
          "hashedUserId", "hashedIp", "country", "region"]


def zipf_weights(n, s):
    return list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(n)))


def digest(rng):
    return hashlib.sha256(rng.getrandbits(64).to_bytes(8, "little")).hexdigest()


def make_repos(rng, n):
    repos = []
    for i in range(n):
        r = rng.random()
        kind = "model" if r < 0.7 else "dataset" if r < 0.95 else "space"
        name = f"acme-{'-'.join(rng.sample(FAMILIES, 1) + rng.sample(VARIANTS, 1))}-{i}"
        repos.append((kind, f"acme/{name}"))
    return repos


def burst(rng, at_ms):
    """The requests of one download by one client, as (ms, status, method)."""
    r = rng.random()
    if r < 0.03:                      # refused: signed out, gated, missing
        status = rng.choice([401, 403, 404, 404, 404, 429, 500, 502])
        return [(at_ms, status, "GET")] * rng.choice([1, 1, 2, 3])
    lines = []
    t = at_ms
    if rng.random() < 0.8:            # huggingface_hub probes before it downloads
        lines.append((t, 200, "HEAD"))
        t += rng.randint(5, 400)
    if rng.random() < 0.15:           # already cached
        lines.append((t, 304, "GET"))
        return lines
    lines.append((t, 302, "GET"))     # sent on to storage
    for _ in range(rng.choice([0, 0, 0, 1, 2, 4])):
        t += rng.randint(20, 3000)
        lines.append((t, rng.choice([200, 302, 206, 206]), rng.choice(["GET", "HEAD"])))
    if rng.random() < 0.05:           # a retry minutes later
        t += rng.randint(60_000, 600_000)
        lines.append((t, 302, "GET"))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--repos", type=int, default=2000)
    ap.add_argument("--users", type=int, default=200_000)
    ap.add_argument("--ips", type=int, default=400_000)
    ap.add_argument("--start", default="2026-10-01")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    repos = make_repos(rng, args.repos)
    repo_cum = zipf_weights(len(repos), 1.1)
    users = [digest(rng) for _ in range(args.users)]
    user_cum = zipf_weights(len(users), 0.9)
    ips = [digest(rng) for _ in range(args.ips)]
    ip_cum = zipf_weights(len(ips), 0.7)
    country_codes = [c for c, _ in COUNTRIES]
    country_cum = list(itertools.accumulate(w for _, w in COUNTRIES))
    start = dt.datetime.fromisoformat(args.start).replace(tzinfo=dt.timezone.utc)
    start_ms = int(start.timestamp() * 1000)
    day_ms = 86_400_000

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    if args.format == "csv":
        out.write(",".join(HEADER) + "\n")

    per_day = args.rows // args.days
    written = 0
    for day in range(args.days):
        target = per_day if day < args.days - 1 else args.rows - written
        lines = []
        while len(lines) < target:
            repo = rng.choices(repos, cum_weights=repo_cum)[0]
            signed_in = rng.random() < 0.4
            user = rng.choices(users, cum_weights=user_cum)[0] if signed_in else ""
            ip = "" if signed_in else rng.choices(ips, cum_weights=ip_cum)[0]
            country = rng.choices(country_codes, cum_weights=country_cum)[0]
            region = rng.choice(REGIONS.get(country, [""]))
            # Busier in the afternoon, UTC.
            at = start_ms + day * day_ms + int(abs(rng.gauss(0.6, 0.25)) % 1.0 * day_ms)
            for ms, status, method in burst(rng, at):
                lines.append((min(ms, start_ms + (day + 1) * day_ms - 1), status, method,
                              repo, user, ip, country, region))
        lines = sorted(lines[:target], key=lambda line: line[0])
        for ms, status, method, (kind, name), user, ip, country, region in lines:
            stamp = dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc)
            ts = stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"
            if args.format == "csv":
                out.write(f"{ts},{status},{method},{name},{kind},{user},{ip},{country},{region}\n")
            else:
                out.write(json.dumps({"timestamp": ts, "status": status, "method": method,
                                      "repoName": name, "repoType": kind,
                                      "hashedUserId": user or None, "hashedIp": ip or None,
                                      "country": country or None, "region": region or None},
                                     ensure_ascii=False) + "\n")
        written += len(lines)
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
