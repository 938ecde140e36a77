/* hub-source-private.h: what hub-source.c and hub-source-logs.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-source.h"

G_BEGIN_DECLS

HubSource *hub_source_new                  (HubSourceKind        kind,
                                            const char          *id,
                                            const char          *title,
                                            const char          *export_name,
                                            HubDataset          *dataset);
HubSource *hub_source_new_for_file         (GFile               *file,
                                            GDateTime           *updated,
                                            HubDataset          *dataset);
char      *hub_source_export_name_for_file (GFile               *file);
void       hub_source_set_logs             (HubSource           *self,
                                            HubLogStore         *logs,
                                            GPtrArray           *log_files,
                                            gboolean             team_excluded);
GPtrArray *hub_source_get_log_files        (HubSource           *self);
HubSource *hub_source_copy_without_logs    (HubSource           *self);
gboolean   hub_source_add_demo_logs        (HubSource           *self,
                                            GCancellable        *cancellable,
                                            GError             **error);
void       hub_source_run_task             (gpointer             source_tag,
                                            const char          *name,
                                            gpointer             data,
                                            GDestroyNotify       free_data,
                                            GTaskThreadFunc      thread,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);

G_END_DECLS
