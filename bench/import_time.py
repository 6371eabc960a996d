"""What `import kroniek` costs a notebook, against the modules it no longer loads eagerly.

Each line runs in a fresh interpreter (`python -c ...`), --repeat times; the median and
the worst wall-clock seconds are printed, with the interpreter alone as the floor:

  python       the interpreter starting and stopping, nothing imported
  public name  `import kroniek; kroniek.Annotator` (issue 19: under 0.5 s)
  open + name  `kroniek.open(path)` and `kroniek.Annotator()` made (no parser started)
  query layer  `kroniek.query` (SQLite store, gazetteer): what the first question loads
  pipeline     `kroniek.pipeline` with its steps: what the first article loads
  cli          `kroniek.cli` (click and every command): what `kroniek --help` loads

    python bench/import_time.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = (
    ("python", "pass"),
    ("public name", "import kroniek; kroniek.Annotator"),
    ("open + name", "import kroniek; kroniek.open('/nonexistent/k.db'); kroniek.Annotator()"),
    ("query layer", "import kroniek.query"),
    ("pipeline", "import kroniek.pipeline; kroniek.pipeline.default_steps()"),
    ("cli", "import kroniek.cli"),
)


def measure(code: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"{'case':<12} {'median s':>9} {'worst s':>8}")
    for name, code in CASES:
        t = measure(code, args.repeat)
        print(f"{name:<12} {statistics.median(t):9.3f} {max(t):8.3f}")


if __name__ == "__main__":
    main()
