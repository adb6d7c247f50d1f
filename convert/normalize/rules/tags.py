"""Chain ``fields.tags`` (asked by the facts): how the words of the TAGS field are read as
entries, once person tags (``OVIP (STEINBERG, JAMES B.)``) are taken out.

A TAGS entry is a code by its form or by the published lists: a State Department
geographic code (two letters), a subject or program code (four letters beginning with a
subject field's letter: A, B, C, E, K, M, O, P, S, T), or an organisation tag of the TAGS
handbook. What is none of these is a word a post wrote into the field (``POL MIL``, ``GOI
EXTERNAL``, ``MEETINGS WITH AMBASSADOR``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .fields import KINDS
from .ruler import Chain

READ: Chain[Callable[[list[str]], list[str] | None]] = Chain(
    "fields.tags", "fields", "The entries of the TAGS field's words (a comma-separated group of them; first match)."
)
ENDS: Chain[Callable[[str, str], bool]] = Chain(
    "fields.tags-end", "fields", "Does the TAGS field end before a line that starts no other field? (first match)"
)

#: Organisation tags of the State Department's TAGS/Terms handbook (single-word ones),
#: re-keyed from the list cablemap ships (``organization-tags.txt``, public facts), with
#: the handbook's later organisation tags the cables use (NPT, OPCW, UNHRC, USUN, APEC, MERCOSUR,
#: FTAA), and the names of the list's numbered entries (``IWC`` of ``IWC-1``).
ORGANISATIONS = frozenset(
    """
    AAA AAFLI AAI AALC ABA ABC ABMC ACABQ ACTU ADB ADF ADPSEC AEC AEDF AEROFLOT AEROPERU AFDB AFDF
    AFL-CIO AFP AFSA AGR AI AID AIFLD AKB AL ALIA ALITALIA ALP AMAL AMAX AMCHAMS AMOCO ANC ANZUS AP
    APAG APCAC APECO ARAMCO ARC ARCO ARDE ARENA ARIANA ASALA ASEAN ASPAC AT&T ATA AUB AUCCTU AVENSA
    AVIANCA BASC BBC BBG BDC BENDIX BIE BIS BLS BOS BP BQG BUNDESBANK BWIA CAA CAAC CACM CAPC CARE
    CBC CBS CCD CCIR CCITT CCMS CCNAA CCUS CDB CDC CDG CDI CDU CEA CEAC CEC CEMA CEP CEQ CIA CIEC CIL
    CIME CIP CIPEC CIS CITEL CITIBANK COE COM COMIBOL CONDECA CONOCO CONTRIB COSEP CPC CPSU CRS CSIS
    CSTP CSU CTM CWC CWS DAC DC DCA DCI DEA DHS DIA DJP DOD DOE DOT DPC DPP DPR EAC EAL EALG EAPC EBRD
    ECA ECAC ECDC ECE ECG ECLAC ECMT ECOSOC ECOWAS ECWA ED EDC EDRC EDU EEOC EFTA ELF ELN EP EPA EPC
    ESA ESCAP ESDI ETA EUCOM EUN EUROCONTROL EXIM FAA FAO FAPC FAPLA FARC FAS FBI FBIS FCC FCIA FCSC
    FDA FDIC FDN FDR FEMA FHWA FINNAIR FLN FMC FMLN FNLA FPC FRB FRELIMO FSCADP FSLN FTC FTUI FWS G-77
    G-8 GAO GATT GCC GPO GREENS GSA HCOPIL HHS HKA HUD IACI IACW IADB IAEA IA-ECOSOC IAF IAHRC IAII
    IAJC IARC IATA IATTC IBC IBM IBPCA IBPCT IBRD IBWC IBWM ICAC ICAF ICAO ICBL ICC ICCAT ICCROM ICES
    ICFTU ICJ ICMC ICO ICRC ICSC ICTR ICTY IDA IDB IEA IFAD IFC IFRB IFRC IHB IIC IICA IJC IJO ILA ILC
    ILO ILZSG IMC IMF IMH IMO INCB INFCE INMARSAT INPFC INRA INRO INS INT INTELSAT INTERPOL IOC IOLM
    IOM IOVW IPDC IPHC IPU IRA IRC IREX IRS IRSG ISCON ISO ISTA ITC ITT ITTO ITU IUCNNR IWBC IWSG IYC
    JAL JAT JCIC JDL JLP JUS KAL KANU KGB KLM KMT KOC KPNLF LAB LBAR LDP LLTE LOC LOT MAB MARAD MAS
    MCG MCLRS MEA MFO MINURSO MIR MNLF MONUC MPEAA MPLA MTCRE MTN NAA NAC NACB NAFO NAMSA NAS NASA
    NASCO NATO NBC NBCCA NBS NDR NDU NEB NGA NIAG NICSMA NIDA NIH NIOC NKDP NMFS NNPC NOAA NPC NPFSC
    NPG NSA NSC NSF NTIA NTIS NTSB NTT NUC NWC OAPEC OAS OATU OAU OECD OECS OIE OMB OMSN OPEC OPIC OPM
    OSCE OSHA OSIA OVP PAC PAHO PAIGH PAL PAN PARCA PBEIST PBOS PBS PCC PCI PDC PEMEX PETROBRAS PFLP
    PFP PHS PIA PIARC PICES PJC PKFK PLA PLN PLO PNC PNDC PNP PPD PPP PRI PSD PSI PSOE PUAS QANTAS RDP
    RENAMO RFE RL RRB SAARC SAS SBA SCC SCEPC SDFCU SEC SELA SFOR SMI SOCINT SPC SPD SPF SPLA SPLM SSA
    SSOD STAT SVC SWAPO TAPLINE TDB TGC THY TNC TPLF TRSY TUAC TUC TVA UANC UAW UCD UDEAC UIL UMNO UMOA
    UN UNAMSIL UNAUS UNBRO UNC UNCHC UNCHS UNCITRAL UNCND UNCRED UNCRIME UNCSD UNCSW UNCTAD UNDC UNDOF
    UNDP UNDRO UNEF UNEP UNESCO UNETPSA UNFDAC UNFICYP UNFPA UNGA UNGOMAP UNHCR UNICEF UNIDCP UNIDO
    UNIDROIT UNIFIL UNIKOM UNITA UNITAR UNMEE UNMIBH UNMIK UNMOGIP UNMOP UNO UNOMIG UNPOP UNPUOS UNRWA
    UNSC UNSCEAR UNTAT UNTC UNTER UNTFSA UNTNC UNTSO UPD UPI UPOV UPU USEGJC USEM USGS USINJC USIS
    USISJC USNRC USPS USSAEC USSS USTR USTTA VA VARIG VFW VIASA VOA WARC WCC WCL WEO WEU WFP WFTU WHC
    WHO WILPF WIPO WJC WMO WPO WTO WTRO YPFB ZANU ZANU-PF ZAPU COPUOS
    NPT OPCW UNHRC USUN APEC MERCOSUR FTAA
    """.split()
) | frozenset("ADB AU BP CCC GM ICO IRC IWC NRC OIC UNHRC WFC".split())  # the list's numbered names (IWC-1)

#: the subject TAGS of the handbook (re-keyed from the list cablemap ships, ``subject-tags.txt``)
SUBJECTS = frozenset(
    """
    AADP ABLD ABUD ACOA ACKM ADCO ADPM AEMR AFIN AFSI AFSN AGAO AINF AINR AINT ALOW AMED AMGT AMTC ANET
    AODE AOMS AORC APCS APER ASCH ASEC ASIG BBSR BEXP BMGT BTIO CASC CFED CJAN CLOK CMGT CPAS CVIS EAGR
    EAID EAIR ECON ECPS EFIN EFIS EIND EINT EINV ELAB ELTN EMIN ENRG EPET ETRD ETTC EWWT MARR MASS MCAP
    MNUC MOPS ODIP OEXC OFDP OIIP OPDC OPRC OREP OSCI OTRA OVIP PARM PBTS PGOV PHSA PHUM PINR PINS PNAT
    PREF PREL PROP PTER SCUL SENV SMIG SNAR SOCI TBIO TINT TNGD TPHY TRGY TSPA TSPL
    ECIN
    """.split()  # ECIN (economic integration and cooperation): a subject code the list lacks
)
_SUBJECT_FIELDS = frozenset("ABCEKMOPST")
_GEOGRAPHIC = re.compile(r"[A-Z]{2}")
_SUBJECT = re.compile(r"[A-Z]{4}")


#: an embassy's offices by the symbols posts write into the TAGS field among the codes (``TAGS: ECON FBI DHS PAS DAO
#: CONS OPAD DCM POL AID``, 06MEXICO6278, 06MEXICO6546): the defence attaché, the deputy chief of mission, public
#: affairs, the regional security officer, each an entry of its own; not ``POL`` and ``MIL``, whose ``POL MIL`` posts
#: write as one phrase
OFFICES = frozenset("DAO DCM PAS PAO RSO".split())


def is_code(word: str) -> bool:
    """Whether a word of the TAGS field is a code: geographic (two letters), subject or
    program (four letters from a subject field), a known organisation, or an office's symbol."""
    word = word.strip(".:-").upper()
    if word in OFFICES:
        return True
    if _GEOGRAPHIC.fullmatch(word):
        return True
    if _SUBJECT.fullmatch(word) and word[0] in _SUBJECT_FIELDS:
        return True
    return word in ORGANISATIONS or word.split("-", 1)[0] in ORGANISATIONS


