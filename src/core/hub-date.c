/* hub-date.c: the one hand-written parser of the project, timestamps to day numbers
 *
 * GLib's ISO 8601 parser refuses the spaced forms seen in real files
 * ("2026-06-01 T00:00:00.000 Z") and one GDateTime per row is slow for
 * millions of rows, so DESIGN.md asks for this small parser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-date.h"

static gboolean
is_leap (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && is_leap (year) ? 29 : days[month - 1];
}

gboolean
hub_day_is_valid_date (int year,
                       int month,
                       int day)
{
  return year >= 1 && year <= 9999 &&
         month >= 1 && month <= 12 &&
         day >= 1 && day <= days_in_month (year, month);
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
HubDay
hub_day_from_ymd (int year,
                  int month,
                  int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
hub_day_to_ymd (HubDay  day,
                int    *year,
                int    *month,
                int    *mday)
{
  int z = day + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp < 10 ? mp + 3 : mp - 9;

  if (year)
    *year = yoe + era * 400 + (m <= 2);
  if (month)
    *month = m;
  if (mday)
    *mday = d;
}

void
hub_day_format (HubDay day,
                char   buf[HUB_DAY_ISO_LEN])
{
  int y, m, d;

  hub_day_to_ymd (day, &y, &m, &d);
  g_snprintf (buf, HUB_DAY_ISO_LEN, "%04d-%02d-%02d", y, m, d);
}

/* 1 = Monday … 7 = Sunday, as ISO 8601 and GDateTime count. */
int
hub_day_weekday (HubDay day)
{
  /* 1970-01-01 was a Thursday (4). */
  int r = (day + 3) % 7;

  if (r < 0)
    r += 7;
  return r + 1;
}

HubDay
hub_day_week_start (HubDay day)
{
  return day - (hub_day_weekday (day) - 1);
}

HubDay
hub_day_month_start (HubDay day)
{
  int y, m;

  hub_day_to_ymd (day, &y, &m, NULL);
  return hub_day_from_ymd (y, m, 1);
}

HubDay
hub_day_next_month (HubDay day)
{
  int y, m;

  hub_day_to_ymd (day, &y, &m, NULL);
  return m == 12 ? hub_day_from_ymd (y + 1, 1, 1) : hub_day_from_ymd (y, m + 1, 1);
}

GDateTime *
hub_day_to_date_time (HubDay day)
{
  int y, m, d;

  hub_day_to_ymd (day, &y, &m, &d);
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

static gboolean
read_digits (const char **p,
             const char  *end,
             int          n,
             int         *out)
{
  int v = 0;

  if (end - *p < n)
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      char c = (*p)[i];

      if (c < '0' || c > '9')
        return FALSE;
      v = v * 10 + (c - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

static void
skip_spaces (const char **p,
             const char  *end)
{
  while (*p < end && **p == ' ')
    (*p)++;
}

/* What may follow the date: [ ]T|space[ ]HH:MM:SS[.fff][ ][Z|±HH:MM]. p is
 * just past the date; the result is the days to add for the UTC date (−1, 0
 * or 1), or G_MININT when the text is not a time. */
static int
parse_time (const char *p,
            const char *end)
{
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;
  int minutes;

  skip_spaces (&p, end);
  if (p == end)
    return 0;

  if (*p == 'T')
    {
      p++;
      skip_spaces (&p, end);
    }
  else if (p[-1] != ' ')
    return G_MININT;

  if (!read_digits (&p, end, 2, &hour) || p == end || *p++ != ':' ||
      !read_digits (&p, end, 2, &minute) || p == end || *p++ != ':' ||
      !read_digits (&p, end, 2, &second))
    return G_MININT;
  if (hour > 23 || minute > 59 || second > 60)
    return G_MININT;

  if (p < end && *p == '.')
    {
      p++;
      if (p == end || *p < '0' || *p > '9')
        return G_MININT;
      while (p < end && *p >= '0' && *p <= '9')
        p++;
    }

  skip_spaces (&p, end);
  if (p < end && *p == 'Z')
    p++;
  else if (p < end && (*p == '+' || *p == '-'))
    {
      int sign = *p++ == '-' ? -1 : 1;
      int oh, om;

      if (!read_digits (&p, end, 2, &oh))
        return G_MININT;
      if (p < end && *p == ':')
        p++;
      if (!read_digits (&p, end, 2, &om) || oh > 23 || om > 59)
        return G_MININT;
      offset_minutes = sign * (oh * 60 + om);
    }
  skip_spaces (&p, end);
  if (p != end)
    return G_MININT;

  /* Local time minus the offset is UTC; it may cross midnight either way. */
  minutes = hour * 60 + minute - offset_minutes;
  return minutes < 0 ? -1 : minutes >= 24 * 60 ? 1 : 0;
}

/* An offset may move the first or last day out of years 1 … 9999, where no
 * date could be written back. */
static gboolean
set_day (HubDay  day,
         HubDay *out_day)
{
  if (day < HUB_DAY_FIRST || day > HUB_DAY_LAST)
    return FALSE;
  *out_day = day;
  return TRUE;
}

/* YYYY-MM-DD, then optionally a time (see parse_time()). */
gboolean
hub_day_parse_timestamp (const char *text,
                         gsize       len,
                         HubDay     *out_day)
{
  const char *p = text;
  const char *end = text + len;
  int year, month, mday;
  int shift;

  if (!read_digits (&p, end, 4, &year) || p == end || *p++ != '-' ||
      !read_digits (&p, end, 2, &month) || p == end || *p++ != '-' ||
      !read_digits (&p, end, 2, &mday))
    return FALSE;

  if (!hub_day_is_valid_date (year, month, mday))
    return FALSE;

  shift = parse_time (p, end);
  if (shift == G_MININT)
    return FALSE;

  return set_day (hub_day_from_ymd (year, month, mday) + shift, out_day);
}

/* Consecutive rows mostly share their month: its "YYYY-MM-" is compared
 * instead of computing the date again. The same answers as
 * hub_day_parse_timestamp(), for less work a row. */
gboolean
hub_day_parse_timestamp_cached (HubDayCache *cache,
                                const char  *text,
                                gsize        len,
                                HubDay      *out_day)
{
  int year, month, mday, shift;
  const char *p = text;

  if (cache->month_days > 0 && len >= 10 && memcmp (text, cache->prefix, sizeof cache->prefix) == 0)
    {
      p += sizeof cache->prefix;
      if (!read_digits (&p, text + len, 2, &mday) || mday < 1 || mday > cache->month_days)
        return FALSE;
      shift = parse_time (p, text + len);
      if (shift == G_MININT)
        return FALSE;
      return set_day (cache->month_start + (mday - 1) + shift, out_day);
    }

  if (!hub_day_parse_timestamp (text, len, out_day))
    return FALSE;

  /* Valid, so it starts with "YYYY-MM-". */
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  memcpy (cache->prefix, text, sizeof cache->prefix);
  cache->month_start = hub_day_from_ymd (year, month, 1);
  cache->month_days = days_in_month (year, month);
  return TRUE;
}

gint64
hub_date_time_to_usec (GDateTime *date_time)
{
  if (date_time == NULL)
    return g_get_real_time ();
  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC + g_date_time_get_microsecond (date_time);
}

GDateTime *
hub_date_time_new_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = NULL;

  if (usec < 0)
    return NULL;
  seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (seconds == NULL)
    return NULL;
  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}
