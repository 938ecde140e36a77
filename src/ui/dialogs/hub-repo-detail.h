/* hub-repo-detail.h: the page about one repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-badge-file.h"
#include "hub-core.h"
#include "hub-history.h"

G_BEGIN_DECLS

#define HUB_TYPE_REPO_DETAIL (hub_repo_detail_get_type ())

G_DECLARE_FINAL_TYPE (HubRepoDetail, hub_repo_detail, HUB, REPO_DETAIL, GtkWidget)

GtkWidget     *hub_repo_detail_new        (void);
void           hub_repo_detail_set_repo   (HubRepoDetail *self,
                                           HubDataset    *dataset,
                                           guint          index,
                                           const char    *endpoint);
const HubRepo *hub_repo_detail_get_repo   (HubRepoDetail *self);
char          *hub_repo_detail_dup_url    (HubRepoDetail *self);
GtkWidget     *hub_repo_detail_get_chart  (HubRepoDetail *self);
const char    *hub_repo_detail_get_card   (HubRepoDetail *self,
                                           const char    *name);
GtkWidget     *hub_repo_detail_get_audience (HubRepoDetail *self);
void           hub_repo_detail_set_history (HubRepoDetail *self,
                                            HubHistory    *history,
                                            const char    *source_id);
gboolean       hub_repo_detail_add_note   (HubRepoDetail  *self,
                                           HubDay          day,
                                           const char     *text,
                                           GError        **error);
guint          hub_repo_detail_get_n_notes (HubRepoDetail *self);
HubBadgeSpec  *hub_repo_detail_dup_badge  (HubRepoDetail *self);


G_END_DECLS
