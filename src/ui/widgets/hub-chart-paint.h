/* hub-chart-paint.h: what the charts draw alike: their colours and text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-chart-layer.h"

G_BEGIN_DECLS

/* What the plot's frame is drawn with, from the foreground. */
typedef struct
{
  GdkRGBA grid;
  GdkRGBA baseline;
  GdkRGBA text;
} HubChartInk;

void     hub_chart_colors_from_style  (HubChartColors       *colors,
                                       GtkWidget            *widget);
GdkRGBA  hub_chart_with_alpha         (const GdkRGBA        *color,
                                       float                 alpha);
void     hub_chart_ink_from_colors    (const HubChartColors *colors,
                                       HubChartInk          *ink);
void     hub_chart_append_layout      (GtkSnapshot          *snapshot,
                                       PangoLayout          *layout,
                                       double                x,
                                       double                y,
                                       const GdkRGBA        *color);
gboolean hub_chart_append_placeholder (GtkSnapshot          *snapshot,
                                       GtkWidget            *widget,
                                       PangoLayout          *placeholder,
                                       const GdkRGBA        *color);

G_END_DECLS
