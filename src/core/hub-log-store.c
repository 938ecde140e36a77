/* hub-log-store.c: per-day aggregates of request logs, and how two of them
 * merge
 *
 * The aggregates are what a day's lines leave behind: requests and sessions
 * by (day, repository, country, method, status) and by (day, country,
 * region), for each (day, repository) and (day, country) a sketch of user
 * ids and one of anonymous addresses, and each day's top identities. They merge by addition and by sketch union, so a new day adds
 * to them without the old days being read again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <xxhash.h>

#include "hub-log-private.h"

G_DEFINE_QUARK (hub-log-error-quark, hub_log_error)

guint64
log_hash_bytes (const char *data,
                gsize       len)
{
  return XXH3_64bits (data, len);
}

/* A repository's hash, from its type and name apart, so that a reader
 * needs no copy of them to look it up. */
guint64
log_repo_hash (const char *type,
               gsize       type_len,
               const char *name,
               gsize       name_len)
{
  return log_repo_hash_seeded (XXH3_64bits (type, type_len), name, name_len);
}

/* seed: log_hash_bytes() of the type. */
guint64
log_repo_hash_seeded (guint64     seed,
                      const char *name,
                      gsize       name_len)
{
  return XXH3_64bits_withSeed (name, name_len, seed);
}


void
log_index_clear (LogIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
  index->mask = 0;
  index->count = 0;
}

static void
index_place (LogSlot *slots,
             guint32  mask,
             guint64  hash,
             guint32  position)
{
  guint32 i = (guint32) hash & mask;

  while (slots[i].index != 0)
    i = (i + 1) & mask;
  slots[i].hash = hash;
  slots[i].index = position;
}

/* Records position (0-based) under hash; at most half full. */
void
log_index_insert (LogIndex *index,
                  guint64   hash,
                  guint32   position)
{
  if ((index->count + 1) * 2 > index->mask + 1 || index->slots == NULL)
    {
      guint32 capacity = index->slots ? (index->mask + 1) * 2 : 16;
      LogSlot *slots = log_alloc_zeroed (capacity * sizeof (LogSlot));

      for (guint32 i = 0; index->slots && i <= index->mask; i++)
        if (index->slots[i].index != 0)
          index_place (slots, capacity - 1, index->slots[i].hash, index->slots[i].index);
      g_free (index->slots);
      index->slots = slots;
      index->mask = capacity - 1;
    }
  index_place (index->slots, index->mask, hash, position + 1);
  index->count++;
}

void
log_strings_init (LogStrings *strings)
{
  strings->strings = g_ptr_array_new_with_free_func (g_free);
  strings->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  strings->hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
}

void
log_strings_clear (LogStrings *strings)
{
  g_clear_pointer (&strings->strings, g_ptr_array_unref);
  g_clear_pointer (&strings->lengths, g_array_unref);
  g_clear_pointer (&strings->hashes, g_array_unref);
  log_index_clear (&strings->index);
}

gint64
log_strings_lookup (LogStrings *strings,
                    const char *data,
                    gsize       len,
                    guint64     hash)
{
  LOG_INDEX_FOR_EACH (&strings->index, hash, slot)
    {
      guint32 i = slot->index - 1;

      if (slot->hash == hash
          && g_array_index (strings->lengths, gsize, i) == len
          && memcmp (strings->strings->pdata[i], data, len) == 0)
        return i;
    }
  return -1;
}

gint64
log_repos_lookup (LogStrings *repos,
                  const char *type,
                  gsize       type_len,
                  const char *name,
                  gsize       name_len,
                  guint64     hash)
{
  LOG_INDEX_FOR_EACH (&repos->index, hash, slot)
    {
      guint32 i = slot->index - 1;
      const char *key = repos->strings->pdata[i];

      if (slot->hash == hash
          && g_array_index (repos->lengths, gsize, i) == type_len + 1 + name_len
          && log_bytes_equal (key, type, type_len) && key[type_len] == '\0'
          && log_bytes_equal (key + type_len + 1, name, name_len))
        return i;
    }
  return -1;
}

