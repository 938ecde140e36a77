/* test-chart.c: HubChart's points, ticks, text, keys and pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>

#include "hub-core.h"
#include "hub-area-layer.h"
#include "hub-chart.h"
#include "hub-column-layer.h"
#include "hub-line-layer.h"
#include "hub-marker-layer.h"
#include "hub-stack-layer.h"
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
append_total_row (GString    *csv,
                  const char *name,
                  gint64      total,
                  HubDay      day,
                  gint64      count)
{
  char date[HUB_DAY_ISO_LEN];

  hub_day_format (day, date);
  g_string_append_printf (csv, "model,%s,%" G_GINT64_FORMAT ",%s,%" G_GINT64_FORMAT "\n",
                          name, total, date, count);
}

static void
append_row (GString    *csv,
            const char *name,
            HubDay      day,
            gint64      count)
{
  append_total_row (csv, name, 0, day, count);
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

/* A 5-year series with a weekly rhythm, growth and a few spikes, and a
 * Hub `total` of 9 M, above the rows' sum. */
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
      append_total_row (csv, "org/big-model", 9000000, day, count);
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

/* Points */

static void
test_buckets_day (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");
  HubDay first, last;
  gint64 sum = 0;

  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
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
  assert_point_text (chart, 12, "Tue 3 Nov 2026\n3 downloads\n7-day average: 2");

  hub_chart_set_range (chart, HUB_RANGE_LAST_90_DAYS);
  g_assert_cmpuint (n_points (chart), ==, 90);
  hub_chart_set_range (chart, HUB_RANGE_LAST_365_DAYS);
  g_assert_cmpuint (n_points (chart), ==, 365);
  hub_chart_set_range (chart, HUB_RANGE_ALL);
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

  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
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

  g_object_set (chart, "range", HUB_RANGE_LAST_90_DAYS, "bucket", HUB_BUCKET_MONTH, NULL);
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

  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
  hub_chart_get_span (chart, &first, NULL);
  g_assert_cmpint (first, ==, ymd (2024, 2, 2));
  g_assert_cmpuint (n_points (chart), ==, 30);
  g_assert_cmpint (point (chart, 27)->start, ==, ymd (2024, 2, 29));
  g_assert_cmpint (point (chart, 27)->value, ==, 3);
  g_assert_cmpint (point (chart, 28)->start, ==, ymd (2024, 3, 1));
  assert_point_text (chart, 27, "Thu 29 Feb 2024\n3 downloads\n7-day average: 2");

  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  g_assert_cmpuint (n_points (chart), ==, 2);
  g_assert_cmpint (point (chart, 0)->value, ==, 6);
  g_assert_cmpint (point (chart, 1)->value, ==, 9);

  hub_chart_set_bucket (chart, HUB_BUCKET_WEEK);
  g_assert_cmpint (point (chart, n_points (chart) - 1)->start, ==, ymd (2024, 2, 26));
  g_assert_cmpint (point (chart, n_points (chart) - 1)->value, ==, 15);

  /* A year back from 2 Mar 2024 starts on 4 Mar 2023: 365 days, 29 Feb among them. */
  hub_chart_set_bucket (chart, HUB_BUCKET_DAY);
  hub_chart_set_range (chart, HUB_RANGE_LAST_365_DAYS);
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

  hub_chart_set_range (chart, HUB_RANGE_ALL);
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

  hub_chart_set_range (chart, HUB_RANGE_LAST_365_DAYS);
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
  hub_chart_set_range (chart, HUB_RANGE_ALL);
  /* org/b starts on 1 Oct. */
  g_assert_cmpuint (n_points (chart), ==, 51);
  g_assert_cmpint (point (chart, 0)->value, ==, 10);
  g_assert_cmpint (point (chart, 50)->value, ==, 20 + 10 + 11);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

/* The 7-day average as DESIGN.md defines it: from the repository's first
 * row on, over what there is of the 7 days; none before that row. */
static void
test_average (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");
  const double *average;
  guint n;

  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
  average = hub_chart_get_average (chart, &n);
  /* 22 … 31 Oct come before org/a's first row: the average starts on 1 Nov. */
  g_assert_cmpuint (n, ==, 20);
  g_assert_cmpfloat_with_epsilon (average[0], 1, 1e-9);          /* 1 Nov */
  g_assert_cmpfloat_with_epsilon (average[2], 2, 1e-9);          /* 3 Nov: 1 … 3 */
  g_assert_cmpfloat_with_epsilon (average[6], 4, 1e-9);          /* 7 Nov: 1 … 7 */
  g_assert_cmpfloat_with_epsilon (average[19], 17, 1e-9);        /* 20 Nov: 14 … 20 */
  assert_point_text (chart, 9, "Sat 31 Oct 2026\n0 downloads");
  assert_point_text (chart, 10, "Sun 1 Nov 2026\n1 download\n7-day average: 1");

  /* The first days of the range average days before it; a first day is not 1/7 of itself. */
  g_clear_object (&chart);
  chart = new_chart (dataset, "org/b");
  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
  average = hub_chart_get_average (chart, &n);
  g_assert_cmpuint (n, ==, 30);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (average[i], 10, 1e-9);
  hub_chart_set_range (chart, HUB_RANGE_ALL);
  average = hub_chart_get_average (chart, &n);
  g_assert_cmpuint (n, ==, n_points (chart));
  g_assert_cmpfloat_with_epsilon (average[0], 10, 1e-9);

  /* A mean with a fraction is shown whole. */
  g_clear_object (&chart);
  chart = new_chart (dataset, "org/gaps");
  hub_chart_set_range (chart, HUB_RANGE_ALL);
  /* 7 Nov: 5 + 7 over 1 … 7 Nov, 1.714… */
  assert_point_text (chart, 6, "Sat 7 Nov 2026\n0 downloads\n7-day average: 2");

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

  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
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
  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
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

/* All Time counts what the Hub's `total` holds beyond the daily rows: the
 * cumulative chart starts from it, and says so with a labelled level. */
static void
test_earlier (void)
{
  g_autoptr(HubDataset) dataset = load_csv ("repoType,repoName,total,timestamp,downloads\n"
                                            "model,org/old,5000,2026-11-19,100\n"
                                            "model,org/old,5000,2026-11-20,200\n"
                                            "model,org/new,0,2026-11-20,30\n");
  g_autoptr(HubChart) chart = new_chart (dataset, "org/old");
  g_autoptr(HubChart) overall = HUB_CHART (g_object_ref_sink (hub_chart_new ()));
  HubChartLayer *level;

  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
  g_assert_cmpint (hub_chart_get_earlier (chart), ==, 0);
  hub_chart_set_cumulative (chart, TRUE);
  g_assert_cmpint (hub_chart_get_earlier (chart), ==, 4700);
  g_assert_cmpint (point (chart, 0)->value, ==, 4700);
  g_assert_cmpint (point (chart, 28)->value, ==, 4800);
  /* It ends on All Time, as the card above it does. */
  g_assert_cmpint (point (chart, 29)->value, ==,
                   hub_repo_all_time (hub_dataset_find_repo (dataset, "model", "org/old")));
  assert_point_text (chart, 29, "Fri 20 Nov 2026\n5000 downloads in all");
  assert_label (chart,
                "Cumulative downloads of org/old from 22 Oct 2026 to 20 Nov 2026, "
                "rising from 4700 to 5000. "
                "4700 of them were counted before the daily figures begin.");

  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 2);
  g_assert_true (HUB_IS_AREA_LAYER (hub_chart_get_layer (chart, 0)));
  level = hub_chart_get_layer (chart, 1);
  g_assert_true (HUB_IS_MARKER_LAYER (level));
  g_assert_cmpstr (hub_marker_layer_get_label (HUB_MARKER_LAYER (level)), ==,
                   "4700 downloads before the daily figures begin");

  /* The organisation's: its All Time less its rows. */
  hub_chart_set_series (overall, dataset, hub_dataset_get_overall (dataset),
                        hub_dataset_get_as_of (dataset));
  hub_chart_set_cumulative (overall, TRUE);
  g_assert_cmpint (point (overall, n_points (overall) - 1)->value, ==,
                   hub_dataset_get_totals (dataset)->all_time);

  /* A repository whose rows hold it all has no level. */
  hub_chart_set_series (chart, dataset, hub_dataset_find_repo (dataset, "model", "org/new"),
                        hub_dataset_get_as_of (dataset));
  g_assert_cmpint (hub_chart_get_earlier (chart), ==, 0);
  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&chart));
  g_assert_finalize_object (g_steal_pointer (&overall));
}

