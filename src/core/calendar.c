/* calendar.c: proleptic Gregorian day arithmetic, the base for date normalisation. */
#include "internal.h"

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int sr_days_in_month(int year, int month)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return dim[month - 1] + (month == 2 && leap(year));
}

bool sr_ymd_valid(sr_ymd d)
{
    return d.year >= 1 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= sr_days_in_month(d.year, d.month);
}

/* Howard Hinnant's days_from_civil algorithm (public-domain arithmetic). */
int32_t sr_ymd_to_days(sr_ymd d)
{
    int y = d.year - (d.month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (d.month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + d.day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

sr_ymd sr_days_to_ymd(int32_t z)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    sr_ymd r = {(int16_t)(y + (m <= 2)), (int8_t)m, (int8_t)d};
    return r;
}

int sr_ymd_weekday(sr_ymd d)
{
    int32_t days = sr_ymd_to_days(d); /* 1970-01-01 was a Thursday (3) */
    int w = (int)((days % 7 + 7 + 3) % 7);
    return w;
}

static int digits(const char *s, size_t n, size_t at, size_t k)
{
    if (at + k > n)
        return -1;
    int v = 0;
    for (size_t i = at; i < at + k; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

sr_status sr_ymd_parse(const char *s, size_t n, sr_ymd *out)
{
    int y = digits(s, n, 0, 4), m = digits(s, n, 5, 2), d = digits(s, n, 8, 2);
    if (y < 0 || m < 0 || d < 0 || s[4] != '-' || s[7] != '-')
        return SR_DATE;
    if (n > 10 && s[10] != 'T' && s[10] != ' ')
        return SR_DATE;
    sr_ymd r = {(int16_t)y, (int8_t)m, (int8_t)d};
    if (!sr_ymd_valid(r))
        return SR_DATE;
    *out = r;
    return SR_OK;
}
