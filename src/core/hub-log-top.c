/* hub-log-top.c: each day's identities with the most requests, in a
 * summary of fixed size that merges, and the top of a range of days
 *
 * A day's summary is Misra and Gries's frequent-items summary: an identity
 * already in it adds its requests; a new one takes a free slot. When none
 * is free, the median count is taken from every identity and those left at
 * zero go: each such purge takes at least HUB_LOG_TOP_SLOTS / 2 times the
 * median from the day's requests, so what is taken from any identity (the
 * summary's error) stays within the day's requests / (HUB_LOG_TOP_SLOTS / 2),
 * and every identity with more requests than that is in the summary. Two
 * summaries merge by adding their counts and errors (Agarwal et al.,
 * "Mergeable summaries", 2012), so a day read in parts, by two threads,
 * gives the same guarantee.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hub-identity.h"
#include "hub-log-private.h"

#define TOP_MASK (2 * HUB_LOG_TOP_SLOTS - 1)

G_DEFINE_BOXED_TYPE (HubLogIdentity, hub_log_identity, hub_log_identity_copy,
                     hub_log_identity_free)

HubLogIdentity *
hub_log_identity_copy (const HubLogIdentity *identity)
{
  HubLogIdentity *copy = g_new (HubLogIdentity, 1);

  *copy = *identity;
  copy->id = g_strdup (identity->id);
  copy->short_id = g_strdup (identity->short_id);
  return copy;
}

void
hub_log_identity_free (HubLogIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->id);
  g_free (identity->short_id);
  g_free (identity);
}

gboolean
hub_log_identity_matches (const HubLogIdentity *identity,
                          const char           *id)
{
  g_return_val_if_fail (identity != NULL && id != NULL, FALSE);

  return *id != '\0' && hub_identity_hash (id, strlen (id)) == identity->hash;
}

/* The identity's slot, or the free slot where it would go. */
static inline LogTopEntry *
top_find (LogTop  *top,
          guint64  identity)
{
  guint32 i = (guint32) (log_mix64 (identity) >> 32) & TOP_MASK;

  while (top->slots[i].requests != 0 && top->slots[i].identity != identity)
    i = (i + 1) & TOP_MASK;
  return &top->slots[i];
}

static int
compare_counts (const void *a,
                const void *b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x < y) - (x > y);
}

/* The k-th largest of counts[0 … n-1] (k from 0), found in place
 * (quickselect): a purge comes every few dozen new identities. */
static guint64
kth_largest (guint64 *counts,
             guint    n,
             guint    k)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint64 pivot = counts[lo + (hi - lo) / 2];
      guint i = lo, j = hi;

      while (i <= j)
        {
          while (counts[i] > pivot)
            i++;
          while (counts[j] < pivot)
            j--;
          if (i <= j)
            {
              guint64 swap = counts[i];

              counts[i] = counts[j];
              counts[j] = swap;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        return counts[k];
    }
  return counts[k];
}

/* Takes the median count from every identity; those left at zero go. */
static void
top_purge (LogTop *top)
{
  guint64 counts[HUB_LOG_TOP_SLOTS];
  LogTopEntry kept[HUB_LOG_TOP_SLOTS];
  guint n = 0, n_kept = 0;
  guint64 median;

  for (guint i = 0; i <= TOP_MASK; i++)
    if (top->slots[i].requests != 0)
      counts[n++] = top->slots[i].requests;
  median = kth_largest (counts, n, n / 2 - 1);

  for (guint i = 0; i <= TOP_MASK; i++)
    if (top->slots[i].requests > median)
      {
        kept[n_kept] = top->slots[i];
        kept[n_kept++].requests -= median;
      }
  memset (top->slots, 0, sizeof top->slots);
  for (guint i = 0; i < n_kept; i++)
    *top_find (top, kept[i].identity) = kept[i];
  top->n = n_kept;
  top->error += median;
}

void
log_top_add (LogTop  *top,
             guint64  identity,
             guint64  requests,
             guint32  sessions,
             guint32  flags)
{
  LogTopEntry *e = top_find (top, identity);

  if (e->requests == 0)
    {
      if (top->n == HUB_LOG_TOP_SLOTS)
        {
          top_purge (top);
          e = top_find (top, identity);
        }
      e->identity = identity;
      top->n++;
    }
  e->requests += requests;
  e->sessions += sessions;
  e->flags |= flags;
}

void
log_top_add_session (LogTop  *top,
                     guint64  identity)
{
  LogTopEntry *e = top_find (top, identity);

  if (e->requests != 0)
    e->sessions++;
}

