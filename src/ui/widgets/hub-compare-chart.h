/* hub-compare-chart.h: up to six repositories as lines on one scale, with a legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_COMPARE_CHART (hub_compare_chart_get_type ())

G_DECLARE_FINAL_TYPE (HubCompareChart, hub_compare_chart, HUB, COMPARE_CHART, GtkWidget)

GtkWidget             *hub_compare_chart_new        (void);
void                   hub_compare_chart_set_table  (HubCompareChart  *self,
                                                     HubCompareTable  *table);
const HubCompareTable *hub_compare_chart_get_table  (HubCompareChart  *self);
void                   hub_compare_chart_get_color  (HubCompareChart  *self,
                                                     guint             series,
                                                     GdkRGBA          *color);
gboolean               hub_compare_chart_save_png   (HubCompareChart  *self,
                                                     GFile            *file,
                                                     GError          **error);

G_END_DECLS
