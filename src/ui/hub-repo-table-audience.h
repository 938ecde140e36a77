/* hub-repo-table-audience.h: the table's Uniques and Sessions columns, from request logs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-repo-table.h"

G_BEGIN_DECLS

void    hub_repo_table_set_audience  (HubRepoTable             *self,
                                      HubLogStore              *logs,
                                      const HubAudienceFigures *figures);
gint64  hub_repo_table_get_uniques   (HubRepoTable *self,
                                      guint         repo);
gint64  hub_repo_table_get_sessions  (HubRepoTable *self,
                                      guint         repo);

G_END_DECLS
