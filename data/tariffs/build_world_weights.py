"""Inputs of the proxy import weights for partners without HTS10 data, the per-country 2024 US
imports and the per-country reciprocal rates, for build_product_data.py (PROVENANCE.md, D12-D14).
"""
import csv
import gzip
import io
from collections import Counter, defaultdict

GROUPS = ["china", "canada", "mexico", "uk", "japan", "eu", "row", "ftrow"]


def write_gzip(path, text):
    with open(path, "wb") as out:
        with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
            gz.write(text.encode())


def hts10_gtap(world_dir, universe, out_path):
    """hts10_gtap.csv.gz: every HTS10 line of the universe with a GTAP goods sector, from the
    Yale crosswalk; lines it lacks (HTS revisions) take their HS6's sector (all of an HS6's
    crosswalk lines share one sector). Chapter 98 ('na') maps to none. Returns counts."""
    direct, by_hs6 = {}, defaultdict(Counter)
    with open(f"{world_dir}/concordance/yale_hs10_gtap_crosswalk.csv") as f:
        for r in csv.DictReader(f):
            gtap = r["gtap_code"].lower()
            if gtap == "na":
                continue
            direct[r["hs10"]] = gtap
            by_hs6[r["hs10"][:6]][gtap] += 1
    for hs6, votes in by_hs6.items():
        if len(votes) != 1:
            raise SystemExit(f"yale_hs10_gtap_crosswalk.csv: HS6 {hs6} spans sectors {dict(votes)}")
    buf = io.StringIO()
    buf.write("hts10,gtap,via\n")
    counts = Counter()
    for code in sorted(c for c in universe if len(c) == 10):
        if code in direct:
            gtap, via = direct[code], "hs10"
        elif code[:6] in by_hs6:
            gtap, via = next(iter(by_hs6[code[:6]])), "hs6"
        else:
            counts["none"] += 1
            continue
        counts[via] += 1
        buf.write(f"{code},{gtap},{via}\n")
    write_gzip(out_path, buf.getvalue())
    return counts


def gtap_groups(world_dir, out_path):
    """us_imports_2024_gtap_groups.csv: the source table as it is, GTAP codes lower-case."""
    with open(f"{world_dir}/trade/us_imports_2024_by_gtap_and_partner_group_usd.csv") as f, \
            open(out_path, "w", newline="") as out:
        rows = list(csv.DictReader(f))
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["gtap"] + GROUPS)
        for r in rows:
            w.writerow([r["gtap_code"].lower()] + [str(int(r[g])) for g in GROUPS])


def census_to_iso3(path):
    with open(path) as f:
        return {r["census_code"]: (r["iso3"], r["name"]) for r in csv.DictReader(f)}


def country_imports(world_dir, iso_path, out_path):
    """us_imports_2024_by_country.csv: iso3,census_code,name,eu27,group,imports_2024_usd.
    Gaza Strip and West Bank (two Census codes, one ISO code PSE) make one row (D13)."""
    iso = census_to_iso3(iso_path)
    group = {}
    with open(f"{world_dir}/rates/yale_country_partner_mapping.csv") as f:
        for r in csv.DictReader(f):
            group[r["cty_code"]] = r["partner"]
    rows = {}
    with open(f"{world_dir}/trade/us_imports_2024_by_country_yale_matched.csv") as f:
        for r in csv.DictReader(f):
            code = r["census_cty_code"]
            iso3, name = iso[code]
            value = int(float(r["imports_2024_usd"]))
            if iso3 in rows:
                prev = rows[iso3]
                rows[iso3] = (";".join(sorted(prev[0].split(";") + [code])), "Palestine (West Bank and Gaza Strip)", prev[2], prev[3], prev[4] + value)
            else:
                rows[iso3] = (code, name, r["eu27"], group.get(code, "row"), value)
    with open(out_path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["iso3", "census_code", "name", "eu27", "group", "imports_2024_usd"])
        for iso3 in sorted(rows):
            w.writerow([iso3, *rows[iso3]])
    return len(rows)


def reciprocal_rates(world_dir, iso_path, out_path):
    """us_reciprocal_rates_by_country.csv: the Phase-2 (2025-08-07) and country-order rows of
    Yale's ieepa_country_rates.csv that carry a rate, with ISO3 codes. Census codes are taken
    from the country's name where the source's code belongs to another country (D14)."""
    iso = census_to_iso3(iso_path)
    by_name = {name.split(" (")[0].lower(): code for code, (_, name) in iso.items()}
    by_name.update({"côte d'ivoire": "7480", "myanmar": "5460", "south korea": "5800",
                    "czech republic": "4351", "germany": "4280", "denmark": "4099", "moldova": "4641",
                    "laos": "5530", "syria": "5020", "democratic republic of the congo": "7660",
                    "falkland islands": "3720"})
    notes = {
        "9903.02.30": "terminated: replaced by the floor 9903.02.72/.73 (EO 14345)",
        "9903.02.56": "until 2025-11-13; from 2025-11-14 the floor 9903.02.79/.80",
        "9903.02.58": "until 2025-11-13; a 15% floor from 2025-11-14 (90 FR 59281)",
        "9903.02.36": "until 2025-11-13; a 15% floor from 2025-11-14 (90 FR 59281)",
        "9903.02.80": "from 2025-11-14 (USTR notice of 2025-12-04, retroactive)",
        "9903.02.73": "retroactive to 2025-08-07 (EO 14345)",
        "9903.02.20": "EU: 15% all-in floor",
        "9903.01.77": "Brazil order EO 14323, stacks with 9903.02.09",
        "9903.01.84": "India order EO 14329 from 2025-08-27, stacks with 9903.02.26",
    }
    fixed = []
    with open(f"{world_dir}/rates/yale_ieepa_country_rates_hts.csv") as f, \
            open(out_path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["iso3", "census_code", "country", "ch99_code", "rate", "rate_type", "phase",
                    "terminated", "note"])
        for r in csv.DictReader(f):
            if r["phase"] not in ("phase2_aug7", "country_eo") or r["rate_type"] == "passthrough":
                continue
            code = by_name.get(r["country_name"].lower(), r["census_code"])
            if code != r["census_code"]:
                fixed.append(f"{r['country_name']} {r['census_code']}->{code}")
            w.writerow([iso[code][0], code, r["country_name"], r["ch99_code"], r["rate"],
                        r["rate_type"], r["phase"], r["terminated"].lower(), notes.get(r["ch99_code"], "")])
    return fixed
