/* test-trend-chart.c: the overview chart follows the window's range, keeps partial weeks
 * and sums the rows a filter shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "hub-core.h"
#include "hub-line-layer.h"
#include "hub-trend-chart.h"
#include "hub-ui-test-util.h"

/* org/a: 1 … 400 downloads a day over the 400 days to Friday 20 Nov 2026;
 * with_b, org/b too: 1000 a day over its last 30 days. */
static HubDataset *
load_repos (gboolean with_b)
{
  g_autoptr(GString) csv = g_string_new ("repoType,repoName,total,timestamp,downloads\n");
  HubDay last = hub_day_from_ymd (2026, 11, 20);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HubDataset *dataset;

  for (HubDay day = last - 399; day <= last; day++)
    {
      char date[HUB_DAY_ISO_LEN];

      hub_day_format (day, date);
      g_string_append_printf (csv, "model,org/a,0,%s,%d\n", date, (int) (day - (last - 400)));
      if (with_b && day > last - 30)
        g_string_append_printf (csv, "dataset,org/b,0,%s,1000\n", date);
    }
  bytes = g_bytes_new (csv->str, csv->len);
  dataset = hub_dataset_load_bytes (bytes, "long.csv", &error);
  g_assert_no_error (error);
  return dataset;
}

static HubDataset *
load_long (void)
{
  return load_repos (FALSE);
}

static HubSpan
span_of (HubDataset     *dataset,
         HubRangePreset  preset)
{
  const HubTotals *totals = hub_dataset_get_totals (dataset);

  return hub_span_make (preset, hub_range_from_preset (preset, totals->as_of, totals->first_day),
                        HUB_COMPARISON_PREVIOUS);
}

static void
test_period (void)
{
  g_autoptr(HubDataset) dataset = load_long ();
  HubTrendChart *trend = HUB_TREND_CHART (g_object_ref_sink (hub_trend_chart_new ()));
  HubChart *chart = hub_trend_chart_get_chart (trend);
  const GArray *points;
  HubDay first, last;
  HubSpan month = span_of (dataset, HUB_RANGE_LAST_30_DAYS);
  HubSpan all = span_of (dataset, HUB_RANGE_ALL);
  HubSpan custom = hub_span_make (HUB_RANGE_CUSTOM, (HubRange) { hub_day_from_ymd (2026, 2, 27),
                                                                 hub_day_from_ymd (2026, 3, 2) },
                                  HUB_COMPARISON_YEAR);

  g_assert_cmpint (hub_chart_get_style (chart), ==, HUB_CHART_STYLE_AREA);

  /* Last Month: the cards' 30 days, day by day. */
  hub_trend_chart_set_dataset (trend, dataset, &month);
  g_assert_cmpstr (hub_trend_chart_get_title (trend), ==, "Daily downloads, 22 Oct – 20 Nov 2026");
  g_assert_cmpuint (hub_trend_chart_get_n_points (trend), ==, 30);
  hub_chart_get_span (chart, &first, &last);
  g_assert_cmpint (first, ==, hub_range_last_month (last).first);
  points = hub_chart_get_points (chart);
  g_assert_cmpint (g_array_index (points, HubPoint, 29).value, ==, 400);

  /* All Time over 400 days: by week, the partial first and last weeks kept. */
  hub_trend_chart_set_dataset (trend, dataset, &all);
  g_assert_cmpstr (hub_trend_chart_get_title (trend), ==, "Weekly downloads, all time");
  points = hub_chart_get_points (chart);
  /* 17 Oct 2025 (a Friday) … 20 Nov 2026 (a Friday): 58 ISO weeks. */
  g_assert_cmpuint (points->len, ==, 58);
  g_assert_cmpint (g_array_index (points, HubPoint, 0).start, ==, hub_day_from_ymd (2025, 10, 13));
  g_assert_cmpint (g_array_index (points, HubPoint, 0).value, ==, 1 + 2 + 3);
  g_assert_true (hub_chart_get_point_partial (chart, 0));
  g_assert_false (hub_chart_get_point_partial (chart, 1));
  g_assert_true (hub_chart_get_point_partial (chart, 57));
  {
    g_autofree char *text = hub_chart_dup_point_text (chart, 57);

    g_assert_cmpstr (text, ==, "Week of 16 Nov 2026 (partial)\n1990 downloads");
  }

  /* A custom range: its days, across the end of February. 27 Feb 2026 is
   * day 400 − 266 = 134 of org/a's series. */
  hub_trend_chart_set_dataset (trend, dataset, &custom);
  g_assert_cmpstr (hub_trend_chart_get_title (trend), ==, "Daily downloads, 27 Feb – 2 Mar 2026");
  points = hub_chart_get_points (chart);
  g_assert_cmpuint (points->len, ==, 4);
  g_assert_cmpint (g_array_index (points, HubPoint, 0).value, ==,
                   hub_day_from_ymd (2026, 2, 27) - (hub_day_from_ymd (2026, 11, 20) - 400));
  g_assert_cmpint (g_array_index (points, HubPoint, 3).value, ==,
                   hub_day_from_ymd (2026, 3, 2) - (hub_day_from_ymd (2026, 11, 20) - 400));

  hub_trend_chart_set_dataset (trend, NULL, &all);
  g_assert_null (hub_trend_chart_get_title (trend));
  g_assert_cmpuint (hub_trend_chart_get_n_points (trend), ==, 0);

  g_assert_finalize_object (trend);
}

