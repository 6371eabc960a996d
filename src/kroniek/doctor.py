"""``kroniek doctor``: does this machine have what kroniek needs, and if not, what to do.

Each check returns a :class:`Check` with what it found and, when something is wrong, the
command that fixes it. Required checks (Python, kroniek's package data, Frog, its data,
a parse of one sentence, the database folder) decide whether kroniek can run; optional
ones (Java for ``kroniek spark``, Chromium for the browser tests) only inform. The set-up
(scripts/setup.sh) runs the same checks after installing, so a Frog that cannot start
fails the set-up with the missing package named, not the first command a user types.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .config import FrogConfig, ParserConfig
from .errors import KroniekError
from .nlp.frog_install import DEFAULT_FROG_CONFIG, install_hint, missing_frog_files

# A sentence with a name, a verb, a place and a time: enough to see that the tokenizer,
# tagger, lemmatizer, NER and dependency parser all answer.
PROBE_SENTENCE = "Minister Hoekstra reist dinsdag naar Parijs."


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True
    fix: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "ok": self.ok, "required": self.required,
                "detail": self.detail, "fix": self.fix}


def check_python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return Check("python", ok, f"Python {version} ({sys.executable})",
                 fix=None if ok else "install Python 3.11 or newer and run scripts/setup.sh again")


def check_package_data() -> Check:
    root = resources.files("kroniek")
    wanted = [root / "lexicons" / "nl" / "events.txt", root / "kb" / "data", root / "api" / "static" / "index.html",
              root / "models" / "nl_fast" / "meta.json"]
    missing = [str(p) for p in wanted if not (p.is_file() or p.is_dir())]
    if missing:
        return Check("package data", False, f"missing from the installed package: {', '.join(missing)}",
                     fix="reinstall kroniek (pip install --force-reinstall kroniek)")
    return Check("package data", True, "lexicons, knowledge base, fast parser model and web UI files present")


def check_frog_program(config: FrogConfig) -> Check:
    binary = shutil.which(config.binary)
    if binary is None:
        return Check("frog program", False, f"no {config.binary!r} on PATH", fix=install_hint())
    return Check("frog program", True, binary)


def check_frog_data(config: FrogConfig) -> Check:
    cfg = Path(config.frog_config) if config.frog_config else DEFAULT_FROG_CONFIG
    missing = missing_frog_files(cfg)
    if missing:
        packages = sorted({f.package for f in missing})
        listed = "; ".join(f"{f.path} (named by {f.named_by}, package {f.package})" for f in missing[:5])
        more = f"; and {len(missing) - 5} more" if len(missing) > 5 else ""
        return Check("frog data", False, f"{len(missing)} file(s) missing: {listed}{more}",
                     fix=install_hint(packages))
    return Check("frog data", True, f"every file {cfg} names is present")


def check_frog_parse(config: FrogConfig) -> Check:
    """Start Frog and parse one sentence: the only proof that Frog really works."""
    from .nlp.frog import FrogParser  # starts nothing at import

    try:
        with FrogParser(config) as parser:
            parsed = parser.parse(PROBE_SENTENCE)
    except KroniekError as exc:
        return Check("frog parses", False, str(exc), fix=install_hint())
    tokens = list(parsed.tokens)
    heads_ok = any(t.head is not None for t in tokens)
    if not tokens or not heads_ok:
        return Check("frog parses", False, f"Frog answered without tokens or dependencies ({len(tokens)} tokens)",
                     fix=install_hint())
    return Check("frog parses", True, f"{len(tokens)} tokens, lemmas, tags and dependencies for {PROBE_SENTENCE!r}")


def check_java() -> Check:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        return Check("java (for kroniek spark)", False, "no Java runtime found", required=False,
                     fix="sudo apt-get install default-jre-headless")
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
        first = (out.stderr or out.stdout).splitlines()[0] if (out.stderr or out.stdout) else "java"
    except (OSError, subprocess.SubprocessError) as exc:
        return Check("java (for kroniek spark)", False, f"{java} does not run: {exc}", required=False,
                     fix="sudo apt-get install default-jre-headless")
    return Check("java (for kroniek spark)", True, first.strip(), required=False)


def check_chromium() -> Check:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return Check("chromium (for the browser tests)", False, "not installed; only the tests need it",
                     required=False, fix="sudo apt-get install chromium")
    return Check("chromium (for the browser tests)", True, browser, required=False)


def check_database(path: Path) -> Check:
    """The database folder can be written; an existing database opens and is intact."""
    folder = path.parent
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not os.access(probe, os.W_OK):
        return Check("database", False, f"{path}: cannot create files in {probe}",
                     fix="choose another file with --db or $KRONIEK_DB")
    if not path.exists():
        return Check("database", True, f"{path} (not created yet; the first ingest creates it)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Check("database", False, f"{path}: {exc}", fix="move the file away and ingest again")
    if result != "ok":
        return Check("database", False, f"{path}: integrity check says {result}",
                     fix="move the file away and ingest again")
    return Check("database", True, f"{path} ({documents} documents, integrity ok)")


def check_parser_choice(parser: ParserConfig, frog_ok: bool) -> tuple[Check, str]:
    """Which parser kroniek will use, and why; returns the check and "frog" or "fast"."""
    if parser.backend == "auto":
        backend = "frog" if frog_ok else "fast"
        why = ("auto: Frog is installed" if frog_ok else
               "auto: Frog is not installed, so kroniek's own fast parser reads the articles "
               "(docs/FAST_PARSER.md; set parser.backend or --parser to choose)")
    else:
        backend, why = parser.backend, "parser.backend in the configuration or --parser"
    return Check("parser", True, f"{backend} ({why})"), backend


def check_fast_parse(parser: ParserConfig, required: bool) -> Check:
    """Load the fast parser's model and parse one sentence."""
    from .nlp.fast import FastParser  # spaCy loads only here

    try:
        with FastParser(parser.model) as fast:
            parsed = fast.parse(PROBE_SENTENCE)
    except KroniekError as exc:
        return Check("fast parser parses", False, str(exc), required=required,
                     fix="reinstall kroniek (pip install --force-reinstall kroniek), or fix parser.model")
    tokens = list(parsed.tokens)
    if not tokens or not any(t.head is not None for t in tokens):
        return Check("fast parser parses", False, f"the model answered without tokens or dependencies "
                     f"({len(tokens)} tokens)", required=required, fix="reinstall kroniek")
    return Check("fast parser parses", True, f"{len(tokens)} tokens, lemmas, tags and dependencies for "
                 f"{PROBE_SENTENCE!r} (model {fast.parser_name})", required=required)


