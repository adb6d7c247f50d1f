"""The size limits issue 9 set (no module over 400 lines, no function over 60 lines in
``normalize/`` and ``writers/``) hold, checked by the same code ``scripts/code_metrics.py`` prints."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _metrics() -> ModuleType:
    spec = importlib.util.spec_from_file_location("code_metrics", ROOT / "scripts" / "code_metrics.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("code_metrics", module)
    spec.loader.exec_module(module)
    return module


def test_the_package_keeps_its_size_limits() -> None:
    metrics = _metrics()
    modules, _funcs, limited = metrics.measure()
    assert len(modules) > 100 and len(limited) > 500  # the whole package was read
    assert metrics.over_limits(modules, limited) == []


def test_a_function_over_the_limit_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    metrics = _metrics()
    monkeypatch.setattr(metrics, "ROOT", tmp_path)
    body = "\n".join(f"    x{i} = {i}" for i in range(metrics.FUNCTION_LIMIT))
    path = tmp_path / "long.py"
    path.write_text(f"@staticmethod\ndef long():\n{body}\n", encoding="utf-8")
    ((lines, name),) = metrics.functions(path)
    assert (lines, name) == (metrics.FUNCTION_LIMIT + 2, "long.py:2 long")  # decorator and def counted
    (tmp_path / "convert" / "normalize").mkdir(parents=True)
    (tmp_path / "convert" / "normalize" / "long.py").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    modules, _funcs, limited = metrics.measure(tmp_path / "convert")
    assert metrics.over_limits(modules, limited) == ["convert/normalize/long.py:2 long"]
