"""Product lists of the 2025 US regime on every partner, for build_product_data.py.

Each function returns (list, prefix, effective_from, note) tuples; PROVENANCE.md gives the
source of each list and the decisions (D6, D8-D12) made here.
"""
import csv
from collections import defaultdict

# Section 301 on China (Yale s301_product_lists.csv `list` column -> shipped list). List 3's
# 9903.88.04 lines (3_addl) are List 3 at the same 25% (decision D8).
S301_LISTS = {"1": "s301_list1", "2": "s301_list2", "3": "s301_list3", "3_addl": "s301_list3",
              "4A": "s301_list4a", "4B": "s301_list4b"}
# Four-year-review increases: one list per rate, each entry dated by its Chapter 99 heading's
# "entries on or after" text (yale_ch99_parsed_hts2025rev32.csv).
S301_REVIEW = {
    "9903.91.01": ("s301_review_25", "2024-09-27"),
    "9903.91.02": ("s301_review_50", "2024-09-27"),
    "9903.91.03": ("s301_review_100", "2024-09-27"),
    "9903.91.05": ("s301_review_50", "2025-01-01"),
    "9903.91.11": ("s301_review_25", "2025-01-01"),
    "9903.91.06": ("s301_review_25", "2026-01-01"),
    "9903.91.07": ("s301_review_50", "2026-01-01"),
    "9903.91.08": ("s301_review_100", "2026-01-01"),
    "9903.92.10": ("s301_review_25", ""),  # ship-to-shore cranes; the heading states no start
}
# 15%-floor exemptions by partner group and their dates (world/README.md, us_measures rows
# EU1, KR1, CH1): EU retroactive to 2025-09-01, Korea and Switzerland from 2025-11-14.
FLOOR_FROM = {"eu": "2025-09-01", "korea": "2025-11-14", "swiss": "2025-11-14"}
JAPAN_AIRCRAFT_FROM = "2025-09-16"  # EO 14345 sec. 3: the Federal Register notice (D10)
BRAZIL_EO_ROWS = {"2025-08-06", "2025-11-13"}
INDIA_EO_FROM = "2025-08-27"  # 9903.01.84 in force; its 9903.01.86 exempts note 2(v)(iii)


def digits(code):
    return "".join(ch for ch in code if ch.isdigit())


def comment_free(f):
    return (line for line in f if not line.startswith("#"))


def collapse_to_hts8(codes10, schedule):
    """HTS10 codes -> HTS8 prefixes where the codes are all the HTS10 lines of an HTS8 in the
    schedule (or the HTS8 line has none there): the source lists HTS8 subheadings expanded to the
    statistical suffixes of one revision, and the exemption belongs to the subheading, so the
    suffixes the import data hold from other revisions are exempt too (decision D6)."""
    children = defaultdict(set)
    for code in schedule:
        if len(code) == 10:
            children[code[:8]].add(code)
    chosen = set(codes10)
    out = []
    for hts8 in sorted({c[:8] for c in chosen}):
        mine = {c for c in chosen if c[:8] == hts8}
        if children[hts8] <= mine and (children[hts8] or hts8 in schedule):
            out.append(hts8)
        else:
            out.extend(sorted(mine))
    return out


def annex_ii(tariffs_dir, world_dir, schedule):
    """`ieepa_annex_ii` and `ieepa_india_exempt`.

    Yale's ieepa_exempt_products.csv is Annex II of EO 14257 as amended through the agricultural
    order of 2025-11-14, expanded to HTS10, with chapters 49, 97 and 98 added; it carries no
    dates. The products that order added (effective for entries from 2025-11-13) are dated
    from that day: they are the Annex II lines that Brazil's order of 2025-11-20 exempts from
    the same date (decision D6). India's 9903.01.86 exempts the same subheadings (US note
    2(v)(iii)) from the 25% of 9903.01.84, in force from 2025-08-27.
    """
    with open(f"{tariffs_dir}/us_measures/ieepa_exempt_products.csv") as f:
        codes = [r["hts10"] for r in csv.DictReader(f)]
    with open(f"{world_dir}/rates/yale_country_eo_exempt_products.csv") as f:
        agri = {digits(r["hts10"]) for r in csv.DictReader(comment_free(f))
                if r["effective_date_start"] == "2025-11-13"}
    out = []
    for prefix in collapse_to_hts8(codes, schedule):
        late = prefix[:8] in agri
        frm = "2025-11-13" if late else ""
        out.append(("ieepa_annex_ii", prefix, frm, "9903.01.32" + (" (D6)" if late else "")))
        out.append(("ieepa_india_exempt", prefix, max(frm, INDIA_EO_FROM), "9903.01.86"))
    return out


