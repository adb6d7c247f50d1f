#!/usr/bin/env python3
"""Module and function sizes of the package, against the limits the project keeps:
no module over 400 lines, no function over 60 lines in ``normalize/`` and ``writers/``.

    python scripts/code_metrics.py [--top 10]

Prints the largest modules and the longest functions (lines from ``def`` to the last line
of the body, decorators and docstring included) and exits 1 when a limit is broken.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "convert"
MODULE_LIMIT = 400
FUNCTION_LIMIT = 60
FUNCTION_LIMITED = ("normalize", "writers")


def functions(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            end = node.end_lineno or node.lineno
            out.append((end - start + 1, f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"))
    return out


def measure(package: Path = PACKAGE) -> tuple[list[tuple[int, Path]], list[tuple[int, str]], list[tuple[int, str]]]:
    """The package's modules by size, its functions by length, and those of them the limit holds."""
    sizes = ((len(p.read_text(encoding="utf-8").splitlines()), p) for p in package.rglob("*.py"))
    modules = sorted(sizes, reverse=True)
    funcs = sorted((f for _, p in modules for f in functions(p)), reverse=True)
    limited = [f for f in funcs if f[1].split("/")[1] in FUNCTION_LIMITED]
    return modules, funcs, limited


def over_limits(modules: list[tuple[int, Path]], limited: list[tuple[int, str]]) -> list[str]:
    """The modules and limited functions over their limits (none, when the code keeps them)."""
    broken = [str(p.relative_to(ROOT)) for n, p in modules if n > MODULE_LIMIT]
    return broken + [name for n, name in limited if n > FUNCTION_LIMIT]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    modules, funcs, limited = measure()

    print(f"| largest modules (limit {MODULE_LIMIT}) | lines |\n|---|---:|")
    for lines, path in modules[: args.top]:
        print(f"| {path.relative_to(ROOT)} | {lines} |")
    print(f"\n| longest functions in {', '.join(FUNCTION_LIMITED)}/ (limit {FUNCTION_LIMIT}) | lines |\n|---|---:|")
    for lines, name in limited[: args.top]:
        print(f"| {name} | {lines} |")
    print("\n| longest functions elsewhere | lines |\n|---|---:|")
    for lines, name in [f for f in funcs if f not in limited][: args.top]:
        print(f"| {name} | {lines} |")
    broken = over_limits(modules, limited)
    if broken:
        print("\nover the limits: " + ", ".join(broken))
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
