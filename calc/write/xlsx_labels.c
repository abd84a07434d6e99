/*
 * The workbook's words in Chinese (--labels zh-Hant | zh-Hans; SPEC section
 * 9): sheet titles, column headers, the reconciliation's lines and the
 * footnotes of the disclosure sheets, in the terms the reference proxy's
 * Chinese translation uses (the CBAK 2023 proxy, ../shared/seeds: 摘要補償表,
 * 薪酬與績效, 實際支付的薪酬, 股東總回報, 首席執行官). Names, numbers and the text of
 * the inputs are never translated.
 *
 * The table is keyed by the English text the writers use (a footnote's
 * printf format, with the same conversions in the same order), so a sheet
 * writer asks for a word with pc_xlsx_words and gets the English back when
 * the labels are English or the text has no translation.
 */
#include "xlsx_internal.h"

#include <string.h>

typedef struct label {
    const char *en, *hant, *hans;
} label;

static const label table[] = {
    /* Sheet titles. */
    {"Summary Compensation Table", "摘要補償表", "摘要补偿表"},
    {"Pay Versus Performance", "薪酬與績效", "薪酬与绩效"},
    {"Compensation Actually Paid: Reconciliation", "實際支付的薪酬：調節表",
     "实际支付的薪酬：调节表"},
    {"Compensation Actually Paid and Performance", "實際支付的薪酬與績效", "实际支付的薪酬与绩效"},
    {"Compensation Actually Paid by Executive", "各高管實際支付的薪酬", "各高管实际支付的薪酬"},
    {"Award Valuations", "股權獎勵估值", "股权奖励估值"},
    {"Cash Compensation and Exchange Rates", "現金薪酬與匯率", "现金薪酬与汇率"},
    {"Exchange Rates Used", "所用匯率", "所用汇率"},
    {"Cumulative Total Shareholder Return", "累計股東總回報", "累计股东总回报"},
    {"Checks of the Published Figures", "已公佈數據的核對", "已公布数据的核对"},
    /* The heading's third line. */
    {"Fiscal years %d to %d (fiscal year ends %s)", "%d至%d財年（財年截止日：%s）",
     "%d至%d财年（财年截止日：%s）"},
    {"Fiscal year %d (fiscal year ends %s)", "%d財年（財年截止日：%s）",
     "%d财年（财年截止日：%s）"},
    /* Summary Compensation Table. */
    {"Name and Principal Position", "姓名和主要職位", "姓名和主要职位"},
    {"Year", "年度", "年度"},
    {"Salary ($)", "工資 ($)", "工资 ($)"},
    {"Bonus ($)", "獎金 ($)", "奖金 ($)"},
    {"Stock Awards ($)", "股票獎勵 ($)", "股票奖励 ($)"},
    {"Option Awards ($)", "期權獎勵 ($)", "期权奖励 ($)"},
    {"Non-Equity Incentive Plan Compensation ($)", "非股權激勵計劃薪酬 ($)",
     "非股权激励计划薪酬 ($)"},
    {"Change in Pension Value and Nonqualified Deferred Compensation Earnings ($)",
     "養老金價值變動和不合格遞延薪酬收益 ($)", "养老金价值变动和不合格递延薪酬收益 ($)"},
    {"Nonqualified Deferred Compensation Earnings ($)", "不合格遞延薪酬收益 ($)",
     "不合格递延薪酬收益 ($)"},
    {"All Other Compensation ($)", "所有其他薪酬 ($)", "所有其他薪酬 ($)"},
    {"Total ($)", "總計 ($)", "总计 ($)"},
    {"%sAmounts paid in %s in fiscal %d were converted into US dollars at ",
     "%s以%s於%d財年支付的金額已按", "%s以%s于%d财年支付的金额已按"},
    {"the exchange rate of each payment date (%s to %s %s per US dollar).",
     "各支付日的匯率（1.00美元兌%s至%s %s）折算為美元。",
     "各支付日的汇率（1.00美元兑%s至%s %s）折算为美元。"},
    {"%s %s per US dollar, the average exchange rate for the year.",
     "1.00美元兌%s %s（該財年的平均匯率）折算為美元。",
     "1.00美元兑%s %s（该财年的平均汇率）折算为美元。"},
    {"%s %s per US dollar, the exchange rate at the fiscal year end.",
     "1.00美元兌%s %s（財年末的匯率）折算為美元。", "1.00美元兑%s %s（财年末的汇率）折算为美元。"},
    {"%s %s per US dollar, the exchange rate of the payment date.",
     "1.00美元兌%s %s（支付日的匯率）折算為美元。", "1.00美元兑%s %s（支付日的汇率）折算为美元。"},
    {"No stock or option awards were granted in the years shown.",
     "所列年度內未授予股票或期權獎勵。", "所列年度内未授予股票或期权奖励。"},
    {"The amounts shown are the aggregate grant-date fair value of the awards granted in each "
     "fiscal year, computed in accordance with FASB ASC Topic 718, excluding the effect of "
     "estimated forfeitures.",
     "所示金額為各財年授予的獎勵根據財務會計準則委員會ASC Topic 718計算的授予日公允價值總額，"
     "不考慮預計沒收的影響。",
     "所示金额为各财年授予的奖励根据财务会计准则委员会ASC Topic 718计算的授予日公允价值总额，"
     "不考虑预计没收的影响。"},
    {" Awards subject to performance conditions are shown at the probable outcome of those "
     "conditions at the grant date.",
     "基於業績條件的獎勵按授予日業績目標的可能結果計算。",
     "基于业绩条件的奖励按授予日业绩目标的可能结果计算。"},
    {"No named executive officer rows for the years shown.", "所列年度內沒有指定執行官。",
     "所列年度内没有指定执行官。"},
    /* Pay vs Performance. */
    {"Summary Compensation Table Total for PEO ($)", "首席執行官的薪酬彙總表總計 ($)",
     "首席执行官的薪酬汇总表总计 ($)"},
    {"Compensation Actually Paid to PEO ($)", "實際支付給首席執行官的薪酬 ($)",
     "实际支付给首席执行官的薪酬 ($)"},
    {"Summary Compensation Table Total for PEO %zu ($)", "首席執行官%zu的薪酬彙總表總計 ($)",
     "首席执行官%zu的薪酬汇总表总计 ($)"},
    {"Compensation Actually Paid to PEO %zu ($)", "實際支付給首席執行官%zu的薪酬 ($)",
     "实际支付给首席执行官%zu的薪酬 ($)"},
    {"Average Summary Compensation Table Total for Non-PEO NEOs ($)",
     "非首席執行官NEO的平均薪酬彙總表總計 ($)", "非首席执行官NEO的平均薪酬汇总表总计 ($)"},
    {"Average Compensation Actually Paid to Non-PEO NEOs ($)",
     "實際支付給非首席執行官NEO的平均薪酬 ($)", "实际支付给非首席执行官NEO的平均薪酬 ($)"},
    {"Value of Initial Fixed $100 Investment Based On:", "初始固定100美元投資的價值，基於：",
     "初始固定100美元投资的价值，基于："},
    {"Total Shareholder Return ($)", "股東總回報 ($)", "股东总回报 ($)"},
    {"Peer Group Total Shareholder Return ($)", "同行組股東總回報 ($)", "同行组股东总回报 ($)"},
    {"Net Income ($)", "淨收入（虧損）($)", "净收入（亏损）($)"},
    {"Net Income ($ in thousands)", "淨收入（虧損）（千美元）", "净收入（亏损）（千美元）"},
    {"Net Income ($ in millions)", "淨收入（虧損）（百萬美元）", "净收入（亏损）（百万美元）"},
    {"PEO in %d: ", "%d年首席執行官：", "%d年首席执行官："},
    {"%sPEO in %d: ", "%s%d年首席執行官：", "%s%d年首席执行官："},
    {"%sPEO %zu: %s (PEO in %s).", "%s首席執行官%zu：%s（%s年任首席執行官）。",
     "%s首席执行官%zu：%s（%s年任首席执行官）。"},
    {"%sNon-PEO NEOs in %d (average of %zu): ", "%s%d年非首席執行官NEO（%zu人平均）：",
     "%s%d年非首席执行官NEO（%zu人平均）："},
    {"%sNon-PEO NEOs in %d: none; the averages are left blank.",
     "%s%d年無非首席執行官NEO；平均值留空。", "%s%d年无非首席执行官NEO；平均值留空。"},
    {"(%d) Compensation actually paid is computed as Item 402(v)(2)(iii) of Regulation S-K "
     "requires; the adjustments from the Summary Compensation Table total are shown in the "
     "reconciliation table.",
     "(%d) "
     "實際支付的薪酬按S-K條例第402(v)(2)(iii)項的規定計算；由薪酬彙總表總計得出的調整列於調節表。",
     "(%d) "
     "实际支付的薪酬按S-K条例第402(v)(2)(iii)项的规定计算；由薪酬汇总表总计得出的调整列于调节表。"},
    {"(%d) Cumulative total shareholder return: the value at each fiscal year end of $100 "
     "invested in the company's stock at the close of %s ($%s per share), with dividends "
     "reinvested (Item 201(e) of Regulation S-K).",
     "(%d) "
     "累計股東總回報：於%s收盤時（每股%s美元）投資於公司股票的100美元在各財年末的價值，股息再投資"
     "（S-K條例第201(e)項）。",
     "(%d) "
     "累计股东总回报：于%s收盘时（每股%s美元）投资于公司股票的100美元在各财年末的价值，股息再投资"
     "（S-K条例第201(e)项）。"},
    {"(%d) Total shareholder return of the peer group, on the same $100 basis.",
     "(%d) 同行組的股東總回報，以相同的100美元為基礎。",
     "(%d) 同行组的股东总回报，以相同的100美元为基础。"},
    {"(%d) Net income as reported in the company's audited financial statements.",
     "(%d) 淨收入（虧損）按公司經審計的財務報表列示。",
     "(%d) 净收入（亏损）按公司经审计的财务报表列示。"},
    {"(%d) %s is the company-selected measure: in the company's assessment, the most important "
     "financial performance measure used to link compensation actually paid to company "
     "performance for the most recent fiscal year.",
     "(%d) "
     "%s為公司選定的衡量標準：公司認為，這是最近一個財年中將實際支付的薪酬與公司業績掛鈎的最重要的"
     "財務業績衡量標準。",
     "(%d) "
     "%s为公司选定的衡量标准：公司认为，这是最近一个财年中将实际支付的薪酬与公司业绩挂钩的最重要的"
     "财务业绩衡量标准。"},
    /* The reconciliation: its lines (Item 402(v)(2)(iii)) and notes. */
    {"Adjustment", "調整項目", "调整项目"},
    {"PEO: %s", "首席執行官：%s", "首席执行官：%s"},
    {"Average for Non-PEO NEOs", "非首席執行官NEO的平均值", "非首席执行官NEO的平均值"},
    {"Summary Compensation Table Total", "薪酬彙總表總計", "薪酬汇总表总计"},
    {"Less: Stock Awards and Option Awards Reported in the Summary Compensation Table",
     "減去：薪酬彙總表中的股票獎勵和期權獎勵", "减去：薪酬汇总表中的股票奖励和期权奖励"},
    {"Less: Change in Pension Value Reported in the Summary Compensation Table",
     "減去：薪酬彙總表中的養老金價值變動", "减去：薪酬汇总表中的养老金价值变动"},
    {"Plus: Pension Service Cost", "另外：養老金服務成本", "另外：养老金服务成本"},
    {"Plus: Pension Prior Service Cost", "另外：養老金前期服務成本", "另外：养老金前期服务成本"},
    {"Plus: Year-End Fair Value of Awards Granted in the Year and Unvested at Year End",
     "另外：所涵蓋年度內授予且於財年末未歸屬的股票和期權獎勵截至財年末的FV",
     "另外：所涵盖年度内授予且于财年末未归属的股票和期权奖励截至财年末的FV"},
    {"Plus: Change in Fair Value of Prior-Year Awards Unvested at Year End",
     "另外：前幾年未償還的未歸屬股票和期權獎勵的FV變化",
     "另外：前几年未偿还的未归属股票和期权奖励的FV变化"},
    {"Plus: Fair Value at Vesting of Awards Granted and Vested in the Year",
     "另外：所涵蓋年度內授予並歸屬的獎勵在歸屬日的FV",
     "另外：所涵盖年度内授予并归属的奖励在归属日的FV"},
    {"Plus: Change in Fair Value of Prior-Year Awards Vested in the Year",
     "另外：前幾年的股票和期權獎勵在所涵蓋年度內歸屬時的FV變化",
     "另外：前几年的股票和期权奖励在所涵盖年度内归属时的FV变化"},
    {"Less: Prior Year-End Fair Value of Awards Forfeited in the Year",
     "減去：上一財年末的FV，涵蓋年度內沒收的股票和期權獎勵",
     "减去：上一财年末的FV，涵盖年度内没收的股票和期权奖励"},
    {"Plus: Dividends or Earnings Paid on Unvested Awards", "另外：未歸屬獎勵所支付的股息或收益",
     "另外：未归属奖励所支付的股息或收益"},
    {"Compensation Actually Paid", "實際支付的薪酬", "实际支付的薪酬"},
    {"(1) Compensation actually paid is computed as Item 402(v) of Regulation S-K requires: the "
     "Summary Compensation Table total, less the grant-date fair value of the stock and option "
     "awards it reports, plus the fair value of equity awards as re-measured at each fiscal year "
     "end and vesting date in accordance with FASB ASC Topic 718. Each adjustment is rounded to "
     "the %s.",
     "(1) "
     "實際支付的薪酬按S-K條例第402(v)"
     "項的規定計算：薪酬彙總表總計，減去其中股票和期權獎勵的授予日公允價值，"
     "加上根據ASC Topic 718於各財年末及歸屬日重新計量的股權獎勵公允價值。各項調整四捨五入至%s。",
     "(1) "
     "实际支付的薪酬按S-K条例第402(v)"
     "项的规定计算：薪酬汇总表总计，减去其中股票和期权奖励的授予日公允价值，"
     "加上根据ASC Topic 718于各财年末及归属日重新计量的股权奖励公允价值。各项调整四舍五入至%s。"},
    {"cent", "美分", "美分"},
    {"whole dollar", "美元", "美元"},
    {"(2) Each adjustment of the average is the mean of that adjustment over the year's non-PEO "
     "named executive officers.",
     "(2) 平均值的各項調整為該年度非首席執行官指定執行官的該項調整的平均數。",
     "(2) 平均值的各项调整为该年度非首席执行官指定执行官的该项调整的平均数。"},
    {"No compensation actually paid was computed.", "未計算實際支付的薪酬。",
     "未计算实际支付的薪酬。"},
    /* Charts. */
    {"Fiscal year", "財年", "财年"},
    {"Fiscal Year", "財年", "财年"},
    {"Total Shareholder Return", "股東總回報", "股东总回报"},
    {"Company TSR", "公司股東總回報", "公司股东总回报"},
    {"Peer Group TSR", "同行組股東總回報", "同行组股东总回报"},
    {"Net Income", "淨收入（虧損）", "净收入（亏损）"},
    {"PEO", "首席執行官", "首席执行官"},
    {"Average of Non-PEO NEOs", "非首席執行官NEO的平均值", "非首席执行官NEO的平均值"},
    {"Value of $100 invested (USD)", "100美元投資的價值（美元）", "100美元投资的价值（美元）"},
    {"USD", "美元", "美元"},
    {"USD thousands", "千美元", "千美元"},
    {"USD millions", "百萬美元", "百万美元"},
};

const char *pc_xlsx_words(const pc_xlsx *w, const char *en)
{
    pc_labels lang = w->ds->config.labels;
    if (lang == PC_LABELS_EN || !en)
        return en;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].en, en) == 0)
            return lang == PC_LABELS_ZH_HANT ? table[i].hant : table[i].hans;
    return en;
}
