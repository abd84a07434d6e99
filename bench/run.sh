#!/usr/bin/env bash
# The pipeline benchmark: builds paycalc in Release mode (build-bench/),
# generates synthetic input sets of about 1,000 to 1,000,000 tranche
# valuations (tests/gen_inputs.py: 5 executives, 4 tranches an award, 5
# covered years, more awards for each size), runs bench_pipeline on each and
# prints a Markdown table: CPU milliseconds (user and system) per stage,
# valuations per CPU second of the compute stage, and peak memory. "raw XLSX
# ms" is libxlsxwriter alone writing as many cells of each kind as
# report.xlsx holds over all its sheets (bench/raw_xlsx.h), the reference
# for the XLSX stage. A second
# table sets the Monte Carlo valuation beside numpy's (bench_montecarlo).
#
#   bench/run.sh                   # every size: 1k 10k 100k 1M
#   bench/run.sh 1k 10k            # only these sizes
#   BENCH_REPEAT=5 bench/run.sh    # runs per size (the median is shown; default 3, 1 for 1M)
#   bench/run.sh --check           # the regression guard: CPU time per valuation of
#                                  # each stage on the 100k set, and the CPU seconds of
#                                  # 21 price scenarios on it (median of the runs), and
#                                  # the Monte Carlo valuation's CPU seconds and its
#                                  # ratio to numpy's, against bench/baseline.json;
#                                  # exit 1 past 25% worse
#   bench/run.sh --record NOTE     # measure the same and write bench/baseline.json,
#                                  # NOTE (how loaded the machine is, say) beside it
#
# --check and --record read every stage line bench_pipeline prints, and every
# "metric NAME VALUE higher|lower" line of a benchmark this script runs
# (bench/check.py): a stage or a figure added later is guarded once it is in
# the baseline. It is a benchmark, not a test: scripts/test.sh does not run it.
#
# Each size's input set is generated once into build-bench/inputs/ and kept;
# the reports are written to a scratch folder and removed. Timings vary from
# run to run on a shared machine: the median of the runs is shown.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
inputs="$build/inputs"

python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3 || true)
if [ -z "$python" ]; then
    echo "bench/run.sh: the input generator needs python3" >&2
    exit 2
fi

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DPAYCALC_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target bench_pipeline bench_scenarios bench_montecarlo >/dev/null

# Awards per executive for each size (about 4.2 valuations per tranche).
awards_for() {
    case "$1" in
    1k) echo 12 ;;
    10k) echo 120 ;;
    100k) echo 1200 ;;
    1M) echo 12000 ;;
    *)
        echo "bench/run.sh: unknown size '$1' (use 1k, 10k, 100k or 1M)" >&2
        exit 2
        ;;
    esac
}

guard=""
note=""
case "${1:-}" in
--check)
    guard=check
    shift
    ;;
--record)
    guard=record
    note=${2:-}
    if [ -z "$note" ]; then
        echo "bench/run.sh: --record needs a note on the machine's load, e.g. --record 'idle'" >&2
        exit 2
    fi
    shift 2
    ;;
esac

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1k 10k 100k 1M)
[ -z "$guard" ] || sizes=(100k)

# The median of each column over the runs of one size.
median_row() {
    awk -F'|' '
        { for (i = 2; i < NF; i++) v[i, NR] = $i + 0; n = NR; cols = NF - 1 }
        END {
            row = "|"
            for (i = 2; i <= cols; i++) {
                for (k = 1; k <= n; k++) a[k] = v[i, k]
                for (x = 2; x <= n; x++)
                    for (y = x; y > 1 && a[y - 1] > a[y]; y--) { t = a[y]; a[y] = a[y - 1]; a[y - 1] = t }
                m = n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
                row = row sprintf(m == int(m) ? " %.0f |" : m < 10 ? " %.2f |" : " %.1f |", m)
            }
            print row
        }'
}

