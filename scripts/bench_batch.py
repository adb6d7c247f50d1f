"""Issue #4 acceptance 1-5 in one run: corpus-scale batch conversion, figures as Markdown.

    python scripts/bench_batch.py [--pages DIR] [--all-formats 200] [--small 500]
                                  [--kill 60] [--dask 200] [--scratch DIR]
    python scripts/bench_batch.py --against CHECKOUT [--rounds 3] [--pages DIR]

With ``--against``, only TEI+JSON over every page at ``--jobs 2``, this checkout and another
one alternately in the same run (wall, cables/s, the main process's CPU per cable).

1. TEI+JSON over every page: ``--jobs 1`` and ``--jobs 2`` (wall, cables/s, speed-up), against
   the same cables converted in this process with no batch layer (the work being scheduled).
   All formats over ``--all-formats`` pages: jobs 1 and 2 against two bounds measured here in
   the same run: the in-process pipeline, and the bare tools (weasyprint on the same HTML,
   pandoc on the same input, plus our own time for the formats no external tool makes).
2. Peak RSS per worker: a ``--small``-page run against the all-pages run.
3. A re-run over every page with everything up to date.
4. ``kill -9`` of the whole process group of an all-format batch midway, then a re-run:
   each cable once, no truncated or empty file seen at any moment, the report complete.
5. ``--engine dask`` (a 2-worker local cluster) against the local engine, all formats on
   ``--dask`` pages: byte-identical outputs.

The batch runs go through the command line (``python -m convert``) in child processes, so
their times include starting Python and the workers. The machine may be shared: ratios
measured within one run are what to compare.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts"), str(REPO / "tests")]

from batch_support import complete, tree  # noqa: E402  (the tests' checks: an output file is whole; a cable's outputs)
from corpus import pages as corpus_pages  # noqa: E402

from convert.options import ConvertOptions  # noqa: E402
from convert.pipeline import render, to_cable  # noqa: E402
from convert.readers import Source, load_source  # noqa: E402
from convert.writers import FORMATS  # noqa: E402

ALL = tuple(FORMATS)
STATE = ".cable-convert"


# ------------------------------------------------------------------------------ helpers


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli(args: list[str], timeout: float = 7200, code: Path = REPO) -> tuple[float, dict]:
    """Run ``python -m convert ARGS`` (-o is in ARGS) with the code of ``code`` (a checkout:
    this one by default); wall time and its report.json, to which ``main_cpu`` (the main
    process's CPU seconds) and ``cpu`` (main + workers, with the pandoc processes they ran)
    are added."""
    before = children_cpu()
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, "-m", "convert", *args, "-q"], cwd=code,
                          capture_output=True, text=True, timeout=timeout, env=env)
    wall = time.perf_counter() - started
    out = Path(args[args.index("-o") + 1])
    if done.returncode not in (0, 16):
        raise SystemExit(f"convert {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    report = json.loads((out / "report.json").read_text())
    # the workers are the fork server's children, which the main process never reaps:
    # their CPU comes from the report, the main process's from here
    report["main_cpu"] = children_cpu() - before
    report["cpu"] = report["main_cpu"] + sum(w["cpu_seconds"] for w in report["workers"])
    return wall, report


def process_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime + children_cpu()


def link_pages(pages: list[Path], target: Path) -> Path:
    """A folder holding ``pages`` (one input folder for the CLI): hard links where the file
    system allows, else copies. (Not symbolic links: a folder walk does not follow them.)"""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for page in pages:
        link = target / page.parent.parent.name / page.parent.name / page.name
        link.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(page, link)
        except OSError:
            shutil.copyfile(page, link)
    return target


LAYER_CPU = """
import json, sys, time
sys.path.insert(0, {code!r})
import convert.batch as batch
from convert.batch import worker
from convert.options import ConvertOptions
spent = [0.0]

class Synchronous:
    # runs each task in this process when polled, and times it: what a worker process does
    # (read, convert, stage the files) is subtracted from this process's CPU
    name = "synchronous"
    def __init__(self): self.pending = []
    def free_slots(self): return max(0, 64 - len(self.pending))
    def in_flight(self): return len(self.pending)
    def submit(self, task): self.pending.append(task)
    def poll(self, timeout):
        tasks, self.pending = self.pending, []
        started = time.process_time()
        outcomes = [worker.execute(t) for t in tasks]
        spent[0] += time.process_time() - started
        return outcomes
    def close(self): pass
    def describe(self): return "synchronous"

def make(*args, **kwargs): return Synchronous()
if hasattr(batch, "_make_engine"):
    batch._make_engine = make
else:
    from convert.batch import driver
    driver.make_engine = make
from pathlib import Path
started = time.process_time()
report = batch.run([{corpus!r}], Path({out!r}), ConvertOptions(), "tree", jobs=2)
total = time.process_time() - started
print(json.dumps({{"cables": len(report.results), "main": total - spent[0], "worker": spent[0]}}))
"""


def layer_cpu(code: Path, corpus: Path, out: Path) -> dict[str, float]:
    """The batch layer's own CPU in the main process for one TEI+JSON run over ``corpus``
    with the code of ``code``: the run's CPU less the time spent in the tasks themselves
    (run in this process, synchronously, by a stand-in engine: no worker, no other process
    to share the cores with), so listing, planning, naming, syncing, renaming, the log and
    the report are what is left."""
    shutil.rmtree(out, ignore_errors=True)
    script = LAYER_CPU.format(code=str(code), corpus=str(corpus), out=str(out))
    done = subprocess.run([sys.executable, "-c", script], cwd=code, capture_output=True,
                          text=True, check=True, env={**os.environ, "PYTHONPATH": str(code)})
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare_tei_json(corpus: Path, n: int, scratch: Path, against: Path, rounds: int) -> None:
    """TEI+JSON over every page at --jobs 2, this checkout and ``against`` alternately,
    ``rounds`` times each: wall, cables/s, and the main process's CPU per cable (the batch
    layer's own cost: listing, planning, naming, syncing, renaming, the log and the report;
    the workers' CPU is the pipeline's)."""
    rows: dict[str, list[tuple[float, float, float]]] = {"this checkout": [], str(against): []}
    for _ in range(rounds):
        for name, code in (("this checkout", REPO), (str(against), against)):
            out = scratch / "compare"
            shutil.rmtree(out, ignore_errors=True)
            wall, report = cli([str(corpus), "-o", str(out), "--to", "tei,json", "--layout",
                                "tree", "--jobs", "2"], code=code)
            workers = report["cpu"] - report["main_cpu"]
            rows[name].append((wall, report["main_cpu"] / n * 1000, workers / n * 1000))
            print(f"  {name}: {wall:.1f} s, {n / wall:.0f} cables/s, main CPU "
                  f"{report['main_cpu'] / n * 1000:.3f} ms/cable, workers "
                  f"{workers / n * 1000:.2f} ms/cable", flush=True)
    layer: dict[str, list[float]] = {"this checkout": [], str(against): []}
    for _ in range(rounds):
        for name, code in (("this checkout", REPO), (str(against), against)):
            figures = layer_cpu(code, corpus, scratch / "layer")
            layer[name].append(figures["main"] / figures["cables"] * 1000)
            print(f"  {name}: batch layer alone {layer[name][-1]:.3f} ms/cable CPU "
                  f"(tasks {figures['worker'] / figures['cables'] * 1000:.2f})", flush=True)
    print(f"\n| TEI+JSON, --jobs 2, {n} pages | best wall | cables/s | main CPU ms/cable (median) "
          "| workers CPU ms/cable (median) |\n| --- | --- | --- | --- | --- |")
    for name, values in rows.items():
        best = min(v[0] for v in values)
        print(f"| {name} | {best:.1f} s | {n / best:.0f} | "
              f"{statistics.median(v[1] for v in values):.3f} | "
              f"{statistics.median(v[2] for v in values):.2f} |")
    print("\n| the batch layer's own CPU, main process (stand-in engine) | ms/cable, best | "
          "median |\n| --- | --- | --- |")
    for name, values in layer.items():
        print(f"| {name} | {min(values):.3f} | {statistics.median(values):.3f} |")


def peak_rss(report: dict) -> tuple[float, float]:
    """(max, median) peak RSS over the run's worker processes, MB."""
    values = [w["peak_rss_mb"] for w in report["workers"]] or [0.0]
    return max(values), statistics.median(values)