def section_301(world_dir):
    out = []
    with open(f"{world_dir}/rates/yale_s301_product_lists.csv") as f:
        for r in csv.DictReader(f):
            group, ch99 = r["list"], r["ch99_code"]
            if group in S301_LISTS:
                note = ch99 + (" (suspended: never in force)" if group == "4B" else "")
                out.append((S301_LISTS[group], r["hts8"], "", note))
            elif ch99 in S301_REVIEW:
                name, frm = S301_REVIEW[ch99]
                out.append((name, r["hts8"], frm, f"{ch99} ({group})"))
            else:
                raise SystemExit(f"yale_s301_product_lists.csv: unknown group {group} {ch99}")
    return out


def floor_exemptions(world_dir):
    """`floor_exempt_<group>` and `civil_aircraft` (decisions D9, D10)."""
    rows = defaultdict(set)  # (category, group) -> hts8
    ch99 = {}
    with open(f"{world_dir}/rates/yale_floor_exempt_products.csv") as f:
        for r in csv.DictReader(f):
            rows[(r["category"], r["country_group"])].add(r["hts8"])
            ch99[(r["category"], r["country_group"])] = r["ch99_code"]
    # The civil-aircraft product set of the WTO Agreement on Trade in Civil Aircraft, as the
    # EU, Korea and Swiss headings enumerate it (the three agree but for one line).
    aircraft = rows[("civil_aircraft", "eu")] & rows[("civil_aircraft", "korea")] & rows[("civil_aircraft", "swiss")]
    out = []
    for (category, group), codes in sorted(rows.items()):
        if group == "japan":
            continue  # Yale's 8 Japan rows are steel shapes and rails, not aircraft (D10)
        for code in sorted(codes):
            out.append((f"floor_exempt_{group}", code, FLOOR_FROM[group], f"{ch99[(category, group)]} {category}"))
    for code in sorted(aircraft):
        out.append(("floor_exempt_japan", code, JAPAN_AIRCRAFT_FROM, "9903.96.02 civil_aircraft (D10)"))
        out.append(("civil_aircraft", code, "", "9903.02.76/.81/.85 set (D10)"))
    return out


def brazil_exempt(world_dir):
    out = []
    with open(f"{world_dir}/rates/yale_country_eo_exempt_products.csv") as f:
        for r in csv.DictReader(comment_free(f)):
            if r["ch99_code"] != "9903.01.77":
                raise SystemExit(f"yale_country_eo_exempt_products.csv: unexpected {r['ch99_code']}")
            if r["effective_date_end"]:
                # No row has an end date; the list format has none (decision D11).
                raise SystemExit("yale_country_eo_exempt_products.csv: an end date appeared; add effective_to")
            if r["effective_date_start"] not in BRAZIL_EO_ROWS:
                raise SystemExit(f"yale_country_eo_exempt_products.csv: new date {r['effective_date_start']}")
            code = digits(r["hts10"])
            if code.startswith("99"):
                continue  # Chapter 99 cross-references, not products (D11)
            out.append(("ieepa_brazil_exempt", code, r["effective_date_start"], "9903.01.77 exemption"))
    return out


def solar_201(world_dir):
    """Three HTS10 lines; the first data row holds an unquoted comma in its description, so
    only the first two fields are read."""
    out = []
    with open(f"{world_dir}/rates/yale_s201_solar_products.csv") as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split(",")
            if len(fields) >= 2 and fields[0].isdigit():
                out.append(("s201_solar", fields[0], "", fields[1] + " CSPV cells and modules"))
    return out


def all_lists(tariffs_dir, world_dir, schedule):
    """Every list above, one row per (list, prefix): where a prefix is listed twice (a List 3
    line also under 9903.88.04, a review line under two headings), the earliest date wins
    ("" = always), as the loader would take it."""
    rows = (annex_ii(tariffs_dir, world_dir, schedule) + section_301(world_dir) +
            floor_exemptions(world_dir) + brazil_exempt(world_dir) + solar_201(world_dir))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    out = []
    for row in rows:
        if not out or out[-1][:2] != row[:2]:
            out.append(row)
    return out
