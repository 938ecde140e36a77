/* hub-log-query.c: figures of request logs over a range of days, from a
 * store's per-day aggregates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-log-private.h"

const char *
hub_log_class_name (HubLogClass klass)
{
  static const char * const names[HUB_LOG_N_CLASSES] = {
    "download", "partial", "probe", "redirect", "revalidation", "error", "other",
  };

  g_return_val_if_fail (klass < HUB_LOG_N_CLASSES, NULL);
  return names[klass];
}


/* A store of the whole span answers for a range that holds all its days,
 * with every cell and sketch it has. */
static void
query_days (HubLogStore *store,
            HubDay      *first,
            HubDay      *last)
{
  if (!store->whole)
    return;
  g_warn_if_fail (store->span_first > store->span_last
                  || (*first <= store->span_first && *last >= store->span_last));
  *first = G_MININT32;
  *last = G_MAXINT32;
}

gboolean
hub_log_store_get_days (HubLogStore *store,
                        HubDay      *first,
                        HubDay      *last)
{
  HubDay lo = G_MAXINT32, hi = G_MININT32;

  if (store->whole)
    {
      gboolean any = store->span_first <= store->span_last;

      if (first != NULL)
        *first = any ? store->span_first : HUB_DAY_NONE;
      if (last != NULL)
        *last = any ? store->span_last : HUB_DAY_NONE;
      return any;
    }
  for (guint i = 0; i < store->cells->len; i++)
    {
      HubDay d = g_array_index (store->cells, LogCell, i).day;

      lo = MIN (lo, d);
      hi = MAX (hi, d);
    }
  if (first != NULL)
    *first = store->cells->len ? lo : HUB_DAY_NONE;
  if (last != NULL)
    *last = store->cells->len ? hi : HUB_DAY_NONE;
  return store->cells->len > 0;
}

guint
hub_log_store_get_n_repos (HubLogStore *store)
{
  return store->repos.strings->len;
}

void
hub_log_store_get_repo (HubLogStore  *store,
                        guint         repo,
                        const char  **type,
                        const char  **name)
{
  const char *key = log_strings_get (&store->repos, repo, NULL);

  /* Kept as "type\0name". */
  *type = key;
  *name = key + strlen (key) + 1;
}

guint
hub_log_store_get_n_countries (HubLogStore *store)
{
  return store->countries.strings->len;
}

const char *
hub_log_store_get_country (HubLogStore *store,
                           guint        country)
{
  return log_strings_get (&store->countries, country, NULL);
}

guint
hub_log_store_get_n_methods (HubLogStore *store)
{
  return store->methods.strings->len;
}

const char *
hub_log_store_get_method (HubLogStore *store,
                          guint        method)
{
  return log_strings_get (&store->methods, method, NULL);
}

guint64
hub_log_store_get_team_requests (HubLogStore *store)
{
  return store->team_requests;
}

static gboolean
cell_matches (const LogCell *c,
              HubLogFilter   filter,
              HubDay         first,
              HubDay         last)
{
  return c->day >= first && c->day <= last
         && (filter.repo < 0 || c->repo == (guint32) filter.repo)
         && (filter.country < 0 || c->country == (guint32) filter.country);
}

enum
{
  METHOD_OTHER,
  METHOD_GET,
  METHOD_HEAD,
};

static guint8
method_kind (const char *method)
{
  return g_strcmp0 (method, "GET") == 0 ? METHOD_GET
         : g_strcmp0 (method, "HEAD") == 0 ? METHOD_HEAD : METHOD_OTHER;
}

/* What each method is to the classes, found once for a query rather than
 * once a cell. */
static guint8 *
method_kinds (HubLogStore *store)
{
  guint n = hub_log_store_get_n_methods (store);
  guint8 *kinds = g_new (guint8, n + 1);

  for (guint m = 0; m < n; m++)
    kinds[m] = method_kind (hub_log_store_get_method (store, m));
  return kinds;
}

/* Request classes, by status first, then method. */
static inline HubLogClass
classify_kind (guint  status,
               guint8 kind)
{
  if (status >= 400)
    return HUB_LOG_CLASS_ERROR;
  if (status == 304)
    return HUB_LOG_CLASS_REVALIDATION;
  if (status >= 300)
    return HUB_LOG_CLASS_REDIRECT;
  if (status >= 200 && kind == METHOD_HEAD)
    return HUB_LOG_CLASS_PROBE;
  if (status >= 200 && kind == METHOD_GET)
    return status == 206 ? HUB_LOG_CLASS_PARTIAL : HUB_LOG_CLASS_DOWNLOAD;
  return HUB_LOG_CLASS_OTHER;
}

HubLogClass
hub_log_classify (guint       status,
                  const char *method)
{
  return classify_kind (status, method_kind (method));
}

