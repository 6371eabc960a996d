"""What a working Frog installation consists of: the files its configuration names.

Frog starts only when every data file that its configuration (``frog.cfg``) names, and
every file those name in turn, can be read. They come from three Debian packages:
``frog`` (the program), ``frogdata`` (the Dutch models under /usr/share/frog/nld) and
``uctodata`` (the tokenizer rules under /usr/share/ucto). Debian pulls ``uctodata`` in
only as a recommendation of ``frog``, so an install with ``--no-install-recommends``
leaves a Frog that fails at start-up with "Initialization failed for: [tokenizer]".
This module lists those files and which package ships each, so that ``kroniek doctor``
and the set-up can say exactly what is missing and how to install it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FROG_CONFIG = Path("/usr/share/frog/nld/frog.cfg")
UCTO_CONFIG_DIR = Path("/usr/share/ucto")

# The Debian packages a working Frog needs, and what each brings.
FROG_PACKAGES: dict[str, str] = {
    "frog": "the Frog program",
    "frogdata": "Frog's Dutch models (/usr/share/frog/nld)",
    "uctodata": "the tokenizer rules Frog's tokenizer reads (/usr/share/ucto/tokconfig-nld)",
}

# Keys of frog.cfg whose value names a file in the configuration's folder.
_FILE_KEYS = {"settings", "treeFile", "t", "pairsFile", "dirFile", "relsFile", "char_filter_file",
              "subsets_file", "constraints_file", "token_trans_file", "known_ners", "token_strip_file"}
# Lines of an MBT settings file ("l Frog.mbt.1.0.lex.ambi.05") whose value is a file.
_SETTINGS_FILE_LETTERS = {"l", "k", "u", "L"}
_INCLUDE = re.compile(r"^%include\s+(\S+)\s*$")


@dataclass(frozen=True)
class FrogFile:
    """One file Frog needs: where it should be, who names it, which package ships it."""

    path: Path
    named_by: str
    package: str

    @property
    def present(self) -> bool:
        return self.path.is_file()


def _package_for(path: Path, ucto_dir: Path) -> str:
    if path.is_relative_to(ucto_dir):
        return "uctodata"
    return "frogdata"


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _config_entries(cfg: Path) -> list[tuple[str, str, str]]:
    """(section, key, value) of every ``key=value`` line of a Frog configuration."""
    section, entries = "", []
    for raw in _read_lines(cfg):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[[") and line.endswith("]]"):
            section = line[2:-2]
            continue
        key, sep, value = line.partition("=")
        if sep:
            entries.append((section, key.strip(), value.strip().strip('"')))
    return entries


def _ucto_rules(name: str, named_by: str, ucto_dir: Path) -> list[FrogFile]:
    """The tokenizer's rules file and the files it includes (``%include standard-eos``)."""
    rules = ucto_dir / name
    found = [FrogFile(rules, named_by, "uctodata")]
    for line in _read_lines(rules):
        match = _INCLUDE.match(line.strip())
        if not match:
            continue
        # An include names a file without its extension, which the section decides
        # (.rule, .abr, .eos, .quote, .filter): any file of that stem will do.
        stem = match.group(1)
        candidates = sorted(ucto_dir.glob(f"{stem}.*"))
        path = candidates[0] if candidates else ucto_dir / f"{stem}.*"
        found.append(FrogFile(path, f"{name} (%include {stem})", "uctodata"))
    return found


def frog_files(config: Path | str | None = None, ucto_dir: Path | None = None) -> list[FrogFile]:
    """Every file Frog needs to start with ``config`` (Debian's Dutch configuration by default).

    The configuration itself comes first; when it is missing, nothing else can be known.
    """
    cfg = Path(config) if config else DEFAULT_FROG_CONFIG
    ucto_dir = ucto_dir or UCTO_CONFIG_DIR
    files = [FrogFile(cfg, "Frog", _package_for(cfg, ucto_dir))]
    if not cfg.is_file():
        return files
    folder = cfg.parent
    for section, key, value in _config_entries(cfg):
        where = f"{cfg.name} [{section or 'global'}] {key}"
        if section == "tokenizer" and key == "rulesFile":
            local = folder / value
            files += [FrogFile(local, where, "frogdata")] if local.is_file() else _ucto_rules(value, where, ucto_dir)
        elif key in _FILE_KEYS:
            path = folder / value
            files.append(FrogFile(path, where, _package_for(path, ucto_dir)))
            if key == "settings":
                files += _settings_files(path)
    return files


def _settings_files(settings: Path) -> list[FrogFile]:
    found = []
    for line in _read_lines(settings):
        letter, _, value = line.strip().partition(" ")
        if letter in _SETTINGS_FILE_LETTERS and value:
            path = settings.parent / value.strip()
            found.append(FrogFile(path, f"{settings.name} ({letter})", "frogdata"))
    return found


def missing_frog_files(config: Path | str | None = None, ucto_dir: Path | None = None) -> list[FrogFile]:
    return [f for f in frog_files(config, ucto_dir) if not f.present]


def install_hint(packages: list[str] | set[str] | None = None) -> str:
    names = " ".join(sorted(packages or FROG_PACKAGES, key=list(FROG_PACKAGES).index))
    return f"sudo apt-get install --no-install-recommends {names}"
