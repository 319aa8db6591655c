#!/usr/bin/env python3
"""Builds ricardo's product data (data/tariffs/) from the shared reference data.

Run once by a developer, from the project root:
    python3 data/tariffs/build_product_data.py ../shared/data/tariffs data/tariffs
The product reads only the files this writes (see PROVENANCE.md for every source and every
change made here, and why). Deterministic: the same inputs give byte-identical outputs.
"""
import csv
import gzip
import io
import os
import sys
from collections import defaultdict

sys.dont_write_bytecode = True  # no __pycache__ in data/tariffs/
import build_divisions  # noqa: E402
import build_mfn_rates  # noqa: E402
import build_world_lists  # noqa: E402
import build_world_weights  # noqa: E402

SRC, DST = sys.argv[1], sys.argv[2]
WORLD = os.path.join(SRC, "..", "world")  # ../shared/data/world: the all-partner regime


def path(*parts):
    return os.path.join(SRC, *parts)


def digits(code):
    return "".join(ch for ch in code if ch.isdigit())


# ---------------------------------------------------------------- HTS universe (validation)
hts_codes = set()
with open(path("us_hts", "hts_2025_revision_25.csv"), encoding="utf-8-sig") as f:
    for row in csv.reader(f):
        if not row:
            continue
        code = digits(row[0])
        if len(code) in (8, 10) and not code.startswith("99"):
            hts_codes.add(code)
schedule_codes = set(hts_codes)  # the schedule alone, before the import data's codes join

# ---------------------------------------------------------------- monthly US imports
months = []
for year, last in ((2025, 12), (2026, 2)):
    for m in range(1, last + 1):
        months.append(f"{year}-{m:02d}")
partner_of = {"1220": "CAN", "2010": "MEX"}
import_rows = []
for month in months:
    y, m = month.split("-")
    with open(path("usmca_shares", f"usmca_product_shares_{y}_{m}.csv")) as f:
        for r in csv.DictReader(f):
            total = float(r["total_value"])
            usmca = float(r["usmca_value"])
            if total <= 0:
                continue
            # A handful of lines claim slightly more under USMCA than their total (rounding in
            # the source); cap the claimed value at the total.
            usmca = min(max(usmca, 0.0), total)
            import_rows.append((r["hts10"], partner_of[r["cty_code"]], month, total, usmca))
            hts_codes.add(r["hts10"])
import_rows.sort()
buf = io.StringIO()
buf.write("hts10,partner,month,value_usd,usmca_value_usd\n")
for h, p, mo, t, u in import_rows:
    buf.write(f"{h},{p},{mo},{t:.0f},{u:.0f}\n")
with open(os.path.join(DST, "us_imports_can_mex_monthly.csv.gz"), "wb") as out:
    # mtime=0 keeps the file byte-identical across runs.
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode())

with open(os.path.join(DST, "hts_codes.txt"), "w") as f:
    f.write("# HTS8/HTS10 numbers of the 2025 US schedule (revision 25) and of the import data\n")
    for code in sorted(hts_codes):
        f.write(code + "\n")

# ---------------------------------------------------------------- concordance, descriptions
with open(path("concordance", "hs6_isic3.csv")) as f, \
        open(os.path.join(DST, "hs6_isic3.csv"), "w") as out:
    out.write("hs6,isic3\n")
    for r in csv.DictReader(f):
        out.write(f"{r['HS6_6d']},{r['ISIC3_4d']}\n")