guint32
log_strings_intern (LogStrings *strings,
                    const char *data,
                    gsize       len,
                    guint64     hash)
{
  gint64 found = log_strings_lookup (strings, data, len, hash);
  guint32 position;
  char *copy;

  if (found >= 0)
    return (guint32) found;
  position = strings->strings->len;
  copy = g_malloc (len + 1);
  memcpy (copy, data, len);
  copy[len] = '\0';
  g_ptr_array_add (strings->strings, copy);
  g_array_append_val (strings->lengths, len);
  g_array_append_val (strings->hashes, hash);
  log_index_insert (&strings->index, hash, position);
  return position;
}

const char *
log_strings_get (LogStrings *strings,
                 guint32     index,
                 gsize      *len)
{
  if (len != NULL)
    *len = g_array_index (strings->lengths, gsize, index);
  return strings->strings->pdata[index];
}

static void
sketches_clear (gpointer data)
{
  LogSketches *sketches = data;

  g_clear_pointer (&sketches->users, hub_hll_free);
  g_clear_pointer (&sketches->anonymous, hub_hll_free);
}

static void
day_cells_clear (gpointer data)
{
  g_free (((LogDayCells *) data)->slots);
}

HubLogStore *
hub_log_store_new (void)
{
  HubLogStore *store = g_new0 (HubLogStore, 1);

  log_strings_init (&store->repos);
  log_strings_init (&store->countries);
  log_strings_init (&store->methods);
  store->cells = g_array_new (FALSE, FALSE, sizeof (LogCell));
  store->day_cells = g_array_new (FALSE, FALSE, sizeof (LogDayCells));
  g_array_set_clear_func (store->day_cells, day_cells_clear);
  store->spare_day_cells = g_array_new (FALSE, FALSE, sizeof (LogDayCells));
  g_array_set_clear_func (store->spare_day_cells, day_cells_clear);
  store->repo_days = g_array_new (FALSE, FALSE, sizeof (LogSketches));
  g_array_set_clear_func (store->repo_days, sketches_clear);
  store->country_days = g_array_new (FALSE, FALSE, sizeof (LogSketches));
  g_array_set_clear_func (store->country_days, sketches_clear);
  store->open_sessions = g_array_new (FALSE, FALSE, sizeof (LogOpenSession));
  store->horizon_ms = G_MININT64;
  log_strings_init (&store->regions);
  store->region_cells = g_array_new (FALSE, FALSE, sizeof (LogRegionCell));
  store->tops = g_array_new (FALSE, FALSE, sizeof (LogTop));
  store->team = g_array_new (FALSE, FALSE, sizeof (guint64));
  store->span_first = G_MAXINT32;
  store->span_last = G_MININT32;
  return store;
}

void
hub_log_store_free (HubLogStore *store)
{
  if (store == NULL)
    return;
  log_strings_clear (&store->repos);
  log_strings_clear (&store->countries);
  log_strings_clear (&store->methods);
  g_array_unref (store->cells);
  g_array_unref (store->day_cells);
  g_array_unref (store->spare_day_cells);
  log_index_clear (&store->day_cells_index);
  g_array_unref (store->repo_days);
  log_index_clear (&store->repo_day_index);
  g_array_unref (store->country_days);
  log_index_clear (&store->country_day_index);
  g_array_unref (store->open_sessions);
  log_strings_clear (&store->regions);
  g_array_unref (store->region_cells);
  log_index_clear (&store->region_cell_index);
  g_array_unref (store->tops);
  g_array_unref (store->team);
  g_free (store);
}

