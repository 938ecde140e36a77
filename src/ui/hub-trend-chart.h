/* hub-trend-chart.h: the organisation's downloads over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

#define HUB_TYPE_TREND_CHART (hub_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (HubTrendChart, hub_trend_chart, HUB, TREND_CHART, GtkWidget)

/* Days the chart shows for the Last Month period. */
#define HUB_TREND_RECENT_DAYS 90

GtkWidget  *hub_trend_chart_new         (void);
void        hub_trend_chart_set_dataset (HubTrendChart *self,
                                         HubDataset    *dataset,
                                         HubPeriod      period);
const char *hub_trend_chart_get_title   (HubTrendChart *self);
guint       hub_trend_chart_get_n_points (HubTrendChart *self);

G_END_DECLS
