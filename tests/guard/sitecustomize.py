"""Loaded by every Python process of a guarded run (tests/test_security.py, test_adversarial.py).

A guarded run puts this folder on ``PYTHONPATH`` and names a log file in ``CABLE_GUARD_LOG``:
the CLI process, the multiprocessing fork server (a fresh interpreter, which loads this file
too) and every worker forked from it then

* record every file opened (``open`` audit event: ``open()``, ``os.open``, imports) and every
  folder listed (``os.listdir``, ``os.scandir``), with the process id;
* record and *refuse* every network operation: ``socket.connect``/``connect_ex`` to anything
  but a Unix socket (multiprocessing's fork server listens on one), ``socket.bind`` to an
  address that is not a path, ``sendto``/``sendmsg`` to an address, ``getaddrinfo``,
  ``gethostbyname``, ``gethostbyaddr``, ``urllib`` requests, and ``socket.create_connection``
  and ``socket.getaddrinfo`` are replaced outright by functions that record and raise;
* record every subprocess: the ``subprocess.Popen`` audit event (executable, argv) and, from a
  wrapper around ``Popen.__init__``, whether the caller passed a list or a string and
  ``shell=``; ``os.system``, ``os.exec*``, ``os.posix_spawn``, ``os.spawn*`` events too.

Each record is one JSON line appended with a single ``write(2)`` to the log (opened once, with
``O_APPEND``, before any hook is installed, so logging never logs itself).
"""

from __future__ import annotations

import json
import os
import sys

_LOG = os.environ.get("CABLE_GUARD_LOG")


def _install(log: str) -> None:
    import socket
    import subprocess

    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    busy = False

    def record(event: str, **data: object) -> None:
        nonlocal busy
        if busy:
            return
        busy = True
        try:
            line = json.dumps({"pid": os.getpid(), "event": event, **data}, default=repr)
            os.write(fd, line.encode("utf-8", "backslashreplace") + b"\n")
        finally:
            busy = False

    class NetworkBlocked(PermissionError):
        pass

    def refuse(event: str, **data: object) -> None:
        record("blocked:" + event, **data)
        raise NetworkBlocked(f"guarded run: {event} refused {data!r}")

    def path_of(value: object) -> str | None:
        if isinstance(value, bytes):
            return os.fsdecode(value)
        if isinstance(value, str):
            return value
        if isinstance(value, os.PathLike):
            return os.fsdecode(os.fspath(value))
        return None  # a file descriptor

    def local_address(address: object) -> bool:
        """A Unix socket (a path, or an abstract name): local IPC, not the network."""
        return isinstance(address, str | bytes)

    def hook(event: str, args: tuple[object, ...]) -> None:
        if busy:
            return
        if event == "open":
            path = path_of(args[0])
            if path is not None:
                flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
                mode = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
                writing = bool(flags & (os.O_WRONLY | os.O_RDWR)) or any(c in mode for c in "wax+")
                record("open", path=os.path.abspath(path), write=writing)
        elif event in ("os.listdir", "os.scandir"):
            path = path_of(args[0]) if args and args[0] is not None else "."
            if path is not None:
                record("list", path=os.path.abspath(path))
        elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
            address = args[1] if len(args) > 1 else None
            if address is None and event == "socket.sendmsg":
                pass  # on a connected socket, whose connect() was checked
            elif local_address(address):
                record("local-" + event, address=path_of(address))
            else:
                refuse(event, address=repr(address))
        elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                       "socket.getnameinfo", "urllib.Request", "http.client.connect",
                       "ftplib.connect", "smtplib.connect", "poplib.connect", "imaplib.open",
                       "nntplib.connect", "telnetlib.Telnet.open", "webbrowser.open"):
            refuse(event, args=repr(args)[:300])
        elif event == "subprocess.Popen":
            executable, argv = args[0], args[1]
            record("popen", executable=path_of(executable),
                   argv=[path_of(a) or repr(a) for a in argv] if isinstance(argv, list) else repr(argv))
        elif event in ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.startfile",
                       "pty.spawn"):
            record("exec:" + event, args=repr(args)[:500])

    sys.addaudithook(hook)

    # the socket functions themselves, replaced: a call records and raises before any lookup
    def create_connection(address: object, *args: object, **kwargs: object) -> None:
        refuse("socket.create_connection", address=repr(address))

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> None:
        refuse("socket.getaddrinfo", host=repr(host))

    original_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if self.family != socket.AF_UNIX:
            refuse("socket.socket.connect", address=repr(address))
        original_connect(self, address)  # type: ignore[arg-type]

    socket.create_connection = create_connection  # type: ignore[assignment]
    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    socket.socket.connect = connect  # type: ignore[method-assign]

    # how each subprocess was asked for: an argument list or a string, with or without a shell
    original_init = subprocess.Popen.__init__

    def popen_init(self: subprocess.Popen[bytes], args: object, *rest: object, **kwargs: object) -> None:
        shell = kwargs.get("shell", rest[7] if len(rest) > 7 else False)
        record("popen-call", args_type=type(args).__name__, shell=bool(shell))
        original_init(self, args, *rest, **kwargs)  # type: ignore[arg-type]

    subprocess.Popen.__init__ = popen_init  # type: ignore[method-assign]
    record("guard-installed", executable=sys.executable, argv=list(getattr(sys, "argv", [])))


if _LOG:
    _install(_LOG)
