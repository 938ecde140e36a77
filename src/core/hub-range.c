/* hub-range.c: windows of days (Last Month, the chart's ranges, the window's
 * range and its comparison), buckets, the 7-day average
 *
 * Every window DESIGN.md names is made here, so that the cards, the table,
 * the charts, the command line and the exports count the same days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-dataset-private.h"
#include "hub-range.h"

G_DEFINE_ENUM_TYPE (HubRangePreset, hub_range_preset,
  G_DEFINE_ENUM_VALUE (HUB_RANGE_LAST_7_DAYS, "7-days"),
  G_DEFINE_ENUM_VALUE (HUB_RANGE_LAST_30_DAYS, "30-days"),
  G_DEFINE_ENUM_VALUE (HUB_RANGE_LAST_90_DAYS, "90-days"),
  G_DEFINE_ENUM_VALUE (HUB_RANGE_LAST_365_DAYS, "365-days"),
  G_DEFINE_ENUM_VALUE (HUB_RANGE_ALL, "all"),
  G_DEFINE_ENUM_VALUE (HUB_RANGE_MONTH_TO_DATE, "month-to-date"),
  G_DEFINE_ENUM_VALUE (HUB_RANGE_LAST_MONTH, "last-month"),
  G_DEFINE_ENUM_VALUE (HUB_RANGE_YEAR_TO_DATE, "year-to-date"),
  G_DEFINE_ENUM_VALUE (HUB_RANGE_CUSTOM, "custom"))

G_DEFINE_ENUM_TYPE (HubComparison, hub_comparison,
  G_DEFINE_ENUM_VALUE (HUB_COMPARISON_PREVIOUS, "previous"),
  G_DEFINE_ENUM_VALUE (HUB_COMPARISON_YEAR, "year"))

G_DEFINE_ENUM_TYPE (HubBucket, hub_bucket,
  G_DEFINE_ENUM_VALUE (HUB_BUCKET_DAY, "day"),
  G_DEFINE_ENUM_VALUE (HUB_BUCKET_WEEK, "week"),
  G_DEFINE_ENUM_VALUE (HUB_BUCKET_MONTH, "month"))

/* The n_days days that end on as_of. */
HubRange
hub_range_last_days (HubDay as_of,
                     guint  n_days)
{
  g_return_val_if_fail (n_days > 0, ((HubRange) { as_of, as_of }));

  return (HubRange) { as_of - (HubDay) (n_days - 1), as_of };
}

/* first_day is the data's first day; only HUB_RANGE_ALL reads it, and
 * without one (no rows) it is the last 30 days, as is HUB_RANGE_CUSTOM,
 * which has no days of its own. */
HubRange
hub_range_from_preset (HubRangePreset preset,
                       HubDay         as_of,
                       HubDay         first_day)
{
  switch (preset)
    {
    case HUB_RANGE_LAST_7_DAYS:
      return hub_range_last_days (as_of, 7);
    case HUB_RANGE_LAST_90_DAYS:
      return hub_range_last_days (as_of, 90);
    case HUB_RANGE_LAST_365_DAYS:
      return hub_range_last_days (as_of, 365);
    case HUB_RANGE_ALL:
      if (first_day != HUB_DAY_NONE)
        return (HubRange) { MIN (first_day, as_of), as_of };
      return hub_range_last_days (as_of, 30);
    case HUB_RANGE_MONTH_TO_DATE:
      return (HubRange) { hub_day_month_start (as_of), as_of };
    case HUB_RANGE_LAST_MONTH:
      {
        HubDay this_month = hub_day_month_start (as_of);

        return (HubRange) { hub_day_month_start (this_month - 1), this_month - 1 };
      }
    case HUB_RANGE_YEAR_TO_DATE:
      {
        int year;

        hub_day_to_ymd (as_of, &year, NULL, NULL);
        return (HubRange) { hub_day_from_ymd (year, 1, 1), as_of };
      }
    case HUB_RANGE_CUSTOM:
    case HUB_RANGE_LAST_30_DAYS:
    default:
      return hub_range_last_days (as_of, 30);
    }
}

/* Last Month: the 30 days asOf−29 … asOf. */
HubRange
hub_range_last_month (HubDay as_of)
{
  return hub_range_from_preset (HUB_RANGE_LAST_30_DAYS, as_of, HUB_DAY_NONE);
}

/* As many days again, just before: the previous month of Last Month. */
HubRange
hub_range_before (HubRange range)
{
  HubDay n = range.last - range.first + 1;

  return (HubRange) { range.first - n, range.first - 1 };
}

