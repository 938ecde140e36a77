/* hub-background.h: running in the background, through the desktop's Background portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the desktop answered. */
typedef enum
{
  HUB_BACKGROUND_NO_PORTAL,    /* no Background portal here: snapshots at start-up instead */
  HUB_BACKGROUND_REFUSED,      /* the user or the desktop said no */
  HUB_BACKGROUND_GRANTED,      /* may run in the background, and starts at login */
} HubBackgroundAnswer;

void                hub_background_request_async  (GDBusConnection     *connection,
                                                   const char          *parent_window,
                                                   const char          *reason,
                                                   const char * const  *commandline,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
HubBackgroundAnswer hub_background_request_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
