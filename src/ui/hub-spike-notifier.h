/* hub-spike-notifier.h: desktop notifications of the spikes and drops a refresh brings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-source.h"

G_BEGIN_DECLS

/* The most notifications one refresh sends; the rest wait in Insights. */
#define HUB_SPIKE_NOTIFICATIONS_MAX 3

void  hub_spike_notifier_notify_async  (GApplication         *application,
                                        GSettings            *settings,
                                        gboolean              window_active,
                                        HubSource            *before,
                                        HubSource            *after,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
guint hub_spike_notifier_notify_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
