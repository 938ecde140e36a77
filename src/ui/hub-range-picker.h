/* hub-range-picker.h: the range shown, as the dashboard and the insights choose it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-range.h"

G_BEGIN_DECLS

#define HUB_TYPE_RANGE_PICKER (hub_range_picker_get_type ())

G_DECLARE_FINAL_TYPE (HubRangePicker, hub_range_picker, HUB, RANGE_PICKER, GtkWidget)

GtkWidget      *hub_range_picker_new           (void);
void            hub_range_picker_set_bounds    (HubRangePicker *self,
                                                HubDay          as_of,
                                                HubDay          first_day);
HubRangePreset  hub_range_picker_get_preset    (HubRangePicker *self);
HubRange        hub_range_picker_get_range     (HubRangePicker *self);
void            hub_range_picker_set_preset    (HubRangePicker *self,
                                                HubRangePreset  preset);
void            hub_range_picker_set_range     (HubRangePicker *self,
                                                HubRangePreset  preset,
                                                HubRange        range);
void            hub_range_picker_step          (HubRangePicker *self,
                                                int             steps);
HubDay          hub_range_picker_get_selected_day (HubRangePicker *self);
int             hub_range_picker_get_steps     (HubRangePicker *self);
void            hub_range_picker_restore       (HubRangePicker *self,
                                                HubRangePreset  preset,
                                                int             steps,
                                                HubRange        range);

GtkEventController *hub_range_picker_shortcuts_new (GtkShortcutFunc step,
                                                    GtkShortcutFunc preset);
gboolean        hub_range_picker_preset_at     (guint           index,
                                                HubRangePreset *preset);

G_END_DECLS
