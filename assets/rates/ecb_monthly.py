"""Makes assets/rates/ecb_monthly.csv: monthly averages of the European Central Bank's euro
foreign exchange reference rates, January 2015 onwards, from the ECB's daily history file
(eurofxref-hist.csv, or the .zip it comes in).

Run once when the rates are refreshed:
    python3 assets/rates/ecb_monthly.py PATH/eurofxref-hist.zip > assets/rates/ecb_monthly.csv
"""

import csv
import io
import sys
import zipfile
from collections import defaultdict

CODES = ["USD", "JPY", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "AUD", "BRL",
         "CAD", "CNY", "HKD", "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP", "SGD",
         "THB", "ZAR", "TRY"]


def rows(path):
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.endswith(".csv"))
            text = z.read(name).decode()
    else:
        with open(path) as f:
            text = f.read()
    return csv.DictReader(io.StringIO(text))


def main(path):
    sums = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    for r in rows(path):
        month = r["Date"][:7]
        if month < "2015-01":
            continue
        for c in CODES:
            v = (r.get(c) or "").strip()
            if v and v != "N/A":
                s = sums[month][c]
                s[0] += float(v)
                s[1] += 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["month"] + CODES)
    for month in sorted(sums):
        row = [month]
        for c in CODES:
            total, n = sums[month][c]
            row.append(f"{total / n:.6g}" if n else "")
        out.writerow(row)


if __name__ == "__main__":
    main(sys.argv[1])