with open(path("concordance", "hs6_desc.csv")) as f, \
        open(os.path.join(DST, "hs_descriptions.csv"), "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["code", "description"])
    for r in csv.DictReader(f):
        w.writerow([r["code"], r["desc"]])

# ---------------------------------------------------------------- metal content
def clamp(x):
    return min(max(x, 0.0), 1.0)


with open(path("us_measures", "metal_content_shares_bea_hs10.csv")) as f, \
        open(os.path.join(DST, "metal_content.csv"), "w") as out:
    out.write("hts10,steel,aluminum,copper\n")
    for r in csv.DictReader(f):
        h = r["hs10"]
        steel, alu, cu = (clamp(float(r[k])) for k in ("steel_share", "aluminum_share", "copper_share"))
        # Primary metal chapters are charged on their full value (Yale's primary_chapters rule).
        if h[:2] in ("72", "73"):
            steel = 1.0
        if h[:2] == "76":
            alu = 1.0
        total = steel + alu + cu
        if total > 1.0 and h[:2] not in ("72", "73", "76"):
            steel, alu, cu = steel / total, alu / total, cu / total
        out.write(f"{h},{steel:.4f},{alu:.4f},{cu:.4f}\n")

# ---------------------------------------------------------------- product lists
lists = []  # (list, prefix, effective_from, note)


def add(name, prefix, frm="", note=""):
    lists.append((name, digits(prefix), frm, note))


with open(path("us_measures", "s232_derivative_products.csv")) as f:
    for r in csv.DictReader(f):
        p = r["hts_prefix"]
        if r["derivative_type"] == "steel":
            if p == "27111200":
                continue  # propane: a gas, not a steel article (decision D2 in PROVENANCE.md)
            add("s232_steel_derivatives", p, r["effective_date"], r["ch99_code"])
        else:
            add("s232_aluminum_derivatives", p, r["effective_date"], r["ch99_code"])
with open(path("us_measures", "s232_copper_products.csv")) as f:
    for r in csv.DictReader(f):
        add("s232_copper", r["hts10"], "", r["ch99_code"])
with open(path("us_measures", "s232_auto_parts.txt")) as f:
    for line in f:
        p = line.strip()
        if not p:
            continue
        if p == "8471":
            continue  # all computers: over-reaches the annex (decision D1 in PROVENANCE.md)
        add("s232_auto_parts", p, "", "9903.94.05")
with open(path("us_measures", "s232_mhd_parts.txt")) as f:
    for line in f:
        if line.strip():
            add("s232_mhdv_parts", line.strip(), "", "9903.74.08")
# Vehicle and wood headings from Yale's policy_params.yaml (section_232_headings).
for p in ["870322", "870323", "870324", "870331", "870332", "870333", "870334", "870340",
          "870350", "870360", "870370", "870380", "870390", "87042101", "87043101",
          "87044100", "87045100"]:
    add("s232_autos", p, "", "9903.94.01")
for p in ["87012100", "87012200", "87012300", "87012400", "87012900", "87041010", "87041050",
          "87042211", "87042251", "87042301", "87043201", "87044200", "87044300", "87045200",
          "87046000", "87049001", "87054000", "8705900080", "87060003", "8706000520",
          "8706000575", "87060025", "87060050", "87091100", "87091900"]:
    add("s232_mhdv", p, "", "9903.74.01")
add("s232_buses", "8702", "", "9903.74.02")
for p in ["44031100", "44032101", "44032201", "44032301", "44032401", "44032501", "44032601",
          "44039901", "44061100", "44069100", "44071100", "44071200", "44071300", "44071400",
          "44071900"]:
    add("s232_softwood_lumber", p, "", "9903.76.01")
for p in ["9401614011", "9401614031", "9401616011", "9401616031"]:
    add("s232_upholstered_furniture", p, "", "9903.76.02")
for p in ["9403409060", "9403608093", "9403910080"]:
    add("s232_kitchen_cabinets", p, "", "9903.76.03")
with open(path("us_measures", "fentanyl_carveout_products.csv")) as f:
    for r in csv.DictReader(f):
        name = {"energy_ca": "ieepa_energy_ca", "potash_ca": "ieepa_potash_ca",
                "potash_mx": "ieepa_potash_mx"}[r["category"]]
        add(name, r["hts8"], "", r["ch99_code"])
add("ieepa_energy_ca", "27160000", "", "added: electricity (decision D3 in PROVENANCE.md)")
with open(path("us_measures", "s122_exempt_products.csv")) as f:
    for r in csv.DictReader(f):
        add("s122_exempt", r["hts8"], "", "Section 122 annex exclusion")
add("us_goods_returned", "9801", "", "US goods returned (decision D4 in PROVENANCE.md)")
add("informational_materials", "49", "", "printed matter (50 USC 1702(b)(3))")
add("informational_materials", "97", "", "artworks, collectors' pieces (50 USC 1702(b)(3))")

# April 2026 metals annexes: every HTS10 of the universe gets the annex of its longest matching
# prefix; chapters 72, 73, 76 and 74 (less 7401–7404) default to Annex I-A (Yale's
# annex_1a chapters). Written as HTS10 lists so that the four annexes are disjoint.
annex_prefix = {}
with open(path("us_measures", "s232_annex_products.csv")) as f:
    for r in csv.DictReader(f):
        p = r["hts_prefix"]
        if p == "8471" and r["annex"] == "1b":
            continue  # all computers: over-reaches (decision D5 in PROVENANCE.md)
        annex_prefix[p] = r["annex"]
for ch in ("72", "73", "74", "76"):
    annex_prefix.setdefault(ch, "1a")
for p in ("7401", "7402", "7403", "7404"):
    annex_prefix.setdefault(p, "none")
annex_members = defaultdict(list)
for code in sorted(c for c in hts_codes if len(c) == 10):
    best = None
    for n in range(len(code), 1, -1):
        if code[:n] in annex_prefix:
            best = annex_prefix[code[:n]]
            break
    if best and best != "none":
        annex_members[best].append(code)
for annex in ("1a", "1b", "2", "3"):
    for code in annex_members[annex]:
        add(f"s232_annex_{annex}", code, "2026-04-06", "April 2026 metals annex")

lists.extend(build_world_lists.all_lists(SRC, WORLD, schedule_codes))

lists.sort(key=lambda x: (x[0], x[1]))
seen = set()
with open(os.path.join(DST, "product_lists.csv"), "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["list", "prefix", "effective_from", "note"])
    for row in lists:
        key = row[:2]
        if key in seen:
            continue
        seen.add(key)
        w.writerow(row)

print(f"{len(import_rows)} import rows, {len(hts_codes)} HTS codes, {len(seen)} list entries")

# ---------------------------------------------------------------- MFN rates (D7)
forms = build_mfn_rates.build(path("us_hts", "hts_2025_revision_25.csv"), os.path.join(DST, "mfn_rates.csv.gz"))
print("MFN rates by form:", dict(sorted(forms.items())))

# ---------------------------------------------------------------- proxy weights, countries (D12-D14)
via = build_world_weights.hts10_gtap(WORLD, hts_codes, os.path.join(DST, "hts10_gtap.csv.gz"))
print("HTS10 -> GTAP:", dict(sorted(via.items())))
build_world_weights.gtap_groups(WORLD, os.path.join(DST, "us_imports_2024_gtap_groups.csv"))
iso_file = os.path.join(DST, "census_iso3.csv")
n = build_world_weights.country_imports(WORLD, iso_file, os.path.join(DST, "us_imports_2024_by_country.csv"))
fixed = build_world_weights.reciprocal_rates(WORLD, iso_file, os.path.join(DST, "us_reciprocal_rates_by_country.csv"))
print(f"{n} countries; reciprocal-rate census codes corrected: {fixed}")

# ---------------------------------------------------------------- ISIC divisions of goods (D15)
values_2025 = defaultdict(float)
for h, p, mo, t, u in import_rows:
    if mo.startswith("2025"):
        values_2025[h] += t
build_divisions.check(DST, hts_codes, values_2025)
