#!/usr/bin/env bash
# Measures how much of the library and the program the test suite runs: line
# and branch coverage of calc/ (gcc's gcov, summed by lcov), from a Debug
# build with --coverage in build-coverage/. Prints the two figures and
# writes an HTML report to build-coverage/html/ (with --html). Not part of
# scripts/test.sh: it rebuilds everything without optimisation.
#
# usage: scripts/coverage.sh [--html]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --tests
if ! command -v lcov >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends lcov
fi
out=build-coverage
rc=(--rc lcov_branch_coverage=1)

CC=gcc cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=Debug -DPAYCALC_WERROR=ON \
  -DCMAKE_C_FLAGS="--coverage -O0" -DCMAKE_EXE_LINKER_FLAGS="--coverage" >/dev/null
cmake --build "$out" -j2 >/dev/null
find "$out" -name '*.gcda' -delete
ctest --test-dir "$out" -j2 --output-on-failure >"$out/ctest.log" || {
  cat "$out/ctest.log"; echo "coverage.sh: the tests failed" >&2; exit 1; }

lcov "${rc[@]}" --quiet --capture --directory "$out" --output-file "$out/all.info" 2>"$out/lcov.log"
lcov "${rc[@]}" --quiet --extract "$out/all.info" "$PWD/calc/*" --output-file "$out/calc.info"
lcov "${rc[@]}" --summary "$out/calc.info" 2>&1 | grep -E "lines|branches|functions"
if [ "${1:-}" = "--html" ]; then
  genhtml "${rc[@]}" --quiet "$out/calc.info" --output-directory "$out/html"
  echo "HTML report: $out/html/index.html"
fi