static void
day_cells_grow (HubLogStore *store,
                LogDayCells *dc)
{
  guint32 capacity = dc->slots ? (dc->mask + 1) * 2 : 1024;
  guint32 *slots = log_alloc_zeroed (capacity * sizeof (guint32));

  for (guint32 i = 0; dc->slots != NULL && i <= dc->mask; i++)
    if (dc->slots[i] != 0)
      {
        const LogCell *c = &g_array_index (store->cells, LogCell, dc->slots[i] - 1);
        guint32 j = log_cell_hash (c->day, c->repo, c->country, c->method, c->status)
                    & (capacity - 1);

        while (slots[j] != 0)
          j = (j + 1) & (capacity - 1);
        slots[j] = dc->slots[i];
      }
  g_free (dc->slots);
  dc->slots = slots;
  dc->mask = capacity - 1;
}

/* log_store_day_cells() when the day is not the last one found. */
LogDayCells *
log_store_find_day_cells (HubLogStore *store,
                          HubDay       day,
                          gboolean     add)
{
  guint64 hash;
  LogDayCells *dc;

  hash = log_mix64 ((guint64) (guint32) day);
  LOG_INDEX_FOR_EACH (&store->day_cells_index, hash, slot)
    {
      dc = &g_array_index (store->day_cells, LogDayCells, slot->index - 1);
      if (dc->day == day)
        {
          store->last_day_cells = slot->index;
          return dc;
        }
    }
  if (!add)
    return NULL;
  g_array_set_size (store->day_cells, store->day_cells->len + 1);
  log_index_insert (&store->day_cells_index, hash, store->day_cells->len - 1);
  store->last_day_cells = store->day_cells->len;
  dc = &g_array_index (store->day_cells, LogDayCells, store->day_cells->len - 1);
  *dc = (LogDayCells) { .day = day };
  if (store->spare_day_cells->len > 0)
    {
      /* The slots of a day handed on, already grown to a day's size. */
      LogDayCells *spare = &g_array_index (store->spare_day_cells, LogDayCells,
                                           store->spare_day_cells->len - 1);

      dc->slots = g_steal_pointer (&spare->slots);
      dc->mask = spare->mask;
      memset (dc->slots, 0, (dc->mask + 1) * sizeof (guint32));
      g_array_set_size (store->spare_day_cells, store->spare_day_cells->len - 1);
    }
  else
    day_cells_grow (store, dc);
  return dc;
}

LogCell *
log_store_cell (HubLogStore *store,
                HubDay       day,
                guint32      repo,
                guint32      country,
                guint32      method,
                guint32      status,
                guint32     *index)
{
  return log_store_cell_hashed (store, log_cell_hash (day, repo, country, method, status),
                                day, repo, country, method, status, index);
}

/* hash: log_cell_hash() of the key, computed ahead. */
LogCell *
log_store_cell_hashed (HubLogStore *store,
                       guint32      hash,
                       HubDay       day,
                       guint32      repo,
                       guint32      country,
                       guint32      method,
                       guint32      status,
                       guint32     *index)
{
  LogCell cell = { 0, 0, day, repo, country, method, (guint16) status, LOG_NO_LINK };
  LogDayCells *dc = log_store_day_cells (store, day, TRUE);
  guint32 j = hash & dc->mask;

  while (dc->slots[j] != 0)
    {
      LogCell *c = &g_array_index (store->cells, LogCell, dc->slots[j] - 1);

      if (c->repo == repo && c->country == country && c->method == method && c->status == status)
        {
          *index = dc->slots[j] - 1;
          return c;
        }
      j = (j + 1) & dc->mask;
    }
  *index = store->cells->len;
  g_array_append_val (store->cells, cell);
  dc->slots[j] = *index + 1;
  if (++dc->count * 2 > dc->mask)
    day_cells_grow (store, dc);
  return &g_array_index (store->cells, LogCell, *index);
}

