#!/usr/bin/env python3
"""Writes cbak-agree.htm, the PvP section of inputs/cbak-fy2022 tagged in
Inline XBRL (ECD 2024, standard adjustment members) with the figures of its
computation, and one copy per tagging defect, each seeded once:

  defect-tagged-sign.htm      the PEO's 2021 SCT deduction tagged positive
  defect-sum.htm              the PEO's 2022 change in prior unvested awards tagged 1,000 too high
                              (the printed table agrees with the tag)
  defect-peo-on-non-peo.htm   a hidden ecd:PeoTotalCompAmt on NonPeoNeoMember
  defect-duplicate.htm        a hidden second PEO 2022 SCT total that differs
  defect-missing.htm          the 2021 TSR printed with no tag

Usage (from the repository root):
  build/paycalc run inputs/cbak-fy2022 --out /tmp/cbak --quiet
  python3 tests/data/ixbrl/make_cbak.py /tmp/cbak/report.json tests/data/ixbrl
The documents are committed; rerun only when the computation changes.
"""
import json
import sys
from decimal import Decimal

MEMBERS = {
    "less_equity_awards": "EqtyAwrdsInSummryCompstnTblForAplblYrMember",
    "less_pension": "AggtChngPnsnValInSummryCompstnTblForAplblYrMember",
    "plus_pension_service": "PnsnAdjsSvcCstMember",
    "plus_pension_prior_service": "PnsnAdjsPrrSvcCstMember",
    "fye_fv_granted_in_year": "YrEndFrValOfEqtyAwrdsGrntdInCvrdYrOutsdngAndUnvstdMember",
    "change_fv_prior_unvested": "ChngInFrValOfOutsdngAndUnvstdEqtyAwrdsGrntdInPrrYrsMember",
    "fv_at_vest_granted_in_year": "VstngDtFrValOfEqtyAwrdsGrntdAndVstdInCvrdYrMember",
    "change_fv_prior_vested": "ChngInFrValAsOfVstngDtOfPrrYrEqtyAwrdsVstdInCvrdYrMember",
    "less_fv_forfeited": "FrValAsOfPrrYrEndOfEqtyAwrdsGrntdInPrrYrsFldVstngCondsDrngCvrdYrMember",
    "dividends": "DvddsOrOthrErngsPdOnEqtyAwrdsNtOthrwsRflctdInTtlCompForCvrdYrMember",
}
LABELS = {
    "sct_total": "Summary Compensation Table total",
    "less_equity_awards": "Less: grant date value of equity awards in the SCT",
    "fye_fv_granted_in_year": "Year-end fair value of awards granted in the year",
    "change_fv_prior_unvested": "Change in fair value of prior-year awards outstanding",
    "fv_at_vest_granted_in_year": "Vesting-date fair value of awards granted and vested",
    "change_fv_prior_vested": "Change in fair value of prior-year awards vested",
    "less_fv_forfeited": "Less: prior year-end fair value of forfeited awards",
    "dividends": "Dividends paid on unvested awards",
    "cap": "Compensation actually paid",
}


def amount(v):
    d = Decimal(str(v))
    cents = d != d.to_integral_value()
    shown = f"{abs(d):,.2f}" if cents else f"{abs(d):,.0f}"
    return shown, (2 if cents else 0), d < 0


def fact(name, ctx, v, fid, force_positive=False):
    shown, dec, neg = amount(v)
    sign = ' sign="-"' if neg and not force_positive else ""
    tag = (f'<ix:nonFraction id="{fid}" name="{name}" contextRef="{ctx}" unitRef="USD" '
           f'decimals="{dec}" scale="0" format="ixt:num-dot-decimal"{sign}>{shown}</ix:nonFraction>')
    return f"$ ({tag})" if neg else f"$ {tag}"


def context(cid, year, dims=()):
    seg = ""
    if dims:
        seg = "<xbrli:segment>" + "".join(
            f'<xbrldi:explicitMember dimension="{a}">{m}</xbrldi:explicitMember>' for a, m in dims
        ) + "</xbrli:segment>"
    return (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
            f"0001117171</xbrli:identifier>{seg}</xbrli:entity><xbrli:period><xbrli:startDate>{year}-01-01"
            f"</xbrli:startDate><xbrli:endDate>{year}-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n")


