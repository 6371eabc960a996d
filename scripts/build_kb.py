#!/usr/bin/env python3
"""Build kb/data/phoenix_actors.tsv from the Phoenix/PETRARCH actor dictionaries.

    python scripts/build_kb.py [--phoenix ../shared/data/phoenix_dictionaries]

Run once when the dictionaries change; the package ships the result (with the MIT
licence notice in kb/data/LICENSE.phoenix.txt) and never reads the dictionaries at run
time. What it does:

- people and organisations from Phoenix.Countries/International/MilNonState.actors.txt
  become rows of kroniek's actor-table format (one row per dated code);
- country entries are left out (kb/data/countries.tsv covers countries, in Dutch too);
- aliases that carry a title or a nationality ("PRESIDENT_PUTIN", "RUSSIAN_FOREIGN_MINISTER_LAVROV")
  are dropped: kroniek finds titles and roles in the Dutch text itself;
- Phoenix's country codes become ISO ones where they differ (KSV → XKX, TMP → TLS, USR → SUN).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from kroniek.kb.names import title_case  # noqa: E402
from kroniek.kb.phoenix import PhoenixEntry, read_phoenix  # noqa: E402
from kroniek.kb.translit import load_transliterator  # noqa: E402

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
CODE_FIX = {"KSV": "XKX", "TMP": "TLS", "USR": "SUN", "SCG": "YUG", "FRY": "YUG"}
# Non-country prefixes that are themselves the sector (Phoenix's international actors).
SECTOR_PREFIX = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "REB", "MED": "MED", "ELI": "ELI"}

ORG_WORDS = set("""ORGANIZATION ORGANISATION COUNCIL COMMITTEE COMMISSION PARTY ARMY FRONT MOVEMENT UNION
ASSOCIATION MINISTRY DEPARTMENT AGENCY BANK FUND INSTITUTE INSTITUTION FOUNDATION GROUP BRIGADE BRIGADES
FORCE FORCES CORPS GUARD GUARDS POLICE COURT ASSEMBLY PARLIAMENT GOVERNMENT OFFICE SERVICE SERVICES LEAGUE
FEDERATION SOCIETY CENTER CENTRE NETWORK NATIONS ALLIANCE COALITION CONGRESS SENATE CHAMBER TRIBUNAL
PROGRAM PROGRAMME AUTHORITY BUREAU BOARD COMPANY CORPORATION INC LTD AIRLINES AIRWAYS UNIVERSITY SCHOOL
HOSPITAL CHURCH NEWS WATCH INTERNATIONAL CROSS CRESCENT REPUBLIC KINGDOM STATES MILITIA REBELS FACTION
CABINET MISSION EMBASSY CONSULATE NAVY AIR TROOPS SOLDIERS JUNTA REGIME DIRECTORATE SECRETARIAT
COOPERATION PARTNERSHIP INITIATIVE PROJECT TRUST CLUB CONFERENCE DIVISION UNIT UNITS BATTALION
REGIMENT COMMAND HEADQUARTERS ACADEMY COUNCILS NATIONAL PEOPLE PEOPLES PEOPLE'S CAMPAIGN""".split())
TITLE_WORDS = set("""PRESIDENT MINISTER PRIME SECRETARY AMBASSADOR GENERAL GEN GEN. COL COL. LT LT. MAJOR
ADMIRAL FORMER LEADER CHIEF CHAIRMAN CHAIRWOMAN KING QUEEN PRINCE PRINCESS EMIR SENATOR GOVERNOR MR MR.
MRS MRS. MS MS. DR DR. SIR LORD PREMIER CHANCELLOR DEPUTY VICE SPEAKER MAYOR JUDGE JUSTICE ENVOY
SPOKESMAN SPOKESWOMAN COMMANDER HEAD FOREIGN DEFENSE DEFENCE INTERIOR OPPOSITION SECY SEC. AMB. PRES.
REP. SEN. GOV. CAPT. CAPTAIN COLONEL LIEUTENANT SERGEANT MARSHAL PRES MINISTERS OFFICIAL DIPLOMAT
CANDIDATE ACTIVIST DICTATOR STRONGMAN POPE ARCHBISHOP BISHOP CARDINAL AYATOLLAH PATRIARCH""".split())


def load_countries() -> tuple[set[str], set[str]]:
    codes, adjectives = set(), set()
    text = (REPO / "src/kroniek/kb/data/countries.tsv").read_text(encoding="utf-8")
    header = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols))
        codes.add(row["code"])
        for adj in row["adj_en"].split("|"):
            if adj:
                adjectives.update(w.upper() for w in adj.split())
    return codes, adjectives