/* The day's summary, made empty the first time. */
LogTop *
log_store_top (HubLogStore *store,
               HubDay       day)
{
  LogTop *top;

  if (store->last_top != 0)
    {
      top = &g_array_index (store->tops, LogTop, store->last_top - 1);
      if (top->day == day)
        return top;
    }
  for (guint i = store->tops->len; i > 0; i--)
    {
      top = &g_array_index (store->tops, LogTop, i - 1);
      if (top->day == day)
        {
          store->last_top = i;
          return top;
        }
    }
  g_array_set_size (store->tops, store->tops->len + 1);
  store->last_top = store->tops->len;
  top = &g_array_index (store->tops, LogTop, store->tops->len - 1);
  memset (top, 0, sizeof *top);
  top->day = day;
  return top;
}

void
log_tops_merge (HubLogStore *store,
                HubLogStore *other)
{
  for (guint i = 0; i < other->tops->len; i++)
    {
      const LogTop *from = &g_array_index (other->tops, LogTop, i);
      LogTop *into = log_store_top (store, from->day);

      into->error += from->error;
      for (guint j = 0; j <= TOP_MASK; j++)
        {
          const LogTopEntry *e = &from->slots[j];

          if (e->requests != 0)
            log_top_add (into, e->identity, e->requests, e->sessions, e->flags);
        }
    }
}

void
hub_log_store_set_team_ids (HubLogStore        *store,
                            const char * const *team_ids)
{
  g_return_if_fail (store != NULL);

  g_array_set_size (store->team, 0);
  for (guint i = 0; team_ids != NULL && team_ids[i] != NULL; i++)
    {
      guint64 hash = hub_identity_hash (team_ids[i], strlen (team_ids[i]));

      g_array_append_val (store->team, hash);
    }
  g_array_sort (store->team, compare_counts);
}

static gboolean
on_team (HubLogStore *store,
         guint64      hash)
{
  guint lo = 0, hi = store->team->len;

  /* Sorted largest first, as compare_counts() sorts. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint64 h = g_array_index (store->team, guint64, mid);

      if (h == hash)
        return TRUE;
      if (h > hash)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

static int
compare_identities (gconstpointer a,
                    gconstpointer b)
{
  const LogTopEntry *x = a, *y = b;

  if (x->requests != y->requests)
    return x->requests > y->requests ? -1 : 1;
  return (x->identity > y->identity) - (x->identity < y->identity);
}

GPtrArray *
hub_log_store_top_identities (HubLogStore *store,
                              HubDay       first,
                              HubDay       last,
                              guint        max)
{
  GPtrArray *top = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_log_identity_free);
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GArray) sums = NULL;
  guint64 error = 0;

  g_return_val_if_fail (store != NULL, top);

  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  sums = g_array_new (FALSE, FALSE, sizeof (LogTopEntry));
  for (guint i = 0; i < store->tops->len; i++)
    {
      const LogTop *day = &g_array_index (store->tops, LogTop, i);

      if (day->day < first || day->day > last)
        continue;
      error += day->error;
      for (guint j = 0; j <= TOP_MASK; j++)
        {
          const LogTopEntry *e = &day->slots[j];
          gpointer at;

          if (e->requests == 0)
            continue;
          if (g_hash_table_lookup_extended (positions, &e->identity, NULL, &at))
            {
              LogTopEntry *sum = &g_array_index (sums, LogTopEntry, GPOINTER_TO_UINT (at));

              sum->requests += e->requests;
              sum->sessions += e->sessions;
              sum->flags |= e->flags;
            }
          else
            {
              g_array_append_val (sums, *e);
              /* Keys point at the identity in day's slot, which stays put. */
              g_hash_table_insert (positions, (gpointer) &e->identity,
                                   GUINT_TO_POINTER (sums->len - 1));
            }
        }
    }

  g_array_sort (sums, compare_identities);
  for (guint i = 0; i < sums->len && i < max; i++)
    {
      const LogTopEntry *e = &g_array_index (sums, LogTopEntry, i);
      HubLogIdentity *identity = g_new (HubLogIdentity, 1);

      identity->hash = e->identity;
      identity->id = g_strdup_printf ("%016" G_GINT64_MODIFIER "x", e->identity);
      identity->short_id = g_strdup_printf ("%.8s…", identity->id);
      identity->requests = e->requests;
      identity->requests_error = error;
      identity->sessions = e->sessions;
      identity->is_user = (e->flags & LOG_TOP_USER) != 0;
      identity->team = (e->flags & LOG_TOP_INTERNAL) != 0 || on_team (store, e->identity);
      g_ptr_array_add (top, identity);
    }
  return top;
}
