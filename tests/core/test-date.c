/* test-date.c: day numbers, the calendar, and the timestamps DESIGN.md accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-core.h"

static HubDay
ymd (int y,
     int m,
     int d)
{
  g_assert_true (hub_day_is_valid_date (y, m, d));
  return hub_day_from_ymd (y, m, d);
}

static gboolean
parse (const char *text,
       HubDay     *day)
{
  return hub_day_parse_timestamp (text, strlen (text), day);
}

static void
assert_parses_to (const char *text,
                  HubDay      expected)
{
  HubDay day = HUB_DAY_NONE;

  if (!parse (text, &day))
    g_error ("“%s” was refused", text);
  g_assert_cmpint (day, ==, expected);
}

static void
assert_refused (const char *text)
{
  HubDay day = 12345;

  if (parse (text, &day))
    g_error ("“%s” was accepted", text);
  g_assert_cmpint (day, ==, 12345);
}

static void
test_epoch (void)
{
  int y, m, d;

  g_assert_cmpint (hub_day_from_ymd (1970, 1, 1), ==, 0);
  g_assert_cmpint (hub_day_from_ymd (1969, 12, 31), ==, -1);
  g_assert_cmpint (hub_day_from_ymd (2000, 3, 1), ==, 11017);
  hub_day_to_ymd (-1, &y, &m, &d);
  g_assert_cmpint (y, ==, 1969);
  g_assert_cmpint (m, ==, 12);
  g_assert_cmpint (d, ==, 31);
}

/* Every day of years 1…9999 and back: consecutive numbers, exact dates. */
static void
test_round_trip (void)
{
  HubDay expected = hub_day_from_ymd (1, 1, 1);

  for (int y = 1; y <= 9999; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; hub_day_is_valid_date (y, m, d); d++)
        {
          int yy, mm, dd;

          g_assert_cmpint (hub_day_from_ymd (y, m, d), ==, expected);
          hub_day_to_ymd (expected, &yy, &mm, &dd);
          g_assert_true (yy == y && mm == m && dd == d);
          expected++;
        }
  g_assert_cmpint (expected - hub_day_from_ymd (1, 1, 1), ==, 3652059);
}

static void
test_agrees_with_gdatetime (void)
{
  /* GDateTime spans years 1 … 9999, as day numbers do. */
  for (HubDay day = -719162; day <= 2932896; day += 997)
    {
      g_autoptr(GDateTime) dt = hub_day_to_date_time (day);
      int y, m, d;

      hub_day_to_ymd (day, &y, &m, &d);
      g_assert_cmpint (g_date_time_get_year (dt), ==, y);
      g_assert_cmpint (g_date_time_get_month (dt), ==, m);
      g_assert_cmpint (g_date_time_get_day_of_month (dt), ==, d);
      g_assert_cmpint (g_date_time_get_day_of_week (dt), ==, hub_day_weekday (day));
      g_assert_cmpint (g_date_time_to_unix (dt), ==, (gint64) day * 86400);
    }
}

static void
test_leap_years (void)
{
  g_assert_true (hub_day_is_valid_date (2024, 2, 29));
  g_assert_true (hub_day_is_valid_date (2000, 2, 29));
  g_assert_false (hub_day_is_valid_date (1900, 2, 29));
  g_assert_false (hub_day_is_valid_date (2100, 2, 29));
  g_assert_false (hub_day_is_valid_date (2025, 2, 29));
  g_assert_cmpint (ymd (2024, 3, 1) - ymd (2024, 2, 28), ==, 2);
  g_assert_cmpint (ymd (2025, 3, 1) - ymd (2025, 2, 28), ==, 1);
  g_assert_cmpint (ymd (2025, 1, 1) - ymd (2024, 1, 1), ==, 366);
  g_assert_cmpint (ymd (1901, 1, 1) - ymd (1900, 1, 1), ==, 365);
}

static void
test_valid_dates (void)
{
  g_assert_false (hub_day_is_valid_date (2026, 0, 1));
  g_assert_false (hub_day_is_valid_date (2026, 13, 1));
  g_assert_false (hub_day_is_valid_date (2026, 4, 31));
  g_assert_false (hub_day_is_valid_date (2026, 1, 0));
  g_assert_false (hub_day_is_valid_date (2026, 1, 32));
  g_assert_false (hub_day_is_valid_date (0, 1, 1));
  g_assert_false (hub_day_is_valid_date (10000, 1, 1));
  g_assert_true (hub_day_is_valid_date (2026, 12, 31));
  g_assert_true (hub_day_is_valid_date (1, 1, 1));
  g_assert_true (hub_day_is_valid_date (9999, 12, 31));
}

