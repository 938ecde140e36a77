/* hub-day-mark-layer.h: days marked on a chart: spikes, drops, notes, milestones passed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-chart-layer.h"

G_BEGIN_DECLS

typedef enum
{
  HUB_DAY_MARK_SPIKE,
  HUB_DAY_MARK_DROP,
  HUB_DAY_MARK_NOTE,
  HUB_DAY_MARK_MILESTONE,
} HubDayMarkKind;

typedef struct
{
  HubDay          day;
  HubDayMarkKind  kind;
  const char     *label;   /* copied by the layer */
} HubDayMark;

#define HUB_TYPE_DAY_MARK_LAYER (hub_day_mark_layer_get_type ())

G_DECLARE_FINAL_TYPE (HubDayMarkLayer, hub_day_mark_layer, HUB, DAY_MARK_LAYER, HubChartLayer)

HubChartLayer *hub_day_mark_layer_new        (void);
void           hub_day_mark_layer_set_marks  (HubDayMarkLayer  *self,
                                              const HubDayMark *marks,
                                              guint             n_marks);
guint          hub_day_mark_layer_get_n_marks (HubDayMarkLayer *self);
void           hub_day_mark_layer_get_mark   (HubDayMarkLayer  *self,
                                              guint             index,
                                              HubDayMark       *mark);
guint          hub_day_mark_layer_get_n_shown (HubDayMarkLayer *self);
int            hub_day_mark_layer_get_row    (HubDayMarkLayer  *self,
                                              guint             index);

G_END_DECLS
