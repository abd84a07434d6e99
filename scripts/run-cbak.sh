#!/usr/bin/env bash
# The main job on a fresh Debian machine: install what is missing (only what
# building and running paycalc needs: scripts/deps.sh without --tests), build
# the program (not the tests, which need the test tools), and compute the CBAK
# Energy reference case into reports/cbak-fy2022/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAYCALC_TESTS=OFF >/dev/null
cmake --build build -j2 --target paycalc
build/paycalc run inputs/cbak-fy2022
