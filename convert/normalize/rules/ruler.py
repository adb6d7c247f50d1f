"""Named rules in ordered chains (in the manner of markdown-it's rule chains, written here).

A :class:`Rule` is one artifact repair or one recognition: a small function with a name, the
stage it belongs to, an optional editorial note (the prose the TEI's ``editorialDecl`` shows
when the rule fired on a cable) and an optional ``trigger`` (substrings, one of which the text
must hold for the rule to run: a prefilter the rule declares, so that nothing is skipped
silently) and an optional ``lead`` (the first non-blank character of a line the rule can
fire on, as a character class: a line chain's driver asks only the rules whose lead the line's
first character fits, looked up once per character).

A :class:`Chain` holds the rules of one shape (one function signature) in an explicit order:
a rule goes at the end, or ``before``/``after`` a named rule. A stage's driver runs the chain
(first match, or each rule in turn) through a :class:`Run`, which knows the rules switched
off by name and records the rules that fired.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..parsed import EditorialNote

F = TypeVar("F", bound=Callable[..., Any])

#: the stages, in the order the normalizer runs them
STAGES = ("lines", "routing", "fields", "blocks", "closing", "inline")
PARTS = ("correction", "normalization", "hyphenation")

#: every rule by name (names are unique across chains: a rule is switched off by its name)
REGISTRY: dict[str, Rule[Any]] = {}
#: every chain by name, in the order they were made
CHAINS: dict[str, Chain[Any]] = {}


def note(part: str, prose: str) -> EditorialNote:
    """The editorial note of a rule: the ``editorialDecl`` part it goes in, and its prose."""
    if part not in PARTS:
        raise ValueError(f"unknown editorialDecl part {part!r} (known: {', '.join(PARTS)})")
    return EditorialNote(part, " ".join(prose.split()))


@dataclass(frozen=True, slots=True)
class Rule(Generic[F]):
    name: str
    stage: str
    chain: str
    fn: F
    note: EditorialNote | None = None
    trigger: tuple[str, ...] = ()
    doc: str = ""
    #: a regular expression for one character (``[¶\d]``): the first non-blank character of
    #: every line the rule fires on (a necessary condition, as the rule's anchored pattern
    #: says); None: any line
    lead: str | None = None
    #: the triggers' test (None: the rule always runs); drivers call it in their loops
    hit: Callable[[str], bool] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.trigger and self.hit is None:
            object.__setattr__(self, "hit", _holds(self.trigger))
        if self.lead is not None:
            re.compile(self.lead)  # refused now, not at the first line

    def leads(self, first: str) -> bool:
        """Whether a line whose first non-blank character is ``first`` ("": a blank line) can
        make the rule fire, as its lead says."""
        return self.lead is None or (bool(first) and re.fullmatch(self.lead, first) is not None)

    def wants(self, text: str) -> bool:
        """Whether ``text`` holds one of the rule's trigger substrings (always, without any)."""
        return self.hit is None or self.hit(text)


def _holds(needles: tuple[str, ...]) -> Callable[[str], bool]:
    """``text -> whether it holds one of needles`` (substring tests: faster than a regex)."""
    if len(needles) == 1:
        (needle,) = needles
        return lambda text: needle in text
    if len(needles) == 2:  # (most rules have one to four: no loop for them)
        first, second = needles
        return lambda text: first in text or second in text
    if len(needles) == 3:
        first, second, third = needles
        return lambda text: first in text or second in text or third in text
    if len(needles) == 4:
        first, second, third, fourth = needles
        return lambda text: first in text or second in text or third in text or fourth in text

    def holds(text: str) -> bool:
        for needle in needles:
            if needle in text:
                return True
        return False

    return holds


