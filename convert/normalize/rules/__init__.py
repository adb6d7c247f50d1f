"""The normalizer's rules: every artifact repair and every recognition, a small named unit in
a chain of its stage (see :mod:`convert.normalize.rules.ruler` and ``docs/architecture.md``).

``catalogue()`` lists them in order; a rule is switched off by name with
``normalize(raw, disable={"name"})``.
"""

from __future__ import annotations

from typing import Any

from . import (  # noqa: F401  (registers the rules)
    again,
    appended,
    blocks,
    bullets,
    closing,
    copies,
    copypreamble,
    copysigned,
    counted,
    cutfields,
    cuts,
    dashes,
    doubled,
    endings,
    entities,
    fields,
    figuresigned,
    gaps,
    gluedtags,
    groups,
    handlingcut,
    headlines,
    headsigned,
    inline,
    labelcut,
    labels,
    labelsigned,
    lateby,
    lines,
    marked,
    numbersigned,
    numbertext,
    openrefs,
    pagecut,
    pagesplit,
    passes,
    plussign,
    preface,
    previewrefs,
    qdamage,
    quoted,
    reasons,
    recopied,
    redacted,
    refcopy,
    refsentence,
    refwrap,
    resent,
    restated,
    routing,
    rowday,
    runon,
    sectionend,
    separators,
    serials,
    shortrule,
    signoff,
    spacing,
    subjects,
    subjectwrap,
    summaries,
    tags,
    unquoted,
    usercopies,
    years,
)

# isort: off
from . import dumps, ruled, sectiontags  # noqa: F401  (after passes: their rules are placed after its)
from . import titled  # noqa: F401  (after ruled: it reads its titles and rules)
from . import tailtitle  # noqa: F401  (after titled: its pass follows title-before-number)
from . import titleforms  # noqa: F401  (after tailtitle: its pass follows title-before-number, before tailtitle's)
from . import repeated  # noqa: F401  (after tailtitle: the last pass, over the numbering the others left)
from . import copyhead  # noqa: F401  (after repeated: its pass reads the copy repeated-text marked)
from . import previews  # noqa: F401  (after dumps: its late rule follows copied-fields)
from . import cutpreview  # noqa: F401  (after dumps: its late rule follows preview-stub)
from . import routingagain  # noqa: F401  (after previews: it mends paragraphs with its helper)
from . import rejoins  # noqa: F401  (after gaps: its merge rule follows wrapped-number-rejoin)
from . import midsentence  # noqa: F401  (after rejoins: its merge rule follows function-word-rejoin)
from . import opennote  # noqa: F401  (after midsentence: its merge rule follows page-break-rejoin)
from . import runonbare  # noqa: F401  (after gaps: its pass follows bare-paragraph-number)
from . import entries  # noqa: F401  (after tailtitle: its pass follows title-after-text)
from . import fieldlines  # noqa: F401  (after entries: its pass follows entry-lines)
from . import classifiedcut  # noqa: F401  (after fields: its kind follows classified-by-field)
from . import runonparas  # noqa: F401  (after spacing: its rule follows double-spaced)
from . import tables  # noqa: F401  (after entries: its pass goes before entry-lines, which leaves tables alone)
from . import csvbreaks  # noqa: F401  (after lines: its text rule follows form-feeds)
from . import capsend  # noqa: F401  (after closing: its rule follows minimize-signature)
from . import endslash  # noqa: F401  (after lines: its rule follows backslash-continuations)
from . import rulewrap  # noqa: F401  (after endslash: its rule follows last-line-continuation)
from . import straystop  # noqa: F401  (after rulewrap: its rule follows wrapped-rule)
from . import splitnumber  # noqa: F401  (after lines: a rule of lines.lines)
from . import deserial  # noqa: F401  (after fields: its chain is asked by facts of an id the DE serial made)
from . import bannerlevel  # noqa: F401  (after fields: its chain is asked of the banner fields.banner found)
from . import joinedrouting  # noqa: F401  (after routing: its chain is read before routing.later)
from . import ampquote  # noqa: F401  (after entities: its repair follows entity-quote)
from . import accents  # noqa: F401  (after inline: its repair follows accent)
from . import runonbullets  # noqa: F401  (after cuts: its rule follows glued-heading)
from . import runonletters  # noqa: F401  (after runonbullets: its rule follows run-on-bullets)
from . import initials  # noqa: F401  (after passes: its pass follows attach-lists)
from . import missing  # noqa: F401  (after blocks: its kind goes before short-underlined-heading)
from . import pagenumber  # noqa: F401  (after closing: its rule follows classification-line)
from . import pagesubject  # noqa: F401  (after lines: its rules follow page-break-old)
from . import pagenotice  # noqa: F401  (after pagesubject: its rule follows page-subject-wrap)
from . import absent  # noqa: F401  (the closing.absent chain)
from . import listtail  # noqa: F401  (after tailtitle and entries: its pass follows mixed-title-after-text)
from . import valediction  # noqa: F401  (after entries: its pass follows entry-lines)
from . import refbefore  # noqa: F401  (the fields.ref-before chain, asked by the facts)
from . import merged  # noqa: F401  (the routing.addressees chain, asked by the routing stage)
from . import halftitle  # noqa: F401  (after tailtitle: its pass follows mixed-title-after-text)
from . import sipdisline  # noqa: F401  (after spacing: its rule follows double-spaced)
from . import lineparas  # noqa: F401  (after sipdisline: its rule follows sipdis-blank)
from . import slashes  # noqa: F401  (after listtail: its pass follows list-tail)
from . import stopline  # noqa: F401  (after slashes: its pass follows slashed-heading)
from . import paragraphpoint  # noqa: F401  (after stopline: its pass follows stop-line)
from . import typed  # noqa: F401  (after qdamage: its repairs follow acute-apostrophe)
from . import byref  # noqa: F401  (after copies: its rule follows field-rule-runon)
from . import cutword  # noqa: F401  (the fields.cut-word chain, asked by the preamble)
from . import markedtitle  # noqa: F401  (after tailtitle: its pass follows title-after-text, before entry-lines)
from . import introduced  # noqa: F401  (after inline: its span rule follows quote)
from . import pairdashes  # noqa: F401  (after blocks: its kind goes before dashed-heading)
from . import partnerrow  # noqa: F401  (after endings: a rule of its closing.after-end chain)
from . import linkend  # noqa: F401  (after inline: a rule of inline.repairs)
from . import cancelnotice  # noqa: F401  (after inline: a rule of inline.repairs)

# isort: on
from .ruler import CHAINS, REGISTRY, STAGES, Chain, Rule, Run, all_rules, check_names, note

__all__ = ["CHAINS", "REGISTRY", "STAGES", "Chain", "Rule", "Run", "all_rules", "catalogue", "check_names", "note"]


def catalogue() -> list[Rule[Any]]:
    """Every rule, stage by stage, each chain in its order."""
    return all_rules()
