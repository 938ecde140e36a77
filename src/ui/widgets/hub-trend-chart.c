/* hub-trend-chart.c: the organisation's downloads over the range, above the table
 *
 * Not a chart of its own: a HubChart of the dataset's overall series, drawn
 * as an area, over the window's range, day by day; a range longer than half
 * a year by week, its partial first and last weeks drawn and marked as
 * partial. While a search or the type filter narrows the table, the series
 * is the sum of the rows shown, and the title says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hub-format.h"
#include "hub-trend-chart.h"

/* A range longer than this goes by weeks. */
#define DAILY_DAYS_MAX 183

struct _HubTrendChart
{
  GtkWidget  parent_instance;

  HubChart   *chart;
  char       *title;
  HubDataset *dataset;
  HubSpan     span;
  HubRepo    *shown;     /* the rows shown summed, while narrowed */
  guint      *indexes;   /* the rows shown, while narrowed */
  guint       n_indexes;
  guint       n_repos;
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
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->shown, hub_repo_free);
  g_free (self->indexes);

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

static void
update (HubTrendChart *self)
{
  const HubTotals *totals;
  HubRange range = self->span.range;
  HubBucket bucket = HUB_BUCKET_DAY;
  g_autofree char *days = NULL;
  g_autofree char *title = NULL;
  g_autoptr(HubRepo) shown = NULL;
  const HubRepo *series;

  g_clear_pointer (&self->title, g_free);
  if (self->dataset == NULL || (totals = hub_dataset_get_totals (self->dataset))->as_of == HUB_DAY_NONE)
    {
      hub_chart_set_series (self->chart, NULL, NULL, HUB_DAY_NONE);
      g_clear_pointer (&self->shown, hub_repo_free);
      return;
    }

  if (self->span.preset == HUB_RANGE_ALL)
    range = hub_range_from_preset (HUB_RANGE_ALL, totals->as_of, totals->first_day);
  if (hub_range_get_n_days (range) > DAILY_DAYS_MAX)
    bucket = HUB_BUCKET_WEEK;

  days = self->span.preset == HUB_RANGE_ALL ? g_strdup (_("all time")) : hub_format_range (range);
  title = bucket == HUB_BUCKET_WEEK
    /* Translators: the overview chart's title; %s is a range of dates, or "all time" */
    ? g_strdup_printf (_("Weekly downloads, %s"), days)
    /* Translators: the overview chart's title; %s is a range of dates, or "all time" */
    : g_strdup_printf (_("Daily downloads, %s"), days);
  if (self->indexes != NULL)
    {
      g_autofree char *count = hub_format_count (self->n_indexes);
      g_autofree char *total = hub_format_count (self->n_repos);

      /* Translators: the overview chart's title while a filter narrows the
       * table: "Daily downloads, 1 – 30 Nov 2026, sum of 12 of 150 repositories shown" */
      self->title = g_strdup_printf (ngettext ("%s, sum of %s of %s repository shown",
                                               "%s, sum of %s of %s repositories shown",
                                               self->n_repos),
                                     title, count, total);
      /* From 6 days before the range, which the 7-day average of its first
       * days counts. */
      shown = hub_dataset_sum_repos (self->dataset, self->indexes, self->n_indexes,
                                     range.first - (HUB_AVERAGE_DAYS - 1), range.last);
      series = shown;
    }
  else
    {
      self->title = g_steal_pointer (&title);
      series = hub_dataset_get_overall (self->dataset);
    }

  if (self->span.preset == HUB_RANGE_ALL)
    hub_chart_set_range (self->chart, HUB_RANGE_ALL);
  else
    hub_chart_set_custom_range (self->chart, range);
  hub_chart_set_bucket (self->chart, bucket);
  hub_chart_set_series (self->chart, self->dataset, series, totals->as_of);
  /* The chart holds the series shown: the one before it may go now. */
  g_clear_pointer (&self->shown, hub_repo_free);
  self->shown = g_steal_pointer (&shown);
}

/* The chart follows the window's range, as the cards do. */
void
hub_trend_chart_set_dataset (HubTrendChart *self,
                             HubDataset    *dataset,
                             const HubSpan *span)
{
  g_return_if_fail (HUB_IS_TREND_CHART (self));
  g_return_if_fail (dataset == NULL || HUB_IS_DATASET (dataset));
  g_return_if_fail (span != NULL);

  if (self->dataset != dataset)
    g_clear_pointer (&self->indexes, g_free);
  g_set_object (&self->dataset, dataset);
  self->span = *span;
  update (self);
}

/**
 * hub_trend_chart_set_shown:
 * @indexes: (array length=n_indexes) (nullable): the repositories the table
 *   shows while a filter narrows it, or %NULL for the whole source
 *
 * While a filter narrows the table, the chart draws the sum of its rows.
 */
void
hub_trend_chart_set_shown (HubTrendChart *self,
                           const guint   *indexes,
                           guint          n_indexes)
{
  g_return_if_fail (HUB_IS_TREND_CHART (self));

  g_clear_pointer (&self->indexes, g_free);
  self->n_indexes = indexes != NULL ? n_indexes : 0;
  self->n_repos = self->dataset != NULL ? hub_dataset_get_n_repos (self->dataset) : 0;
  if (indexes != NULL)
    {
      self->indexes = g_new (guint, MAX (n_indexes, 1));
      memcpy (self->indexes, indexes, sizeof (guint) * n_indexes);
    }
  update (self);
}

gboolean
hub_trend_chart_get_narrowed (HubTrendChart *self)
{
  g_return_val_if_fail (HUB_IS_TREND_CHART (self), FALSE);

  return self->indexes != NULL;
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
