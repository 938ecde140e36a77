/* hub-spikes.c: days far outside a series' usual range
 *
 * A day's usual range is made of the HUB_SPIKE_BASELINE_DAYS days before
 * it: their weekday factors adjust every count (a Sunday is compared with
 * what a Sunday usually is), and the adjusted counts give a median and a
 * median absolute deviation (MAD), which one huge day cannot move as it
 * moves a mean and a standard deviation. The score is the adjusted count's
 * distance from the median in units of 1.4826 × MAD (the standard
 * deviation, were the counts normal), and at least the square root of
 * the day's expected count (in adjusted units): counts are counts, a quiet
 * weekday's few downloads wobble more for their size than a busy one's,
 * and a series as steady as a clock should not make every small wobble a
 * spike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hub-insights.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The spikes and drops of a series that starts on first_day, among its
 * days from `from` on that have a whole baseline before them. */
GArray *
hub_spikes_find (const gint64 *daily,
                 guint         n_days,
                 HubDay        first_day,
                 HubDay        from)
{
  GArray *spikes = g_array_new (FALSE, FALSE, sizeof (HubSpike));
  double adjusted[HUB_SPIKE_BASELINE_DAYS], deviations[HUB_SPIKE_BASELINE_DAYS];
  guint start = HUB_SPIKE_BASELINE_DAYS;

  if (from > first_day)
    start = MAX (start, (guint) (from - first_day));

  for (guint i = start; i < n_days; i++)
    {
      const gint64 *baseline = daily + i - HUB_SPIKE_BASELINE_DAYS;
      HubDay baseline_first = first_day + (HubDay) (i - HUB_SPIKE_BASELINE_DAYS);
      HubDay day = first_day + (HubDay) i;
      HubWeekdays weekdays;
      double centre, mad, spread, factor, score;

      hub_weekdays_fit (&weekdays, baseline, HUB_SPIKE_BASELINE_DAYS, baseline_first);
      for (guint j = 0; j < HUB_SPIKE_BASELINE_DAYS; j++)
        adjusted[j] = baseline[j] / weekdays.factor[hub_day_weekday (baseline_first + (HubDay) j) - 1];
      centre = median (adjusted, HUB_SPIKE_BASELINE_DAYS);
      for (guint j = 0; j < HUB_SPIKE_BASELINE_DAYS; j++)
        deviations[j] = fabs (adjusted[j] - centre);
      mad = median (deviations, HUB_SPIKE_BASELINE_DAYS);

      factor = weekdays.factor[hub_day_weekday (day) - 1];
      spread = MAX (1.4826 * mad, sqrt (MAX (centre * factor, 1.0)) / factor);
      score = (daily[i] / factor - centre) / spread;
      if (fabs (score) >= HUB_SPIKE_THRESHOLD)
        {
          HubSpike spike = { day, daily[i], centre * factor, score };

          g_array_append_val (spikes, spike);
        }
    }
  return spikes;
}

/* A repository's spikes and drops within range, each judged against the
 * days before it from the repository's first row on. */
GArray *
hub_repo_spikes (const HubRepo *repo,
                 HubRange       range)
{
  g_autoptr(GArray) daily = NULL;
  HubRange span;

  g_return_val_if_fail (repo != NULL, NULL);

  if (repo->n_days == 0 || range.last < repo->days[0])
    return g_array_new (FALSE, FALSE, sizeof (HubSpike));
  /* A day's usual range is the baseline before it: older days do not count. */
  span = (HubRange) { MAX (repo->days[0], range.first - HUB_SPIKE_BASELINE_DAYS), range.last };
  daily = hub_repo_daily (repo, span);
  return hub_spikes_find ((const gint64 *) daily->data, daily->len, span.first, range.first);
}
