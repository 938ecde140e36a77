/* hub-cli-fetch.h: `hub-analytics --org ORG --fetch OUT.csv`, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of --fetch, one per kind of failure, for scripts. --fetch
 * fetches the breakdown of ORG with the endpoint and token found as
 * DESIGN.md says, and writes it to OUT.csv whole or not at all (a temporary
 * file renamed once the parser accepted the body). */
typedef enum
{
  HUB_CLI_FETCH_OK            = 0,
  HUB_CLI_FETCH_FAILED        = 1,   /* anything else: writing OUT.csv, a bad row */
  HUB_CLI_FETCH_USAGE         = 2,   /* bad arguments or endpoint */
  HUB_CLI_FETCH_NO_TOKEN      = 3,
  HUB_CLI_FETCH_UNAUTHORIZED  = 4,   /* 401 */
  HUB_CLI_FETCH_FORBIDDEN     = 5,   /* 403 */
  HUB_CLI_FETCH_NOT_FOUND     = 6,   /* 404 */
  HUB_CLI_FETCH_RATE_LIMITED  = 7,   /* 429 */
  HUB_CLI_FETCH_SERVER        = 8,   /* 5xx */
  HUB_CLI_FETCH_NETWORK       = 9,   /* offline, refused, time-out, dropped */
  HUB_CLI_FETCH_NOT_BREAKDOWN = 10,  /* a web page instead of CSV */
  HUB_CLI_FETCH_INTERRUPTED   = 130, /* SIGINT or SIGTERM: cancelled, nothing written */
} HubCliFetchStatus;

G_END_DECLS