LogSketches *
log_day_sketches (GArray   *array,
                  LogIndex *index,
                  HubDay    day,
                  guint32   part)
{
  guint64 key = (guint64) (guint32) day << 32 | part;
  guint64 hash = log_mix64 (key);
  LogSketches sketches = { day, part, NULL, NULL };

  LOG_INDEX_FOR_EACH (index, hash, slot)
    {
      LogSketches *s = &g_array_index (array, LogSketches, slot->index - 1);

      if (s->day == day && s->part == part)
        return s;
    }
  g_array_append_val (array, sketches);
  log_index_insert (index, hash, array->len - 1);
  return &g_array_index (array, LogSketches, array->len - 1);
}

LogSketches *
log_store_repo_day (HubLogStore *store,
                    HubDay       day,
                    guint32      repo)
{
  return log_day_sketches (store->repo_days, &store->repo_day_index, day, repo);
}

LogSketches *
log_store_country_day (HubLogStore *store,
                       HubDay       day,
                       guint32      country)
{
  return log_day_sketches (store->country_days, &store->country_day_index, day, country);
}

void
log_merge_sketch (HubHll  **into,
                  HubHll  **from,
                  gboolean  steal)
{
  if (*from == NULL)
    return;
  if (*into == NULL)
    *into = steal ? g_steal_pointer (from) : hub_hll_copy (*from);
  else
    hub_hll_merge (*into, *from);
}

GArray *
log_strings_remap (LogStrings *into,
                   LogStrings *from)
{
  GArray *map = g_array_sized_new (FALSE, FALSE, sizeof (guint32), from->strings->len);

  for (guint i = 0; i < from->strings->len; i++)
    {
      gsize len;
      const char *s = log_strings_get (from, i, &len);
      guint32 to = log_strings_intern (into, s, len, g_array_index (from->hashes, guint64, i));

      g_array_append_val (map, to);
    }
  return map;
}

static void
merge_day_sketches (GArray   *into,
                    LogIndex *into_index,
                    GArray   *from,
                    GArray   *part_map)
{
  for (guint i = 0; i < from->len; i++)
    {
      LogSketches *s = &g_array_index (from, LogSketches, i);
      LogSketches *t = log_day_sketches (into, into_index, s->day,
                                         g_array_index (part_map, guint32, s->part));

      log_merge_sketch (&t->users, &s->users, TRUE);
      log_merge_sketch (&t->anonymous, &s->anonymous, TRUE);
    }
}

/* Forgets the lines' figures (cells and sketches), keeping the strings:
 * what a reader does once it has handed them on. */
void
log_store_clear_lines (HubLogStore *store)
{
  g_array_set_size (store->cells, 0);
  /* The days' slots are kept for the next days, of about their size. */
  for (guint i = 0; i < store->day_cells->len; i++)
    {
      LogDayCells *dc = &g_array_index (store->day_cells, LogDayCells, i);
      LogDayCells spare = { 0, dc->mask, 0, g_steal_pointer (&dc->slots) };

      if (store->spare_day_cells->len < 4)
        g_array_append_val (store->spare_day_cells, spare);
      else
        g_free (spare.slots);
    }
  g_array_set_size (store->day_cells, 0);
  log_index_clear (&store->day_cells_index);
  store->last_day_cells = 0;
  g_array_set_size (store->repo_days, 0);
  log_index_clear (&store->repo_day_index);
  g_array_set_size (store->country_days, 0);
  log_index_clear (&store->country_day_index);
  g_array_set_size (store->region_cells, 0);
  log_index_clear (&store->region_cell_index);
  g_array_set_size (store->tops, 0);
  store->last_top = 0;
  store->team_requests = 0;
  store->span_first = G_MAXINT32;
  store->span_last = G_MININT32;
}

gboolean
log_store_is_empty (HubLogStore *store)
{
  return store->repos.strings->len == 0 && store->countries.strings->len == 0
         && store->methods.strings->len == 0 && store->cells->len == 0
         && store->repo_days->len == 0 && store->country_days->len == 0
         && store->regions.strings->len == 0 && store->region_cells->len == 0
         && store->tops->len == 0 && store->team_requests == 0;
}

