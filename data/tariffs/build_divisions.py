"""Checks, for build_product_data.py, that every goods line of the universe maps to an ISIC
Rev.3 goods division (01-37) once hs_division_overrides.csv is applied, by the loader's rules
(src/tariffs/product_data.cpp): HS6 row, else the HS4 then HS2 majority, chapter 98 to none;
then the longest override prefix. Prints the lines the overrides move (decision D15)."""
import csv
from collections import Counter, defaultdict


def load_divisions(dst):
    hs6, hs4, hs2 = {}, defaultdict(Counter), defaultdict(Counter)
    with open(f"{dst}/hs6_isic3.csv") as f:
        for r in csv.DictReader(f):
            isic = r["isic3"]
            if len(isic) != 4 or not isic.isdigit() or isic.startswith("99"):
                continue
            d = int(isic[:2])
            hs6[r["hs6"]] = d
            hs4[r["hs6"][:4]][d] += 1
            hs2[r["hs6"][:2]][d] += 1

    def majority(votes):
        best, count = -1, 0
        for d in sorted(votes):
            if votes[d] > count:
                best, count = d, votes[d]
        return best

    def division(code):
        if code[:2] == "98":
            return -1
        if code[:6] in hs6:
            return hs6[code[:6]]
        if code[:4] in hs4:
            return majority(hs4[code[:4]])
        if code[:2] in hs2:
            return majority(hs2[code[:2]])
        return -1
    return division


def check(dst, universe, values_2025):
    division = load_divisions(dst)
    with open(f"{dst}/hs_division_overrides.csv") as f:
        overrides = {r["hs"]: int(r["division"]) for r in csv.DictReader(f)}
    moved = defaultdict(lambda: [0, 0.0])
    for code in sorted(universe):
        before = division(code)
        after, deliberate = before, False
        for n in range(len(code), 1, -1):
            if code[:n] in overrides:
                after, deliberate = overrides[code[:n]], True
                break
        if before != after or not (after == -1 or 1 <= after <= 37):
            key = (code[:4], before, after)
            moved[key][0] += 1
            moved[key][1] += values_2025.get(code, 0.0)
        if after != -1 and not 1 <= after <= 37 and not deliberate:
            raise SystemExit(f"{code} maps to ISIC division {after}: add it to hs_division_overrides.csv")
    print("HS4  ISIC before -> after  lines  2025 CAN+MEX imports (US$ million)")
    for (hs4, before, after), (n, value) in sorted(moved.items()):
        print(f"{hs4}  {before:>2} -> {after:>2}  {n:>5}  {value / 1e6:10.1f}")