static guint
index_of (HubDataset *dataset,
          const char *name)
{
  for (guint i = 0; i < hub_dataset_get_n_repos (dataset); i++)
    if (g_str_equal (hub_dataset_get_repo (dataset, i)->name, name))
      return i;
  g_assert_not_reached ();
}

/* While a filter narrows the table, the chart sums the rows shown, and says so. */
static void
test_narrowed (void)
{
  g_autoptr(HubDataset) dataset = load_repos (TRUE);
  HubTrendChart *trend = HUB_TREND_CHART (g_object_ref_sink (hub_trend_chart_new ()));
  HubChart *chart = hub_trend_chart_get_chart (trend);
  HubSpan week = span_of (dataset, HUB_RANGE_LAST_7_DAYS);
  guint a = index_of (dataset, "org/a");
  guint b = index_of (dataset, "org/b");
  const GArray *points;

  hub_trend_chart_set_dataset (trend, dataset, &week);
  points = hub_chart_get_points (chart);
  g_assert_cmpuint (points->len, ==, 7);
  g_assert_cmpint (g_array_index (points, HubPoint, 6).value, ==, 400 + 1000);
  g_assert_false (hub_trend_chart_get_narrowed (trend));

  hub_trend_chart_set_shown (trend, &a, 1);
  g_assert_true (hub_trend_chart_get_narrowed (trend));
  g_assert_cmpstr (hub_trend_chart_get_title (trend), ==,
                   "Daily downloads, 14 Nov – 20 Nov 2026, sum of 1 of 2 repositories shown");
  points = hub_chart_get_points (chart);
  g_assert_cmpuint (points->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (g_array_index (points, HubPoint, i).value, ==, 394 + i);

  /* The rows shown follow the range. */
  hub_trend_chart_set_shown (trend, &b, 1);
  points = hub_chart_get_points (chart);
  g_assert_cmpint (g_array_index (points, HubPoint, 0).value, ==, 1000);
  week = span_of (dataset, HUB_RANGE_LAST_90_DAYS);
  hub_trend_chart_set_dataset (trend, dataset, &week);
  points = hub_chart_get_points (chart);
  g_assert_cmpuint (points->len, ==, 90);
  g_assert_cmpint (g_array_index (points, HubPoint, 0).value, ==, 0);
  g_assert_cmpint (g_array_index (points, HubPoint, 89).value, ==, 1000);

  /* None shown: an empty sum. */
  hub_trend_chart_set_shown (trend, NULL, 0);
  hub_trend_chart_set_shown (trend, &a, 0);
  points = hub_chart_get_points (chart);
  g_assert_cmpint (g_array_index (points, HubPoint, 89).value, ==, 0);

  hub_trend_chart_set_shown (trend, NULL, 0);
  g_assert_false (hub_trend_chart_get_narrowed (trend));
  points = hub_chart_get_points (chart);
  g_assert_cmpint (g_array_index (points, HubPoint, 89).value, ==, 1400);

  g_assert_finalize_object (trend);
}

static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Pictures of the overview, to look at: both periods, light and dark. */
static void
test_screenshots (void)
{
  g_autoptr(HubDataset) dataset = load_long ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  static const struct {
    AdwColorScheme scheme;
    const char    *name;
  } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    for (HubRangePreset period = HUB_RANGE_LAST_30_DAYS; period <= HUB_RANGE_ALL;
         period += HUB_RANGE_ALL - HUB_RANGE_LAST_30_DAYS)
      {
        HubSpan span = span_of (dataset, period);
        GtkWidget *trend = hub_trend_chart_new ();
        GtkWindow *window = GTK_WINDOW (gtk_window_new ());
        g_autofree char *name = g_strdup_printf ("trend-%s-%s.png",
                                                 period == HUB_RANGE_ALL ? "all-time" : "last-month",
                                                 schemes[s].name);
        g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "widgets", name, NULL);
        g_autoptr(GdkTexture) texture = NULL;

        adw_style_manager_set_color_scheme (manager, schemes[s].scheme);
        hub_trend_chart_set_dataset (HUB_TREND_CHART (trend), dataset, &span);
        gtk_widget_set_margin_start (trend, 12);
        gtk_widget_set_margin_end (trend, 12);
        gtk_widget_set_margin_top (trend, 12);
        gtk_widget_set_margin_bottom (trend, 12);
        gtk_window_set_child (window, trend);
        gtk_window_set_default_size (window, 720, 200);
        gtk_window_present (window);
        hub_test_wait_for (is_shown, trend, 10, "the overview chart shown");
        texture = hub_test_render (GTK_WIDGET (window));
        g_assert_cmpint (gtk_widget_get_width (trend), >, 600);
        g_assert_true (gdk_texture_save_to_png (texture, path));
        g_test_message ("saved %s", path);
        gtk_window_destroy (window);
      }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/widgets/trend-chart/period", test_period);
  g_test_add_func ("/widgets/trend-chart/narrowed", test_narrowed);
  g_test_add_func ("/widgets/trend-chart/screenshots", test_screenshots);

  return g_test_run ();
}
