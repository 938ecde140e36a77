/* hub-log-sessions.c: sessions: lines of one identity and repository in
 * time order, tracked as they come or sorted when they came out of order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-log-reader-private.h"

static inline guint32
track_slot (const Tracker *t,
            guint64        identity,
            guint64        repo)
{
  guint64 h = (identity ^ (repo * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));

  h ^= h >> 31;
  h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  return (guint32) (h >> 32) & t->mask;
}

static void
tracker_resize (Tracker *t,
                guint32  capacity,
                gint64   keep_from)
{
  TrackSlot *old = t->slots;
  guint32 old_capacity = old ? t->mask + 1 : 0;

  /* A sweep keeps the capacity: the slots of the one before are reused, so
   * that the memory is not handed back and faulted in again each time. */
  if (t->spare != NULL && t->spare_capacity == capacity)
    t->slots = g_steal_pointer (&t->spare);
  else
    t->slots = g_new (TrackSlot, capacity);
  for (guint32 i = 0; i < capacity; i++)
    t->slots[i].last_ms = G_MININT64;
  t->mask = capacity - 1;
  t->count = 0;
  for (guint32 i = 0; i < old_capacity; i++)
    {
      guint32 j;

      if (old[i].last_ms == G_MININT64 || old[i].last_ms < keep_from)
        continue;
      j = track_slot (t, old[i].identity, old[i].repo);
      while (t->slots[j].last_ms != G_MININT64)
        j = (j + 1) & t->mask;
      t->slots[j] = old[i];
      t->count++;
    }
  g_free (t->spare);
  t->spare = old;
  t->spare_capacity = old_capacity;
}

void
log_tracker_init (Tracker *t,
                  GArray  *open_sessions,
                  gint64   horizon)
{
  memset (t, 0, sizeof *t);
  t->horizon = horizon;
  t->forgotten_before = G_MININT64;
  t->next_sweep = G_MININT64;
  tracker_resize (t, 1024, G_MININT64);
  for (guint i = 0; i < open_sessions->len; i++)
    {
      LogOpenSession *o = &g_array_index (open_sessions, LogOpenSession, i);
      guint32 j;

      if (t->count * 2 >= t->mask)
        tracker_resize (t, (t->mask + 1) * 2, G_MININT64);
      j = track_slot (t, o->identity, o->repo);
      while (t->slots[j].last_ms != G_MININT64)
        j = (j + 1) & t->mask;
      t->slots[j].identity = o->identity;
      t->slots[j].repo = o->repo;
      t->slots[j].last_ms = o->last_ms;
      t->count++;
    }
}

/* Whether the line starts a session; *disorder when the lines of one
 * identity and repository, or lines already forgotten, came out of order. */
gboolean
log_tracker_add (Tracker        *t,
                 const LogEvent *e,
                 gboolean       *disorder)
{
  guint32 j;

  if (e->ms > t->horizon)
    t->horizon = e->ms;
  if (t->forgotten_before != G_MININT64
      && e->ms <= t->forgotten_before + HUB_LOG_SESSION_GAP_MS)
    *disorder = TRUE;

  j = track_slot (t, e->identity, e->repo);
  while (t->slots[j].last_ms != G_MININT64)
    {
      TrackSlot *s = &t->slots[j];

      if (s->identity == e->identity && s->repo == e->repo)
        {
          gboolean starts = e->ms - s->last_ms > HUB_LOG_SESSION_GAP_MS;

          if (e->ms < s->last_ms)
            *disorder = TRUE;
          else
            s->last_ms = e->ms;
          return starts;
        }
      j = (j + 1) & t->mask;
    }

  t->slots[j].identity = e->identity;
  t->slots[j].repo = e->repo;
  t->slots[j].last_ms = e->ms;
  t->count++;

  /* Forget what log time has left behind, at most every five minutes of it;
   * grow when what is left is still half the table. */
  if (t->count * 2 > t->mask)
    {
      if (t->horizon >= t->next_sweep)
        {
          gint64 keep_from = t->horizon - HUB_LOG_SESSION_GAP_MS - ORDER_SLACK_MS;

          t->forgotten_before = keep_from;
          t->next_sweep = t->horizon + HUB_LOG_SESSION_GAP_MS;
          tracker_resize (t, t->mask + 1, keep_from);
        }
      if (t->count * 4 > t->mask)
        tracker_resize (t, (t->mask + 1) * 2, G_MININT64);
    }
  return TRUE;
}

void
log_tracker_open_sessions (Tracker *t,
                           GArray  *out)
{
  g_array_set_size (out, 0);
  for (guint32 i = 0; i <= t->mask; i++)
    {
      TrackSlot *s = &t->slots[i];
      LogOpenSession o = { s->identity, s->repo, s->last_ms };

      if (s->last_ms != G_MININT64 && s->last_ms >= t->horizon - HUB_LOG_SESSION_GAP_MS)
        g_array_append_val (out, o);
    }
}

/* A session begins at e, a line of a worker's store: it belongs to the
 * line's cell, region and identity. */
void
log_count_session (HubLogStore    *store,
                   const LogEvent *e)
{
  LogCell *cell = &g_array_index (store->cells, LogCell, e->cell);

  cell->sessions++;
  if (e->region_cell != NO_CELL)
    g_array_index (store->region_cells, LogRegionCell, e->region_cell).sessions++;
  if (!store->whole)
    log_top_add_session (log_store_top (store, cell->day), e->identity);
}

static int
compare_events (const void *a,
                const void *b)
{
  const LogEvent *x = a, *y = b;

  if (x->identity != y->identity)
    return x->identity < y->identity ? -1 : 1;
  if (x->repo != y->repo)
    return x->repo < y->repo ? -1 : 1;
  if (x->ms != y->ms)
    return x->ms < y->ms ? -1 : 1;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Sessions from every line at once, in any input order. */
void
log_count_collected (Read    *read,
                     Worker **workers,
                     GArray  *open_sessions)
{
  GArray *events = read->all_events;
  gint64 horizon = read->tracker.horizon;

  for (guint i = 0; i < events->len; i++)
    horizon = MAX (horizon, g_array_index (events, LogEvent, i).ms);
  if (events->len > 0)
    qsort (events->data, events->len, sizeof (LogEvent), compare_events);

  g_array_set_size (open_sessions, 0);
  for (guint i = 0; i < events->len; i++)
    {
      LogEvent *e = &g_array_index (events, LogEvent, i);
      LogEvent *prev = i > 0 ? &g_array_index (events, LogEvent, i - 1) : NULL;
      gboolean same = prev && prev->identity == e->identity && prev->repo == e->repo;

      if ((!same || e->ms - prev->ms > HUB_LOG_SESSION_GAP_MS) && e->cell != NO_CELL)
        log_count_session (workers[e->worker]->store, e);

      if (i + 1 == events->len || e[1].identity != e->identity || e[1].repo != e->repo)
        {
          LogOpenSession o = { e->identity, e->repo, e->ms };

          if (e->ms >= horizon - HUB_LOG_SESSION_GAP_MS)
            g_array_append_val (open_sessions, o);
        }
    }
  read->tracker.horizon = horizon;
}
