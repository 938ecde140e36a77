/* hub-history-private.h: the schema's steps, for the migration tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "hub-history.h"

G_BEGIN_DECLS

guint    hub_history_schema_version (void);
gboolean hub_history_migrate        (sqlite3     *db,
                                     const char  *path,
                                     guint        to,
                                     GError     **error);

G_END_DECLS
