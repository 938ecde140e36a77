/* bench-chart.c: how long the repository chart takes to switch ranges over five years of days
 *
 * Run by `meson test --benchmark --suite widgets`; the tests check what the
 * chart shows, this only how fast it gets there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "hub-chart.h"
#include "hub-core.h"

#define SWITCHES 400

/* A 5-year series with a weekly rhythm and growth. */
static HubDataset *
load_five_years (void)
{
  g_autoptr(GString) csv = g_string_new ("repoType,repoName,total,timestamp,downloads\n");
  HubDay first = hub_day_from_ymd (2021, 11, 24);
  HubDay last = hub_day_from_ymd (2026, 11, 20);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HubDataset *dataset;

  for (HubDay day = first; day <= last; day++)
    {
      double t = (double) (day - first) / (last - first);
      char date[HUB_DAY_ISO_LEN];

      hub_day_format (day, date);
      double weekday = hub_day_weekday (day) >= 6 ? 0.55 : 1;

      g_string_append_printf (csv, "model,org/big-model,0,%s,%d\n", date,
                              (int) ((800 + 5200 * t * t) * weekday));
    }
  bytes = g_bytes_new (csv->str, csv->len);
  dataset = hub_dataset_load_bytes (bytes, "bench.csv", &error);
  g_assert_no_error (error);
  return dataset;
}

int
main (int   argc,
      char *argv[])
{
  static const HubRangePreset ranges[] = {
    HUB_RANGE_ALL, HUB_RANGE_LAST_30_DAYS, HUB_RANGE_LAST_365_DAYS, HUB_RANGE_LAST_90_DAYS,
  };
  g_autoptr(HubDataset) dataset = NULL;
  HubChart *chart;
  GtkWindow *window;
  gint64 start, elapsed;
  HubRange all;

  gtk_init ();
  adw_init ();
  dataset = load_five_years ();
  chart = HUB_CHART (hub_chart_new ());
  hub_chart_set_series (chart, dataset, hub_dataset_find_repo (dataset, "model", "org/big-model"),
                        hub_dataset_get_as_of (dataset));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (chart));
  gtk_window_set_default_size (window, 720, 320);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (chart)))
    g_main_context_iteration (NULL, TRUE);

  /* Each switch computes the points and lays the chart out, as a click does. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < SWITCHES; i++)
    {
      hub_chart_set_range (chart, ranges[i % G_N_ELEMENTS (ranges)]);
      gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (chart),
                                &(GtkAllocation) { 0, 0, 720, 320 }, -1);
    }
  elapsed = g_get_monotonic_time () - start;

  all = hub_range_from_preset (HUB_RANGE_ALL, hub_dataset_get_as_of (dataset),
                               hub_dataset_get_totals (dataset)->first_day);
  g_print ("%u range switches over %u days: %.3f ms each\n", SWITCHES,
           hub_range_get_n_days (all), elapsed / 1000.0 / SWITCHES);

  gtk_window_destroy (window);
  return 0;
}
