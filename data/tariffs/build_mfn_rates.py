"""MFN (column 1 general) rates by HTS8 from the US schedule, for build_product_data.py.

Every rate of the schedule is recorded as written, with its form and the part of it that is a
percentage of the whole customs value (decision D7 in PROVENANCE.md):

  free        "Free" (and "Free, under bond ...")                    rate 0, exact
  ad_valorem  "6.5%"                                                 exact
  specific    "4.4¢/kg", "$1.646/kg", "0.9¢ each"                    ad valorem part 0
  compound    "46.3¢/kg + 14.9%"                                     ad valorem part 0.149
  other       text formulas and percentages on part of the value     ad valorem part of any
              ("6% on the case + 14% on the strap", chapter 98)       plain percentage, else 0

There are no unit values to convert specific duties, so for specific, compound and other forms
the recorded rate understates the duty by the specific part's ad valorem equivalent.
"""
import csv
import gzip
import io
import re
from decimal import Decimal

PLAIN_PERCENT = re.compile(r"^([0-9]+(?:\.[0-9]+)?)%(?: on the entire set)?$")
SPECIFIC = re.compile(r"[¢$]")


def fraction(percent_text):
    """'14.9' -> '0.149' exactly (no binary rounding on the way)."""
    value = Decimal(percent_text) / Decimal(100)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def classify(general):
    """(form, ad valorem part as a fraction string) of one General-column text."""
    text = general.strip()
    if text.lower().startswith("free"):
        return "free", "0"
    terms = [t.strip() for t in text.split("+")]
    plain = [m.group(1) for m in (PLAIN_PERCENT.match(t) for t in terms) if m]
    specific = [t for t in terms if SPECIFIC.search(t) and "%" not in t]
    total = sum((Decimal(p) for p in plain), Decimal(0))
    part = fraction(str(total))
    if len(terms) == 1 and plain:
        return "ad_valorem", part
    if plain and specific and len(plain) + len(specific) == len(terms):
        return "compound", part
    if specific and len(specific) == len(terms):
        return "specific", "0"
    return "other", part


def build(schedule_csv, out_path):
    """Writes mfn_rates.csv.gz (hts8,form,ad_valorem_rate,general); returns {form: count}."""
    rates = {}
    with open(schedule_csv, encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            if len(row) < 5:
                continue
            code = "".join(ch for ch in row[0] if ch.isdigit())
            general = row[4].strip()
            if not general or code.startswith("99") or len(code) not in (8, 10):
                continue
            # A rate on a 10-digit row belongs to an 8-digit line written with its only
            # statistical suffix (the schedule never rates both levels), so HTS8 is the key.
            hts8 = code[:8]
            if hts8 in rates and rates[hts8] != general:
                raise SystemExit(f"{schedule_csv}: two General rates for {hts8}")
            rates[hts8] = general
    counts = {}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["hts8", "form", "ad_valorem_rate", "general"])
    for hts8 in sorted(rates):
        form, part = classify(rates[hts8])
        counts[form] = counts.get(form, 0) + 1
        w.writerow([hts8, form, part, rates[hts8]])
    with open(out_path, "wb") as out:
        with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
            gz.write(buf.getvalue().encode())
    return counts
