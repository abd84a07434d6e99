/*
 * Dates and fiscal years (date.h).
 */
#include <criterion/criterion.h>

#include "paycalc/date.h"
#include "paycalc/status.h"

Test(date, day_counts_round_trip_over_the_supported_range)
{
    pc_date first = pc_date_from_ymd(PC_YEAR_MIN, 1, 1);
    pc_date last = pc_date_from_ymd(PC_YEAR_MAX, 12, 31);
    cr_assert_eq(pc_date_from_ymd(1970, 1, 1), 0);
    for (pc_date d = first; d <= last; d++) {
        int y, m, day;
        pc_date_to_ymd(d, &y, &m, &day);
        cr_assert(pc_date_valid_ymd(y, m, day));
        if (pc_date_from_ymd(y, m, day) != d)
            cr_assert_fail("day %d does not round-trip", d);
    }
}

Test(date, formats_as_iso)
{
    char buf[11];
    cr_assert_str_eq(pc_date_format(pc_date_from_ymd(2027, 9, 26), buf), "2027-09-26");
}

Test(date, model_time_is_days_over_365)
{
    pc_date a = pc_date_from_ymd(2021, 12, 31), b = pc_date_from_ymd(2022, 12, 31);
    cr_assert_float_eq(pc_years_between(a, b), 1.0, 1e-15);
    /* A leap year is 366/365 of a year. */
    a = pc_date_from_ymd(2023, 12, 31);
    b = pc_date_from_ymd(2024, 12, 31);
    cr_assert_float_eq(pc_years_between(a, b), 366.0 / 365.0, 1e-15);
}

Test(date, fiscal_years_are_named_by_the_year_they_end_in)
{
    pc_fiscal_calendar june = {6, 30}, dec = {12, 31};
    cr_assert_eq(pc_fiscal_year_end(june, 2022), pc_date_from_ymd(2022, 6, 30));
    cr_assert_eq(pc_fiscal_year_start(june, 2022), pc_date_from_ymd(2021, 7, 1));
    cr_assert_eq(pc_fiscal_year_of(june, pc_date_from_ymd(2021, 7, 1)), 2022);
    cr_assert_eq(pc_fiscal_year_of(june, pc_date_from_ymd(2022, 6, 30)), 2022);
    cr_assert_eq(pc_fiscal_year_of(june, pc_date_from_ymd(2022, 7, 1)), 2023);
    cr_assert_eq(pc_fiscal_year_start(dec, 2022), pc_date_from_ymd(2022, 1, 1));
    cr_assert_eq(pc_fiscal_year_of(dec, pc_date_from_ymd(2022, 12, 31)), 2022);
    pc_fiscal_calendar feb = {2, 28};
    cr_assert_eq(pc_fiscal_year_start(feb, 2024), pc_date_from_ymd(2023, 3, 1));
    cr_assert_eq(pc_fiscal_year_of(feb, pc_date_from_ymd(2024, 2, 29)), 2025);
}

Test(status, every_code_has_its_own_message)
{
    for (int a = 0; a <= PC_STATUS_LAST; a++) {
        const char *m = pc_status_message((pc_status)a);
        cr_assert_str_neq(m, "unknown status", "code %d", a);
        for (int b = 0; b < a; b++)
            cr_assert_str_neq(m, pc_status_message((pc_status)b), "codes %d and %d", a, b);
    }
}

Test(date, adding_months_keeps_the_day_or_takes_the_months_last)
{
    cr_assert_eq(pc_date_add_months(pc_date_from_ymd(2023, 1, 31), 1),
                 pc_date_from_ymd(2023, 2, 28));
    cr_assert_eq(pc_date_add_months(pc_date_from_ymd(2024, 1, 31), 1),
                 pc_date_from_ymd(2024, 2, 29));
    cr_assert_eq(pc_date_add_months(pc_date_from_ymd(2023, 1, 31), 2),
                 pc_date_from_ymd(2023, 3, 31));
    cr_assert_eq(pc_date_add_months(pc_date_from_ymd(2022, 5, 30), 6),
                 pc_date_from_ymd(2022, 11, 30));
    cr_assert_eq(pc_date_add_months(pc_date_from_ymd(2021, 12, 15), 0),
                 pc_date_from_ymd(2021, 12, 15));
    cr_assert_eq(pc_date_add_months(pc_date_from_ymd(2020, 8, 31), 1200),
                 pc_date_from_ymd(2120, 8, 31));
    cr_assert_eq(pc_date_add_months(pc_date_from_ymd(2200, 11, 30), 1),
                 pc_date_from_ymd(2200, 12, 30));
    cr_assert_eq(pc_date_add_months(pc_date_from_ymd(2200, 12, 31), 1), PC_DATE_NONE);
}
