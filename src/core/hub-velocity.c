/* hub-velocity.c: downloads a day, their acceleration, the weekday pattern, and the movers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-insights.h"

/* One repository's count of every day of range, 0 where it has no row. */
GArray *
hub_repo_daily (const HubRepo *repo,
                HubRange       range)
{
  guint n = hub_range_get_n_days (range);
  GArray *daily = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);

  g_return_val_if_fail (repo != NULL, daily);

  g_array_set_size (daily, n);
  for (guint i = 0; i < repo->n_days; i++)
    if (hub_range_contains (range, repo->days[i]))
      g_array_index (daily, gint64, repo->days[i] - range.first) =
        repo->cum[i] - (i > 0 ? repo->cum[i - 1] : 0);
  return daily;
}

static double
rate (const HubRepo *repo,
      HubDay         last,
      guint          n_days)
{
  return (double) hub_repo_range_sum (repo, last - (HubDay) n_days + 1, last) / (double) n_days;
}

/* Velocity: the mean downloads a day over the last 7 (30) days ending on
 * last; acceleration: that less the same mean 7 (30) days earlier. Days
 * with no row, before the data began too, count 0. */
HubVelocity
hub_repo_velocity (const HubRepo *repo,
                   HubDay         last)
{
  HubVelocity velocity = { 0 };

  g_return_val_if_fail (repo != NULL, velocity);

  velocity.rate_7 = rate (repo, last, 7);
  velocity.rate_30 = rate (repo, last, 30);
  velocity.acceleration_7 = velocity.rate_7 - rate (repo, last - 7, 7);
  velocity.acceleration_30 = velocity.rate_30 - rate (repo, last - 30, 30);
  return velocity;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Each weekday's factor, so that a count divided by its weekday's factor
 * is the weekday-adjusted count. Each day is set against the mean of the
 * week centred on it (so that a growing series does not make its later
 * weekdays look busier); a weekday's factor is the median of its days'
 * ratios (one unusual day does not move it), and the seven average 1. A
 * series too short for every weekday, or of zeros, gives 1 throughout; a
 * factor stays above 1/20, so that a quiet Sunday does not blow up. */
void
hub_weekdays_fit (HubWeekdays  *weekdays,
                  const gint64 *daily,
                  guint         n_days,
                  HubDay        first_day)
{
  g_autofree double *ratios = NULL;
  guint n[7] = { 0 }, stride = n_days / 7 + 1;
  double factor[7], sum = 0;
  gint64 week = 0;

  g_return_if_fail (weekdays != NULL);

  for (guint w = 0; w < 7; w++)
    weekdays->factor[w] = 1.0;
  if (n_days < 13)
    return;

  /* ratios[w * stride + k]: the k-th ratio of weekday w. */
  ratios = g_new (double, 7 * stride);
  for (guint i = 0; i < 7; i++)
    week += daily[i];
  for (guint t = 3; t + 3 < n_days; t++)
    {
      int w = hub_day_weekday (first_day + (HubDay) t) - 1;

      if (t > 3)
        week += daily[t + 3] - daily[t - 4];
      if (week > 0)
        ratios[w * stride + n[w]++] = daily[t] / (week / 7.0);
    }
  for (guint w = 0; w < 7; w++)
    {
      double *r = ratios + w * stride;

      if (n[w] == 0)
        return;
      qsort (r, n[w], sizeof (double), compare_doubles);
      factor[w] = n[w] % 2 ? r[n[w] / 2] : (r[n[w] / 2 - 1] + r[n[w] / 2]) / 2;
      sum += factor[w];
    }
  if (sum <= 0)
    return;
  for (guint w = 0; w < 7; w++)
    weekdays->factor[w] = MAX (factor[w] * 7 / sum, 0.05);
}

static int
by_delta (gconstpointer a,
          gconstpointer b)
{
  const HubMover *x = a, *y = b;
  gint64 dx = ABS (x->current - x->previous), dy = ABS (y->current - y->previous);

  return dx < dy ? 1 : dx > dy ? -1 : g_strcmp0 (x->repo->name, y->repo->name);
}

static int
by_ratio (gconstpointer a,
          gconstpointer b)
{
  const HubMover *x = a, *y = b;
  double rx = ABS (x->change.ratio), ry = ABS (y->change.ratio);

  return rx < ry ? 1 : rx > ry ? -1 : g_strcmp0 (x->repo->name, y->repo->name);
}

/* Larger count first, then by name. */
static int
by_count (const HubMover *x,
          gint64          cx,
          const HubMover *y,
          gint64          cy)
{
  return cx < cy ? 1 : cx > cy ? -1 : g_strcmp0 (x->repo->name, y->repo->name);
}

static int
by_current (gconstpointer a,
            gconstpointer b)
{
  const HubMover *x = a, *y = b;

  return by_count (x, x->current, y, y->current);
}

static int
by_previous (gconstpointer a,
             gconstpointer b)
{
  const HubMover *x = a, *y = b;

  return by_count (x, x->previous, y, y->previous);
}

static GArray *
top (GArray       *movers,
     GCompareFunc  compare,
     guint         n)
{
  g_array_sort (movers, compare);
  if (movers->len > n)
    g_array_set_size (movers, n);
  return movers;
}

static GArray *
new_list (void)
{
  return g_array_new (FALSE, FALSE, sizeof (HubMover));
}

/* The movers of range against compared (hub_range_compared ()): the n
 * largest gainers and losers, absolute and relative, the n largest new
 * repositories (their first row in the range) and the n largest that went
 * quiet (downloads in compared, none in range). A new repository is not
 * also a gainer, nor one gone quiet a loser. */
HubMovers *
hub_movers_compute (HubDataset *dataset,
                    HubRange    range,
                    HubRange    compared,
                    guint       n)
{
  HubMovers *movers = g_new0 (HubMovers, 1);
  guint n_repos;

  g_return_val_if_fail (HUB_IS_DATASET (dataset), movers);

  movers->gainers = new_list ();
  movers->losers = new_list ();
  movers->gainers_relative = new_list ();
  movers->losers_relative = new_list ();
  movers->fresh = new_list ();
  movers->quiet = new_list ();

  n_repos = hub_dataset_get_n_repos (dataset);
  for (guint i = 0; i < n_repos; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, i);
      HubMover mover = { repo, HUB_MOVER_GAINER, 0, 0, { HUB_CHANGE_NONE, 0 } };

      if (repo->n_days == 0)
        continue;
      mover.current = hub_repo_range_sum (repo, range.first, range.last);
      mover.previous = hub_repo_range_sum (repo, compared.first, compared.last);
      mover.change = hub_change_compute (mover.current, mover.previous);

      if (hub_range_contains (range, repo->days[0]) && mover.current > 0)
        {
          mover.kind = HUB_MOVER_NEW;
          g_array_append_val (movers->fresh, mover);
        }
      else if (mover.current == 0 && mover.previous > 0)
        {
          mover.kind = HUB_MOVER_QUIET;
          g_array_append_val (movers->quiet, mover);
        }
      else if (mover.current != mover.previous)
        {
          gboolean gain = mover.current > mover.previous;

          mover.kind = gain ? HUB_MOVER_GAINER : HUB_MOVER_LOSER;
          g_array_append_val (gain ? movers->gainers : movers->losers, mover);
          if (mover.previous >= HUB_MOVERS_RELATIVE_FLOOR)
            g_array_append_val (gain ? movers->gainers_relative : movers->losers_relative, mover);
        }
    }

  top (movers->gainers, by_delta, n);
  top (movers->losers, by_delta, n);
  top (movers->gainers_relative, by_ratio, n);
  top (movers->losers_relative, by_ratio, n);
  top (movers->fresh, by_current, n);
  top (movers->quiet, by_previous, n);
  return movers;
}

void
hub_movers_free (HubMovers *movers)
{
  if (movers == NULL)
    return;
  g_clear_pointer (&movers->gainers, g_array_unref);
  g_clear_pointer (&movers->losers, g_array_unref);
  g_clear_pointer (&movers->gainers_relative, g_array_unref);
  g_clear_pointer (&movers->losers_relative, g_array_unref);
  g_clear_pointer (&movers->fresh, g_array_unref);
  g_clear_pointer (&movers->quiet, g_array_unref);
  g_free (movers);
}
