/* hub-stack-layer.h: a bar for each bucket, made of parts stacked on each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-chart-layer.h"

G_BEGIN_DECLS

#define HUB_STACK_MAX_PARTS 8

typedef struct
{
  HubDay first;
  HubDay last;
  gint64 values[HUB_STACK_MAX_PARTS];  /* bottom first */
} HubStackColumn;

#define HUB_TYPE_STACK_LAYER (hub_stack_layer_get_type ())

G_DECLARE_FINAL_TYPE (HubStackLayer, hub_stack_layer, HUB, STACK_LAYER, HubChartLayer)

HubChartLayer *hub_stack_layer_new            (const char * const   *part_titles,
                                               const GdkRGBA        *part_colors,
                                               guint                 n_parts);
guint          hub_stack_layer_get_n_parts    (HubStackLayer        *self);
const char    *hub_stack_layer_get_part_title (HubStackLayer        *self,
                                               guint                 part);
const GdkRGBA *hub_stack_layer_get_part_color (HubStackLayer        *self,
                                               guint                 part);
void           hub_stack_layer_set_columns    (HubStackLayer        *self,
                                               const HubStackColumn *columns,
                                               guint                 n_columns);

G_END_DECLS
