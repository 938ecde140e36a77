/* hub-date.c: the one hand-written parser of the project, timestamps to day numbers
 *
 * GLib's ISO 8601 parser refuses the spaced forms seen in real files
 * ("2026-06-01 T00:00:00.000 Z") and one GDateTime per row is slow for
 * millions of rows, so DESIGN.md asks for this small parser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

/* YYYY-MM-DD, then optionally [ ]T|space[ ]HH:MM:SS[.fff][ ][Z|±HH:MM]. */
gboolean
hub_day_parse_timestamp (const char *text,
                         gsize       len,
                         HubDay     *out_day)
{
  const char *p = text;
  const char *end = text + len;
  int year, month, mday;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;
  HubDay day;

  if (!read_digits (&p, end, 4, &year) || p == end || *p++ != '-' ||
      !read_digits (&p, end, 2, &month) || p == end || *p++ != '-' ||
      !read_digits (&p, end, 2, &mday))
    return FALSE;

  if (!hub_day_is_valid_date (year, month, mday))
    return FALSE;

  skip_spaces (&p, end);
  if (p < end)
    {
      if (*p == 'T')
        {
          p++;
          skip_spaces (&p, end);
        }
      else if (p[-1] != ' ')
        return FALSE;

      if (!read_digits (&p, end, 2, &hour) || p == end || *p++ != ':' ||
          !read_digits (&p, end, 2, &minute) || p == end || *p++ != ':' ||
          !read_digits (&p, end, 2, &second))
        return FALSE;
      if (hour > 23 || minute > 59 || second > 60)
        return FALSE;

      if (p < end && *p == '.')
        {
          p++;
          if (p == end || *p < '0' || *p > '9')
            return FALSE;
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
            return FALSE;
          if (p < end && *p == ':')
            p++;
          if (!read_digits (&p, end, 2, &om) || oh > 23 || om > 59)
            return FALSE;
          offset_minutes = sign * (oh * 60 + om);
        }
      skip_spaces (&p, end);
      if (p != end)
        return FALSE;
    }

  day = hub_day_from_ymd (year, month, mday);
  if (offset_minutes != 0)
    {
      /* Local time minus the offset is UTC; it may cross midnight either way. */
      int minutes = hour * 60 + minute - offset_minutes;

      if (minutes < 0)
        day -= 1;
      else if (minutes >= 24 * 60)
        day += 1;
    }

  *out_day = day;
  return TRUE;
}
