/* hub-repo-row.h: one repository as an item of the table's list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hub-range.h"

G_BEGIN_DECLS

#define HUB_TYPE_REPO_ROW (hub_repo_row_get_type ())

G_DECLARE_FINAL_TYPE (HubRepoRow, hub_repo_row, HUB, REPO_ROW, GObject)

typedef enum
{
  HUB_REPO_COLUMN_TYPE,
  HUB_REPO_COLUMN_NAME,
  HUB_REPO_COLUMN_PERIOD,
  HUB_REPO_COLUMN_ALL_TIME,
  HUB_REPO_COLUMN_SPARKLINE,
  HUB_REPO_COLUMN_CHANGE,
  HUB_REPO_COLUMN_LIKES,
} HubRepoColumn;

/* Days in the sparkline and its column's sort key. */
#define HUB_SPARKLINE_DAYS 90

HubRepoRow    *hub_repo_row_new                  (HubDataset  *dataset,
                                                  guint        index);
guint          hub_repo_row_get_index            (HubRepoRow  *self);
const HubRepo *hub_repo_row_get_repo             (HubRepoRow  *self);
HubDataset    *hub_repo_row_get_dataset          (HubRepoRow  *self);
const char    *hub_repo_row_get_name             (HubRepoRow  *self);
const char    *hub_repo_row_get_folded_name      (HubRepoRow  *self);
const char    *hub_repo_row_get_collate_key      (HubRepoRow  *self);
HubRepoKind    hub_repo_row_get_kind             (HubRepoRow  *self);
const HubSpan *hub_repo_row_get_span             (HubRepoRow  *self);
void           hub_repo_row_set_span             (HubRepoRow    *self,
                                                  const HubSpan *span);
gint64         hub_repo_row_get_period_downloads (HubRepoRow  *self);
gint64         hub_repo_row_get_compared         (HubRepoRow  *self);
gint64         hub_repo_row_get_all_time         (HubRepoRow  *self);
gint64         hub_repo_row_get_last_month       (HubRepoRow  *self);
gint64         hub_repo_row_get_previous_month   (HubRepoRow  *self);
gint64         hub_repo_row_get_recent           (HubRepoRow  *self);
HubChange      hub_repo_row_get_change           (HubRepoRow  *self);
const gint64  *hub_repo_row_get_sparkline        (HubRepoRow  *self,
                                                  guint       *n_values);
const char    *hub_repo_row_get_sparkline_summary (HubRepoRow *self);
double         hub_repo_row_get_change_key       (HubRepoRow  *self);

void           hub_repo_row_set_info             (HubRepoRow  *self,
                                                  gint64       likes,
                                                  gboolean     is_private);
gint64         hub_repo_row_get_likes            (HubRepoRow  *self);
gboolean       hub_repo_row_get_is_private       (HubRepoRow  *self);
char          *hub_repo_row_dup_tooltip          (HubRepoRow    *self,
                                                  HubRepoColumn  column);

const char    *hub_repo_kind_title               (const HubRepo *repo);
const char    *hub_repo_kind_icon_name           (HubRepoKind    kind);

G_END_DECLS