static void
test_weekday (void)
{
  g_assert_cmpint (hub_day_weekday (0), ==, 4);                  /* Thursday */
  g_assert_cmpint (hub_day_weekday (-1), ==, 3);
  g_assert_cmpint (hub_day_weekday (ymd (2026, 11, 23)), ==, 1); /* Monday */
  g_assert_cmpint (hub_day_weekday (ymd (2026, 11, 22)), ==, 7); /* Sunday */
}

/* ISO weeks start on Monday, also across a year's end. */
static void
test_week_start (void)
{
  g_assert_cmpint (hub_day_week_start (ymd (2021, 1, 1)), ==, ymd (2020, 12, 28));
  g_assert_cmpint (hub_day_week_start (ymd (2021, 1, 3)), ==, ymd (2020, 12, 28));
  g_assert_cmpint (hub_day_week_start (ymd (2021, 1, 4)), ==, ymd (2021, 1, 4));
  g_assert_cmpint (hub_day_week_start (ymd (2024, 12, 31)), ==, ymd (2024, 12, 30));
  g_assert_cmpint (hub_day_week_start (ymd (2024, 3, 3)), ==, ymd (2024, 2, 26));
  g_assert_cmpint (hub_day_week_start (-1), ==, -3);
}

static void
test_month_start (void)
{
  g_assert_cmpint (hub_day_month_start (ymd (2024, 2, 29)), ==, ymd (2024, 2, 1));
  g_assert_cmpint (hub_day_month_start (ymd (2026, 12, 31)), ==, ymd (2026, 12, 1));
  g_assert_cmpint (hub_day_month_start (ymd (2026, 1, 1)), ==, ymd (2026, 1, 1));
  g_assert_cmpint (hub_day_next_month (ymd (2026, 12, 15)), ==, ymd (2027, 1, 1));
  g_assert_cmpint (hub_day_next_month (ymd (2024, 1, 31)), ==, ymd (2024, 2, 1));
  g_assert_cmpint (hub_day_next_month (ymd (2024, 2, 29)), ==, ymd (2024, 3, 1));
}

static void
test_format (void)
{
  char buf[HUB_DAY_ISO_LEN];

  hub_day_format (ymd (2026, 11, 21), buf);
  g_assert_cmpstr (buf, ==, "2026-11-21");
  hub_day_format (ymd (1, 1, 1), buf);
  g_assert_cmpstr (buf, ==, "0001-01-01");
  hub_day_format (ymd (9999, 12, 31), buf);
  g_assert_cmpstr (buf, ==, "9999-12-31");
}

static void
test_parse_date_only (void)
{
  assert_parses_to ("2026-06-01", ymd (2026, 6, 1));
}

static void
test_parse_t_separator (void)
{
  assert_parses_to ("2026-06-01T00:00:00", ymd (2026, 6, 1));
}

static void
test_parse_space_separator (void)
{
  assert_parses_to ("2026-06-01 00:00:00", ymd (2026, 6, 1));
}

static void
test_parse_fraction (void)
{
  assert_parses_to ("2026-06-01T00:00:00.000", ymd (2026, 6, 1));
  assert_parses_to ("2026-06-01T00:00:00.123456789", ymd (2026, 6, 1));
}

static void
test_parse_zulu (void)
{
  assert_parses_to ("2026-06-01T00:00:00.000Z", ymd (2026, 6, 1));
  assert_parses_to ("2026-06-01T00:00:00Z", ymd (2026, 6, 1));
}

static void
test_parse_utc_offset (void)
{
  assert_parses_to ("2026-06-01T00:00:00+00:00", ymd (2026, 6, 1));
  assert_parses_to ("2026-06-01T00:00:00.000+00:00", ymd (2026, 6, 1));
}

