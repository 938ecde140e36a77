/* hub-estimate.h: a repository's snapshots, and the daily downloads they imply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

/* One repository's figures in one snapshot; -1 where the snapshot did not
 * give the figure. */
typedef struct
{
  HubDay day;
  gint64 downloads;            /* the Hub's last 30 days, as it counted them that day */
  gint64 downloads_all_time;
  gint64 likes;
} HubSnapshotPoint;

/* A repository's snapshots, oldest first, at most one a day. */
typedef struct
{
  char   *type;
  char   *name;
  GArray *points;              /* HubSnapshotPoint */
} HubRepoHistory;

/* One estimated day. */
typedef struct
{
  HubDay   day;
  gint64   downloads;
  gboolean decrease;           /* 0 because downloadsAllTime fell over these days */
} HubEstimatedDay;

/* Where downloadsAllTime fell between two snapshots (the Hub recounts at
 * times): the days between them are estimated as 0. */
typedef struct
{
  HubDay from;                 /* the earlier snapshot's day */
  HubDay to;
  gint64 amount;               /* how much it fell */
} HubDecrease;

HubRepoHistory *hub_repo_history_new      (const char            *type,
                                           const char            *name);
void            hub_repo_history_free     (HubRepoHistory        *history);
void            hub_repo_history_add      (HubRepoHistory        *history,
                                           const HubSnapshotPoint *point);

void            hub_estimate_spread       (gint64                 change,
                                           guint                  n_days,
                                           gint64                *counts);
GArray         *hub_estimate_daily        (const HubRepoHistory  *history,
                                           GArray               **decreases);

gboolean        hub_estimate_write_csv    (GPtrArray             *histories,
                                           GOutputStream         *out,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean        hub_estimate_export       (GPtrArray             *histories,
                                           GFile                 *destination,
                                           GCancellable          *cancellable,
                                           GError               **error);
HubDataset     *hub_estimate_to_dataset   (GPtrArray             *histories,
                                           const char            *source_name,
                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubRepoHistory, hub_repo_history_free)

G_END_DECLS
