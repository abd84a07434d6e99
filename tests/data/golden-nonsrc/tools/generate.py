#!/usr/bin/env python3
"""Writes the two long, regular files of the golden-nonsrc input set.

prices.csv: a daily close for every US trading day from 2021-06-01 to
2024-06-28 (weekends and the NYSE holidays left out), following a path
through fixed anchor closes (the anchors are the closes on those days,
exactly) with a small deterministic wiggle between them, and a quarterly cash
dividend on its ex-dividend date.

fx.csv: a daily EUR rate (euros per US dollar) for every ECB business day
from 2021-06-01 to 2024-09-06, with a gap over 27-29 December 2023 (a pay
date there takes the rate of 22 December, nine days before), and one
fiscal-year row that the payment_date method must not use.

Every other file of the set is written by hand. Standard library only; the
output is the same on every run.

    python3 tests/data/golden-nonsrc/tools/generate.py
"""

import datetime as dt
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.dirname(HERE)

NYSE_HOLIDAYS = {
    "2021-07-05", "2021-09-06", "2021-11-25", "2021-12-24",
    "2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20",
    "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26",
    "2023-01-02", "2023-01-16", "2023-02-20", "2023-04-07", "2023-05-29",
    "2023-06-19", "2023-07-04", "2023-09-04", "2023-11-23", "2023-12-25",
    "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27",
    "2024-06-19",
}

# Closes on these days are exactly these (grant dates of the at-the-money
# awards, fiscal year ends, the departure date).
PRICE_ANCHORS = [
    ("2021-06-01", 38.50),
    ("2021-06-30", 40.00),
    ("2021-09-01", 43.00),
    ("2022-06-30", 46.20),
    ("2022-09-15", 45.20),
    ("2023-02-28", 38.00),
    ("2023-06-30", 33.40),
    ("2024-01-02", 37.00),
    ("2024-06-28", 41.80),
]

# Ex-dividend dates and cash dividends per share. The first one is before the
# TSR base date (2021-06-30), so it is not reinvested.
DIVIDENDS = {
    "2021-06-14": "0.16",
    "2021-09-14": "0.16", "2021-12-14": "0.16", "2022-03-14": "0.17",
    "2022-06-14": "0.17", "2022-09-14": "0.17", "2022-12-14": "0.17",
    "2023-03-14": "0.18", "2023-06-14": "0.18", "2023-09-14": "0.18",
    "2023-12-14": "0.18", "2024-03-14": "0.19", "2024-06-14": "0.19",
}

ECB_CLOSED = {
    "2021-12-24", "2021-12-31", "2022-04-15", "2022-04-18", "2022-12-26",
    "2023-04-07", "2023-04-10", "2023-12-25", "2023-12-26",
    "2023-12-27", "2023-12-28", "2023-12-29",  # the gap described above
    "2024-01-01", "2024-03-29", "2024-04-01",
}

FX_ANCHORS = [
    ("2021-06-01", 0.8200),
    ("2021-12-31", 0.8800),
    ("2022-06-30", 0.9550),
    ("2022-09-30", 1.0200),
    ("2023-06-30", 0.9170),
    ("2023-12-29", 0.9050),
    ("2024-06-28", 0.9330),
    ("2024-09-06", 0.9020),
]


class Lcg:
    """A fixed linear congruential generator, so the files never change."""

    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 11) / float(1 << 53)


def days(first, last, closed):
    d = dt.date.fromisoformat(first)
    end = dt.date.fromisoformat(last)
    while d <= end:
        if d.weekday() < 5 and d.isoformat() not in closed:
            yield d
        d += dt.timedelta(days=1)


def path(anchors, d):
    """Log-linear interpolation between the anchors around d."""
    pts = [(dt.date.fromisoformat(a), v) for a, v in anchors]
    for (d0, v0), (d1, v1) in zip(pts, pts[1:]):
        if d0 <= d <= d1:
            w = (d - d0).days / (d1 - d0).days
            return math.exp(math.log(v0) * (1 - w) + math.log(v1) * w), d in (d0, d1)
    raise ValueError(d)


def write_prices():
    rng = Lcg(20240630)
    anchor_days = {a for a, _ in PRICE_ANCHORS}
    lines = ["date,close,dividend"]
    for d in days("2021-06-01", "2024-06-28", NYSE_HOLIDAYS):
        level, _ = path(PRICE_ANCHORS, d)
        wiggle = (rng.uniform() - 0.5) * 0.024
        iso = d.isoformat()
        close = level if iso in anchor_days else level * (1 + wiggle)
        lines.append("%s,%.2f,%s" % (iso, close, DIVIDENDS.get(iso, "")))
    missing = set(DIVIDENDS) - {l.split(",")[0] for l in lines}
    assert not missing, "dividend on a non-trading day: %s" % sorted(missing)
    with open(os.path.join(SET, "prices.csv"), "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def write_fx():
    rng = Lcg(978)
    lines = ["currency,period,per_usd"]
    for d in days("2021-06-01", "2024-09-06", ECB_CLOSED):
        level, exact = path(FX_ANCHORS, d)
        wiggle = 0 if exact else (rng.uniform() - 0.5) * 0.01
        lines.append("EUR,%s,%.4f" % (d.isoformat(), level * (1 + wiggle)))
    # A published fiscal-year average: payment_date must ignore it.
    lines.append("EUR,2023,0.9000")
    with open(os.path.join(SET, "fx.csv"), "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    write_prices()
    write_fx()
