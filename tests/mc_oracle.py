#!/usr/bin/python3
"""An independent Monte Carlo valuation of a market-condition award, with numpy.

Used by tests/test_montecarlo.c (and bench/bench_montecarlo.c) to check the C
engine against a second implementation written from SPEC section 10 alone:
numpy's generator instead of Philox, whole-matrix arithmetic instead of one
path at a time, numpy's Cholesky and interpolation.

Reads one JSON object on standard input:
  rate, spots[], vols[], yields[], corr[[..]] (company first, then peers),
  metric ("relative_tsr" | "index_tsr" | "absolute_tsr" | "price_hurdle"),
  curve [[x, payout], ..], negative_tsr_cap (or null), index (index_tsr),
  start {days, future_days, end_years}, end {...}, start_known[], end_known[],
  price hurdle: term_years, hurdle_days, recent[], best_to_date;
  paths, seed, chunk (paths per batch).
Prints "value standard_error seconds cpu_seconds" on one line (wall-clock and
process CPU time of the simulation alone).
"""
import json
import sys
import time

import numpy as np


def window_times(w):
    f = w["future_days"]
    spacing = 1.0 / 252
    if f > 0 and w["end_years"] - (f - 1) * spacing <= 1e-9:
        spacing = w["end_years"] / f
    return [w["end_years"] - (f - 1 - k) * spacing for k in range(f)]


def payout_of(spec, metric, company_tsr):
    curve = np.array(spec["curve"], dtype=float)
    xs, ps = curve[:, 0], curve[:, 1]
    if spec["metric"] == "price_hurdle":
        idx = np.searchsorted(xs, metric, side="right") - 1
        pay = np.where(idx >= 0, ps[np.clip(idx, 0, None)], 0.0)
    else:
        pay = np.interp(metric, xs, ps, left=0.0, right=ps[-1])
    cap = spec.get("negative_tsr_cap")
    if cap is not None:
        pay = np.where(company_tsr < 0, np.minimum(pay, cap), pay)
    return pay


def tsr_chunk(spec, rng, n):
    r = spec["rate"]
    vols = np.array(spec["vols"])
    chol = np.linalg.cholesky(np.array(spec["corr"], dtype=float))
    ts, te = window_times(spec["start"]), window_times(spec["end"])
    times = sorted(set(ts) | set(te))
    tau = spec["end"]["end_years"] if te else 0.0
    k = len(vols)
    log_tr = np.zeros((n, k))
    start = np.tile(np.array(spec["start_known"], dtype=float), (n, 1))
    end = np.tile(np.array(spec["end_known"], dtype=float), (n, 1))
    prev = 0.0
    for t in times:
        dt = t - prev
        prev = t
        shocks = rng.standard_normal((n, k)) @ chol.T
        log_tr += (r - 0.5 * vols**2) * dt + vols * np.sqrt(dt) * shocks
        x = np.exp(log_tr)
        if t in ts:
            start += x
        if t in te:
            end += x
    tsr = (end / spec["end"]["days"]) / (start / spec["start"]["days"]) - 1
    if spec["metric"] == "relative_tsr":
        others = tsr[:, 1:]
        below = (others < tsr[:, :1]).sum(axis=1) + 0.5 * (others == tsr[:, :1]).sum(axis=1)
        metric = 100.0 * below / others.shape[1]
    elif spec["metric"] == "index_tsr":
        metric = 100.0 * (tsr[:, 0] - tsr[:, spec["index"]])
    else:
        metric = 100.0 * tsr[:, 0]
    pay = payout_of(spec, metric, tsr[:, 0])
    price = spec["spots"][0] * np.exp(log_tr[:, 0] - spec["yields"][0] * tau)
    return np.exp(-r * tau) * pay * price


def hurdle_chunk(spec, rng, n):
    r, vol, q = spec["rate"], spec["vols"][0], spec["yields"][0]
    term, days = spec["term_years"], spec["hurdle_days"]
    steps = max(1, int(np.ceil(term * 252 - 1e-9)))
    dt = term / steps
    z = rng.standard_normal((n, steps))
    log_tr = np.cumsum((r - 0.5 * vol * vol) * dt + vol * np.sqrt(dt) * z, axis=1)
    t = dt * np.arange(1, steps + 1)
    prices = spec["spots"][0] * np.exp(log_tr - q * t)
    recent = np.array(spec["recent"][-(days - 1):] if days > 1 else [], dtype=float)
    closes = np.hstack([np.tile(recent, (n, 1)), prices])
    sums = np.cumsum(closes, axis=1)
    sums = np.hstack([np.zeros((n, 1)), sums])
    averages = (sums[:, days:] - sums[:, :-days]) / days
    best = np.maximum(averages.max(axis=1), spec["best_to_date"])
    pay = payout_of(spec, best, np.zeros(n))
    return np.exp(-r * term) * pay * prices[:, -1]


def main():
    spec = json.load(sys.stdin)
    rng = np.random.default_rng(spec.get("seed", 12345))
    chunk_fn = hurdle_chunk if spec["metric"] == "price_hurdle" else tsr_chunk
    began, cpu = time.perf_counter(), time.process_time()
    total, square, done = 0.0, 0.0, 0
    while done < spec["paths"]:
        n = min(spec.get("chunk", 50000), spec["paths"] - done)
        v = chunk_fn(spec, rng, n)
        total += v.sum()
        square += (v * v).sum()
        done += n
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    mean = total / done
    var = (square - total * mean) / (done - 1)
    print("%.10g %.10g %.6f %.6f" % (mean, np.sqrt(max(var, 0.0) / done), seconds, cpu))


if __name__ == "__main__":
    main()
