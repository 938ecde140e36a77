/* hub-compare.h: up to six repositories or authors on one scale: absolute, indexed to 100, or shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-dataset.h"
#include "hub-range.h"

G_BEGIN_DECLS

#define HUB_COMPARE_MAX 6

typedef enum
{
  HUB_COMPARE_ABSOLUTE,  /* downloads a bucket */
  HUB_COMPARE_INDEXED,   /* 100 × the bucket's downloads / the first bucket's */
  HUB_COMPARE_SHARE,     /* the bucket's downloads / the sum of the series' that bucket */
} HubCompareMode;

/* One series to compare: a repository's daily downloads, or any series
 * of the same shape (a followed author's estimated days: the overall
 * series of the dataset made of its snapshots). */
typedef struct
{
  const HubRepo *repo;
  const char    *label;    /* the legend's words */
  const char    *column;   /* the CSV's header for it: locale-free */
} HubCompareSeries;

/* A note of the range, exported with the comparison. */
typedef struct
{
  HubDay  day;
  char   *text;
} HubCompareNote;

/* n_series rows of n_points values, a bucket each; a value that has no
 * meaning (an index on a first bucket of 0, a share of a sum of 0) is NAN. */
typedef struct
{
  HubCompareMode  mode;
  HubRange        range;
  guint           n_series;
  guint           n_points;
  HubDay         *starts;      /* n_points first days of the buckets */
  double         *values;      /* values[series * n_points + point] */
  const HubRepo  *repos[HUB_COMPARE_MAX];
  char           *labels[HUB_COMPARE_MAX];
  char           *columns[HUB_COMPARE_MAX];
  GArray         *notes;       /* HubCompareNote in the range, by day */
} HubCompareTable;

HubCompareTable *hub_compare_compute        (const HubRepo * const  *repos,
                                             guint                   n_repos,
                                             HubRange                range,
                                             HubBucket               bucket,
                                             HubCompareMode          mode);
HubCompareTable *hub_compare_compute_series (const HubCompareSeries *series,
                                             guint                   n_series,
                                             HubRange                range,
                                             HubBucket               bucket,
                                             HubCompareMode          mode);
void             hub_compare_add_note       (HubCompareTable        *table,
                                             HubDay                  day,
                                             const char             *text);
void             hub_compare_free           (HubCompareTable        *table);
double           hub_compare_value          (const HubCompareTable  *table,
                                             guint                   series,
                                             guint                   point);
guint            hub_compare_point_of_day   (const HubCompareTable  *table,
                                             HubDay                  day);
gboolean         hub_compare_write_csv      (const HubCompareTable  *table,
                                             GOutputStream          *out,
                                             GCancellable           *cancellable,
                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubCompareTable, hub_compare_free)

G_END_DECLS
