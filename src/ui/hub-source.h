/* hub-source.h: one loaded source of data: a file, the demo, an organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-core.h"
#include "hub-repo-info.h"

G_BEGIN_DECLS

typedef enum
{
  HUB_SOURCE_KIND_FILE,
  HUB_SOURCE_KIND_DEMO,
  HUB_SOURCE_KIND_ORGANIZATION,
  HUB_SOURCE_KIND_AUTHOR,        /* public figures and their history */
} HubSourceKind;

#define HUB_TYPE_SOURCE (hub_source_get_type ())

G_DECLARE_FINAL_TYPE (HubSource, hub_source, HUB, SOURCE, GObject)

HubSource     *hub_source_new_for_organization (const char           *org,
                                               const char           *title,
                                               HubDataset           *dataset,
                                               GDateTime            *fetched);
HubSource     *hub_source_new_for_author       (const char           *author,
                                               HubDataset           *dataset,
                                               GPtrArray            *infos,
                                               GDateTime            *fetched,
                                               guint                 n_snapshots);
guint          hub_source_get_n_snapshots      (HubSource            *self);
void           hub_source_load_file_async      (GFile                *file,
                                                HubProgress          *progress,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void           hub_source_load_demo_async      (GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
HubSource     *hub_source_load_finish          (GAsyncResult         *result,
                                                GError              **error);

/* hub-source-logs.c: files and folders, breakdowns and request logs told
 * apart by their header. Each breakdown makes a source; the logs join the
 * first breakdown's source, or make one of their own. */
void           hub_source_load_files_async     (GListModel           *files,
                                                HubProgress          *progress,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray     *hub_source_load_files_finish    (GAsyncResult         *result,
                                                GError              **error);
/* The same source with its raw logs read again, with team traffic
 * (team_ids and isInternal) left out or not. */
void           hub_source_reread_logs_async    (HubSource            *self,
                                                const char * const   *team_ids,
                                                gboolean              exclude_team,
                                                HubProgress          *progress,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
HubSource     *hub_source_reread_logs_finish   (GAsyncResult         *result,
                                                GError              **error);
GListModel    *hub_source_dup_files            (HubSource            *self);

HubSourceKind  hub_source_get_kind             (HubSource            *self);
const char    *hub_source_get_id               (HubSource            *self);
const char    *hub_source_get_title            (HubSource            *self);
const char    *hub_source_get_export_name      (HubSource            *self);
HubDataset    *hub_source_get_dataset          (HubSource            *self);
GFile         *hub_source_get_file             (HubSource            *self);
GDateTime     *hub_source_get_updated          (HubSource            *self);
HubLogStore   *hub_source_get_logs             (HubSource            *self);
const HubAudienceFigures *hub_source_get_audience (HubSource         *self,
                                                   HubPeriod          period);
const HubAudienceFigures *hub_source_get_audience_span (HubSource     *self,
                                                        const HubSpan *span);
void           hub_source_set_team_ids         (HubSource            *self,
                                                const char * const   *ids);
/* The organisation's own identities (hashed ids, as a team list takes
 * them) and whether their traffic is left out, kept per source. */
GStrv          hub_source_load_team            (HubSource            *self,
                                                gboolean             *exclude);
gboolean       hub_source_save_team            (HubSource            *self,
                                                const char * const   *ids,
                                                gboolean              exclude,
                                                GError              **error);
gboolean       hub_source_get_team_excluded    (HubSource            *self);

void               hub_source_set_repo_infos  (HubSource            *self,
                                               GPtrArray            *infos);
gboolean           hub_source_has_repo_infos  (HubSource            *self);
GPtrArray         *hub_source_list_repo_infos (HubSource            *self);
const HubRepoInfo *hub_source_find_repo_info  (HubSource            *self,
                                               const HubRepo        *repo);

char          *hub_source_id_for_organization  (const char           *org);
const char    *hub_source_id_get_organization  (const char           *id);
char          *hub_source_id_for_author        (const char           *author);
const char    *hub_source_id_get_author        (const char           *id);

G_END_DECLS
