#!/usr/bin/env bash
# Compares the symbols libpaycalc (and the command line's library) export
# with the documented list, as jansson's check-exports does: a symbol is
# exported when it is defined, global (or weak) and of default visibility
# (readelf), which the library gives only to what include/paycalc/ declares
# (include/paycalc/api.h). Symbols a sanitizer or coverage build adds
# (__asan_*, __odr_asan_gen_*, __ubsan_*, __gcov_*, ...) are not the
# library's and are left out. Prints the difference and fails when there is
# one: a symbol exported but not listed (an internal helper that escaped, or
# a new function of the API that must be listed on purpose), or listed but
# not exported.
#
# usage: scripts/check-exports.sh LIST ARCHIVE...   (the `exports` test runs
#        it on docs/libpaycalc.exports and the two built libraries)
#        scripts/check-exports.sh --print ARCHIVE... (the exported symbols)
set -euo pipefail
print=0
if [ "${1:-}" = --print ]; then print=1; shift; else list=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: scripts/check-exports.sh LIST ARCHIVE..." >&2; exit 2; }

exported() {
  # readelf -Ws: Num: Value Size Type Bind Vis Ndx Name
  readelf -W --syms "$@" |
    awk '($5 == "GLOBAL" || $5 == "WEAK") && $6 == "DEFAULT" && $7 != "UND" && NF >= 8 { print $8 }' |
    grep -Ev '^(__asan|__odr_asan|__ubsan|__sanitizer|__sancov|__gcov|__llvm|__lsan|__msan|__tsan)' |
    LC_ALL=C sort -u
}

if [ "$print" = 1 ]; then
  exported "$@"
  exit 0
fi
[ -f "$list" ] || { echo "check-exports.sh: no list $list" >&2; exit 2; }
diff=$(LC_ALL=C diff <(grep -v '^#' "$list" | sed '/^$/d' | LC_ALL=C sort -u) <(exported "$@") || true)
if [ -n "$diff" ]; then
  echo "check-exports.sh: the libraries' exports differ from $list" >&2
  echo "$diff" | sed -n 's/^< /  listed but not exported: /p; s/^> /  exported but not listed: /p' >&2
  exit 1
fi
echo "exports: $(grep -v '^#' "$list" | sed '/^$/d' | wc -l) symbols, as listed in $(basename "$list")"
