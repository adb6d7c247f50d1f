"""The batch layer: which cables to convert, where they run, where their bytes go.

It never formats. It lists the sources (:func:`convert.pipeline.iter_sources`), skips those
whose outputs are up to date (:mod:`.state`), hands the others to an engine — this process
for a single cable, worker processes on this machine (:mod:`.local`) or a Dask cluster
(:mod:`.dask_engine`) — which run :func:`convert.pipeline.convert_source`, and puts each
format's bytes in place: local workers write them to temporary files under
``OUT/.cable-convert/tmp`` (Dask workers send them back and the main process does), the main
process decides the names, makes a group of files durable with one sync and renames them. A
cable's files are written only once every one of its formats rendered, so a failed cable
leaves nothing behind. Then ``OUT/report.json`` and the summary.

One module per job:

=================  ============================================================
:mod:`.inputs`     patterns expanded, the progress bar's count, resume keys
:mod:`.plan`       which sources need converting, in which formats (resume)
:mod:`.engines`    where tasks run (in-process, :mod:`.local`, :mod:`.dask_engine`)
:mod:`.worker`     one task -> one outcome, in whatever process runs it
:mod:`.collect`    each outcome: retried, failed, or named and published
:mod:`.claims`     duplicate cable ids: who gets the plain file name
:mod:`.publish`    staged files synced a group at a time and renamed into place
:mod:`.state`      the resume log and its lock
:mod:`.report`     the results, ``report.json`` and the summary
:mod:`.driver`     :func:`run`: the parts wired together, the one loop
=================  ============================================================

See ``docs/batch.md`` for the layout, the report's fields and the resume rules.
"""

from __future__ import annotations

from .driver import run
from .engines import DEFAULT_RECYCLE_AFTER
from .report import REPORT_NAME, BatchReport, CableResult, WorkerStats

__all__ = ["DEFAULT_RECYCLE_AFTER", "REPORT_NAME", "BatchReport", "CableResult", "WorkerStats",
           "run"]