def run_checks(db_path: Path, frog: FrogConfig | None = None, parse: bool = True,
               parser: ParserConfig | None = None) -> list[Check]:
    """Every check, in the order a user would fix them.

    Frog's checks are required when Frog is the chosen parser (``parser.backend`` "frog",
    or "auto" with Frog installed); the fast parser's when it is the one used.
    """
    frog = frog or FrogConfig()
    parser = parser or ParserConfig(backend="frog")
    program, data = check_frog_program(frog), check_frog_data(frog)
    choice, backend = check_parser_choice(parser, program.ok and data.ok)
    frog_required = backend == "frog"
    if not frog_required:
        program, data = (Check(c.name, c.ok, c.detail, required=False, fix=c.fix) for c in (program, data))
    checks = [check_python(), check_package_data(), choice, program, data]
    if parse:
        if program.ok and data.ok:
            frog_parse = check_frog_parse(frog)
        else:
            frog_parse = Check("frog parses", False, "not tried: Frog or its data is missing", fix=install_hint())
        if not frog_required:
            frog_parse = Check(frog_parse.name, frog_parse.ok, frog_parse.detail, required=False, fix=frog_parse.fix)
        checks.append(frog_parse)
        checks.append(check_fast_parse(parser, required=backend == "fast"))
    checks += [check_database(db_path), check_java(), check_chromium()]
    return checks


def healthy(checks: list[Check]) -> bool:
    return all(c.ok for c in checks if c.required)