/* The layers drawn for each view, and the legend's words. */
static void
test_layers (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  g_autoptr(HubChart) chart = new_chart (dataset, "org/a");
  HubChartLayer *layer;

  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 2);
  layer = hub_chart_get_layer (chart, 0);
  g_assert_true (HUB_IS_COLUMN_LAYER (layer));
  g_assert_cmpstr (hub_chart_layer_get_title (layer), ==, "Daily downloads");
  layer = hub_chart_get_layer (chart, 1);
  g_assert_true (HUB_IS_LINE_LAYER (layer));
  g_assert_cmpstr (hub_chart_layer_get_title (layer), ==, "7-day average");
  g_assert_cmpfloat (hub_chart_layer_get_max (layer), ==, 17);

  hub_chart_set_bucket (chart, HUB_BUCKET_WEEK);
  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 1);
  g_assert_cmpstr (hub_chart_layer_get_title (hub_chart_get_layer (chart, 0)), ==,
                   "Weekly downloads");
  g_assert_true (hub_chart_get_point_partial (chart, 0));
  g_assert_false (hub_chart_get_point_partial (chart, 2));
  g_assert_true (hub_chart_get_point_partial (chart, 4));

  /* As an area (the overview), a partial week's point is marked. */
  hub_chart_set_style (chart, HUB_CHART_STYLE_AREA);
  layer = hub_chart_get_layer (chart, 0);
  g_assert_true (HUB_IS_AREA_LAYER (layer));
  {
    guint n;
    const HubChartPoint *points = hub_line_layer_get_points (HUB_LINE_LAYER (layer), &n);

    g_assert_cmpuint (n, ==, 5);
    g_assert_true (points[0].partial);
    g_assert_false (points[1].partial);
    g_assert_true (points[4].partial);
    /* The middle of 16 … 20 Nov, the days the range holds. */
    g_assert_cmpfloat (points[4].day, ==, ymd (2026, 11, 16) + 2.5);
  }

  hub_chart_set_series (chart, NULL, NULL, HUB_DAY_NONE);
  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 0);

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
  HubRangePreset range;
  HubBucket bucket;
  gboolean cumulative;

  g_signal_connect (chart, "notify", G_CALLBACK (count_notify), &count);
  hub_chart_set_range (chart, HUB_RANGE_LAST_365_DAYS);
  hub_chart_set_range (chart, HUB_RANGE_LAST_365_DAYS);
  g_object_set (chart, "bucket", HUB_BUCKET_WEEK, "cumulative", TRUE, NULL);
  g_object_set (chart, "bucket", HUB_BUCKET_WEEK, NULL);
  g_assert_cmpuint (count, ==, 3);

  g_object_get (chart, "range", &range, "bucket", &bucket, "cumulative", &cumulative, NULL);
  g_assert_cmpint (range, ==, HUB_RANGE_LAST_365_DAYS);
  g_assert_cmpint (bucket, ==, HUB_BUCKET_WEEK);
  g_assert_true (cumulative);
  g_assert_cmpuint (n_points (chart), ==, 0);

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
  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
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
  g_assert_cmpstr (text, ==, "Fri 20 Nov 2026\n20 downloads\n7-day average: 17");
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
  hub_chart_set_range (chart, HUB_RANGE_LAST_90_DAYS);
  press_key (GTK_WIDGET (chart), GDK_KEY_Home);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, 0);
  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
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

  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
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
  hub_chart_set_range (overall, HUB_RANGE_LAST_30_DAYS);
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

