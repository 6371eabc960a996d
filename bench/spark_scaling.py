"""The Spark job against plain `kroniek ingest`, and Spark on one core against two.

All runs happen side by side in one invocation, on the same articles, each as the
command a user would type (a fresh JVM and fresh Frog processes every time):

  ingest-2   `kroniek ingest --workers 2` into a fresh database (the baseline)
  spark-2    `kroniek spark --master local[2] --partitions 2` into a fresh folder
  spark-1    `kroniek spark --master local[1] --partitions 1`

Wall times include starting Spark and Frog. Printed at the end: the local scaling
(spark-1 / spark-2) and Spark's overhead over plain ingest at two cores
(spark-2 / ingest-2 - 1; the target of issue 8 is at most 20%), with the machine's
load average before and after, since the machine may be shared.

    python bench/spark_scaling.py [--articles PATH] [--limit N] [--skip-one-core]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_ARTICLES = REPO.parent / "shared" / "data" / "dpgmedia2019_nl" / "articles.jsonl"
KRONIEK = str(Path(sys.executable).parent / "kroniek")


def subset(articles: Path, limit: int | None, folder: Path) -> Path:
    if not limit:
        return articles
    out = folder / f"first-{limit}.jsonl"
    with articles.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for n, line in enumerate(f):
            if n >= limit:
                break
            w.write(line)
    return out


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_ingest(src: Path, folder: Path) -> dict:
    db = folder / "ingest.db"
    started = time.perf_counter()
    proc = subprocess.run([KRONIEK, "ingest", str(src), "--db", str(db), "--workers", "2"],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    summary = [ln for ln in proc.stderr.splitlines() if ln.startswith(("ingest:", "  "))]
    # Annotated documents, as Spark counts them: the store keeps one of each repeated
    # text ("duplicate"), but every one of them was parsed.
    m = re.search(r"^ingest: (\d+) done", "\n".join(summary), re.MULTILINE)
    return {"seconds": seconds, "exit": proc.returncode, "documents": int(m.group(1)) if m else stored,
            "stored": stored, "summary": summary}


def run_spark(src: Path, folder: Path, cores: int) -> dict:
    out = folder / f"spark-{cores}"
    started = time.perf_counter()
    proc = subprocess.run([KRONIEK, "spark", str(src), str(out), "--master", f"local[{cores}]",
                           "--partitions", str(cores), "--conf", "spark.ui.enabled=false"],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    summary = [ln for ln in proc.stderr.splitlines() if ln.startswith(("spark:", "  "))]
    m = re.search(r"spark: (\d+) documents.*?, ([\d.]+) s$", "\n".join(summary), re.MULTILINE)
    if proc.returncode not in (0, 3):
        print(proc.stderr[-3000:], file=sys.stderr)
    return {"seconds": seconds, "exit": proc.returncode, "documents": int(m.group(1)) if m else None,
            "job_seconds": float(m.group(2)) if m else None, "summary": summary}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--skip-one-core", action="store_true", help="leave out spark-1 (the longest run)")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "spark_scaling.json")
    args = ap.parse_args()

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="kroniek-bench-") as tmp:
        folder = Path(tmp)
        src = subset(args.articles, args.limit, folder)
        records = sum(1 for line in src.open(encoding="utf-8") if line.strip())
        print(f"{records} records from {args.articles.name}, {os.cpu_count()} cores, "
              f"load average {load_average()}", flush=True)
        load_before = load_average()
        results["ingest-2"] = run_ingest(src, folder)
        print(f"ingest-2  {results['ingest-2']['seconds']:8.1f} s  {results['ingest-2']['documents']} documents",
              flush=True)
        results["spark-2"] = run_spark(src, folder, 2)
        print(f"spark-2   {results['spark-2']['seconds']:8.1f} s  {results['spark-2']['documents']} documents "
              f"(job {results['spark-2']['job_seconds']} s)", flush=True)
        if not args.skip_one_core:
            results["spark-1"] = run_spark(src, folder, 1)
            print(f"spark-1   {results['spark-1']['seconds']:8.1f} s  {results['spark-1']['documents']} documents "
                  f"(job {results['spark-1']['job_seconds']} s)", flush=True)
        load_after = load_average()

    base = results["ingest-2"]["seconds"]
    print()
    print("| run | seconds | documents/s | vs ingest-2 |")
    print("|---|---:|---:|---:|")
    for name, r in results.items():
        docs = r["documents"] or 0
        print(f"| {name} | {r['seconds']:.1f} | {docs / r['seconds']:.2f} | {r['seconds'] / base:.2f}× |")
    print()
    overhead = results["spark-2"]["seconds"] / base - 1
    print(f"Spark overhead over plain ingest at two cores: {overhead * 100:+.1f}%  (target ≤ 20%)")
    if "spark-1" in results:
        print(f"Spark local[2] speed-up over local[1]:          "
              f"{results['spark-1']['seconds'] / results['spark-2']['seconds']:.2f}×")
    print(f"load average before {load_before}, after {load_after}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"records": records, "results": results, "overhead": overhead,
                                    "load_before": load_before, "load_after": load_after}, indent=2))


if __name__ == "__main__":
    main()
