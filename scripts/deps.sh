#!/usr/bin/env bash
# Installs, from Debian's packages, whatever paycalc needs that this machine
# lacks: the compiler and build tools, the four libraries, Criterion, and the
# tools the tests use (Debian's python3 with openpyxl to read the workbook
# back and numpy for the numerical checks, expat and zlib to parse every part
# of the workbook as XML, clang for the second build (with its sanitizer and
# fuzzer runtimes), clang-format, and LibreOffice Calc, headless, which
# recalculates the workbook the way its readers open it, with poppler's
# pdftoppm to render its printed pages and fonts-wqy-zenhei, a CJK font, so
# the Chinese names and the zh-Hant/zh-Hans sheets print as text).
set -euo pipefail
packages=(gcc make cmake pkg-config libcsv-dev libjansson-dev libxlsxwriter-dev libxml2-dev libxml2-utils
          libcriterion-dev libexpat1-dev zlib1g-dev python3 python3-openpyxl python3-numpy
          clang libclang-rt-dev clang-format git libreoffice-calc python3-uno poppler-utils
          fonts-wqy-zenhei)
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
