#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/fuzz_*.c) with AddressSanitizer
# and UndefinedBehaviorSanitizer and runs each on a copy of its seed corpus
# (tests/fuzz/corpus/<harness>/ plus the inputs that once crashed it,
# tests/fuzz/regressions/<harness>/), with its dictionary
# (tests/fuzz/<harness>.dict), for a fixed time. Prints one line per
# harness; the fuzzer's own output goes to build-fuzz/<harness>.log. Exits
# non-zero when a harness finds a crash, a leak, a hang or a broken property:
# the input is then in build-fuzz/crashes/<harness>/.
#
# Slowness is a finding only where time is meant for it. A short pass (the
# test command's `--seconds 10`) runs on whatever machine runs the tests,
# often one busy with other builds, where an input that takes a second on its
# own can take ten under AddressSanitizer: it allows each input 600 s, enough
# for any load but not for a real hang, and reports an input slower than 10 s
# as a note, not a failure. Fuzzing of 300 s or more per harness keeps
# libFuzzer's strict 10 s per input, where a slow input is what is looked
# for. Every seed and every new input still fails the pass on a crash, a leak
# or a broken property. libFuzzer's -max_total_time counts from the start,
# seeds included, so a pass takes about N seconds per harness, or as long as
# its seeds take to run once when that is longer.
#
# usage: tests/fuzz/run.sh [--seconds N] [--timeout S] [--only HARNESS] [--keep-corpus]
#                          [--build-only]
#   --seconds N     time per harness (default 60)
#   --timeout S     seconds one input may take before it counts as a hang
#                   (default 10 when N is 300 or more, 600 otherwise)
#   --only NAME     one harness (csv, config, values, reported, cli or ixbrl)
#   --keep-corpus   go on from the corpus grown by earlier runs
#                   (build-fuzz/corpus/<harness>/) instead of a fresh copy
#   --build-only    build the harnesses, run nothing
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=60
timeout=""
only=""
keep=0
build_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --keep-corpus) keep=1; shift ;;
    --build-only) build_only=1; shift ;;
    *) echo "usage: tests/fuzz/run.sh [--seconds N] [--timeout S] [--only HARNESS] [--keep-corpus] [--build-only]" >&2; exit 2 ;;
  esac
done
case "$seconds$timeout" in
  *[!0-9]*) echo "run.sh: --seconds and --timeout take whole seconds" >&2; exit 2 ;;
esac
# An input slower than this is a note (libFuzzer's -report_slow_units).
slow=10
if [ -z "$timeout" ]; then
  if [ "$seconds" -ge 300 ]; then timeout=$slow; else timeout=600; fi
fi

harnesses=(csv config values reported cli ixbrl)
if [ -n "$only" ]; then
  harnesses=("$only")
  [ -f "tests/fuzz/fuzz_$only.c" ] || { echo "run.sh: no harness tests/fuzz/fuzz_$only.c" >&2; exit 2; }
fi

cc=${CC_FUZZ:-}
if [ -z "$cc" ]; then
  for c in clang clang-19 clang-18 clang-17 clang-16 clang-15 clang-14; do
    if command -v "$c" >/dev/null; then cc="$c"; break; fi
  done
fi
[ -n "$cc" ] || { echo "run.sh: clang is needed for libFuzzer" >&2; exit 1; }

