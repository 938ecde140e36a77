/* hub-log-private.h: the request-log store's insides, shared by its reader,
 * its queries and its file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "hub-log.h"

G_BEGIN_DECLS

/* A number of 1 to max_len digits in base 10 or 16 (either case), at most
 * max: the logs' statuses and the aggregate's sketches. Inline, so that a
 * line's status costs what a loop over its three digits does. */
static inline gboolean
log_parse_digits (const char *p,
                  gsize       len,
                  guint       base,
                  gsize       max_len,
                  guint64     max,
                  guint64    *out)
{
  guint64 v = 0;

  if (len == 0 || len > max_len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      int d = base == 16 ? g_ascii_xdigit_value (p[i])
                         : (p[i] >= '0' && p[i] <= '9' ? p[i] - '0' : -1);

      if (d < 0)
        return FALSE;
      v = v * base + (guint64) d;
    }
  if (v > max)
    return FALSE;
  *out = v;
  return TRUE;
}

/* Whether the n bytes at a and b are equal: inline, for the short texts
 * of a line (a type, a repository, a method) compared many times a line,
 * where a call to memcmp() costs more than the comparison. */
static inline gboolean
log_bytes_equal (const void *a,
                 const void *b,
                 gsize       n)
{
  const guchar *x = a, *y = b;
  guint64 u, v;
  guint32 s, t;

  /* Eight bytes at a time, the last eight overlapping those before them
   * where n is not a multiple of eight; four, the same way, under eight. */
  if (n >= 8)
    {
      for (gsize i = 0; i + 8 < n; i += 8)
        {
          memcpy (&u, x + i, 8);
          memcpy (&v, y + i, 8);
          if (u != v)
            return FALSE;
        }
      memcpy (&u, x + n - 8, 8);
      memcpy (&v, y + n - 8, 8);
      return u == v;
    }
  if (n >= 4)
    {
      memcpy (&s, x, 4);
      memcpy (&t, y, 4);
      if (s != t)
        return FALSE;
      memcpy (&s, x + n - 4, 4);
      memcpy (&t, y + n - 4, 4);
      return s == t;
    }
  for (; n > 0; n--, x++, y++)
    if (*x != *y)
      return FALSE;
  return TRUE;
}

/* Zeroed memory whose zeros are written, not left to the kernel: tables
 * that are read before they are written (hash slots, sketch registers)
 * would otherwise be mapped to the shared zero page first and copied on
 * their first write, a second page fault and a flush of both cores' TLBs
 * for every page. */
static inline gpointer
log_alloc_zeroed (gsize size)
{
  gpointer p = g_malloc (size);

  memset (p, 0, size);
  return p;
}

/* An open-addressing index from a 64-bit hash to an array position; the
 * caller compares the keys. */
typedef struct
{
  guint64 hash;
  guint32 index;    /* position + 1; 0 for an empty slot */
  guint32 unused;
} LogSlot;

typedef struct
{
  LogSlot *slots;
  guint32  mask;
  guint32  count;
} LogIndex;

/* Distinct strings (repositories as "type\0name", countries, methods). */
typedef struct
{
  GPtrArray *strings;   /* char *, NUL-terminated */
  GArray    *lengths;   /* gsize */
  GArray    *hashes;    /* guint64 */
  LogIndex   index;
} LogStrings;

/* Requests and sessions of one (day, repository, country, method, status).
 * While a reader fills it, repo_day links it to its repository's sketches. */
typedef struct
{
  guint64 requests;
  guint64 sessions;
  HubDay  day;
  guint32 repo;
  guint32 country;
  guint32 method;
  guint16 status;      /* 0: the line had none */
  guint32 repo_day;
} LogCell;

#define LOG_NO_LINK G_MAXUINT32

/* The two sketches of one (day, repository) or (day, country). */
typedef struct
{
  HubDay  day;
  guint32 part;
  HubHll *users;       /* distinct hashedUserId */
  HubHll *anonymous;   /* distinct hashedIp on lines without a user id */
} LogSketches;

/* Requests and sessions of one (day, country, region). */
typedef struct
{
  guint64 requests;
  guint64 sessions;
  HubDay  day;
  guint32 country;
  guint32 region;
} LogRegionCell;

/* One identity in a day's top; requests 0: an empty slot. */
typedef struct
{
  guint64 identity;
  guint64 requests;
  guint32 sessions;
  guint32 flags;       /* LogTopFlags */
} LogTopEntry;

typedef enum
{
  LOG_TOP_USER     = 1 << 0,   /* seen as a hashedUserId */
  LOG_TOP_INTERNAL = 1 << 1,   /* on an isInternal line */
} LogTopFlags;

/* A day's identities with the most requests (Misra–Gries): at most half
 * the slots in use, found by the identity's hash; error: the requests
 * taken from every identity when the summary was full. */
