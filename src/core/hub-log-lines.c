/* hub-log-lines.c: one request-log line's fields checked, interned and
 * added up into a worker's store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-identity.h"

#include "hub-log-reader-private.h"

static inline gboolean
digits (const char *p,
        int         n,
        int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

static gsize
skip_spaces (const char *p,
             gsize       i,
             gsize       len)
{
  while (i < len && p[i] == ' ')
    i++;
  return i;
}

/* Whether p begins with the date, hour and minute of the last time read,
 * and then the seconds, from 0 to 60. */
static inline gboolean
same_minute (Worker     *w,
             const char *p,
             gsize       len,
             int        *second)
{
  gsize n = sizeof w->minute_text;

  if (!w->have_minute || len < n + 2 || !log_bytes_equal (p, w->minute_text, n)
      || (guint) (p[n] - '0') >= 10 || (guint) (p[n + 1] - '0') >= 10)
    return FALSE;
  *second = (p[n] - '0') * 10 + (p[n + 1] - '0');
  return *second <= 60;
}

/* A timestamp as DESIGN.md accepts it, to milliseconds since 1970 (UTC).
 * Lines come many a minute: a date, hour and minute written as the last
 * one's ("2026-10-01T00:00:") are not read again. */
gboolean
log_parse_time (Worker     *w,
                const char *p,
                gsize       len,
                gint64     *out_ms)
{
  int year, month, mday, hour = 0, minute = 0, second = 0, ms = 0, offset = 0;
  gint64 base;
  gsize i;

  if (len < 10)
    return FALSE;
  if (same_minute (w, p, len, &second))
    {
      /* A leap second counts as the second before it. */
      base = w->minute_ms + MIN (second, 59) * 1000;
      i = sizeof w->minute_text + 2;
    }
  else
    {
      gsize time_at;

      if (!w->have_day || memcmp (p, w->day_text, 10) != 0)
        {
          if (!digits (p, 4, &year) || p[4] != '-' || !digits (p + 5, 2, &month) || p[7] != '-'
              || !digits (p + 8, 2, &mday) || !hub_day_is_valid_date (year, month, mday))
            return FALSE;
          memcpy (w->day_text, p, 10);
          w->have_day = TRUE;
          w->day = hub_day_from_ymd (year, month, mday);
        }

      i = skip_spaces (p, 10, len);
      if (i < len && p[i] == 'T')
        i = skip_spaces (p, i + 1, len);
      time_at = i;
      if (i < len)
        {
          if (i == 10 || len - i < 8 || !digits (p + i, 2, &hour) || p[i + 2] != ':'
              || !digits (p + i + 3, 2, &minute) || p[i + 5] != ':'
              || !digits (p + i + 6, 2, &second) || hour > 23 || minute > 59 || second > 60)
            return FALSE;
          /* A leap second counts as the second before it. */
          second = MIN (second, 59);
          i += 8;
        }
      base = (gint64) w->day * MS_PER_DAY + (((gint64) hour * 60 + minute) * 60 + second) * 1000;
      w->have_minute = time_at == 11 && i == sizeof w->minute_text + 2;
      if (w->have_minute)
        {
          memcpy (w->minute_text, p, sizeof w->minute_text);
          w->minute_ms = base - second * 1000;
        }
      if (time_at == len)
        {
          *out_ms = base;
          return TRUE;
        }
    }

  /* Milliseconds as the Hub writes them: ".123" before a Z or the end. */
  if (len - i >= 4 && p[i] == '.' && (guint) (p[i + 1] - '0') < 10
      && (guint) (p[i + 2] - '0') < 10 && (guint) (p[i + 3] - '0') < 10
      && (len - i == 4 || (len - i == 5 && p[i + 4] == 'Z')))
    {
      *out_ms = base + (p[i + 1] - '0') * 100 + (p[i + 2] - '0') * 10 + (p[i + 3] - '0');
      return TRUE;
    }
  if (i < len && p[i] == '.')
    {
      int scale = 100, n = 0;

      for (i++; i < len && p[i] >= '0' && p[i] <= '9'; i++, n++)
        {
          ms += (p[i] - '0') * scale;
          scale /= 10;
        }
      if (n == 0)
        return FALSE;
    }
  i = skip_spaces (p, i, len);
  if (i < len && p[i] == 'Z')
    i++;
  else if (i < len && (p[i] == '+' || p[i] == '-'))
    {
      int oh, om;
      int sign = p[i] == '-' ? -1 : 1;

      if (len - i >= 6 && p[i + 3] == ':' && digits (p + i + 1, 2, &oh)
          && digits (p + i + 4, 2, &om))
        i += 6;
      else if (len - i >= 5 && digits (p + i + 1, 2, &oh) && digits (p + i + 3, 2, &om))
        i += 5;
      else
        return FALSE;
      if (oh > 23 || om > 59)
        return FALSE;
      offset = sign * (oh * 60 + om);
    }
  if (i != len)
    return FALSE;

  *out_ms = base - (gint64) offset * 60000 + ms;
  return TRUE;
}

