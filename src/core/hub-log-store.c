/* hub-log-store.c: per-day aggregates of request logs, their queries and
 * their file in the cache
 *
 * The aggregates are what a day's lines leave behind: requests and sessions
 * by (day, repository, country, method, status), and for each (day,
 * repository) and (day, country) a sketch of user ids and one of anonymous
 * addresses. They merge by addition and by sketch union, so a new day adds
 * to them without the old days being read again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <xxhash.h>

#include "hub-log-private.h"

#define FILE_MAGIC "HUBLOGS\n"
#define FILE_VERSION 1

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


static inline guint64
mix64 (guint64 x)
{
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return x;
}

static void
index_clear (LogIndex *index)
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
static void
index_insert (LogIndex *index,
              guint64   hash,
              guint32   position)
{
  if ((index->count + 1) * 2 > index->mask + 1 || index->slots == NULL)
    {
      guint32 capacity = index->slots ? (index->mask + 1) * 2 : 16;
      LogSlot *slots = g_new0 (LogSlot, capacity);

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

#define INDEX_FOR_EACH(ix, h, slot) \
  for (LogSlot *slot = (ix)->slots ? &(ix)->slots[(guint32) (h) & (ix)->mask] : NULL; \
       slot != NULL && slot->index != 0; \
       slot = &(ix)->slots[((guint32) (slot - (ix)->slots) + 1) & (ix)->mask])

static void
strings_init (LogStrings *strings)
{
  strings->strings = g_ptr_array_new_with_free_func (g_free);
  strings->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  strings->hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
}

static void
strings_clear (LogStrings *strings)
{
  g_clear_pointer (&strings->strings, g_ptr_array_unref);
  g_clear_pointer (&strings->lengths, g_array_unref);
  g_clear_pointer (&strings->hashes, g_array_unref);
  index_clear (&strings->index);
}

gint64
log_strings_lookup (LogStrings *strings,
                    const char *data,
                    gsize       len,
                    guint64     hash)
{
  INDEX_FOR_EACH (&strings->index, hash, slot)
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
  INDEX_FOR_EACH (&repos->index, hash, slot)
    {
      guint32 i = slot->index - 1;
      const char *key = repos->strings->pdata[i];

      if (slot->hash == hash
          && g_array_index (repos->lengths, gsize, i) == type_len + 1 + name_len
          && memcmp (key, type, type_len) == 0 && key[type_len] == '\0'
          && memcmp (key + type_len + 1, name, name_len) == 0)
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
  index_insert (&strings->index, hash, position);
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

HubLogStore *
hub_log_store_new (void)
{
  HubLogStore *store = g_new0 (HubLogStore, 1);

  strings_init (&store->repos);
  strings_init (&store->countries);
  strings_init (&store->methods);
  store->cells = g_array_new (FALSE, FALSE, sizeof (LogCell));
  store->repo_days = g_array_new (FALSE, FALSE, sizeof (LogSketches));
  g_array_set_clear_func (store->repo_days, sketches_clear);
  store->country_days = g_array_new (FALSE, FALSE, sizeof (LogSketches));
  g_array_set_clear_func (store->country_days, sketches_clear);
  store->open_sessions = g_array_new (FALSE, FALSE, sizeof (LogOpenSession));
  store->horizon_ms = G_MININT64;
  return store;
}

void
hub_log_store_free (HubLogStore *store)
{
  if (store == NULL)
    return;
  strings_clear (&store->repos);
  strings_clear (&store->countries);
  strings_clear (&store->methods);
  g_array_unref (store->cells);
  g_free (store->cell_slots);
  g_array_unref (store->repo_days);
  index_clear (&store->repo_day_index);
  g_array_unref (store->country_days);
  index_clear (&store->country_day_index);
  g_array_unref (store->open_sessions);
  g_free (store);
}

static void
cells_grow (HubLogStore *store)
{
  guint32 capacity = store->cell_slots ? (store->cell_mask + 1) * 2 : 1024;

  g_free (store->cell_slots);
  store->cell_slots = g_new0 (guint32, capacity);
  store->cell_mask = capacity - 1;
  for (guint32 i = 0; i < store->cells->len; i++)
    {
      LogCell *c = &g_array_index (store->cells, LogCell, i);
      guint32 j = log_cell_hash (c->day, c->repo, c->country, c->method, c->status) & store->cell_mask;

      while (store->cell_slots[j] != 0)
        j = (j + 1) & store->cell_mask;
      store->cell_slots[j] = i + 1;
    }
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
  guint32 j;

  if (G_UNLIKELY (store->cell_slots == NULL))
    cells_grow (store);
  j = hash & store->cell_mask;
  while (store->cell_slots[j] != 0)
    {
      LogCell *c = &g_array_index (store->cells, LogCell, store->cell_slots[j] - 1);

      if (c->day == day && c->repo == repo && c->country == country && c->method == method
          && c->status == status)
        {
          *index = store->cell_slots[j] - 1;
          return c;
        }
      j = (j + 1) & store->cell_mask;
    }
  *index = store->cells->len;
  g_array_append_val (store->cells, cell);
  store->cell_slots[j] = *index + 1;
  if ((store->cells->len) * 2 > store->cell_mask)
    cells_grow (store);
  return &g_array_index (store->cells, LogCell, *index);
}

static LogSketches *
day_sketches (GArray   *array,
              LogIndex *index,
              HubDay    day,
              guint32   part)
{
  guint64 key = (guint64) (guint32) day << 32 | part;
  guint64 hash = mix64 (key);
  LogSketches sketches = { day, part, NULL, NULL };

  INDEX_FOR_EACH (index, hash, slot)
    {
      LogSketches *s = &g_array_index (array, LogSketches, slot->index - 1);

      if (s->day == day && s->part == part)
        return s;
    }
  g_array_append_val (array, sketches);
  index_insert (index, hash, array->len - 1);
  return &g_array_index (array, LogSketches, array->len - 1);
}

LogSketches *
log_store_repo_day (HubLogStore *store,
                    HubDay       day,
                    guint32      repo)
{
  return day_sketches (store->repo_days, &store->repo_day_index, day, repo);
}

LogSketches *
log_store_country_day (HubLogStore *store,
                       HubDay       day,
                       guint32      country)
{
  return day_sketches (store->country_days, &store->country_day_index, day, country);
}

static void
merge_sketch (HubHll **into,
              HubHll **from,
              gboolean steal)
{
  if (*from == NULL)
    return;
  if (*into == NULL)
    *into = steal ? g_steal_pointer (from) : hub_hll_copy (*from);
  else
    hub_hll_merge (*into, *from);
}

static GArray *
remap_strings (LogStrings *into,
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
      LogSketches *t = day_sketches (into, into_index, s->day,
                                     g_array_index (part_map, guint32, s->part));

      merge_sketch (&t->users, &s->users, TRUE);
      merge_sketch (&t->anonymous, &s->anonymous, TRUE);
    }
}

/* Forgets the lines' figures (cells and sketches), keeping the strings:
 * what a reader does once it has handed them on. */