guint
hub_range_get_n_days (HubRange range)
{
  return range.last < range.first ? 0 : (guint) (range.last - range.first + 1);
}

/* Whether a and b are the same days. */
gboolean
hub_range_equal (HubRange a,
                 HubRange b)
{
  return a.first == b.first && a.last == b.last;
}

gboolean
hub_range_contains (HubRange range,
                    HubDay   day)
{
  return day >= range.first && day <= range.last;
}

/* The calendar month `months` months after the one holding day (before it
 * when negative). */
static HubRange
month_of (HubDay day,
          int    months)
{
  int y, m, index;
  HubDay first;

  hub_day_to_ymd (day, &y, &m, NULL);
  index = y * 12 + (m - 1) + months;
  first = hub_day_from_ymd (index / 12, index % 12 + 1, 1);
  return (HubRange) { first, hub_day_next_month (first) - 1 };
}

/* The range `steps` steps later (earlier when negative), as the arrows
 * beside the range move it: a month to date or a calendar month steps by
 * whole calendar months, a year to date by whole years, every other range
 * by its own length. All time does not move. */
HubRange
hub_range_step (HubRange       range,
                HubRangePreset preset,
                int            steps)
{
  switch (preset)
    {
    case HUB_RANGE_ALL:
      return range;
    case HUB_RANGE_MONTH_TO_DATE:
    case HUB_RANGE_LAST_MONTH:
      return month_of (range.first, steps);
    case HUB_RANGE_YEAR_TO_DATE:
      {
        int year;

        hub_day_to_ymd (range.first, &year, NULL, NULL);
        return (HubRange) { hub_day_from_ymd (year + steps, 1, 1),
                            hub_day_from_ymd (year + steps, 12, 31) };
      }
    case HUB_RANGE_LAST_7_DAYS:
    case HUB_RANGE_LAST_30_DAYS:
    case HUB_RANGE_LAST_90_DAYS:
    case HUB_RANGE_LAST_365_DAYS:
    case HUB_RANGE_CUSTOM:
    default:
      {
        HubDay shift = (HubDay) hub_range_get_n_days (range) * steps;

        return (HubRange) { range.first + shift, range.last + shift };
      }
    }
}

/* The same date a year before; 29 February becomes the 28th. */
HubDay
hub_day_year_earlier (HubDay day)
{
  int y, m, d;

  hub_day_to_ymd (day, &y, &m, &d);
  if (m == 2 && d == 29)
    d = 28;
  return hub_day_from_ymd (y - 1, m, d);
}

/* The range Change compares range with: the N days starting on
 * S − 7·⌈N/7⌉ (as many days before, starting on the same weekday), or the
 * same dates a year earlier. */
HubRange
hub_range_compared (HubRange      range,
                    HubComparison comparison)
{
  guint n = hub_range_get_n_days (range);

  if (n == 0)
    return range;
  if (comparison == HUB_COMPARISON_YEAR)
    return (HubRange) { hub_day_year_earlier (range.first),
                        hub_day_year_earlier (range.last) };
  {
    HubDay shift = (HubDay) (7 * ((n + 6) / 7));

    return (HubRange) { range.first - shift, range.last - shift };
  }
}

/* A range with what it is compared with; All Time with nothing. */
HubSpan
hub_span_make (HubRangePreset preset,
               HubRange       range,
               HubComparison  comparison)
{
  HubSpan span = { preset, comparison, range, { 1, 0 } };

  if (preset != HUB_RANGE_ALL)
    span.compared = hub_range_compared (range, comparison);
  return span;
}

/* Whether a and b show the same days, compared the same way. */
gboolean
hub_span_equal (const HubSpan *a,
                const HubSpan *b)
{
  return a->preset == b->preset && a->comparison == b->comparison
         && hub_range_equal (a->range, b->range) && hub_range_equal (a->compared, b->compared);
}

gboolean
hub_span_has_change (const HubSpan *span)
{
  return span->preset != HUB_RANGE_ALL;
}

/* The request logs' figures come in two periods: All Time, or the last
 * 30 days for every other range. */
HubPeriod
hub_span_get_period (const HubSpan *span)
{
  return span->preset == HUB_RANGE_ALL ? HUB_PERIOD_ALL_TIME : HUB_PERIOD_LAST_MONTH;
}

/* A repository's downloads in the span's range; All Time is its All Time,
 * which counts what the Hub's `total` holds before the daily rows. */
