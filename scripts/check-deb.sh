#!/usr/bin/env bash
# Checks what a user installs: `cmake --install` of a built tree into a
# temporary prefix, and the Debian package CPack makes of it. The package is
# inspected with dpkg-deb (its fields, its files, a Depends line naming the
# package of every shared library the program needs), unpacked into a
# scratch root with dpkg -x, and the program found there is run:
# `paycalc --version` must print the project's version, and
# `paycalc run inputs/cbak-fy2022` must write the same report bytes as the
# program of the build tree. The manual page is rendered with man (and
# groff) with every warning on, and must give none.
#
# usage: scripts/check-deb.sh [BUILD_DIR]   (default build; configured and
#        built already, as scripts/test.sh leaves it)
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
build=${1:-build}
[ -f "$build/CPackConfig.cmake" ] || {
  echo "check-deb.sh: $build is not a configured build folder (cmake -S . -B $build)" >&2
  exit 2
}
for tool in dpkg-deb dpkg-shlibdeps man groff cmp; do
  command -v "$tool" >/dev/null || {
    echo "check-deb.sh: $tool is missing (scripts/deps.sh --tests installs it)" >&2
    exit 1
  }
done

version=$(sed -n 's/^project(paycalc VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/paycalc-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() {
  echo "check-deb.sh: $*" >&2
  exit 1
}

echo "-- cmake --install into a temporary prefix"
cmake --build "$build" -j2 --target paycalc manpage >/dev/null
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
for f in bin/paycalc share/man/man1/paycalc.1.gz; do
  [ -f "$scratch/prefix/$f" ] || fail "cmake --install did not install $f"
done
cmake --install "$build" --prefix "$scratch/dev" --component Development >/dev/null
for f in lib/libpaycalc.a include/paycalc/api.h include/paycalc/compute.h; do
  [ -f "$scratch/dev/$f" ] || fail "cmake --install --component Development did not install $f"
done
"$scratch/prefix/bin/paycalc" --version >/dev/null || fail "the installed program does not run"

echo "-- the Debian package (cpack)"
rm -f "$build"/paycalc_*.deb
(cd "$build" && cpack -G DEB >"$scratch/cpack.log" 2>&1) || {
  cat "$scratch/cpack.log" >&2
  fail "cpack failed"
}
deb=$(ls "$build"/paycalc_"$version"_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack wrote no $build/paycalc_${version}_*.deb"
dpkg-deb --info "$deb" >"$scratch/info" || fail "dpkg-deb cannot read $deb"
dpkg-deb --contents "$deb" >"$scratch/contents" || fail "dpkg-deb cannot list $deb"
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = paycalc ] || fail "Package is '$(field Package)', not paycalc"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] ||
  fail "Architecture is '$(field Architecture)'"
for f in ./usr/bin/paycalc ./usr/share/man/man1/paycalc.1.gz; do
  grep -q " $f\$" "$scratch/contents" || fail "$deb does not hold $f"
done
# The tool only: the libraries and headers are the Development component.
if grep -Eq '/include/|\.a$' "$scratch/contents"; then
  fail "$deb holds development files: $(grep -E '/include/|\.a$' "$scratch/contents" | head -3)"
fi

echo "-- unpacked into a scratch root (dpkg -x)"
dpkg -x "$deb" "$scratch/root"
paycalc="$scratch/root/usr/bin/paycalc"
[ -x "$paycalc" ] || fail "no executable usr/bin/paycalc in $deb"

# Every shared library the program loads comes from a package its Depends
# line names (dpkg -S on the library's path; with Debian 12's merged /usr a
# package may have shipped it under /lib or /usr/lib, so both are asked).
depends=$(field Depends)
missing=0
while read -r lib; do
  real=$(readlink -f "$lib")
  pkg=
  for candidate in "$lib" "$real" "${real#/usr}" "/usr$real"; do
    pkg=$(dpkg -S "$candidate" 2>/dev/null) && break
  done
  pkg=${pkg%%:*}
  [ -n "$pkg" ] || fail "no package holds $lib, which paycalc loads"
  # Only the libraries paycalc names itself (NEEDED) must be in Depends;
  # theirs are their packages' own dependencies.
  soname=$(basename "$lib")
  if objdump -p "$paycalc" | grep -q "NEEDED *$soname\$"; then
    if ! grep -Eq "(^|, )$pkg( |,|\$)" <<<"$depends"; then
      echo "check-deb.sh: $soname is in package $pkg, which Depends does not name: $depends" >&2
      missing=1
    fi
  fi
done < <(ldd "$paycalc" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p')
[ "$missing" = 0 ] || exit 1
echo "   Depends: $depends"

printed=$("$paycalc" --version)
[ "$printed" = "paycalc $version" ] || fail "paycalc --version prints '$printed', not 'paycalc $version'"
"$paycalc" run inputs/cbak-fy2022 --out "$scratch/installed" --quiet ||
  fail "the unpacked paycalc cannot run inputs/cbak-fy2022"
"$build/paycalc" run inputs/cbak-fy2022 --out "$scratch/built" --quiet
for f in report.json report.xlsx; do
  cmp -s "$scratch/installed/$f" "$scratch/built/$f" ||
    fail "the unpacked program writes another $f than $build/paycalc"
done

echo "-- the manual page, with every warning on"
page="$scratch/root/usr/share/man/man1/paycalc.1.gz"
warnings=$(MANWIDTH=80 man --warnings=all -l "$page" 2>&1 >"$scratch/man.txt") || fail "man -l $page failed"
[ -z "$warnings" ] || fail "man -l warns about the page: $warnings"
warnings=$(zcat "$page" | groff -ww -man -Tutf8 -z 2>&1) || fail "groff cannot render the page"
[ -z "$warnings" ] || fail "groff warns about the page: $warnings"
grep -q "paycalc $version" "$scratch/man.txt" || fail "the page does not give version $version"
for section in SYNOPSIS COMMANDS OPTIONS "EXIT STATUS" FILES EXAMPLES; do
  grep -q "^$section" "$scratch/man.txt" || fail "the page has no $section section"
done
# The page documents what the program offers: every command and option its
# --help names, and every input file the README describes.
for word in $("$paycalc" --help | grep -oE -- '--[a-z][a-z-]*|^ *paycalc [a-z]+' | sed 's/^ *paycalc //' | sort -u); do
  grep -qF -- "$word" "$scratch/man.txt" || fail "the page does not mention $word, which paycalc --help names"
done
for file in $(grep -oE '^\*\*[a-z_]+\.(csv|json)\*\*' README.md | tr -d '*' | sort -u); do
  grep -qF -- "$file" "$scratch/man.txt" || fail "the page does not describe $file, which the README does"
done

echo "$(basename "$deb"): installs usr/bin/paycalc and paycalc(1); runs CBAK from the unpacked copy"
cd "$root_dir"
