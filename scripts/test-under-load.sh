#!/usr/bin/env bash
# Runs the README's test command several times in a row (default 2) while one
# busy job per core keeps the whole machine loaded, so a test that depends on
# an idle machine shows up as a failure.  Usage: scripts/test-under-load.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
pids=()
for _ in $(seq "$(nproc)"); do
    (while :; do :; done) &
    pids+=("$!")
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
echo "test-under-load: $(nproc) busy jobs started: ${pids[*]}"
for run in $(seq "$runs"); do
    start=$(date +%s)
    echo "test-under-load: run $run of $runs started $(date -u +%H:%M:%S)"
    if ! bash scripts/test.sh; then
        echo "test-under-load: run $run of $runs FAILED after $(( $(date +%s) - start )) s"
        exit 1
    fi
    echo "test-under-load: run $run of $runs passed in $(( $(date +%s) - start )) s"
done
echo "test-under-load: all $runs runs passed"
