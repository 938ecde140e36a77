/* hub-trend-chart.h: the organisation's downloads over the range, above the table
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
                                          const HubSpan *span);
void        hub_trend_chart_set_shown    (HubTrendChart *self,
                                          const guint   *indexes,
                                          guint          n_indexes);
gboolean    hub_trend_chart_get_narrowed (HubTrendChart *self);
const char *hub_trend_chart_get_title    (HubTrendChart *self);
guint       hub_trend_chart_get_n_points (HubTrendChart *self);
HubChart   *hub_trend_chart_get_chart    (HubTrendChart *self);

G_END_DECLS
