#!/usr/bin/env bash
# Installs, from Debian's packages, whatever paycalc needs that this machine
# lacks.
#
# usage: scripts/deps.sh           what building and running paycalc needs:
#                                  the compiler and build tools and the
#                                  libraries it links (libcsv, jansson,
#                                  libxlsxwriter, libxml2)
#        scripts/deps.sh --tests   that, and the tools the tests use
#
# The tools the tests use: Criterion; expat and zlib to parse every part of
# the workbook as XML; Debian's python3 with openpyxl to read the workbook
# back and numpy for the numerical checks; clang for the second build (with
# its sanitizer and fuzzer runtimes) and clang-format; LibreOffice Calc,
# headless, with its Python bridge, which recalculates the workbook the way
# its readers open it, with poppler's pdftoppm and a CJK font to render its
# printed pages; xmllint; and dpkg-dev, man and groff to build, check and
# render the Debian package and the manual page (scripts/check-deb.sh).
set -euo pipefail

build=(gcc make cmake pkg-config libcsv-dev libjansson-dev libxlsxwriter-dev libxml2-dev git)
tests=(libcriterion-dev libexpat1-dev zlib1g-dev python3 python3-openpyxl python3-numpy
       clang libclang-rt-dev clang-format libreoffice-calc python3-uno poppler-utils
       fonts-wqy-zenhei libxml2-utils dpkg-dev man-db groff-base)

packages=("${build[@]}")
case "${1:-}" in
  "") ;;
  --tests) packages+=("${tests[@]}") ;;
  *) echo "usage: scripts/deps.sh [--tests]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
