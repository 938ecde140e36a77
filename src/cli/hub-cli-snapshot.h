/* hub-cli-snapshot.h: `hub-analytics --snapshot NAME…`, for a timer or cron
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of --snapshot, for scripts and systemd. --snapshot takes
 * today's (UTC) snapshot of each author's public figures into the history,
 * one after the other; a failure names its author on stderr and the others
 * are still taken. The endpoint and token are found as for --fetch; with no
 * token the public repositories are listed. The status is the first
 * failure's, or OK. */
typedef enum
{
  HUB_CLI_SNAPSHOT_OK          = 0,
  HUB_CLI_SNAPSHOT_FAILED      = 1,   /* an author's listings did not arrive whole */
  HUB_CLI_SNAPSHOT_USAGE       = 2,   /* no name, or a bad endpoint */
  HUB_CLI_SNAPSHOT_HISTORY     = 3,   /* the history database is locked, full or damaged */
  HUB_CLI_SNAPSHOT_INTERRUPTED = 130, /* SIGINT or SIGTERM */
} HubCliSnapshotStatus;

G_END_DECLS
