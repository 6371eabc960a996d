"""The set-up does not trust the machine: what Frog needs is checked against Debian itself.

The CI machine once had `uctodata` by accident, so a set-up that forgot it stayed green.
These tests derive the Debian packages Frog needs from the files its configuration
names (``dpkg -S`` tells who owns each) and fail when scripts/debian-packages.txt, the
list the set-up installs, lacks one of them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kroniek.nlp.frog_install import DEFAULT_FROG_CONFIG, frog_files

from .conftest import REPO, require_frog

PACKAGE_LIST = REPO / "scripts" / "debian-packages.txt"


def listed_packages(when: str) -> set[str]:
    packages = set()
    for line in PACKAGE_LIST.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields and not fields[0].startswith("#") and fields[1] == when:
            packages.add(fields[0])
    return packages


def owner(path: Path) -> str:
    out = subprocess.run(["dpkg", "-S", str(path)], capture_output=True, text=True, check=True).stdout
    # "frogdata: /usr/share/frog/nld/frog.cfg" (several owners are comma-separated)
    return out.split(":", 1)[0].split(",")[0].strip()


needs_dpkg = pytest.mark.skipif(shutil.which("dpkg") is None, reason="not a Debian machine (no dpkg)")


def test_the_package_list_is_well_formed():
    for line in PACKAGE_LIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split()
            assert len(fields) >= 3 and fields[1] in {"run", "test"}, line
    assert {"frog", "frogdata", "uctodata"} <= listed_packages("run")


@pytest.mark.frog
@needs_dpkg
def test_every_file_frog_needs_comes_from_a_package_the_setup_installs():
    require_frog()
    run = listed_packages("run")
    files = frog_files(DEFAULT_FROG_CONFIG)
    assert len(files) > 20  # the configuration, its models, the tokenizer rules and includes
    owners = {f.path: owner(f.path) for f in files if f.present}
    assert not [f for f in files if not f.present], "Frog's data is incomplete on this machine"
    not_installed_by_setup = {str(p): pkg for p, pkg in owners.items() if pkg not in run}
    assert not not_installed_by_setup, f"the set-up does not install: {not_installed_by_setup}"
    assert owner(Path(shutil.which("frog")).resolve()) in run
    # The guessed package of each file (what doctor tells a user to install) is the real one.
    assert all(f.package == owners[f.path] for f in files), {
        str(f.path): (f.package, owners[f.path]) for f in files if f.package != owners[f.path]}


@needs_dpkg
def test_setup_installs_each_run_package_it_lists():
    # The set-up reads the list (nothing hard-coded beside it), and dpkg decides what is
    # installed: a command on PATH or a file alone does not prove a package.
    script = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "scripts/debian-packages.txt" in script
    assert "dpkg-query" in script
    assert "--no-install-recommends" in script
    assert "kroniek doctor" in script