#: the phrases posts write into the TAGS field: Embassy Tel Aviv's keywords (``… IS GOI EXTERNAL``, ``… KPAL
#: ISRAELI PALESTINIAN AFFAIRS``; ``GOI INTERNAL``, ``ELECTIONS``, 2005's ``GAZA DISENGAGEMENT``), Embassy Rome's
#: (``… IT ITALIAN POLITICS``, ``ITALY NATIONAL ELECTIONS``), and the others the pages write between codes or
#: commas, on their own
KNOWN_PHRASES = frozenset(
    (
        "GOI",
        "GOI EXTERNAL",
        "GOI INTERNAL",
        "ISRAELI PALESTINIAN AFFAIRS",
        "ELECTIONS",
        "GAZA DISENGAGEMENT",
        "ITALIAN POLITICS",
        "ITALY NATIONAL ELECTIONS",
        "IRAQI FREEDOM",
        "COUNTER TERRORISM",
        "MEETINGS WITH AMBASSADOR",
        "MEDIA REACTION",
        "POL MIL",
    )
)
_LONGEST = max(len(p.split()) for p in KNOWN_PHRASES)


def known_phrases(run: list[str]) -> list[str]:
    """A run of words that are no code, as the phrases it is made of: ``ELECTIONS GOI INTERNAL ISRAELI
    PALESTINIAN AFFAIRS GOI EXTERNAL`` (06TELAVIV145) is four of the known ones, one after another, each an
    entry; a run that is not made of known phrases alone, every word of it, stays one entry (fewest pieces
    first, read from the start)."""
    best: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for size in range(1, min(_LONGEST, end) + 1):
            head = best[end - size]
            phrase = " ".join(run[end - size : end]).upper()
            if head is not None and phrase in KNOWN_PHRASES:
                found = [*head, " ".join(run[end - size : end])]
                if best[end] is None or len(found) < len(best[end] or ()):
                    best[end] = found
    pieces = best[len(run)]
    return pieces if pieces is not None and len(pieces) > 1 else [" ".join(run)]