out=build-fuzz
mkdir -p "$out/obj"
version=$(sed -n 's/^project(paycalc VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
flags=(-std=c11 -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=all
       -Iinclude -Icalc -Itests $(pkg-config --cflags libxml-2.0) -DPAYCALC_VERSION="\"$version\""
       -DFUZZ_BASE_DIR="\"$PWD/tests/fuzz/base\"")
san=-fsanitize=address,undefined

# The library and the command line, once, for every harness (calc/cli/main.c
# is the program's entry, which the fuzzer replaces); the workbook checker
# of the tests (expat and zlib) for the harnesses that write workbooks.
sources=()
for f in calc/*.c calc/core/*.c calc/model/*.c calc/read/*.c calc/engine/*.c calc/verify/*.c calc/write/*.c \
         calc/write/*/*.c calc/cli/*.c; do
  [ "$f" = calc/cli/main.c ] && continue
  sources+=("$f")
done
sources+=(tests/fuzz/fuzz_bodies.c tests/xlsx_xml.c)
# An object is rebuilt when its source or any header is newer.
newest_header=$(ls -t include/paycalc/*.h calc/*/*.h calc/write/*/*.h tests/fuzz/*.h tests/*.h | head -1)
compile() {
  local o="$out/obj/$(basename "$(dirname "$1")")_$(basename "$1" .c).o"
  if [ -f "$o" ] && [ "$o" -nt "$1" ] && [ "$o" -nt "$newest_header" ] && [ "$o" -nt "$0" ]; then
    return 0
  fi
  "$cc" "${flags[@]}" "$san",fuzzer-no-link -c "$1" -o "$o" 2>>"$out/build.log"
}
: >"$out/build.log"
pids=()
build_failed=0
for f in "${sources[@]}"; do
  if [ ${#pids[@]} -ge 2 ]; then
    wait "${pids[0]}" || build_failed=1
    pids=("${pids[@]:1}")
  fi
  compile "$f" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || build_failed=1; done
if [ "$build_failed" != 0 ]; then
  echo "run.sh: the harnesses do not compile (see $out/build.log)" >&2
  exit 1
fi
objects=()
for f in "${sources[@]}"; do objects+=("$out/obj/$(basename "$(dirname "$f")")_$(basename "$f" .c).o"); done

for h in "${harnesses[@]}"; do
  # Linked again only when its source or an object is newer.
  if [ -f "$out/fuzz_$h" ] && [ -z "$(find "tests/fuzz/fuzz_$h.c" "${objects[@]}" "$0" -newer "$out/fuzz_$h")" ]; then
    continue
  fi
  if ! "$cc" "${flags[@]}" "$san",fuzzer "tests/fuzz/fuzz_$h.c" "${objects[@]}" \
      -lcsv -ljansson -lxlsxwriter -lxml2 -lexpat -lz -lm -o "$out/fuzz_$h" 2>>"$out/build.log"; then
    echo "run.sh: cannot build fuzz_$h (see $out/build.log)" >&2
    exit 1
  fi
done
[ "$build_only" = 1 ] && { echo "fuzzing harnesses built in $out/"; exit 0; }

failed=0
for h in "${harnesses[@]}"; do
  corpus="$out/corpus/$h"
  crashes="$out/crashes/$h"
  if [ "$keep" = 0 ]; then rm -rf "$corpus"; fi
  mkdir -p "$corpus" "$crashes"
  cp -n tests/fuzz/corpus/"$h"/* "$corpus"/ 2>/dev/null || true
  cp -n tests/fuzz/regressions/"$h"/* "$corpus"/ 2>/dev/null || true
  log="$out/fuzz_$h.log"
  dict=()
  [ -f "tests/fuzz/$h.dict" ] && dict=(-dict="tests/fuzz/$h.dict")
  # The command line prints its messages; keep them out of the log.
  close_fd=1
  [ "$h" = cli ] && close_fd=3
  status=0
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/paycalc-fuzz-run.XXXXXX")
  PAYCALC_FUZZ_TMPDIR="$scratch" \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$out/fuzz_$h" -max_total_time="$seconds" -timeout="$timeout" -report_slow_units="$slow" \
      -rss_limit_mb=2048 -max_len=65536 -close_fd_mask="$close_fd" -print_final_stats=1 \
      "${dict[@]}" -artifact_prefix="$crashes/" "$corpus" >"$log" 2>&1 || status=$?
  rm -rf "$scratch"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  # "Slowest unit: N s:", each time a slower one is met: the last is the slowest.
  slowest=$(sed -n 's/^Slowest unit: \([0-9]*\) s.*/\1/p' "$log" | tail -1)
  took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  if [ "$status" = 0 ]; then
    echo "fuzz_$h: ${seconds} s, ${runs:-?} runs, coverage ${cov:-?}, no crash"
    if [ -n "$took" ] && [ "$took" -gt $((seconds + 5)) ]; then
      echo "  note: its seeds alone took ${took} s to run once (a busy machine runs them slowly)"
    fi
    if [ -n "$slowest" ]; then
      echo "  note: an input took ${slowest} s (over ${slow} s, within the ${timeout} s allowed;" \
        "slow-unit-* in $crashes/): a loaded machine, or something to look at when it is idle"
    fi
  else
    failed=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    reason=$(grep -m1 -E 'ERROR: |runtime error|property failed|SUMMARY: ' "$log" || true)
    echo "fuzz_$h: FAILED after ${runs:-?} runs: ${reason:-see $log}"
    echo "  input: ${artifact:-(none written)}; full report: $log"
  fi
done
exit "$failed"
