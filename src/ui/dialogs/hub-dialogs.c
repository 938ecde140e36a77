/* hub-dialogs.c: what the dialogs and pages share
 *
 * Their templates live in a resource of their own, registered by hand on
 * first use: in a static library, an object file that nothing references
 * (as a resource's constructor) is dropped by the linker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-dialogs.h"
#include "hub-dialogs-resources.h"

void
hub_dialogs_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      hub_dialogs_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
