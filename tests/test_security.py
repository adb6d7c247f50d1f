"""Security of the whole pipeline (issue #5; docs/threat-model.md rows 12, 13, 14): no network,
no file read beyond the inputs and the tool's own files, no shell.

The CLI runs in guarded subprocesses (``guard_support.guarded_cli``, ``tests/guard/
sitecustomize.py``): in the CLI process, the multiprocessing fork server and every worker,
network calls are recorded and refused, file opens, folder listings and subprocesses are
recorded. Pandoc is a separate binary the guard cannot see into: it is proven sandboxed by
feeding it remote and local resources and watching a listener and its output; with
``unshare -n`` (root) the whole pipeline also runs with no network at all; and, where strace
is installed, a system-call trace of every process of a run (slow) shows no inet socket and no
read of the planted files.
"""

from __future__ import annotations

import ast
import io
import mimetypes
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import hardening_support as hs
import pytest
from guard_support import GUARD_DIR, PY, ROOT, Guarded, guarded_cli, incomplete_files, listener

from convert.batch.processes import SHORT_TEMP
from convert.writers import pandoc

# ------------------------------------------------------------------ inputs
SECRET = b"TOP-SECRET-MARKER-7f3a9c do not read"


def planted_inputs(tmp_path: Path, url: str) -> tuple[Path, Path, list[Path]]:
    """An input folder (a text cable that names local files and URLs in every way a renderer
    might follow, a real cablegate page, two cables.csv rows, TEI written by this tool) and a
    secret file beside it that nothing may read. Returns (inputs, secret, forbidden paths)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SECRET)
    refs = " ".join([
        "file:///etc/hostname", f"file://{secret}", f"<img src=file://{secret}>",
        "<img src=file:///etc/hostname>", f"![x](file://{secret})", "![y](file:///etc/hostname)",
        f"<link rel=stylesheet href=file://{secret}>", f"@import url(file://{secret});",
        f"\\input{{{secret}}}", f"<img src={url}/a.png>", f"<iframe src={url}/b>",
        f'<object data="{url}/c"></object>', f"url({url}/d.css)",
    ])
    seed = hs.SEED.read_text(encoding="utf-8")
    (inputs / "planted.txt").write_text(
        seed.replace("both countries to work together toward common goals.",
                     f"both countries to work together toward common goals. {refs}"),
        encoding="utf-8")
    page = sorted(hs.REAL.glob("*.html"))[0]
    shutil.copyfile(page, inputs / page.name)
    rows = hs.csv_rows(2)
    (inputs / "rows.csv").write_bytes(b"".join(data for _, data in rows))
    from convert.options import ConvertOptions
    from convert.pipeline import convert_source
    from convert.readers import Source

    (tei,) = convert_source(Source(str(hs.SEED), path=str(hs.SEED)), ConvertOptions(formats=("tei",)))
    (inputs / "seed.tei.xml").write_bytes(tei.outputs["tei"].replace(
        b"09BEIJING1463</idno>", b"09BEIJING1463TEI</idno>", 1))
    forbidden = [secret, Path("/etc/hostname"), Path("/etc/passwd"), Path("/etc/shadow")]
    return inputs, secret, forbidden


def _guarded_run(work: Path, options: list[str]) -> dict[str, object]:
    """The CLI, guarded, over the planted inputs with ``options``, a listener counting
    connections meanwhile."""
    with listener() as seen:
        inputs, secret, forbidden = planted_inputs(work, seen.url)
        out = work / "out"
        run = guarded_cli([str(inputs), "-o", str(out), *options, "-q"], work)
        time.sleep(0.3)
    return {"run": run, "work": work, "inputs": inputs, "out": out, "secret": secret,
            "forbidden": forbidden, "connections": list(seen.connections)}


@pytest.fixture(scope="module")
def full_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One guarded run, every format, two workers, over the planted inputs."""
    return _guarded_run(tmp_path_factory.mktemp("security"), ["--to", "all", "-j", "2"])


