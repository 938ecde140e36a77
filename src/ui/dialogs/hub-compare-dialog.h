/* hub-compare-dialog.h: the followed authors' totals side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-history.h"

G_BEGIN_DECLS

/* One author's totals, from its latest snapshot. */
typedef struct
{
  char   *author;
  HubDay  day;             /* of the latest snapshot; HUB_DAY_NONE for none */
  guint   n_days;          /* snapshots kept */
  guint   repos;
  gint64  downloads;       /* the Hub's last 30 days */
  gint64  all_time;
  gint64  likes;
} HubAuthorTotals;

void             hub_author_totals_free  (HubAuthorTotals *totals);
HubAuthorTotals *hub_author_totals_load  (HubHistory      *history,
                                          const char      *endpoint,
                                          const char      *author,
                                          GError         **error);

#define HUB_TYPE_COMPARE_DIALOG (hub_compare_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubCompareDialog, hub_compare_dialog, HUB, COMPARE_DIALOG, AdwDialog)

AdwDialog  *hub_compare_dialog_new        (GPtrArray        *totals);
const char *hub_compare_dialog_get_cell   (HubCompareDialog *self,
                                           guint             row,
                                           guint             column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubAuthorTotals, hub_author_totals_free)

G_END_DECLS
