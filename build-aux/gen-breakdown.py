#!/usr/bin/env python3
"""Writes a realistic Publisher Analytics download breakdown as CSV.

The Hub's header and meaning: repoType,repoName,total,timestamp,downloads.
Rows are grouped by repository and in date order inside each group, as the
Hub writes them. Popularity is heavy-tailed; repositories grow, decline or
launch with a spike; weekends are quieter; most days without downloads are
left out. The same arguments always give the same file.

    gen-breakdown.py --repos 5000 --days 1500 --seed 1 -o big.csv
    gen-breakdown.py --demo -o demo.csv
"""
import argparse
import datetime as dt
import math
import random
import sys

FAMILIES = ["bert", "llama", "whisper", "vit", "t5", "clip", "sam", "mistral",
            "phi", "qwen", "gemma", "roberta", "deberta", "wav2vec2", "diffusion",
            "segformer", "detr", "bloom", "falcon", "e5", "bge", "minilm", "owl"]
VARIANTS = ["base", "large", "small", "tiny", "xl", "7b", "13b", "70b", "instruct",
            "chat", "v1", "v2", "v3", "finetuned", "gguf", "awq", "int8"]
DATASET_WORDS = ["corpus", "instructions", "eval", "benchmark", "speech", "images",
                 "code", "math", "dialogues", "captions", "preferences", "docs"]


def model_name(rng, org, i):
    parts = [rng.choice(FAMILIES), rng.choice(VARIANTS)]
    if rng.random() < 0.4:
        parts.append(rng.choice(VARIANTS))
    return f"{org}/{'-'.join(parts)}-{i}"


def dataset_name(rng, org, i):
    return f"{org}/{rng.choice(FAMILIES)}-{rng.choice(DATASET_WORDS)}-{i}"


def daily_count(rng, lam):
    if lam < 5:
        return int(rng.expovariate(1.0) * lam)
    return max(0, int(rng.gauss(lam, math.sqrt(lam) * 2)))


def write_repo(out, rng, kind, name, start, days, base, shape):
    rows = []
    for d in range(days):
        day = start + dt.timedelta(days=d)
        if shape == "grow":
            lam = base * math.exp(0.003 * d)
        elif shape == "decline":
            lam = base * math.exp(-0.002 * d)
        else:
            lam = base
        if d < 14:
            lam *= 1 + 4 * (14 - d) / 14  # launch spike
        if day.weekday() >= 5:
            lam *= 0.7  # weekends are quieter
        n = daily_count(rng, lam)
        if n == 0 and rng.random() < 0.8:
            continue  # most days without downloads are absent
        rows.append((day, n))
    before = int(sum(n for _, n in rows) * rng.uniform(0.0, 0.5))
    total = before + sum(n for _, n in rows)
    for day, n in rows:
        out.write(f"{kind},{name},{total},{day.isoformat()}T00:00:00.000Z,{n}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repos", type=int, default=200)
    ap.add_argument("--days", type=int, default=365, help="history length in days")
    ap.add_argument("--end", default="2026-11-21", help="last day, YYYY-MM-DD")
    ap.add_argument("--org", default="example-org")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--datasets", type=float, default=0.2, help="share of datasets")
    ap.add_argument("--spaces", type=float, default=0.0, help="share of spaces")
    ap.add_argument("--demo", action="store_true",
                    help="the demo organisation: 150 repositories over two years")
    ap.add_argument("-o", "--output", help="file to write (default: standard output)")
    a = ap.parse_args()

    if a.demo:
        a.repos, a.days, a.org, a.seed, a.datasets = 150, 730, "aurora-labs", 7, 0.3

    rng = random.Random(a.seed)
    end = dt.date.fromisoformat(a.end)
    out = open(a.output, "w", newline="\n") if a.output else sys.stdout
    out.write("repoType,repoName,total,timestamp,downloads\n")
    for i in range(a.repos):
        r = rng.random()
        kind = "dataset" if r < a.datasets else "space" if r < a.datasets + a.spaces else "model"
        name = dataset_name(rng, a.org, i) if kind == "dataset" else model_name(rng, a.org, i)
        base = 20000.0 / (1 + i) ** 1.1 * rng.uniform(0.3, 3.0)
        life = rng.randint(max(1, a.days // 10), a.days)
        start = end - dt.timedelta(days=life - 1)
        shape = rng.choice(["grow", "grow", "steady", "decline"])
        write_repo(out, rng, kind, name, start, life, base, shape)
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