/* A status of three digits, as statuses are written. */
static inline gboolean
status_digits (const char *p,
               gsize       len,
               guint32    *out)
{
  if (len == 3 && (guint) (p[0] - '1') < 5 && (guint) (p[1] - '0') < 10
      && (guint) (p[2] - '0') < 10)
    {
      *out = (guint32) ((p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0'));
      return TRUE;
    }
  return FALSE;
}

/* log_parse_time() with its shortest path inline: the Hub's own layout,
 * "2026-10-01T00:00:00.837Z", in the minute of the last time read. */
G_ALWAYS_INLINE static inline gboolean
parse_time (Worker     *w,
            const char *p,
            gsize       len,
            gint64     *out_ms)
{
  int second;

  if (len == 24 && same_minute (w, p, len, &second) && p[19] == '.'
      && (guint) (p[20] - '0') < 10 && (guint) (p[21] - '0') < 10
      && (guint) (p[22] - '0') < 10 && p[23] == 'Z')
    {
      /* A leap second counts as the second before it. */
      *out_ms = w->minute_ms + MIN (second, 59) * 1000
                + (p[20] - '0') * 100 + (p[21] - '0') * 10 + (p[22] - '0');
      return TRUE;
    }
  return log_parse_time (w, p, len, out_ms);
}

static gboolean
parse_status (const char *p,
              gsize       len,
              guint32    *out)
{
  guint64 v;

  if (status_digits (p, len, out))
    return TRUE;
  if (!log_parse_digits (p, len, 10, 9, 599, &v) || v < 100)
    return FALSE;
  *out = (guint32) v;
  return TRUE;
}

/* The status, when with_status, and the repository of a line or a row;
 * FALSE, with the error kept, when they are refused. */
gboolean
log_check_key (Worker   *w,
               Field    *f,
               gboolean  with_status,
               guint32  *status,
               guint64   line)
{
  *status = 0;
  if (with_status && !parse_status (f[COL_STATUS].p, f[COL_STATUS].len, status))
    {
      log_fail (w, line, HUB_LOG_ERROR_BAD_STATUS, COL_STATUS, f[COL_STATUS].p, f[COL_STATUS].len);
      return FALSE;
    }
  if (f[COL_REPO_TYPE].len == 0 || f[COL_REPO_NAME].len == 0)
    {
      log_fail (w, line, HUB_LOG_ERROR_EMPTY_FIELD,
                f[COL_REPO_TYPE].len == 0 ? COL_REPO_TYPE : COL_REPO_NAME, NULL, 0);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_true (Field f)
{
  return (f.len == 1 && f.p[0] == '1')
         || (f.len == 4 && g_ascii_strncasecmp (f.p, "true", 4) == 0);
}

/* Interns text into strings, refusing what is not UTF-8 the first time it
 * is seen; -1 on refusal. */
static gint64
intern_text (LogStrings *strings,
             const char *p,
             gsize       len)
{
  guint64 hash = log_hash_bytes (p, len);
  gint64 found = log_strings_lookup (strings, p, len, hash);

  if (found >= 0)
    return found;
  if (!g_utf8_validate_len (p, len, NULL))
    return -1;
  return log_strings_intern (strings, p, len, hash);
}

static gboolean
valid_text (const char *p,
            gsize       len)
{
  return g_utf8_validate_len (p, len, NULL);
}

gint64
log_intern_repo (Worker  *w,
                 Field    type,
                 Field    name,
                 guint64  hash,
                 guint64  line)
{
  HubLogStore *store = w->store;
  gint64 repo = log_repos_lookup (&store->repos, type.p, type.len, name.p, name.len, hash);

  if (G_LIKELY (repo >= 0))
    return repo;
  if (!valid_text (type.p, type.len))
    {
      log_fail (w, line, HUB_LOG_ERROR_NOT_TEXT, COL_REPO_TYPE, type.p, type.len);
      return -1;
    }
  if (!valid_text (name.p, name.len))
    {
      log_fail (w, line, HUB_LOG_ERROR_NOT_TEXT, COL_REPO_NAME, name.p, name.len);
      return -1;
    }
  /* Kept as "type\0name". */
  g_string_truncate (w->key, 0);
  g_string_append_len (w->key, type.p, (gssize) type.len);
  g_string_append_c (w->key, '\0');
  g_string_append_len (w->key, name.p, (gssize) name.len);
  return log_strings_intern (&store->repos, w->key->str, w->key->len, hash);
}

/* Where a repository may be among the worker's recent ones: a quick hash
 * of its name's first and last 8 bytes, its length and its type's hash. */
static inline guint32
recent_repo_slot (guint64     type_seed,
                  const char *name,
                  gsize       len)
{
  guint64 head = 0, tail = 0;

  if (len >= 8)
    {
      memcpy (&head, name, 8);
      memcpy (&tail, name + len - 8, 8);
    }
  else
    memcpy (&head, name, len);
  return (guint32) (log_mix64 (head ^ (tail * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15))
                               ^ ((guint64) len << 56) ^ type_seed) >> 32)
         & (RECENT_REPOS - 1);
}

/* The hash of a repository type: the few there are are remembered with
 * theirs. */
static inline guint64
type_seed (Worker *w,
           Field   type)
{
  guint64 seed;

  if (!log_recent_find (w->recent_types, type, &seed))
    {
      seed = log_hash_bytes (type.p, type.len);
      log_recent_add (w->recent_types, type, seed);
    }
  return seed;
}

/* The repository of type (hashed as w->type_seed) and name, through the
 * worker's recent ones, and its hash; -1 on refusal. */
static gint64
recent_repo (Worker  *w,
             Field    type,
             Field    name,
             guint64 *hash,
             guint64  line)
{
  LogRecentRepo *r = &w->recent_repos[recent_repo_slot (w->type_seed, name.p, name.len)];
  gint64 repo;

  if (r->type_len == type.len && r->name_len == name.len
      && log_bytes_equal (r->name, name.p, name.len) && log_bytes_equal (r->type, type.p, type.len))
    {
      *hash = r->hash;
      return r->repo;
    }
  *hash = log_repo_hash_seeded (w->type_seed, name.p, name.len);
  repo = log_intern_repo (w, type, name, *hash, line);
  if (repo >= 0 && type.len > 0 && type.len <= sizeof r->type && name.len <= sizeof r->name)
    {
      r->hash = *hash;
      r->repo = (guint32) repo;
      r->type_len = (guint8) type.len;
      r->name_len = (guint8) name.len;
      memcpy (r->type, type.p, type.len);
      memcpy (r->name, name.p, name.len);
    }
  return repo;
}

/* Countries are mostly two letters: those are remembered by their letters. */
gint64
log_intern_country (Worker *w,
                    Field   f,
                    guint64 line)
{
  char code[16];
  const char *p = f.p;
  gsize len = f.len;
  int slot;
  gint64 country;

  if (len == 0)
    {
      p = "ZZ";
      len = 2;
    }
  slot = log_country_slot (p, len);
  if (slot >= 0 && w->country_cache[slot] != 0)
    return w->country_cache[slot] - 1;
  if (len < sizeof code)
    {
      for (gsize i = 0; i < len; i++)
        code[i] = g_ascii_toupper (p[i]);
      p = code;
    }
  country = intern_text (&w->store->countries, p, len);
  if (country < 0)
    log_fail (w, line, HUB_LOG_ERROR_NOT_TEXT, COL_COUNTRY, f.p, f.len);
  else if (slot >= 0)
    w->country_cache[slot] = (guint32) country + 1;
  return country;
}

/* Regions: "" for none. The few there are are remembered by a hash of
 * their length and end letters. */
gint64
log_intern_region (Worker *w,
                   Field   f,
                   guint64 line)
{
  guint slot;
  gint64 region;

  if (f.len == 0)
    return NO_CELL;
  /* A store of the whole span keeps no regions: they are only checked. */
  if (w->whole)
    {
      if (valid_text (f.p, f.len))
        return NO_CELL;
      log_fail (w, line, HUB_LOG_ERROR_NOT_TEXT, COL_REGION, f.p, f.len);
      return -1;
    }
  slot = (guint) (f.len * 31 + (guchar) f.p[0] * 7 + (guchar) f.p[f.len - 1])
         % G_N_ELEMENTS (w->region_cache);
  if (G_LIKELY (w->region_cache[slot] != 0))
    {
      gsize len;
      const char *known = log_strings_get (&w->store->regions, w->region_cache[slot] - 1, &len);

      if (len == f.len && log_bytes_equal (known, f.p, len))
        return w->region_cache[slot] - 1;
    }
  region = intern_text (&w->store->regions, f.p, f.len);
  if (region < 0)
    log_fail (w, line, HUB_LOG_ERROR_NOT_TEXT, COL_REGION, f.p, f.len);
  else
    w->region_cache[slot] = (guint32) region + 1;
  return region;
}

/* Methods are few: the last ones seen are found first (in
 * log_intern_place()), among the worker's recent texts. */
gint64
log_intern_method (Worker *w,
                   Field   f,
                   int     column,
                   guint64 line)
{
  gint64 method = intern_text (&w->store->methods, f.p, f.len);

  if (method < 0)
    {
      log_fail (w, line, HUB_LOG_ERROR_NOT_TEXT, column, f.p, f.len);
      return -1;
    }
  /* A longer one is found through the store each time. */
  log_recent_add (w->recent_methods, f, (guint64) method);
  return method;
}

static inline void
add_to_sketch (HubHll  **sketch,
               guint64   hash)
{
  if (*sketch == NULL)
    *sketch = hub_hll_new ();
  hub_hll_add (*sketch, hash);
}

/* Reads one line's fields (every column of the header, empty for those
 * absent); FALSE, with the error kept, when they are refused. */
gboolean
log_prepare_line (Worker  *w,
                  Field   *f,
                  gboolean old_format,
                  guint64  line,
                  LogLine *out)
{
  Read *read = w->read;
  guint32 status;
  gint64 ms;
  gint64 repo;
  Field user = f[COL_USER], ip = f[COL_IP];
  gboolean team;

  if (!parse_time (w, f[COL_TIMESTAMP].p, f[COL_TIMESTAMP].len, &ms))
    {
      log_fail (w, line, HUB_LOG_ERROR_BAD_DATE, COL_TIMESTAMP, f[COL_TIMESTAMP].p, f[COL_TIMESTAMP].len);
      return FALSE;
    }
  /* Mostly three digits and a repository, found here; anything else, and
   * every refusal, by log_check_key(). */
  if ((old_format || !status_digits (f[COL_STATUS].p, f[COL_STATUS].len, &status)
       || f[COL_REPO_TYPE].len == 0 || f[COL_REPO_NAME].len == 0)
      && !log_check_key (w, f, !old_format, &status, line))
    return FALSE;
  w->type_seed = type_seed (w, f[COL_REPO_TYPE]);
  repo = recent_repo (w, f[COL_REPO_TYPE], f[COL_REPO_NAME], &out->repo_hash, line);
  if (repo < 0)
    return FALSE;
  if (!log_intern_place (w, f, old_format ? COL_REQUEST_TYPE : COL_METHOD, line,
                         &out->country, &out->region, &out->method))
    return FALSE;

  out->ms = ms;
  /* Mostly the day of the date written (no offset, or one that stays in it). */
  if (ms >= (gint64) w->day * MS_PER_DAY && ms < (gint64) (w->day + 1) * MS_PER_DAY)
    out->day = w->day;
  else
    out->day = (HubDay) (ms >= 0 ? ms / MS_PER_DAY : -((-ms + MS_PER_DAY - 1) / MS_PER_DAY));
  out->repo = (guint32) repo;
  out->status = status;
  out->is_user = user.len > 0;
  out->hash = user.len > 0 ? hub_identity_hash (user.p, user.len)
              : ip.len > 0 ? hub_identity_hash (ip.p, ip.len) : 0;
  out->identified = user.len > 0 || ip.len > 0;
  out->person = status < 400 && out->identified;
  out->internal = is_true (f[COL_IS_INTERNAL]);

  team = out->internal
         || (read->team != NULL && out->identified
             && g_hash_table_contains (read->team, &out->hash));
  if (team)
    w->store->team_requests++;
  out->counted = !team || !read->options->exclude_team;
  if (w->whole)
    {
      if (out->counted)
        log_store_span_add (w->store, out->day);
      out->day = LOG_WHOLE_DAY;
    }
  out->cell_hash = log_cell_hash (out->day, out->repo, out->country, out->method, status);
  return TRUE;
}

/* A third of the lines begin a cell: the day's sketches of their
 * repository, or of their country, are remembered by its index in cache. */
static guint32
day_sketches (GArray   *cache,
              GArray   *days,
              LogIndex *index,
              guint32   key,
              HubDay    day)
{
  LogDayCache *cached;
  LogSketches *s;

  if (key >= cache->len)
    g_array_set_size (cache, MAX (key + 1, cache->len * 2));
  cached = &g_array_index (cache, LogDayCache, key);
  if (cached->sketches != 0 && cached->day == day)
    return cached->sketches - 1;
  s = log_day_sketches (days, index, day, key);
  cached->day = day;
  cached->sketches = (guint32) (s - &g_array_index (days, LogSketches, 0)) + 1;
  return cached->sketches - 1;
}

/* The line's (day, country, region) cell. */
static guint32
region_cell (Worker        *w,
             const LogLine *l)
{
  guint slot = (l->country * 61 + l->region) % G_N_ELEMENTS (w->region_cell_cache);
  guint32 index;

  if (w->region_cell_cache[slot].cell != 0 && w->region_cell_cache[slot].day == l->day
      && w->region_cell_cache[slot].country == l->country
      && w->region_cell_cache[slot].region == l->region)
    return w->region_cell_cache[slot].cell - 1;
  log_store_region_cell (w->store, l->day, l->country, l->region, &index);
  w->region_cell_cache[slot].day = l->day;
  w->region_cell_cache[slot].country = l->country;
  w->region_cell_cache[slot].region = l->region;
  w->region_cell_cache[slot].cell = index + 1;
  return index;
}

/* Counts the line's request; for a person, finds its sketches (by index:
 * more lines may move them) and asks for them ahead of their use. */
static void
count_line (Worker        *w,
            const LogLine *l,
            LogPlace      *place)
{
  HubLogStore *store = w->store;
  LogCell *cell;
  LogSketches *s;
  HubHll *hll;

  cell = log_store_cell_hashed (store, l->cell_hash, l->day, l->repo, l->country, l->method,
                                l->status, &place->cell);
  cell->requests++;
  place->region_cell = NO_CELL;
  if (l->region != NO_CELL)
    {
      place->region_cell = region_cell (w, l);
      g_array_index (store->region_cells, LogRegionCell, place->region_cell).requests++;
    }
  if (!l->person)
    return;

  /* The cell remembers its repository's sketches: one look-up less a line. */
  if (cell->repo_day == LOG_NO_LINK)
    cell->repo_day = day_sketches (w->repo_day_cache, w->store->repo_days,
                                   &w->store->repo_day_index, l->repo, l->day);
  place->repo_day = cell->repo_day;
  place->country_day = day_sketches (w->country_day_cache, w->store->country_days,
                                     &w->store->country_day_index, l->country, l->day);

  s = &g_array_index (store->repo_days, LogSketches, place->repo_day);
  hll = l->is_user ? s->users : s->anonymous;
  if (hll != NULL)
    __builtin_prefetch (hll);
  s = &g_array_index (store->country_days, LogSketches, place->country_day);
  hll = l->is_user ? s->users : s->anonymous;
  if (hll != NULL)
    __builtin_prefetch (hll);
}

/* Where a person added to a sketch is remembered. */
static inline LogRecentAdd *
recent_add_slot (Worker  *w,
                 guint64  hash,
                 guint32  sketch,
                 guint32  kind)
{
  return &w->recent_adds[log_mix64 (hash ^ ((guint64) sketch << 2 | kind)) & (RECENT_ADDS - 1)];
}

/* Asks for what adding the person's line to its sketches will touch, and
 * finds where it is remembered as added lately. */
static void
prefetch_sketches (Worker        *w,
                   const LogLine *l,
                   LogPlace      *place)
{
  HubLogStore *store = w->store;
  LogSketches *s = &g_array_index (store->repo_days, LogSketches, place->repo_day);
  HubHll *hll = l->is_user ? s->users : s->anonymous;

  if (hll != NULL)
    hub_hll_prefetch (hll, l->hash);
  place->recent_repo = recent_add_slot (w, l->hash, place->repo_day, l->is_user ? 0 : 1);
  place->recent_country = recent_add_slot (w, l->hash, place->country_day, l->is_user ? 2 : 3);
  __builtin_prefetch (place->recent_repo);
  __builtin_prefetch (place->recent_country);
  s = &g_array_index (store->country_days, LogSketches, place->country_day);
  hll = l->is_user ? s->users : s->anonymous;
  if (hll != NULL)
    hub_hll_prefetch (hll, l->hash);
}

/* Whether hash was lately added to the sketch of that kind and index,
 * which r remembers (recent_add_slot()); remembers it when not. */
static inline gboolean
added_lately (LogRecentAdd *r,
              guint64       hash,
              guint32       sketch,
              guint32       kind)
{
  if (r->hash == hash && r->sketch == sketch && r->kind == kind + 1)
    return TRUE;
  r->hash = hash;
  r->sketch = sketch;
  r->kind = kind + 1;
  return FALSE;
}

/* Adds a person's line to its sketches and to the sessions' lines. */
static void
add_person (Worker         *w,
            const LogLine  *l,
            const LogPlace *place)
{
  HubLogStore *store = w->store;
  LogSketches *s;
  LogEvent e = { l->hash, l->repo_hash, l->ms, 0, place->cell, w->id, place->region_cell };

  /* The events' array only grows: n_events of it are the block's. */
  if (G_UNLIKELY (w->n_events == w->events->len))
    g_array_set_size (w->events, MAX (1024, w->events->len * 2));
  ((LogEvent *) (void *) w->events->data)[w->n_events++] = e;
  if (!added_lately (place->recent_repo, l->hash, place->repo_day, l->is_user ? 0 : 1))
    {
      s = &g_array_index (store->repo_days, LogSketches, place->repo_day);
      add_to_sketch (l->is_user ? &s->users : &s->anonymous, l->hash);
    }
  if (!added_lately (place->recent_country, l->hash, place->country_day, l->is_user ? 2 : 3))
    {
      s = &g_array_index (store->country_days, LogSketches, place->country_day);
      add_to_sketch (l->is_user ? &s->users : &s->anonymous, l->hash);
    }
}

/* Counts the line for its identity in the day's top, team traffic
 * included. */
static inline void
add_identity (Worker        *w,
              const LogLine *l)
{
  if (l->identified)
    log_top_add (log_store_top (w->store, l->day), l->hash, 1, 0,
                 (l->is_user ? LOG_TOP_USER : 0) | (l->internal ? LOG_TOP_INTERNAL : 0));
}

/* Adds up one line read by log_prepare_line(). */
static void
apply_line (Worker        *w,
            const LogLine *l)
{
  LogPlace place;

  if (!w->whole)
    add_identity (w, l);
  if (!l->counted)
    return;
  count_line (w, l, &place);
  if (l->person)
    {
      prefetch_sketches (w, l, &place);
      add_person (w, l, &place);
    }
}

/* Adds up the lines waiting in w->pending, in order, with the memory each
 * needs fetched for all of them first: cells and sketches are look-ups in
 * tables too big for the cache, and the lines are many. */
void
log_apply_pending (Worker *w)
{
  HubLogStore *store = w->store;
  LogPlace places[G_N_ELEMENTS (w->pending)];

  for (guint i = 0; i < w->n_pending; i++)
    log_store_prefetch_slot (store, w->pending[i].day, w->pending[i].cell_hash);
  for (guint i = 0; i < w->n_pending; i++)
    log_store_prefetch_cell (store, w->pending[i].day, w->pending[i].cell_hash);
  for (guint i = 0; i < w->n_pending; i++)
    {
      if (!w->whole)
        add_identity (w, &w->pending[i]);
      if (w->pending[i].counted)
        count_line (w, &w->pending[i], &places[i]);
    }
  for (guint i = 0; i < w->n_pending; i++)
    if (w->pending[i].counted && w->pending[i].person)
      prefetch_sketches (w, &w->pending[i], &places[i]);
  for (guint i = 0; i < w->n_pending; i++)
    if (w->pending[i].counted && w->pending[i].person)
      add_person (w, &w->pending[i], &places[i]);
  w->n_pending = 0;
}

/* One line's fields, added up at once. */
gboolean
log_handle_fields (Worker  *w,
                   Field   *f,
                   gboolean old_format,
                   guint64  line)
{
  LogLine l;

  if (w->aggregate)
    return log_handle_aggregate_fields (w, f, line);
  if (!log_prepare_line (w, f, old_format, line, &l))
    return FALSE;
  apply_line (w, &l);
  return TRUE;
}
