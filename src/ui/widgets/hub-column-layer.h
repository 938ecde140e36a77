/* hub-column-layer.h: a bar for each bucket, as wide as its days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-chart-layer.h"

G_BEGIN_DECLS

typedef struct
{
  HubDay   first;
  HubDay   last;
  gint64   value;
  gboolean partial;  /* the range cut the bucket short: drawn fainter */
} HubChartColumn;

#define HUB_TYPE_COLUMN_LAYER (hub_column_layer_get_type ())

G_DECLARE_FINAL_TYPE (HubColumnLayer, hub_column_layer, HUB, COLUMN_LAYER, HubChartLayer)

HubChartLayer *hub_column_layer_new         (void);
void           hub_column_layer_set_columns (HubColumnLayer       *self,
                                             const HubChartColumn *columns,
                                             guint                 n_columns);

G_END_DECLS