@READ.rule("tag-phrases")
def tag_phrases(words: list[str]) -> list[str] | None:
    """``TAGS: MARR PREL BR KICC POL MIL``, ``… IS GOI EXTERNAL``, ``… UNSC MEETINGS WITH
    AMBASSADOR``: words of the TAGS field next to each other (not parted by a comma) that are
    no code (not geographic, subject or program by their form, nor a known organisation) are
    one entry, the phrase a post wrote into the field, or the known phrases it is made of, one
    after another (:func:`known_phrases`); codes stay one entry each."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if word and not is_code(word):
            run.append(word)
            continue
        if run:
            out.extend(known_phrases(run))
            run = []
        if word:
            out.append(word)
    return out if len(out) != len(words) else None


_WORD = re.compile(r"[^\s,;]+")
#: a REF list's item (``(B) Sao Paulo 215;``, ``(C) 05 Sao Paulo 975``): no person tag's rest
_REF_ITEM = re.compile(r"^\s*\([A-Z]\)\s+(?:\d\d\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*\s+\d{1,6}\b")


@ENDS.rule("tags-runon")
def tags_runon(field: str, line: str) -> bool:
    """``TAGS: ECON EPET EWWT PGOV KCOR CY LY`` / ``HANNIBAL GOES TO SEA: INSIGHTS INTO …``: a
    line after the TAGS field of three words or more, mostly no codes (a SUBJECT without its
    label, the text), ends the field; so does a shorter line of no codes that ends in a comma or
    holds a hyphened word (``TAGS: PGOV PINR PE`` / ``RUN-OFF,`` / ``SEEKS EMBASSY'S …``, 06LIMA1452:
    a SUBJECT's words after its lost label); a line of codes (``NATO, UK, CN``), a phrase's last
    word (``COUNTRY`` / ``CLEARANCE``) or a person tag's rest goes on."""
    if field.count("(") > field.count(")") or (line.lstrip().startswith("(") and not _REF_ITEM.match(line)):
        return False
    words = _WORD.findall(line)
    if len(words) >= 3:
        return sum(map(is_code, words)) * 2 < len(words)
    return (bool(words) and not any(map(is_code, words))
            and (line.rstrip().endswith(",") or any("-" in w.strip("-") for w in words)))


_CODES_LINE = re.compile(r"^\s*[A-Z]{2,8}(?:\s*,\s*|\s+)[A-Z]{2,8}(?:(?:\s*,\s*|\s+)[A-Z]{2,8})+\s*$")


@KINDS.rule("unlabelled-tags", after="tags-field", lead="[A-Z]")  # (_CODES_LINE)
def unlabelled_tags(line: str) -> str | None:
    """``EFIN, ECON, EINV, PGOV, CH`` (the ``TAGS:`` label lost): a line of three codes or
    more, every one a code, its four-letter ones the handbook's subject codes or program codes
    (K…), one at least a subject code, is the TAGS field (not ``PASS TO NRC``)."""
    if not _CODES_LINE.match(line):
        return None
    words = _WORD.findall(line)
    fours = [w for w in words if len(w) == 4]
    if (
        all(map(is_code, words))
        and all(w in SUBJECTS or w[0] == "K" for w in fours)
        and any(w in SUBJECTS for w in fours)
    ):
        return "tags"
    return None
