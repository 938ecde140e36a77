/* hub-area-layer.h: a line with the area beneath it filled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-line-layer.h"

G_BEGIN_DECLS

#define HUB_TYPE_AREA_LAYER (hub_area_layer_get_type ())

G_DECLARE_FINAL_TYPE (HubAreaLayer, hub_area_layer, HUB, AREA_LAYER, HubLineLayer)

HubChartLayer *hub_area_layer_new (void);

G_END_DECLS
