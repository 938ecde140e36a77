/* hub-cli-fetch.h: `hub-analytics --org ORG --fetch OUT.csv`, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int hub_cli_fetch (const char *org,
                   const char *out_path);

G_END_DECLS
