/*
 * Internal: the equity award tables of report.json (json/equity.c), each a
 * JSON array streamed into `w` at its key's place.
 */
#ifndef PAYCALC_JSON_EQUITY_H
#define PAYCALC_JSON_EQUITY_H

#include "stream.h"
#include "paycalc/equity.h"
#include "paycalc/model.h"

void pc_json_equity_oea(pc_jw *w, const pc_dataset *ds, const pc_equity_tables *t);
void pc_json_equity_oesv(pc_jw *w, const pc_dataset *ds, const pc_equity_tables *t);
void pc_json_equity_gpba(pc_jw *w, const pc_dataset *ds, const pc_equity_tables *t);

#endif