static inline void
add_cell (const guint8  *kinds,
          const LogCell *c,
          HubLogFigures *figures)
{
  figures->requests += c->requests;
  figures->sessions += c->sessions;
  figures->classes[classify_kind (c->status, kinds[c->method])] += c->requests;
}

/* The sketches a filter's uniques come from: per repository, else per
 * country (each identified line is in exactly one country's sketch). */
static GArray *
filter_sketches (HubLogStore  *store,
                 HubLogFilter  filter,
                 int          *part)
{
  if (filter.repo >= 0)
    {
      *part = filter.repo;
      return store->repo_days;
    }
  *part = filter.country;
  return store->country_days;
}

static void
finish_uniques (HubLogFigures *figures,
                HubHll        *users,
                HubHll        *anonymous)
{
  figures->users = hub_hll_estimate (users);
  figures->anonymous_ips = hub_hll_estimate (anonymous);
  hub_hll_merge (users, anonymous);
  figures->uniques = hub_hll_estimate (users);
}

void
hub_log_store_figures (HubLogStore   *store,
                       HubLogFilter   filter,
                       HubDay         first,
                       HubDay         last,
                       HubLogFigures *figures)
{
  g_autoptr(HubHll) users = hub_hll_new ();
  g_autoptr(HubHll) anonymous = hub_hll_new ();
  g_autofree guint8 *kinds = method_kinds (store);
  int part;
  GArray *sketches = filter_sketches (store, filter, &part);

  query_days (store, &first, &last);
  memset (figures, 0, sizeof *figures);
  for (guint i = 0; i < store->cells->len; i++)
    {
      const LogCell *c = &g_array_index (store->cells, LogCell, i);

      if (cell_matches (c, filter, first, last))
        add_cell (kinds, c, figures);
    }

  /* Sketches are kept per repository and per country, not per pair. */
  if (filter.repo >= 0 && filter.country >= 0)
    return;
  for (guint i = 0; i < sketches->len; i++)
    {
      LogSketches *s = &g_array_index (sketches, LogSketches, i);

      if (s->day < first || s->day > last || (part >= 0 && s->part != (guint32) part))
        continue;
      if (s->users)
        hub_hll_merge (users, s->users);
      if (s->anonymous)
        hub_hll_merge (anonymous, s->anonymous);
    }
  finish_uniques (figures, users, anonymous);
}

void
hub_log_store_daily (HubLogStore   *store,
                     HubLogFilter   filter,
                     HubDay         first,
                     HubDay         last,
                     HubLogFigures *series)
{
  g_autofree guint8 *kinds = method_kinds (store);
  int part;
  GArray *sketches = filter_sketches (store, filter, &part);
  guint n = (guint) (last - first + 1);

  g_return_if_fail (last >= first);
  g_return_if_fail (!store->whole);
  memset (series, 0, n * sizeof *series);
  for (guint i = 0; i < store->cells->len; i++)
    {
      const LogCell *c = &g_array_index (store->cells, LogCell, i);

      if (cell_matches (c, filter, first, last))
        add_cell (kinds, c, &series[c->day - first]);
    }
  if (filter.repo >= 0 && filter.country >= 0)
    return;

  for (HubDay day = first; day <= last; day++)
    {
      g_autoptr(HubHll) users = hub_hll_new ();
      g_autoptr(HubHll) anonymous = hub_hll_new ();
      gboolean any = FALSE;

      for (guint i = 0; i < sketches->len; i++)
        {
          LogSketches *s = &g_array_index (sketches, LogSketches, i);

          if (s->day != day || (part >= 0 && s->part != (guint32) part))
            continue;
          any = TRUE;
          if (s->users)
            hub_hll_merge (users, s->users);
          if (s->anonymous)
            hub_hll_merge (anonymous, s->anonymous);
        }
      if (any)
        finish_uniques (&series[day - first], users, anonymous);
    }
}

GHashTable *
hub_log_store_requests_by_method (HubLogStore *store,
                                  HubDay       first,
                                  HubDay       last)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint n = hub_log_store_get_n_methods (store);
  g_autofree guint64 *by_method = g_new0 (guint64, n + 1);
  g_autofree gboolean *seen = g_new0 (gboolean, n + 1);

  query_days (store, &first, &last);
  for (guint i = 0; i < store->cells->len; i++)
    {
      const LogCell *c = &g_array_index (store->cells, LogCell, i);

      if (c->day >= first && c->day <= last)
        {
          by_method[c->method] += c->requests;
          seen[c->method] = TRUE;
        }
    }
  for (guint m = 0; m < n; m++)
    if (seen[m])
      g_hash_table_insert (counts, (gpointer) hub_log_store_get_method (store, m),
                           g_memdup2 (&by_method[m], sizeof (guint64)));
  return counts;
}

