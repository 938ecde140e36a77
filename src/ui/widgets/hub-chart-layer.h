/* hub-chart-layer.h: one series of a chart (columns, a line, an area, a marker)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-date.h"

G_BEGIN_DECLS

/* Where the chart put its plot, and its scales: days along x, counts up y.
 * A layer turns its data into pixels with it when the frame changes. */
typedef struct
{
  GtkWidget       *widget;      /* for text: its font and direction */
  graphene_rect_t  plot;
  HubDay           first;       /* the first day at the plot's left edge */
  double           px_per_day;
  double           top;         /* the count at the plot's top edge */
} HubChartFrame;

/* The style's colours, read by the chart when the style changes. */
typedef struct
{
  GdkRGBA accent;
  GdkRGBA foreground;
  GdkRGBA background;
} HubChartColors;

double hub_chart_frame_x (const HubChartFrame *frame,
                          double               day);
double hub_chart_frame_y (const HubChartFrame *frame,
                          double               value);

#define HUB_TYPE_CHART_LAYER (hub_chart_layer_get_type ())

G_DECLARE_DERIVABLE_TYPE (HubChartLayer, hub_chart_layer, HUB, CHART_LAYER, GObject)

struct _HubChartLayerClass
{
  GObjectClass parent_class;

  double (*get_max)         (HubChartLayer         *self);
  void   (*layout)          (HubChartLayer         *self,
                             const HubChartFrame   *frame);
  void   (*snapshot)        (HubChartLayer         *self,
                             GtkSnapshot           *snapshot,
                             const HubChartFrame   *frame,
                             const HubChartColors  *colors,
                             int                    marker);
  void   (*snapshot_swatch) (HubChartLayer         *self,
                             GtkSnapshot           *snapshot,
                             const graphene_rect_t *area,
                             const HubChartColors  *colors);
};

const char *hub_chart_layer_get_title       (HubChartLayer         *self);
void        hub_chart_layer_set_title       (HubChartLayer         *self,
                                             const char            *title);
double      hub_chart_layer_get_max         (HubChartLayer         *self);
void        hub_chart_layer_layout          (HubChartLayer         *self,
                                             const HubChartFrame   *frame);
void        hub_chart_layer_snapshot        (HubChartLayer         *self,
                                             GtkSnapshot           *snapshot,
                                             const HubChartFrame   *frame,
                                             const HubChartColors  *colors,
                                             int                    marker);
void        hub_chart_layer_snapshot_swatch (HubChartLayer         *self,
                                             GtkSnapshot           *snapshot,
                                             const graphene_rect_t *area,
                                             const HubChartColors  *colors);
void        hub_chart_layer_changed         (HubChartLayer         *self);

G_END_DECLS
