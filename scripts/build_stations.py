"""Mine the corpus for the station table and print how much of the corpus the table resolves.

For every office as routing lines write it (``AMEMBASSY BEIJING``, ``RUEHC/SECSTATE WASHDC``)
this collects from the real cables in ../shared/corpus (the cablegate pages, the cables.csv
sample, the pre-2000 text scrape):

- its routing indicators: the ``DE RUEHBJ #…`` line of the cables it sends, and the
  ``RUEHC/`` prefix of the TO/INFO lines that address it;
- the cablegate origin name of the cables it sends (the pages' metadata table, the CSV's
  origin column, the scrape's fifth line);
- the banner station of the cables it sends (``BEIJING`` from ``BEIJING 001463``);
- how often it is the sender, a TO addressee, an INFO addressee;
- the two-letter TAGS code most frequent among the cables it sends (a hint for its
  country's State TAGS code; the hand column ``state_tag`` is checked against it).

An indicator, origin name or banner station seen with several offices goes to the office
it is seen with most often (the others are listed with ``--verbose``).

``--write`` merges these mined columns into ``convert/data/stations.tsv``: rows keep their
hand columns (kind, FRUS name, city, country, eras, ISO and TAGS codes, note), offices new
to the corpus are appended with those columns empty. Without ``--write`` nothing is
changed. Either way the script prints the coverage table: how many of the corpus's FM
offices, TO/INFO addressees, DE indicators, banner stations and origin names the table
resolves (distinct spellings and occurrences), and the table's gaps.

    .venv/bin/python scripts/build_stations.py [--corpus /tmp/corpus] [--write] [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus

from convert import stations
from convert.readers import cablegate, cablescsv

DATA = Path(__file__).resolve().parents[1] / "convert" / "data" / "stations.tsv"
PRE2000 = corpus.SHARED / "pre2000"

# ---------------------------------------------------------------- reading the three forms
def _spaced(word: str) -> str:
    """``SECRET`` -> a pattern for ``SECRET``, ``S E C R E T``, ``E C R E T`` (first letter
    lost), ``SS E C R E T``: the banner damage the corpus shows."""
    letters = [re.escape(c) for c in word if c != " "]
    return rf"(?:{letters[0]}?{letters[0]}?\s?)?" + r"\s?".join(letters[1:])


_LEVEL = "(?:" + "|".join(_spaced(w) for w in ("UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "TOP SECRET", "SECRET",
                                              "LIMITED OFFICIAL USE")) + ")"
_CAVEAT = (
    r"(?:E F T O|EFTO|SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS|STADIS|SPECAT|CHEROKEE|ROGER"
    r"|FOR OFFICIAL USE ONLY)"
)
BANNER = re.compile(
    rf"^{_LEVEL}(?:\s*//\s*[A-Z]+)*(?:\s+{_CAVEAT})*\s+(?:S?E?C?T?ION\s+\d+\s+OF\s+\d+\s+)?"
    rf"(?P<station>[A-Z][A-Z .'-]*?[A-Z])\s+(?P<serial>\d{{2,7}})(?:\s*{_CAVEAT})*$"
)
GLUED_BANNER = re.compile(rf"^(?P<name>.*?[A-Z0-9/])\s*(?P<banner>{_LEVEL}\b.*)$")
DE = re.compile(r"^DE\s+(?P<ri>R[A-Z0-9]{3,7})\s+#")
FM = re.compile(r"^FM\s+(?P<rest>\S.*)$")
TO = re.compile(r"^(?P<list>TO|INFO|XMT)\s+(?P<rest>\S.*)$")
ADDRESSEE = re.compile(
    r"^(?:(?P<ri>R[A-Z0-9]{3,7})(?:/R[A-Z0-9]{3,7})*/|ZEN/|[A-Z]{2,5}/)?(?P<name>[A-Z0-9][^a-z:]*)$"
)
# not offices: distribution codes (INFO LOG-00 NP-00 … /007R), page lines, a lost line break
# (SECSTATE WASHDC 0071INFO RUEHMN/…), a CSV quote, a lone letter
NOT_OFFICE = re.compile(r"\b[A-Z]{1,6}-\d\d\b|^/\d{3}[A-Z]$|^PAGE \d|/|\"|^[A-Z]$|\dINFO\b")
TAGS = re.compile(r"^TAGS?\s*[:;.]?\s+(?P<rest>.+)$")
HEADER_LINES = 600  # the routing header of a STATE cable to many posts is long


@dataclass
class Seen:
    """What one cable says about its offices."""

    form: str
    origin: str | None = None
    de_ri: str | None = None
    fm: str | None = None
    to: list[tuple[str | None, str]] = field(default_factory=list)  # (indicator, office as written)
    info: list[tuple[str | None, str]] = field(default_factory=list)
    banner: str | None = None
    tags: list[str] = field(default_factory=list)


def _banner(line: str) -> str | None:
    match = BANNER.match(" ".join(line.split()))
    if match is None or set(match["station"]) <= {"X", " "}:  # XXXXXXXXXXXX: withheld at publication
        return None
    return " ".join(match["station"].split())


FIELD = re.compile(r"^(?:TAGS?\b|SUBJ(?:ECT)?\b|E\.\s?O\.|REFS?\s*:|CLASSIFIED BY\b)")


def _routing(seen: Seen, lines: list[str]) -> None:
    """Read the routing lines at the top of ``lines`` into ``seen``, up to the banner (which
    old records glue to the last addressee: ``AMCONSUL JERUSALEMUNCLAS BEIRUT 01351``) or the
    first preamble field (TAGS, SUBJECT, E.O.). Other lines end an addressee list."""
    state: str | None = None
    for index, raw in enumerate(lines[:HEADER_LINES]):
        line = " ".join(raw.replace("\\", " ").split())
        if not line:
            nxt = next((n.strip() for n in lines[index + 1 : index + 3] if n.strip()), "")
            if state and not (TO.match(nxt) or ("/" in nxt and ADDRESSEE.match(nxt))):
                state = None
            continue
        if seen.banner is None and (found := _banner(line)):
            seen.banner = found
            return
        if FIELD.match(line):
            return
        glued = GLUED_BANNER.match(line) if (state or TO.match(line) or FM.match(line)) else None
        banner = _banner(glued["banner"]) if glued else None
        if glued and banner:
            line, seen.banner = glued["name"], banner
        if match := DE.match(line):
            seen.de_ri, state = seen.de_ri or match["ri"], None
        elif match := FM.match(line):
            seen.fm, state = seen.fm or match["rest"], None
        elif match := TO.match(line):
            state = match["list"].lower()
            _add(seen, state, match["rest"])
        elif state and ADDRESSEE.match(line) and len(line) < 90:
            _add(seen, state, line)
        else:
            state = None
        if banner:
            return


def read_cable(form: str, header: str | None, body: str, origin: str | None) -> Seen:
    """The offices, banner and TAGS of one cable, read tolerantly (a mining pass, not the
    normalizer: a rare line it misreads only costs a count)."""
    seen = Seen(form=form, origin=" ".join(origin.split()) if origin else None)
    if header:
        _routing(seen, header.splitlines())
    lines = body.splitlines()
    if seen.banner is None:
        _routing(seen, lines)
    for raw in lines[:HEADER_LINES]:
        if tags := TAGS.match(" ".join(raw.split())):
            seen.tags = re.findall(r"\b[A-Z]{2}\b", tags["rest"])
            break
    return seen


GLUED_PREFIX = re.compile(r"^(R[A-Z0-9]{3,6}?)(?=(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION)\b)")


def _add(seen: Seen, state: str, text: str) -> None:
    text = GLUED_PREFIX.sub(r"\1/", text.strip())  # RUEHSGAMEMBASSY SANTIAGO: the slash lost
    match = ADDRESSEE.match(text)
    if match is None or state == "xmt" or NOT_OFFICE.search(match["name"]):
        return
    (seen.to if state == "to" else seen.info).append((match["ri"], match["name"].strip()))


def read_pre2000(path: Path) -> Seen:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    origin = lines[4].strip() if len(lines) > 4 else None
    return read_cable("pre2000", None, "\n".join(lines[5:]), origin)


def read_all(corpus_dir: str | None) -> list[Seen]:
    """Every cable of the three forms; the pages from ``corpus_dir``, or unpacked from the
    shared tarball into a temporary folder that is removed afterwards."""
    if corpus_dir:
        return list(cables(corpus_dir))
    with tempfile.TemporaryDirectory(prefix="stations-") as tmp:
        with tarfile.open(corpus.TARBALL) as tar:
            tar.extractall(tmp, filter="data")
        return list(cables(tmp))


def cables(corpus_dir: str) -> Iterator[Seen]:
    for page in corpus.pages(corpus_dir):
        raw = cablegate.read(page.read_text(encoding="utf-8", errors="replace"), page.name)
        yield read_cable("page", raw.header, raw.body, raw.metadata.origin if raw.metadata else None)
    with corpus.CSV_SAMPLE.open("rb") as stream:
        for row in cablescsv.iter_rows(stream, corpus.CSV_SAMPLE.name):
            if not isinstance(row, Exception):
                yield read_cable("csv", row.header, row.body, row.metadata.origin if row.metadata else None)
    for path in sorted(PRE2000.rglob("*.txt")):
        yield read_pre2000(path)


# ---------------------------------------------------------------- mining
@dataclass
class Mined:
    seen: Counter[tuple[str, str]] = field(default_factory=Counter)  # (office, fm|to|info)
    spellings: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    indicators: Counter[tuple[str, str]] = field(default_factory=Counter)  # (ri, office)
    origins: Counter[tuple[str, str]] = field(default_factory=Counter)
    banners: Counter[tuple[str, str]] = field(default_factory=Counter)
    tags: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    cables: list[Seen] = field(default_factory=list)


def office_key(text: str, known: stations.Table) -> str:
    """The table's office for a spelling, or (for an office new to the table) the spelling
    without symbols, precedence, serial numbers."""
    row = known.by_office(text)
    if row is not None:
        return row.office
    return stations.clean_office(text)


def mine(cabled: list[Seen], known: stations.Table) -> Mined:
    mined = Mined(cables=cabled)
    for cable in cabled:
        if not cable.fm and cable.banner and cable.origin:
            # no FM line (a partial extract): the origin name says which office, if the table knows it
            row = known.by_origin(cable.origin)
            if row is not None:
                mined.banners[cable.banner, row.office] += 1
        if cable.fm:
            office = office_key(cable.fm, known)
            mined.seen[office, "fm"] += 1
            mined.spellings[office][stations.clean_office(cable.fm)] += 1
            if cable.de_ri:
                mined.indicators[cable.de_ri, office] += 1
            if cable.origin:
                mined.origins[cable.origin, office] += 1
            if cable.banner:
                mined.banners[cable.banner, office] += 1
            for tag in cable.tags:
                mined.tags[office][tag] += 1
        for kind, addressees in (("to", cable.to), ("info", cable.info)):
            for ri, name in addressees:
                office = office_key(name, known)
                mined.seen[office, kind] += 1
                mined.spellings[office][stations.clean_office(name)] += 1
                if ri:
                    mined.indicators[ri, office] += 1
    return mined


def _assign(pairs: Counter[tuple[str, str]], *, shared: bool) -> tuple[dict[str, list[str]], list[str]]:
    """Values (indicators, origin names, banner stations) to the offices they belong to:
    office -> its values, most often seen first; and a line for each value seen with more
    than one office.

    An indicator belongs to the office that has at least half of its traffic (none: a
    gateway such as RHMFISS serves many). With ``shared``, a banner or origin name also
    belongs to any other office seen with it at least twice and in a tenth of its uses
    (BRUSSELS: the Embassy and USEU), so that the lookup can say it is ambiguous; a single
    stray use (a Mexico cable with an Islamabad banner) does not count."""
    by_value: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for (value, office), n in pairs.items():
        by_value[value][office] += n
    owned: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)
    contested = []
    for value, offices in sorted(by_value.items()):
        total = sum(offices.values())
        ranked = sorted(offices.items(), key=lambda item: (-item[1], item[0]))
        for rank, (office, n) in enumerate(ranked):
            if (rank == 0 and 2 * n >= total) or (shared and rank > 0 and n >= 2 and 10 * n >= total):
                owned[office].append((n, value))
        if len(ranked) > 1:
            contested.append(f"{value} ({total}): " + ", ".join(f"{o} {c}" for o, c in ranked))
    out = {}
    for office, values in owned.items():
        ranked_values = sorted(values, key=lambda x: (-x[0], x[1]))
        # a second indicator seen once beside a main one is a slip (RUHRG for RUEHRG), not the office's
        out[office] = [v for i, (n, v) in enumerate(ranked_values) if i == 0 or n >= 2 or shared]
    return out, contested


# ---------------------------------------------------------------- the data file
MINED = ("indicators", "origins", "banners", "seen_fm", "seen_to", "seen_info", "tags_hint")


def merge(mined: Mined, known: stations.Table) -> tuple[list[dict[str, str]], list[str]]:
    """Rows for the data file: the known rows with their mined columns refreshed, then the
    offices new to the table (hand columns empty), and the contested values.

    A mined column the corpus has nothing for keeps what the file holds (a post added by
    hand keeps its indicator until the corpus shows one)."""
    indicators, c1 = _assign(mined.indicators, shared=False)
    origins, c2 = _assign(mined.origins, shared=True)
    banners, c3 = _assign(mined.banners, shared=True)
    # a banner naming another post, seen once (a Chisinau page with an ULAANBAATAR banner), is a slip
    posts = {o.partition(" ")[2]: o for o, _ in mined.seen if o.startswith(("AMEMBASSY ", "AMCONSUL "))}
    for (banner, office), n in mined.banners.items():
        if n == 1 and posts.get(banner, office) != office and banner in banners.get(office, []):
            banners[office].remove(banner)
    seen = {office for office, _ in mined.seen}
    # a row the corpus no longer shows and nobody completed was a misreading: drop it
    rows = [_cells(row) for row in known.rows if row.office in seen or row.kind]
    new = sorted(seen - {row["office"] for row in rows})
    rows += [{name: "" for name in stations.COLUMNS} | {"office": office} for office in new]
    for row in rows:
        office = row["office"]
        for name, found in (("indicators", indicators), ("origins", origins), ("banners", banners)):
            if office in found:
                row[name] = "|".join(found[office])
        variants = {stations.normalize_office(a) for a in row["aliases"].split("|") if a.strip()}
        variants |= {s for s in mined.spellings.get(office, {}) if _needs_alias(s, office)}
        row["aliases"] = "|".join(sorted(variants - {office}))
        for kind in ("fm", "to", "info"):
            row[f"seen_{kind}"] = str(mined.seen.get((office, kind), 0))
        top = [tag for tag, _ in mined.tags.get(office, Counter()).most_common() if tag != "US"]
        row["tags_hint"] = top[0] if top else row["tags_hint"]
        _infer_post_names(row)
    return rows, c1 + c2 + c3


def _infer_post_names(row: dict[str, str]) -> None:
    """An embassy or consulate the corpus has no cable from gets the banner station and
    origin name its routing name implies (AMEMBASSY MANILA: MANILA, Embassy Manila). The
    rule holds for every post the corpus has cables from, except a renamed city (Calcutta)."""
    prefix = {"embassy": "Embassy", "consulate": "Consulate"}.get(row["kind"])
    place = row["office"].partition(" ")[2]
    if prefix is None or not place:
        return
    if not row["banners"]:
        row["banners"] = place
    implied = f"{prefix} {place.title()}"
    if not row["origins"]:
        row["origins"] = implied
        return
    # the release's metadata misspells a post now and then ("Embasy Bonn", on every Bonn cable
    # of the scrape): the name the routing name implies goes first, as the name to print; the
    # misspelling stays after it, so that the metadata that writes it is still recognised
    names = row["origins"].split("|")
    if implied not in names and any(_one_letter_off(name, implied) for name in names):
        row["origins"] = "|".join([implied, *names])


def _one_letter_off(name: str, implied: str) -> bool:
    """Whether ``name`` is ``implied`` with one letter left out, added or changed."""
    a, b = name.casefold(), implied.casefold()
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _needs_alias(spelling: str, office: str) -> bool:
    """A spelling the lookup would not find without an alias."""
    return office not in stations.office_candidates(spelling)


def _cells(row: stations.Station) -> dict[str, str]:
    return {
        "office": row.office,
        "kind": row.kind,
        "frus": row.frus,
        "city": row.city,
        "country": row.country,
        "eras": ";".join(f"{e.name}<{e.until}" for e in row.eras),
        "iso": row.iso,
        "state_tag": row.state_tag,
        "indicators": "|".join(row.indicators),
        "origins": "|".join(row.origins),
        "banners": "|".join(row.banners),
        "aliases": "|".join(row.aliases),
        "seen_fm": str(row.seen_fm),
        "seen_to": str(row.seen_to),
        "seen_info": str(row.seen_info),
        "tags_hint": row.tags_hint,
        "note": row.note,
    }


def render(rows: list[dict[str, str]]) -> str:
    lines = ["\t".join(stations.COLUMNS)]
    for row in rows:
        cells = [row[name].replace("\t", " ").replace("\n", " ") for name in stations.COLUMNS]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def load_known() -> stations.Table:
    if not DATA.exists():
        return stations.Table([])
    return stations.Table(stations.parse_table(DATA.read_text(encoding="utf-8")))


# ---------------------------------------------------------------- coverage
def _ratio(hit: int, total: int) -> str:
    return f"{hit:>6,} / {total:>6,} = {100 * hit / total:5.1f} %" if total else f"{0:>6} / {0:>6}"


def coverage(cabled: list[Seen], table: stations.Table) -> list[tuple[str, Counter[str], set[str]]]:
    """(what, occurrences by spelling, spellings resolved) for each kind of name."""

    def distinct(counts: Counter[str], hits: set[str]) -> tuple[Counter[str], set[str]]:
        """Spellings counted once per office name (``… PRIORITY 4248`` is ``…``)."""
        merged: Counter[str] = Counter()
        for spelling, n in counts.items():
            merged[stations.clean_office(spelling)] += n
        return merged, {stations.clean_office(s) for s in hits}

    def office(text: str) -> bool:
        return table.by_office(text) is not None

    def complete(text: str) -> bool:
        row = table.by_office(text)
        return row is not None and _is_complete(row)

    kinds: list[tuple[str, Counter[str], set[str]]] = []
    fm = Counter(c.fm for c in cabled if c.fm)
    kinds.append(("FM offices", *distinct(fm, {s for s in fm if office(s)})))
    kinds.append(("FM offices, hand columns complete", *distinct(fm, {s for s in fm if complete(s)})))
    to = Counter(name for c in cabled for _, name in c.to)
    kinds.append(("TO addressees", *distinct(to, {s for s in to if office(s)})))
    info = Counter(name for c in cabled for _, name in c.info)
    kinds.append(("INFO addressees", *distinct(info, {s for s in info if office(s)})))
    both = to + info
    kinds.append(("TO+INFO, hand columns complete", *distinct(both, {s for s in both if complete(s)})))
    de = Counter(c.de_ri for c in cabled if c.de_ri)
    kinds.append(("DE routing indicators", de, {s for s in de if table.by_indicator(s)}))
    prefixes = Counter(ri for c in cabled for ri, _ in (*c.to, *c.info) if ri)
    kinds.append(("TO/INFO routing prefixes", prefixes, {s for s in prefixes if table.by_indicator(s)}))
    banner = Counter(c.banner for c in cabled if c.banner)
    kinds.append(("banner stations", banner, {s for s in banner if table.by_banner(s)}))
    nofm = Counter(c.banner for c in cabled if c.banner and not c.fm)
    kinds.append(("  of cables with no FM line", nofm, {s for s in nofm if table.by_banner(s)}))
    origin = Counter(c.origin for c in cabled if c.origin)
    kinds.append(("origin names (metadata)", origin, {s for s in origin if table.by_origin(s)}))
    return kinds


def table_key(table: stations.Table, name: str) -> str:
    row = table.by_office(name)
    return row.office if row is not None else stations.clean_office(name)


def _is_complete(row: stations.Station) -> bool:
    if row.kind not in stations.KINDS or not row.frus:
        return False
    return all(getattr(row, name) for name in stations.REQUIRED[row.kind])


def print_coverage(cabled: list[Seen], table: stations.Table, out: list[str]) -> None:
    forms = Counter(c.form for c in cabled)
    out.append(f"cables read: {sum(forms.values()):,} ({', '.join(f'{n:,} {f}' for f, n in forms.items())})")
    out.append(f"table rows: {len(table.rows):,}")
    out.append("")
    out.append(f"| {'names in the corpus':<36} | {'distinct resolved':<26} | {'occurrences resolved':<26} |")
    out.append(f"|{'-' * 38}|{'-' * 28}|{'-' * 28}|")
    for what, counts, hits in coverage(cabled, table):
        occ = sum(n for s, n in counts.items() if s in hits)
        out.append(f"| {what:<36} | {_ratio(len(hits), len(counts)):<26} | {_ratio(occ, sum(counts.values())):<26} |")
    # The table was mined from these cables, so it resolves their names by construction. How
    # often a new cable names an office it lacks is estimated from the offices seen once
    # (Good-Turing: the share of occurrences that are an office's only one).
    out.append("")
    for what, names in (
        ("FM office", [table_key(table, c.fm) for c in cabled if c.fm]),
        ("TO/INFO addressee", [table_key(table, n) for c in cabled for _, n in (*c.to, *c.info)]),
    ):
        once = sum(1 for n in Counter(names).values() if n == 1)
        out.append(
            f"offices seen once as {what}: {once} of {len(set(names))}; estimated share of a new cable's "
            f"{what} occurrences not in the table: {100 * once / max(1, len(names)):.2f} %"
        )


def print_gaps(table: stations.Table, out: list[str]) -> None:
    """Empty cells by column, among the rows whose kind would use that column."""
    out.append("")
    out.append("gaps (empty cells; 'required' = the kind needs it, see stations.REQUIRED):")
    kinds = Counter(row.kind or "(no kind)" for row in table.rows)
    out.append("  rows by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    for name in ("kind", "frus", "city", "country", "iso", "state_tag", "indicators", "origins", "banners"):
        empty = [row for row in table.rows if not getattr(row, name)]
        required = [r for r in empty if r.kind in stations.REQUIRED and name in stations.REQUIRED[r.kind]]
        out.append(f"  {name:<11} empty in {len(empty):>5,} rows ({len(required):,} where required)")
    mismatch = [
        f"{row.office} ({row.state_tag} vs hint {row.tags_hint})"
        for row in table.rows
        if row.state_tag and row.tags_hint and row.state_tag != row.tags_hint and row.seen_fm
    ]
    out.append(f"  state_tag differs from the corpus hint: {len(mismatch)}" + (": " if mismatch else ""))
    out += [f"    {m}" for m in mismatch]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="an unpacked cablegate corpus (default: unpack the shared tarball)")
    parser.add_argument("--write", action="store_true", help="merge the mined columns into the data file")
    parser.add_argument("--verbose", action="store_true", help="list contested values and unresolved names")
    args = parser.parse_args(argv)

    known = load_known()
    cabled = read_all(args.corpus)
    mined = mine(cabled, known)
    rows, contested = merge(mined, known)
    text = render(rows)
    table = stations.Table(stations.parse_table(text))
    if args.write:
        DATA.parent.mkdir(parents=True, exist_ok=True)
        DATA.write_text(text, encoding="utf-8")
    out: list[str] = []
    print_coverage(cabled, table, out)
    print_gaps(table, out)
    if args.verbose:
        out.append("")
        out.append(f"values seen with more than one office ({len(contested)}):")
        out += [f"  {c}" for c in contested]
        unresolved = Counter(
            name for c in cabled for name in ([c.fm] if c.fm else []) + [n for _, n in (*c.to, *c.info)]
            if table.by_office(name) is None
        )
        out.append(f"unresolved office spellings ({len(unresolved)}):")
        out += [f"  {n:>5} {s}" for s, n in unresolved.most_common()]
        banners = Counter(c.banner for c in cabled if c.banner and table.by_banner(c.banner) is None)
        out.append(f"banner stations with no single office ({len(banners)}):")
        out += [
            f"  {n:>5} {s}: " + ", ".join(r.office for r in table.banner_offices(s)) for s, n in banners.most_common()
        ]
        ris = Counter(ri for c in cabled for ri in [c.de_ri, *(r for r, _ in (*c.to, *c.info))] if ri)
        unowned = [(ri, n) for ri, n in ris.most_common() if table.by_indicator(ri) is None]
        out.append(f"routing indicators no office owns ({len(unowned)}):")
        out += [f"  {n:>5} {ri}" for ri, n in unowned]
    print("\n".join(out))
    if not args.write and text != (DATA.read_text(encoding="utf-8") if DATA.exists() else ""):
        print("\n(the mined columns differ from the data file: --write to update it)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
