/* hub-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HUB_TYPE_PREFERENCES_WINDOW (hub_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HubPreferencesWindow, hub_preferences_window, HUB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *hub_preferences_window_new         (GtkWindow  *parent,
                                               GSettings  *settings);
void       hub_preferences_window_set_account (HubPreferencesWindow *self,
                                               const char           *account);

G_END_DECLS
