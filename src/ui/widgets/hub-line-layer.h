/* hub-line-layer.h: a line through one value a bucket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-chart-layer.h"

G_BEGIN_DECLS

typedef struct
{
  double   day;      /* where along the days: a bucket's middle */
  double   value;
  guint    bucket;   /* the chart's bucket it belongs to, for the marker */
  gboolean partial;  /* the range cut its bucket short: dashed, hollow */
} HubChartPoint;

#define HUB_TYPE_LINE_LAYER (hub_line_layer_get_type ())

G_DECLARE_DERIVABLE_TYPE (HubLineLayer, hub_line_layer, HUB, LINE_LAYER, HubChartLayer)

struct _HubLineLayerClass
{
  HubChartLayerClass parent_class;

  GdkRGBA (*get_color) (HubLineLayer         *self,
                        const HubChartColors *colors);
};

HubChartLayer          *hub_line_layer_new         (void);
void                    hub_line_layer_set_color   (HubLineLayer        *self,
                                                    const GdkRGBA       *color);
void                    hub_line_layer_set_points  (HubLineLayer        *self,
                                                    const HubChartPoint *points,
                                                    guint                n_points);
const HubChartPoint    *hub_line_layer_get_points  (HubLineLayer        *self,
                                                    guint               *n_points);
const graphene_point_t *hub_line_layer_get_pixels  (HubLineLayer        *self,
                                                    guint               *n_pixels);

G_END_DECLS
