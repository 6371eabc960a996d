"""Whole-pipeline throughput with the fast parser against Frog, per core, side by side.

Both runs happen in one invocation on the same DPG articles, one after the other, each
as `kroniek ingest --workers 1 --parser X` into a fresh database (read, parse, extract,
store; OpenMP held to one thread), so the figures are per core. While a run goes, the
resident memory of kroniek's process and everything it started (Frog and its relay)
is sampled; the peak of that sum is the memory of one worker.

    python bench/parser_throughput.py [--articles PATH] [--limit N] [--out FILE]

Wall times include starting the parser (Frog takes seconds; the fast parser's model
loads in about one); the start-up alone is timed with `kroniek doctor`-like probes and
reported too, so a reader can compute the steady rate. issue 18's acceptance figure is
the ratio of the two throughputs (≥ 10) and the fast worker's peak memory (≤ 500 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_ARTICLES = REPO.parent / "shared" / "data" / "dpgmedia2019_nl" / "articles.jsonl"


def subset(articles: Path, limit: int, out: Path) -> tuple[int, int]:
    """The first ``limit`` articles with text, written to ``out``; (articles, characters)."""
    n = chars = 0
    with articles.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            text = (json.loads(line).get("text") or "").strip()
            if not text:
                continue
            w.write(line)
            n += 1
            chars += len(text)
            if n >= limit:
                break
    return n, chars


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="utf-8") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run_ingest(backend: str, articles: Path, tmp: Path) -> dict:
    kroniek = Path(sys.executable).parent / "kroniek"
    db = tmp / f"{backend}.db"
    env = dict(os.environ, OMP_NUM_THREADS="1", KRONIEK_CACHE=str(tmp / "cache"))
    env.pop("KRONIEK_CONFIG", None)
    started = time.perf_counter()
    proc = subprocess.Popen([str(kroniek), "ingest", "--parser", backend, "--workers", "1", "--db", str(db),
                             str(articles)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    conn = sqlite3.connect(db)
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    return {"seconds": round(seconds, 1), "exit": proc.returncode, "documents": docs,
            "peak_rss_mb": round(peak[0] / 2**20), "stderr_tail": stderr.strip().splitlines()[-3:]}


def startup(backend: str) -> float:
    """Seconds to start the parser and parse one sentence, in a fresh process."""
    code = ("import time, sys; t = time.perf_counter(); from kroniek.config import Config, ParserConfig; "
            "from kroniek.nlp.backends import make_parser; "
            f"p = make_parser(Config(parser=ParserConfig(backend={backend!r}))); p.start(); "
            "p.parse('Dit is een test.'); print(time.perf_counter() - t); p.close()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, OMP_NUM_THREADS="1"), check=True)
    return round(float(out.stdout.strip().splitlines()[-1]), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--limit", type=int, default=200, help="the first N articles with text (default 200)")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "parser_throughput.json")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        src = tmp / "articles.jsonl"
        n, chars = subset(args.articles, args.limit, src)
        print(f"{n} articles, {chars:,} characters, one worker each, OMP_NUM_THREADS=1", flush=True)
        results: dict[str, dict] = {}
        for backend in ("fast", "frog"):
            r = run_ingest(backend, src, tmp)
            r["startup_seconds"] = startup(backend)
            r["chars_per_second"] = round(chars / r["seconds"])
            steady = r["seconds"] - r["startup_seconds"]
            r["chars_per_second_after_startup"] = round(chars / steady) if steady > 0 else None
            results[backend] = r
            print(f"{backend:<5} {r['seconds']:7.1f} s (start-up {r['startup_seconds']} s), exit {r['exit']}, "
                  f"{r['documents']} documents, {r['chars_per_second']:,} chars/s, peak RSS {r['peak_rss_mb']} MB",
                  flush=True)
    fast, frog = results["fast"], results["frog"]
    ratio = frog["seconds"] / fast["seconds"]
    steady = (fast["chars_per_second_after_startup"] or 0) / (frog["chars_per_second_after_startup"] or 1)
    print(f"\nthroughput fast / frog: {ratio:.1f}x (wall, start-up included); {steady:.1f}x after start-up")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"articles": n, "characters": chars, "cores": os.cpu_count(),
                                    "results": results, "ratio_wall": round(ratio, 2),
                                    "ratio_after_startup": round(steady, 2)}, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
