/* hub-cli.h: the command-line work that needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int hub_cli_summary      (const char         *path);
int hub_cli_logs_summary (const char * const *paths);

G_END_DECLS