# ---------------------------------------------------------------- in-process references


def inprocess(pages: list[Path], formats: tuple[str, ...]) -> tuple[float, float, int]:
    """The pipeline alone, sequential in this process, no file written:
    (wall seconds, CPU seconds with pandoc's, cables)."""
    options = ConvertOptions(formats=formats)
    cables = 0
    cpu = process_cpu()
    started = time.perf_counter()
    for page in pages:
        try:
            for item in load_source(Source(str(page), path=str(page)), options.read):
                render(to_cable(item), options)
                cables += 1
        except Exception:  # noqa: S112 - failures count as time spent
            continue
    return time.perf_counter() - started, process_cpu() - cpu, cables


def bare_tools(pages: list[Path]) -> dict[str, float] | str:
    """Seconds per part over ``pages``: reading+normalizing, each writer of ours, and the bare
    tools (weasyprint for PDF, pandoc for EPUB and DOCX) on the same HTML and arguments."""
    try:
        import weasyprint

        from convert.options import WriteOptions
        from convert.writers import get_writer, html, pandoc, pdf
        from convert.writers.reference import reference_file
    except Exception as exc:
        return f"bare-tool helpers unavailable: {exc}"
    options = WriteOptions()
    read = ConvertOptions().read
    times = dict.fromkeys(["read+normalize", *ALL, "bare pdf", "bare epub", "bare docx"], 0.0)
    cpu = dict.fromkeys(times, 0.0)

    def clock(key: str, function: Callable[[], object]) -> None:
        started, used = time.perf_counter(), process_cpu()
        function()
        times[key] += time.perf_counter() - started
        cpu[key] += process_cpu() - used

    try:
        css, fonts = pdf.compiled_css(options.theme, options.paper), pdf.font_config()
        reference = reference_file(options.theme, options.paper)
        for page in pages:
            started, used = time.perf_counter(), process_cpu()
            cable = to_cable(next(load_source(Source(str(page), path=str(page)), read)))
            times["read+normalize"] += time.perf_counter() - started
            cpu["read+normalize"] += process_cpu() - used
            for fmt in ALL:
                clock(fmt, lambda f=fmt, c=cable: get_writer(f)(c, options))
            facts = cable.view
            page_html = html.serialize(html.document(
                [html.article(cable, options)], facts.subject, facts.lang, None,
                html.document_meta(facts, html.modified_iso(cable, options)))).decode()
            epub_html = html.serialize(html.document(
                [html.article(cable, options, flavour="epub")], facts.subject, facts.lang, None))
            docx_html = html.serialize(html.document(
                [html.article(cable, options, flavour="docx", title_as_heading=False)], "",
                facts.lang, None))
            tei = pdf.tei_bytes(cable)

            def weasy(page_html: str = page_html, tei: bytes = tei) -> bytes:
                attachment = weasyprint.Attachment(file_obj=io.BytesIO(tei), name="x.tei.xml",
                                                   relationship="Source")
                return weasyprint.HTML(string=page_html).write_pdf(
                    stylesheets=[css], font_config=fonts, pdf_variant="pdf/a-3b",
                    attachments=[attachment])

            def run_pandoc(data: bytes, args: list[str]) -> bytes:
                command = [pandoc.pandoc_path(), "--sandbox", "--quiet", *args, "-o", "-"]
                return subprocess.run(command, input=data, capture_output=True,
                                      check=True).stdout

            clock("bare pdf", weasy)
            clock("bare epub", lambda d=epub_html: run_pandoc(d, [
                "-f", "html", "-t", "epub3", "--split-level=1", "--toc",
                "--epub-title-page=false"]))
            clock("bare docx", lambda d=docx_html: run_pandoc(d, [
                "-f", "html", "-t", "docx", f"--reference-doc={reference}"]))
    except Exception as exc:
        return f"bare-tool measurement failed: {type(exc).__name__}: {exc}"
    times.update({f"cpu {key}": value for key, value in cpu.items()})
    return times


