#!/usr/bin/env python3
"""Builds elasticity_triads_1993.csv: the triads from which Caliendo and Parro (2015, section 4
and Table 1) estimate their sectoral trade elasticities, from the authors' raw 1993 data.

    python3 data/cp2015/build_elasticity_triads.py RAW_DIR > data/cp2015/elasticity_triads_1993.csv

RAW_DIR holds the authors' `tau.mat` (applied tariffs, 1989-1996) and `xbilats_93.mat` (bilateral
imports 1993), 16 countries x 30 ISIC Rev.3 two-digit codes, as redistributed in the public
repository yangyuzhou001/RCEPupdate (folder cp/, commit f443d58). See PROVENANCE.md.

The construction follows the paper: tariffs missing in 1993 are taken from the nearest year
(1992, 1991, 1990, 1989, 1994, 1995, in that order); the two-digit codes are grouped into the
authors' 20 tradable sectors (imports summed, tariffs averaged over the codes that have one);
China's tariffs in chemicals are left out (the authors' rule); for every three countries
i < j < n the log ratio of trade flows around the triangle,
    ln[ X_ij X_jn X_ni / (X_ji X_nj X_in) ],
and the same ratio of gross tariffs (1 + t) are written; triads with a zero or missing flow or
tariff have empty cells. Plain Python 3 (no numpy): the .mat files (MATLAB 5, zlib-compressed
double matrices) are read by the small reader below.
"""
import math
import struct
import sys
import zlib

COUNTRIES = ["ARG", "AUS", "CAN", "CHE", "CHL", "CHN", "COL", "EU25",
             "IDN", "IND", "JPN", "KOR", "NOR", "NZL", "THA", "USA"]
SECTORS = ["agriculture", "mining", "food", "textile", "wood", "paper", "petroleum",
           "chemicals", "plastic", "minerals", "basic_metals", "metal_products", "machinery",
           "office", "electrical", "communication", "medical", "auto", "other_transport",
           "other_manufacturing"]
# Rows of the 30 two-digit codes (01 02 05 10 11 12 13 14 15 16 17 18 19 20 ... 36) that make
# each sector, 1-based and inclusive.
GROUPS = [(1, 3), (4, 8), (9, 10), (11, 13), (14, 14), (15, 16)] + \
         [(10 + s, 10 + s) for s in range(7, 21)]
FILL_YEARS = ["tau_92", "tau_91", "tau_90", "tau_89", "tau_94", "tau_95"]
N = len(COUNTRIES)
NAN = float("nan")


def mat_elements(buf):
    i = 0
    while i + 8 <= len(buf):
        kind, size = struct.unpack_from("<II", buf, i)
        if kind >> 16:  # small data element: size in the upper half of the tag
            yield kind & 0xFFFF, buf[i + 4:i + 4 + (kind >> 16)]
            i += 8
            continue
        yield kind, buf[i + 8:i + 8 + size]
        i += 8 + size
        if kind != 15:
            i += (-i) % 8


def read_mat(path):
    """Every double matrix of a MATLAB 5 file: name -> (rows, columns, column-major values)."""
    out = {}
    with open(path, "rb") as f:
        buf = f.read()[128:]
    for kind, body in mat_elements(buf):
        if kind == 15:
            kind, body = next(mat_elements(zlib.decompress(body)))
        if kind != 14:
            continue
        parts = list(mat_elements(body))
        dims = struct.unpack("<%di" % (len(parts[1][1]) // 4), parts[1][1])
        name = parts[2][1].decode()
        if parts[3][0] != 9:
            sys.exit(f"{path}: {name} is not a double matrix")
        values = struct.unpack("<%dd" % (len(parts[3][1]) // 8), parts[3][1])
        out[name] = (dims[0], dims[1], values)
    return out


def as_rows(matrix):
    rows, cols, values = matrix
    return [[values[c * rows + r] for c in range(cols)] for r in range(rows)]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    raw = sys.argv[1]
    tau = read_mat(f"{raw}/tau.mat")
    flows = as_rows(read_mat(f"{raw}/xbilats_93.mat")["xbilats_93"])
    tariffs = as_rows(tau["tau_93"])
    fill = [as_rows(tau[name]) for name in FILL_YEARS]
    for r, row in enumerate(tariffs):
        for c, value in enumerate(row):
            if math.isnan(value):
                row[c] = next((f[r][c] for f in fill if not math.isnan(f[r][c])), NAN)

    sector_tariffs, sector_flows = [], []
    for first, last in GROUPS:
        t = [[NAN] * N for _ in range(N)]
        x = [[0.0] * N for _ in range(N)]
        for r in range(N):
            for c in range(N):
                rates = [tariffs[(k - 1) * N + r][c] for k in range(first, last + 1)]
                rates = [v for v in rates if not math.isnan(v)]
                if first == last:
                    t[r][c] = tariffs[(first - 1) * N + r][c]
                    x[r][c] = flows[(first - 1) * N + r][c]
                else:
                    t[r][c] = sum(rates) / len(rates) if rates else NAN
                    x[r][c] = sum(v for k in range(first, last + 1)
                                  for v in [flows[(k - 1) * N + r][c]] if not math.isnan(v))
        sector_tariffs.append(t)
        sector_flows.append(x)
    chemicals, china = SECTORS.index("chemicals"), COUNTRIES.index("CHN")
    sector_tariffs[chemicals][china] = [NAN] * N

    def log_ratio(m, i, j, n):
        try:
            value = m[i][j] * m[j][n] * m[n][i] / (m[j][i] * m[n][j] * m[i][n])
        except ZeroDivisionError:
            return ""
        if math.isnan(value) or value <= 0.0 or math.isinf(value):
            return ""
        return repr(math.log(value))

    print("sector,i,j,n,ln_trade_ratio,ln_tariff_ratio")
    for s, code in enumerate(SECTORS):
        for i in range(N - 2):
            for j in range(i + 1, N - 1):
                for n in range(j + 1, N):
                    print(",".join([code, COUNTRIES[i], COUNTRIES[j], COUNTRIES[n],
                                    log_ratio(sector_flows[s], i, j, n),
                                    log_ratio(sector_tariffs[s], i, j, n)]))


if __name__ == "__main__":
    main()
