"""The Dask engine on a local cluster of two worker processes, and the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from batch_support import BusyOn, CrashOn, Pages, tree

from convert.api import convert_corpus, convert_file
from convert.batch import run
from convert.errors import EngineError, UsageError
from convert.options import ConvertOptions

SEED = Path(__file__).resolve().parents[1] / "data" / "seed-09BEIJING1463.txt"


@pytest.fixture(scope="module")
def corpus200(tmp_path_factory: pytest.TempPathFactory, cablegate: Pages) -> Path:
    root = tmp_path_factory.mktemp("corpus200")
    assert len(cablegate.copy(root, 200, step=31)) == 200
    return root


def test_dask_local_cluster_is_byte_identical_to_local(corpus200: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask extra is part of the test extra")
    options = ConvertOptions(formats=("tei", "json", "html"))
    local = run([str(corpus200)], tmp_path / "local", options, jobs=2, layout="tree")
    dask = run([str(corpus200)], tmp_path / "dask", options, jobs=2, layout="tree",
               engine="dask")
    assert dask.engine.startswith("dask (local cluster), 2 worker")
    assert len(local.converted) == len(dask.converted) == 200
    assert len({w.name for w in dask.workers}) == 2, "both Dask workers converted cables"
    expected = tree(tmp_path / "local")
    assert len(expected) == 600
    assert tree(tmp_path / "dask") == expected
    report = json.loads((tmp_path / "dask" / "report.json").read_text())
    assert report["engine"].startswith("dask") and report["totals"]["converted"] == 200
    # the Dask run keeps the same resume state: a local re-run has nothing to do
    again = run([str(corpus200)], tmp_path / "dask", options, jobs=2, layout="tree")
    assert len(again.skipped) == 200


@pytest.mark.slow
def test_dask_isolates_crashes_and_hangs(corpus200: Path, tmp_path: Path) -> None:
    """In the slow suite: the hang ends only at the wall-clock --time-limit, and the healthy
    cables must finish within it. Under load 17-19 on 2 cores (five test runs at once) healthy
    cables missed a 10 s limit, so this test is not for the default suite; 20 s leaves them
    a wide margin on a machine that runs one suite at a time."""
    pytest.importorskip("distributed")
    pages = sorted(corpus200.rglob("*.html"))[:8]
    crash, hang = pages[2].stem, pages[5].stem
    options = ConvertOptions(formats=("tei", "json"), time_limit=20.0)

    def hook(name: str, attempt: int) -> None:  # cloudpickle ships a local function
        CrashOn(crash)(name, attempt)
        BusyOn(hang)(name, attempt)

    report = run([str(p) for p in pages], tmp_path / "out", options, jobs=2, engine="dask",
                 hook=hook)
    by_name = {Path(r.source).stem: r for r in report.results}
    assert len(report.converted) == 6
    assert by_name[crash].status == "failed" and "KilledWorker" in (by_name[crash].error or "")
    assert by_name[crash].attempts == 2, "retried alone once before it is blamed"
    assert by_name[hang].status == "failed" and by_name[hang].kind == "time limit"
    assert by_name[hang].attempts == 2


def test_dask_missing_is_an_engine_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The command line is right; the machine lacks the engine: exit 17, not a usage error."""
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(EngineError, match=r"dask\.distributed is not installed"):
        run([str(SEED), str(SEED) + "x"], tmp_path, ConvertOptions(), engine="dask")


def test_scheduler_without_dask_engine_is_a_usage_error(corpus200: Path, tmp_path: Path) -> None:
    pages = sorted(corpus200.rglob("*.html"))[:2]
    with pytest.raises(UsageError, match="needs --engine dask"):
        run([str(p) for p in pages], tmp_path, ConvertOptions(), scheduler="tcp://x:1")


def test_api_convert_file_and_corpus(corpus200: Path, tmp_path: Path) -> None:
    [result] = convert_file(SEED, to="tei,md", theme="teletype")
    assert result.cable.id == "09BEIJING1463"
    assert set(result.outputs) == {"tei", "md"} and result.outputs["md"].strip()
    pages = sorted(corpus200.rglob("*.html"))[:6]
    report = convert_corpus([str(p) for p in pages], tmp_path / "out", to=["tei"], jobs=2,
                            progress="none")
    assert len(report.converted) == 6
    assert sorted(p.name for p in (tmp_path / "out").glob("*.tei.xml")) == sorted(
        f"{p.stem}.tei.xml" for p in pages)
    with pytest.raises(UsageError):
        convert_corpus(pages, tmp_path / "x", colour="red")


def test_a_cluster_left_with_no_worker_fails_its_cables_instead_of_waiting(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in a loaded run of this suite: every worker process of the local cluster and its
    nanny gone, the scheduler alive, the batch polling its futures for ever. With no worker
    for ``NO_WORKER_GRACE`` seconds, the cables in flight fail, and so does every cable
    submitted after. (The engine's cluster and clock are stand-ins: no time passes.)"""
    from types import SimpleNamespace

    from convert.batch import dask_engine

    clock = [1000.0]
    check = getattr(dask_engine, "NO_WORKER_CHECK", 5.0)  # getattr: runnable without the fix
    grace = getattr(dask_engine, "NO_WORKER_GRACE", 60.0)
    monkeypatch.setattr(dask_engine, "time", SimpleNamespace(monotonic=lambda: clock[0]), raising=False)

    class Waiting:  # dask.distributed.wait: nothing ever completes
        @staticmethod
        def wait(futures: object, timeout: float, return_when: str) -> None:
            raise TimeoutError

    workers: dict[str, int] = {"tcp://127.0.0.1:1": 1}
    engine = dask_engine.DaskEngine.__new__(dask_engine.DaskEngine)
    engine._distributed = Waiting
    engine.client = SimpleNamespace(nthreads=lambda: dict(workers))
    engine.futures = {}

    def task(index: int) -> SimpleNamespace:
        return SimpleNamespace(index=index, attempt=1, source=SimpleNamespace(name=f"c{index}"))

    cancelled: list[int] = []

    class Future:  # hashable, as Dask's are
        def __init__(self, index: int) -> None:
            self.index = index

        def cancel(self) -> None:
            cancelled.append(self.index)

    for index in (1, 2):
        engine.futures[Future(index)] = task(index)
    for _ in range(30):  # workers there: waiting is right, however long
        clock[0] += check
        assert engine.poll(0.25) == []
    workers.clear()  # every worker gone
    waited = 0.0
    outcomes: list = []
    while not outcomes:
        clock[0] += check
        waited += check
        outcomes = engine.poll(0.25)
        assert waited <= grace + 2 * check
    assert waited >= grace
    assert sorted(o.index for o in outcomes) == [1, 2] and cancelled == [1, 2]
    assert all(o.status == "failed" and "no worker" in o.failure.message for o in outcomes)
    assert engine.in_flight() == 0
    engine.futures[Future(3)] = task(3)  # submitted after
    [late] = engine.poll(0.25)
    assert late.index == 3 and late.status == "failed"