typedef struct
{
  HubDay      day;
  guint32     n;
  guint64     error;
  LogTopEntry slots[2 * HUB_LOG_TOP_SLOTS];
} LogTop;

/* The last line of an identity's session in one repository, while a later
 * line could still continue it. */
typedef struct
{
  guint64 identity;
  guint64 repo;        /* the repository's hash */
  gint64  last_ms;
} LogOpenSession;

/* The cells of one day, found by log_cell_hash(): one table a day, so that
 * adding a day's lines touches that day's slots, not those of every day. */
typedef struct
{
  HubDay   day;
  guint32  mask;
  guint32  count;
  guint32 *slots;            /* position + 1 in the cells, or 0; at most half full */
} LogDayCells;

struct _HubLogStore
{
  LogStrings repos;
  LogStrings countries;
  LogStrings methods;
  GArray    *cells;          /* LogCell */
  GArray    *day_cells;      /* LogDayCells: each day's index of its cells */
  LogIndex   day_cells_index;
  guint32    last_day_cells; /* position + 1 of the last one found, or 0 */
  GArray    *spare_day_cells; /* LogDayCells: the slots of days handed on, for new days */
  GArray    *repo_days;      /* LogSketches */
  LogIndex   repo_day_index;
  GArray    *country_days;   /* LogSketches */
  LogIndex   country_day_index;
  guint64    team_requests;
  gint64     horizon_ms;     /* the latest line's time; G_MININT64 before any */
  GArray    *open_sessions;  /* LogOpenSession, at the horizon */
  LogStrings regions;
  GArray    *region_cells;   /* LogRegionCell */
  LogIndex   region_cell_index;
  GArray    *tops;           /* LogTop, by day as they came */
  guint32    last_top;       /* position + 1 of the last one found, or 0 */
  GArray    *team;           /* guint64 identity hashes, sorted */
  /* Read with HubLogOptions.whole_span: the lines' cells and sketches are
   * all on LOG_WHOLE_DAY, and the days they were on span_first … span_last
   * (G_MAXINT32 … G_MININT32 before any). */
  gboolean   whole;
  HubDay     span_first;
  HubDay     span_last;
};

/* The day of every line's cells and sketches in a store of the whole span. */
#define LOG_WHOLE_DAY 0

static inline void
log_store_span_add (HubLogStore *store,
                    HubDay       day)
{
  store->span_first = MIN (store->span_first, day);
  store->span_last = MAX (store->span_last, day);
}

static inline guint64
log_mix64 (guint64 x)
{
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return x;
}

#define LOG_INDEX_FOR_EACH(ix, h, slot) \
  for (LogSlot *slot = (ix)->slots ? &(ix)->slots[(guint32) (h) & (ix)->mask] : NULL; \
       slot != NULL && slot->index != 0; \
       slot = &(ix)->slots[((guint32) (slot - (ix)->slots) + 1) & (ix)->mask])

