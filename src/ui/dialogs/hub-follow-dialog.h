/* hub-follow-dialog.h: the name of an organisation or user whose public figures to follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HUB_TYPE_FOLLOW_DIALOG (hub_follow_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubFollowDialog, hub_follow_dialog, HUB, FOLLOW_DIALOG, AdwDialog)

AdwDialog  *hub_follow_dialog_new          (void);
const char *hub_follow_dialog_get_name     (HubFollowDialog *self);
void        hub_follow_dialog_set_name     (HubFollowDialog *self,
                                            const char      *name);
void        hub_follow_dialog_follow       (HubFollowDialog *self);
void        hub_follow_dialog_set_progress (HubFollowDialog *self,
                                            const char      *text);
void        hub_follow_dialog_fail         (HubFollowDialog *self,
                                            const char      *message);
const char *hub_follow_dialog_get_message  (HubFollowDialog *self);
gboolean    hub_follow_dialog_get_busy     (HubFollowDialog *self);

G_END_DECLS
