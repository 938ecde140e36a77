/* hub-audience-chart.h: request logs' figures day by day, drawn from chart layers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-chart-layer.h"
#include "hub-line-layer.h"

G_BEGIN_DECLS

#define HUB_TYPE_AUDIENCE_CHART (hub_audience_chart_get_type ())

G_DECLARE_FINAL_TYPE (HubAudienceChart, hub_audience_chart, HUB, AUDIENCE_CHART, GtkWidget)

GtkWidget     *hub_audience_chart_new         (void);
void           hub_audience_chart_set_layers  (HubAudienceChart    *self,
                                               HubDay               first,
                                               HubDay               last,
                                               HubChartLayer      **layers,
                                               guint                n_layers,
                                               GStrv                day_texts,
                                               const char          *description);
guint          hub_audience_chart_get_n_layers (HubAudienceChart   *self);
HubChartLayer *hub_audience_chart_get_layer   (HubAudienceChart    *self,
                                               guint                index);
char          *hub_audience_chart_dup_text_at (HubAudienceChart    *self,
                                               double               x);

/* A line in a colour of its own, for a chart of several lines. */
HubChartLayer *hub_colored_line_layer_new     (const char          *title,
                                               const GdkRGBA       *color);

G_END_DECLS