void
log_store_clear_lines (HubLogStore *store)
{
  g_array_set_size (store->cells, 0);
  if (store->cell_slots != NULL)
    memset (store->cell_slots, 0, (store->cell_mask + 1) * sizeof (guint32));
  g_array_set_size (store->repo_days, 0);
  index_clear (&store->repo_day_index);
  g_array_set_size (store->country_days, 0);
  index_clear (&store->country_day_index);
  store->team_requests = 0;
}

gboolean
log_store_is_empty (HubLogStore *store)
{
  return store->repos.strings->len == 0 && store->countries.strings->len == 0
         && store->methods.strings->len == 0 && store->cells->len == 0
         && store->repo_days->len == 0 && store->country_days->len == 0
         && store->team_requests == 0;
}

void
log_store_swap (HubLogStore *a,
                HubLogStore *b)
{
  HubLogStore tmp = *a;

  *a = *b;
  *b = tmp;
}

/* Adds other's lines to store; other's sketches move over, so other is
 * only fit to be freed afterwards. The open sessions are the caller's. */
void
log_store_merge (HubLogStore *store,
                 HubLogStore *other)
{
  g_autoptr(GArray) repo_map = remap_strings (&store->repos, &other->repos);
  g_autoptr(GArray) country_map = remap_strings (&store->countries, &other->countries);
  g_autoptr(GArray) method_map = remap_strings (&store->methods, &other->methods);

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
          if (store->cell_slots != NULL)
            __builtin_prefetch (&store->cell_slots[hashes[i] & store->cell_mask]);
        }
      for (guint i = 0; i < n && store->cell_slots != NULL; i++)
        {
          guint32 slot = store->cell_slots[hashes[i] & store->cell_mask];

          if (slot != 0)
            __builtin_prefetch (&g_array_index (store->cells, LogCell, slot - 1));
        }
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
  merge_day_sketches (store->repo_days, &store->repo_day_index, other->repo_days, repo_map);
  merge_day_sketches (store->country_days, &store->country_day_index, other->country_days,
                      country_map);
  store->team_requests += other->team_requests;
  store->horizon_ms = MAX (store->horizon_ms, other->horizon_ms);
}

const char *
hub_log_class_name (HubLogClass klass)
{
  static const char * const names[HUB_LOG_N_CLASSES] = {
    "download", "partial", "probe", "redirect", "revalidation", "error", "other",
  };

  g_return_val_if_fail (klass < HUB_LOG_N_CLASSES, NULL);
  return names[klass];
}


