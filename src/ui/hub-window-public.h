/* hub-window-public.h: any author's public figures in the window, and their history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-history.h"
#include "hub-public-view.h"
#include "hub-window.h"

G_BEGIN_DECLS

void           hub_window_open_author_async  (HubWindow           *self,
                                              const char          *author,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean       hub_window_open_author_finish (HubWindow           *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void           hub_window_open_author        (HubWindow           *self,
                                              const char          *author);
void           hub_window_show_follow        (HubWindow           *self);
void           hub_window_import_folder      (HubWindow           *self,
                                              GFile               *folder);
void           hub_window_export_history     (HubWindow           *self,
                                              GFile               *destination);

/* For the tests: the day snapshots are taken for (HUB_DAY_NONE: today's). */
void           hub_window_set_today          (HubWindow           *self,
                                              HubDay               day);
HubHistory    *hub_window_get_history        (HubWindow           *self,
                                              GError             **error);
HubPublicView *hub_window_get_public_view    (HubWindow           *self);
int            hub_window_get_background_answer (HubWindow         *self);

G_END_DECLS
