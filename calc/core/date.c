/*
 * Calendar arithmetic on day counts (Howard Hinnant's civil-date algorithms,
 * "chrono-Compatible Low-Level Date Algorithms"), and fiscal years.
 */
#include "paycalc/date.h"

#include <string.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool pc_date_valid_ymd(int year, int month, int day)
{
    return year >= PC_YEAR_MIN && year <= PC_YEAR_MAX && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

pc_date pc_date_add_months(pc_date date, int months)
{
    int y, m, d;
    pc_date_to_ymd(date, &y, &m, &d);
    long index = (long)y * 12 + (m - 1) + months;
    long year = index / 12;
    int month = (int)(index % 12) + 1;
    if (year > PC_YEAR_MAX)
        return PC_DATE_NONE;
    int last = days_in_month((int)year, month);
    return pc_date_from_ymd((int)year, month, d < last ? d : last);
}

pc_date pc_date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void pc_date_to_ymd(pc_date date, int *year, int *month, int *day)
{
    int z = date + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    *year = y + (m <= 2);
    *month = m;
    *day = d;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

pc_status pc_date_parse(const char *text, pc_date *out)
{
    *out = PC_DATE_NONE;
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return PC_ERR_SYNTAX;
    int y = digits(text, 4), m = digits(text + 5, 2), d = digits(text + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return PC_ERR_SYNTAX;
    if (!pc_date_valid_ymd(y, m, d))
        return PC_ERR_RANGE;
    *out = pc_date_from_ymd(y, m, d);
    return PC_OK;
}

char *pc_date_format(pc_date date, char *buf)
{
    int y, m, d;
    pc_date_to_ymd(date, &y, &m, &d);
    /* Years are within PC_YEAR_MIN..PC_YEAR_MAX for every date we make. */
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
    buf[0] = (char)('0' + uy / 1000);
    buf[1] = (char)('0' + uy / 100 % 10);
    buf[2] = (char)('0' + uy / 10 % 10);
    buf[3] = (char)('0' + uy % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + um / 10);
    buf[6] = (char)('0' + um % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + ud / 10);
    buf[9] = (char)('0' + ud % 10);
    buf[10] = '\0';
    return buf;
}

bool pc_date_is_weekday(pc_date date)
{
    return ((date % 7) + 7 + 3) % 7 < 5; /* 1970-01-01, day 0, was a Thursday */
}

double pc_years_between(pc_date earlier, pc_date later)
{
    return (double)((int64_t)later - earlier) / 365.0;
}

pc_date pc_fiscal_year_end(pc_fiscal_calendar cal, int year)
{
    return pc_date_from_ymd(year, cal.month, cal.day);
}

pc_date pc_fiscal_year_start(pc_fiscal_calendar cal, int year)
{
    return pc_fiscal_year_end(cal, year - 1) + 1;
}

int pc_fiscal_year_of(pc_fiscal_calendar cal, pc_date date)
{
    int y, m, d;
    pc_date_to_ymd(date, &y, &m, &d);
    return date <= pc_fiscal_year_end(cal, y) ? y : y + 1;
}
