"""``spark-submit .../kroniek/batch/__main__.py INPUT... OUTPUT``: the `kroniek spark` command.

spark-submit runs a Python file; this one hands its arguments to the command, which
joins the session spark-submit started (its --master and --conf apply).
"""

import sys

if __name__ == "__main__":
    from kroniek.cli import main

    main(["spark", *sys.argv[1:]], prog_name="kroniek")
