/* async-wait.h: the result of an async call, waited for with a bound, for
 * the network tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} HubAsyncWait;

/* The GAsyncReadyCallback to pass, with the HubAsyncWait as user data. */
void          hub_async_wait_cb    (GObject       *object,
                                    GAsyncResult  *result,
                                    gpointer       user_data);
/* Runs the default main context until the callback came, and returns its
 * result (owned by wait); fails after timeout_s seconds, so nothing hangs. */
GAsyncResult *hub_async_wait       (HubAsyncWait  *wait,
                                    guint          timeout_s);
void          hub_async_wait_clear (HubAsyncWait  *wait);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HubAsyncWait, hub_async_wait_clear)

G_END_DECLS