# --------------------------------------------------------------------------- kill -9 test


def kill_test(pages: list[Path], scratch: Path) -> dict[str, object]:
    corpus = link_pages(pages, scratch / "kill-in")
    out = scratch / "kill-out"
    shutil.rmtree(out, ignore_errors=True)
    state = out / STATE / "state.jsonl"
    problems: list[str] = []
    stop = threading.Event()
    seen = 0

    def watch() -> None:
        nonlocal seen
        while not stop.is_set():
            for path in list(out.rglob("*")) if out.exists() else []:
                if STATE in path.parts or not path.is_file():
                    continue
                try:
                    why = complete(path)
                except FileNotFoundError:
                    continue
                seen += 1
                if why:
                    problems.append(f"{path.name}: {why}")

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    child = subprocess.Popen([sys.executable, "-m", "convert", str(corpus), "-o", str(out),
                              "--to", "all", "--jobs", "2", "-q"], cwd=REPO,
                             start_new_session=True)
    target = len(pages) // 3
    while child.poll() is None:
        lines = state.read_bytes().count(b"\n") if state.exists() else 0
        if lines >= target:
            break
        time.sleep(0.02)
    if child.poll() is not None:
        return {"error": "the batch finished before it was killed"}
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    before = {json.loads(line)["k"] for line in state.read_text().splitlines()
              if line.endswith("}")}
    time.sleep(0.5)
    _, report = cli([str(corpus), "-o", str(out), "--to", "all", "--jobs", "2"])
    stop.set()
    watcher.join()
    redone = {r["source"] for r in report["cables"] if r["status"] == "converted"}
    redone_keys = {os.path.abspath(s) for s in redone}
    files = tree(out)
    bad = [name for name in files if complete(out / name)]
    sources = [c["source"] for c in report["cables"]]
    return {
        "recorded before the kill": len(before),
        "converted by the re-run": len(redone),
        "converted twice": len(redone_keys & before),
        "report entries": len(sources),
        "distinct sources": len(set(sources)),
        "failed": report["totals"]["failed"],
        "output files": len(files),
        "expected files": len(pages) * len(ALL),
        "bad files at the end": len(bad),
        "bad files seen while running": len(problems),
        "file checks while running": seen,
        "temporary files left": len(list((out / STATE / "tmp").iterdir())),
    }


