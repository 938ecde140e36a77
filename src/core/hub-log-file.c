/* hub-log-file.c: a request-log store's file in the cache, and reading it
 * back with every damage refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <xxhash.h>

#include "hub-log-private.h"

#define FILE_MAGIC "HUBLOGS\n"
/* 2 added the regions, the top identities and the team list; 1 is read
 * without them. */
#define FILE_VERSION 2

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

static void
put_regions (GByteArray  *out,
             HubLogStore *store)
{
  put_strings (out, &store->regions);
  put32 (out, store->region_cells->len);
  for (guint i = 0; i < store->region_cells->len; i++)
    {
      LogRegionCell *c = &g_array_index (store->region_cells, LogRegionCell, i);

      put32 (out, (guint32) c->day);
      put32 (out, c->country);
      put32 (out, c->region);
      put64 (out, c->requests);
      put64 (out, c->sessions);
    }
}

/* Each day's top: the day, its error, and its identities in use. */
static void
put_tops (GByteArray  *out,
          HubLogStore *store)
{
  put32 (out, store->tops->len);
  for (guint i = 0; i < store->tops->len; i++)
    {
      LogTop *top = &g_array_index (store->tops, LogTop, i);

      put32 (out, (guint32) top->day);
      put64 (out, top->error);
      put32 (out, top->n);
      for (guint j = 0; j < G_N_ELEMENTS (top->slots); j++)
        {
          LogTopEntry *e = &top->slots[j];

          if (e->requests == 0)
            continue;
          put64 (out, e->identity);
          put64 (out, e->requests);
          put32 (out, e->sessions);
          put32 (out, e->flags);
        }
    }
}

GBytes *
log_store_serialize (HubLogStore *store)
{
  GByteArray *out;

  /* A store of the whole span has no days to keep. */
  g_return_val_if_fail (!store->whole, NULL);
  out = g_byte_array_new ();

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
  put_regions (out, store);
  put_tops (out, store);
  put32 (out, store->team->len);
  for (guint i = 0; i < store->team->len; i++)
    put64 (out, g_array_index (store->team, guint64, i));
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

/* The next n bytes into out; zeros once the file is found bad. */
static void
get_bytes (Reader *r,
           void   *out,
           gsize   n)
{
  if (r->bad || (gsize) (r->end - r->p) < n)
    {
      r->bad = TRUE;
      memset (out, 0, n);
      return;
    }
  memcpy (out, r->p, n);
  r->p += n;
}

static guint32
get32 (Reader *r)
{
  guint32 v;

  get_bytes (r, &v, sizeof v);
  return GUINT32_FROM_LE (v);
}

static guint64
get64 (Reader *r)
{
  guint64 v;

  get_bytes (r, &v, sizeof v);
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
      s = log_day_sketches (array, index, day, part);
      log_merge_sketch (&s->users, &users, TRUE);
      log_merge_sketch (&s->anonymous, &anonymous, TRUE);
    }
}

static void
get_regions (Reader      *r,
             HubLogStore *store)
{
  guint32 n;

  get_strings (r, &store->regions, FALSE);
  n = get32 (r);
  for (guint32 i = 0; i < n && !r->bad; i++)
    {
      HubDay day = (HubDay) get32 (r);
      guint32 country = get32 (r), region = get32 (r);
      guint64 requests = get64 (r), sessions = get64 (r);
      guint32 index;
      LogRegionCell *c;

      if (r->bad || country >= store->countries.strings->len
          || region >= store->regions.strings->len)
        {
          r->bad = TRUE;
          return;
        }
      c = log_store_region_cell (store, day, country, region, &index);
      c->requests += requests;
      c->sessions += sessions;
    }
}

static void
get_tops (Reader      *r,
          HubLogStore *store)
{
  guint32 n = get32 (r);

  for (guint32 i = 0; i < n && !r->bad; i++)
    {
      HubDay day = (HubDay) get32 (r);
      guint64 error = get64 (r);
      guint32 n_entries = get32 (r);
      LogTop *top;

      if (r->bad || n_entries > HUB_LOG_TOP_SLOTS)
        {
          r->bad = TRUE;
          return;
        }
      /* Each day once: a new summary each time. */
      top = log_store_top (store, day);
      if (store->tops->len != i + 1 || top->n != 0)
        {
          r->bad = TRUE;
          return;
        }
      top->error = error;
      for (guint32 j = 0; j < n_entries && !r->bad; j++)
        {
          guint64 identity = get64 (r), requests = get64 (r);
          guint32 sessions = get32 (r), flags = get32 (r);

          if (requests == 0 || top->n != j)
            r->bad = TRUE;
          else
            log_top_add (top, identity, requests, sessions, flags);
        }
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
  guint32 n, version;

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
  version = get32 (&r);
  if (version != 1 && version != FILE_VERSION)
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
  if (version >= 2)
    {
      get_regions (&r, store);
      get_tops (&r, store);
      n = get32 (&r);
      for (guint32 i = 0; i < n && !r.bad; i++)
        {
          guint64 hash = get64 (&r);

          g_array_append_val (store->team, hash);
        }
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