gint64
hub_repo_span_downloads (const HubRepo *repo,
                         const HubSpan *span)
{
  if (span->preset == HUB_RANGE_ALL)
    return hub_repo_all_time (repo);
  return hub_repo_range_sum (repo, span->range.first, span->range.last);
}

gint64
hub_repo_span_compared (const HubRepo *repo,
                        const HubSpan *span)
{
  if (!hub_span_has_change (span))
    return 0;
  return hub_repo_range_sum (repo, span->compared.first, span->compared.last);
}

/* Change over the span: none for All Time. */
HubChange
hub_span_change (const HubSpan *span,
                 gint64         downloads,
                 gint64         compared)
{
  if (!hub_span_has_change (span))
    return (HubChange) { HUB_CHANGE_NONE, 0 };
  return hub_change_compute (downloads, compared);
}

void
hub_span_totals_add (HubSpanTotals *t,
                     HubRepoKind    kind,
                     gint64         downloads,
                     gint64         compared)
{
  t->repos++;
  t->downloads = add_saturated (t->downloads, downloads);
  t->compared = add_saturated (t->compared, compared);
  if (kind == HUB_REPO_KIND_MODEL)
    {
      t->models++;
      t->model_downloads = add_saturated (t->model_downloads, downloads);
    }
  else if (kind == HUB_REPO_KIND_DATASET)
    {
      t->datasets++;
      t->dataset_downloads = add_saturated (t->dataset_downloads, downloads);
    }
}

/* The whole dataset's sums over span. */
void
hub_dataset_span_totals (HubDataset    *dataset,
                         const HubSpan *span,
                         HubSpanTotals *totals)
{
  g_return_if_fail (HUB_IS_DATASET (dataset));

  *totals = (HubSpanTotals) { 0 };
  for (guint i = 0; i < hub_dataset_get_n_repos (dataset); i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, i);

      hub_span_totals_add (totals, repo->kind, hub_repo_span_downloads (repo, span),
                           hub_repo_span_compared (repo, span));
    }
}

/* The first day of the bucket holding day: itself, its ISO week's Monday,
 * or the first of its month. */
HubDay
hub_bucket_start (HubDay    day,
                  HubBucket bucket)
{
  switch (bucket)
    {
    case HUB_BUCKET_WEEK:
      return hub_day_week_start (day);
    case HUB_BUCKET_MONTH:
      return hub_day_month_start (day);
    case HUB_BUCKET_DAY:
    default:
      return day;
    }
}

/* The first day of the bucket after the one starting on start. */
HubDay
hub_bucket_next (HubDay    start,
                 HubBucket bucket)
{
  switch (bucket)
    {
    case HUB_BUCKET_WEEK:
      return start + 7;
    case HUB_BUCKET_MONTH:
      return hub_day_next_month (start);
    case HUB_BUCKET_DAY:
    default:
      return start + 1;
    }
}

/* The 7-day average of day: the mean of that day and the 6 before it, over
 * the days from the repository's first row on. Before that row there is
 * none (FALSE); a later day with no row counts 0. */
gboolean
hub_repo_average (const HubRepo *repo,
                  HubDay         day,
                  double        *mean)
{
  HubDay from;

  g_return_val_if_fail (repo != NULL, FALSE);

  if (repo->n_days == 0 || day < repo->days[0])
    return FALSE;
  from = MAX (day - (HUB_AVERAGE_DAYS - 1), repo->days[0]);
  if (mean)
    *mean = (double) hub_repo_range_sum (repo, from, day) / (double) (day - from + 1);
  return TRUE;
}

/* The average as it is shown: a whole number, halves rounded up. */
gint64
hub_average_round (double mean)
{
  return (gint64) (mean + 0.5);
}

/* What All Time counts before the daily figures begin: the Hub's `total`
 * less the sum of the daily rows (0 when the rows hold it all). For the
 * dataset's overall series, the organisation's All Time less its rows. */
gint64
hub_repo_earlier_downloads (HubDataset    *dataset,
                            const HubRepo *repo)
{
  gint64 all_time, daily;

  g_return_val_if_fail (HUB_IS_DATASET (dataset), 0);
  g_return_val_if_fail (repo != NULL, 0);

  daily = repo->n_days > 0 ? repo->cum[repo->n_days - 1] : 0;
  if (repo == hub_dataset_get_overall (dataset))
    all_time = hub_dataset_get_totals (dataset)->all_time;
  else
    all_time = hub_repo_all_time (repo);
  return MAX (all_time - daily, 0);
}