gboolean
hub_log_store_get_days (HubLogStore *store,
                        HubDay      *first,
                        HubDay      *last)
{
  HubDay lo = G_MAXINT32, hi = G_MININT32;

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

static void
grouped (HubLogStore   *store,
         gboolean       by_repo,
         HubDay         first,
         HubDay         last,
         HubLogFigures *figures)
{
  guint n = by_repo ? hub_log_store_get_n_repos (store) : hub_log_store_get_n_countries (store);
  GArray *sketches = by_repo ? store->repo_days : store->country_days;
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_hll_free);
  g_autoptr(GPtrArray) anonymous = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_hll_free);
  g_autofree guint8 *kinds = method_kinds (store);

  memset (figures, 0, n * sizeof *figures);
  for (guint i = 0; i < store->cells->len; i++)
    {
      const LogCell *c = &g_array_index (store->cells, LogCell, i);

      if (c->day >= first && c->day <= last)
        add_cell (kinds, c, &figures[by_repo ? c->repo : c->country]);
    }

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (users, hub_hll_new ());
      g_ptr_array_add (anonymous, hub_hll_new ());
    }
  for (guint i = 0; i < sketches->len; i++)
    {
      LogSketches *s = &g_array_index (sketches, LogSketches, i);

      if (s->day < first || s->day > last)
        continue;
      if (s->users)
        hub_hll_merge (users->pdata[s->part], s->users);
      if (s->anonymous)
        hub_hll_merge (anonymous->pdata[s->part], s->anonymous);
    }
  for (guint i = 0; i < n; i++)
    finish_uniques (&figures[i], users->pdata[i], anonymous->pdata[i]);
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

/* The file in the cache: FILE_MAGIC, a 32-bit version, the strings, cells,
 * sketches and open sessions, all little-endian, then the XXH64 (seed 0)
 * of everything before it. Written whole to a temporary file and renamed. */

static void
put32 (GByteArray *out,
       guint32     v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
put64 (GByteArray *out,
       guint64     v)
{
  v = GUINT64_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 8);
}

static void
put_strings (GByteArray *out,
             LogStrings *strings)
{
  put32 (out, strings->strings->len);
  for (guint i = 0; i < strings->strings->len; i++)
    {
      gsize len;
      const char *s = log_strings_get (strings, i, &len);

      put32 (out, (guint32) len);
      g_byte_array_append (out, (const guint8 *) s, (guint) len);
    }
}

static void
put_sketch (GByteArray   *out,
            const HubHll *hll)
{
  g_autoptr(HubHll) empty = NULL;

  if (hll == NULL)
    hll = empty = hub_hll_new ();
  hub_hll_serialize (hll, out);
}

static void
put_day_sketches (GByteArray *out,
                  GArray     *sketches)
{
  put32 (out, sketches->len);
  for (guint i = 0; i < sketches->len; i++)
    {
      LogSketches *s = &g_array_index (sketches, LogSketches, i);

      put32 (out, (guint32) s->day);
      put32 (out, s->part);
      put_sketch (out, s->users);
      put_sketch (out, s->anonymous);
    }
}

GBytes *
log_store_serialize (HubLogStore *store)
{
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) FILE_MAGIC, 8);
  put32 (out, FILE_VERSION);
  put_strings (out, &store->repos);
  put_strings (out, &store->countries);
  put_strings (out, &store->methods);
  put32 (out, store->cells->len);
  for (guint i = 0; i < store->cells->len; i++)
    {
      LogCell *c = &g_array_index (store->cells, LogCell, i);

      put32 (out, (guint32) c->day);
      put32 (out, c->repo);
      put32 (out, c->country);
      put32 (out, c->method);
      put32 (out, c->status);
      put64 (out, c->requests);
      put64 (out, c->sessions);
    }
  put_day_sketches (out, store->repo_days);
  put_day_sketches (out, store->country_days);
  put64 (out, store->team_requests);
  put64 (out, (guint64) store->horizon_ms);
  put32 (out, store->open_sessions->len);
  for (guint i = 0; i < store->open_sessions->len; i++)
    {
      LogOpenSession *o = &g_array_index (store->open_sessions, LogOpenSession, i);

      put64 (out, o->identity);
      put64 (out, o->repo);
      put64 (out, (guint64) o->last_ms);
    }
  put64 (out, XXH64 (out->data, out->len, 0));
  return g_byte_array_free_to_bytes (out);
}

/* Private data: 0600, written whole to a temporary file and renamed. */
gboolean
hub_log_store_save (HubLogStore  *store,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(GBytes) bytes = log_store_serialize (store);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean      bad;
} Reader;

static guint32
get32 (Reader *r)
{
  guint32 v;

  if (r->bad || r->end - r->p < 4)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&v, r->p, 4);
  r->p += 4;
  return GUINT32_FROM_LE (v);
}