void
log_store_swap (HubLogStore *a,
                HubLogStore *b)
{
  HubLogStore tmp = *a;
  GArray *team = a->team;

  *a = *b;
  *b = tmp;
  /* The team list is the store's own, not its lines'. */
  b->team = a->team;
  a->team = team;
}

typedef struct
{
  HubLogStore *store;
  HubLogStore *other;
  GArray      *repo_map;
  GArray      *country_map;
} SketchMerge;

/* Moves other's sketches into store's. */
static gpointer
merge_sketches (gpointer data)
{
  SketchMerge *m = data;

  merge_day_sketches (m->store->repo_days, &m->store->repo_day_index, m->other->repo_days,
                      m->repo_map);
  merge_day_sketches (m->store->country_days, &m->store->country_day_index,
                      m->other->country_days, m->country_map);
  return NULL;
}

/* Adds other's lines to store; other's sketches move over, so other is
 * only fit to be freed afterwards. The open sessions are the caller's.
 * With two_threads, the sketches merge on a thread of their own while this
 * one merges the cells, regions and top identities: they share nothing. */
void
log_store_merge_full (HubLogStore *store,
                      HubLogStore *other,
                      gboolean     two_threads)
{
  g_autoptr(GArray) repo_map = NULL;
  g_autoptr(GArray) country_map = NULL;
  g_autoptr(GArray) method_map = NULL;
  SketchMerge sketches;
  GThread *thread = NULL;

  g_return_if_fail (store->whole == other->whole);
  repo_map = log_strings_remap (&store->repos, &other->repos);
  country_map = log_strings_remap (&store->countries, &other->countries);
  method_map = log_strings_remap (&store->methods, &other->methods);
  sketches = (SketchMerge) { store, other, repo_map, country_map };
  if (two_threads)
    thread = g_thread_new ("hub-log-merge", merge_sketches, &sketches);

  /* Sixteen cells at a time, with the slots and cells they land on fetched
   * first: the store's table is larger than the cache. */
  for (guint start = 0; start < other->cells->len; start += 16)
    {
      guint n = MIN (16, other->cells->len - start);
      LogCell keys[16];
      guint32 hashes[16];

      for (guint i = 0; i < n; i++)
        {
          const LogCell *c = &g_array_index (other->cells, LogCell, start + i);

          keys[i] = *c;
          keys[i].repo = g_array_index (repo_map, guint32, c->repo);
          keys[i].country = g_array_index (country_map, guint32, c->country);
          keys[i].method = g_array_index (method_map, guint32, c->method);
          hashes[i] = log_cell_hash (keys[i].day, keys[i].repo, keys[i].country, keys[i].method,
                                     keys[i].status);
          log_store_prefetch_slot (store, keys[i].day, hashes[i]);
        }
      for (guint i = 0; i < n; i++)
        log_store_prefetch_cell (store, keys[i].day, hashes[i]);
      for (guint i = 0; i < n; i++)
        {
          guint32 index;
          LogCell *t = log_store_cell_hashed (store, hashes[i], keys[i].day, keys[i].repo,
                                              keys[i].country, keys[i].method, keys[i].status,
                                              &index);

          t->requests += keys[i].requests;
          t->sessions += keys[i].sessions;
        }
    }
  log_regions_merge (store, other, country_map);
  log_tops_merge (store, other);
  if (thread != NULL)
    g_thread_join (thread);
  else
    merge_sketches (&sketches);
  store->team_requests += other->team_requests;
  store->horizon_ms = MAX (store->horizon_ms, other->horizon_ms);
  if (other->span_first <= other->span_last)
    {
      log_store_span_add (store, other->span_first);
      log_store_span_add (store, other->span_last);
    }
}

void
log_store_merge (HubLogStore *store,
                 HubLogStore *other)
{
  log_store_merge_full (store, other, FALSE);
}