class Chain(Generic[F]):
    """An ordered list of rules of one shape. ``fold``: triggers are compared with the
    lower-cased text (then they must be lower case and hold no ``i`` or ``s``: a regular
    expression with IGNORECASE also matches İ, ı and ſ there, which ``lower()`` keeps)."""

    def __init__(
        self, name: str, stage: str, doc: str, *, fold: bool = False, registry: dict[str, Rule[Any]] | None = None
    ) -> None:
        """``registry``: where the rules' names are kept (a chain made with its own is not part
        of the normalizer: tests)."""
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}")
        if registry is None and name in CHAINS:
            raise ValueError(f"a chain named {name!r} exists")
        self.name, self.stage, self.doc, self.fold = name, stage, " ".join(doc.split()), fold
        self._rules: list[Rule[F]] = []
        self._active: dict[frozenset[str], tuple[Rule[F], ...]] = {}
        self._leads: dict[frozenset[str], Leads[F]] = {}
        self._registry = REGISTRY if registry is None else registry
        if registry is None:
            CHAINS[name] = self

    def rule(
        self,
        name: str,
        *,
        note: EditorialNote | None = None,
        trigger: tuple[str, ...] = (),
        lead: str | None = None,
        before: str | None = None,
        after: str | None = None,
    ) -> Callable[[F], F]:
        """Decorator: register the function as the rule ``name`` (its docstring's first
        line is the rule's summary in the catalogue)."""

        def register(fn: F) -> F:
            doc = (fn.__doc__ or "").strip().split("\n\n")[0]
            rule = Rule(name, self.stage, self.name, fn, note, trigger, " ".join(doc.split()), lead)
            self.add(rule, before, after)
            return fn

        return register

    def add(self, rule: Rule[F], before: str | None = None, after: str | None = None) -> None:
        if rule.name in self._registry:
            raise ValueError(f"a rule named {rule.name!r} exists")
        if before is not None and after is not None:
            raise ValueError(f"{rule.name}: give before or after, not both")
        if self.fold and any(t != t.lower() or "i" in t or "s" in t for t in rule.trigger):
            raise ValueError(f"{rule.name}: a folded trigger is lower case without i or s")
        index = len(self._rules)
        if before is not None or after is not None:
            anchor = before if before is not None else after
            names = [r.name for r in self._rules]
            if anchor not in names:
                raise ValueError(f"{rule.name}: no rule {anchor!r} in the chain {self.name}")
            index = names.index(anchor) + (1 if after is not None else 0)
        self._rules.insert(index, rule)
        self._registry[rule.name] = rule
        self._active.clear()
        self._leads.clear()

    def active(self, disabled: frozenset[str]) -> tuple[Rule[F], ...]:
        """The rules in order, without those switched off."""
        found = self._active.get(disabled)
        if found is None:
            found = self._active[disabled] = tuple(r for r in self._rules if r.name not in disabled)
        return found

    def leading(self, disabled: frozenset[str]) -> Leads[F]:
        """The rules in order, without those switched off, by the first non-blank character
        of a line (``leads[line.lstrip()[:1]]``) that can make them fire (their ``lead``)."""
        leads = self._leads.get(disabled)
        if leads is None:
            leads = self._leads[disabled] = Leads(self.active(disabled))
        return leads

    def __iter__(self) -> Iterator[Rule[F]]:
        return iter(self._rules)

    def names(self) -> list[str]:
        return [r.name for r in self._rules]


class Leads(dict[str, tuple[Rule[F], ...]]):
    """A line's first non-blank character ("": a blank line) -> the rules of ``active``, in
    order, whose ``lead`` it fits: worked out at the first line a character starts, then
    looked up (a dict's own look-up, in C: a driver asks it for every line)."""

    __slots__ = ("active",)

    def __init__(self, active: tuple[Rule[F], ...]) -> None:
        super().__init__()
        self.active = active

    def __missing__(self, first: str) -> tuple[Rule[F], ...]:
        found = tuple(r for r in self.active if r.leads(first))
        if len(self) < _LEADS_KEPT:  # (a text of many scripts cannot grow it without end)
            self[first] = found
        return found