def split_code(code: str, countries: set[str]) -> tuple[str, str | None, str | None]:
    """(ISO-fixed code, country, sector) of a Phoenix code."""
    prefix = CODE_FIX.get(code[:3], code[:3])
    code = prefix + code[3:]
    if prefix in countries:
        return code, prefix, code[3:6] or None
    if prefix in SECTOR_PREFIX:
        return code, None, SECTOR_PREFIX[prefix]
    return code, None, code[3:6] or None  # a region (MEA, WEU, ...): no country


def words(name: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", name.upper()) if w]


def is_person(e: PhoenixEntry) -> bool:
    if "CountryInfo" in e.comment:
        return True
    w = words(e.names[0])
    if any(x.strip(".,()'") in ORG_WORDS or x in TITLE_WORDS for x in w):
        return False
    return 2 <= len(w) <= 4 and all(c.start or c.end for c in e.codes)


def is_country_entry(e: PhoenixEntry, countries: set[str]) -> bool:
    return len(e.codes) == 1 and len(e.codes[0].code) == 3 and not (e.codes[0].start or e.codes[0].end) \
        and CODE_FIX.get(e.codes[0].code, e.codes[0].code) in countries


def clean_id(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", name.upper()).strip("_.-") or "X"


def keep_alias(name: str, person: bool, adjectives: set[str]) -> bool:
    w = words(name)
    if not w or len(name) < 2:
        return False
    if any(x in TITLE_WORDS or x.rstrip(".") in TITLE_WORDS for x in w):
        return False
    if person and any(x in adjectives for x in w):
        return False
    # Lowercase-only or numeric forms are noise in the dictionaries.
    return any(c.isalpha() for c in name)


def build(phoenix: Path) -> list[list[str]]:
    countries, adjectives = load_countries()
    translit = load_transliterator()
    rows: list[list[str]] = []
    seen_ids: dict[str, int] = defaultdict(int)
    for fname in FILES:
        path = phoenix / "dictionaries" / fname
        with path.open(encoding="utf-8", errors="replace") as f:
            entries = list(read_phoenix(f))
        for e in entries:
            if is_country_entry(e, countries):
                continue
            person = is_person(e)
            kb_id = clean_id(e.names[0])
            seen_ids[kb_id] += 1
            display = title_case(e.names[0])
            if not person and " " not in display and len(display) <= 5:
                display = display.upper()  # an acronym: CNN, AFP, NATO
            codes = [split_code(c.code, countries) + (c.start, c.end) for c in e.codes]
            country = next((c[1] for c in codes if c[1]), None)
            if person and translit.scheme_for(country) == "ko":
                display = translit.dutch(display, "ko")  # Kim Jong Il → Kim Jong-il
            aliases = []
            for n in e.names:
                t = title_case(n)
                if t != display and keep_alias(n, person, adjectives) and t not in aliases:
                    aliases.append(t.replace("|", " "))
            typ = "PER" if person else "ORG"
            for k, (code, ctry, sector, start, end) in enumerate(codes):
                rows.append([kb_id, display, typ, ctry or "", sector or "", code, "", "",
                             "|".join(aliases) if k == 0 else "", start or "", end or ""])
    return rows


HEADER = ["id", "name", "type", "country", "sector", "code", "role", "office", "aliases", "start", "end"]
PREAMBLE = """# People and organisations from the Phoenix/PETRARCH actor dictionaries
# (openeventdata/petrarch2, MIT licence: see LICENSE.phoenix.txt in this folder),
# converted by scripts/build_kb.py into kroniek's actor-table format (docs/KB.md).
# One row per code; rows with the same id are one actor with several dated codes.
# Do not edit by hand: change the build script or add a row to people.tsv instead.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phoenix", type=Path, default=REPO.parent / "shared" / "data" / "phoenix_dictionaries")
    ap.add_argument("--out", type=Path, default=REPO / "src/kroniek/kb/data/phoenix_actors.tsv")
    args = ap.parse_args()
    rows = build(args.phoenix)
    with args.out.open("w", encoding="utf-8") as f:
        f.write(PREAMBLE)
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    ids = {r[0] for r in rows}
    print(f"{args.out}: {len(rows)} rows, {len(ids)} actors "
          f"({sum(1 for r in rows if r[2] == 'PER')} person rows)", file=sys.stderr)


if __name__ == "__main__":
    main()
