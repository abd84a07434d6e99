#!/usr/bin/env bash
# Builds paycalc and runs every test: the Criterion suite built with gcc, again
# built with clang (both with warnings as errors: each compiler warns about
# things the other does not), and again under AddressSanitizer and
# UndefinedBehaviorSanitizer; first the format check and each fuzzing harness
# briefly over its corpus; after the gcc build, the installed program and its
# Debian package (scripts/check-deb.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --tests
jobs=2

echo "== source formatting (.clang-format)"
git ls-files 'calc/*.[ch]' 'include/*.h' 'tests/*.[ch]' 'bench/*.c' 'tests/fuzz/*.[ch]' |
  xargs clang-format --dry-run --Werror

if [ -x tests/fuzz/run.sh ]; then
  echo "== fuzzing harnesses, briefly, over their corpora"
  tests/fuzz/run.sh --seconds 10
fi

echo "== build and test with gcc"
CC=gcc cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAYCALC_WERROR=ON -DPAYCALC_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs"

echo "== install, manual page and Debian package"
scripts/check-deb.sh build

echo "== build and test with clang"
CC=clang cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAYCALC_WERROR=ON -DPAYCALC_TESTS=ON >/dev/null
cmake --build build-clang -j"$jobs"
ctest --test-dir build-clang --output-on-failure --no-tests=error -j"$jobs"

echo "== build and test under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPAYCALC_SANITIZE=ON -DPAYCALC_WERROR=ON -DPAYCALC_TESTS=ON >/dev/null
cmake --build build-asan -j"$jobs"
# A leak is reported by LeakSanitizer when a test's process exits, after
# Criterion has counted the test as passed: the full output is kept and
# searched, so that a report fails the run like any failed test.
log=build-asan/ctest.log
if ! ASAN_OPTIONS=abort_on_error=0:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --no-tests=error -V -j"$jobs" >"$log" 2>&1; then
  grep -E "Failed|FAIL|ERROR|runtime error" "$log" | head -n 60
  echo "test.sh: the sanitizer build's tests failed (full output: $log)" >&2
  exit 1
fi
if grep -n -E "ERROR: (LeakSanitizer|AddressSanitizer)|runtime error:" "$log"; then
  echo "test.sh: a sanitizer reported a problem (full output: $log)" >&2
  exit 1
fi
grep -E "tests passed|Total Test time" "$log"
