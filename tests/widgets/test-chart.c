/* test-chart.c: HubChart's points, ticks, text, keys and pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>

#include "hub-core.h"
#include "hub-chart.h"
#include "hub-ui-test-util.h"

/* Datasets */

static HubDataset *
load_csv (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  HubDataset *dataset = hub_dataset_load_bytes (bytes, "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
append_row (GString    *csv,
            const char *name,
            HubDay      day,
            gint64      count)
{
  char date[HUB_DAY_ISO_LEN];

  hub_day_format (day, date);
  g_string_append_printf (csv, "model,%s,0,%s,%" G_GINT64_FORMAT "\n", name, date, count);
}

static HubDay
ymd (int y,
     int m,
     int d)
{
  return hub_day_from_ymd (y, m, d);
}

/* org/a: 1 … 20 downloads on 1 … 20 Nov 2026 (a Friday, the asOf);
 * org/b: 10 a day from 1 Oct 2026;
 * org/gaps: 5 on 1 Nov, 7 on 5 Nov, 11 on 20 Nov. */
static HubDataset *
load_november (void)
{
  g_autoptr(GString) csv = g_string_new ("repoType,repoName,total,timestamp,downloads\n");

  for (int d = 1; d <= 20; d++)
    append_row (csv, "org/a", ymd (2026, 11, d), d);
  for (HubDay day = ymd (2026, 10, 1); day <= ymd (2026, 11, 20); day++)
    append_row (csv, "org/b", day, 10);
  append_row (csv, "org/gaps", ymd (2026, 11, 1), 5);
  append_row (csv, "org/gaps", ymd (2026, 11, 5), 7);
  append_row (csv, "org/gaps", ymd (2026, 11, 20), 11);
  return load_csv (csv->str);
}

/* A 5-year series with a weekly rhythm, growth and a few spikes. */
static HubDataset *
load_five_years (void)
{
  g_autoptr(GString) csv = g_string_new ("repoType,repoName,total,timestamp,downloads\n");
  HubDay first = ymd (2021, 11, 24);
  HubDay last = ymd (2026, 11, 20);
  guint32 seed = 7;

  for (HubDay day = first; day <= last; day++)
    {
      double t = (double) (day - first) / (last - first);
      int weekday = hub_day_weekday (day);
      double base = 800 + 5200 * t * t + 900 * sin (t * 19);
      gint64 count;

      seed = seed * 1103515245 + 12345;
      count = (gint64) (base * (weekday >= 6 ? 0.55 : 1.0) * (0.8 + (seed >> 16) % 400 / 1000.0));
      if ((seed >> 8) % 97 == 0)
        count *= 3;
      append_row (csv, "org/big-model", day, count);
    }
  return load_csv (csv->str);
}

static HubChart *
new_chart (HubDataset *dataset,
           const char *name)
{
  HubChart *chart = HUB_CHART (g_object_ref_sink (hub_chart_new ()));
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", name);

  g_assert_nonnull (repo);
  hub_chart_set_series (chart, dataset, repo, hub_dataset_get_as_of (dataset));
  return chart;
}

static const HubPoint *
point (HubChart *chart,
       guint     index)
{
  const GArray *points = hub_chart_get_points (chart);

  g_assert_cmpuint (index, <, points->len);
  return &g_array_index (points, HubPoint, index);
}

static guint
n_points (HubChart *chart)
{
  return hub_chart_get_points (chart)->len;
}

static void
assert_point_text (HubChart   *chart,
                   guint       index,
                   const char *expected)
{
  g_autofree char *text = hub_chart_dup_point_text (chart, index);

  g_assert_cmpstr (text, ==, expected);
}

/* With GTK_A11Y=none (as under AddressSanitizer) widgets have no AT context to ask. */
static gboolean
have_at_context (void)
{
  return g_strcmp0 (g_getenv ("GTK_A11Y"), "none") != 0;
}

static void
assert_label (HubChart   *chart,
              const char *expected)
{
  g_autofree char *description = hub_chart_dup_description (chart);

  g_assert_cmpstr (description, ==, expected);
  if (have_at_context ())
    gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

/* Windows */

static void
wait_for_frames (GtkWidget *widget,
                 guint      frames)
{
  GdkFrameClock *clock;
  gint64 target;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget) ||
          gtk_widget_get_frame_clock (widget) == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  target = gdk_frame_clock_get_frame_counter (clock) + frames;
  while (gdk_frame_clock_get_frame_counter (clock) < target &&
         g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWindow *
show_in_window (GtkWidget *chart,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_window_set_child (window, chart);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  wait_for_frames (chart, 2);
  return window;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Pure helpers */

static void
check_y_ticks (gint64 max,
               guint  max_ticks,
               gint64 expected_step,
               guint  expected_n)
{
  gint64 step = 0;
  guint n = hub_chart_compute_y_ticks (max, max_ticks, &step);

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
check_compact (guint64     value,
               const char *expected)
{
  g_autofree char *text = hub_chart_format_compact (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_compact (void)
{
  check_compact (0, "0");
  check_compact (7, "7");
  check_compact (999, "999");
  check_compact (1000, "1 K");
  check_compact (1200, "1.2 K");
  check_compact (9960, "10 K");
  check_compact (15000, "15 K");
  check_compact (999499, "999 K");
  check_compact (999999, "1 M");
  check_compact (3000000, "3 M");
  check_compact (150000000, "150 M");
  check_compact (1500000000, "1.5 B");
  check_compact (G_GUINT64_CONSTANT (2000000000000), "2 T");
  check_compact (G_GUINT64_CONSTANT (10000000000000000000), "10000000 T");
}

static void
test_tick_dates (void)
{
  g_autofree char *day = hub_chart_format_tick_date (ymd (2026, 11, 3), HUB_CHART_TICK_DAY);
  g_autofree char *month = hub_chart_format_tick_date (ymd (2026, 11, 1), HUB_CHART_TICK_MONTH);
  g_autofree char *year = hub_chart_format_tick_date (ymd (2024, 1, 1), HUB_CHART_TICK_YEAR);

  g_assert_cmpstr (day, ==, "3 Nov");
  g_assert_cmpstr (month, ==, "Nov 2026");
  g_assert_cmpstr (year, ==, "2024");
}

static void
test_x_ticks (void)
{
  const double widths[HUB_CHART_N_TICK_FORMATS] = { 50, 70, 40 };
  HubDay as_of = ymd (2026, 11, 20);
  HubChartTickFormat format;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) half_years = NULL;
  g_autoptr(GArray) years = NULL;

  /* Wide days: every day. */
  days = hub_chart_compute_x_ticks (as_of - 6, as_of, 60, widths, &format);
  g_assert_cmpint (format, ==, HUB_CHART_TICK_DAY);
  g_assert_cmpuint (days->len, ==, 7);
  g_assert_cmpint (g_array_index (days, HubDay, 0), ==, as_of - 6);

  /* 30 days in 780 px: Mondays, 26 Oct, 2, 9 and 16 Nov. */
  weeks = hub_chart_compute_x_ticks (as_of - 29, as_of, 26, widths, &format);
  g_assert_cmpint (format, ==, HUB_CHART_TICK_DAY);
  g_assert_cmpuint (weeks->len, ==, 4);
  g_assert_cmpint (g_array_index (weeks, HubDay, 0), ==, ymd (2026, 10, 26));
  g_assert_cmpint (g_array_index (weeks, HubDay, 3), ==, ymd (2026, 11, 16));
  for (guint i = 0; i < weeks->len; i++)
    g_assert_cmpint (hub_day_weekday (g_array_index (weeks, HubDay, i)), ==, 1);

  /* A year in 730 px: every other month, from January. */
  months = hub_chart_compute_x_ticks (as_of - 364, as_of, 2, widths, &format);
  g_assert_cmpint (format, ==, HUB_CHART_TICK_MONTH);
  g_assert_cmpuint (months->len, ==, 6);
  g_assert_cmpint (g_array_index (months, HubDay, 0), ==, ymd (2026, 1, 1));
  g_assert_cmpint (g_array_index (months, HubDay, 5), ==, ymd (2026, 11, 1));

  /* Five years (with 29 Feb 2024) in 730 px: January and July. */
  half_years = hub_chart_compute_x_ticks (ymd (2021, 11, 24), as_of, 0.4, widths, &format);
  g_assert_cmpint (format, ==, HUB_CHART_TICK_MONTH);
  g_assert_cmpuint (half_years->len, ==, 10);
  g_assert_cmpint (g_array_index (half_years, HubDay, 0), ==, ymd (2022, 1, 1));
  g_assert_cmpint (g_array_index (half_years, HubDay, 9), ==, ymd (2026, 7, 1));

  /* Five years in 200 px: years; labels never closer than their width. */
  years = hub_chart_compute_x_ticks (ymd (2021, 11, 24), as_of, 0.11, widths, &format);
  g_assert_cmpint (format, ==, HUB_CHART_TICK_YEAR);
  g_assert_cmpuint (years->len, ==, 5);
  g_assert_cmpint (g_array_index (years, HubDay, 0), ==, ymd (2022, 1, 1));
  for (guint i = 1; i < years->len; i++)
    {
      HubDay gap = g_array_index (years, HubDay, i) - g_array_index (years, HubDay, i - 1);

      g_assert_cmpfloat (gap * 0.11, >=, widths[HUB_CHART_TICK_YEAR]);
    }
}

/* Points */

static void
test_buckets_day (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");
  HubDay first, last;
  gint64 sum = 0;

  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  hub_chart_get_span (chart, &first, &last);
  g_assert_cmpint (first, ==, ymd (2026, 10, 22));
  g_assert_cmpint (last, ==, ymd (2026, 11, 20));
  g_assert_cmpuint (n_points (chart), ==, 30);
  for (guint i = 0; i < 30; i++)
    {
      g_assert_cmpint (point (chart, i)->start, ==, first + (HubDay) i);
      sum += point (chart, i)->value;
    }
  g_assert_cmpint (point (chart, 9)->value, ==, 0);    /* 31 Oct */
  g_assert_cmpint (point (chart, 10)->value, ==, 1);   /* 1 Nov */
  g_assert_cmpint (point (chart, 29)->value, ==, 20);  /* 20 Nov */
  g_assert_cmpint (sum, ==, 210);
  assert_point_text (chart, 12, "Tue 3 Nov 2026\n3 downloads\n7-day average: 0.9");

  hub_chart_set_range (chart, HUB_CHART_RANGE_90_DAYS);
  g_assert_cmpuint (n_points (chart), ==, 90);
  hub_chart_set_range (chart, HUB_CHART_RANGE_YEAR);
  g_assert_cmpuint (n_points (chart), ==, 365);
  hub_chart_set_range (chart, HUB_CHART_RANGE_ALL);
  g_assert_cmpuint (n_points (chart), ==, 20);
  g_assert_cmpint (point (chart, 0)->start, ==, ymd (2026, 11, 1));

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_buckets_week (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");
  static const gint64 expected[] = { 0, 1, 35, 84, 90 };
  guint n = 1;

  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  hub_chart_set_bucket (chart, HUB_BUCKET_WEEK);
  g_assert_cmpuint (n_points (chart), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (point (chart, i)->start, ==, ymd (2026, 10, 19) + 7 * (HubDay) i);
      g_assert_cmpint (hub_day_weekday (point (chart, i)->start), ==, 1);
      g_assert_cmpint (point (chart, i)->value, ==, expected[i]);
    }
  assert_point_text (chart, 0, "Week of 19 Oct 2026 (partial)\n0 downloads");
  assert_point_text (chart, 2, "Week of 2 Nov 2026\n35 downloads");
  assert_point_text (chart, 4, "Week of 16 Nov 2026 (partial)\n90 downloads");

  /* No 7-day average on weekly bars. */
  hub_chart_get_average (chart, &n);
  g_assert_cmpuint (n, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_buckets_month (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/b");

  g_object_set (chart, "range", HUB_CHART_RANGE_90_DAYS, "bucket", HUB_BUCKET_MONTH, NULL);
  /* 23 Aug … 20 Nov: August and November are cut short. */
  g_assert_cmpuint (n_points (chart), ==, 4);
  g_assert_cmpint (point (chart, 0)->start, ==, ymd (2026, 8, 1));
  g_assert_cmpint (point (chart, 1)->start, ==, ymd (2026, 9, 1));
  g_assert_cmpint (point (chart, 2)->start, ==, ymd (2026, 10, 1));
  g_assert_cmpint (point (chart, 3)->start, ==, ymd (2026, 11, 1));
  g_assert_cmpint (point (chart, 0)->value, ==, 0);
  g_assert_cmpint (point (chart, 1)->value, ==, 0);
  g_assert_cmpint (point (chart, 2)->value, ==, 310);
  g_assert_cmpint (point (chart, 3)->value, ==, 200);
  assert_point_text (chart, 0, "August 2026 (partial)\n0 downloads");
  assert_point_text (chart, 2, "October 2026\n310 downloads");
  assert_point_text (chart, 3, "November 2026 (partial)\n200 downloads");

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_buckets_leap (void)
{
  g_autoptr(HubDataset) dataset = load_csv (
    "repoType,repoName,total,timestamp,downloads\n"
    "model,org/leap,0,2024-02-27,1\n"
    "model,org/leap,0,2024-02-28,2\n"
    "model,org/leap,0,2024-02-29,3\n"
    "model,org/leap,0,2024-03-01,4\n"
    "model,org/leap,0,2024-03-02,5\n");
  g_autoptr(HubChart) chart = new_chart (dataset, "org/leap");
  HubDay first;

  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  hub_chart_get_span (chart, &first, NULL);
  g_assert_cmpint (first, ==, ymd (2024, 2, 2));
  g_assert_cmpuint (n_points (chart), ==, 30);
  g_assert_cmpint (point (chart, 27)->start, ==, ymd (2024, 2, 29));
  g_assert_cmpint (point (chart, 27)->value, ==, 3);
  g_assert_cmpint (point (chart, 28)->start, ==, ymd (2024, 3, 1));
  assert_point_text (chart, 27, "Thu 29 Feb 2024\n3 downloads\n7-day average: 0.9");

  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  g_assert_cmpuint (n_points (chart), ==, 2);
  g_assert_cmpint (point (chart, 0)->value, ==, 6);
  g_assert_cmpint (point (chart, 1)->value, ==, 9);

  hub_chart_set_bucket (chart, HUB_BUCKET_WEEK);
  g_assert_cmpint (point (chart, n_points (chart) - 1)->start, ==, ymd (2024, 2, 26));
  g_assert_cmpint (point (chart, n_points (chart) - 1)->value, ==, 15);

  /* A year back from 2 Mar 2024 starts on 4 Mar 2023: 365 days, 29 Feb among them. */
  hub_chart_set_bucket (chart, HUB_BUCKET_DAY);
  hub_chart_set_range (chart, HUB_CHART_RANGE_YEAR);
  hub_chart_get_span (chart, &first, NULL);
  g_assert_cmpint (first, ==, ymd (2023, 3, 4));
  g_assert_cmpuint (n_points (chart), ==, 365);

  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  g_assert_cmpuint (n_points (chart), ==, 13);
  g_assert_cmpint (point (chart, 11)->start, ==, ymd (2024, 2, 1));
  g_assert_cmpint (point (chart, 11)->value, ==, 6);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_buckets_gaps (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/gaps");

  hub_chart_set_range (chart, HUB_CHART_RANGE_ALL);
  g_assert_cmpuint (n_points (chart), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      gint64 expected = i == 0 ? 5 : i == 4 ? 7 : i == 19 ? 11 : 0;

      g_assert_cmpint (point (chart, i)->value, ==, expected);
    }

  hub_chart_set_bucket (chart, HUB_BUCKET_WEEK);
  g_assert_cmpuint (n_points (chart), ==, 4);
  g_assert_cmpint (point (chart, 0)->start, ==, ymd (2026, 10, 26));
  g_assert_cmpint (point (chart, 0)->value, ==, 5);
  g_assert_cmpint (point (chart, 1)->value, ==, 7);
  g_assert_cmpint (point (chart, 2)->value, ==, 0);
  g_assert_cmpint (point (chart, 3)->value, ==, 11);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_buckets_longer_than_data (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");
  gint64 sum = 0;

  hub_chart_set_range (chart, HUB_CHART_RANGE_YEAR);
  g_assert_cmpuint (n_points (chart), ==, 365);
  for (guint i = 0; i < 345; i++)
    g_assert_cmpint (point (chart, i)->value, ==, 0);
  for (guint i = 0; i < 365; i++)
    sum += point (chart, i)->value;
  g_assert_cmpint (sum, ==, 210);

  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  /* 21 Nov 2025 … 20 Nov 2026: 13 months, both ends partial. */
  g_assert_cmpuint (n_points (chart), ==, 13);
  g_assert_cmpint (point (chart, 12)->value, ==, 210);
  assert_point_text (chart, 0, "November 2025 (partial)\n0 downloads");

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_overall (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = HUB_CHART (g_object_ref_sink (hub_chart_new ()));

  hub_chart_set_series (chart, dataset, hub_dataset_get_overall (dataset),
                        hub_dataset_get_as_of (dataset));
  hub_chart_set_range (chart, HUB_CHART_RANGE_ALL);
  /* org/b starts on 1 Oct. */
  g_assert_cmpuint (n_points (chart), ==, 51);
  g_assert_cmpint (point (chart, 0)->value, ==, 10);
  g_assert_cmpint (point (chart, 50)->value, ==, 20 + 10 + 11);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_average (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");
  const double *average;
  guint n;

  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  average = hub_chart_get_average (chart, &n);
  g_assert_cmpuint (n, ==, 30);
  g_assert_cmpfloat_with_epsilon (average[9], 0, 1e-9);          /* 31 Oct */
  g_assert_cmpfloat_with_epsilon (average[10], 1.0 / 7, 1e-9);   /* 1 Nov */
  g_assert_cmpfloat_with_epsilon (average[16], 4, 1e-9);         /* 7 Nov: 1 … 7 */
  g_assert_cmpfloat_with_epsilon (average[29], 17, 1e-9);        /* 20 Nov: 14 … 20 */

  /* The first days of the range average days before it. */
  g_clear_object (&chart);
  chart = new_chart (dataset, "org/b");
  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  average = hub_chart_get_average (chart, &n);
  g_assert_cmpuint (n, ==, 30);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (average[i], 10, 1e-9);

  /* None in cumulative view. */
  hub_chart_set_cumulative (chart, TRUE);
  hub_chart_get_average (chart, &n);
  g_assert_cmpuint (n, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_cumulative (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");

  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  hub_chart_set_cumulative (chart, TRUE);
  g_assert_true (hub_chart_get_cumulative (chart));
  g_assert_cmpuint (n_points (chart), ==, 30);
  for (guint i = 0; i < 30; i++)
    {
      gint64 d = i < 10 ? 0 : (gint64) i - 9;

      g_assert_cmpint (point (chart, i)->value, ==, d * (d + 1) / 2);
    }
  assert_point_text (chart, 29, "Fri 20 Nov 2026\n210 downloads in all");

  /* Counted from the first download, not from the range's first day. */
  g_clear_object (&chart);
  chart = new_chart (dataset, "org/b");
  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  hub_chart_set_cumulative (chart, TRUE);
  g_assert_cmpint (point (chart, 0)->value, ==, 22 * 10);
  g_assert_cmpint (point (chart, 29)->value, ==, 51 * 10);

  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  g_assert_cmpuint (n_points (chart), ==, 2);
  g_assert_cmpint (point (chart, 0)->value, ==, 310);
  g_assert_cmpint (point (chart, 1)->value, ==, 510);
  assert_point_text (chart, 0, "October 2026\n310 downloads in all");
  assert_point_text (chart, 1, "November 2026 (partial)\n510 downloads in all");

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(HubChart) chart = HUB_CHART (g_object_ref_sink (hub_chart_new ()));
  guint count = 0;
  HubChartRange range;
  HubBucket bucket;
  gboolean cumulative;

  g_signal_connect (chart, "notify", G_CALLBACK (count_notify), &count);
  hub_chart_set_range (chart, HUB_CHART_RANGE_YEAR);
  hub_chart_set_range (chart, HUB_CHART_RANGE_YEAR);
  g_object_set (chart, "bucket", HUB_BUCKET_WEEK, "cumulative", TRUE, NULL);
  g_object_set (chart, "bucket", HUB_BUCKET_WEEK, NULL);
  g_assert_cmpuint (count, ==, 3);

  g_object_get (chart, "range", &range, "bucket", &bucket, "cumulative", &cumulative, NULL);
  g_assert_cmpint (range, ==, HUB_CHART_RANGE_YEAR);
  g_assert_cmpint (bucket, ==, HUB_BUCKET_WEEK);
  g_assert_true (cumulative);
  g_assert_cmpuint (n_points (chart), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_switch_speed (void)
{
  g_autoptr(HubDataset) dataset = load_five_years ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/big-model");
  gint64 start = g_get_monotonic_time ();
  static const HubChartRange ranges[] = {
    HUB_CHART_RANGE_ALL, HUB_CHART_RANGE_30_DAYS, HUB_CHART_RANGE_YEAR, HUB_CHART_RANGE_90_DAYS,
  };

  for (guint i = 0; i < 100; i++)
    hub_chart_set_range (chart, ranges[i % G_N_ELEMENTS (ranges)]);
  /* A budget is for benchmarks; this only reports it. */
  g_test_message ("100 range switches on 5 years of days: %.2f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  hub_chart_set_range (chart, HUB_CHART_RANGE_ALL);
  g_assert_cmpuint (n_points (chart), ==, 1823);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

/* The widget */

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static void
move_pointer (GtkWidget *widget,
              double     x)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion", x, gtk_widget_get_height (widget) / 2.0);
    }
}

static void
test_marker (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  HubChart *chart = HUB_CHART (hub_chart_new ());
  GtkWindow *window;
  g_autofree char *text = NULL;
  guint n;

  hub_chart_set_series (chart, dataset, hub_dataset_find_repo (dataset, "model", "org/a"),
                        hub_dataset_get_as_of (dataset));
  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  window = show_in_window (GTK_WIDGET (chart), 640, 300);
  n = n_points (chart);

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  g_assert_cmpint (hub_chart_get_marker (chart), ==, -1);

  press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, (int) n - 1);
  press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, (int) n - 2);
  press_key (GTK_WIDGET (chart), GDK_KEY_Right);
  press_key (GTK_WIDGET (chart), GDK_KEY_Right);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, (int) n - 1);
  press_key (GTK_WIDGET (chart), GDK_KEY_Home);
  press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, 0);
  press_key (GTK_WIDGET (chart), GDK_KEY_End);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, (int) n - 1);

  /* The marked point is in the accessible description. */
  text = hub_chart_dup_point_text (chart, hub_chart_get_marker (chart));
  g_assert_cmpstr (text, ==, "Fri 20 Nov 2026\n20 downloads\n7-day average: 17.0");
  if (have_at_context ())
    gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  g_clear_pointer (&text, g_free);

  /* A coarser bucket keeps the marker on the bucket holding its day. */
  hub_chart_set_bucket (chart, HUB_BUCKET_WEEK);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, 4);
  text = hub_chart_dup_point_text (chart, hub_chart_get_marker (chart));
  g_assert_cmpstr (text, ==, "Week of 16 Nov 2026 (partial)\n90 downloads");

  press_key (GTK_WIDGET (chart), GDK_KEY_Escape);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, -1);

  /* A range that no longer holds the marked day drops the marker. */
  hub_chart_set_bucket (chart, HUB_BUCKET_DAY);
  hub_chart_set_range (chart, HUB_CHART_RANGE_90_DAYS);
  press_key (GTK_WIDGET (chart), GDK_KEY_Home);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, 0);
  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, -1);

  /* The pointer marks the day under it. */
  move_pointer (GTK_WIDGET (chart), gtk_widget_get_width (GTK_WIDGET (chart)) - 9);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, (int) n - 1);
  move_pointer (GTK_WIDGET (chart), gtk_widget_get_width (GTK_WIDGET (chart)) / 2.0);
  g_assert_cmpint (hub_chart_get_marker (chart), >, 5);
  g_assert_cmpint (hub_chart_get_marker (chart), <, (int) n - 5);

  close_window (window);
}

static void
test_accessible (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");
  g_autoptr(HubChart) overall = HUB_CHART (g_object_ref_sink (hub_chart_new ()));
  g_autoptr(HubChart) empty = HUB_CHART (g_object_ref_sink (hub_chart_new ()));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  assert_label (chart,
                "Daily downloads of org/a from 22 Oct 2026 to 20 Nov 2026, "
                "with a 7-day average: 210 in total; the most in a day, "
                "Fri 20 Nov 2026, was 20.");
  hub_chart_set_bucket (chart, HUB_BUCKET_WEEK);
  assert_label (chart,
                "Weekly downloads of org/a from 22 Oct 2026 to 20 Nov 2026: "
                "210 in total; the most in a week, "
                "Week of 16 Nov 2026 (partial), was 90.");
  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  assert_label (chart,
                "Monthly downloads of org/a from 22 Oct 2026 to 20 Nov 2026: "
                "210 in total; the most in a month, "
                "November 2026 (partial), was 210.");
  hub_chart_set_cumulative (chart, TRUE);
  assert_label (chart,
                "Cumulative downloads of org/a from 22 Oct 2026 to 20 Nov 2026, "
                "rising from 0 to 210.");

  hub_chart_set_series (overall, dataset, hub_dataset_get_overall (dataset),
                        hub_dataset_get_as_of (dataset));
  hub_chart_set_range (overall, HUB_CHART_RANGE_30_DAYS);
  assert_label (overall,
                "Daily downloads of all repositories from 22 Oct 2026 "
                "to 20 Nov 2026, with a 7-day average: 533 in total; "
                "the most in a day, Fri 20 Nov 2026, was 41.");

  assert_label (empty, "Downloads chart, with no data");

  g_assert_finalize_object (g_steal_pointer (&chart));
  g_assert_finalize_object (g_steal_pointer (&overall));
  g_assert_finalize_object (g_steal_pointer (&empty));
}

static gboolean
near (guint8 a,
      double b)
{
  return fabs (a - b * 255) <= 3;
}

static guint
count_pixels (GdkTexture    *texture,
              const GdkRGBA *color)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guint8 *data = g_malloc (stride * height);
  guint count = 0;

  /* GDK_MEMORY_DEFAULT: B, G, R, A premultiplied, in memory order on little endian. */
  gdk_texture_download (texture, data, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    if (near (data[i + 2], color->red) && near (data[i + 1], color->green) &&
        near (data[i], color->blue) && data[i + 3] == 255)
      count++;
  return count;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  g_assert_true (gtk_style_context_lookup_color (context, name, color));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
test_render (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  HubChart *chart = HUB_CHART (hub_chart_new ());
  g_autoptr(HubChart) unshown = HUB_CHART (g_object_ref_sink (hub_chart_new ()));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) loaded = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;
  GdkRGBA accent, background;
  guint accent_pixels;

  hub_chart_set_series (chart, dataset, hub_dataset_find_repo (dataset, "model", "org/a"),
                        hub_dataset_get_as_of (dataset));
  hub_chart_set_range (chart, HUB_CHART_RANGE_30_DAYS);
  window = show_in_window (GTK_WIDGET (chart), 640, 300);
  lookup_color (GTK_WIDGET (chart), "accent_color", &accent);
  lookup_color (GTK_WIDGET (chart), "window_bg_color", &background);

  texture = hub_chart_render_texture (chart, &error);
  g_assert_no_error (error);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (GTK_WIDGET (chart)) *
                   gtk_widget_get_scale_factor (GTK_WIDGET (chart)));

  /* The 20 bars are the accent colour: the tallest alone has thousands of pixels. */
  accent_pixels = count_pixels (texture, &accent);
  g_test_message ("%u accent pixels", accent_pixels);
  g_assert_cmpuint (accent_pixels, >, 5000);
  g_assert_cmpuint (count_pixels (texture, &background), >, accent_pixels);

  path = g_test_build_filename (G_TEST_BUILT, "widgets", "chart-export.png", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (hub_chart_save_png (chart, file, &error));
  g_assert_no_error (error);
  loaded = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_height (loaded), ==, gdk_texture_get_height (texture));

  /* A chart that is not on screen has nothing to export. */
  g_assert_null (hub_chart_render_texture (unshown, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&unshown));
}

/* Pictures of a real window, to look at: light and dark, daily and monthly. */
static void
save_window (GtkWindow  *window,
             const char *name)
{
  g_autoptr(GdkTexture) texture = hub_test_render (GTK_WIDGET (window));
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "widgets", name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_screenshots (void)
{
  g_autoptr(HubDataset) dataset = load_five_years ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  static const struct {
    AdwColorScheme scheme;
    const char    *scheme_name;
  } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };
  static const struct {
    HubChartRange range;
    HubBucket     bucket;
    gboolean      cumulative;
    const char   *name;
  } modes[] = {
    { HUB_CHART_RANGE_90_DAYS, HUB_BUCKET_DAY, FALSE, "daily-90" },
    { HUB_CHART_RANGE_30_DAYS, HUB_BUCKET_DAY, FALSE, "daily-30" },
    { HUB_CHART_RANGE_ALL, HUB_BUCKET_DAY, FALSE, "daily-all" },
    { HUB_CHART_RANGE_YEAR, HUB_BUCKET_WEEK, FALSE, "weekly-year" },
    { HUB_CHART_RANGE_ALL, HUB_BUCKET_MONTH, FALSE, "monthly-all" },
    { HUB_CHART_RANGE_ALL, HUB_BUCKET_MONTH, TRUE, "cumulative-all" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      HubChart *chart = HUB_CHART (hub_chart_new ());
      GtkWindow *window;

      adw_style_manager_set_color_scheme (manager, schemes[s].scheme);
      hub_chart_set_series (chart, dataset,
                            hub_dataset_find_repo (dataset, "model", "org/big-model"),
                            hub_dataset_get_as_of (dataset));
      window = show_in_window (GTK_WIDGET (chart), 720, 320);

      for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
        {
          g_autofree char *name = g_strdup_printf ("chart-%s-%s.png",
                                                   modes[m].name, schemes[s].scheme_name);

          g_object_set (chart,
                        "range", modes[m].range,
                        "bucket", modes[m].bucket,
                        "cumulative", modes[m].cumulative,
                        NULL);
          /* The first picture shows the marker and the focus ring, as after a key press. */
          hub_chart_set_marker (chart, m == 0 ? (int) n_points (chart) - 10 : -1);
          if (m == 0)
            gtk_widget_grab_focus (GTK_WIDGET (chart));
          gtk_window_set_focus_visible (window, m == 0);
          wait_for_frames (GTK_WIDGET (chart), 2);
          save_window (window, name);
        }

      close_window (window);
    }

  /* At its smallest the labels must still not overlap or be clipped. */
  {
    HubChart *chart = HUB_CHART (hub_chart_new ());
    GtkWindow *window;

    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
    hub_chart_set_series (chart, dataset,
                          hub_dataset_find_repo (dataset, "model", "org/big-model"),
                          hub_dataset_get_as_of (dataset));
    window = show_in_window (GTK_WIDGET (chart), 224, 164);
    save_window (window, "chart-narrow-daily-90-light.png");
    hub_chart_set_range (chart, HUB_CHART_RANGE_ALL);
    hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
    wait_for_frames (GTK_WIDGET (chart), 2);
    save_window (window, "chart-narrow-monthly-all-light.png");
    close_window (window);
  }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  /* Dates and numbers as the tests expect them, whatever the machine's locale. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init enters en_US.UTF-8 where the machine has it. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/widgets/chart/y-ticks", test_y_ticks);
  g_test_add_func ("/widgets/chart/compact", test_compact);
  g_test_add_func ("/widgets/chart/x-ticks/dates", test_tick_dates);
  g_test_add_func ("/widgets/chart/x-ticks/choice", test_x_ticks);
  g_test_add_func ("/widgets/chart/buckets/day", test_buckets_day);
  g_test_add_func ("/widgets/chart/buckets/week", test_buckets_week);
  g_test_add_func ("/widgets/chart/buckets/month", test_buckets_month);
  g_test_add_func ("/widgets/chart/buckets/leap-year", test_buckets_leap);
  g_test_add_func ("/widgets/chart/buckets/gaps", test_buckets_gaps);
  g_test_add_func ("/widgets/chart/buckets/longer-than-data", test_buckets_longer_than_data);
  g_test_add_func ("/widgets/chart/buckets/overall", test_overall);
  g_test_add_func ("/widgets/chart/average", test_average);
  g_test_add_func ("/widgets/chart/cumulative", test_cumulative);
  g_test_add_func ("/widgets/chart/properties", test_properties);
  g_test_add_func ("/widgets/chart/switch-ranges", test_switch_speed);
  g_test_add_func ("/widgets/chart/marker", test_marker);
  g_test_add_func ("/widgets/chart/accessible", test_accessible);
  g_test_add_func ("/widgets/chart/render", test_render);
  g_test_add_func ("/widgets/chart/screenshots", test_screenshots);

  return g_test_run ();
}
