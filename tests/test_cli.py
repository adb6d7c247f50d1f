"""The command line as a user meets it: bad input (issue 2, acceptance 4), outputs, streams.

Every bad input gets one line on stderr that names the input and the problem, its own exit
code, and leaves no output file for that cable."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed-09BEIJING1463.txt"
CABLE_OUTPUTS = (".tei.xml", ".json", ".html", ".pdf", ".epub", ".docx", ".md")


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "convert", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300, check=False)


def cable_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.name.endswith(CABLE_OUTPUTS)
            and not p.name.startswith(".") and p.name != "report.json"]


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, int, str]]:
    """name -> (file, exit code, words the message must contain)"""
    files = {}
    (tmp / "empty.txt").write_bytes(b"")
    files["empty"] = (tmp / "empty.txt", 4, "empty")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 20)
    files["binary"] = (tmp / "binary.txt", 5, "binary")
    (tmp / "cp1252.txt").write_bytes("UNCLAS MADRID 000857\n\nSUBJECT: CAF\u00c9\n\n1. (U) The minister\u2019s view.\n"
                                     .encode("cp1252"))
    files["cp1252"] = (tmp / "cp1252.txt", 6, "--encoding cp1252")
    header = SEED.read_text(encoding="utf-8").strip().split("\n\n")[0]  # the routing header, nothing after
    (tmp / "truncated.txt").write_text(header + "\n", encoding="utf-8")
    files["truncated"] = (tmp / "truncated.txt", 9, "truncated")
    (tmp / "letter.txt").write_text("Dear Alice,\n\nThe weather is lovely.\n\nBob\n", encoding="utf-8")
    files["not a cable"] = (tmp / "letter.txt", 8, "not a cable")
    with (tmp / "huge.txt").open("wb") as handle:
        handle.write(b"UNCLAS MADRID 000857\n\nSUBJECT: X\n\n")
        handle.write((b"1. (U) " + b"word " * 100 + b"\n") * 100_000)  # 50 MB
    files["50 MB"] = (tmp / "huge.txt", 7, "too large")
    (tmp / "dtd.tei.xml").write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                                     '<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>\n', encoding="utf-8")
    files["TEI with a DTD"] = (tmp / "dtd.tei.xml", 10, "DOCTYPE")
    return files


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    return bad_inputs(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("case", ["empty", "binary", "cp1252", "truncated", "not a cable", "50 MB", "TEI with a DTD"])
def test_bad_input_one_line_named_distinct_code_no_output(bad, case, tmp_path):
    path, code, words = bad[case]
    out = tmp_path / "out"
    result = run(str(path), "-o", str(out), "-q")
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == code, result.stderr
    assert len(lines) == 1, lines
    assert str(path) in lines[0] and words in lines[0]
    assert cable_files(out) == []


def test_exit_codes_are_distinct(bad):
    codes = [code for _, code, _ in bad.values()]
    assert len(set(codes)) == len(codes)
    assert 0 not in codes and 16 not in codes


def test_unwritable_output(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run(str(SEED), "-o", str(blocker / "out"))
    assert result.returncode == 15
    (line,) = result.stderr.decode().strip().splitlines()
    assert str(blocker / "out") in line and "cannot write" in line


def test_batch_goes_on_past_bad_cables_and_lists_them_at_the_end(bad, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (path, _, _) in bad.items():
        if name != "50 MB":
            shutil.copy(path, folder / path.name)
    shutil.copy(SEED, folder / SEED.name)
    out = tmp_path / "out"
    result = run(str(folder), "-o", str(out), "--jobs", "1", "-q")
    assert result.returncode == 16
    # the default formats: the data and a PDF to read
    assert sorted(p.name for p in cable_files(out)) == ["09BEIJING1463.json", "09BEIJING1463.pdf",
                                                        "09BEIJING1463.tei.xml"]
    stderr = result.stderr.decode()
    for name, (path, _, _) in bad.items():
        if name != "50 MB":
            assert path.name in stderr


def test_encoding_option_accepts_cp1252(bad, tmp_path):
    path, _, _ = bad["cp1252"]
    result = run(str(path), "-o", "-", "--to", "json", "--encoding", "cp1252")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["subject"] == "CAF\u00c9"


def test_stdout_json_lines(tmp_path):
    result = run("data", "-o", "-", "--to", "json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == len(list((ROOT / "data").rglob("*.*"))) + 1  # the CSV holds two rows
    assert {r["id"] for r in records} >= {"09BEIJING1463", "01VATICAN1261"}


def test_stdin_input():
    result = run("-", "-o", "-", "--to", "tei", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert b'<idno type="cable-id">09BEIJING1463</idno>' in result.stdout


def test_no_argument_converts_the_bundled_data_into_build(tmp_path):
    work = tmp_path / "work"
    shutil.copytree(ROOT / "data", work / "data")
    result = run("-q", cwd=work)
    assert result.returncode == 0, result.stderr
    names = {p.name for p in cable_files(work / "build")}
    assert {"09BEIJING1463.tei.xml", "09BEIJING1463.json", "09RABAT988.tei.xml", "01VATICAN1261.json"} <= names


def test_underivable_id_falls_back_to_the_input_name(tmp_path):
    text = "SUBJECT: A NOTE WITHOUT BANNER OR HEADER\n\n1. (U) Text of the note.\n"
    (tmp_path / "note.txt").write_text(text, encoding="utf-8")
    result = run(str(tmp_path / "note.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in cable_files(tmp_path / "out")) == ["note.json", "note.pdf", "note.tei.xml"]
    assert "no cable id" in result.stderr.decode()


def test_tei_input_rerenders_without_renormalizing(tmp_path):
    first = run(str(SEED), "-o", "-", "--to", "tei").stdout
    (tmp_path / "seed.tei.xml").write_bytes(first)
    again = run(str(tmp_path / "seed.tei.xml"), "-o", "-", "--to", "tei")
    assert again.returncode == 0
    assert again.stdout == first
    as_json = json.loads(run(str(tmp_path / "seed.tei.xml"), "-o", "-", "--to", "json").stdout)
    assert as_json["id"] == "09BEIJING1463" and as_json["signer"] == "PICCUTA"


def test_unknown_format_is_a_usage_error():
    result = run(str(SEED), "--to", "rtf", "-o", "-")
    assert result.returncode == 2
    assert "unknown output format" in result.stderr.decode()
    # the names --to also takes for groups of formats are listed with the formats
    assert "; all (tei,json,html,md,pdf,epub,docx); data (tei,json))" in result.stderr.decode()


def test_a_pattern_matching_nothing_and_an_empty_folder_say_so(tmp_path):
    """A quoted pattern that matches no file is named as a pattern; a folder without cable
    files names every suffix a folder walk reads (not four of them)."""
    result = run(str(tmp_path / "nothing*.txt"), "-o", str(tmp_path / "out"), "--to", "json")
    assert result.returncode == 3
    assert "no file matches it as a pattern" in result.stderr.decode()
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / "empty"), "-o", str(tmp_path / "out"), "--to", "json")
    assert result.returncode == 3
    assert ("a folder with no cable files (.cable, .csv, .htm, .html, .text, .txt, .xml, or no suffix)"
            in result.stderr.decode())


@pytest.mark.parametrize(("args", "words"), [
    (("-j", "0"), "cable-convert: -j 0: usage: must be at least 1 (see --help)"),
    (("--time-limit", "-1"), "cable-convert: --time-limit -1: usage: must be 0 (no limit) or more seconds"),
    (("--jobs=x",), "cable-convert: --jobs x: usage: not a whole number"),
    (("--no-such-option",), "cable-convert: --no-such-option: usage: unknown option (see --help)"),
])
def test_a_command_line_mistake_is_one_line_naming_the_option(args, words, tmp_path):
    """argparse's errors are one line naming the option as typed and its value (the README's
    promise), with the usage exit code, not the whole usage text before the error."""
    result = run(str(SEED), "-o", str(tmp_path / "out"), "--to", "json", *args)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(words), lines
    assert not (tmp_path / "out").exists()


def test_help_is_still_the_whole_usage():
    result = run("--help")
    assert result.returncode == 0 and result.stdout.startswith(b"usage: cable-convert")
    assert b"--files-from" in result.stdout and not result.stderr


def test_a_csv_row_with_an_empty_text_is_refused_as_an_empty_file_is(tmp_path):
    """An empty text field is no cable (exit 4, as an empty file): alone, the run exits 4; in a
    batch it is listed at the end, by the CSV's name and the row, and the other rows convert."""
    def row(n: int, refid: str, text: str) -> str:
        return f'"{n}","2/14/2009 12:00","{refid}","Embassy Madrid","UNCLASSIFIED","","","{text}"\n'

    text = "UNCLAS MADRID 000857\n\nSUBJECT: A VISIT\n\n1. (U) The minister came.\n"
    (tmp_path / "one.csv").write_text(row(9002, "09MADRID858", ""), encoding="utf-8")
    alone = run(str(tmp_path / "one.csv"), "-o", str(tmp_path / "a"), "--to", "json", "-q")
    assert alone.returncode == 4, alone.stderr
    assert alone.stderr.decode().splitlines() == [
        f"cable-convert: {tmp_path / 'one.csv'}#9002: empty input: the row's text field (line 1) is "
        "empty: no cable text"]
    (tmp_path / "many.csv").write_text(row(1, "09MADRID857", text) + row(2, "09MADRID858", "  \n ")
                                       + row(3, "09MADRID859", text.replace("857", "859")), encoding="utf-8")
    batch = run(str(tmp_path / "many.csv"), "-o", str(tmp_path / "b"), "--to", "json", "-q", "-j", "1")
    assert batch.returncode == 16, batch.stderr
    assert sorted(p.name for p in cable_files(tmp_path / "b")) == ["09MADRID857.json", "09MADRID859.json"]
    assert f"{tmp_path / 'many.csv'}#2: empty input: the row's text field (line 7) is empty" in batch.stderr.decode()


