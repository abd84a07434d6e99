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
#include "labels.h"

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
     "養老金價值變動和\n非合格遞延薪酬收益 ($)", "养老金价值变动和\n非合格递延薪酬收益 ($)"},
    {"Nonqualified Deferred Compensation Earnings ($)", "非合格遞延薪酬收益 ($)",
     "非合格递延薪酬收益 ($)"},
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
     "所示金額為各財年授予的獎勵根據財務會計準則委員會（FASB）ASC第718號主題計算的授予日公允價值總"
     "額，"
     "不考慮預計沒收的影響。",
     "所示金额为各财年授予的奖励根据财务会计准则委员会（FASB）ASC第718号主题计算的授予日公允价值总"
     "额，"
     "不考虑预计没收的影响。"},
    {" Awards subject to performance conditions are shown at the probable outcome of those "
     "conditions at the grant date.",
     "基於業績條件的獎勵按授予日業績目標的可能結果計算。",
     "基于业绩条件的奖励按授予日业绩目标的可能结果计算。"},
    {" For awards modified in a year, the amounts include the incremental fair value of the "
     "modification, computed in accordance with FASB ASC Topic 718.",
     "對於年內修改的獎勵，金額包括根據FASB ASC主題718計算的修改增量公允價值。",
     "对于年内修改的奖励，金额包括根据FASB ASC主题718计算的修改增量公允价值。"},
    {"No named executive officer rows for the years shown.", "所列年度內沒有指定執行官。",
     "所列年度内没有指定执行官。"},
    /* Pay vs Performance. */
    {"Summary Compensation Table Total for PEO ($)", "首席執行官的摘要補償表總計 ($)",
     "首席执行官的摘要补偿表总计 ($)"},
    {"Compensation Actually Paid to PEO ($)", "實際支付給首席執行官的薪酬 ($)",
     "实际支付给首席执行官的薪酬 ($)"},
    {"Summary Compensation Table Total for PEO %zu ($)", "首席執行官%zu的摘要補償表總計 ($)",
     "首席执行官%zu的摘要补偿表总计 ($)"},
    {"Compensation Actually Paid to PEO %zu ($)", "實際支付給首席執行官%zu的薪酬 ($)",
     "实际支付给首席执行官%zu的薪酬 ($)"},
    {"Average Summary Compensation Table Total for Non-PEO NEOs ($)",
     "非首席執行官指定執行官的平均摘要補償表總計 ($)",
     "非首席执行官指定执行官的平均摘要补偿表总计 ($)"},
    {"Average Compensation Actually Paid to Non-PEO NEOs ($)",
     "實際支付給非首席執行官指定執行官的平均薪酬 ($)",
     "实际支付给非首席执行官指定执行官的平均薪酬 ($)"},
    {"Value of Initial Fixed $100 Investment Based On:", "初始固定100美元投資的價值，基於：",
     "初始固定100美元投资的价值，基于："},
    {"Total Shareholder Return ($)", "股東總回報 ($)", "股东总回报 ($)"},
    {"Peer Group Total Shareholder Return ($)", "同行組股東總回報 ($)", "同行组股东总回报 ($)"},
    {"Net Income ($)", "淨收入（虧損）($)", "净收入（亏损）($)"},
    {"Net Income ($ in thousands)", "淨收入（虧損）（千美元）", "净收入（亏损）（千美元）"},
    {"Net Income ($ in millions)", "淨收入（虧損）（百萬美元）", "净收入（亏损）（百万美元）"},
    {"%s ($)", "%s（美元）", "%s（美元）"},
    {"%s ($ in thousands)", "%s（千美元）", "%s（千美元）"},
    {"%s ($ in millions)", "%s（百萬美元）", "%s（百万美元）"},
    {" (in thousands)", "（千）", "（千）"},
    {" (in millions)", "（百萬）", "（百万）"},
    {"PEO in %d: ", "%d年首席執行官：", "%d年首席执行官："},
    {"%sPEO in %d: ", "%s%d年首席執行官：", "%s%d年首席执行官："},
    {"%sPEO in %d-%d: ", "%s%d至%d年首席執行官：", "%s%d至%d年首席执行官："},
    {"none.", "無。", "无。"},
    /* Currencies named in Chinese text (the exchange rate footnote). */
    {"CNY", "人民幣", "人民币"},
    {"HKD", "港元", "港元"},
    {"EUR", "歐元", "欧元"},
    {"GBP", "英鎊", "英镑"},
    {"JPY", "日圓", "日元"},
    {"TWD", "新臺幣", "新台币"},
    /* Punctuation after names: full width in Chinese. */
    {"%s.", "%s。", "%s。"},
    {".", "。", "。"},
    {", ", "、", "、"},
    {"%d-%d", "%d至%d", "%d至%d"},
    {"%sNon-PEO NEO in %s: ", "%s%s年非首席執行官的指定執行官：",
     "%s%s年非首席执行官的指定执行官："},
    {"%sPEO %zu: %s (PEO in %s).", "%s首席執行官%zu：%s（%s年任首席執行官）。",
     "%s首席执行官%zu：%s（%s年任首席执行官）。"},
    {"%sNon-PEO NEOs in %s (average of %zu): ", "%s%s年非首席執行官指定執行官（%zu人平均）：",
     "%s%s年非首席执行官指定执行官（%zu人平均）："},
    {"%sNon-PEO NEOs in %s: none; the averages are left blank.",
     "%s%s年無非首席執行官指定執行官；平均值留空。",
     "%s%s年无非首席执行官指定执行官；平均值留空。"},
    {"(%d) Compensation actually paid is computed as Item 402(v)(2)(iii) of Regulation S-K "
     "requires; the adjustments from the Summary Compensation Table total are shown in the "
     "reconciliation table.",
     "(%d) "
     "實際支付的薪酬按S-K條例第402(v)(2)(iii)項的規定計算；由摘要補償表總計得出的調整列於調節表。",
     "(%d) "
     "实际支付的薪酬按S-K条例第402(v)(2)(iii)项的规定计算；由摘要补偿表总计得出的调整列于调节表。"},
    {"(%d) Cumulative total shareholder return: the value at each fiscal year end of $100 "
     "invested in the company's stock at the close of %s ($%s per share), with dividends "
     "reinvested (Item 201(e) of Regulation S-K).",
     "(%d) "
     "累計股東總回報：於%s收盤時（每股%s美元）投資於公司股票的100美元在各財年末的價值，股息再投資"
     "（S-K條例第201(e)項）。",
     "(%d) "
     "累计股东总回报：于%s收盘时（每股%s美元）投资于公司股票的100美元在各财年末的价值，股息再投资"
     "（S-K条例第201(e)项）。"},
    {"(%d) Total shareholder return of the peer group %s, on the same $100 basis.",
     "(%d) 同行組%s的股東總回報，以相同的100美元為基礎。",
     "(%d) 同行组%s的股东总回报，以相同的100美元为基础。"},
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
    {"Average for Non-PEO NEOs", "非首席執行官指定執行官的平均值",
     "非首席执行官指定执行官的平均值"},
    {"Summary Compensation Table Total", "摘要補償表總計", "摘要补偿表总计"},
    {"Less: Stock Awards and Option Awards Reported in the Summary Compensation Table",
     "減：摘要補償表中的股票獎勵和期權獎勵", "减：摘要补偿表中的股票奖励和期权奖励"},
    {"Less: Change in Pension Value Reported in the Summary Compensation Table",
     "減：摘要補償表中的養老金價值變動", "减：摘要补偿表中的养老金价值变动"},
    {"Plus: Pension Service Cost", "加：養老金服務成本", "加：养老金服务成本"},
    {"Plus: Pension Prior Service Cost", "加：養老金前期服務成本", "加：养老金前期服务成本"},
    {"Plus: Year-End Fair Value of Awards Granted in the Year and Unvested at Year End",
     "加：所涵蓋年度內授予且於財年末未歸屬的股票和期權獎勵截至財年末的公允價值",
     "加：所涵盖年度内授予且于财年末未归属的股票和期权奖励截至财年末的公允价值"},
    {"Plus: Change in Fair Value of Prior-Year Awards Unvested at Year End",
     "加：前幾年未償還的未歸屬股票和期權獎勵的公允價值變化",
     "加：前几年未偿还的未归属股票和期权奖励的公允价值变化"},
    {"Plus: Fair Value at Vesting of Awards Granted and Vested in the Year",
     "加：所涵蓋年度內授予並歸屬的獎勵在歸屬日的公允價值",
     "加：所涵盖年度内授予并归属的奖励在归属日的公允价值"},
    {"Plus: Change in Fair Value of Prior-Year Awards Vested in the Year",
     "加：前幾年的股票和期權獎勵在所涵蓋年度內歸屬時的公允價值變化",
     "加：前几年的股票和期权奖励在所涵盖年度内归属时的公允价值变化"},
    {"Less: Prior Year-End Fair Value of Awards Forfeited in the Year",
     "減：上一財年末的公允價值，涵蓋年度內沒收的股票和期權獎勵",
     "减：上一财年末的公允价值，涵盖年度内没收的股票和期权奖励"},
    {"Plus: Dividends or Earnings Paid on Unvested Awards", "加：未歸屬獎勵所支付的股息或收益",
     "加：未归属奖励所支付的股息或收益"},
    {"Compensation Actually Paid", "實際支付的薪酬", "实际支付的薪酬"},
    {"(1) Compensation actually paid is computed as Item 402(v) of Regulation S-K requires: the "
     "Summary Compensation Table total, less the grant-date fair value of the stock and option "
     "awards it reports, plus the fair value of equity awards as re-measured at each fiscal year "
     "end and vesting date in accordance with FASB ASC Topic 718. Each adjustment is rounded to "
     "the %s.",
     "(1) "
     "實際支付的薪酬按S-K條例第402(v)"
     "項的規定計算：摘要補償表總計，減去其中股票和期權獎勵的授予日公允價值，"
     "加上根據FASB "
     "ASC第718號主題於各財年末及歸屬日重新計量的股權獎勵公允價值。各項調整四捨五入至%s。",
     "(1) "
     "实际支付的薪酬按S-K条例第402(v)"
     "项的规定计算：摘要补偿表总计，减去其中股票和期权奖励的授予日公允价值，"
     "加上根据FASB "
     "ASC第718号主题于各财年末及归属日重新计量的股权奖励公允价值。各项调整四舍五入至%s。"},
    {"cent", "美分", "美分"},
    {"whole dollar", "美元", "美元"},
    {"(2) Each adjustment of the average is the mean of that adjustment over the year's non-PEO "
     "named executive officers.",
     "(2) 平均值的各項調整為該年度非首席執行官指定執行官的該項調整的平均數。",
     "(2) 平均值的各项调整为该年度非首席执行官指定执行官的该项调整的平均数。"},
    {"No compensation actually paid was computed.", "未計算實際支付的薪酬。",
     "未计算实际支付的薪酬。"},
    /* CAP by Person, and the page footer of every sheet. */
    {"Page &P of &N", "第&P頁，共&N頁", "第&P页，共&N页"},
    {"Role", "身份", "身份"},
    {"Non-PEO NEO", "非首席執行官指定執行官", "非首席执行官指定执行官"},
    {"Average of non-PEO NEOs", "非首席執行官指定執行官的平均值", "非首席执行官指定执行官的平均值"},
    {"1 NEO", "1位指定執行官", "1位指定执行官"},
    {"%zu NEOs", "%zu位指定執行官的平均值", "%zu位指定执行官的平均值"},
    {"(%d) Each line is rounded to the %s; Compensation Actually Paid is the sum of the rounded "
     "lines (a formula over the row).",
     "(%d) 各項四捨五入至%s；實際支付的薪酬為四捨五入後各項之和（該行的公式）。",
     "(%d) 各项四舍五入至%s；实际支付的薪酬为四舍五入后各项之和（该行的公式）。"},
    {"(%d) Each line of an average row is the mean of that line over the year's non-PEO NEOs "
     "listed above it, rounded to the %s (a formula); the average Compensation Actually Paid is "
     "the sum of the averaged lines.",
     "(%d) 平均值行的各項為其上所列該年度非首席執行官指定執行官該項的平均數，四捨五入至%s（公式）；"
     "平均實際支付的薪酬為各平均項之和。",
     "(%d) 平均值行的各项为其上所列该年度非首席执行官指定执行官该项的平均数，四舍五入至%s（公式）；"
     "平均实际支付的薪酬为各平均项之和。"},
    {"(%d) As a smaller reporting company, the company makes no pension adjustments; those lines "
     "are not shown.",
     "(%d) 本公司作為較小的報告公司，不作養老金調整；相關各項不予列示。",
     "(%d) 本公司作为较小的报告公司，不作养老金调整；相关各项不予列示。"},
    {"(%d) Equity awards were re-measured at each fiscal year end and vesting date in accordance "
     "with FASB ASC Topic 718 (%zu values:",
     "(%d) 股權獎勵已根據FASB ASC第718號主題於各財年末及歸屬日重新計量（共%zu項估值：",
     "(%d) 股权奖励已根据FASB ASC第718号主题于各财年末及归属日重新计量（共%zu项估值："},
    {" %zu from fair values supplied by the company", "%zu項採用公司提供的公允價值",
     "%zu项采用公司提供的公允价值"},
    {" %zu at the closing stock price", "%zu項按收盤股價", "%zu项按收盘股价"},
    {" %zu with the Black-Scholes-Merton model", "%zu項採用布萊克-斯科爾斯-默頓模型",
     "%zu项采用布莱克-斯科尔斯-默顿模型"},
    {" %zu by a Monte Carlo simulation of the market condition", "%zu項採用市場條件的蒙特卡洛模擬",
     "%zu项采用市场条件的蒙特卡洛模拟"},
    {" %zu at the payout the market condition earned", "%zu項按市場條件實際達成的支付比例",
     "%zu项按市场条件实际达成的支付比例"},
    {" Performance-condition awards are at the probable outcome at each date.",
     "附業績條件的獎勵按各日期的可能結果計量。", "附业绩条件的奖励按各日期的可能结果计量。"},
    {"Black-Scholes-Merton assumptions used:", "布萊克-斯科爾斯-默頓模型所用假設：",
     "布莱克-斯科尔斯-默顿模型所用假设："},
    {"volatility", "波動率", "波动率"},
    {"risk-free rate", "無風險利率", "无风险利率"},
    {"dividend yield", "股息率", "股息率"},
    {"expected term", "預期期限", "预期期限"},
    {" years", "年", "年"},
    {"%s %s %s%s", "%s%s %s%s", "%s%s %s%s"},
    {"%s %s %s%s to %s%s", "%s%s %s%s至%s%s", "%s%s %s%s至%s%s"},
    {",", "，", "，"},
    {").", "）。", "）。"},
    {".", "。", "。"},
    {"Every valuation, with its date, inputs and the line it feeds, is on the Award Valuations "
     "sheet.",
     "每項估值及其日期、輸入數據和所計入的調整項，均列於 Award Valuations 工作表。",
     "每项估值及其日期、输入数据和所计入的调整项，均列于 Award Valuations 工作表。"},
    {"No equity award was outstanding, vested or forfeited in the covered years: the "
     "reconciliation has no fair value lines.",
     "所涵蓋年度內沒有未償還、已歸屬或被沒收的股權獎勵：調節表中沒有公允價值調整項。",
     "所涵盖年度内没有未偿还、已归属或被没收的股权奖励：调节表中没有公允价值调整项。"},
    /* Checks and Audit Notes. */
    {"Published figure differs from paycalc's", "公佈數字與paycalc計算結果不符",
     "公布数字与paycalc计算结果不符"},
    {"SCT total does not foot", "摘要補償表總計與各欄之和不符", "摘要补偿表总计与各栏之和不符"},
    {"CAP does not foot", "實際支付的薪酬與調節各項之和不符", "实际支付的薪酬与调节各项之和不符"},
    {"CAP deduction differs from the SCT award columns",
     "實際支付的薪酬中的扣減與摘要補償表獎勵欄不符",
     "实际支付的薪酬中的扣减与摘要补偿表奖励栏不符"},
    {"PvP SCT total differs from the SCT", "薪酬與績效表的摘要補償表總計與摘要補償表不符",
     "薪酬与绩效表的摘要补偿表总计与摘要补偿表不符"},
    {"PvP CAP differs from the reconciliation", "薪酬與績效表的實際支付的薪酬與調節表不符",
     "薪酬与绩效表的实际支付的薪酬与调节表不符"},
    {"NEO average differs from the NEOs' figures", "指定執行官平均值與各指定執行官的數字不符",
     "指定执行官平均值与各指定执行官的数字不符"},
    {"Reconciliation's SCT total differs from the SCT", "調節表的摘要補償表總計與摘要補償表不符",
     "调节表的摘要补偿表总计与摘要补偿表不符"},
    {"Adjustment has the wrong sign", "調整項的正負號錯誤", "调整项的正负号错误"},
    {"Figure restated since the prior proxy", "數字自上一份委託書以來已重述",
     "数字自上一份委托书以来已重述"},
    {"Market value differs from shares x year-end close", "市值與股數乘以財年末收盤價不符",
     "市值与股数乘以财年末收盘价不符"},
    {" (also: ", "（另：", "（另："},
    {")", "）", "）"},
    {"Checked %zu figures and relations: %zu error%s, %zu rounding difference%s (at most 1 in the "
     "last digit shown).",
     "已檢查%zu個數字及關係：%zu個錯誤%.0s，%zu個四捨五入差異%.0s（最後顯示的位數相差至多1）。",
     "已检查%zu个数字及关系：%zu个错误%.0s，%zu个四舍五入差异%.0s（最后显示的位数相差至多1）。"},
    {"Error", "錯誤", "错误"},
    {"Rounding", "四捨五入", "四舍五入"},
    {"Summary Compensation", "摘要補償表", "摘要补偿表"},
    {"Pay vs Performance", "薪酬與績效", "薪酬与绩效"},
    {"CAP Reconciliation", "實際支付的薪酬調節表", "实际支付的薪酬调节表"},
    {"Outstanding Equity Awards", "財年末未償還股權獎勵", "财年末未偿还股权奖励"},
    {"Non-PEO NEO average", "非首席執行官指定執行官的平均值", "非首席执行官指定执行官的平均值"},
    {"Company", "公司", "公司"},
    {"Checks skipped", "未執行的檢查", "未执行的检查"},
    {"Reason", "原因", "原因"},
    {"What each check compares", "各項檢查比較的內容", "各项检查比较的内容"},
    {"A published figure against the figure computed from the inputs.",
     "公佈的數字與由輸入數據計算所得的數字比較。", "公布的数字与由输入数据计算所得的数字比较。"},
    {"The published Summary Compensation Table total against the sum of its published columns.",
     "公佈的摘要補償表總計與其公佈各欄之和比較。", "公布的摘要补偿表总计与其公布各栏之和比较。"},
    {"A director's published Director Compensation total against the sum of its published columns.",
     "董事薪酬表中董事的公佈總計與其公佈各欄之和比較。",
     "董事薪酬表中董事的公布总计与其公布各栏之和比较。"},
    {"The published compensation actually paid against the sum of the published reconciliation "
     "lines.",
     "公佈的實際支付的薪酬與公佈的調節各項之和比較。",
     "公布的实际支付的薪酬与公布的调节各项之和比较。"},
    {"The published deduction for equity awards (less_equity_awards) against minus the published "
     "Stock Awards and Option Awards of the same person and year (for the average, minus their "
     "mean over the year's non-PEO NEOs).",
     "公佈的股權獎勵扣減與同一人同一年度公佈的股票獎勵和期權獎勵之和的負數比較（平均值則與該年度非"
     "首席執行官"
     "指定執行官該和的平均數的負數比較）。",
     "公布的股权奖励扣减与同一人同一年度公布的股票奖励和期权奖励之和的负数比较（平均值则与该年度非"
     "首席执行官"
     "指定执行官该和的平均数的负数比较）。"},
    {"A PEO's Summary Compensation Table total in the Pay versus Performance table against their "
     "published SCT total.",
     "薪酬與績效表中首席執行官的摘要補償表總計與其公佈的摘要補償表總計比較。",
     "薪酬与绩效表中首席执行官的摘要补偿表总计与其公布的摘要补偿表总计比较。"},
    {"Compensation actually paid in the Pay versus Performance table (PEO and average) against the "
     "published reconciliation.",
     "薪酬與績效表中的實際支付的薪酬（首席執行官及平均值）與公佈的調節表比較。",
     "薪酬与绩效表中的实际支付的薪酬（首席执行官及平均值）与公布的调节表比较。"},
    {"The average Summary Compensation Table total in the Pay versus Performance table against the "
     "mean of the published SCT totals of the year's non-PEO NEOs.",
     "薪酬與績效表中的平均摘要補償表總計與該年度非首席執行官指定執行官公佈的摘要補償表總計的平均數"
     "比較。",
     "薪酬与绩效表中的平均摘要补偿表总计与该年度非首席执行官指定执行官公布的摘要补偿表总计的平均数"
     "比较。"},
    {"The Summary Compensation Table total a published reconciliation starts from against the SCT "
     "total in the Pay versus Performance table (or, without one, in the published SCT).",
     "公佈的調節表所依據的摘要補償表總計與薪酬與績效表中的摘要補償表總計比較（無該表時，與公佈的摘"
     "要補償表比較）。",
     "公布的调节表所依据的摘要补偿表总计与薪酬与绩效表中的摘要补偿表总计比较（无该表时，与公布的摘"
     "要补偿表比较）。"},
    {"A figure of a year last year's report also covers that moved since: Published is this year's "
     "figure, Expected last year's.",
     "去年報告也涵蓋的年度中自那時以來變動的數字：「公佈」為今年的數字，「預期」為去年的數字。",
     "去年报告也涵盖的年度中自那时以来变动的数字：“公布”为今年的数字，“预期”为去年的数字。"},
    {"A TSR below 0: a percentage was published instead of the value of $100.",
     "股東總回報低於0：公佈的是百分比，而非100美元投資的價值。",
     "股东总回报低于0：公布的是百分比，而非100美元投资的价值。"},
    {"A published market value in the Outstanding Equity Awards table against the published number "
     "of shares times the closing price at the fiscal year end.",
     "財年末未償還股權獎勵表中公佈的市值與公佈的股數乘以財年末收盤價比較。",
     "财年末未偿还股权奖励表中公布的市值与公布的股数乘以财年末收盘价比较。"},
    {"No differences found.", "未發現差異。", "未发现差异。"},
    {"%zu more findings are in the verify output.", "另有%zu項發現列於 verify 的輸出中。",
     "另有%zu项发现列于 verify 的输出中。"},
    {"%s line %d", "%s 第%d行", "%s 第%d行"},
    {"Exchange rate, %s per US dollar (footnote)", "匯率：每1美元兌%s（腳註）",
     "汇率：每1美元兑%s（脚注）"},
    {"TSR base: closing price before the first covered year (footnote)",
     "股東總回報基準：首個涵蓋年度之前的收盤價（腳註）",
     "股东总回报基准：首个涵盖年度之前的收盘价（脚注）"},
    {"Net income", "淨收入（虧損）", "净收入（亏损）"},
    {"Company-selected measure", "公司選定的衡量標準", "公司选定的衡量标准"},
    {"Peer group TSR", "同行組股東總回報", "同行组股东总回报"},
    {"Disclosure Sheet", "披露工作表", "披露工作表"},
    {"Figure", "數字", "数字"},
    {"Value", "數值", "数值"},
    {"The disclosure sheets name no input file, as a proxy does not; this sheet says which line of "
     "which input each quoted figure comes from. Every computed figure is traced on the other "
     "workpapers.",
     "披露工作表與委託書一樣不註明輸入文件；本表說明每個引用的數字來自哪個輸入文件的哪一行。每個計"
     "算所得的數字均可在其他工作底稿中追溯。",
     "披露工作表与委托书一样不注明输入文件；本表说明每个引用的数字来自哪个输入文件的哪一行。每个计"
     "算所得的数字均可在其他工作底稿中追溯。"},
    /* Charts. */
    {"Fiscal year", "財年", "财年"},
    {"Fiscal Year", "財年", "财年"},
    {"Total Shareholder Return", "股東總回報", "股东总回报"},
    {"Company TSR", "公司股東總回報", "公司股东总回报"},
    {"Peer Group TSR", "同行組股東總回報", "同行组股东总回报"},
    {"Net Income", "淨收入（虧損）", "净收入（亏损）"},
    {"PEO", "首席執行官", "首席执行官"},
    {"Average of Non-PEO NEOs", "非首席執行官指定執行官的平均值", "非首席执行官指定执行官的平均值"},
    {"Value of $100 invested (USD)", "100美元投資的價值（美元）", "100美元投资的价值（美元）"},
    {"USD", "美元", "美元"},
    {"USD thousands", "千美元", "千美元"},
    {"USD millions", "百萬美元", "百万美元"},
    /* Workpaper and equity-table column headers, and the other sheet titles. */
    {"Award ID", "獎勵編號", "奖励编号"},
    {"Tranche", "批次", "批次"},
    {"Executive", "高管", "高管"},
    {"Person No.", "人員編號", "人员编号"},
    {"Type", "類型", "类型"},
    {"Condition", "歸屬條件", "归属条件"},
    {"Grant Date", "授予日", "授予日"},
    {"Vest Date", "歸屬日", "归属日"},
    {"Valuation Date", "估值日", "估值日"},
    {"Purpose", "用途", "用途"},
    {"Method", "方法", "方法"},
    {"Stock Price ($)", "股價 ($)", "股价 ($)"},
    {"Price Date", "價格日期", "价格日期"},
    {"Exercise Price ($)", "行權價 ($)", "行权价 ($)"},
    {"Volatility (\u03c3)", "波動率 (\u03c3)", "波动率 (\u03c3)"},
    {"Risk-Free Rate (r)", "無風險利率 (r)", "无风险利率 (r)"},
    {"Dividend Yield (q)", "股息收益率 (q)", "股息收益率 (q)"},
    {"Time to Vest (t_v, Years)", "距歸屬時間 (t_v，年)", "距归属时间 (t_v，年)"},
    {"Time to Expiration (t_c, Years)", "距到期時間 (t_c，年)", "距到期时间 (t_c，年)"},
    {"Expected Term (T, Years)", "預期期限 (T，年)", "预期期限 (T，年)"},
    {"d1", "d1", "d1"},
    {"d2", "d2", "d2"},
    {"N(d1)", "N(d1)", "N(d1)"},
    {"N(d2)", "N(d2)", "N(d2)"},
    {"Probable Outcome", "可能結果", "可能结果"},
    {"Fair Value per Share ($)", "每股公允價值 ($)", "每股公允价值 ($)"},
    {"Shares (#)", "股數 (#)", "股数 (#)"},
    {"Value ($)", "價值 ($)", "价值 ($)"},
    {"Feeds", "計入", "计入"},
    {"Line", "項目", "项目"},
    {"Contribution ($)", "貢獻額 ($)", "贡献额 ($)"},
    {"Source", "來源", "来源"},
    {"Note", "註釋", "注释"},
    {"Monte Carlo Paths", "蒙特卡羅路徑數", "蒙特卡罗路径数"},
    {"Seed", "隨機種子", "随机种子"},
    {"Standard Error ($)", "標準誤差 ($)", "标准误差 ($)"},
    {"Expected Payout", "預期支付比例", "预期支付比例"},
    {"Currency", "貨幣", "货币"},
    {"Rate Date", "匯率日期", "汇率日期"},
    {"Units per USD", "每美元單位數", "每美元单位数"},
    {"Daily Rates Averaged", "平均的每日匯率數", "平均的每日汇率数"},
    {"Date", "日期", "日期"},
    {"Closing Price ($)", "收盤價 ($)", "收盘价 ($)"},
    {"Shares Held (Dividends Reinvested)", "持有股數（股息再投資）", "持有股数（股息再投资）"},
    {"Value of Initial Fixed $100 Investment ($)", "初始固定100美元投資的價值 ($)",
     "初始固定100美元投资的价值 ($)"},
    {"Dividend per Share ($)", "每股股息 ($)", "每股股息 ($)"},
    {"Check", "核對", "核对"},
    {"Severity", "嚴重程度", "严重程度"},
    {"Table", "表格", "表格"},
    {"Subject", "對象", "对象"},
    {"Item", "項目", "项目"},
    {"Published", "已公佈", "已公布"},
    {"Expected", "預期", "预期"},
    {"Difference (Published - Expected)", "差額：\n已公佈－預期", "差额：\n已公布－预期"},
    {"reported.csv Line", "reported.csv 行", "reported.csv 行"},
    {"Component", "組成部分", "组成部分"},
    {"Amount", "金額", "金额"},
    {"Pay Date", "支付日", "支付日"},
    {"Rate", "匯率", "汇率"},
    {"USD ($)", "美元 ($)", "美元 ($)"},
    {"cash.csv Line", "cash.csv 行", "cash.csv 行"},
    {"Role", "角色", "角色"},
    {"Award", "獎勵", "奖励"},
    {"Shares", "股數", "股数"},
    {"Scheduled Vest Date", "計劃歸屬日", "计划归属日"},
    {"Eligible to Retire", "符合退休資格日", "符合退休资格日"},
    {"Treated as Vested On", "視為歸屬日", "视为归属日"},
    {"Name", "姓名", "姓名"},
    {"Number of Securities Underlying Unexercised Options (#) Exercisable",
     "未行使期權所涉證券數量 (#) 可行使", "未行使期权所涉证券数量 (#) 可行使"},
    {"Number of Securities Underlying Unexercised Options (#) Unexercisable",
     "未行使期權所涉證券數量 (#) 不可行使", "未行使期权所涉证券数量 (#) 不可行使"},
    {"Equity Incentive Plan Awards: Number of Securities Underlying Unexercised Unearned Options "
     "(#)(1)",
     "股權激勵計劃獎勵：未行使且未賺取期權所涉證券數量 (#)(1)",
     "股权激励计划奖励：未行使且未赚取期权所涉证券数量 (#)(1)"},
    {"Option Exercise Price ($)", "期權行權價 ($)", "期权行权价 ($)"},
    {"Option Expiration Date", "期權到期日", "期权到期日"},
    {"Number of Shares or Units of Stock That Have Not Vested (#)", "未歸屬股份或股票單位數量 (#)",
     "未归属股份或股票单位数量 (#)"},
    {"Market Value of Shares or Units of Stock That Have Not Vested ($)(2)",
     "未歸屬股份或股票單位的市值 ($)(2)", "未归属股份或股票单位的市值 ($)(2)"},
    {"Equity Incentive Plan Awards: Number of Unearned Shares, Units or Other Rights That Have Not "
     "Vested (#)(1)",
     "股權激勵計劃獎勵：未歸屬且未賺取的股份、單位或其他權利數量 (#)(1)",
     "股权激励计划奖励：未归属且未赚取的股份、单位或其他权利数量 (#)(1)"},
    {"Equity Incentive Plan Awards: Market or Payout Value of Unearned Shares, Units or Other "
     "Rights That Have Not Vested ($)(2)",
     "股權激勵計劃獎勵：未歸屬且未賺取的股份、單位或其他權利的市值或支付價值 ($)(2)",
     "股权激励计划奖励：未归属且未赚取的股份、单位或其他权利的市值或支付价值 ($)(2)"},
    {"Option Awards: Number of Shares Acquired on Exercise (#)", "期權獎勵：行權時取得的股數 (#)",
     "期权奖励：行权时取得的股数 (#)"},
    {"Option Awards: Value Realized on Exercise ($)(1)", "期權獎勵：行權時實現的價值 ($)(1)",
     "期权奖励：行权时实现的价值 ($)(1)"},
    {"Stock Awards: Number of Shares Acquired on Vesting (#)", "股票獎勵：歸屬時取得的股數 (#)",
     "股票奖励：归属时取得的股数 (#)"},
    {"Stock Awards: Value Realized on Vesting ($)(2)", "股票獎勵：歸屬時實現的價值 ($)(2)",
     "股票奖励：归属时实现的价值 ($)(2)"},
    {"Estimated Future Payouts Under Equity Incentive Plan Awards: Threshold (#)",
     "股權激勵計劃獎勵下的預計未來支付：門檻 (#)", "股权激励计划奖励下的预计未来支付：门槛 (#)"},
    {"Estimated Future Payouts Under Equity Incentive Plan Awards: Target (#)",
     "股權激勵計劃獎勵下的預計未來支付：目標 (#)", "股权激励计划奖励下的预计未来支付：目标 (#)"},
    {"Estimated Future Payouts Under Equity Incentive Plan Awards: Maximum (#)",
     "股權激勵計劃獎勵下的預計未來支付：最高 (#)", "股权激励计划奖励下的预计未来支付：最高 (#)"},
    /* Grants of Plan-Based Awards, non-equity incentive plan awards
     * (plan_targets.csv), and their input sheet, Plan Targets. */
    {"Estimated Possible Payouts Under Non-Equity Incentive Plan Awards: Threshold ($)",
     "非股權激勵計劃獎勵下的預計可能支付：門檻 ($)",
     "非股权激励计划奖励下的预计可能支付：门槛 ($)"},
    {"Estimated Possible Payouts Under Non-Equity Incentive Plan Awards: Target ($)",
     "非股權激勵計劃獎勵下的預計可能支付：目標 ($)",
     "非股权激励计划奖励下的预计可能支付：目标 ($)"},
    {"Estimated Possible Payouts Under Non-Equity Incentive Plan Awards: Maximum ($)",
     "非股權激勵計劃獎勵下的預計可能支付：最高 ($)",
     "非股权激励计划奖励下的预计可能支付：最高 ($)"},
    {"Non-equity incentive plan awards: the threshold, target and maximum payouts the plan sets "
     "for the year; an amount set in another currency is converted into US dollars as the "
     "Summary Compensation Table converts cash.",
     "非股權激勵計劃獎勵：計劃為該年度設定的門檻、目標及最高支付額；以其他貨幣設定的金額，按薪酬彙"
     "總表"
     "折算現金的方式折算為美元。",
     "非股权激励计划奖励：计划为该年度设定的门槛、目标及最高支付额；以其他货币设定的金额，按薪酬汇"
     "总表"
     "折算现金的方式折算为美元。"},
    {"Non-Equity Incentive Plan Awards: Threshold, Target and Maximum",
     "非股權激勵計劃獎勵：門檻、目標及最高", "非股权激励计划奖励：门槛、目标及最高"},
    {"Plan", "計劃", "计划"},
    {"Threshold", "門檻", "门槛"},
    {"Target", "目標", "目标"},
    {"Maximum", "最高", "最高"},
    {"Rate per USD", "每美元匯率", "每美元汇率"},
    {"Rate Basis", "匯率依據", "汇率依据"},
    {"Threshold ($)", "門檻 ($)", "门槛 ($)"},
    {"Target ($)", "目標 ($)", "目标 ($)"},
    {"Maximum ($)", "最高 ($)", "最高 ($)"},
    {"US dollars: each amount divided by the rate, rounded to the cent, as cash is converted; "
     "Grants of Plan-Based Awards shows them rounded to the dollar.",
     "美元：各金額除以匯率，四捨五入至美分，與現金的折算方式相同；基於計劃的獎勵授予表按四捨五入至"
     "美元列示。",
     "美元：各金额除以汇率，四舍五入至美分，与现金的折算方式相同；基于计划的奖励授予表按四舍五入至"
     "美元列示。"},
    {"All Other Stock Awards: Number of Shares of Stock or Units (#)",
     "所有其他股票獎勵：股份或單位數量 (#)", "所有其他股票奖励：股份或单位数量 (#)"},
    {"All Other Option Awards: Number of Securities Underlying Options (#)",
     "所有其他期權獎勵：期權所涉證券數量 (#)", "所有其他期权奖励：期权所涉证券数量 (#)"},
    {"Exercise or Base Price of Option Awards ($/Sh)", "期權獎勵的行權價或基準價 ($/股)",
     "期权奖励的行权价或基准价 ($/股)"},
    {"Grant Date Fair Value of Stock and Option Awards ($)(1)",
     "股票和期權獎勵的授予日公允價值 ($)(1)", "股票和期权奖励的授予日公允价值 ($)(1)"},
    {"Audit Notes: Where the Footnote Figures Come From", "審計註釋：腳註數據的來源",
     "审计注释：脚注数据的来源"},
    {"Awards Treated as Vested on Retirement Eligibility", "因符合退休資格而視為歸屬的獎勵",
     "因符合退休资格而视为归属的奖励"},
    {"Grants of Plan-Based Awards", "基於計劃的獎勵授予", "基于计划的奖励授予"},
    {"Option Exercises and Stock Vested", "期權行使和股票歸屬", "期权行使和股票归属"},
    {"Outstanding Equity Awards at Fiscal Year-End", "財年末未償還股權獎勵",
     "财年末未偿还股权奖励"},
    /* Corporate Actions (xlsx/splits.c). */
    {"Stock Splits", "股票分拆", "股票拆分"},
    {"Stock split of %s, %lld new shares for %lld: the closes and dividends dated before it are "
     "prices.csv's multiplied by %lld/%lld (see Corporate Actions).",
     "%s股票分拆，%lld股新股換%lld股舊股：該日之前的收盤價和股息為prices.csv所載數值乘以%lld/%lld"
     "（見Corporate Actions工作表）。",
     "%s股票拆分，%lld股新股换%lld股旧股：该日之前的收盘价和股息为prices.csv所载数值乘以%lld/%lld"
     "（见Corporate Actions工作表）。"},
    {"Split Date", "分拆生效日", "拆分生效日"},
    {"Ratio (New Shares : Old Shares)", "比例（新股 : 舊股）", "比例（新股 : 旧股）"},
    {"Price Factor", "價格調整係數", "价格调整系数"},
    {"Share Factor", "股數調整係數", "股数调整系数"},
    {"Prices Restated (#)", "重述的股價 (#)", "重述的股价 (#)"},
    {"Dividends Restated (#)", "重述的股息 (#)", "重述的股息 (#)"},
    {"Exercises Restated (#)", "重述的行權 (#)", "重述的行权 (#)"},
    {"Fair Values Restated (#)", "重述的公允價值 (#)", "重述的公允价值 (#)"},
    {"Shares Before (#)", "調整前股數 (#)", "调整前股数 (#)"},
    {"Shares After (#)", "調整後股數 (#)", "调整后股数 (#)"},
    {"Exercise Price Before ($)", "調整前行權價 ($)", "调整前行权价 ($)"},
    {"Exercise Price After ($)", "調整後行權價 ($)", "调整后行权价 ($)"},
    {"Grant Date Fair Value per Share Before ($)", "調整前每股授予日公允價值 ($)",
     "调整前每股授予日公允价值 ($)"},
    {"Grant Date Fair Value per Share After ($)", "調整後每股授予日公允價值 ($)",
     "调整后每股授予日公允价值 ($)"},
    {"%zu more restated awards are listed in report.json.", "另有%zu項重述的獎勵列於report.json。",
     "另有%zu项重述的奖励列于report.json。"},
    {"Each split is applied to every figure dated before it, so that total shareholder "
     "return, the equity award tables, the Summary Compensation Table and compensation "
     "actually paid run on one share count: closing prices and dividends are multiplied by "
     "the price factor; an award granted before the split has its shares multiplied by the "
     "share factor and its exercise price, grant date fair value per share and price "
     "hurdles by the price factor; exercises and supplied fair values dated before it "
     "likewise. Figures dated on or after the split date are already in its terms.",
     "每次分拆適用於其生效日之前的所有數據，使股東總回報、股權獎勵表、摘要補償表和實際支付的薪酬"
     "以同一股數計算：收盤價和股息乘以價格調整係數；分拆前授予的獎勵，其股數乘以股數調整係數，"
     "行權價、每股授予日公允價值和股價門檻乘以價格調整係數；分拆前的行權和所提供的公允價值亦同。"
     "分拆生效日當日及之後的數據已按分拆後的口徑列示。",
     "每次拆分适用于其生效日之前的所有数据，使股东总回报、股权奖励表、摘要补偿表和实际支付的薪酬"
     "以同一股数计算：收盘价和股息乘以价格调整系数；拆分前授予的奖励，其股数乘以股数调整系数，"
     "行权价、每股授予日公允价值和股价门槛乘以价格调整系数；拆分前的行权和所提供的公允价值亦同。"
     "拆分生效日当日及之后的数据已按拆分后的口径列示。"},
    {"Per-share figures are rounded to six decimals, half away from zero. "
     "Shares are rounded down to a whole share, as plans do with fractional "
     "shares; the tranches of an award are rounded on their running total, so "
     "they still add up to the award. An equitable adjustment the plan "
     "requires is not a modification (FASB ASC 718-20-35-6).",
     "每股數據四捨五入至小數點後六位。股數向下取整至整股，與計劃處理零碎股的做法一致；"
     "同一獎勵的各批次按累計股數取整，故合計仍等於獎勵總數。計劃所要求的公平調整不屬於修改"
     "（FASB ASC 718-20-35-6）。",
     "每股数据四舍五入至小数点后六位。股数向下取整至整股，与计划处理零碎股的做法一致；"
     "同一奖励的各批次按累计股数取整，故合计仍等于奖励总数。计划所要求的公平调整不属于修改"
     "（FASB ASC 718-20-35-6）。"},
    {"The peer group's prices (peer_prices.csv) are not restated: each peer's "
     "prices are its own, adjusted for its own splits.",
     "同業組的股價（peer_prices.csv）不作重述：各同業公司的股價已按其自身的分拆調整。",
     "同业组的股价（peer_prices.csv）不作重述：各同业公司的股价已按其自身的拆分调整。"},
    /* Equity Award Detail (xlsx/equity_detail.c). */
    {"Equity Award Detail", "股權獎勵明細", "股权奖励明细"},
    {"Step", "步驟", "步骤"},
    {"Figure It Adds To", "計入的數據", "计入的数据"},
    {"Shares Counted (#)", "計入股數 (#)", "计入股数 (#)"},
    {"Expiration Date", "到期日", "到期日"},
    {"Vested", "已歸屬", "已归属"},
    {"Not vested at year end", "財年末未歸屬", "财年末未归属"},
    {"Exercised (deducted)", "已行權（扣除）", "已行权（扣除）"},
    {"Exercised", "已行權", "已行权"},
    {"Year-end market value", "財年末市值", "财年末市值"},
    {"Award terms", "獎勵條款", "奖励条款"},
    {"Grant-date valuation", "授予日估值", "授予日估值"},
    {"Options exercisable (#)", "可行使期權 (#)", "可行使期权 (#)"},
    {"Options unexercisable (#)", "不可行使期權 (#)", "不可行使期权 (#)"},
    {"Unearned options (#)", "未賺取期權 (#)", "未赚取期权 (#)"},
    {"Shares not vested (#)", "未歸屬股份 (#)", "未归属股份 (#)"},
    {"Market value of shares not vested ($)", "未歸屬股份的市值 ($)", "未归属股份的市值 ($)"},
    {"Unearned shares (#)", "未賺取股份 (#)", "未赚取股份 (#)"},
    {"Market value of unearned shares ($)", "未賺取股份的市值 ($)", "未赚取股份的市值 ($)"},
    {"Shares acquired on exercise (#) and value realized ($)",
     "行權時取得的股數 (#) 及實現的價值 ($)", "行权时取得的股数 (#) 及实现的价值 ($)"},
    {"Value realized on exercise ($)", "行權時實現的價值 ($)", "行权时实现的价值 ($)"},
    {"Shares acquired on vesting (#) and value realized ($)",
     "歸屬時取得的股數 (#) 及實現的價值 ($)", "归属时取得的股数 (#) 及实现的价值 ($)"},
    {"Value realized on vesting ($)", "歸屬時實現的價值 ($)", "归属时实现的价值 ($)"},
    {"Threshold (#)", "門檻 (#)", "门槛 (#)"},
    {"Target (#)", "目標 (#)", "目标 (#)"},
    {"Maximum (#)", "最高 (#)", "最高 (#)"},
    {"All other stock awards (#)", "所有其他股票獎勵 (#)", "所有其他股票奖励 (#)"},
    {"All other option awards (#)", "所有其他期權獎勵 (#)", "所有其他期权奖励 (#)"},
    {"Grant date fair value ($)", "授予日公允價值 ($)", "授予日公允价值 ($)"},
    {"%zu more steps are not shown: a sheet holds at most %d rows.",
     "另有%zu個步驟未列示：一個工作表最多容納%d行。",
     "另有%zu个步骤未列示：一个工作表最多容纳%d行。"},
    {"Shares counted: shares x probable outcome, rounded to a whole share (performance "
     "conditions).",
     "計入股數：股數 x 可能結果，四捨五入至整股（業績條件）。",
     "计入股数：股数 x 可能结果，四舍五入至整股（业绩条件）。"},
    {"Value: shares counted x closing price (less the exercise price for an exercise), rounded "
     "to the cent.",
     "價值：計入股數 x 收盤價（行權時減去行權價），四捨五入至美分。",
     "价值：计入股数 x 收盘价（行权时减去行权价），四舍五入至美分。"},
    {"Each equity table figure is the sum of its rows here (dollars rounded) and links to the "
     "first of them.",
     "股權獎勵各表的每個數據均為此處相應各行之和（金額四捨五入至美元），並鏈接至其中第一行。",
     "股权奖励各表的每个数据均为此处相应各行之和（金额四舍五入至美元），并链接至其中第一行。"},
    /* The equity award tables' notes. */
    {"(1) Awards whose vesting depends on a performance or market condition, shown at the number "
     "of shares the company expected to be earned at fiscal year end (the probable outcome of the "
     "condition); a market-condition award with no assessment is shown at target. A "
     "market-condition award whose performance period has ended is earned: its shares earned are "
     "shown as stock not vested until they vest.",
     "(1) "
     "歸屬取決於業績條件或市場條件的獎勵，按公司於財年末預計可賺取的股數（該條件的可能結果）列示；"
     "未經評估的市場條件獎勵按目標數列示。業績期已結束的市場條件獎勵已賺取，其已賺取的股數在歸屬前"
     "列為未歸屬股票。",
     "(1) "
     "归属取决于业绩条件或市场条件的奖励，按公司于财年末预计可赚取的股数（该条件的可能结果）列示；"
     "未经评估的市场条件奖励按目标数列示。业绩期已结束的市场条件奖励已赚取，其已赚取的股数在归属前"
     "列为未归属股票。"},
    {"(2) Market value is the number of shares times $%s, the closing price of our common stock on "
     "%s, the last trading day of fiscal %d.",
     "(2) 市值為股數乘以%s美元，即本公司普通股於%s（%d財年最後一個交易日）的收盤價。",
     "(2) 市值为股数乘以%s美元，即本公司普通股于%s（%d财年最后一个交易日）的收盘价。"},
    {"(2) Market value is the number of shares times the closing price of our common stock on the "
     "last trading day of fiscal %d.",
     "(2) 市值為股數乘以本公司普通股於%d財年最後一個交易日的收盤價。",
     "(2) 市值为股数乘以本公司普通股于%d财年最后一个交易日的收盘价。"},
    {"No equity awards were outstanding at fiscal year end.", "財年末無未償還的股權獎勵。",
     "财年末无未偿还的股权奖励。"},
    {"No options were exercised and no stock vested in fiscal %d.",
     "%d財年無期權行使，亦無股票歸屬。", "%d财年无期权行使，亦无股票归属。"},
    {"(1) The closing price of our common stock on the exercise date less the exercise price, "
     "times the number of shares acquired.",
     "(1) 本公司普通股於行權日的收盤價減去行權價，乘以取得的股數。",
     "(1) 本公司普通股于行权日的收盘价减去行权价，乘以取得的股数。"},
    {"(2) The closing price of our common stock on the vesting date times the number of shares "
     "acquired; for an award with a performance condition, the shares earned at the outcome "
     "assessed on that date.",
     "(2) "
     "本公司普通股於歸屬日的收盤價乘以取得的股數；附業績條件的獎勵，按該日評估的結果所賺取的股數計"
     "算。",
     "(2) "
     "本公司普通股于归属日的收盘价乘以取得的股数；附业绩条件的奖励，按该日评估的结果所赚取的股数计"
     "算。"},
    {"No equity awards were granted in fiscal %d.", "%d財年未授予股權獎勵。",
     "%d财年未授予股权奖励。"},
    {"(1) The grant date fair value of each award computed in accordance with FASB ASC Topic 718, "
     "as reported in the Summary Compensation Table; for an award with a performance condition, at "
     "the probable outcome of the condition on the grant date.",
     "(1) 各獎勵按FASB "
     "ASC第718號主題計算的授予日公允價值，與摘要補償表所列一致；附業績條件的獎勵，按授予日該條件的"
     "可能結果計算。",
     "(1) 各奖励按FASB "
     "ASC第718号主题计算的授予日公允价值，与摘要补偿表所列一致；附业绩条件的奖励，按授予日该条件的"
     "可能结果计算。"},
    /* Director Compensation (Item 402(k); the proxy's 董事薪酬). */
    {"Director Compensation", "董事薪酬", "董事薪酬"},
    {"Fees Earned or Paid in Cash ($)", "以現金賺取或支付的費用 ($)", "以现金赚取或支付的费用 ($)"},
    {"Stock Awards ($)(1)", "股票獎勵 ($)(1)", "股票奖励 ($)(1)"},
    {"Option Awards ($)(1)", "期權獎勵 ($)(1)", "期权奖励 ($)(1)"},
    {"(1) The grant date fair value of the awards granted in the fiscal year, computed in "
     "accordance with FASB ASC Topic 718",
     "(1) 本財年授予的獎勵按FASB ASC第718號主題計算的授予日公允價值",
     "(1) 本财年授予的奖励按FASB ASC第718号主题计算的授予日公允价值"},
    {"%s, %s shares granted on %s, $%s", "%s，%s股，於%s授予，%s美元",
     "%s，%s股，于%s授予，%s美元"},
    {"%s, %s options granted on %s, $%s", "%s，%s份期權，於%s授予，%s美元",
     "%s，%s份期权，于%s授予，%s美元"},
    {": none were granted.", "：無。", "：无。"},
    {": ", "：", "："},
    {"; ", "；", "；"},
    {".", "。", "。"},
    {"(2) Awards outstanding at fiscal year end (unvested stock awards; options and stock "
     "appreciation rights not exercised)",
     "(2) 財年末未償還的獎勵（未歸屬的股票獎勵；未行使的期權和股票增值權）",
     "(2) 财年末未偿还的奖励（未归属的股票奖励；未行使的期权和股票增值权）"},
    {"%s, %s shares of stock and %s options", "%s，%s股股票和%s份期權", "%s，%s股股票和%s份期权"},
    {"The table lists the directors who are not named executive officers; an executive's pay for "
     "service as a director is in the Summary Compensation Table (Item 402(r) of Regulation S-K).",
     "本表列出非指定高管的董事；高管擔任董事的薪酬列於摘要補償表（S-K條例第402(r)項）。",
     "本表列出非指定高管的董事；高管担任董事的薪酬列于摘要补偿表（S-K条例第402(r)项）。"},
    {"The table lists the directors who are not named executive officers; an executive's pay for "
     "service as a director is in the Summary Compensation Table (Item 402(k) of Regulation S-K).",
     "本表列出非指定高管的董事；高管擔任董事的薪酬列於摘要補償表（S-K條例第402(k)項）。",
     "本表列出非指定高管的董事；高管担任董事的薪酬列于摘要补偿表（S-K条例第402(k)项）。"},
    /* The input sheets Assumptions, Outcomes and Award Terms (xlsx/inputs.c). */
    {"Valuation Assumptions", "估值假設", "估值假设"},
    {"Probable Outcomes of Performance Conditions", "業績條件的可能結果", "业绩条件的可能结果"},
    {"Award Terms", "獎勵條款", "奖励条款"},
    {"assumptions.csv Line", "assumptions.csv 行", "assumptions.csv 行"},
    {"outcomes.csv Line", "outcomes.csv 行", "outcomes.csv 行"},
    {"awards.csv Line", "awards.csv 行", "awards.csv 行"},
    {"vesting.csv Lines", "vesting.csv 行", "vesting.csv 行"},
    {"Vesting (Date: Shares)", "歸屬（日期：股數）", "归属（日期：股数）"},
    {"All", "全部", "全部"},
    {"%zu more rows are not shown: a sheet holds at most %d rows; the sheets that use them hold "
     "their figures.",
     "另有%zu行未列示：一個工作表最多容納%d行；使用這些數據的工作表直接載有其數值。",
     "另有%zu行未列示：一个工作表最多容纳%d行；使用这些数据的工作表直接载有其数值。"},
    {"No valuation assumptions were given.", "未提供估值假設。", "未提供估值假设。"},
    {"No probable outcome was given.", "未提供可能結果。", "未提供可能结果。"},
    {"No equity awards were granted.", "未授予股權獎勵。", "未授予股权奖励。"},
    {"Each row of assumptions.csv, once: the Black-Scholes values and the dividend discounts of "
     "Award Valuations refer to these cells; a blank expected term is computed by the "
     "expected_term method of paycalc.json.",
     "assumptions.csv "
     "的每一行，僅列示一次：股權獎勵估值中的布萊克－斯科爾斯估值和股息折讓引用這些儲存格；"
     "預期期限留空時，按 paycalc.json 的 expected_term 方法計算。",
     "assumptions.csv "
     "的每一行，仅列示一次：股权奖励估值中的布莱克－斯科尔斯估值和股息折让引用这些单元格；"
     "预期期限留空时，按 paycalc.json 的 expected_term 方法计算。"},
    {"Each row of outcomes.csv, once: the probable outcome as a fraction of the target shares, "
     "assessed on the date. Award Valuations and Equity Award Detail refer to these cells.",
     "outcomes.csv 的每一行，僅列示一次：於該日評估的可能結果，以目標股數的比例表示。"
     "股權獎勵估值和股權獎勵明細引用這些儲存格。",
     "outcomes.csv 的每一行，仅列示一次：于该日评估的可能结果，以目标股数的比例表示。"
     "股权奖励估值和股权奖励明细引用这些单元格。"},
    {"Each award of awards.csv, once, with its vesting schedule (vesting.csv, or the schedule "
     "laid out from awards.csv): Award Valuations and Equity Award Detail refer to the exercise "
     "prices here.",
     "awards.csv 的每項獎勵，僅列示一次，連同其歸屬時間表（vesting.csv，或按 awards.csv "
     "排定的時間表）："
     "股權獎勵估值和股權獎勵明細引用此處的行權價。",
     "awards.csv 的每项奖励，仅列示一次，连同其归属时间表（vesting.csv，或按 awards.csv "
     "排定的时间表）："
     "股权奖励估值和股权奖励明细引用此处的行权价。"},
    /* The Performance input sheet (xlsx/inputs.c). */
    {"Performance Measures", "績效指標", "绩效指标"},
    {"performance.csv Line", "performance.csv 行", "performance.csv 行"},
    {"No performance figures were given.", "未提供績效數據。", "未提供绩效数据。"},
    {"Each row of performance.csv, once, as given (net income in dollars, the company-selected "
     "measure in its own unit, the peer group TSR as the value of $100): Pay vs Performance "
     "refers to these cells.",
     "performance.csv 的每一行，僅列示一次，按原值列示（淨收入以美元計，公司選定的衡量標準以其"
     "自身單位計，同行組股東總回報以初始100美元投資的價值計）：薪酬與績效表引用這些儲存格。",
     "performance.csv 的每一行，仅列示一次，按原值列示（净收入以美元计，公司选定的衡量标准以其"
     "自身单位计，同行组股东总回报以初始100美元投资的价值计）：薪酬与绩效表引用这些单元格。"},
    /* The Peer Group TSR workpaper (xlsx/peer_tsr.c). */
    {"Peer Group Total Shareholder Return", "同行組股東總回報", "同行组股东总回报"},
    {"Ticker", "股票代碼", "股票代码"},
    {"Units Held", "持有單位", "持有单位"},
    {"Growth of $1", "1美元的增長", "1美元的增长"},
    {"Weight (Market Cap $)", "權重（市值，美元）", "权重（市值，美元）"},
    {"peer_prices.csv Line", "peer_prices.csv 行", "peer_prices.csv 行"},
    {"Base close", "基準收盤價", "基准收盘价"},
    {"Dividend reinvested", "股息再投資", "股息再投资"},
    {"Fiscal %d year end", "%d財年末", "%d财年末"},
    {"A close the peer group TSR needs is missing or past the sheet's end: the values are "
     "paycalc's figures.",
     "同行組股東總回報所需的收盤價缺失或超出工作表範圍：所列數值為 paycalc 的計算結果。",
     "同行组股东总回报所需的收盘价缺失或超出工作表范围：所列数值为 paycalc 的计算结果。"},
    {"The peer group %s, by the method of Item 201(e) of Regulation S-K: each peer's $1 invested "
     "at the base close, dividends reinvested at the ex-date close, weighted by its market cap at "
     "the start of the period (equal weights when no peer has one; none for a single index), as "
     "the value of $100 rounded to the cent. Pay vs Performance refers to the values at the top.",
     "同行組%s，按S-K條例第201(e)項的方法計算：每家同行公司於基準收盤價投資1美元，股息按除息日"
     "收盤價再投資，以期初市值加權（無同行公司提供市值時等權；單一指數不加權），以100美元投資的價值"
     "列示並四捨五入至美分。薪酬與績效表引用上方的數值。",
     "同行组%s，按S-K条例第201(e)项的方法计算：每家同行公司于基准收盘价投资1美元，股息按除息日"
     "收盘价再投资，以期初市值加权（无同行公司提供市值时等权；单一指数不加权），以100美元投资的价值"
     "列示并四舍五入至美分。薪酬与绩效表引用上方的数值。"},
    /* Award Valuations: purposes, methods, what a value feeds, sources and
     * notes (xlsx/detail.c). */
    {"Grant date", "授予日", "授予日"},
    {"Prior fiscal year end", "上一財年末", "上一财年末"},
    {"Fiscal year end", "財年末", "财年末"},
    {"Vesting date", "歸屬日", "归属日"},
    {"Just before the modification", "修改前", "修改前"},
    {"Modified terms", "修改後的條款", "修改后的条款"},
    {"Supplied fair value", "公司提供的公允價值", "公司提供的公允价值"},
    {"Closing stock price", "收盤股價", "收盘股价"},
    {"Closing stock price less dividends not received: price x exp(-q x t_v)",
     "收盤股價減去未收取的股息：股價 x exp(-q x t_v)",
     "收盘股价减去未收取的股息：股价 x exp(-q x t_v)"},
    {"Black-Scholes-Merton", "布萊克-斯科爾斯-默頓模型", "布莱克-斯科尔斯-默顿模型"},
    {"Monte Carlo simulation", "蒙特卡洛模擬", "蒙特卡洛模拟"},
    {"Market condition outcome", "市場條件的實際結果", "市场条件的实际结果"},
    {"Summary Compensation Table (grant-date value)", "摘要補償表（授予日價值）",
     "摘要补偿表（授予日价值）"},
    {"Summary Compensation Table (incremental fair value of a modification)",
     "摘要補償表（修改的增量公允價值）", "摘要补偿表（修改的增量公允价值）"},
    {" (grant_fv_per_share)", "（grant_fv_per_share）", "（grant_fv_per_share）"},
    {"grant_fv_per_share in awards.csv", "awards.csv 的 grant_fv_per_share",
     "awards.csv 的 grant_fv_per_share"},
    {"%zu more valuations are not shown: a sheet holds at most %d rows. The Summary Compensation "
     "and reconciliation figures of their executives' years are values, not formulas; report.json "
     "lists them all.",
     "另有%zu項估值未列示：一個工作表最多容納%"
     "d行。相關高管年度的摘要補償表和調節表數據為數值而非公式；"
     "report.json 列出全部估值。",
     "另有%zu项估值未列示：一个工作表最多容纳%"
     "d行。相关高管年度的摘要补偿表和调节表数据为数值而非公式；"
     "report.json 列出全部估值。"},
    {"No equity awards were valued.", "未對任何股權獎勵進行估值。", "未对任何股权奖励进行估值。"},
    {"Value = shares x fair value per share x probable outcome, rounded to the cent; a model value "
     "uses the unrounded per-share value.",
     "價值 = 股數 x 每股公允價值 x 可能結果，四捨五入至美分；模型估值使用未經四捨五入的每股價值。",
     "价值 = 股数 x 每股公允价值 x 可能结果，四舍五入至美分；模型估值使用未经四舍五入的每股价值。"},
    {"Stock price: the close on the valuation date or the last trading day before it. Rates and "
     "yields are continuously compounded; times are in years of 365 days.",
     "股價：估值日或其前最後一個交易日的收盤價。利率和收益率按連續複利計算；時間以每年365天計。",
     "股价：估值日或其前最后一个交易日的收盘价。利率和收益率按连续复利计算；时间以每年365天计。"},
    {"Monte Carlo simulation (market conditions): the mean discounted payout of the simulated "
     "paths "
     "per target share, with its standard error; the expected payout is the mean payout as a share "
     "of target. Volatility and dividend yield are the company's; report.json lists each peer's "
     "and the correlations.",
     "蒙特卡洛模擬（市場條件）：各模擬路徑每目標股的平均貼現支付額及其標準誤差；預期支付比例為平均"
     "支付額"
     "佔目標的比例。波動率和股息率為本公司的數據；report.json 列出各同行公司的數據及相關係數。",
     "蒙特卡洛模拟（市场条件）：各模拟路径每目标股的平均贴现支付额及其标准误差；预期支付比例为平均"
     "支付额"
     "占目标的比例。波动率和股息率为本公司的数据；report.json 列出各同行公司的数据及相关系数。"},
    /* Exchange Rates and Cash and FX: methods, sources and notes. */
    {"Fiscal-year average", "財年平均匯率", "财年平均汇率"},
    {"Rate on the payment date", "支付日匯率", "支付日汇率"},
    {"Rate on the grant date", "授予日匯率", "授予日汇率"},
    /* Equity Award Detail's award types and conditions (awards.csv's words). */
    {"stock", "股票", "股票"},
    {"option", "期權", "期权"},
    {"sar", "股票增值權", "股票增值权"},
    {"service", "服務", "服务"},
    {"performance", "業績", "业绩"},
    {"market", "市場", "市场"},
    {"Rate at the fiscal year end", "財年末匯率", "财年末汇率"},
    {"published fiscal %d average, %s line %d", "%d財年公佈的平均匯率，%s 第%d行",
     "%d财年公布的平均汇率，%s 第%d行"},
    {"mean of %d daily rates from %s to %s, rounded to 4 decimals, %s lines %d-%d",
     "%d個每日匯率（%s至%s）的平均值，四捨五入至小數點後4位，%s 第%d至%d行",
     "%d个每日汇率（%s至%s）的平均值，四舍五入至小数点后4位，%s 第%d至%d行"},
    {"rate of %s, %s line %d", "%s的匯率，%s 第%d行", "%s的汇率，%s 第%d行"},
    {"%zu more rates are not shown: a sheet holds at most %d rows. report.json lists them all.",
     "另有%zu個匯率未列示：一個工作表最多容納%d行。report.json 列出全部匯率。",
     "另有%zu个汇率未列示：一个工作表最多容纳%d行。report.json 列出全部汇率。"},
    {"Every amount was paid in US dollars: no exchange rate was needed.",
     "所有金額均以美元支付，無需匯率。", "所有金额均以美元支付，无需汇率。"},
    {"An amount in another currency is divided exactly by the rate and rounded to the cent; a mean "
     "of daily rates is rounded to 4 decimals and that rounded rate is used.",
     "以其他貨幣支付的金額按匯率精確相除後四捨五入至美分；每日匯率的平均值四捨五入至小數點後4位，"
     "並使用該四捨五入後的匯率。",
     "以其他货币支付的金额按汇率精确相除后四舍五入至美分；每日汇率的平均值四舍五入至小数点后4位，"
     "并使用该四舍五入后的汇率。"},
    {"US dollars", "美元", "美元"},
    {"%s on %s", "%s（%s）", "%s（%s）"},
    {"%s %d", "%s（%d財年）", "%s（%d财年）"},
    {"Each payment is converted at the rate of its pay date and rounded to the cent; the converted "
     "payments are added up.",
     "每筆支付按其支付日的匯率折算並四捨五入至美分，再將折算後的各筆支付相加。",
     "每笔支付按其支付日的汇率折算并四舍五入至美分，再将折算后的各笔支付相加。"},
    {"The amounts of one executive, year, component and currency are added up and the sum is "
     "converted once, rounded to the cent (a total row when there are several).",
     "同一高管、年度、組成部分和貨幣的金額先行相加，合計一次折算並四捨五入至美分（有多筆時另列合計"
     "行）。",
     "同一高管、年度、组成部分和货币的金额先行相加，合计一次折算并四舍五入至美分（有多笔时另列合计"
     "行）。"},
    {"The Summary Compensation Table's cash columns and the reconciliation's pension and dividend "
     "lines add up the USD column by person number, year and component.",
     "摘要補償表的現金各欄及調節表的養老金和股息各項，按人員編號、年度和組成部分加總美元欄。",
     "摘要补偿表的现金各栏及调节表的养老金和股息各项，按人员编号、年度和组成部分加总美元栏。"},
    {"%zu more cash rows are not shown: a sheet holds at most %d rows. The Summary Compensation "
     "and "
     "reconciliation figures they add up to are values, not formulas; report.json has every "
     "figure.",
     "另有%zu行現金數據未列示：一個工作表最多容納%"
     "d行。其所計入的摘要補償表和調節表數據為數值而非公式；"
     "report.json 載有全部數據。",
     "另有%zu行现金数据未列示：一个工作表最多容纳%"
     "d行。其所计入的摘要补偿表和调节表数据为数值而非公式；"
     "report.json 载有全部数据。"},
    {"No cash compensation for the executives in the years shown.", "所列年度內高管無現金薪酬。",
     "所列年度内高管无现金薪酬。"},
    /* TSR and Prices. */
    {"Base", "基準", "基准"},
    {"Dividend", "股息", "股息"},
    {"Total shareholder return was not computed.", "未計算股東總回報。", "未计算股东总回报。"},
    {"Base: the close of the last trading day before the first covered fiscal year. On each "
     "ex-dividend date the dividend is reinvested at that day's close (shares x (1 + dividend / "
     "close)).",
     "基準：首個涵蓋財年之前最後一個交易日的收盤價。於每個除息日，股息按當日收盤價再投資"
     "（股數 x (1 + 股息 / 收盤價)）。",
     "基准：首个涵盖财年之前最后一个交易日的收盘价。于每个除息日，股息按当日收盘价再投资"
     "（股数 x (1 + 股息 / 收盘价)）。"},
    {"Value = 100 x shares held x closing price / base price, rounded to the cent (Item 201(e) of "
     "Regulation S-K).",
     "價值 = 100 x 持有股數 x 收盤價 / 基準價，四捨五入至美分（S-K條例第201(e)項）。",
     "价值 = 100 x 持有股数 x 收盘价 / 基准价，四舍五入至美分（S-K条例第201(e)项）。"},
    {"Stock Prices Used", "所用股價", "所用股价"},
    {"prices.csv Line", "prices.csv 行", "prices.csv 行"},
    {"%zu more prices are not shown: a sheet holds at most %d rows; the sheets that use them hold "
     "their figures.",
     "另有%zu個股價未列示：一個工作表最多容納%d行；使用這些股價的工作表直接載有其數值。",
     "另有%zu个股价未列示：一个工作表最多容纳%d行；使用这些股价的工作表直接载有其数值。"},
    {"No stock price was used.", "未使用股價。", "未使用股价。"},
    {"Each close and dividend of prices.csv the workbook uses, once: Award Valuations, Equity "
     "Award "
     "Detail and TSR refer to these cells, so an edited close moves the values, the equity award "
     "tables and TSR together.",
     "本工作簿所用 prices.csv "
     "的每個收盤價和股息，僅列示一次：股權獎勵估值、股權獎勵明細和股東總回報"
     "引用這些儲存格，因此修改收盤價會同時改變估值、股權獎勵各表和股東總回報。",
     "本工作簿所用 prices.csv "
     "的每个收盘价和股息，仅列示一次：股权奖励估值、股权奖励明细和股东总回报"
     "引用这些单元格，因此修改收盘价会同时改变估值、股权奖励各表和股东总回报。"},
    /* SCT All Years (xlsx/sct_all.c). */
    {"Summary Compensation, All Covered Years", "摘要補償表：所有涵蓋年度",
     "摘要补偿表：所有涵盖年度"},
    {"%zu more rows are not shown: a sheet holds at most %d rows.",
     "另有%zu行未列示：一個工作表最多容納%d行。", "另有%zu行未列示：一个工作表最多容纳%d行。"},
    {"No named executive officer rows.", "沒有指定執行官的數據行。", "没有指定执行官的数据行。"},
    {"The rows of the years the Summary Compensation Table shows refer to its cells; the earlier "
     "years' rows hold the same formulas, and CAP by Person takes their totals and award columns.",
     "摘要補償表所列年度的各行引用該表的儲存格；較早年度的各行採用相同的公式，CAP by Person "
     "工作表引用其總計和獎勵各欄。",
     "摘要补偿表所列年度的各行引用该表的单元格；较早年度的各行采用相同的公式，CAP by Person "
     "工作表引用其总计和奖励各栏。"},
    {"Every row refers to its cells on the Summary Compensation Table, which shows every covered "
     "year.",
     "每一行均引用摘要補償表中的儲存格，該表列示所有涵蓋年度。",
     "每一行均引用摘要补偿表中的单元格，该表列示所有涵盖年度。"},
    /* Audit Notes' modifications (xlsx/audit.c). */
    {"Incremental fair value of the modification of award %s (%s)",
     "獎勵%s修改的增量公允價值（%s）", "奖励%s修改的增量公允价值（%s）"},
    {"stock awards", "股票獎勵", "股票奖励"},
    {"option awards", "期權獎勵", "期权奖励"},
    /* Equity Award Detail's sources (xlsx/equity_detail.c). */
    {" (schedule)", "（歸屬時間表）", "（归属时间表）"},
    {" (the payout earned)", "（已達成的支付比例）", "（已达成的支付比例）"},
    {"Award Valuations row %ld", "Award Valuations 工作表第%ld行",
     "Award Valuations 工作表第%ld行"},
    /* The Summary Compensation footnote of Instruction 3 to Item
     * 402(c)(2)(v) and (vi): performance awards at their maximum. */
    {" At the highest level of performance, the grant-date fair value of the awards subject to "
     "performance conditions would be: ",
     "假設達到最高績效水平，受績效條件限制的獎勵的授予日公允價值為：",
     "假设达到最高绩效水平，受绩效条件限制的奖励的授予日公允价值为："},
    {"%s, $%s (%d)", "%s，%s美元（%d年）", "%s，%s美元（%d年）"},
    {" Awards for which no maximum number of shares is set are included at target.",
     "未設定最高股數的獎勵按目標水平計入。", "未设定最高股数的奖励按目标水平计入。"},
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