# -------------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="unpacked cablegate pages (default: unpack the shared "
                        "archive into a temporary folder)")
    parser.add_argument("--all-formats", type=int, default=200, metavar="N")
    parser.add_argument("--small", type=int, default=500, metavar="N")
    parser.add_argument("--kill", type=int, default=60, metavar="N")
    parser.add_argument("--dask", type=int, default=200, metavar="N", help="0: skip")
    parser.add_argument("--scratch", help="folder for outputs (default: a temporary one)")
    parser.add_argument("--limit", type=int, help="only the first N pages (a quick trial)")
    parser.add_argument("--against", metavar="CHECKOUT",
                        help="only TEI+JSON at --jobs 2, this checkout against CHECKOUT (e.g. "
                        "`git worktree add /tmp/base main`), alternately, --rounds times each")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = corpus_pages(args.pages)
    pages = pages[:: max(1, len(pages) // args.limit)][: args.limit] if args.limit else pages
    n = len(pages)
    scratch = Path(args.scratch or tempfile.mkdtemp(prefix="bench-batch-"))
    scratch.mkdir(parents=True, exist_ok=True)
    subset = pages[:: max(1, n // max(1, args.all_formats))][: args.all_formats]
    corpus = link_pages(pages, scratch / "all-in")
    print(f"# bench_batch: {n} pages, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at start\n", flush=True)
    if args.against:
        compare_tei_json(corpus, n, scratch, Path(args.against).resolve(), args.rounds)
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}; scratch {scratch}")
        return 0

    rows: list[tuple[str, str]] = []

    def row(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"  {name}: {value}", flush=True)

    # 1a. TEI + JSON over everything
    seq, seq_cpu, cables = inprocess(pages, ("tei", "json"))
    row("TEI+JSON, in-process pipeline, 1 core, no files (reference)",
        f"{seq:.1f} s, {cables / seq:.0f} cables/s; CPU {seq_cpu / cables * 1000:.2f} ms/cable")
    out = scratch / "tj"
    results = {}
    for jobs in (1, 2):
        shutil.rmtree(out, ignore_errors=True)
        wall, report = cli([str(corpus), "-o", str(out), "--to", "tei,json", "--layout", "tree",
                            "--jobs", str(jobs)])
        results[jobs] = (wall, report)
        workers = report["cpu"] - report["main_cpu"]
        row(f"TEI+JSON, {n} pages, --jobs {jobs}",
            f"{wall:.1f} s, **{report['totals']['cables'] / wall:.0f} cables/s** "
            f"({report['totals']['converted']} converted, {report['totals']['failed']} failed); "
            f"CPU {report['cpu'] / n * 1000:.2f} ms/cable (main {report['main_cpu'] / n * 1000:.2f}"
            f" + workers {workers / n * 1000:.2f}) = {report['cpu'] / seq_cpu - 1:+.0%} vs "
            f"in-process; cores obtained {workers / wall:.2f}")
    row("TEI+JSON speed-up, jobs 2 / jobs 1", f"**{results[1][0] / results[2][0]:.2f}x**")
    row("TEI+JSON, jobs 2, projected on 2 idle cores (2 / measured CPU per cable)",
        f"{2 * n / results[2][1]['cpu']:.0f} cables/s")

    # 2. memory, 3. up-to-date re-run
    big_max, big_median = peak_rss(results[2][1])
    small_in = link_pages(pages[:: max(1, n // args.small)][: args.small], scratch / "small-in")
    small_out = scratch / "small"
    shutil.rmtree(small_out, ignore_errors=True)
    _, small = cli([str(small_in), "-o", str(small_out), "--to", "tei,json", "--jobs", "2"])
    small_max, small_median = peak_rss(small)
    row(f"peak RSS per worker, TEI+JSON, {small['totals']['cables']} cables (max / median)",
        f"{small_max:.1f} / {small_median:.1f} MB")
    row(f"peak RSS per worker, TEI+JSON, {n} cables (max / median)",
        f"{big_max:.1f} / {big_median:.1f} MB (**{big_max / small_max - 1:+.0%}**)")
    wall, again = cli([str(corpus), "-o", str(out), "--to", "tei,json", "--layout", "tree",
                       "--jobs", "2"])
    row(f"re-run over {n} pages, all up to date",
        f"**{wall:.2f} s** ({again['totals']['up-to-date']} skipped, "
        f"{again['totals']['converted']} converted)")

    # 1b. all formats on a subset
    m = len(subset)
    tools = bare_tools(subset)
    pipe, pipe_cpu, _ = inprocess(subset, ALL)
    row(f"all formats, in-process pipeline, {m} pages, 1 core (reference)",
        f"{pipe:.1f} s, {m / pipe:.2f} cables/s; CPU {pipe_cpu:.1f} s")
    bare = bare_cpu = None
    if isinstance(tools, dict):
        own = ("read+normalize", "tei", "json", "html", "md")
        tools_only = ("bare pdf", "bare epub", "bare docx")
        bare = sum(tools[k] for k in own + tools_only)
        bare_cpu = sum(tools[f"cpu {k}"] for k in own + tools_only)
        row("bare tools, same pages, 1 core: weasyprint / pandoc epub / pandoc docx",
            f"{tools['bare pdf']:.1f} / {tools['bare epub']:.1f} / {tools['bare docx']:.1f} s; "
            f"with our read+normalize+tei+json+html+md ({sum(tools[k] for k in own):.1f} s): "
            f"{bare:.1f} s, CPU {bare_cpu:.1f} s (our pdf / epub / docx writers: "
            f"{tools['pdf']:.1f} / {tools['epub']:.1f} / {tools['docx']:.1f} s)")
    else:
        row("bare tools", tools)
    sub_in = link_pages(subset, scratch / "sub-in")
    for jobs in (1, 2):
        target = scratch / f"all-{jobs}"
        shutil.rmtree(target, ignore_errors=True)
        wall, report = cli([str(sub_in), "-o", str(target), "--to", "all", "--jobs", str(jobs)])
        rate = m / wall
        text = (f"{wall:.1f} s, **{rate:.2f} cables/s**; {rate / (jobs * m / pipe):.0%} of the "
                "in-process bound")
        if bare:
            text += f", **{rate / (jobs * m / bare):.0%} of the bare-tools bound**"
        workers = report["cpu"] - report["main_cpu"]
        text += (f"; CPU {report['cpu']:.1f} s = {report['cpu'] / pipe_cpu - 1:+.1%} vs "
                 "in-process")
        if bare_cpu:
            text += f", **{report['cpu'] / bare_cpu - 1:+.1%} vs bare tools**"
        text += f"; cores obtained {workers / wall:.2f}"
        row(f"all formats, {m} pages, --jobs {jobs}", text)
        results[10 + jobs] = (wall, report)
    row("all formats speed-up, jobs 2 / jobs 1", f"**{results[11][0] / results[12][0]:.2f}x**")
    projected = 2 * m / results[12][1]["cpu"]
    text = f"{projected:.2f} cables/s"
    if bare_cpu:
        text += f" = {projected / (2 * m / bare_cpu):.0%} of the bare-tools bound (CPU)"
    row("all formats, jobs 2, projected on 2 idle cores (2 / measured CPU per cable)", text)
    row("peak RSS per worker, all formats (max / median)",
        "{:.0f} / {:.0f} MB".format(*peak_rss(results[12][1])))

    # 4. kill -9
    kill = kill_test(pages[:: max(1, n // args.kill)][: args.kill], scratch)
    ok = (not kill.get("error") and kill["converted twice"] == 0
          and kill["report entries"] == kill["distinct sources"] == args.kill
          and kill["output files"] == kill["expected files"]
          and not kill["bad files at the end"] and not kill["bad files seen while running"]
          and not kill["temporary files left"])
    row(f"kill -9 midway, all formats, {args.kill} pages, re-run",
        ("PASS: " if ok else "FAIL: ") + ", ".join(f"{k} {v}" for k, v in kill.items()))

    # 5. dask
    if args.dask:
        dask_in = link_pages(subset[: args.dask], scratch / "dask-in")
        local_out, dask_out = scratch / "dask-local", scratch / "dask-dask"
        for target, extra in ((local_out, []), (dask_out, ["--engine", "dask"])):
            shutil.rmtree(target, ignore_errors=True)
            wall, report = cli([str(dask_in), "-o", str(target), "--to", "all", "--jobs", "2",
                                *extra])
            row(f"{'dask local cluster' if extra else 'local engine'}, all formats, "
                f"{report['totals']['cables']} pages", f"{wall:.1f} s")
        a, b = tree(local_out), tree(dask_out)
        differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        row("dask vs local outputs", f"{len(a)} files, {len(differ)} differ"
            + (f" (e.g. {differ[:3]})" if differ else ": byte-identical"))

    print("\n| measure | result |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}; scratch {scratch}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