@dataclass(slots=True)
class Run:
    """One cable's pass through the rules: which are switched off, which fired."""

    disabled: frozenset[str] = frozenset()
    fired: dict[str, int] = field(default_factory=dict)  # rule name -> times
    #: what a first-match chain found for a line, by chain and line: the same line is asked
    #: about more than once (looking ahead, then reading); shared with trials
    memo: dict[tuple[str, str], Any] = field(default_factory=dict)

    def active(self, chain: Chain[F]) -> tuple[Rule[F], ...]:
        return chain.active(self.disabled)

    def leading(self, chain: Chain[F]) -> Leads[F]:
        return chain.leading(self.disabled)

    def leading_in(self, chain: Chain[F], text: str) -> Leads[F]:
        """:meth:`leading` without the rules whose triggers ``text`` holds none of, for a driver
        that asks them only of parts of ``text`` (its lines): a trigger the text does not hold,
        no part of it holds, and those rules would not run on any line."""
        absent = frozenset(r.name for r in chain.active(self.disabled) if r.hit is not None and not r.hit(text))
        return chain.leading(self.disabled | absent) if absent else chain.leading(self.disabled)

    def on(self, name: str) -> bool:
        """Whether the rule ``name`` runs (a rule a driver calls at one fixed point)."""
        return name not in self.disabled

    def first(self, chain: Chain[Any], *args: Any) -> Any:
        """The result of the first rule of ``chain`` that finds something (not None, not
        empty), which fires; None when none does."""
        for rule in chain.active(self.disabled):
            found = rule.fn(*args)
            if found:
                self.fire(rule.name)
                return found
        return None

    def first_unless(self, chain: Chain[Any], refuse: Callable[[Any], bool], *args: Any) -> Any:
        """:meth:`first`, except that a finding ``refuse`` answers True for is taken as none:
        None is returned and no rule fires (the first finding decides, a later rule is not
        asked)."""
        for rule in chain.active(self.disabled):
            found = rule.fn(*args)
            if found:
                if refuse(found):
                    return None
                self.fire(rule.name)
                return found
        return None

    def first_memo(self, chain: Chain[Any], key: str, line: str, *args: Any) -> Any:
        """:meth:`first` (a None result is nothing found) for a chain of line rules asked about
        the same line more than once, ``line`` their first argument: the finding is kept in
        :attr:`memo` under ``key``, and the rule that made it fires at each ask. Only the rules
        whose ``lead`` the line's first non-blank character fits are asked."""
        memo_key = (chain.name, key)
        found = self.memo.get(memo_key, MISSING)
        if found is MISSING:
            found = None
            for rule in chain.leading(self.disabled)[line.lstrip()[:1]]:
                result = rule.fn(line, *args)
                if result is not None:
                    found = (rule.name, result)
                    break
            self.memo[memo_key] = found
        if found is None:
            return None
        self.fire(found[0])
        return found[1]

    def fire(self, name: str, times: int = 1) -> None:
        self.fired[name] = self.fired.get(name, 0) + times

    def trial(self) -> Run:
        """A run whose firings are kept only if :meth:`keep` takes them (a tentative step)."""
        return Run(self.disabled, {}, self.memo)

    def keep(self, trial: Run) -> None:
        for name, times in trial.fired.items():
            self.fire(name, times)


_ALL: list[Rule[Any]] = []
#: first characters whose rules a chain keeps (per set of rules switched off)
_LEADS_KEPT = 1024
#: "not in the memo" (None is a result: nothing found)
MISSING: Any = object()


def all_rules() -> list[Rule[Any]]:
    """Every rule: stage by stage, chain by chain (in the order they were made), each chain
    in its order (the catalogue's order, and the editorialDecl's within a part)."""
    if len(_ALL) != len(REGISTRY):
        _ALL[:] = [rule for stage in STAGES for chain in CHAINS.values() if chain.stage == stage for rule in chain]
    return _ALL


def check_names(names: frozenset[str]) -> None:
    unknown = sorted(names - REGISTRY.keys())
    if unknown:
        raise ValueError(f"no rule named {', '.join(unknown)} (see convert.normalize.rules.catalogue())")
