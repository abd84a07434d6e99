#!/usr/bin/env python3
"""The regression guard of bench/run.sh (--check and --record).

Reads the output of the benchmarks bench/run.sh ran (on standard input) and
takes two kinds of figure from it:

  * every stage line of bench_pipeline's labelled output,
        NAME ms  WALL (CPU CPU; peak ...)
    becomes the metric "NAME_cpu_us_per_valuation": the stage's CPU time in
    microseconds per valuation (the "valuations N" line), lower is better.
    A stage added to bench_pipeline is measured with no change here;
  * every line of the form
        metric NAME VALUE higher|lower|info
    that a benchmark prints (a ratio to a reference implementation, say)
    becomes the metric NAME, better when higher or lower as it says; an
    "info" figure (a wall-clock time on a shared machine) is recorded and
    shown beside the baseline but never fails the check.

When the same metric appears several times (one per run), the median is
taken.

  check.py record BASELINE NOTE   write the figures to BASELINE (JSON), with
                                  NOTE (the machine's load, say) beside them
  check.py check BASELINE         compare the figures with BASELINE: exit 1
                                  when one is more than the baseline's
                                  tolerance (25%) worse, or is missing

Exit status: 0 within the tolerance, 1 worse (or missing), 2 usage error or
no figures read.
"""
import datetime
import json
import platform
import os
import re
import statistics
import sys

TOLERANCE = 0.25
STAGE = re.compile(r"^(\w+)\s+ms\s+[0-9.]+\s+\(CPU\s+([0-9.]+)")
VALUATIONS = re.compile(r"^valuations\s+([0-9]+)\s*$")
METRIC = re.compile(r"^metric\s+(\S+)\s+([-+0-9.eE]+)\s+(higher|lower|info)\b")


def read_metrics(lines):
    """{name: (median value, 'higher'|'lower')} from the benchmarks' output."""
    values, better = {}, {}
    valuations = None
    for line in lines:
        line = line.rstrip("\n")
        m = VALUATIONS.match(line)
        if m:
            valuations = int(m.group(1))
            continue
        m = STAGE.match(line)
        if m and valuations:
            name = m.group(1) + "_cpu_us_per_valuation"
            values.setdefault(name, []).append(float(m.group(2)) * 1000.0 / valuations)
            better[name] = "lower"
            continue
        m = METRIC.match(line)
        if m:
            values.setdefault(m.group(1), []).append(float(m.group(2)))
            better[m.group(1)] = m.group(3)
    return {k: (statistics.median(v), better[k]) for k, v in values.items()}


def load_average():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "unknown"


def record(path, note, metrics):
    baseline = {
        "recorded": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()}",
        "load_average": load_average(),
        "note": note,
        "tolerance": TOLERANCE,
        "metrics": {
            name: {"value": round(value, 4), "better": better}
            for name, (value, better) in sorted(metrics.items())
        },
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(baseline, f, indent=2)
        f.write("\n")
    print(f"bench/run.sh: recorded {len(metrics)} figures in {path}")
    return 0


def check(path, metrics):
    with open(path, encoding="utf-8") as f:
        baseline = json.load(f)
    tolerance = float(baseline.get("tolerance", TOLERANCE))
    failed = False
    print(f"{'figure':40} {'baseline':>10} {'now':>10} {'change':>8}")
    for name, entry in sorted(baseline["metrics"].items()):
        base, better = float(entry["value"]), entry["better"]
        if name not in metrics:
            print(f"{name:40} {base:10.4g} {'-':>10} {'':>8}  MISSING: not printed by this run")
            failed = True
            continue
        now = metrics[name][0]
        # How much worse, as a fraction of the baseline: positive is worse.
        if better == "info":
            worse = 0.0
        elif better == "lower":
            worse = (now - base) / base if base > 0 else 0.0
        else:
            worse = (base - now) / base if base > 0 else 0.0
        verdict = ""
        if worse > tolerance:
            verdict = f"  WORSE than the baseline by more than {tolerance:.0%}"
            failed = True
        change = (now - base) / base if base else 0.0
        print(f"{name:40} {base:10.4g} {now:10.4g} {change:+8.1%}{verdict}")
    for name in sorted(set(metrics) - set(baseline["metrics"])):
        print(f"{name:40} {'-':>10} {metrics[name][0]:10.4g} {'':>8}  new: not in the baseline")
    print(
        f"baseline of {baseline.get('recorded', '?')} (load average then "
        f"{baseline.get('load_average', '?')}); load average now {load_average()}"
    )
    if failed:
        print("bench/run.sh --check: FAILED", file=sys.stderr)
        return 1
    print("bench/run.sh --check: every figure within the tolerance")
    return 0


def main(argv):
    if len(argv) < 3 or argv[1] not in ("record", "check") or (argv[1] == "record" and len(argv) != 4):
        print(__doc__, file=sys.stderr)
        return 2
    metrics = read_metrics(sys.stdin)
    if not metrics:
        print("bench/run.sh: the benchmarks printed no figure to check", file=sys.stderr)
        return 2
    if argv[1] == "record":
        return record(argv[2], argv[3], metrics)
    return check(argv[2], metrics)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