/* As seen in files in the wild. */
static void
test_parse_spaced (void)
{
  assert_parses_to ("2026-06-01 T00:00:00.000 Z", ymd (2026, 6, 1));
  assert_parses_to ("2026-06-01 T 00:00:00 Z", ymd (2026, 6, 1));
  assert_parses_to ("2026-06-01T00:00:00 +00:00", ymd (2026, 6, 1));
}

/* Another offset is converted to UTC, which may be the day before or after. */
static void
test_parse_other_offset (void)
{
  assert_parses_to ("2026-06-01T00:00:00+02:00", ymd (2026, 5, 31));
  assert_parses_to ("2026-06-01T02:00:00+02:00", ymd (2026, 6, 1));
  assert_parses_to ("2026-06-01T01:59:59+02:00", ymd (2026, 5, 31));
  assert_parses_to ("2026-06-01T22:00:00-02:00", ymd (2026, 6, 2));
  assert_parses_to ("2026-06-01T21:59:59-02:00", ymd (2026, 6, 1));
  assert_parses_to ("2026-12-31T23:30:00-05:30", ymd (2027, 1, 1));
  assert_parses_to ("2024-03-01T00:30:00+01:00", ymd (2024, 2, 29));
  assert_parses_to ("2026-06-01T00:00:00+0200", ymd (2026, 5, 31));
}

/* A time other than midnight counts for its UTC date. */
static void
test_parse_not_midnight (void)
{
  assert_parses_to ("2026-06-01T23:59:59Z", ymd (2026, 6, 1));
  assert_parses_to ("2026-06-01T12:00:00", ymd (2026, 6, 1));
  assert_parses_to ("2026-06-30T23:59:60Z", ymd (2026, 6, 30));
}

static void
test_parse_impossible_dates (void)
{
  assert_refused ("2026-02-30");
  assert_refused ("2025-02-29");
  assert_refused ("1900-02-29");
  assert_refused ("2026-13-01");
  assert_refused ("2026-00-10");
  assert_refused ("2026-04-31");
  assert_refused ("2026-01-00");
  assert_refused ("0000-01-01");
}

static void
test_parse_impossible_times (void)
{
  assert_refused ("2026-06-01T24:00:00Z");
  assert_refused ("2026-06-01T23:60:00Z");
  assert_refused ("2026-06-01T23:00:61Z");
  assert_refused ("2026-06-01T00:00:00+24:00");
  assert_refused ("2026-06-01T00:00:00+02:60");
}

/* The UTC date must lie in years 1 … 9999, where it can be written back. */
static void
test_parse_range (void)
{
  g_assert_cmpint (HUB_DAY_FIRST, ==, hub_day_from_ymd (1, 1, 1));
  g_assert_cmpint (HUB_DAY_LAST, ==, hub_day_from_ymd (9999, 12, 31));
  assert_parses_to ("0001-01-01T00:00:00Z", HUB_DAY_FIRST);
  assert_parses_to ("9999-12-31T23:59:59Z", HUB_DAY_LAST);
  assert_refused ("0001-01-01T00:00:00+01:00");
  assert_refused ("9999-12-31T23:00:00-02:00");
}

static void
test_parse_malformed (void)
{
  const char *texts[] = {
    "", " ", "2026", "2026-06", "2026-6-1", "26-06-01", "2026/06/01", "20260601",
    "2026-06-01T", "2026-06-01T00:00", "2026-06-01X00:00:00", "2026-06-0100:00:00",
    "2026-06-01T00:00:00.", "2026-06-01T00:00:00z", "2026-06-01T00:00:00Zx",
    "2026-06-01T00:00:00+02", "2026-06-01T00:00:00 junk", "+2026-06-01", "2026-06-01T0:00:00",
    "2026-06-01T00:00:00ZZ", "2026-06-01\n", "today",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_refused (texts[i]);
}

/* The length bounds the text: nothing past it is read. */
static void
test_parse_length (void)
{
  HubDay day;

  g_assert_true (hub_day_parse_timestamp ("2026-06-01garbage", 10, &day));
  g_assert_cmpint (day, ==, ymd (2026, 6, 1));
  g_assert_false (hub_day_parse_timestamp ("2026-06-01", 9, &day));
}

/* The cached parser gives the plain one's answers, in any order of texts:
 * the same month, the next, a refused day in a remembered month. */
static void
test_parse_cached (void)
{
  const char *suffixes[] = {
    "", "T00:00:00.000Z", " 23:59:59", "T00:30:00+02:00", "T23:30:00-01:00", " T00:00:00.000 Z",
    "T", "x", "T25:00:00",
  };
  const char *odd[] = { "2024-02-30", "2024-02-3", "2024-02-", "2024-02-00", "2024-02-29",
                        "2025-02-29", "2024-02-2a", "2024-02-290" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  HubDayCache cache = { 0 };

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *text = NULL;
      HubDay plain = 1, cached = 2;
      gboolean plain_ok, cached_ok;

      if (g_rand_int_range (rand, 0, 10) == 0)
        text = g_strdup (odd[g_rand_int_range (rand, 0, G_N_ELEMENTS (odd))]);
      else
        {
          char iso[HUB_DAY_ISO_LEN];

          hub_day_format (hub_day_from_ymd (2023, 12, 1) + g_rand_int_range (rand, 0, 120), iso);
          text = g_strconcat (iso, suffixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (suffixes))],
                              NULL);
        }
      plain_ok = hub_day_parse_timestamp (text, strlen (text), &plain);
      cached_ok = hub_day_parse_timestamp_cached (&cache, text, strlen (text), &cached);
      g_assert_cmpint (plain_ok, ==, cached_ok);
      if (plain_ok)
        g_assert_cmpint (plain, ==, cached);
    }
}

