/*
 * Calendar dates and fiscal years.
 *
 * A date is a count of days since 1970-01-01 (proleptic Gregorian), so the
 * difference of two dates is a number of days. Times for the models are in
 * years of 365 days (SPEC section 5).
 *
 * Fiscal year Y is named by the calendar year in which it ends: with a fiscal
 * year end of 06-30, fiscal 2022 runs from 2021-07-01 to 2022-06-30 (SPEC
 * section 2, paycalc.json).
 */
#ifndef PAYCALC_DATE_H
#define PAYCALC_DATE_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stdint.h>

#include "paycalc/status.h"

typedef int32_t pc_date;

/* "No date" (a blank optional date). */
#define PC_DATE_NONE INT32_MIN

/* Years accepted in dates: wide enough for any filing, narrow enough that
 * day counts never overflow. */
#define PC_YEAR_MIN 1900
#define PC_YEAR_MAX 2200

bool pc_date_valid_ymd(int year, int month, int day);
/* The date of a valid year, month and day. */
pc_date pc_date_from_ymd(int year, int month, int day);
void pc_date_to_ymd(pc_date date, int *year, int *month, int *day);

/* Parses exactly "YYYY-MM-DD". PC_ERR_SYNTAX for any other form,
 * PC_ERR_RANGE for an impossible date (2022-02-30) or a year outside
 * PC_YEAR_MIN..PC_YEAR_MAX. */
pc_status pc_date_parse(const char *text, pc_date *out);

/* Writes "YYYY-MM-DD" into buf (at least 11 bytes); returns buf. */
char *pc_date_format(pc_date date, char *buf);

/* `date` plus `months` months (>= 0), keeping the day of the month, or the
 * month's last day when it has fewer days (2023-01-31 plus 1 is 2023-02-28;
 * SPEC section 13); PC_DATE_NONE past PC_YEAR_MAX. */
pc_date pc_date_add_months(pc_date date, int months);

/* Monday to Friday: the trading days paycalc assumes where prices.csv has
 * none yet (future days of a Monte Carlo window, a scenario's days after
 * the as-of date). */
bool pc_date_is_weekday(pc_date date);

/* (later - earlier) in days / 365: the model time of SPEC section 5. */
double pc_years_between(pc_date earlier, pc_date later);

/* A fiscal year end as month and day (never 02-29). */
typedef struct pc_fiscal_calendar {
    int month; /* 1..12 */
    int day;   /* 1..31 */
} pc_fiscal_calendar;

/* Last day of fiscal year `year`. */
pc_date pc_fiscal_year_end(pc_fiscal_calendar cal, int year);
/* First day of fiscal year `year` (the day after the previous year end). */
pc_date pc_fiscal_year_start(pc_fiscal_calendar cal, int year);
/* The fiscal year a date falls in. */
int pc_fiscal_year_of(pc_fiscal_calendar cal, pc_date date);

PC_API_END

#endif