mkdir -p "$inputs"
rows=()
for size in "${sizes[@]}"; do
    awards=$(awards_for "$size")
    set_dir="$inputs/n5-a$awards-t4-y5-s1"
    if [ ! -f "$set_dir/performance.csv" ]; then
        "$python" "$root/tests/gen_inputs.py" "$set_dir" --neos 5 --awards-per-person "$awards" \
            --tranches 4 --years 5 --seed 1 >&2
    fi
    repeat=${BENCH_REPEAT:-3}
    [ "$size" != 1M ] || repeat=${BENCH_REPEAT:-1}
    if [ -n "$guard" ]; then
        # The labelled output, every run of it: bench/check.py takes the
        # median of each figure.
        out=""
        for ((i = 0; i < repeat; i++)); do
            echo "bench/run.sh: $size, run $((i + 1)) of $repeat" >&2
            out+=$("$build/bench_pipeline" "$set_dir")$'\n'
        done
        # The price scenarios on the same set: 21 scenarios on 2 threads
        # (CPU seconds guarded, wall-clock seconds recorded).
        for ((i = 0; i < repeat; i++)); do
            echo "bench/run.sh: price scenarios, $size, run $((i + 1)) of $repeat" >&2
            out+=$("$build/bench_scenarios" "$set_dir" 21 2)$'\n'
        done
        # The Monte Carlo valuation beside numpy, once (it repeats its own
        # valuations): its CPU time and the ratio to numpy's are guarded.
        echo "bench/run.sh: Monte Carlo beside numpy" >&2
        out+=$("$build/bench_montecarlo")$'\n'
        if [ "$guard" = record ]; then
            printf '%s' "$out" | "$python" "$root/bench/check.py" record "$root/bench/baseline.json" "$note"
        else
            printf '%s' "$out" | "$python" "$root/bench/check.py" check "$root/bench/baseline.json"
        fi
        exit
    fi
    runs=""
    for ((i = 0; i < repeat; i++)); do
        echo "bench/run.sh: $size, run $((i + 1)) of $repeat" >&2
        runs+=$("$build/bench_pipeline" "$set_dir" --markdown)$'\n'
    done
    rows+=("$(printf '%s' "$runs" | median_row)")
done

cores=$(nproc)
echo
echo "paycalc $(sed -n 's/^project(paycalc VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt"), Release build, $cores cores, $(uname -m); CPU ms (user and system), median of ${BENCH_REPEAT:-3} runs (1 for 1M); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| valuations | tranches | read ms | compute ms | JSON ms | XLSX ms | raw XLSX ms | XLSX / raw | valuations/s | peak MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
# The Monte Carlo valuation of SPEC section 10's benchmark (100,000 paths,
# 20 peers) beside the vectorised numpy implementation of tests/mc_oracle.py,
# in the same run (bench_montecarlo; it needs /usr/bin/python3 with numpy).
if mc=$("$build/bench_montecarlo" 2>/dev/null); then
    echo
    echo "| Monte Carlo, 100,000 paths, 20 peers | paycalc | numpy | numpy / paycalc |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "$mc" | awk '
        /^paycalc:/ { pv = $2; pse = $7 }
        /^ *median/ { pw = $2; pc = $8 }
        /^numpy:/ { nv = $2; nse = $7; sub(",", "", nse); nw = $8; nc = $11 }
        /^instructions:/ { set = $2; sub(";", "", set); sc = $6 }
        END {
            sub(",", "", pse)
            printf "| value per share | %s | %s | |\n", pv, nv
            printf "| standard error | %s | %s | |\n", pse, nse
            printf "| CPU s | %s | %s | %.1f |\n", pc, nc, nc / pc
            printf "| wall-clock s | %s | %s | %.1f |\n", pw, nw, nw / pw
            printf "| instructions | %s | | |\n", set
            printf "| CPU s on SSE2 alone (the same bits) | %s | %s | %.1f |\n", sc, nc, nc / sc
        }'
fi
# Price scenarios on the 100k set (README, Price scenarios): 21 scenarios on
# 2 threads, the target being under 2 seconds; then the whole command
# (reading, the scenarios with the break-even searches, writing).
if [ -f "$inputs/n5-a1200-t4-y5-s1/performance.csv" ]; then
    scen=$("$build/bench_scenarios" "$inputs/n5-a1200-t4-y5-s1" 21 2)
    echo
    echo "price scenarios, 100k set, load average $(cut -d' ' -f1-3 /proc/loadavg):"
    printf '%s\n' "$scen" | grep -E '^(21 scenarios|write|command) '
fi
