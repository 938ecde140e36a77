/* hub-sign-in-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-net.h"

G_BEGIN_DECLS

#define HUB_TYPE_SIGN_IN_DIALOG (hub_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubSignInDialog, hub_sign_in_dialog, HUB, SIGN_IN_DIALOG, AdwDialog)

GtkWidget  *hub_sign_in_dialog_new            (const char    *endpoint,
                                               HubTokenStore *store,
                                               gboolean       signed_in);
void        hub_sign_in_dialog_set_token      (HubSignInDialog *self,
                                               const char      *token);
void        hub_sign_in_dialog_validate       (HubSignInDialog *self);
const char *hub_sign_in_dialog_get_error      (HubSignInDialog *self);
HubWhoami  *hub_sign_in_dialog_get_whoami     (HubSignInDialog *self);
const char *hub_sign_in_dialog_get_page       (HubSignInDialog *self);
void        hub_sign_in_dialog_choose_org     (HubSignInDialog *self,
                                               const char      *org);

G_END_DECLS
