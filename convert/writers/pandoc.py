"""Running the bundled pandoc for the EPUB and DOCX writers.

Pandoc is always run with ``--sandbox`` (it may read no file and fetch no URL besides the
arguments we give), on HTML we built ourselves, in a private, empty home directory so no
user data directory can change its output. (The DOCX reference document it is given is
:mod:`.reference`'s.) The clock under the sandbox reads 1970; the
writers set the real dates afterwards, when they re-pack the archive deterministically.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from ..errors import RenderError

PANDOC_TIMEOUT = 120.0


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The pandoc binary that pypandoc-binary bundles (``PYPANDOC_PANDOC`` overrides it).

    Not ``pypandoc.get_pandoc_path()``: that runs ``pandoc --version`` for every ``pandoc``
    on PATH, in ``~/bin`` and ``~/.bin`` and picks the newest, so a system pandoc would
    replace the bundled one (other output bytes; no ``--sandbox`` before pandoc 2.15) and
    the first render of each worker would start up to six processes to find out."""
    import pypandoc

    chosen = os.environ.get("PYPANDOC_PANDOC")
    if chosen:
        return chosen
    bundled = Path(os.path.realpath(pypandoc.__file__)).parent / "files" / "pandoc"
    if os.access(bundled, os.X_OK):
        return str(bundled)
    return str(pypandoc.get_pandoc_path())  # pypandoc without its binary: its own search


@lru_cache(maxsize=1)
def workdir() -> Path:
    """A private directory for this process: pandoc's HOME and the reference.docx files."""
    path = Path(tempfile.mkdtemp(prefix="cable-convert-pandoc-"))
    atexit.register(shutil.rmtree, path, True)
    (path / "home").mkdir()
    return path


def run(args: list[str], data: bytes, source: str, epoch: int) -> bytes:
    """pandoc --sandbox ARGS < data; its stdout, or :class:`RenderError` with its stderr."""
    home = workdir() / "home"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
        "LANG": "C.UTF-8",
        "SOURCE_DATE_EPOCH": str(epoch),
    }
    command = [pandoc_path(), "--sandbox", "--quiet", *args, "-o", "-"]
    try:
        done = subprocess.run(command, input=data, capture_output=True, env=env,
                              cwd=home, timeout=PANDOC_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise RenderError(source, f"pandoc could not run: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip()
        raise RenderError(source, f"pandoc exited {done.returncode}: {message[:500]}")
    return done.stdout


def metadata_args(values: dict[str, str | list[str] | None]) -> list[str]:
    """``-M key=value`` arguments (a list repeats the key, which pandoc reads as a list)."""
    args: list[str] = []
    for key, value in values.items():
        if value is None or value == "" or value == []:
            continue
        for item in value if isinstance(value, list) else [value]:
            args += ["-M", f"{key}={item}"]
    return args

