/* hub-client-private.h: the client's retry clock, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-client.h"

G_BEGIN_DECLS

/* How the client waits ms milliseconds before a retry (Retry-After, the
 * back-off after a 5xx), from the request's worker thread; the client
 * checks cancellable afterwards. */
typedef void (*HubClientSleepFunc) (guint         ms,
                                    GCancellable *cancellable,
                                    gpointer      user_data);

/* Replaces the clock of every later request; NULL gives it back. */
void hub_client_set_sleep_func (HubClient          *self,
                                HubClientSleepFunc  func,
                                gpointer            user_data);

G_END_DECLS
