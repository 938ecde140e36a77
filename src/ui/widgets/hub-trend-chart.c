/* hub-trend-chart.c: the organisation's downloads over the period, above the table
 *
 * Not a chart of its own: a HubChart of the dataset's overall series, drawn
 * as an area, over the window's period. Last Month shows its 30 days, day
 * by day; All Time the whole history, by week when that is longer than half
 * a year, its partial first and last weeks drawn and marked as partial.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-trend-chart.h"

/* All Time longer than this goes by weeks. */
#define DAILY_DAYS_MAX 183

struct _HubTrendChart
{
  GtkWidget  parent_instance;

  HubChart  *chart;
  char      *title;
};

G_DEFINE_FINAL_TYPE (HubTrendChart, hub_trend_chart, GTK_TYPE_WIDGET)

static void
hub_trend_chart_dispose (GObject *object)
{
  HubTrendChart *self = HUB_TREND_CHART (object);

  if (self->chart != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->chart));
      self->chart = NULL;
    }

  G_OBJECT_CLASS (hub_trend_chart_parent_class)->dispose (object);
}

static void
hub_trend_chart_finalize (GObject *object)
{
  HubTrendChart *self = HUB_TREND_CHART (object);

  g_free (self->title);

  G_OBJECT_CLASS (hub_trend_chart_parent_class)->finalize (object);
}

static void
hub_trend_chart_class_init (HubTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_trend_chart_dispose;
  object_class->finalize = hub_trend_chart_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trendchart");
}

static void
hub_trend_chart_init (HubTrendChart *self)
{
  self->chart = HUB_CHART (hub_chart_new ());
  hub_chart_set_style (self->chart, HUB_CHART_STYLE_AREA);
  gtk_widget_set_parent (GTK_WIDGET (self->chart), GTK_WIDGET (self));
}

GtkWidget *
hub_trend_chart_new (void)
{
  return g_object_new (HUB_TYPE_TREND_CHART, NULL);
}

/* The chart follows the window's period, as the cards do. */
void
hub_trend_chart_set_dataset (HubTrendChart *self,
                             HubDataset    *dataset,
                             HubPeriod      period)
{
  const HubTotals *totals;
  HubRangePreset range = HUB_RANGE_LAST_30_DAYS;
  HubBucket bucket = HUB_BUCKET_DAY;

  g_return_if_fail (HUB_IS_TREND_CHART (self));
  g_return_if_fail (dataset == NULL || HUB_IS_DATASET (dataset));

  g_clear_pointer (&self->title, g_free);
  if (dataset == NULL || (totals = hub_dataset_get_totals (dataset))->as_of == HUB_DAY_NONE)
    {
      hub_chart_set_series (self->chart, NULL, NULL, HUB_DAY_NONE);
      return;
    }

  if (period == HUB_PERIOD_LAST_MONTH)
    {
      guint n_days = hub_range_get_n_days (hub_range_last_month (totals->as_of));

      self->title = g_strdup_printf (ngettext ("Daily downloads, last %u day",
                                               "Daily downloads, last %u days", n_days),
                                     n_days);
    }
  else
    {
      range = HUB_RANGE_ALL;
      if (totals->as_of - totals->first_day >= DAILY_DAYS_MAX)
        bucket = HUB_BUCKET_WEEK;
      self->title = g_strdup (bucket == HUB_BUCKET_WEEK ? _("Weekly downloads, all time")
                                                        : _("Daily downloads, all time"));
    }

  hub_chart_set_range (self->chart, range);
  hub_chart_set_bucket (self->chart, bucket);
  hub_chart_set_series (self->chart, dataset, hub_dataset_get_overall (dataset), totals->as_of);
}

/* What the chart shows, for the heading above it. */
const char *
hub_trend_chart_get_title (HubTrendChart *self)
{
  g_return_val_if_fail (HUB_IS_TREND_CHART (self), NULL);

  return self->title;
}

guint
hub_trend_chart_get_n_points (HubTrendChart *self)
{
  g_return_val_if_fail (HUB_IS_TREND_CHART (self), 0);

  return hub_chart_get_points (self->chart)->len;
}

HubChart *
hub_trend_chart_get_chart (HubTrendChart *self)
{
  g_return_val_if_fail (HUB_IS_TREND_CHART (self), NULL);

  return self->chart;
}
