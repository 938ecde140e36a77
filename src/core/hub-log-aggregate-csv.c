/* hub-log-aggregate-csv.c: the rows of an aggregate made elsewhere
 * (docs/logs-aggregate.md): counts and sketches per cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "hub-log-reader-private.h"

static gboolean
parse_count (Field    f,
             guint64 *out)
{
  guint64 v = 0;

  if (f.len == 0)
    return FALSE;
  for (gsize i = 0; i < f.len; i++)
    {
      if (f.p[i] < '0' || f.p[i] > '9' || v > (G_MAXINT64 - 9) / 10)
        return FALSE;
      v = v * 10 + (guint64) (f.p[i] - '0');
    }
  *out = v;
  return TRUE;
}

static void
merge_into (HubHll **into,
            HubHll  *from)
{
  if (hub_hll_is_sparse (from) && hub_hll_estimate (from) == 0)
    return;
  if (*into == NULL)
    *into = hub_hll_new ();
  hub_hll_merge (*into, from);
}

/* A row of an aggregate made elsewhere (docs/logs-aggregate.md): its cell's
 * requests and sessions, and its sketches into the day's repository and
 * country sketches. */
gboolean
log_handle_aggregate_fields (Worker *w,
                             Field  *f,
                             guint64 line)
{
  HubLogStore *store = w->store;
  g_autoptr(HubHll) users = NULL;
  g_autoptr(HubHll) anonymous = NULL;
  guint64 requests, sessions;
  guint32 status;
  gint64 ms, repo;
  guint32 country, region, method;
  guint32 cell_index;
  LogCell *cell;
  LogRegionCell *region_cell = NULL;
  LogSketches *s;
  HubDay day;

  if (!log_parse_time (w, f[COL_DAY].p, f[COL_DAY].len, &ms) || ms % MS_PER_DAY != 0)
    {
      log_fail (w, line, HUB_LOG_ERROR_BAD_DATE, COL_DAY, f[COL_DAY].p, f[COL_DAY].len);
      return FALSE;
    }
  day = (HubDay) (ms / MS_PER_DAY);
  /* Old exports' rows have no status. */
  if (!log_check_key (w, f, f[COL_STATUS].len > 0, &status, line))
    return FALSE;
  for (int c = COL_REQUESTS; c <= COL_SESSIONS; c++)
    if (!parse_count (f[c], c == COL_REQUESTS ? &requests : &sessions))
      {
        log_fail (w, line, HUB_LOG_ERROR_BAD_COUNT, c, f[c].p, f[c].len);
        return FALSE;
      }
  users = hub_hll_from_text (f[COL_USERS].p, f[COL_USERS].len);
  anonymous = hub_hll_from_text (f[COL_ANONYMOUS].p, f[COL_ANONYMOUS].len);
  if (users == NULL || anonymous == NULL)
    {
      int c = users == NULL ? COL_USERS : COL_ANONYMOUS;

      log_fail (w, line, HUB_LOG_ERROR_BAD_SKETCH, c, f[c].p, f[c].len);
      return FALSE;
    }

  repo = log_intern_repo (w, f[COL_REPO_TYPE], f[COL_REPO_NAME],
                          log_repo_hash (f[COL_REPO_TYPE].p, f[COL_REPO_TYPE].len,
                                         f[COL_REPO_NAME].p, f[COL_REPO_NAME].len), line);
  if (repo < 0 || !log_intern_place (w, f, COL_METHOD, line, &country, &region, &method))
    return FALSE;

  /* A store of the whole span keeps the rows' days (and, by
   * log_intern_place(), no regions). */
  if (store->whole)
    log_store_span_add (store, day);
  cell = log_store_cell (store, day, (guint32) repo, country, method, status, &cell_index);
  /* An aggregate with a region column says where inside the country. */
  if (region != NO_CELL)
    region_cell = log_store_region_cell (store, day, country, region, &cell_index);
  if (cell->requests > (guint64) G_MAXINT64 - requests
      || cell->sessions > (guint64) G_MAXINT64 - sessions
      || (region_cell != NULL && (region_cell->requests > (guint64) G_MAXINT64 - requests
                                  || region_cell->sessions > (guint64) G_MAXINT64 - sessions)))
    {
      log_fail (w, line, HUB_LOG_ERROR_BAD_COUNT, COL_REQUESTS, f[COL_REQUESTS].p, f[COL_REQUESTS].len);
      return FALSE;
    }
  cell->requests += requests;
  cell->sessions += sessions;
  if (region_cell != NULL)
    {
      region_cell->requests += requests;
      region_cell->sessions += sessions;
    }

  s = log_store_repo_day (store, day, (guint32) repo);
  merge_into (&s->users, users);
  merge_into (&s->anonymous, anonymous);
  s = log_store_country_day (store, day, country);
  merge_into (&s->users, users);
  merge_into (&s->anonymous, anonymous);
  return TRUE;
}
