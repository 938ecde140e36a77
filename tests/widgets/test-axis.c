/* test-axis.c: where the chart's axes put their ticks, and what their labels say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "hub-axis.h"

static HubDay
ymd (int y,
     int m,
     int d)
{
  return hub_day_from_ymd (y, m, d);
}

static void
check_y_ticks (gint64 max,
               guint  max_ticks,
               gint64 expected_step,
               guint  expected_n)
{
  gint64 step = 0;
  guint n = hub_axis_value_ticks (max, max_ticks, &step);

  g_assert_cmpint (step, ==, expected_step);
  g_assert_cmpuint (n, ==, expected_n);
  g_assert_cmpuint ((guint64) step * n, >=, (guint64) MAX (max, 0));
  g_assert_cmpuint (n, <=, MAX (max_ticks, 1));
}

static void
test_y_ticks (void)
{
  check_y_ticks (0, 5, 1, 1);
  check_y_ticks (1, 5, 1, 1);
  check_y_ticks (7, 5, 2, 4);
  check_y_ticks (999, 5, 200, 5);
  check_y_ticks (1000, 5, 200, 5);
  check_y_ticks (1001, 5, 500, 3);
  check_y_ticks (123456789, 5, 50000000, 3);
  check_y_ticks (G_GINT64_CONSTANT (1) << 40, 5, G_GINT64_CONSTANT (500000000000), 3);
  check_y_ticks (G_MAXINT64, 5, G_GINT64_CONSTANT (2000000000000000000), 5);
  check_y_ticks (G_MAXINT64, 1, G_MAXINT64, 1);
  check_y_ticks (7, 0, 10, 1);
  check_y_ticks (-3, 5, 1, 1);
}

static void
test_tick_dates (void)
{
  g_autofree char *day = hub_axis_date_label (ymd (2026, 11, 3), HUB_AXIS_TICK_DAY);
  g_autofree char *month = hub_axis_date_label (ymd (2026, 11, 1), HUB_AXIS_TICK_MONTH);
  g_autofree char *year = hub_axis_date_label (ymd (2024, 1, 1), HUB_AXIS_TICK_YEAR);

  g_assert_cmpstr (day, ==, "3 Nov");
  g_assert_cmpstr (month, ==, "Nov 2026");
  g_assert_cmpstr (year, ==, "2024");
}

static void
test_x_ticks (void)
{
  const double widths[HUB_AXIS_N_TICK_FORMATS] = { 50, 70, 40 };
  HubDay as_of = ymd (2026, 11, 20);
  HubAxisTickFormat format;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) half_years = NULL;
  g_autoptr(GArray) years = NULL;

  /* Wide days: every day. */
  days = hub_axis_date_ticks (as_of - 6, as_of, 60, widths, &format);
  g_assert_cmpint (format, ==, HUB_AXIS_TICK_DAY);
  g_assert_cmpuint (days->len, ==, 7);
  g_assert_cmpint (g_array_index (days, HubDay, 0), ==, as_of - 6);

  /* 30 days in 780 px: Mondays, 26 Oct, 2, 9 and 16 Nov. */
  weeks = hub_axis_date_ticks (as_of - 29, as_of, 26, widths, &format);
  g_assert_cmpint (format, ==, HUB_AXIS_TICK_DAY);
  g_assert_cmpuint (weeks->len, ==, 4);
  g_assert_cmpint (g_array_index (weeks, HubDay, 0), ==, ymd (2026, 10, 26));
  g_assert_cmpint (g_array_index (weeks, HubDay, 3), ==, ymd (2026, 11, 16));
  for (guint i = 0; i < weeks->len; i++)
    g_assert_cmpint (hub_day_weekday (g_array_index (weeks, HubDay, i)), ==, 1);

  /* A year in 730 px: every other month, from January. */
  months = hub_axis_date_ticks (as_of - 364, as_of, 2, widths, &format);
  g_assert_cmpint (format, ==, HUB_AXIS_TICK_MONTH);
  g_assert_cmpuint (months->len, ==, 6);
  g_assert_cmpint (g_array_index (months, HubDay, 0), ==, ymd (2026, 1, 1));
  g_assert_cmpint (g_array_index (months, HubDay, 5), ==, ymd (2026, 11, 1));

  /* Five years (with 29 Feb 2024) in 730 px: January and July. */
  half_years = hub_axis_date_ticks (ymd (2021, 11, 24), as_of, 0.4, widths, &format);
  g_assert_cmpint (format, ==, HUB_AXIS_TICK_MONTH);
  g_assert_cmpuint (half_years->len, ==, 10);
  g_assert_cmpint (g_array_index (half_years, HubDay, 0), ==, ymd (2022, 1, 1));
  g_assert_cmpint (g_array_index (half_years, HubDay, 9), ==, ymd (2026, 7, 1));

  /* Five years in 200 px: years; labels never closer than their width. */
  years = hub_axis_date_ticks (ymd (2021, 11, 24), as_of, 0.11, widths, &format);
  g_assert_cmpint (format, ==, HUB_AXIS_TICK_YEAR);
  g_assert_cmpuint (years->len, ==, 5);
  g_assert_cmpint (g_array_index (years, HubDay, 0), ==, ymd (2022, 1, 1));
  for (guint i = 1; i < years->len; i++)
    {
      HubDay gap = g_array_index (years, HubDay, i) - g_array_index (years, HubDay, i - 1);

      g_assert_cmpfloat (gap * 0.11, >=, widths[HUB_AXIS_TICK_YEAR]);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Dates as the tests expect them, whatever the machine's locale. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/widgets/axis/value-ticks", test_y_ticks);
  g_test_add_func ("/widgets/axis/date-labels", test_tick_dates);
  g_test_add_func ("/widgets/axis/date-ticks", test_x_ticks);

  return g_test_run ();
}