def build(report, defect=None):
    pvp = report["pay_versus_performance"]
    cap = {(c["year"], c["subject"]): c for c in report["cap_reconciliation"]}
    years = [p["year"] for p in pvp]
    ctx, hidden, n = [], [], [0]

    def fid():
        n[0] += 1
        return f"f{n[0]}"

    for y in years:
        ctx.append(context(f"FY{y}", y))
        for cat in ("PeoMember", "NonPeoNeoMember"):
            for line, member in MEMBERS.items():
                ctx.append(context(f"FY{y}_{cat}_{line}", y,
                                   [("ecd:ExecutiveCategoryAxis", f"ecd:{cat}"),
                                    ("ecd:AdjToCompAxis", f"ecd:{member}")]))
        peo = pvp[years.index(y)]["peo"][0]
        hidden.append(f'<ix:nonNumeric name="ecd:PeoName" contextRef="FY{y}">{peo["name"]}</ix:nonNumeric>')
    if defect == "peo-on-non-peo":
        ctx.append(context("FY2022_NonPeoNeo", 2022, [("ecd:ExecutiveCategoryAxis", "ecd:NonPeoNeoMember")]))
        hidden.append('<ix:nonFraction name="ecd:PeoTotalCompAmt" contextRef="FY2022_NonPeoNeo" unitRef="USD" '
                      'decimals="0" format="ixt:num-dot-decimal">115,556</ix:nonFraction>')
    if defect == "duplicate":
        hidden.append('<ix:nonFraction name="ecd:PeoTotalCompAmt" contextRef="FY2022" unitRef="USD" '
                      'decimals="0" format="ixt:num-dot-decimal">177,685</ix:nonFraction>')

    rows = []
    for p in reversed(pvp):
        y = p["year"]
        peo, avg = p["peo"][0], p["non_peo_neo_average"]
        tsr = (f'{p["tsr"]:.2f}' if defect == "missing" and y == 2021
               else fact("ecd:TotalShareholderRtnAmt", f"FY{y}", p["tsr"], fid()))
        cells = [str(y),
                 fact("ecd:PeoTotalCompAmt", f"FY{y}", peo["sct_total"], fid()),
                 fact("ecd:PeoActuallyPaidCompAmt", f"FY{y}", peo["cap"], fid()),
                 fact("ecd:NonPeoNeoAvgTotalCompAmt", f"FY{y}", avg["sct_total"], fid()),
                 fact("ecd:NonPeoNeoAvgCompActuallyPaidAmt", f"FY{y}", avg["cap"], fid()),
                 tsr, "N/A",
                 fact("us-gaap:NetIncomeLoss", f"FY{y}", p["net_income"], fid())]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    header = ("<tr><th>Year</th><th>SCT total for PEO<sup>(1)</sup></th><th>CAP to PEO</th>"
              "<th>Average SCT total for non-PEO NEOs</th><th>Average CAP to non-PEO NEOs</th>"
              "<th>TSR</th><th>Peer group TSR</th><th>Net income</th></tr>")
    pvp_table = "<table>" + header + "".join(rows) + "</table>"

    recs = []
    for cat, who, block in (("PeoMember", None, "ecd:AdjToPeoCompFnTextBlock"),
                            ("NonPeoNeoMember", "non_peo_neo_average", "ecd:AdjToNonPeoNeoCompFnTextBlock")):
        trs = []
        for y in years:
            subject = who or pvp[years.index(y)]["peo"][0]["person_id"]
            c = cap[(y, subject)]
            trs.append(f"<tr><td>{y}</td><td></td></tr>")
            trs.append(f"<tr><td>{LABELS['sct_total']}</td><td>$ {amount(c['sct_total'])[0]}</td></tr>")
            for line in MEMBERS:
                v = Decimal(str(c[line]))
                if v == 0:
                    continue
                positive = False
                if defect == "tagged-sign" and cat == "PeoMember" and y == 2021 and line == "less_equity_awards":
                    positive = True
                if defect == "sum" and cat == "PeoMember" and y == 2022 and line == "change_fv_prior_unvested":
                    v += 1000
                trs.append(f"<tr><td>{LABELS.get(line, line)}</td><td>"
                           f"{fact('ecd:AdjToCompAmt', f'FY{y}_{cat}_{line}', v, fid(), positive)}</td></tr>")
            trs.append(f"<tr><td>{LABELS['cap']}</td><td>$ {amount(c['cap'])[0]}</td></tr>")
        recs.append(f'<ix:nonNumeric name="{block}" contextRef="FY{years[-1]}" escape="true">'
                    f"<table>{''.join(trs)}</table></ix:nonNumeric>")

    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by tests/data/ixbrl/make_cbak.py from the computation of inputs/cbak-fy2022{', defect: ' + defect if defect else ''}. -->
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
      xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
      xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
      xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
      xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:dei="http://xbrl.sec.gov/dei/2024"
      xmlns:ecd="http://xbrl.sec.gov/ecd/2024" xmlns:us-gaap="http://fasb.org/us-gaap/2024">
<head><title>DEF 14A</title></head>
<body>
<div style="display:none"><ix:header><ix:hidden>
<ix:nonNumeric name="dei:DocumentType" contextRef="FY{years[-1]}">DEF 14A</ix:nonNumeric>
<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="FY{years[-1]}">{report['company']['name']}</ix:nonNumeric>
{chr(10).join(hidden)}
</ix:hidden>
<ix:references><link:schemaRef xlink:type="simple" xlink:href="cbat-20221231.xsd"/></ix:references>
<ix:resources>
{''.join(ctx)}<xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
<ix:nonNumeric name="ecd:PvpTableTextBlock" contextRef="FY{years[-1]}" escape="true">
<p>Pay Versus Performance</p>
{pvp_table}
</ix:nonNumeric>
{chr(10).join(recs)}
</body>
</html>
"""


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    out = sys.argv[2]
    open(f"{out}/cbak-agree.htm", "w", encoding="utf-8").write(build(report))
    for d in ("tagged-sign", "sum", "peo-on-non-peo", "duplicate", "missing"):
        open(f"{out}/defect-{d}.htm", "w", encoding="utf-8").write(build(report, d))


if __name__ == "__main__":
    main()
