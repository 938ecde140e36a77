/* hub-range.h: windows of days (Last Month, the chart's ranges, the window's
 * range and its comparison), buckets, the 7-day average
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

/* The days the 7-day average of a day spans: that day and the 6 before it. */
#define HUB_AVERAGE_DAYS 7

/* The days first … last, both included; empty when last < first. */
typedef struct
{
  HubDay first;
  HubDay last;
} HubRange;

/* The named windows, each ending on asOf. The chart's ranges are the
 * first five; the window offers them all. */
typedef enum
{
  HUB_RANGE_LAST_7_DAYS,
  HUB_RANGE_LAST_30_DAYS,   /* Last Month */
  HUB_RANGE_LAST_90_DAYS,
  HUB_RANGE_LAST_365_DAYS,  /* the last 12 months */
  HUB_RANGE_ALL,            /* from the first day of the data */
  HUB_RANGE_MONTH_TO_DATE,  /* the first of asOf's month … asOf */
  HUB_RANGE_LAST_MONTH,     /* the calendar month before asOf's */
  HUB_RANGE_YEAR_TO_DATE,   /* 1 January of asOf's year … asOf */
  HUB_RANGE_CUSTOM,         /* days the user picked */
} HubRangePreset;

/* What a range is compared with (DESIGN.md, "Insights"). */
typedef enum
{
  HUB_COMPARISON_PREVIOUS,   /* as many days before, starting on the same weekday */
  HUB_COMPARISON_YEAR,       /* the same dates a year earlier */
} HubComparison;

/* The days the dashboard shows and the days its Change compares them
 * with (DESIGN.md, "Insights"). All Time counts each repository's All
 * Time and has no Change: compared is empty. */
typedef struct
{
  HubRangePreset preset;
  HubComparison  comparison;
  HubRange       range;
  HubRange       compared;
} HubSpan;

/* All Time, before a dataset gives its days. */
#define HUB_SPAN_ALL_TIME ((HubSpan) { HUB_RANGE_ALL, HUB_COMPARISON_PREVIOUS, { 1, 0 }, { 1, 0 } })

/* What the summary cards sum over a span: the whole source's, or the rows
 * a filter shows. */
typedef struct
{
  guint  repos;
  guint  models;
  guint  datasets;
  gint64 downloads;          /* in the range (All Time: each repository's All Time) */
  gint64 compared;           /* in the comparison range */
  gint64 model_downloads;
  gint64 dataset_downloads;
} HubSpanTotals;

#define HUB_TYPE_RANGE_PRESET (hub_range_preset_get_type ())
#define HUB_TYPE_BUCKET       (hub_bucket_get_type ())
#define HUB_TYPE_COMPARISON   (hub_comparison_get_type ())

GType     hub_range_preset_get_type    (void) G_GNUC_CONST;
GType     hub_bucket_get_type          (void) G_GNUC_CONST;
GType     hub_comparison_get_type      (void) G_GNUC_CONST;

HubRange  hub_range_last_days          (HubDay          as_of,
                                        guint           n_days);
HubRange  hub_range_from_preset        (HubRangePreset  preset,
                                        HubDay          as_of,
                                        HubDay          first_day);
HubRange  hub_range_last_month         (HubDay          as_of);
HubRange  hub_range_before             (HubRange        range);
guint     hub_range_get_n_days         (HubRange        range);
gboolean  hub_range_equal              (HubRange        a,
                                        HubRange        b);
gboolean  hub_range_contains           (HubRange        range,
                                        HubDay          day);
HubRange  hub_range_step               (HubRange        range,
                                        HubRangePreset  preset,
                                        int             steps);
HubRange  hub_range_compared           (HubRange        range,
                                        HubComparison   comparison);
HubDay    hub_day_year_earlier         (HubDay          day);

HubSpan   hub_span_make                (HubRangePreset  preset,
                                        HubRange        range,
                                        HubComparison   comparison);
gboolean  hub_span_equal               (const HubSpan  *a,
                                        const HubSpan  *b);
gboolean  hub_span_has_change          (const HubSpan  *span);
HubPeriod hub_span_get_period          (const HubSpan  *span);
gint64    hub_repo_span_downloads      (const HubRepo  *repo,
                                        const HubSpan  *span);
gint64    hub_repo_span_compared       (const HubRepo  *repo,
                                        const HubSpan  *span);
HubChange hub_span_change              (const HubSpan  *span,
                                        gint64          downloads,
                                        gint64          compared);
void      hub_span_totals_add          (HubSpanTotals  *totals,
                                        HubRepoKind     kind,
                                        gint64          downloads,
                                        gint64          compared);
void      hub_dataset_span_totals      (HubDataset     *dataset,
                                        const HubSpan  *span,
                                        HubSpanTotals  *totals);

HubDay    hub_bucket_start             (HubDay          day,
                                        HubBucket       bucket);
HubDay    hub_bucket_next              (HubDay          start,
                                        HubBucket       bucket);

gboolean  hub_repo_average             (const HubRepo  *repo,
                                        HubDay          day,
                                        double         *mean);
gint64    hub_average_round            (double          mean);
gint64    hub_repo_earlier_downloads   (HubDataset     *dataset,
                                        const HubRepo  *repo);

G_END_DECLS