static inline guint32
log_cell_hash (HubDay  day,
               guint32 repo,
               guint32 country,
               guint32 method,
               guint32 status)
{
  guint64 x = ((guint64) (guint32) day << 32 | repo)
              ^ (((guint64) country << 32 | (guint64) method << 16 | status)
                 * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  return (guint32) (x >> 32);
}

void     log_index_insert        (LogIndex     *index,
                                  guint64       hash,
                                  guint32       position);
void     log_index_clear         (LogIndex     *index);
void     log_strings_init        (LogStrings   *strings);
void     log_strings_clear       (LogStrings   *strings);
GArray  *log_strings_remap       (LogStrings   *into,
                                  LogStrings   *from);

guint64  log_hash_bytes          (const char   *data,
                                  gsize         len);
guint64  log_repo_hash           (const char   *type,
                                  gsize         type_len,
                                  const char   *name,
                                  gsize         name_len);
guint64  log_repo_hash_seeded    (guint64       seed,
                                  const char   *name,
                                  gsize         name_len);
gint64   log_repos_lookup        (LogStrings   *repos,
                                  const char   *type,
                                  gsize         type_len,
                                  const char   *name,
                                  gsize         name_len,
                                  guint64       hash);
guint32  log_strings_intern      (LogStrings   *strings,
                                  const char   *data,
                                  gsize         len,
                                  guint64       hash);
gint64   log_strings_lookup      (LogStrings   *strings,
                                  const char   *data,
                                  gsize         len,
                                  guint64       hash);
const char *log_strings_get      (LogStrings   *strings,
                                  guint32       index,
                                  gsize        *len);

LogCell *log_store_cell          (HubLogStore  *store,
                                  HubDay        day,
                                  guint32       repo,
                                  guint32       country,
                                  guint32       method,
                                  guint32       status,
                                  guint32      *index);
LogCell *log_store_cell_hashed   (HubLogStore  *store,
                                  guint32       hash,
                                  HubDay        day,
                                  guint32       repo,
                                  guint32       country,
                                  guint32       method,
                                  guint32       status,
                                  guint32      *index);
LogDayCells *log_store_find_day_cells (HubLogStore *store,
                                       HubDay       day,
                                       gboolean     add);

/* The day's index of cells, made empty the first time when add; NULL when
 * there is none and not add. The last one found is found inline. */
static inline LogDayCells *
log_store_day_cells (HubLogStore *store,
                     HubDay       day,
                     gboolean     add)
{
  if (G_LIKELY (store->last_day_cells != 0))
    {
      LogDayCells *dc = &((LogDayCells *) (void *) store->day_cells->data)[store->last_day_cells - 1];

      if (dc->day == day)
        return dc;
    }
  return log_store_find_day_cells (store, day, add);
}

/* Asks for the slot where the cell of day and hash is looked for. */
static inline void
log_store_prefetch_slot (HubLogStore *store,
                         HubDay       day,
                         guint32      hash)
{
  LogDayCells *dc = log_store_day_cells (store, day, FALSE);

  if (dc != NULL)
    __builtin_prefetch (&dc->slots[hash & dc->mask]);
}

/* Asks for the cell that slot points at, once the slot has come. */
static inline void
log_store_prefetch_cell (HubLogStore *store,
                         HubDay       day,
                         guint32      hash)
{
  LogDayCells *dc = log_store_day_cells (store, day, FALSE);
  guint32 slot = dc != NULL ? dc->slots[hash & dc->mask] : 0;

  if (slot != 0)
    __builtin_prefetch (&g_array_index (store->cells, LogCell, slot - 1));
}

LogSketches *log_day_sketches    (GArray       *array,
                                  LogIndex     *index,
                                  HubDay        day,
                                  guint32       part);
void     log_merge_sketch        (HubHll      **into,
                                  HubHll      **from,
                                  gboolean      steal);
LogSketches *log_store_repo_day  (HubLogStore  *store,
                                  HubDay        day,
                                  guint32       repo);
LogSketches *log_store_country_day (HubLogStore *store,
                                    HubDay       day,
                                    guint32      country);
/* Regions and top identities (hub-log-regions.c, hub-log-top.c) */
LogRegionCell *log_store_region_cell (HubLogStore *store,
                                      HubDay       day,
                                      guint32      country,
                                      guint32      region,
                                      guint32     *index);
void     log_regions_merge       (HubLogStore  *store,
                                  HubLogStore  *other,
                                  GArray       *country_map);
LogTop  *log_store_top           (HubLogStore  *store,
                                  HubDay        day);
void     log_top_add             (LogTop       *top,
                                  guint64       identity,
                                  guint64       requests,
                                  guint32       sessions,
                                  guint32       flags);
void     log_top_add_session     (LogTop       *top,
                                  guint64       identity);
void     log_tops_merge          (HubLogStore  *store,
                                  HubLogStore  *other);

/* For the tests: called after each block of a plain file is read, with the
 * offset read up to, under the reading lock; NULL for none. */
typedef void (*LogBlockHook) (GFile    *file,
                              goffset   offset,
                              gpointer  data);
void     log_set_block_hook      (LogBlockHook  hook,
                                  gpointer      data);
/* For the tests: every block is held past its turn, as a block finished
 * before the one ahead of it is, so that holding is shown on any machine. */
void     log_set_hold_always     (gboolean      always);

void     log_store_merge         (HubLogStore  *store,
                                  HubLogStore  *other);
void     log_store_merge_full    (HubLogStore  *store,
                                  HubLogStore  *other,
                                  gboolean      two_threads);
gboolean log_store_add_files_full (HubLogStore          *store,
                                   GFile               **files,
                                   const char * const   *names,
                                   guint                 n_files,
                                   const HubLogOptions  *options,
                                   gboolean              through_csv,
                                   HubProgress          *progress,
                                   GCancellable         *cancellable,
                                   GError              **error);
char    *log_store_audience_text (HubLogStore  *store);
GBytes  *log_store_serialize     (HubLogStore  *store);
HubLogStore *log_store_deserialize (GBytes      *bytes,
                                    const char  *name,
                                    GError     **error);
void     log_store_clear_lines   (HubLogStore  *store);
gboolean log_store_is_empty      (HubLogStore  *store);
void     log_store_swap          (HubLogStore  *a,
                                  HubLogStore  *b);

typedef struct _LogGrouping LogGrouping;

LogGrouping *log_grouping_new  (HubLogStore   *store,
                                gboolean       by_repo,
                                HubDay         first,
                                HubDay         last,
                                HubLogFigures *figures);
void         log_grouping_work (LogGrouping   *g);
void         log_grouping_free (LogGrouping   *g);

G_END_DECLS