GHashTable *
hub_log_store_requests_by_status (HubLogStore *store,
                                  HubDay       first,
                                  HubDay       last)
{
  GHashTable *counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* Statuses are 100 to 599, or 0 for none. */
  guint64 by_status[600] = { 0 };
  gboolean seen[600] = { FALSE };

  query_days (store, &first, &last);
  for (guint i = 0; i < store->cells->len; i++)
    {
      const LogCell *c = &g_array_index (store->cells, LogCell, i);

      if (c->day >= first && c->day <= last && c->status < G_N_ELEMENTS (by_status))
        {
          by_status[c->status] += c->requests;
          seen[c->status] = TRUE;
        }
    }
  for (guint status = 0; status < G_N_ELEMENTS (by_status); status++)
    if (seen[status])
      g_hash_table_insert (counts, GUINT_TO_POINTER (status),
                           g_memdup2 (&by_status[status], sizeof (guint64)));
  return counts;
}

struct _LogGrouping
{
  HubLogFigures *figures;
  GArray        *sketches;   /* LogSketches: the store's by repository or by country */
  guint          n;          /* repositories or countries */
  guint32       *starts;     /* the range's sketches of part i: order[starts[i] … starts[i + 1]) */
  guint32       *order;
  gint           next;       /* the first part no thread has taken yet */
};

/* Figures by repository (by_repo) or by country over first … last: the
 * cells are added up at once; the unions of sketches, part by part, by
 * log_grouping_work() in as many threads as call it. */
LogGrouping *
log_grouping_new (HubLogStore   *store,
                  gboolean       by_repo,
                  HubDay         first,
                  HubDay         last,
                  HubLogFigures *figures)
{
  LogGrouping *g = g_new0 (LogGrouping, 1);
  g_autofree guint8 *kinds = method_kinds (store);
  g_autofree guint32 *fill = NULL;

  g->figures = figures;
  g->n = by_repo ? hub_log_store_get_n_repos (store) : hub_log_store_get_n_countries (store);
  g->sketches = by_repo ? store->repo_days : store->country_days;

  query_days (store, &first, &last);
  memset (figures, 0, g->n * sizeof *figures);
  for (guint i = 0; i < store->cells->len; i++)
    {
      const LogCell *c = &g_array_index (store->cells, LogCell, i);

      if (c->day >= first && c->day <= last)
        add_cell (kinds, c, &figures[by_repo ? c->repo : c->country]);
    }

  /* The range's sketches ordered by part (a counting sort), in the order
   * they are kept within a part. */
  g->starts = g_new0 (guint32, g->n + 1);
  for (guint i = 0; i < g->sketches->len; i++)
    {
      const LogSketches *s = &g_array_index (g->sketches, LogSketches, i);

      if (s->day >= first && s->day <= last)
        g->starts[s->part + 1]++;
    }
  for (guint i = 0; i < g->n; i++)
    g->starts[i + 1] += g->starts[i];
  g->order = g_new (guint32, g->starts[g->n] + 1);
  fill = g_memdup2 (g->starts, (g->n + 1) * sizeof (guint32));
  for (guint i = 0; i < g->sketches->len; i++)
    {
      const LogSketches *s = &g_array_index (g->sketches, LogSketches, i);

      if (s->day >= first && s->day <= last)
        g->order[fill[s->part]++] = i;
    }
  return g;
}

/* Takes parts a few at a time until none is left: several threads may
 * call it at once, each part's union made by one of them. */
void
log_grouping_work (LogGrouping *g)
{
  for (;;)
    {
      guint from = (guint) g_atomic_int_add (&g->next, 16);

      if (from >= g->n)
        return;
      for (guint part = from; part < MIN (from + 16, g->n); part++)
        {
          g_autoptr(HubHll) users = hub_hll_new ();
          g_autoptr(HubHll) anonymous = hub_hll_new ();

          for (guint32 k = g->starts[part]; k < g->starts[part + 1]; k++)
            {
              const LogSketches *s = &g_array_index (g->sketches, LogSketches, g->order[k]);

              if (s->users)
                hub_hll_merge (users, s->users);
              if (s->anonymous)
                hub_hll_merge (anonymous, s->anonymous);
            }
          finish_uniques (&g->figures[part], users, anonymous);
        }
    }
}

void
log_grouping_free (LogGrouping *g)
{
  g_free (g->starts);
  g_free (g->order);
  g_free (g);
}

static void
grouped (HubLogStore   *store,
         gboolean       by_repo,
         HubDay         first,
         HubDay         last,
         HubLogFigures *figures)
{
  LogGrouping *g = log_grouping_new (store, by_repo, first, last, figures);

  log_grouping_work (g);
  log_grouping_free (g);
}

void
hub_log_store_by_repo (HubLogStore   *store,
                       HubDay         first,
                       HubDay         last,
                       HubLogFigures *figures)
{
  grouped (store, TRUE, first, last, figures);
}

void
hub_log_store_by_country (HubLogStore   *store,
                          HubDay         first,
                          HubDay         last,
                          HubLogFigures *figures)
{
  grouped (store, FALSE, first, last, figures);
}

