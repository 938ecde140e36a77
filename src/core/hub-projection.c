/* hub-projection.c: milestones of all-time downloads, and when the next one comes
 *
 * The trend is a straight line fitted by least squares to the
 * weekday-adjusted daily downloads of the last weeks (up to eight whole
 * weeks, at least four). Going forward, each day's downloads are the line's
 * value on that day times its weekday's factor, never below 0; the
 * projected day is the one on which their sum passes the milestone. The
 * range of dates comes from the same walk with the line's level and slope
 * two standard errors higher (the earliest day) and lower (the latest).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hub-insights.h"

/* The next round number (1, 2 or 5 × 10^k) above all_time. */
gint64
hub_milestone_next (gint64 all_time)
{
  static const gint64 steps[] = { 1, 2, 5 };
  gint64 power = 1;

  if (all_time < 1)
    return 1;
  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (steps[i] * power > all_time)
          return steps[i] * power;
      if (power > G_MAXINT64 / 10)
        return G_MAXINT64;
      power *= 10;
    }
}

typedef struct
{
  double level;   /* the line's value on the last day fitted */
  double slope;
  double level_error;
  double slope_error;
} Fit;

static Fit
fit_line (const double *y,
          guint         n)
{
  Fit fit = { 0 };
  double mean_t = (n - 1) / 2.0, mean_y = 0, sxx = 0, sxy = 0, residuals = 0, intercept, s2;

  for (guint t = 0; t < n; t++)
    mean_y += y[t];
  mean_y /= n;
  for (guint t = 0; t < n; t++)
    {
      sxx += (t - mean_t) * (t - mean_t);
      sxy += (t - mean_t) * (y[t] - mean_y);
    }
  fit.slope = sxy / sxx;
  intercept = mean_y - fit.slope * mean_t;
  for (guint t = 0; t < n; t++)
    {
      double r = y[t] - (intercept + fit.slope * t);

      residuals += r * r;
    }
  s2 = residuals / (n - 2);
  fit.level = intercept + fit.slope * (n - 1);
  fit.slope_error = sqrt (s2 / sxx);
  fit.level_error = sqrt (s2 * (1.0 / n + (n - 1 - mean_t) * (n - 1 - mean_t) / sxx));
  return fit;
}

/* The first day after last_day on which the downloads from the line
 * (level, slope), shaped by the weekdays, add up to needed; HUB_DAY_NONE
 * when that is beyond the horizon. */
static HubDay
walk (const HubWeekdays *weekdays,
      HubDay             last_day,
      double             level,
      double             slope,
      double             needed)
{
  double sum = 0;

  for (HubDay k = 1; k <= HUB_PROJECTION_HORIZON; k++)
    {
      HubDay day = last_day + k;

      sum += MAX (level + slope * k, 0.0) * weekdays->factor[hub_day_weekday (day) - 1];
      if (sum >= needed)
        return day;
    }
  return HUB_DAY_NONE;
}

/* The projection of the next milestone for a series of daily downloads
 * that ends on last_day, where all_time downloads are counted so far. The
 * series starts at the repository's first row: its days are the days the
 * data supports. */
