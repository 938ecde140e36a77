/* hub-trend-chart.h: the organisation's downloads over the period, above the table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-chart.h"

G_BEGIN_DECLS

#define HUB_TYPE_TREND_CHART (hub_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (HubTrendChart, hub_trend_chart, HUB, TREND_CHART, GtkWidget)

GtkWidget  *hub_trend_chart_new          (void);
void        hub_trend_chart_set_dataset  (HubTrendChart *self,
                                          HubDataset    *dataset,
                                          HubPeriod      period);
const char *hub_trend_chart_get_title    (HubTrendChart *self);
guint       hub_trend_chart_get_n_points (HubTrendChart *self);
HubChart   *hub_trend_chart_get_chart    (HubTrendChart *self);

G_END_DECLS
