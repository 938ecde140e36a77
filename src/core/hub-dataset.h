/* hub-dataset.h: repositories, their daily series, and every number DESIGN.md defines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hub-date.h"

G_BEGIN_DECLS

typedef enum
{
  HUB_REPO_KIND_MODEL,
  HUB_REPO_KIND_DATASET,
  HUB_REPO_KIND_SPACE,
  HUB_REPO_KIND_OTHER,
} HubRepoKind;

typedef enum
{
  HUB_PERIOD_ALL_TIME,
  HUB_PERIOD_LAST_MONTH,
} HubPeriod;

typedef enum
{
  HUB_BUCKET_DAY,
  HUB_BUCKET_WEEK,
  HUB_BUCKET_MONTH,
} HubBucket;

typedef enum
{
  HUB_CHANGE_NONE,   /* both windows are 0: shown as "—" */
  HUB_CHANGE_NEW,    /* the previous window is 0 */
  HUB_CHANGE_RATIO,
} HubChangeKind;

typedef struct
{
  HubChangeKind kind;
  double        ratio;  /* (last − previous) / previous, when kind is RATIO */
} HubChange;

/* One repository. Read-only once the dataset is built: the days are sorted
 * and unique, and cum[i] is the sum of the counts of days[0] … days[i], so a
 * day's count is the difference of two sums (12 bytes a daily record). */
typedef struct
{
  const char  *type;    /* interned */
  const char  *name;
  HubRepoKind  kind;
  guint        n_days;
  HubDay      *days;
  gint64      *cum;
  gint64       total;   /* the largest `total` seen in its rows */
} HubRepo;

typedef struct
{
  HubDay  as_of;           /* HUB_DAY_NONE when there are no rows */
  HubDay  first_day;       /* HUB_DAY_NONE when there are no rows */
  gint64  all_time;
  gint64  last_month;
  gint64  previous_month;
  guint   repos;
  guint   models;
  guint   datasets;
  guint   spaces;
  guint   others;
  gint64  model_downloads[2];    /* indexed by HubPeriod */
  gint64  dataset_downloads[2];
  guint64 rows;            /* data records read, before repeated days were merged */
  guint64 merged_repeats;  /* records that repeated a (repository, day) already seen */
} HubTotals;

typedef struct
{
  HubDay start;  /* first day of the bucket */
  gint64 value;
} HubPoint;

#define HUB_TYPE_DATASET (hub_dataset_get_type ())

G_DECLARE_FINAL_TYPE (HubDataset, hub_dataset, HUB, DATASET, GObject)

HubRepoKind     hub_repo_kind_from_type        (const char      *type);

HubChange       hub_change_compute             (gint64           last,
                                                gint64           previous);

gint64          hub_repo_range_sum             (const HubRepo   *repo,
                                                HubDay           first,
                                                HubDay           last);
gint64          hub_repo_day_count             (const HubRepo   *repo,
                                                HubDay           day);
gint64          hub_repo_all_time              (const HubRepo   *repo);
gint64          hub_repo_last_month            (const HubRepo   *repo,
                                                HubDay           as_of);
gint64          hub_repo_previous_month        (const HubRepo   *repo,
                                                HubDay           as_of);
gint64          hub_repo_period_downloads      (const HubRepo   *repo,
                                                HubPeriod        period,
                                                HubDay           as_of);
HubChange       hub_repo_change                (const HubRepo   *repo,
                                                HubDay           as_of);
gboolean        hub_repo_best_day              (const HubRepo   *repo,
                                                HubDay          *day,
                                                gint64          *count);
GArray         *hub_repo_buckets               (const HubRepo   *repo,
                                                HubDay           first,
                                                HubDay           last,
                                                HubBucket        unit,
                                                gboolean         cumulative);

guint           hub_dataset_get_n_repos        (HubDataset      *self);
const HubRepo  *hub_dataset_get_repo           (HubDataset      *self,
                                                guint            index);
const HubRepo  *hub_dataset_find_repo          (HubDataset      *self,
                                                const char      *type,
                                                const char      *name);
const HubRepo  *hub_dataset_get_overall        (HubDataset      *self);
const HubTotals *hub_dataset_get_totals        (HubDataset      *self);
void            hub_totals_add                 (HubTotals       *totals,
                                                HubRepoKind      kind,
                                                gint64           all_time,
                                                gint64           last_month,
                                                gint64           previous_month);
HubDay          hub_dataset_get_as_of          (HubDataset      *self);
HubRepo        *hub_dataset_sum_repos          (HubDataset      *self,
                                                const guint     *indexes,
                                                guint            n_indexes,
                                                HubDay           first,
                                                HubDay           last);
void            hub_repo_free                  (HubRepo         *repo);
GArray         *hub_dataset_top                (HubDataset      *self,
                                                HubDay           first,
                                                HubDay           last,
                                                guint            n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubRepo, hub_repo_free)

G_END_DECLS
