"""Throughput of `kroniek ingest` against Frog alone, and one worker against two.

All runs happen side by side in one invocation on the same articles:

  frog-1     one Frog server, one persistent connection, the texts sent one by one
             (no kroniek code at all: the floor kroniek cannot beat)
  frog-2     the same with two Frog servers fed in parallel (the scaling ceiling; --frog-2)
  kroniek-1  `kroniek ingest --workers 1` into a fresh database (read, parse, extract, store)
  kroniek-2  `kroniek ingest --workers 2` into a fresh database
  kroniek-1-rules  (--rules-too) kroniek-1 with the event rules alone ([events] learned =
             false): kroniek-1 / kroniek-1-rules is what the learned event layer costs

Wall times include starting Frog in every run. The ratios printed at the end are the
acceptance figures of issue 2: kroniek-1 throughput / frog-1 throughput (≥ 0.9) and
kroniek-2 / kroniek-1 (≥ 1.7).

    python bench/ingest_throughput.py [--articles PATH] [--limit N] [--frog-2] [--rules-too]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_ARTICLES = REPO.parent / "shared" / "data" / "dpgmedia2019_nl" / "articles.jsonl"


def load_texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = (json.loads(line).get("text") or "").strip()
            if text:
                texts.append(text)
            if limit and len(texts) >= limit:
                break
    return texts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RawFrog:
    """Frog in server mode spoken to directly over a socket: the baseline."""

    def __init__(self) -> None:
        self.port = free_port()
        env = dict(os.environ, OMP_NUM_THREADS="1", OMP_WAIT_POLICY="PASSIVE")
        self.proc = subprocess.Popen(["frog", "-S", str(self.port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        deadline = time.monotonic() + 300
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=600)
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("Frog did not start")
                time.sleep(0.25)
        self.buf = b""

    def parse(self, text: str) -> int:
        """Send one text; return the number of token lines in the answer."""
        self.sock.sendall(text.encode("utf-8") + b"\nEOT\n")
        while True:
            i = self.buf.find(b"\nREADY\n") if not self.buf.startswith(b"READY\n") else -1
            if self.buf.startswith(b"READY\n"):
                answer, self.buf = b"", self.buf[6:]
                return 0
            if i >= 0:
                answer, self.buf = self.buf[:i], self.buf[i + 7:]
                return sum(1 for line in answer.split(b"\n") if b"\t" in line)
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise RuntimeError("Frog closed the connection")
            self.buf += chunk

    def close(self) -> None:
        self.sock.close()
        self.proc.terminate()
        self.proc.wait()


def run_frog(texts: list[str], servers: int) -> dict:
    started = time.perf_counter()
    frogs: list[RawFrog] = []
    threads = [threading.Thread(target=lambda: frogs.append(RawFrog())) for _ in range(servers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ready = time.perf_counter()
    tokens = [0] * servers
    lock = threading.Lock()
    queue = list(reversed(texts))

    def work(k: int) -> None:
        while True:
            with lock:
                if not queue:
                    return
                text = queue.pop()
            tokens[k] += frogs[k].parse(text)

    workers = [threading.Thread(target=work, args=(k,)) for k in range(servers)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    done = time.perf_counter()
    for f in frogs:
        f.close()
    return {"seconds": done - started, "startup": ready - started, "tokens": sum(tokens)}


def run_kroniek(articles: Path, workers: int, limit: int | None, keep_db: Path | None = None,
                config: str | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = articles
        if limit:
            src = Path(tmp) / "subset.jsonl"
            with articles.open(encoding="utf-8") as f, src.open("w", encoding="utf-8") as out:
                n = 0
                for line in f:
                    out.write(line)
                    n += bool((json.loads(line).get("text") or "").strip())
                    if n >= limit:
                        break
        db = Path(tmp) / "bench.db"
        if keep_db is not None:
            keep_db.unlink(missing_ok=True)
            db = keep_db
        kroniek = Path(sys.executable).parent / "kroniek"
        options = []
        if config is not None:
            (Path(tmp) / "bench.toml").write_text(config, encoding="utf-8")
            options = ["--config", str(Path(tmp) / "bench.toml")]
        started = time.perf_counter()
        proc = subprocess.run([str(kroniek), *options, "ingest", str(src), "--db", str(db), "--workers", str(workers)],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - started
        import sqlite3

        conn = sqlite3.connect(db)
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        rejects = conn.execute("SELECT code, count(*) FROM rejects GROUP BY code").fetchall()
        conn.close()
    summary = [line for line in proc.stderr.splitlines() if line.startswith(("ingest:", "  "))]
    return {"seconds": seconds, "exit": proc.returncode, "documents": docs, "rejects": dict(rejects),
            "summary": summary}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--limit", type=int, default=None, help="only the first N non-empty articles")
    ap.add_argument("--frog-2", action="store_true", help="also time two raw Frog servers")
    ap.add_argument("--rules-too", action="store_true",
                    help="also time one worker with the event rules alone (the learned layer's cost)")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "ingest_throughput.json")
    ap.add_argument("--keep-db", type=Path, default=None,
                    help="keep the database of the two-worker run here (for bench/query_latency.py)")
    args = ap.parse_args()

    texts = load_texts(args.articles, args.limit)
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} non-empty articles, {chars:,} characters, {os.cpu_count()} cores", flush=True)
    results: dict[str, dict] = {}
    results["frog-1"] = run_frog(texts, 1)
    print(f"frog-1     {results['frog-1']['seconds']:8.1f} s  ({results['frog-1']['tokens']:,} tokens)", flush=True)
    if args.frog_2:
        results["frog-2"] = run_frog(texts, 2)
        print(f"frog-2     {results['frog-2']['seconds']:8.1f} s", flush=True)
    for w in (1, 2):
        r = results[f"kroniek-{w}"] = run_kroniek(args.articles, w, args.limit, args.keep_db if w == 2 else None)
        print(f"kroniek-{w}  {r['seconds']:8.1f} s  exit {r['exit']}, {r['documents']} documents, "
              f"rejects {r['rejects']}", flush=True)
    if args.rules_too:
        r = results["kroniek-1-rules"] = run_kroniek(args.articles, 1, args.limit,
                                                     config="[events]\nlearned = false\n")
        print(f"kroniek-1-rules  {r['seconds']:8.1f} s  exit {r['exit']}, {r['documents']} documents", flush=True)
    f1 = results["frog-1"]
    k1, k2 = results["kroniek-1"], results["kroniek-2"]
    tokens = f1["tokens"]
    print()
    print("| run | seconds | tokens/s | relative |")
    print("|---|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['seconds']:.1f} | {tokens / r['seconds']:.0f} | {f1['seconds'] / r['seconds']:.2f}× |")
    print()
    ratio_frog = f1["seconds"] / k1["seconds"]
    ratio_workers = k1["seconds"] / k2["seconds"]
    print(f"kroniek-1 throughput / Frog alone: {ratio_frog:.2f}×  (target ≥ 0.9)")
    print(f"kroniek-2 / kroniek-1:             {ratio_workers:.2f}×  (target ≥ 1.7)")
    if "kroniek-1-rules" in results:
        print(f"kroniek-1 / kroniek-1-rules:       {results['kroniek-1-rules']['seconds'] / k1['seconds']:.2f}×  "
              f"(the learned event layer's cost; target ≥ 0.85)")
    if "frog-2" in results:
        print(f"frog-2 / frog-1:                   {f1['seconds'] / results['frog-2']['seconds']:.2f}×")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"articles": len(texts), "characters": chars, "results": results,
                                    "ratio_kroniek_vs_frog": ratio_frog,
                                    "ratio_two_vs_one_worker": ratio_workers}, indent=2))


if __name__ == "__main__":
    main()
