#!/usr/bin/env python3
# The generator of the files the speed targets are measured on (bench/compare.sh runs it);
# keep it unchanged, so that figures from different times compare.
"""Write N synthetic deal files (the planned YAML schema) and the same deals as an hledger journal.

usage: gen.py N OUTDIR   -> OUTDIR/deals/*.yaml, OUTDIR/deals.journal, OUTDIR/all.yaml
Deterministic (seeded), so runs are comparable.
"""
import os, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(42)
parties = [f"Party {i:03d}" for i in range(300)] + ["OpenAI", "NVIDIA", "Oracle", "SoftBank", "AMD", "Microsoft"]
kinds = ["investment", "compute", "cloud", "chips", "energy", "funding", "joint-venture", "lease"]
statuses = ["rumored", "in-talks", "announced", "signed", "completed"]
os.makedirs(f"{out}/deals", exist_ok=True)
with open(f"{out}/deals.journal", "w") as j:
    for i in range(n):
        ps = rnd.sample(parties, rnd.choice([2, 2, 2, 3, 4]))
        usd = rnd.choice([5e8, 1e9, 2.5e9, 1e10, 2e10, 1e11, 3e11])
        usd = int(usd * rnd.uniform(0.5, 1.5))
        gw = round(rnd.uniform(0.05, 10), 2)
        y, m, d = rnd.randint(2019, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
        body = (
            f"title: Synthetic deal {i} between {' and '.join(ps)}\n"
            f"announced: {y}-{m:02d}-{d:02d}\n"
            f"status: {rnd.choice(statuses)}\n"
            f"kind: {rnd.choice(kinds)}\n"
            f"parties: [{', '.join(ps)}]\n"
            f"dollars: {usd}\n"
            f"gigawatts: {gw}\n"
            f"sources:\n  - url: https://example.com/news/{i}\n    title: Report {i}\n"
            + (f"flows:\n  - {{from: {ps[0]}, to: {ps[1]}, dollars: {usd}, for: equity}}\n"
               f"  - {{from: {ps[1]}, to: {ps[0]}, dollars: undisclosed, for: compute}}\n" if i % 5 == 0 else "")
            + f"tags: [synthetic, t{i % 17}]\n"
            f"notes: |\n  Generated record {i} for load tests; the numbers mean nothing.\n"
        )
        with open(f"{out}/deals/deal-{i:06d}.yaml", "w") as f:
            f.write(body)
        j.write(f"{y}-{m:02d}-{d:02d} Synthetic deal {i}\n")
        for p in ps:
            j.write(f"    deals:{p}    {usd} USD\n")
        j.write(f"    total\n\n")
