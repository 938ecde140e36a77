/* hub-audience-figures.c: what the Audience view shows of the request logs
 * over a period, computed where the logs were read
 *
 * The unions of sketches behind the view's uniques take longer than a
 * frame over a large store: the thread that read the logs computes them
 * here, once for each period, and the main thread only shows them. The
 * period ends at the logs' last day: All Time is every day of the logs,
 * Last Month their last 30 days. Any other range of the window's is
 * computed when it is chosen (hub_audience_figures_new_days).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-audience-csv.h"
#include "hub-audience-figures.h"
#include "hub-range.h"

/* The figures of store over period; the store is only read, from any one
 * thread at a time. */
HubAudienceFigures *
hub_audience_figures_new (HubLogStore *store,
                          HubPeriod    period)
{
  HubDay first, last;

  g_return_val_if_fail (store != NULL, NULL);

  if (!hub_log_store_get_days (store, &first, &last) || first == HUB_DAY_NONE)
    return hub_audience_figures_new_days (store, (HubRange) { 1, 0 });
  if (period == HUB_PERIOD_LAST_MONTH)
    first = MAX (first, hub_range_last_month (last).first);
  return hub_audience_figures_new_days (store, (HubRange) { first, last });
}

/* The figures of store over the days of range that the logs have; none
 * (first and last HUB_DAY_NONE) when they have none of them. */
HubAudienceFigures *
hub_audience_figures_new_days (HubLogStore *store,
                               HubRange     range)
{
  HubAudienceFigures *f = g_new0 (HubAudienceFigures, 1);
  HubDay first, last;
  guint n_days;

  g_return_val_if_fail (store != NULL, NULL);

  f->first = f->last = HUB_DAY_NONE;
  if (!hub_log_store_get_days (store, &first, &last) || first == HUB_DAY_NONE)
    return f;
  first = MAX (first, range.first);
  last = MIN (last, range.last);
  if (last < first)
    return f;
  f->first = first;
  f->last = last;
  n_days = (guint) (last - first + 1);

  hub_log_store_figures (store, HUB_LOG_FILTER_ALL, first, last, &f->total);
  f->daily = g_new0 (HubLogFigures, n_days);
  hub_log_store_daily (store, HUB_LOG_FILTER_ALL, first, last, f->daily);

  f->n_countries = hub_log_store_get_n_countries (store);
  f->countries = g_new0 (HubLogFigures, MAX (f->n_countries, 1));
  hub_log_store_by_country (store, first, last, f->countries);
  f->country_order = hub_audience_order_countries (f->countries, f->n_countries, store);
  if (f->country_order[0] != G_MAXUINT)
    {
      f->region_country = g_strdup (hub_log_store_get_country (store, f->country_order[0]));
      f->regions = hub_log_store_regions (store, first, last, f->country_order[0]);
    }

  f->n_repos = hub_log_store_get_n_repos (store);
  f->repos = g_new0 (HubLogFigures, MAX (f->n_repos, 1));
  hub_log_store_by_repo (store, first, last, f->repos);
  f->repo_order = hub_audience_order_repos (f->repos, f->n_repos, store);

  f->identities = hub_log_store_top_identities (store, first, last, HUB_AUDIENCE_TOP_IDENTITIES);
  return f;
}

void
hub_audience_figures_free (HubAudienceFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->daily);
  g_free (figures->countries);
  g_free (figures->country_order);
  g_free (figures->repos);
  g_free (figures->repo_order);
  g_free (figures->region_country);
  g_clear_pointer (&figures->regions, g_ptr_array_unref);
  g_clear_pointer (&figures->identities, g_ptr_array_unref);
  g_free (figures);
}