static guint64
get64 (Reader *r)
{
  guint64 v;

  if (r->bad || r->end - r->p < 8)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&v, r->p, 8);
  r->p += 8;
  return GUINT64_FROM_LE (v);
}

static void
get_strings (Reader     *r,
             LogStrings *strings,
             gboolean    repos)
{
  guint32 n = get32 (r);

  for (guint32 i = 0; i < n && !r->bad; i++)
    {
      guint32 len = get32 (r);
      const char *s = (const char *) r->p;
      const char *nul;
      guint64 hash;

      if (r->bad || (gsize) (r->end - r->p) < len)
        {
          r->bad = TRUE;
          return;
        }
      nul = memchr (s, '\0', len);
      if (repos && nul == NULL)
        {
          r->bad = TRUE;
          return;
        }
      hash = repos ? log_repo_hash (s, (gsize) (nul - s), nul + 1, len - (gsize) (nul - s) - 1)
                   : log_hash_bytes (s, len);
      if (log_strings_intern (strings, s, len, hash) != i)
        r->bad = TRUE;
      r->p += len;
    }
}

static HubHll *
get_sketch (Reader *r)
{
  HubHll *hll;

  if (r->bad)
    return NULL;
  hll = hub_hll_deserialize (&r->p, r->end);
  if (hll == NULL)
    r->bad = TRUE;
  return hll;
}

static void
get_day_sketches (Reader   *r,
                  GArray   *array,
                  LogIndex *index,
                  guint     n_parts)
{
  guint32 n = get32 (r);

  for (guint32 i = 0; i < n && !r->bad; i++)
    {
      HubDay day = (HubDay) get32 (r);
      guint32 part = get32 (r);
      g_autoptr(HubHll) users = get_sketch (r);
      g_autoptr(HubHll) anonymous = get_sketch (r);
      LogSketches *s;

      if (r->bad || part >= n_parts)
        {
          r->bad = TRUE;
          return;
        }
      s = day_sketches (array, index, day, part);
      merge_sketch (&s->users, &users, TRUE);
      merge_sketch (&s->anonymous, &anonymous, TRUE);
    }
}

HubLogStore *
hub_log_store_load (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return log_store_deserialize (bytes, path, error);
}

HubLogStore *
log_store_deserialize (GBytes      *bytes,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(HubLogStore) store = NULL;
  gsize len;
  const char *contents = g_bytes_get_data (bytes, &len);
  guint64 sum;
  Reader r;
  guint32 n;

  if (contents == NULL)
    contents = "";
  r.p = (const guint8 *) contents;
  r.end = r.p + len;
  r.bad = len < 8 + 4 + 8 || memcmp (contents, FILE_MAGIC, 8) != 0;
  if (!r.bad)
    {
      memcpy (&sum, r.end - 8, 8);
      r.end -= 8;
      r.bad = GUINT64_FROM_LE (sum) != XXH64 (contents, len - 8, 0);
    }
  r.p += 8;
  if (!r.bad && get32 (&r) != FILE_VERSION)
    r.bad = TRUE;

  store = hub_log_store_new ();
  get_strings (&r, &store->repos, TRUE);
  get_strings (&r, &store->countries, FALSE);
  get_strings (&r, &store->methods, FALSE);
  n = get32 (&r);
  for (guint32 i = 0; i < n && !r.bad; i++)
    {
      HubDay day = (HubDay) get32 (&r);
      guint32 repo = get32 (&r), country = get32 (&r), method = get32 (&r), status = get32 (&r);
      guint64 requests = get64 (&r), sessions = get64 (&r);
      guint32 index;
      LogCell *c;

      if (r.bad || repo >= store->repos.strings->len
          || country >= store->countries.strings->len
          || method >= store->methods.strings->len || status > 599)
        {
          r.bad = TRUE;
          break;
        }
      c = log_store_cell (store, day, repo, country, method, status, &index);
      c->requests += requests;
      c->sessions += sessions;
    }
  get_day_sketches (&r, store->repo_days, &store->repo_day_index, store->repos.strings->len);
  get_day_sketches (&r, store->country_days, &store->country_day_index,
                    store->countries.strings->len);
  store->team_requests = get64 (&r);
  store->horizon_ms = (gint64) get64 (&r);
  n = get32 (&r);
  for (guint32 i = 0; i < n && !r.bad; i++)
    {
      LogOpenSession o;

      o.identity = get64 (&r);
      o.repo = get64 (&r);
      o.last_ms = (gint64) get64 (&r);
      g_array_append_val (store->open_sessions, o);
    }

  if (r.bad || r.p != r.end)
    {
      g_set_error (error, HUB_LOG_ERROR, HUB_LOG_ERROR_BAD_AGGREGATE,
                   _("The saved request-log figures in %s are damaged; open the logs again"),
                   name);
      return NULL;
    }
  return g_steal_pointer (&store);
}