/* The files' moments (the cache's whoami, the dataset file's fetch time)
 * round-trip to the microsecond; NULL is now; a moment no fetch can have
 * had reads back as NULL. */
static void
test_usec (void)
{
  g_autoptr(GDateTime) moment = g_date_time_new_utc (2026, 11, 21, 13, 45, 6.25);
  g_autoptr(GDateTime) back = NULL;
  gint64 before = g_get_real_time ();
  gint64 usec = hub_date_time_to_usec (moment);

  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1795268706250000));
  back = hub_date_time_new_from_usec (usec);
  g_assert_nonnull (back);
  g_assert_true (g_date_time_equal (back, moment));
  g_assert_cmpint (g_date_time_get_microsecond (back), ==, 250000);

  usec = hub_date_time_to_usec (NULL);
  g_assert_cmpint (usec, >=, before);
  g_assert_cmpint (usec, <=, g_get_real_time ());

  g_assert_null (hub_date_time_new_from_usec (-1));
  g_assert_null (hub_date_time_new_from_usec (G_MAXINT64));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/date/epoch", test_epoch);
  g_test_add_func ("/core/date/round-trip", test_round_trip);
  g_test_add_func ("/core/date/agrees-with-gdatetime", test_agrees_with_gdatetime);
  g_test_add_func ("/core/date/leap-years", test_leap_years);
  g_test_add_func ("/core/date/valid-dates", test_valid_dates);
  g_test_add_func ("/core/date/weekday", test_weekday);
  g_test_add_func ("/core/date/week-start", test_week_start);
  g_test_add_func ("/core/date/month-start", test_month_start);
  g_test_add_func ("/core/date/format", test_format);
  g_test_add_func ("/core/date/parse/date-only", test_parse_date_only);
  g_test_add_func ("/core/date/parse/t-separator", test_parse_t_separator);
  g_test_add_func ("/core/date/parse/space-separator", test_parse_space_separator);
  g_test_add_func ("/core/date/parse/fraction", test_parse_fraction);
  g_test_add_func ("/core/date/parse/zulu", test_parse_zulu);
  g_test_add_func ("/core/date/parse/utc-offset", test_parse_utc_offset);
  g_test_add_func ("/core/date/parse/spaced", test_parse_spaced);
  g_test_add_func ("/core/date/parse/other-offset", test_parse_other_offset);
  g_test_add_func ("/core/date/parse/not-midnight", test_parse_not_midnight);
  g_test_add_func ("/core/date/parse/impossible-dates", test_parse_impossible_dates);
  g_test_add_func ("/core/date/parse/impossible-times", test_parse_impossible_times);
  g_test_add_func ("/core/date/parse/range", test_parse_range);
  g_test_add_func ("/core/date/parse/malformed", test_parse_malformed);
  g_test_add_func ("/core/date/parse/length", test_parse_length);
  g_test_add_func ("/core/date/parse/cached", test_parse_cached);
  g_test_add_func ("/core/date/usec", test_usec);

  return g_test_run ();
}
