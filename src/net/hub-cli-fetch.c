/* hub-cli-fetch.c: `hub-analytics --org ORG --fetch OUT.csv`, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-cli-fetch.h"

int
hub_cli_fetch (const char *org,
               const char *out_path)
{
  g_printerr ("hub-analytics: %s\n", _("Fetching is not available in this build"));
  return 2;
}
