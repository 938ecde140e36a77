/* hub-marker-layer.h: a labelled level across the plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-chart-layer.h"

G_BEGIN_DECLS

#define HUB_TYPE_MARKER_LAYER (hub_marker_layer_get_type ())

G_DECLARE_FINAL_TYPE (HubMarkerLayer, hub_marker_layer, HUB, MARKER_LAYER, HubChartLayer)

HubChartLayer *hub_marker_layer_new       (void);
void           hub_marker_layer_set_level (HubMarkerLayer *self,
                                           double          value,
                                           const char     *label);
const char    *hub_marker_layer_get_label (HubMarkerLayer *self);

G_END_DECLS