@pytest.fixture(scope="module")
def book_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The same inputs as one volume (``--book``), every volume format."""
    return _guarded_run(tmp_path_factory.mktemp("security-book"),
                        ["--book", "--to", "pdf,epub,docx,md,html"])


# ------------------------------------------------------------------ 12: no network
def test_the_guard_refuses_and_records_network_calls(tmp_path: Path) -> None:
    """The guard is not vacuous: under it, each way Python reaches the network is refused
    and recorded (a Unix socket, as multiprocessing uses, is allowed and recorded)."""
    script = tmp_path / "probe.py"
    script.write_text(
        "import socket, urllib.request, sys\n"
        "tries = [lambda: socket.create_connection(('127.0.0.1', 9)),\n"
        "         lambda: socket.getaddrinfo('example.invalid', 80),\n"
        "         lambda: socket.socket().connect(('127.0.0.1', 9)),\n"
        "         lambda: socket.socket(socket.AF_INET6).connect_ex(('::1', 9)),\n"
        "         lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', 9)),\n"
        "         lambda: urllib.request.urlopen('http://127.0.0.1:9/', timeout=1)]\n"
        "for t in tries:\n"
        "    try: t()\n"
        "    except PermissionError: print('refused')\n"
        "    except Exception as e: print('other', type(e).__name__, e)\n"
        "a, b = socket.socketpair(); a.send(b'ok'); print(b.recv(2).decode())\n")
    log = tmp_path / "guard.log"
    env = {**os.environ, "PYTHONPATH": str(GUARD_DIR), "CABLE_GUARD_LOG": str(log)}
    done = subprocess.run([PY, str(script)], capture_output=True, text=True, env=env, timeout=60,
                          check=False)
    assert done.stdout.split() == ["refused"] * 6 + ["ok"], done.stdout + done.stderr
    blocked = [line for line in log.read_text().splitlines() if '"blocked:' in line]
    assert len(blocked) >= 6


def test_no_network_whole_pipeline_all_formats(full_run: dict[str, object]) -> None:
    """Every format, every input form, two worker processes: no network call in any Python
    process (each would have been refused and would fail the run), no connection to the
    listener the inputs point at (from any process: pandoc, weasyprint's libraries)."""
    run: Guarded = full_run["run"]  # type: ignore[assignment]
    out: Path = full_run["out"]  # type: ignore[assignment]
    assert run.code == 0, run.stderr
    assert run.network == [], run.network[:5]
    assert full_run["connections"] == []
    workers = {e["pid"] for e in run.of("popen") if "pandoc" in (e["executable"] or "")}
    assert workers and workers - run.guarded_pids(), "the renders ran in forked worker processes"
    made = sorted(p.name for p in out.iterdir() if p.is_file())
    assert len([m for m in made if m.endswith(".pdf")]) == 5, made  # seed, page, 2 rows, TEI
    assert incomplete_files(out) == []


def test_no_network_book_mode(book_run: dict[str, object]) -> None:
    run: Guarded = book_run["run"]  # type: ignore[assignment]
    out: Path = book_run["out"]  # type: ignore[assignment]
    assert run.code == 0, run.stderr
    assert run.network == [] and book_run["connections"] == []
    assert sorted(p.name for p in out.iterdir()) == [
        "volume.docx", "volume.epub", "volume.html", "volume.md", "volume.pdf"]
    assert incomplete_files(out) == []


def test_pandoc_runs_sandboxed(tmp_path: Path) -> None:
    """Our pandoc wrapper on HTML that names a remote image and a local file: pandoc succeeds,
    connects to nothing, and embeds neither (without ``--sandbox`` it fetches both)."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(SECRET)
    with listener() as seen:
        html = (f'<html><body><p>x <img src="{seen.url}/remote.png"> <img src="file://{secret}">'
                f' <img src="{secret}"> <link rel="stylesheet" href="{seen.url}/s.css"></p>'
                "</body></html>").encode()
        outputs = {fmt: pandoc.run(["-f", "html", "-t", fmt], html, "probe", 0)
                   for fmt in ("epub3", "docx", "html", "gfm")}
        time.sleep(0.3)
        assert seen.connections == [], "pandoc connected to the listener"
    for fmt, data in outputs.items():
        blob = data
        if fmt in {"epub3", "docx"}:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
                assert not [n for n in names if "/media/" in n], (fmt, names)
                blob = b"".join(archive.read(n) for n in names)
        assert SECRET not in blob, fmt


@pytest.mark.root
def test_whole_pipeline_in_a_namespace_with_no_network(tmp_path: Path) -> None:
    """Under ``unshare -n`` (a network namespace with only a downed loopback: no route
    anywhere) every format still converts, workers and pandoc included. Needs root (see the
    ``root`` marker in tests/conftest.py) and util-linux's unshare, which Debian always has."""
    unshare = shutil.which("unshare")
    assert unshare, "unshare (util-linux) is not installed"
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, check=False)
    assert probe.returncode == 0, f"unshare -n failed as root: {probe.stderr.decode()}"
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(hs.SEED, inputs / "seed.txt")
    shutil.copyfile(sorted(hs.REAL.glob("*.html"))[0], inputs / "page.html")
    out = tmp_path / "out"
    done = subprocess.run([unshare, "-n", PY, "-m", "convert", str(inputs), "-o", str(out),
                           "--to", "all", "-j", "2", "-q"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert len([p for p in out.iterdir() if p.is_file()]) == 16  # 2 x 7 formats + report + taxonomy
    assert incomplete_files(out) == []


# ------------------------------------------------------------------ 13: file reads
def allowed_reads(run: Guarded, inputs: Path, out: Path) -> list[tuple[Path, str]]:
    """Where a run may open files, and why: explicit, each entry a folder (with everything
    below it) or one file."""
    home = Path.home()
    python = {Path(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
                                sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
                                sysconfig.get_paths()["platlib"])}
    allowed = [
        (inputs, "the inputs"),
        (out, "the output folder (-o)"),
        (ROOT / "convert", "the package"),
        (ROOT / "styles", "the themes (styles/)"),
        (GUARD_DIR, "the test guard itself"),
        (run.tmp, "the run's own temporary folder (TMPDIR): pandoc's home, fork-server socket"),
        (run.cwd, "the run's empty working folder (dir_fd-relative opens of shutil.rmtree)"),
        (Path("/dev/null"), "subprocess stdin"),
        (Path("/proc/self"), "the process's own status"),
        *((p, "the Python installation, its standard library and site-packages") for p in python),
        *((Path(f), "Python's mimetypes database (weasyprint)") for f in mimetypes.knownfiles),
        (Path("/usr/share/fonts"), "fonts"), (Path("/usr/local/share/fonts"), "fonts"),
        (Path("/etc/fonts"), "fontconfig"), (Path("/var/cache/fontconfig"), "fontconfig"),
        (home / ".cache" / "fontconfig", "fontconfig's user cache"),
    ]
    return allowed


#: multiprocessing's shared-memory arena (a ``Value``/``Array`` the engine shares with its
#: workers): a file it creates, named after the creating process, in /dev/shm
ARENA = re.compile(r"/dev/shm/pym-(\d+)-[A-Za-z0-9_]+")  # noqa: S108 - matched, not used


def own_arena(event: dict[str, object], pids: set[object]) -> bool:
    """A shared-memory arena file that the process opening it created (named after it)."""
    arena = ARENA.fullmatch(str(event["path"]))
    return bool(arena) and arena.group(1) == str(event["pid"]) and event["pid"] in pids  # type: ignore[union-attr]


#: multiprocessing's temporary folder (the fork server's socket), made in a short system
#: folder instead of TMPDIR when TMPDIR is too deep for a socket path
#: (``convert.batch.processes.fit_socket_folder``): a CI runner's deep TMPDIR does that
_SHORT = "|".join(re.escape(d) for d in SHORT_TEMP)
SOCKET_FOLDER = re.compile(rf"(?:{_SHORT})/pymp-[a-z0-9_]{{8}}(?:/listener-[a-z0-9_]{{8}})?")


def socket_folder(event: dict[str, object], run_tmp: Path) -> bool:
    """The run's own multiprocessing folder in a short system folder, moved there because
    the run's TMPDIR was too deep for the socket."""
    from convert.batch.processes import _SOCKET_TAIL, SUN_PATH

    deep = len(os.fsencode(str(run_tmp))) + _SOCKET_TAIL >= SUN_PATH
    return deep and bool(SOCKET_FOLDER.fullmatch(str(event["path"])))


def unexpected_opens(events: list[dict[str, object]], allowed: list[tuple[Path, str]],
                     run_tmp: Path | None = None) -> list[str]:
    """Every opened path that no allow-list entry covers (paths compared as written and with
    symbolic links resolved: both must be inside), apart from the shared-memory arena files of
    the run's own processes and (with ``run_tmp`` too deep for a socket) multiprocessing's
    folder in a short system folder."""
    roots = [(Path(os.path.abspath(p)), Path(os.path.realpath(p))) for p, _ in allowed]
    pids = {event["pid"] for event in events}
    bad = []
    for event in events:
        if event["event"] != "open":
            continue
        path = Path(str(event["path"]))
        if own_arena(event, pids) or (run_tmp is not None and socket_folder(event, run_tmp)):
            continue
        real = Path(os.path.realpath(path))
        if not any((path == a or a in path.parents) and (real == r or r in real.parents)
                   for a, r in roots):
            bad.append(f"{path} (pid {event['pid']}, write={event.get('write')})")
    return sorted(set(bad))


def test_the_allow_list_is_tight(full_run: dict[str, object]) -> None:
    """The check below fails on what it must: /etc/passwd, the planted secret next to the
    inputs, a file in the user's home, a path that escapes an allowed folder with ``..`` or
    through a symbolic link."""
    run: Guarded = full_run["run"]  # type: ignore[assignment]
    work: Path = full_run["work"]  # type: ignore[assignment]
    allowed = allowed_reads(run, full_run["inputs"], full_run["out"])  # type: ignore[arg-type]
    link = full_run["inputs"] / "link-out"  # type: ignore[operator]
    link.symlink_to(full_run["secret"])  # type: ignore[arg-type]
    try:
        probes = ["/etc/passwd", str(full_run["secret"]), str(Path.home() / ".ssh" / "id_rsa"),
                  "/dev/shm/pym-1-abcdefgh", "/dev/shm/other",  # noqa: S108 - probes only
                  str(full_run["inputs"]) + "/../secret.txt", str(link),
                  str(work / "elsewhere.txt"), "/etc/hostname"]
        events = [{"event": "open", "path": os.path.abspath(p) if ".." not in p else p, "pid": 0}
                  for p in probes]
        assert len(unexpected_opens(events, allowed)) == len(probes)
        # multiprocessing's folder in /tmp passes only for a run whose TMPDIR is too deep
        # (a made-up event: nothing is opened; the folder is the first short one the batch uses)
        pymp = f"{SHORT_TEMP[0]}/pymp-abcd1234"
        socket = [{"event": "open", "path": pymp, "pid": 0}]
        assert unexpected_opens(socket, allowed, run.tmp) == (
            [] if len(str(run.tmp)) > 71 else [f"{pymp} (pid 0, write=None)"])
        assert unexpected_opens([{"event": "open", "path": str(ROOT / "convert" / "cli.py"),
                                  "pid": 0}], allowed) == []
    finally:
        link.unlink()


def _reads_allowed(result: dict[str, object]) -> Guarded:
    """The run succeeded, every file any of its processes opened is on the allow-list, and
    none of the forbidden files was opened."""
    run: Guarded = result["run"]  # type: ignore[assignment]
    assert run.code == 0, run.stderr
    allowed = allowed_reads(run, result["inputs"], result["out"])  # type: ignore[arg-type]
    assert unexpected_opens(run.events, allowed, run.tmp) == []
    opened = {os.path.realpath(p) for p in run.opened}
    for path in result["forbidden"]:  # type: ignore[attr-defined]
        assert os.path.realpath(path) not in opened, path
    return run


def test_file_reads_stay_inside_the_allow_list(full_run: dict[str, object]) -> None:
    """Every file opened by any Python process of the run is an input, under -o, the tool's own
    files, the Python installation, the run's temporary folder or the font configuration;
    the files the cable names (/etc/hostname, a secret beside the inputs) are never opened."""
    run = _reads_allowed(full_run)
    # the planted references did reach the cable (else the test proves nothing)
    html = next(full_run["out"].glob("09BEIJING1463.html")).read_text()  # type: ignore[attr-defined]
    assert "file:///etc/hostname" in html and str(full_run["secret"]) in html
    # no output holds a byte of the secret or of /etc/hostname
    for path in full_run["out"].rglob("*"):  # type: ignore[attr-defined]
        if path.is_file():
            data = path.read_bytes()
            if path.suffix in {".epub", ".docx"}:
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    data = b"".join(archive.read(n) for n in archive.namelist())
            assert SECRET not in data, path
    # writes: only under -o and the run's temporary folder
    writes = [e for e in run.of("open") if e["write"] and Path(e["path"]) != Path("/dev/null")
              and not own_arena(e, run.pids)]
    for event in writes:
        path = Path(event["path"])
        assert any(root == path or root in path.parents for root in (full_run["out"], run.tmp)), event


def test_file_reads_book_mode(book_run: dict[str, object]) -> None:
    _reads_allowed(book_run)


# ------------------------------------------------------------------ 14: no shell
def test_every_subprocess_is_an_argument_list_without_a_shell(full_run: dict[str, object]) -> None:
    """Every subprocess the run started was given an argument list, never a string, never
    ``shell=True``; no ``os.system``/``exec``/``posix_spawn``. The programs: the bundled
    pandoc (each conversion with ``--sandbox`` first) and the helpers ``ctypes.util.
    find_library`` runs for weasyprint's libraries (ldconfig, gcc/cc, ld)."""
    run: Guarded = full_run["run"]  # type: ignore[assignment]
    calls = run.of("popen-call")
    assert calls, "no subprocess recorded: pandoc should have run"
    for call in calls:
        assert call["args_type"] == "list" and call["shell"] is False, call
    assert not [e for e in run.events if e["event"].startswith("exec:")]
    bundled = pandoc.pandoc_path()
    helpers = {"ldconfig", "gcc", "cc", "ld", "objdump", "ld.bfd", "ld.gold"}
    for event in run.of("popen"):
        argv = event["argv"]
        assert isinstance(argv, list)
        program = str(event["executable"])
        assert Path(program).name not in {"sh", "bash", "dash", "zsh", "ksh"}, event
        assert argv[:1] != ["/bin/sh"] and "-c" not in argv[:2], event
        if program == bundled:
            if "--print-default-data-file" not in argv:
                assert argv[1] == "--sandbox", argv
        else:
            assert Path(program).name in helpers, f"unexpected program: {event}"
    assert any(e["executable"] == bundled for e in run.of("popen"))
    # the CLI's own process renders nothing in a batch and starts no program (it used to run
    # `ldconfig -p` for every group of files it synced, through ctypes.util.find_library)
    (cli,) = [e["pid"] for e in run.of("guard-installed") if "-m" in e["argv"][:1]]
    assert [e for e in run.of("popen") if e["pid"] == cli] == []


#: calls that run a shell or replace the process, by module
SHELL_CALLS = {("os", "system"), ("os", "popen"), ("subprocess", "getoutput"),
               ("subprocess", "getstatusoutput"), ("pty", "spawn"), ("os", "execl"),
               ("os", "execlp"), ("os", "execv"), ("os", "execvp"), ("os", "execve"),
               ("os", "execvpe"), ("os", "spawnl"), ("os", "spawnv"), ("os", "spawnlp"),
               ("os", "spawnvp"), ("os", "posix_spawn"), ("os", "posix_spawnp")}
RUNNERS = {"run", "Popen", "call", "check_call", "check_output"}


def shell_uses(source: str, name: str) -> list[str]:
    """Every shell use in one Python source: a call from SHELL_CALLS, ``shell=`` anything but
    False, or a subprocess runner given a string (constant or f-string) as its command."""
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if (func.value.id, func.attr) in SHELL_CALLS:
                found.append(f"{name}:{node.lineno}: {func.value.id}.{func.attr}")
            if func.value.id == "subprocess" and func.attr in RUNNERS and node.args:
                if isinstance(node.args[0], ast.Constant | ast.JoinedStr | ast.BinOp):
                    found.append(f"{name}:{node.lineno}: a command given as a string")
        for keyword in node.keywords:
            if keyword.arg == "shell" and not (isinstance(keyword.value, ast.Constant)
                                               and keyword.value.value is False):
                found.append(f"{name}:{node.lineno}: shell={ast.unparse(keyword.value)}")
    return found


def test_the_source_has_no_shell() -> None:
    """A scan of every module of the package (and styles/): no shell=True, os.system,
    os.popen, exec or spawn; and the scan finds them when they are there."""
    found = []
    for path in sorted([*(ROOT / "convert").rglob("*.py"), *(ROOT / "styles").rglob("*.py")]):
        found += shell_uses(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == []
    planted = ("import os, subprocess\nos.system('x')\nsubprocess.run('ls', shell=True)\n"
               "subprocess.run(f'ls {x}')\nos.popen('x')\nsubprocess.Popen(['a'], shell=flag)\n")
    assert len(shell_uses(planted, "planted.py")) == 6


# ------------------------------------------------------------------ every process (strace)
def strace_events(trace: Path) -> list[str]:
    return trace.read_text(encoding="utf-8", errors="replace").splitlines()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="strace not installed (apt-get install "
                    "strace): the Python-level audit above still ran")
def test_system_calls_of_every_process(tmp_path: Path) -> None:
    """strace -f over a run of every format: no process (Python, pandoc, the C libraries)
    creates an inet socket that connects anywhere, opens the planted files, or executes a
    pandoc other than the bundled one."""
    with listener() as seen:
        inputs, _, forbidden = planted_inputs(tmp_path, seen.url)
        trace = tmp_path / "trace"
        out = tmp_path / "out"
        done = subprocess.run(
            [shutil.which("strace") or "strace", "-f", "-qq", "-e", "signal=none", "-e",
             "trace=openat,open,creat,execve,connect,sendto,sendmsg", "-o", str(trace),
             PY, "-m", "convert", str(inputs), "-o", str(out), "--to", "all", "-j", "2", "-q"],
            capture_output=True, text=True, cwd=ROOT, timeout=900, check=False)
        time.sleep(0.3)
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    assert seen.connections == []
    lines = strace_events(trace)
    inet = [line for line in lines if ("connect(" in line or "sendto(" in line)
            and ("AF_INET" in line or "AF_INET6" in line)]
    assert inet == [], inet[:5]
    for path in forbidden:
        opened = [line for line in lines if f'"{path}"' in line and "open" in line]
        assert opened == [], opened[:3]
    bundled = os.path.realpath(pandoc.pandoc_path())
    pandocs = {line.split('execve("', 1)[1].split('"', 1)[0] for line in lines
               if 'execve("' in line and "pandoc" in line.split("[", 1)[0] and "= 0" in line}
    assert {os.path.realpath(p) for p in pandocs} == {bundled}, pandocs
