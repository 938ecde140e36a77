/* async-wait.c: the result of an async call, waited for with a bound
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "async-wait.h"
#include "fake-hub.h"

void
hub_async_wait_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HubAsyncWait *wait = user_data;

  g_set_object (&wait->result, result);
  wait->done = TRUE;
}

GAsyncResult *
hub_async_wait (HubAsyncWait *wait,
                guint         timeout_s)
{
  fake_hub_wait (&wait->done, timeout_s);
  return wait->result;
}

void
hub_async_wait_clear (HubAsyncWait *wait)
{
  g_clear_object (&wait->result);
  wait->done = FALSE;
}
