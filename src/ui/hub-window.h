/* hub-window.h: the window a publisher lives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-range-picker.h"
#include "hub-repo-table.h"
#include "hub-source.h"
#include "hub-summary-cards.h"

G_BEGIN_DECLS

#define HUB_TYPE_WINDOW (hub_window_get_type ())

G_DECLARE_FINAL_TYPE (HubWindow, hub_window, HUB, WINDOW, AdwApplicationWindow)

HubWindow       *hub_window_new                  (GtkApplication *application);
void             hub_window_open_file            (HubWindow      *self,
                                                  GFile          *file);
void             hub_window_open_files           (HubWindow      *self,
                                                  GListModel     *files);
void             hub_window_open_demo            (HubWindow      *self);
void             hub_window_restore_last_source  (HubWindow      *self);
void             hub_window_add_source           (HubWindow      *self,
                                                  HubSource      *source);
HubSource       *hub_window_get_source           (HubWindow      *self);
gboolean         hub_window_open_repo            (HubWindow      *self,
                                                  const char     *type,
                                                  const char     *name);
GListModel      *hub_window_get_sources          (HubWindow      *self);
gboolean         hub_window_get_loading          (HubWindow      *self);
const HubSpan   *hub_window_get_span             (HubWindow      *self);
HubRangePicker  *hub_window_get_range_picker     (HubWindow      *self);
HubRepoTable    *hub_window_get_table            (HubWindow      *self);
HubSummaryCards *hub_window_get_cards            (HubWindow      *self);
void             hub_window_show_toast           (HubWindow      *self,
                                                  const char     *message);
void             hub_window_show_preferences     (HubWindow      *self);
void             hub_window_sign_out             (HubWindow      *self);
void             hub_window_open_org             (HubWindow      *self,
                                                  const char     *org,
                                                  gboolean        fetch);

G_END_DECLS
