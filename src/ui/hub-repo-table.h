/* hub-repo-table.h: the searchable, sortable table of repositories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-dataset.h"
#include "hub-repo-row.h"
#include "hub-source.h"

G_BEGIN_DECLS


#define HUB_TYPE_REPO_TABLE (hub_repo_table_get_type ())

G_DECLARE_FINAL_TYPE (HubRepoTable, hub_repo_table, HUB, REPO_TABLE, GtkWidget)

GtkWidget  *hub_repo_table_new                  (void);
void        hub_repo_table_set_dataset          (HubRepoTable  *self,
                                                 HubDataset    *dataset,
                                                 const HubSpan *span);
HubDataset *hub_repo_table_get_dataset          (HubRepoTable  *self);
void        hub_repo_table_set_span             (HubRepoTable  *self,
                                                 const HubSpan *span);
const HubSpan *hub_repo_table_get_span          (HubRepoTable  *self);
gboolean    hub_repo_table_get_compact          (HubRepoTable  *self);
void        hub_repo_table_set_compact          (HubRepoTable  *self,
                                                 gboolean       compact);
GListModel *hub_repo_table_get_model            (HubRepoTable  *self);
GtkEditable *hub_repo_table_get_search_entry    (HubRepoTable  *self);
void        hub_repo_table_focus_search         (HubRepoTable  *self);
void        hub_repo_table_set_key_capture_widget (HubRepoTable *self,
                                                 GtkWidget     *widget);
void        hub_repo_table_set_type_filter      (HubRepoTable  *self,
                                                 int            kind);
void        hub_repo_table_sort_by              (HubRepoTable  *self,
                                                 HubRepoColumn  column,
                                                 GtkSortType    order);
guint      *hub_repo_table_get_visible_indexes  (HubRepoTable  *self,
                                                 guint         *n_indexes);
void        hub_repo_table_set_source_infos     (HubRepoTable  *self,
                                                 HubSource     *source);

GtkAdjustment *hub_repo_table_get_vadjustment (HubRepoTable  *self);
gboolean       hub_repo_table_get_filling     (HubRepoTable  *self);
gboolean       hub_repo_table_get_narrowed    (HubRepoTable  *self);
void           hub_repo_table_sum_shown       (HubRepoTable  *self,
                                               HubSpanTotals *totals);

G_END_DECLS