def test_an_unreachable_dask_scheduler_is_an_engine_failure_not_a_usage_error(monkeypatch, tmp_path, capsys):
    """The command line is right, the cluster is not: the engine's own exit code (17), one line
    naming the scheduler's address. (Dask's client is a stand-in: no time passes.)"""
    from types import SimpleNamespace

    from convert.batch import dask_engine
    from convert.cli import main
    from convert.errors import EngineError

    def unreachable(address: str, timeout: str) -> None:
        raise OSError(f"Timed out trying to connect to {address} after {timeout}")

    monkeypatch.setattr(dask_engine, "_import_distributed", lambda: SimpleNamespace(Client=unreachable))
    code = main([str(SEED), "-o", str(tmp_path / "out"), "--to", "json", "-q", "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:1"])
    assert code == EngineError.exit_code == 17
    assert capsys.readouterr().err.splitlines() == [
        "cable-convert: tcp://127.0.0.1:1: engine: cannot reach the Dask scheduler: Timed out trying "
        "to connect to tcp://127.0.0.1:1 after 30s"]


def test_files_from_skips_blank_lines_and_comments(tmp_path):
    """A list of inputs may hold blank lines and ``#`` comments (also indented); a file whose
    name starts with ``#`` is listed as ``./#x``."""
    shutil.copy(SEED, tmp_path / "#x")
    (tmp_path / "list.txt").write_text("# cables to convert\n\n   \n  # the seed, under an odd name\n./#x\n",
                                       encoding="utf-8")
    result = run("--files-from", "list.txt", "-o", "out", "--to", "json", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in cable_files(tmp_path / "out")] == ["09BEIJING1463.json"]
