/* test-format.c: how numbers, changes and dates are written, each by one rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "hub-format.h"

static void
test_count (void)
{
  g_autofree char *zero = hub_format_count (0);
  g_autofree char *big = hub_format_count (G_GINT64_CONSTANT (9223372036854775807));

  g_assert_cmpstr (zero, ==, "0");
  g_assert_cmpstr (big, ==, "9223372036854775807");
}

static void
test_grouping (void)
{
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  text = hub_format_count (1234567);
  g_assert_cmpstr (text, ==, "1.234.567");
  g_clear_pointer (&text, g_free);
  text = hub_format_compact (1250000);
  g_assert_cmpstr (text, ==, "1,2 M");
  g_clear_pointer (&text, g_free);
  text = hub_format_axis_value (1500);
  g_assert_cmpstr (text, ==, "1,5 K");
  g_clear_pointer (&text, g_free);
  text = hub_format_axis_value (20000000);
  g_assert_cmpstr (text, ==, "20 M");
  setlocale (LC_NUMERIC, "C.UTF-8");
}

static void
test_compact (void)
{
  static const struct { gint64 value; const char *text; } cases[] = {
    { 0, "0" },
    { 999, "999" },
    { 1000, "1.0 K" },
    { 12345, "12.3 K" },
    { 999949, "999.9 K" },
    { 999950, "1.0 M" },
    { 1234567, "1.2 M" },
    { -12345, "−12.3 K" },
    { 3400000000, "3.4 B" },
    { G_GINT64_CONSTANT (1500000000000), "1.5 T" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hub_format_compact (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* An axis label drops a zero decimal, where a value keeps it. */
static void
test_axis_value (void)
{
  static const struct { gint64 value; const char *text; } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1 K" },
    { 1200, "1.2 K" },
    { 1500, "1.5 K" },
    { 9960, "10 K" },
    { 15000, "15 K" },
    { 250000, "250 K" },
    { 999950, "1 M" },
    { 3000000, "3 M" },
    { 150000000, "150 M" },
    { 1500000000, "1.5 B" },
    { G_GINT64_CONSTANT (2000000000000), "2 T" },
    { G_MAXINT64, "9223372 T" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hub_format_axis_value (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The one number style: exact where there is room, compact with the exact
 * value for a tooltip where there is not. */
static void
test_fitting (void)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *roomy = hub_format_count_fitting (1234567, TRUE, &tooltip);
  g_autofree char *tight = NULL;
  g_autofree char *small = NULL;

  g_assert_cmpstr (roomy, ==, "1234567");
  g_assert_null (tooltip);

  tight = hub_format_count_fitting (1234567, FALSE, &tooltip);
  g_assert_cmpstr (tight, ==, "1.2 M");
  g_assert_cmpstr (tooltip, ==, "1234567");
  g_clear_pointer (&tooltip, g_free);

  /* Below 1,000 the short form is the exact one: no tooltip to repeat it. */
  small = hub_format_count_fitting (950, FALSE, &tooltip);
  g_assert_cmpstr (small, ==, "950");
  g_assert_null (tooltip);
}

static void
test_change (void)
{
  static const struct { HubChange change; const char *text; } cases[] = {
    { { HUB_CHANGE_NONE, 0 }, "—" },
    { { HUB_CHANGE_NEW, 0 }, "new" },
    { { HUB_CHANGE_RATIO, 0.25 }, "+25.0 %" },
    { { HUB_CHANGE_RATIO, -0.125 }, "−12.5 %" },
    { { HUB_CHANGE_RATIO, 0 }, "±0.0 %" },
    { { HUB_CHANGE_RATIO, -1 }, "−100.0 %" },
    { { HUB_CHANGE_RATIO, 12.5 }, "+1250 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hub_format_change (cases[i].change);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_dates (void)
{
  HubDay day = hub_day_from_ymd (2026, 11, 21);
  g_autofree char *full = hub_format_day (day);
  g_autofree char *brief = hub_format_date (day, HUB_DATE_DAY_MONTH);
  g_autofree char *month = hub_format_date (day, HUB_DATE_MONTH);
  g_autofree char *weekday = hub_format_date (day, HUB_DATE_WEEKDAY);
  g_autofree char *month_long = hub_format_date (day, HUB_DATE_MONTH_LONG);
  g_autofree char *year = hub_format_date (day, HUB_DATE_YEAR);
  g_autofree char *none = hub_format_day (HUB_DAY_NONE);
  g_autofree char *none_year = hub_format_date (HUB_DAY_NONE, HUB_DATE_YEAR);

  g_assert_cmpstr (full, ==, "21 Nov 2026");
  g_assert_cmpstr (brief, ==, "21 Nov");
  g_assert_cmpstr (month, ==, "Nov 2026");
  g_assert_cmpstr (weekday, ==, "Sat 21 Nov 2026");
  g_assert_cmpstr (month_long, ==, "November 2026");
  g_assert_cmpstr (year, ==, "2026");
  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpstr (none_year, ==, "—");
}

static void
test_age (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 12, 0, 0);
  g_autoptr(GDateTime) a = g_date_time_add_seconds (now, -30);
  g_autoptr(GDateTime) b = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) c = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) d = g_date_time_add_days (now, -3);
  g_autofree char *ta = hub_format_age (a, now);
  g_autofree char *tb = hub_format_age (b, now);
  g_autofree char *tc = hub_format_age (c, now);
  g_autofree char *td = hub_format_age (d, now);

  g_assert_cmpstr (ta, ==, "just now");
  g_assert_cmpstr (tb, ==, "5 minutes ago");
  g_assert_cmpstr (tc, ==, "1 hour ago");
  g_assert_cmpstr (td, ==, "3 days ago");
}

static void
test_progress (void)
{
  g_autofree char *known = hub_format_progress (1000000, 250000000, 1234);
  g_autofree char *unknown = hub_format_progress (1000, 0, 1);

  g_assert_cmpstr (known, ==, "1.0\u00a0MB of 250.0\u00a0MB · 1234 rows");
  g_assert_cmpstr (unknown, ==, "1.0\u00a0kB · 1 row");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/format/count", test_count);
  g_test_add_func ("/ui/format/grouping", test_grouping);
  g_test_add_func ("/ui/format/compact", test_compact);
  g_test_add_func ("/ui/format/axis-value", test_axis_value);
  g_test_add_func ("/ui/format/fitting", test_fitting);
  g_test_add_func ("/ui/format/change", test_change);
  g_test_add_func ("/ui/format/dates", test_dates);
  g_test_add_func ("/ui/format/age", test_age);
  g_test_add_func ("/ui/format/progress", test_progress);

  return g_test_run ();
}