HubProjection
hub_projection_compute (const gint64 *daily,
                        guint         n_days,
                        HubDay        last_day,
                        gint64        all_time)
{
  HubProjection projection = { HUB_PROJECTION_OK, all_time, hub_milestone_next (all_time),
                               HUB_DAY_NONE, HUB_DAY_NONE, HUB_DAY_NONE, 0, 0 };
  g_autofree double *adjusted = NULL;
  HubWeekdays weekdays;
  const gint64 *recent;
  guint n;
  gboolean any = FALSE;
  double needed, band_level, band_slope;
  Fit fit;

  if (n_days < HUB_PROJECTION_MIN_DAYS)
    {
      projection.status = HUB_PROJECTION_TOO_FEW_DAYS;
      return projection;
    }

  n = MIN (n_days / 7 * 7, HUB_PROJECTION_FIT_DAYS);
  recent = daily + (n_days - n);
  hub_weekdays_fit (&weekdays, recent, n, last_day - (HubDay) n + 1);
  adjusted = g_new (double, n);
  for (guint t = 0; t < n; t++)
    {
      HubDay day = last_day - (HubDay) n + 1 + (HubDay) t;

      adjusted[t] = (double) recent[t] / weekdays.factor[hub_day_weekday (day) - 1];
      any |= recent[t] > 0;
    }
  if (!any)
    {
      projection.status = HUB_PROJECTION_NO_DOWNLOADS;
      return projection;
    }

  fit = fit_line (adjusted, n);
  projection.rate = fit.level;
  projection.slope = fit.slope;
  /* Falling beyond the noise: two standard errors below flat. */
  if (fit.slope + 2 * fit.slope_error < 0)
    {
      projection.status = HUB_PROJECTION_FALLING;
      return projection;
    }

  needed = (double) (projection.milestone - all_time);
  projection.day = walk (&weekdays, last_day, fit.level, fit.slope, needed);
  if (projection.day == HUB_DAY_NONE)
    {
      projection.status = HUB_PROJECTION_TOO_FAR;
      return projection;
    }
  band_level = 2 * fit.level_error;
  band_slope = 2 * fit.slope_error;
  projection.earliest = walk (&weekdays, last_day, fit.level + band_level,
                              fit.slope + band_slope, needed);
  projection.latest = walk (&weekdays, last_day, fit.level - band_level,
                            fit.slope - band_slope, needed);
  return projection;
}

/* The next milestone of a repository (or of the dataset's overall series,
 * the organisation), from its first row to asOf. */
HubProjection
hub_repo_projection (HubDataset    *dataset,
                     const HubRepo *repo)
{
  HubDay as_of = hub_dataset_get_as_of (dataset);
  gint64 all_time = hub_repo_earlier_downloads (dataset, repo);
  g_autoptr(GArray) daily = NULL;

  g_return_val_if_fail (repo != NULL, (HubProjection) { 0 });

  if (repo->n_days > 0)
    all_time += repo->cum[repo->n_days - 1];
  if (repo->n_days == 0 || as_of == HUB_DAY_NONE)
    return hub_projection_compute (NULL, 0, as_of, all_time);
  daily = hub_repo_daily (repo, (HubRange) { repo->days[0], as_of });
  return hub_projection_compute ((const gint64 *) daily->data, daily->len, as_of, all_time);
}

/* Why there is no projection, in words a user can read. */
const char *
hub_projection_describe (HubProjectionStatus status)
{
  switch (status)
    {
    case HUB_PROJECTION_TOO_FEW_DAYS:
      return _("Not enough days to project: four weeks of data are needed.");
    case HUB_PROJECTION_NO_DOWNLOADS:
      return _("No downloads in recent weeks: nothing to project.");
    case HUB_PROJECTION_FALLING:
      return _("Downloads are falling: no date can be projected.");
    case HUB_PROJECTION_TOO_FAR:
      return _("At the current pace, not within ten years.");
    case HUB_PROJECTION_OK:
    default:
      return "";
    }
}

/* The milestones passed within range, each with the day the running
 * all-time count (downloads before the rows included) reached it. */
GArray *
hub_repo_milestones (HubDataset    *dataset,
                     const HubRepo *repo,
                     HubRange       range)
{
  GArray *passed = g_array_new (FALSE, FALSE, sizeof (HubMilestone));
  gint64 earlier, next;

  g_return_val_if_fail (HUB_IS_DATASET (dataset), passed);
  g_return_val_if_fail (repo != NULL, passed);

  earlier = hub_repo_earlier_downloads (dataset, repo);
  next = hub_milestone_next (earlier);
  for (guint i = 0; i < repo->n_days && repo->days[i] <= range.last; i++)
    while (earlier + repo->cum[i] >= next)
      {
        HubMilestone milestone = { next, repo->days[i] };

        if (repo->days[i] >= range.first)
          g_array_append_val (passed, milestone);
        next = hub_milestone_next (next);
      }
  return passed;
}
