/* hub-history-private.h: the history's state and the SQLite helpers its
 * files share; the schema's steps, for the migration tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "hub-history.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _HubHistory
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  GMutex   lock;      /* one statement sequence at a time on db */
};

void           hub_history_set_error    (GError       **error,
                                         sqlite3       *db,
                                         int            rc,
                                         const char    *path);
sqlite3_stmt  *hub_history_prepare      (HubHistory    *self,
                                         const char    *sql,
                                         GError       **error);
gboolean       hub_history_step_done    (HubHistory    *self,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
void           hub_history_rollback     (HubHistory    *self);
gint64         hub_history_column_count (sqlite3_stmt  *stmt,
                                         int            index);
GDateTime     *hub_history_column_time  (sqlite3_stmt  *stmt,
                                         int            index);
gint64         hub_history_author_id    (HubHistory    *self,
                                         const char    *endpoint,
                                         const char    *author,
                                         gboolean       create,
                                         GError       **error);

guint    hub_history_schema_version (void);
gboolean hub_history_migrate        (sqlite3     *db,
                                     const char  *path,
                                     guint        to,
                                     GError     **error);

G_END_DECLS