/* The exported picture: the chart under its title and subtitle. */
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
  g_autofree GdkRGBA *accent = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const GdkRGBA white = { 1, 1, 1, 1 };
  GtkWindow *window;
  guint accent_pixels;
  int scale;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  hub_chart_set_series (chart, dataset, hub_dataset_find_repo (dataset, "model", "org/a"),
                        hub_dataset_get_as_of (dataset));
  hub_chart_set_range (chart, HUB_RANGE_LAST_30_DAYS);
  window = show_in_window (GTK_WIDGET (chart), 640, 300);
  accent = adw_style_manager_get_accent_color_rgba (adw_style_manager_get_default ());
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (chart));

  title = hub_chart_dup_title (chart);
  subtitle = hub_chart_dup_subtitle (chart);
  g_assert_cmpstr (title, ==, "Daily downloads");
  g_assert_cmpstr (subtitle, ==, "org/a · 22 Oct 2026 – 20 Nov 2026 · downloads a day");
  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  g_clear_pointer (&subtitle, g_free);
  subtitle = hub_chart_dup_subtitle (chart);
  g_assert_cmpstr (subtitle, ==, "org/a · 22 Oct 2026 – 20 Nov 2026 · downloads a month");
  hub_chart_set_bucket (chart, HUB_BUCKET_DAY);
  wait_for_frames (GTK_WIDGET (chart), 1);

  texture = hub_chart_render_picture (chart, &error);
  g_assert_no_error (error);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (GTK_WIDGET (chart)) * scale);
  /* Taller than the chart: the title and subtitle take the top. */
  g_assert_cmpint (gdk_texture_get_height (texture), >,
                   (gtk_widget_get_height (GTK_WIDGET (chart)) + 40) * scale);

  /* The 20 bars are the accent colour: the tallest alone has thousands of pixels. */
  accent_pixels = count_pixels (texture, accent);
  g_test_message ("%u accent pixels", accent_pixels);
  g_assert_cmpuint (accent_pixels, >, 5000);
  g_assert_cmpuint (count_pixels (texture, &white), >, accent_pixels);

  path = g_test_build_filename (G_TEST_BUILT, "widgets", "chart-export.png", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (hub_chart_save_png (chart, file, &error));
  g_assert_no_error (error);
  loaded = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_height (loaded), ==, gdk_texture_get_height (texture));
  g_test_message ("saved %s", path);

  /* A chart that is not on screen has nothing to export. */
  g_assert_null (hub_chart_render_picture (unshown, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&unshown));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* The layers style (the request logs' charts): the caller's layers over
 * its days, a text a day, a legend entry for each part of a stacked layer,
 * the caller's words, and nothing drawn when nothing is counted. */
static void
test_given_layers (void)
{
  HubChart *chart = HUB_CHART (hub_chart_new ());
  const GdkRGBA red = { 1, 0, 0, 1 };
  const GdkRGBA parts[] = { { 0, 0.5f, 0, 1 }, { 0, 0, 1, 1 } };
  const char *titles[] = { "Downloads", "Errors" };
  HubChartPoint points[5];
  HubStackColumn columns[5] = { 0 };
  HubChartLayer *layers[2];
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *text = NULL;
  g_autofree char *placeholder = NULL;
  GtkWindow *window;
  int scale;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_object_set (chart, "style", HUB_CHART_STYLE_LAYERS, "placeholder", "No requests to show", NULL);
  window = show_in_window (GTK_WIDGET (chart), 640, 300);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (chart));
  g_assert_cmpuint (hub_chart_get_points (chart)->len, ==, 0);
  g_object_get (chart, "placeholder", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "No requests to show");

  for (guint i = 0; i < 5; i++)
    {
      points[i] = (HubChartPoint) { 100 + i + 0.5, 10.0 * (i + 1), i, FALSE };
      columns[i].first = columns[i].last = 100 + (HubDay) i;
      columns[i].values[0] = 5 * (i + 1);
      g_strv_builder_take (texts, g_strdup_printf ("day %u", i));
    }
  layers[0] = hub_line_layer_new ();
  hub_chart_layer_set_title (layers[0], "Sessions");
  hub_line_layer_set_color (HUB_LINE_LAYER (layers[0]), &red);
  hub_line_layer_set_points (HUB_LINE_LAYER (layers[0]), points, 5);
  layers[1] = hub_stack_layer_new (titles, parts, 2);
  hub_stack_layer_set_columns (HUB_STACK_LAYER (layers[1]), columns, 5);
  hub_chart_set_layers (chart, 100, 104, layers, 2, g_strv_builder_end (texts), "Two series");

  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 2);
  g_assert_true (hub_chart_get_layer (chart, 1) == layers[1]);
  g_assert_cmpuint (hub_chart_get_points (chart)->len, ==, 5);
  text = hub_chart_dup_point_text (chart, 3);
  g_assert_cmpstr (text, ==, "day 3");
  assert_label (chart, "Two series");

  /* "Errors" counts nothing: its colour is its legend entry's alone. */
  wait_for_frames (GTK_WIDGET (chart), 2);
  texture = hub_test_render (GTK_WIDGET (window));
  g_assert_cmpuint (count_pixels (texture, &parts[1]), >, 40 * scale * scale);
  g_assert_cmpuint (count_pixels (texture, &parts[1]), <=, 12 * 10 * scale * scale);
  g_assert_cmpuint (count_pixels (texture, &parts[0]), >, 12 * 10 * scale * scale);
  g_assert_cmpuint (count_pixels (texture, &red), >, 0);

  /* A day in the marker's band: the keyboard moves it a day at a time. */
  hub_chart_set_marker (chart, 4);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, 4);

  /* Days with nothing counted: no layer drawn, no point to mark, the
   * placeholder instead; then no days at all. */
  for (guint i = 0; i < 5; i++)
    points[i].value = 0;
  layers[0] = hub_line_layer_new ();
  hub_line_layer_set_points (HUB_LINE_LAYER (layers[0]), points, 5);
  hub_chart_set_layers (chart, 100, 104, layers, 1, NULL, "Nothing");
  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 0);
  g_assert_cmpuint (hub_chart_get_points (chart)->len, ==, 0);
  g_assert_cmpint (hub_chart_get_marker (chart), ==, -1);
  hub_chart_set_layers (chart, HUB_DAY_NONE, HUB_DAY_NONE, NULL, 0, NULL, NULL);
  g_assert_cmpuint (hub_chart_get_points (chart)->len, ==, 0);
  assert_label (chart, "");

  close_window (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
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
    HubRangePreset range;
    HubBucket     bucket;
    gboolean      cumulative;
    const char   *name;
  } modes[] = {
    { HUB_RANGE_LAST_90_DAYS, HUB_BUCKET_DAY, FALSE, "daily-90" },
    { HUB_RANGE_LAST_30_DAYS, HUB_BUCKET_DAY, FALSE, "daily-30" },
    { HUB_RANGE_ALL, HUB_BUCKET_DAY, FALSE, "daily-all" },
    { HUB_RANGE_LAST_365_DAYS, HUB_BUCKET_WEEK, FALSE, "weekly-year" },
    { HUB_RANGE_ALL, HUB_BUCKET_MONTH, FALSE, "monthly-all" },
    { HUB_RANGE_ALL, HUB_BUCKET_MONTH, TRUE, "cumulative-all" },
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

      /* The picture Export Chart as PNG… writes, titled. */
      {
        g_autofree char *name = g_strdup_printf ("chart-export-cumulative-%s.png",
                                                 schemes[s].scheme_name);
        g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "widgets", name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;

        g_assert_true (hub_chart_save_png (chart, file, &error));
        g_assert_no_error (error);
        g_test_message ("saved %s", path);
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
    hub_chart_set_range (chart, HUB_RANGE_ALL);
    hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
    wait_for_frames (GTK_WIDGET (chart), 2);
    save_window (window, "chart-narrow-monthly-all-light.png");
    close_window (window);
  }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* Days marked on a custom range: those in it drawn with their words,
 * those outside left out; the picture saved in light and dark. */
static void
test_day_marks (void)
{
  g_autoptr(HubDataset) dataset = load_november ();
  HubDayMark shown[] = {
    { ymd (2026, 11, 1), HUB_DAY_MARK_NOTE, "v2 released" },
    { ymd (2026, 11, 5), HUB_DAY_MARK_SPIKE, "Spike: 40 downloads" },
    { ymd (2026, 10, 20), HUB_DAY_MARK_MILESTONE, "200 downloads" },
    { ymd (2026, 11, 12), HUB_DAY_MARK_DROP, "Drop: 0 downloads" },
    { ymd (2026, 9, 1), HUB_DAY_MARK_NOTE, "before the range" },
  };
  const GdkRGBA spike = { 0.15f, 0.64f, 0.41f, 1 };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  HubChart *chart = HUB_CHART (hub_chart_new ());
  HubDayMarkLayer *layer = NULL;
  HubDay first, last;
  HubDayMark mark;
  GtkWindow *window;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  hub_chart_set_series (chart, dataset, hub_dataset_find_repo (dataset, "model", "org/b"),
                        hub_dataset_get_as_of (dataset));
  hub_chart_set_custom_range (chart, (HubRange) { ymd (2026, 10, 15), ymd (2026, 11, 15) });
  g_assert_cmpint (hub_chart_get_range (chart), ==, HUB_RANGE_CUSTOM);
  hub_chart_get_span (chart, &first, &last);
  g_assert_cmpint (first, ==, ymd (2026, 10, 15));
  g_assert_cmpint (last, ==, ymd (2026, 11, 15));
  g_assert_cmpuint (n_points (chart), ==, 32);

  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 2);
  hub_chart_set_day_marks (chart, shown, G_N_ELEMENTS (shown));
  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 3);
  layer = HUB_DAY_MARK_LAYER (hub_chart_get_layer (chart, 2));
  g_assert_cmpuint (hub_day_mark_layer_get_n_marks (layer), ==, 5);
  /* Kept in day order, their words copied. */
  hub_day_mark_layer_get_mark (layer, 0, &mark);
  g_assert_cmpint (mark.day, ==, ymd (2026, 9, 1));
  hub_day_mark_layer_get_mark (layer, 2, &mark);
  g_assert_cmpstr (mark.label, ==, "v2 released");
  g_assert_true (mark.label != shown[0].label);

  window = show_in_window (GTK_WIDGET (chart), 720, 320);
  g_assert_cmpuint (hub_day_mark_layer_get_n_shown (layer), ==, 4);
  {
    g_autoptr(GdkTexture) texture = hub_test_render (GTK_WIDGET (window));

    g_assert_cmpuint (count_pixels (texture, &spike), >, 10);
  }
  save_window (window, "chart-day-marks-light.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (GTK_WIDGET (chart), 2);
  save_window (window, "chart-day-marks-dark.png");

  /* Two days apart, the note's words would cover the spike's sign on the
   * first row: they take the second, and the spike's the first. */
  {
    HubDayMark close[] = {
      { ymd (2026, 11, 1), HUB_DAY_MARK_NOTE, "Version 2 released" },
      { ymd (2026, 11, 3), HUB_DAY_MARK_SPIKE, "Spike: 40" },
    };

    hub_chart_set_day_marks (chart, close, G_N_ELEMENTS (close));
    layer = HUB_DAY_MARK_LAYER (hub_chart_get_layer (chart, 2));
    wait_for_frames (GTK_WIDGET (chart), 2);
    g_assert_cmpint (hub_day_mark_layer_get_row (layer, 0), ==, 1);
    g_assert_cmpint (hub_day_mark_layer_get_row (layer, 1), ==, 0);
  }

  /* No marks: the layer goes. */
  hub_chart_set_day_marks (chart, NULL, 0);
  g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 2);
  close_window (window);
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

  g_test_add_func ("/widgets/chart/buckets/day", test_buckets_day);
  g_test_add_func ("/widgets/chart/buckets/week", test_buckets_week);
  g_test_add_func ("/widgets/chart/buckets/month", test_buckets_month);
  g_test_add_func ("/widgets/chart/buckets/leap-year", test_buckets_leap);
  g_test_add_func ("/widgets/chart/buckets/gaps", test_buckets_gaps);
  g_test_add_func ("/widgets/chart/buckets/longer-than-data", test_buckets_longer_than_data);
  g_test_add_func ("/widgets/chart/buckets/overall", test_overall);
  g_test_add_func ("/widgets/chart/average", test_average);
  g_test_add_func ("/widgets/chart/cumulative", test_cumulative);
  g_test_add_func ("/widgets/chart/earlier", test_earlier);
  g_test_add_func ("/widgets/chart/layers", test_layers);
  g_test_add_func ("/widgets/chart/given-layers", test_given_layers);
  g_test_add_func ("/widgets/chart/properties", test_properties);
  g_test_add_func ("/widgets/chart/marker", test_marker);
  g_test_add_func ("/widgets/chart/accessible", test_accessible);
  g_test_add_func ("/widgets/chart/render", test_render);
  g_test_add_func ("/widgets/chart/screenshots", test_screenshots);
  g_test_add_func ("/widgets/chart/day-marks", test_day_marks);

  return g_test_run ();
}
