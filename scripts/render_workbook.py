#!/usr/bin/python3
"""Renders the printed pages of report.xlsx as PNG images, one file per
page, named after the sheet the page belongs to: the way a reviewer checks
that each disclosure sheet prints one page wide, reads like a proxy and has
no page of overflow columns.

Usage: render_workbook.py REPORT.xlsx OUTDIR PREFIX [SHEET ...]

LibreOffice (headless) prints the whole workbook to PDF; each page's footer
carries its sheet name ("&A"), which tells the pages apart; pdftoppm
(poppler-utils) renders the pages of the sheets asked for (all sheets when
none is named) as OUTDIR/PREFIX-<sheet>-<n>.png at 80 dots per inch.
Prints one line per image written.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True, **kw)


def main(argv):
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    book, outdir, prefix, wanted = argv[1], argv[2], argv[3], argv[4:]
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    work = tempfile.mkdtemp(prefix="pc-render-")
    try:
        profile = os.path.join(work, "profile")
        os.makedirs(profile)
        run([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", work, book], env=dict(os.environ, HOME=work))
        pdf = os.path.join(work, os.path.splitext(os.path.basename(book))[0] + ".pdf")
        info = run(["pdfinfo", pdf]).stdout.decode()
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        os.makedirs(outdir, exist_ok=True)
        count = {}
        for page in range(1, pages + 1):
            text = run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"]).stdout
            lines = [l for l in text.decode().splitlines() if l.strip()]
            footer = lines[-1] if lines else ""
            # The footer: company on the left, sheet name centred, page right.
            parts = [p for p in re.split(r"\s{2,}", footer.strip()) if p]
            sheet = parts[1] if len(parts) >= 3 else (parts[0] if parts else "page")
            if wanted and sheet not in wanted:
                continue
            count[sheet] = count.get(sheet, 0) + 1
            name = "%s-%s-%d" % (prefix, re.sub(r"[^A-Za-z0-9]+", "-", sheet).strip("-").lower(),
                                 count[sheet])
            run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(page), "-l", str(page),
                 pdf, os.path.join(outdir, name)])
            print(os.path.join(outdir, name + ".png"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
