"""The README promises what the code does: its exit-code table and its quick start."""

from __future__ import annotations

import re
from pathlib import Path

from convert.errors import exit_code_table

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_exit_code_table_matches_the_code():
    rows = re.findall(r"^\| (\d+) \| (\S+) \| (.+?) \|$", README, re.M)
    assert [(int(c), n, m) for c, n, m in rows] == exit_code_table()


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one():
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["./quickstart.sh run", "./quickstart.sh test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./quickstart.sh test" in ci


def test_every_debian_package_named_in_the_readme_is_installed_by_the_quick_start():
    script = (ROOT / "quickstart.sh").read_text(encoding="utf-8")
    table = README.split("| Debian package | why |", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`([a-z0-9][a-z0-9.+-]+)`", table))
    assert named and all(package in script for package in named), named


def test_using_it_opens_with_print_a_cable_then_make_a_volume():
    using = README.split("\n## Using it\n", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^### (.+)$", using, re.M)[:2] == ["Print a cable", "Make a volume"]
    volume = using.split("### Make a volume", 1)[1].split("\n### ", 1)[0]
    assert "--book" in volume and "DOCX volume has a section per cable" in volume
