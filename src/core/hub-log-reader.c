/* hub-log-reader.c: request logs (CSV or JSON Lines, gzip or not, several
 * files) read into a HubLogStore
 *
 * Two threads take the input a block of whole lines at a time, in order, and
 * each aggregates its blocks into a store of its own; the stores merge at
 * the end. Lines without a quotation mark are split at commas by position
 * (memchr); once a quotation mark appears in a file, the rest of it goes
 * through libcsv, in order, under the reading lock. Sessions need every
 * line of an identity and repository in time order: each block's lines go
 * through one session tracker in block order, which forgets an identity
 * once log time has moved five minutes past its last line. Input found out
 * of order is read again with every line's session key kept and sorted.
 * Nothing reaches the caller's store unless every file was read whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hub-identity.h"
#include "hub-log-private.h"

#define BLOCK_SIZE (4 * 1024 * 1024)
#define N_WORKERS 2
#define MS_PER_DAY G_GINT64_CONSTANT (86400000)
/* Lines of different identities may be this far out of time order (logs
 * from several servers) before the input counts as unordered. */
#define ORDER_SLACK_MS G_GINT64_CONSTANT (60000)
#define NO_CELL G_MAXUINT32
/* A worker hands its figures on to the shared store past this many cells,
 * so that memory follows the days being read, not two copies of them. */
#define FLUSH_CELLS 131072
#define FLUSH_SKETCHES 32768

typedef enum
{
  COL_TIMESTAMP,
  COL_STATUS,
  COL_METHOD,
  COL_REPO_NAME,
  COL_REPO_TYPE,
  COL_USER,
  COL_IP,
  COL_COUNTRY,
  COL_REGION,
  COL_REQUEST_TYPE,
  COL_IS_INTERNAL,
  /* The aggregate's (docs/logs-aggregate.md) */
  COL_DAY,
  COL_REQUESTS,
  COL_SESSIONS,
  COL_USERS,
  COL_ANONYMOUS,
  N_COLS
} Column;

static const char * const column_names[N_COLS] = {
  "timestamp", "status", "method", "repoName", "repoType", "hashedUserId",
  "hashedIp", "country", "region", "requestType", "isInternal",
  "day", "requests", "sessions", "users", "anonymousIps",
};

typedef struct
{
  const char *p;
  gsize       len;
} Field;

/* One non-error line of a known identity, for the sessions. */
typedef struct
{
  guint64 identity;
  guint64 repo;
  gint64  ms;
  guint64 seq;       /* input order, for ties */
  guint32 cell;      /* in the worker's store; NO_CELL for a session already open */
  guint32 worker;
} LogEvent;

typedef struct
{
  guint64 identity;
  guint64 repo;
  gint64  last_ms;   /* G_MININT64: an empty slot */
} TrackSlot;

typedef struct
{
  TrackSlot *slots;
  guint32    mask;
  guint32    count;
  gint64     horizon;
  gint64     forgotten_before;
  gint64     next_sweep;
} Tracker;

typedef struct
{
  guint64      seq;
  guint        file;
  gint64       line;       /* in the block, or in the file when absolute */
  gboolean     absolute;
  HubLogError  code;
  int          column;     /* -1: none */
  char        *value;
} ReadError;

typedef struct
{
  guint   file;
  guint64 lines;
} BlockInfo;

typedef struct _Read Read;

/* What a line leaves, read from its fields, before it is added up. */
typedef struct
{
  gint64   ms;
  guint64  repo_hash;
  guint64  hash;         /* the identity's */
  HubDay   day;
  guint32  repo;
  guint32  country;
  guint32  method;
  guint32  status;
  guint32  cell_hash;
  gboolean counted;      /* FALSE: team traffic left out */
  gboolean person;       /* not an error, and an identity */
  gboolean is_user;
} LogLine;

/* Where a line was counted: its cell, and its sketches' places. */
typedef struct
{
  guint32 cell;
  guint32 repo_day;
  guint32 country_day;
} LogPlace;

typedef struct
{
  Read        *read;
  guint        id;
  HubLogStore *store;
  GArray      *events;
  GByteArray  *buffer;
  /* A block: whole lines in buffer, or records from libcsv. */
  guint64      seq;
  guint        file;
  gboolean     is_json;
  gboolean     old_format;
  gboolean     aggregate;
  int          columns[N_COLS];
  guint        n_needed;     /* fields a CSV row needs */
  const gint8 *role_at;      /* the column at each field, or -1 */
  gboolean     has_records;
  GByteArray  *record_data;
  GArray      *record_fields;  /* Field offsets into record_data, as (offset, len) */
  GArray      *records;        /* (first field, n fields, line) */
  guint64      lines;
  /* What the lines need. */
  char         day_text[10];
  gboolean     have_day;
  guint32      country_cache[26 * 26];   /* country + 1, by its two letters */
  guint32      recent_methods[4];        /* method + 1, the last seen first */
  LogLine      pending[16];              /* read, not yet added up */
  char         type[16];                 /* the last repoType, and its hash */
  gsize        type_len;
  guint64      type_seed;
  guint        n_pending;
  struct
  {
    HubDay     day;
    guint32    sketches;                 /* + 1; 0 for none */
  }            country_day_cache[64];    /* by country, the last day seen */
  HubDay       day;
  GString     *key;
  char         numbers[N_COLS][24];
  JsonParser  *json;
  ReadError   *error;
} Worker;

typedef struct
{
  guint   first_field;
  guint   n_fields;
  guint64 line;
} Record;

struct _Read
{
  GFile              **files;
  const char * const  *names;
  guint                n_files;
  const HubLogOptions *options;
  GHashTable          *team;          /* identity hashes, as gint64 keys */
  HubProgress         *progress;
  GCancellable        *cancellable;
  gboolean             collect;

  GMutex               lock;          /* the input, the blocks, the errors */
  GMutex               turn_lock;     /* the turn, the tracker, the collected lines */
  GCond                turn_changed;
  GMutex               result_lock;
  guint64              next_seq;
  guint64              turn;
  GArray              *blocks;        /* BlockInfo by seq */
  GArray              *first_lines;   /* guint64 by file */

  /* The file being read. */
  guint                file;
  GInputStream        *stream;
  gboolean             eof;
  gsize                read_size;     /* grows to BLOCK_SIZE: small files, small blocks */
  gboolean             header_done;
  gboolean             is_json;
  gboolean             old_format;
  gboolean             aggregate;
  int                  columns[N_COLS];
  guint                n_needed;
  gint8               *role_at;
  GPtrArray           *role_ats;      /* every file's, for blocks still at work */
  GByteArray          *carry;
  gboolean             through_csv;
  gboolean             csv_only;
  struct csv_parser    csv;
  GByteArray          *csv_pending;         /* the fields of a record not ended yet */
  GArray              *csv_pending_fields;
  gboolean             csv_ready;
  Worker              *csv_worker;
  guint64              csv_lines;
  guint64              csv_embedded;
  int                  csv_last_term;
  guint                csv_n_fields;

  HubLogStore         *result;
  Worker              *helper;         /* the second thread's, started when a file is long */
  GThread             *helper_thread;
  Tracker              tracker;
  gboolean             disorder;
  GArray              *all_events;    /* LogEvent, when collecting */

  ReadError           *error;
  GError              *io_error;
  gboolean             stop;
};

static void
read_error_free (ReadError *error)
{
  if (error == NULL)
    return;
  g_free (error->value);
  g_free (error);
}

/* Keeps the earliest error of the input; lock held. */
static void
keep_error (Read      *read,
            ReadError *error)
{
  if (read->error == NULL || error->seq < read->error->seq
      || (error->seq == read->error->seq && error->line < read->error->line))
    {
      read_error_free (read->error);
      read->error = error;
    }
  else
    read_error_free (error);
  read->stop = TRUE;
}

static ReadError *
new_error (guint64      seq,
           guint        file,
           gint64       line,
           HubLogError  code,
           int          column,
           const char  *value,
           gsize        len)
{
  ReadError *error = g_new0 (ReadError, 1);

  error->seq = seq;
  error->file = file;
  error->line = line;
  error->code = code;
  error->column = column;
  if (value != NULL)
    {
      /* Quoted in the message: cut long values, and keep it UTF-8. */
      g_autofree char *cut = g_strndup (value, MIN (len, 80));

      error->value = g_utf8_make_valid (cut, -1);
    }
  return error;
}

static GError *
make_error (Read      *read,
            ReadError *e)
{
  const char *source = read->names[e->file];
  const char *column = e->column >= 0 ? column_names[e->column] : NULL;
  const char *value = e->value ? e->value : "";
  gulong line;

  if (e->absolute)
    line = (gulong) e->line;
  else
    {
      guint64 n = g_array_index (read->first_lines, guint64, e->file);

      for (guint64 s = 0; s < e->seq; s++)
        {
          BlockInfo *b = &g_array_index (read->blocks, BlockInfo, s);

          if (b->file == e->file)
            n += b->lines;
        }
      line = (gulong) (n + (guint64) e->line);
    }

  switch (e->code)
    {
    case HUB_LOG_ERROR_EMPTY:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s is empty: request logs start with a header line such as "
                            "“timestamp,status,method,repoName,repoType,hashedUserId,hashedIp,"
                            "country,region”, or are JSON objects, one a line"), source);
    case HUB_LOG_ERROR_NOT_LOGS:
      while (g_ascii_isspace (*value))
        value++;
      if (*value == '<')
        return g_error_new (HUB_LOG_ERROR, e->code,
                            _("%s, line %lu: this is a web page, not request logs "
                              "(a sign-in page or an error from the server?)"), source, line);
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: these are not request logs: the first line has "
                            "none of the columns timestamp, status, method, repoName and "
                            "repoType"), source, line);
    case HUB_LOG_ERROR_MISSING_COLUMN:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: the column “%s” is missing"), source, line, column);
    case HUB_LOG_ERROR_SHORT_ROW:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: the row ends before the column “%s”"),
                          source, line, column);
    case HUB_LOG_ERROR_EMPTY_FIELD:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: the value is empty"),
                          source, line, column);
    case HUB_LOG_ERROR_BAD_STATUS:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: “%s” is not an HTTP status "
                            "(a number from 100 to 599)"), source, line, column, value);
    case HUB_LOG_ERROR_BAD_DATE:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: “%s” is not a valid date and time"),
                          source, line, column, value);
    case HUB_LOG_ERROR_NOT_TEXT:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: “%s” is not valid UTF-8 text"),
                          source, line, column, value);
    case HUB_LOG_ERROR_FIELD_TOO_LONG:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: a line runs on for more than four megabytes (is a "
                            "quotation mark left open?)"), source, line);
    case HUB_LOG_ERROR_BAD_JSON:
      if (column != NULL)
        return g_error_new (HUB_LOG_ERROR, e->code,
                            _("%s, line %lu, column “%s”: the value is a list or an object, "
                              "not text or a number"), source, line, column);
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: the line is not a JSON object (%s)"),
                          source, line, value);
    case HUB_LOG_ERROR_BAD_COUNT:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: “%s” is not a whole number of "
                            "requests (digits only)"), source, line, column, value);
    case HUB_LOG_ERROR_BAD_SKETCH:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: this is not a sketch as "
                            "docs/logs-aggregate.md describes it (h: and hashes, or r: and "
                            "registers)"), source, line, column);
    case HUB_LOG_ERROR_READ:
    case HUB_LOG_ERROR_BAD_AGGREGATE:
    default:
      return g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_READ,
                          _("%s, line %lu: the file could not be read (%s)"),
                          source, line, value);
    }
}

/* Session tracking, in time order */

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
  g_free (old);
}

static void
tracker_init (Tracker *t,
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
static gboolean
tracker_add (Tracker        *t,
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

static void
tracker_open_sessions (Tracker *t,
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

/* Lines */

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

/* A timestamp as DESIGN.md accepts it, to milliseconds since 1970 (UTC). */
static gboolean
parse_time (Worker     *w,
            const char *p,
            gsize       len,
            gint64     *out_ms)
{
  int year, month, mday, hour = 0, minute = 0, second = 0, ms = 0, offset = 0;
  gsize i;

  if (len < 10)
    return FALSE;
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
  if (i < len)
    {
      if (i == 10 || len - i < 8 || !digits (p + i, 2, &hour) || p[i + 2] != ':'
          || !digits (p + i + 3, 2, &minute) || p[i + 5] != ':'
          || !digits (p + i + 6, 2, &second) || hour > 23 || minute > 59 || second > 60)
        return FALSE;
      /* A leap second counts as the second before it. */
      second = MIN (second, 59);
      i += 8;
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
    }

  *out_ms = (gint64) w->day * MS_PER_DAY
            + (((gint64) hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
  return TRUE;
}

static gboolean
parse_status (const char *p,
              gsize       len,
              guint32    *out)
{
  guint32 v = 0;

  if (len == 0 || len > 9)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (guint32) (p[i] - '0');
    }
  if (v < 100 || v > 599)
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
is_true (Field f)
{
  return (f.len == 1 && f.p[0] == '1')
         || (f.len == 4 && g_ascii_strncasecmp (f.p, "true", 4) == 0);
}

static void
fail (Worker      *w,
      guint64      line,
      HubLogError  code,
      int          column,
      const char  *value,
      gsize        len)
{
  if (w->error == NULL)
    w->error = new_error (w->seq, w->file, (gint64) line, code, column, value, len);
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

static gint64
intern_repo (Worker  *w,
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
      fail (w, line, HUB_LOG_ERROR_NOT_TEXT, COL_REPO_TYPE, type.p, type.len);
      return -1;
    }
  if (!valid_text (name.p, name.len))
    {
      fail (w, line, HUB_LOG_ERROR_NOT_TEXT, COL_REPO_NAME, name.p, name.len);
      return -1;
    }
  /* Kept as "type\0name". */
  g_string_truncate (w->key, 0);
  g_string_append_len (w->key, type.p, (gssize) type.len);
  g_string_append_c (w->key, '\0');
  g_string_append_len (w->key, name.p, (gssize) name.len);
  return log_strings_intern (&store->repos, w->key->str, w->key->len, hash);
}

/* Countries are mostly two letters: those are remembered by their letters. */
static gint64
intern_country (Worker *w,
                Field   f,
                guint64 line)
{
  char code[16];
  const char *p = f.p;
  gsize len = f.len;
  int slot = -1;
  gint64 country;

  if (len == 0)
    {
      p = "ZZ";
      len = 2;
    }
  if (len == 2 && g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]))
    {
      slot = (g_ascii_toupper (p[0]) - 'A') * 26 + (g_ascii_toupper (p[1]) - 'A');
      if (G_LIKELY (w->country_cache[slot] != 0))
        return w->country_cache[slot] - 1;
    }
  if (len < sizeof code)
    {
      for (gsize i = 0; i < len; i++)
        code[i] = g_ascii_toupper (p[i]);
      p = code;
    }
  country = intern_text (&w->store->countries, p, len);
  if (country < 0)
    fail (w, line, HUB_LOG_ERROR_NOT_TEXT, COL_COUNTRY, f.p, f.len);
  else if (slot >= 0)
    w->country_cache[slot] = (guint32) country + 1;
  return country;
}

/* Methods are few: the last ones seen are compared first. */
static gint64
intern_method (Worker *w,
               Field   f,
               int     column,
               guint64 line)
{
  gint64 method;

  for (guint i = 0; i < G_N_ELEMENTS (w->recent_methods); i++)
    {
      guint32 m = w->recent_methods[i];
      gsize len;
      const char *known;

      if (m == 0)
        break;
      known = log_strings_get (&w->store->methods, m - 1, &len);
      if (len == f.len && memcmp (known, f.p, len) == 0)
        return m - 1;
    }
  method = intern_text (&w->store->methods, f.p, f.len);
  if (method < 0)
    {
      fail (w, line, HUB_LOG_ERROR_NOT_TEXT, column, f.p, f.len);
      return -1;
    }
  memmove (w->recent_methods + 1, w->recent_methods,
           sizeof w->recent_methods - sizeof w->recent_methods[0]);
  w->recent_methods[0] = (guint32) method + 1;
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
static gboolean
handle_aggregate_fields (Worker *w,
                         Field  *f,
                         guint64 line)
{
  HubLogStore *store = w->store;
  g_autoptr(HubHll) users = NULL;
  g_autoptr(HubHll) anonymous = NULL;
  guint64 requests, sessions;
  guint32 status = 0;
  gint64 ms, repo, country, method;
  guint32 cell_index;
  LogCell *cell;
  LogSketches *s;
  HubDay day;

  if (!parse_time (w, f[COL_DAY].p, f[COL_DAY].len, &ms) || ms % MS_PER_DAY != 0)
    {
      fail (w, line, HUB_LOG_ERROR_BAD_DATE, COL_DAY, f[COL_DAY].p, f[COL_DAY].len);
      return FALSE;
    }
  day = (HubDay) (ms / MS_PER_DAY);
  if (f[COL_STATUS].len > 0 && !parse_status (f[COL_STATUS].p, f[COL_STATUS].len, &status))
    {
      fail (w, line, HUB_LOG_ERROR_BAD_STATUS, COL_STATUS, f[COL_STATUS].p, f[COL_STATUS].len);
      return FALSE;
    }
  if (f[COL_REPO_TYPE].len == 0 || f[COL_REPO_NAME].len == 0)
    {
      fail (w, line, HUB_LOG_ERROR_EMPTY_FIELD,
            f[COL_REPO_TYPE].len == 0 ? COL_REPO_TYPE : COL_REPO_NAME, NULL, 0);
      return FALSE;
    }
  for (int c = COL_REQUESTS; c <= COL_SESSIONS; c++)
    if (!parse_count (f[c], c == COL_REQUESTS ? &requests : &sessions))
      {
        fail (w, line, HUB_LOG_ERROR_BAD_COUNT, c, f[c].p, f[c].len);
        return FALSE;
      }
  users = hub_hll_from_text (f[COL_USERS].p, f[COL_USERS].len);
  anonymous = hub_hll_from_text (f[COL_ANONYMOUS].p, f[COL_ANONYMOUS].len);
  if (users == NULL || anonymous == NULL)
    {
      int c = users == NULL ? COL_USERS : COL_ANONYMOUS;

      fail (w, line, HUB_LOG_ERROR_BAD_SKETCH, c, f[c].p, f[c].len);
      return FALSE;
    }

  repo = intern_repo (w, f[COL_REPO_TYPE], f[COL_REPO_NAME],
                      log_repo_hash (f[COL_REPO_TYPE].p, f[COL_REPO_TYPE].len,
                                     f[COL_REPO_NAME].p, f[COL_REPO_NAME].len), line);
  if (repo < 0)
    return FALSE;
  country = intern_country (w, f[COL_COUNTRY], line);
  if (country < 0)
    return FALSE;
  method = intern_method (w, f[COL_METHOD], COL_METHOD, line);
  if (method < 0)
    return FALSE;

  cell = log_store_cell (store, day, (guint32) repo, (guint32) country, (guint32) method,
                         status, &cell_index);
  if (cell->requests > (guint64) G_MAXINT64 - requests
      || cell->sessions > (guint64) G_MAXINT64 - sessions)
    {
      fail (w, line, HUB_LOG_ERROR_BAD_COUNT, COL_REQUESTS, f[COL_REQUESTS].p, f[COL_REQUESTS].len);
      return FALSE;
    }
  cell->requests += requests;
  cell->sessions += sessions;

  s = log_store_repo_day (store, day, (guint32) repo);
  merge_into (&s->users, users);
  merge_into (&s->anonymous, anonymous);
  s = log_store_country_day (store, day, (guint32) country);
  merge_into (&s->users, users);
  merge_into (&s->anonymous, anonymous);
  return TRUE;
}


/* Reads one line's fields (every column of the header, empty for those
 * absent); FALSE, with the error kept, when they are refused. */
static gboolean
prepare_line (Worker  *w,
              Field   *f,
              gboolean old_format,
              guint64  line,
              LogLine *out)
{
  Read *read = w->read;
  guint32 status = 0;
  gint64 ms;
  gint64 repo, country, method;
  Field user = f[COL_USER], ip = f[COL_IP];
  gboolean team;

  if (!parse_time (w, f[COL_TIMESTAMP].p, f[COL_TIMESTAMP].len, &ms))
    {
      fail (w, line, HUB_LOG_ERROR_BAD_DATE, COL_TIMESTAMP, f[COL_TIMESTAMP].p, f[COL_TIMESTAMP].len);
      return FALSE;
    }
  if (!old_format && !parse_status (f[COL_STATUS].p, f[COL_STATUS].len, &status))
    {
      fail (w, line, HUB_LOG_ERROR_BAD_STATUS, COL_STATUS, f[COL_STATUS].p, f[COL_STATUS].len);
      return FALSE;
    }
  if (f[COL_REPO_TYPE].len == 0 || f[COL_REPO_NAME].len == 0)
    {
      fail (w, line, HUB_LOG_ERROR_EMPTY_FIELD,
            f[COL_REPO_TYPE].len == 0 ? COL_REPO_TYPE : COL_REPO_NAME, NULL, 0);
      return FALSE;
    }
  /* The few types are remembered with their hash. */
  if (f[COL_REPO_TYPE].len != w->type_len || f[COL_REPO_TYPE].len > sizeof w->type
      || memcmp (f[COL_REPO_TYPE].p, w->type, f[COL_REPO_TYPE].len) != 0)
    {
      w->type_len = f[COL_REPO_TYPE].len;
      if (w->type_len <= sizeof w->type)
        memcpy (w->type, f[COL_REPO_TYPE].p, w->type_len);
      w->type_seed = log_hash_bytes (f[COL_REPO_TYPE].p, f[COL_REPO_TYPE].len);
    }
  out->repo_hash = log_repo_hash_seeded (w->type_seed, f[COL_REPO_NAME].p, f[COL_REPO_NAME].len);
  repo = intern_repo (w, f[COL_REPO_TYPE], f[COL_REPO_NAME], out->repo_hash, line);
  if (repo < 0)
    return FALSE;
  country = intern_country (w, f[COL_COUNTRY], line);
  if (country < 0)
    return FALSE;
  method = intern_method (w, old_format ? f[COL_REQUEST_TYPE] : f[COL_METHOD],
                          old_format ? COL_REQUEST_TYPE : COL_METHOD, line);
  if (method < 0)
    return FALSE;

  out->ms = ms;
  out->day = (HubDay) (ms >= 0 ? ms / MS_PER_DAY : -((-ms + MS_PER_DAY - 1) / MS_PER_DAY));
  out->repo = (guint32) repo;
  out->country = (guint32) country;
  out->method = (guint32) method;
  out->status = status;
  out->cell_hash = log_cell_hash (out->day, out->repo, out->country, out->method, status);
  out->is_user = user.len > 0;
  out->hash = user.len > 0 ? hub_identity_hash (user.p, user.len)
              : ip.len > 0 ? hub_identity_hash (ip.p, ip.len) : 0;
  out->person = status < 400 && (user.len > 0 || ip.len > 0);

  team = is_true (f[COL_IS_INTERNAL])
         || (read->team != NULL && (user.len > 0 || ip.len > 0)
             && g_hash_table_contains (read->team, &out->hash));
  if (team)
    w->store->team_requests++;
  out->counted = !team || !read->options->exclude_team;
  return TRUE;
}

static guint32
country_sketches (Worker        *w,
                  const LogLine *l)
{
  HubLogStore *store = w->store;
  LogSketches *s;
  guint32 index;

  if (l->country < G_N_ELEMENTS (w->country_day_cache)
      && w->country_day_cache[l->country].sketches != 0
      && w->country_day_cache[l->country].day == l->day)
    return w->country_day_cache[l->country].sketches - 1;
  s = log_store_country_day (store, l->day, l->country);
  index = (guint32) (s - &g_array_index (store->country_days, LogSketches, 0));
  if (l->country < G_N_ELEMENTS (w->country_day_cache))
    {
      w->country_day_cache[l->country].day = l->day;
      w->country_day_cache[l->country].sketches = index + 1;
    }
  return index;
}

/* Counts the line's request; for a person, finds its sketches (by index:
 * more lines may move them) and fetches what adding to them will touch. */
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
  if (!l->person)
    return;

  /* The cell remembers its repository's sketches: one look-up less a line. */
  if (cell->repo_day == LOG_NO_LINK)
    {
      s = log_store_repo_day (store, l->day, l->repo);
      cell->repo_day = (guint32) (s - &g_array_index (store->repo_days, LogSketches, 0));
    }
  place->repo_day = cell->repo_day;
  place->country_day = country_sketches (w, l);

  s = &g_array_index (store->repo_days, LogSketches, place->repo_day);
  hll = l->is_user ? s->users : s->anonymous;
  if (hll != NULL)
    hub_hll_prefetch (hll, l->hash);
  s = &g_array_index (store->country_days, LogSketches, place->country_day);
  hll = l->is_user ? s->users : s->anonymous;
  if (hll != NULL)
    hub_hll_prefetch (hll, l->hash);
}

/* Adds a person's line to its sketches and to the sessions' lines. */
static void
add_person (Worker         *w,
            const LogLine  *l,
            const LogPlace *place)
{
  HubLogStore *store = w->store;
  LogSketches *s = &g_array_index (store->repo_days, LogSketches, place->repo_day);
  LogEvent e = { l->hash, l->repo_hash, l->ms, 0, place->cell, w->id };

  add_to_sketch (l->is_user ? &s->users : &s->anonymous, l->hash);
  s = &g_array_index (store->country_days, LogSketches, place->country_day);
  add_to_sketch (l->is_user ? &s->users : &s->anonymous, l->hash);
  g_array_append_val (w->events, e);
}

/* Adds up one line read by prepare_line(). */
static void
apply_line (Worker        *w,
            const LogLine *l)
{
  LogPlace place;

  if (!l->counted)
    return;
  count_line (w, l, &place);
  if (l->person)
    add_person (w, l, &place);
}

/* Adds up the lines waiting in w->pending, in order, with the memory each
 * needs fetched for all of them first: cells and sketches are look-ups in
 * tables too big for the cache, and the lines are many. */
static void
apply_pending (Worker *w)
{
  HubLogStore *store = w->store;
  LogPlace places[G_N_ELEMENTS (w->pending)];

  if (store->cell_slots != NULL)
    {
      for (guint i = 0; i < w->n_pending; i++)
        __builtin_prefetch (&store->cell_slots[w->pending[i].cell_hash & store->cell_mask]);
      for (guint i = 0; i < w->n_pending; i++)
        {
          guint32 slot = store->cell_slots[w->pending[i].cell_hash & store->cell_mask];

          if (slot != 0)
            __builtin_prefetch (&g_array_index (store->cells, LogCell, slot - 1));
        }
    }
  for (guint i = 0; i < w->n_pending; i++)
    if (w->pending[i].counted)
      count_line (w, &w->pending[i], &places[i]);
  for (guint i = 0; i < w->n_pending; i++)
    if (w->pending[i].counted && w->pending[i].person)
      add_person (w, &w->pending[i], &places[i]);
  w->n_pending = 0;
}

/* One line's fields, added up at once. */
static gboolean
handle_fields (Worker  *w,
               Field   *f,
               gboolean old_format,
               guint64  line)
{
  LogLine l;

  if (w->aggregate)
    return handle_aggregate_fields (w, f, line);
  if (!prepare_line (w, f, old_format, line, &l))
    return FALSE;
  apply_line (w, &l);
  return TRUE;
}

static inline Field
trimmed (const char *p,
         const char *end)
{
  Field f;

  /* As libcsv does for fields without quotes. */
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  f.p = p;
  f.len = (gsize) (end - p);
  return f;
}

/* The column a row of n fields stops short of; FALSE. */
static gboolean
short_row (Worker  *w,
           guint    n,
           guint64  line)
{
  int missing = -1;

  for (int c = 0; c < N_COLS; c++)
    if (w->columns[c] >= (int) n && (missing < 0 || w->columns[c] < w->columns[missing]))
      missing = c;
  fail (w, line, HUB_LOG_ERROR_SHORT_ROW, missing, NULL, 0);
  return FALSE;
}

/* Where the next 16 bytes hold a comma, a LF or a CR, as bits. */
static inline guint32
separators (const char *p)
{
#ifdef __SSE2__
  __m128i v = _mm_loadu_si128 ((const __m128i *) p);

  return (guint32) _mm_movemask_epi8 (_mm_or_si128 (_mm_or_si128 (
    _mm_cmpeq_epi8 (v, _mm_set1_epi8 (',')), _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\n'))),
    _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\r'))));
#else
  guint32 m = 0;

  for (int i = 0; i < 16; i++)
    if (p[i] == ',' || p[i] == '\n' || p[i] == '\r')
      m |= 1u << i;
  return m;
#endif
}

typedef struct
{
  Field        fields[N_COLS];
  guint        n;           /* fields ended so far in the line */
  const char  *start;       /* of the current field */
} CsvLine;

static inline void
end_field (Worker     *w,
           CsvLine    *l,
           const char *end)
{
  if (l->n < w->n_needed && w->role_at[l->n] >= 0)
    l->fields[w->role_at[l->n]] = trimmed (l->start, end);
  l->n++;
}

/* A line ends at end: skipped when blank, as libcsv skips it. */
static gboolean
end_line (Worker     *w,
          CsvLine    *l,
          const char *end,
          guint64     line)
{
  gboolean ok = TRUE;

  if (l->n > 0 || trimmed (l->start, end).len > 0)
    {
      end_field (w, l, end);
      if (l->n < w->n_needed)
        ok = short_row (w, l->n, line);
      else if (w->aggregate)
        ok = handle_aggregate_fields (w, l->fields, line);
      else
        {
          ok = prepare_line (w, l->fields, w->old_format, line, &w->pending[w->n_pending]);
          if (ok && ++w->n_pending == G_N_ELEMENTS (w->pending))
            apply_pending (w);
        }
    }
  for (int c = 0; c < N_COLS; c++)
    l->fields[c] = (Field) { "", 0 };
  l->n = 0;
  l->start = end + 1;
  return ok;
}

/* Whole lines without quotation marks, split at commas, at LF and at a CR
 * that ends a line, as libcsv splits them, 16 bytes at a time. */
static void
handle_csv_lines (Worker *w)
{
  guint len = w->buffer->len;
  const char *data;
  const char *end;
  const char *p;
  CsvLine l;
  guint64 line = 0;
  gboolean ok = TRUE;

  /* Zeros past the end, for the last 16 bytes' look. */
  g_byte_array_set_size (w->buffer, len + 16);
  memset (w->buffer->data + len, 0, 16);
  g_byte_array_set_size (w->buffer, len);
  data = (const char *) w->buffer->data;
  end = data + len;

  for (int c = 0; c < N_COLS; c++)
    l.fields[c] = (Field) { "", 0 };
  l.n = 0;
  l.start = data;

  for (p = data; ok && p < end; p += 16)
    {
      guint32 m = separators (p);

      if (end - p < 16)
        m &= (1u << (end - p)) - 1;
      while (ok && m != 0)
        {
          const char *q = p + __builtin_ctz (m);

          m &= m - 1;
          if (*q == ',')
            {
              end_field (w, &l, q);
              l.start = q + 1;
            }
          else if (*q == '\n')
            {
              ok = end_line (w, &l, q > l.start && q[-1] == '\r' ? q - 1 : q, line++);
              l.start = q + 1;
            }
          else if (q + 1 >= end || q[1] != '\n')
            ok = end_line (w, &l, q, line++);
        }
    }
  if (ok && (l.start < end || l.n > 0))
    ok = end_line (w, &l, end, line++);
  if (ok)
    apply_pending (w);
  w->n_pending = 0;

  w->lines = line;
  if (w->read->progress)
    atomic_fetch_add (&w->read->progress->rows, line);
}

static gboolean
json_field (Worker     *w,
            JsonObject *object,
            int         column,
            Field      *out,
            guint64     line)
{
  JsonNode *node = json_object_get_member (object, column_names[column]);

  out->p = "";
  out->len = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      fail (w, line, HUB_LOG_ERROR_BAD_JSON, column, NULL, 0);
      return FALSE;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      out->p = json_node_get_string (node);
      out->len = strlen (out->p);
      break;
    case G_TYPE_INT64:
      out->len = (gsize) g_snprintf (w->numbers[column], sizeof w->numbers[column],
                                     "%" G_GINT64_FORMAT, json_node_get_int (node));
      out->p = w->numbers[column];
      break;
    case G_TYPE_BOOLEAN:
      out->p = json_node_get_boolean (node) ? "true" : "false";
      out->len = strlen (out->p);
      break;
    default:
      out->len = (gsize) g_snprintf (w->numbers[column], sizeof w->numbers[column],
                                     "%g", json_node_get_double (node));
      out->p = w->numbers[column];
      break;
    }
  return TRUE;
}

static gboolean
handle_json_line (Worker     *w,
                  const char *p,
                  const char *end,
                  guint64     line)
{
  Field fields[N_COLS];
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;
  gboolean old_format;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end)
    return TRUE;

  if (!json_parser_load_from_data (w->json, p, (gssize) (end - p), &error)
      || (root = json_parser_get_root (w->json)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      const char *why = error ? error->message : _("not an object");

      fail (w, line, HUB_LOG_ERROR_BAD_JSON, -1, why, strlen (why));
      return FALSE;
    }
  object = json_node_get_object (root);
  for (int c = 0; c < N_COLS; c++)
    if (!json_field (w, object, c, &fields[c], line))
      return FALSE;
  old_format = !json_object_has_member (object, "status")
               && json_object_has_member (object, "requestType");
  return handle_fields (w, fields, old_format, line);
}

/* JSON objects, one a line. */
static void
handle_json_lines (Worker *w)
{
  const char *p = (const char *) w->buffer->data;
  const char *end = p + w->buffer->len;
  guint64 line = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl ? nl : end;
      const char *seg_end = line_end;

      if (seg_end > p && seg_end[-1] == '\r')
        seg_end--;
      if (!handle_json_line (w, p, seg_end, line++))
        break;
      p = line_end + 1;
    }
  w->lines = line;
  if (w->read->progress)
    atomic_fetch_add (&w->read->progress->rows, line);
}

static void
handle_records (Worker *w)
{
  for (guint r = 0; r < w->records->len; r++)
    {
      Record *rec = &g_array_index (w->records, Record, r);
      Field fields[N_COLS];
      guint n = rec->n_fields;

      if (n < w->n_needed)
        {
          short_row (w, n, rec->line);
          return;
        }
      for (int c = 0; c < N_COLS; c++)
        {
          fields[c].p = "";
          fields[c].len = 0;
          if (w->columns[c] >= 0)
            {
              Field *at = &g_array_index (w->record_fields, Field,
                                          rec->first_field + (guint) w->columns[c]);

              fields[c].p = (const char *) w->record_data->data + GPOINTER_TO_SIZE (at->p);
              fields[c].len = at->len;
            }
        }
      if (!handle_fields (w, fields, w->old_format, rec->line))
        return;
    }
  if (w->read->progress)
    atomic_fetch_add (&w->read->progress->rows, w->records->len);
}

/* Reading, under the lock */

static void
set_io_error (Read       *read,
              GError     *error)
{
  if (read->io_error == NULL && read->error == NULL)
    read->io_error = error;
  else
    g_error_free (error);
  read->stop = TRUE;
}

/* An error of the file being read, in words for its user; a cancelled read
 * stays what it is. */
static GError *
read_failure (Read   *read,
              GError *error)
{
  const char *name = read->names[read->file];
  GError *failure;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    failure = g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_READ,
                           _("%s is cut short: the compressed file ends before its data does "
                             "(was its download interrupted?)"), name);
  else
    failure = g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_READ,
                           _("%s could not be read: %s"), name, error->message);
  g_error_free (error);
  return failure;
}

static gboolean
open_next (Read *read)
{
  g_autoptr(GInputStream) base = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *head;
  gsize avail = 0;

  base = G_INPUT_STREAM (g_file_read (read->files[read->file], read->cancellable, &error));
  if (base == NULL)
    {
      set_io_error (read, read_failure (read, g_steal_pointer (&error)));
      return FALSE;
    }
  buffered = g_buffered_input_stream_new_sized (base, 65536);
  while (avail < 2)
    {
      gssize n = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 2 - (gssize) avail,
                                               read->cancellable, &error);

      if (n < 0)
        {
          set_io_error (read, read_failure (read, g_steal_pointer (&error)));
          return FALSE;
        }
      head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &avail);
      if (n == 0)
        break;
    }
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &avail);

  /* Compressed or not is told by the content, not by the name. */
  if (avail >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      read->stream = g_converter_input_stream_new (buffered, G_CONVERTER (gunzip));
    }
  else
    read->stream = g_steal_pointer (&buffered);

  read->eof = FALSE;
  read->read_size = 65536;
  read->header_done = FALSE;
  read->through_csv = FALSE;
  read->old_format = FALSE;
  read->aggregate = FALSE;
  g_byte_array_set_size (read->carry, 0);
  return TRUE;
}

static void
close_current (Read *read)
{
  g_clear_object (&read->stream);
  if (read->csv_ready)
    {
      csv_free (&read->csv);
      read->csv_ready = FALSE;
    }
  read->file++;
}

static void
header_field (void   *data,
              size_t  len,
              void   *user_data)
{
  GPtrArray *names = user_data;

  g_ptr_array_add (names, g_strndup (data ? data : "", len));
}

/* The header: which column is where. FALSE with the error kept. */
static gboolean
read_header (Read       *read,
             const char *p,
             gsize       len,
             guint64     line)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct csv_parser csv;
  gboolean any = FALSE;
  guint needed = 0;

  csv_init (&csv, 0);
  csv_parse (&csv, p, len, header_field, NULL, names);
  csv_fini (&csv, header_field, NULL, names);
  csv_free (&csv);

  for (int c = 0; c < N_COLS; c++)
    read->columns[c] = -1;
  for (guint i = 0; i < names->len; i++)
    for (int c = 0; c < N_COLS; c++)
      if (read->columns[c] < 0 && strcmp (names->pdata[i], column_names[c]) == 0)
        {
          read->columns[c] = (int) i;
          needed = MAX (needed, i + 1);
          any = TRUE;
        }
  read->n_needed = needed;
  read->role_at = g_new (gint8, needed + 1);
  g_ptr_array_add (read->role_ats, read->role_at);
  memset (read->role_at, -1, needed + 1);
  for (int c = 0; c < N_COLS; c++)
    if (read->columns[c] >= 0)
      read->role_at[read->columns[c]] = (gint8) c;

  if (!any)
    {
      ReadError *e = new_error (read->next_seq, read->file, (gint64) line,
                                HUB_LOG_ERROR_NOT_LOGS, -1, p, len);

      e->absolute = TRUE;
      keep_error (read, e);
      return FALSE;
    }

  read->old_format = read->columns[COL_STATUS] < 0 && read->columns[COL_REQUEST_TYPE] >= 0;
  read->aggregate = read->columns[COL_TIMESTAMP] < 0 && read->columns[COL_DAY] >= 0;
  {
    const Column logs[] = { COL_TIMESTAMP, COL_REPO_TYPE, COL_REPO_NAME,
                            read->old_format ? COL_REQUEST_TYPE : COL_STATUS,
                            read->old_format ? COL_REQUEST_TYPE : COL_METHOD };
    const Column aggregate[] = { COL_DAY, COL_REPO_TYPE, COL_REPO_NAME, COL_COUNTRY, COL_METHOD,
                                 COL_STATUS, COL_REQUESTS, COL_SESSIONS, COL_USERS,
                                 COL_ANONYMOUS };
    const Column *required = read->aggregate ? aggregate : logs;
    guint n_required = read->aggregate ? G_N_ELEMENTS (aggregate) : G_N_ELEMENTS (logs);

    for (guint i = 0; i < n_required; i++)
      if (read->columns[required[i]] < 0)
        {
          ReadError *e = new_error (read->next_seq, read->file, (gint64) line,
                                    HUB_LOG_ERROR_MISSING_COLUMN, (int) required[i], NULL, 0);

          e->absolute = TRUE;
          keep_error (read, e);
          return FALSE;
        }
  }
  return TRUE;
}

/* Finds the format and the header at the start of the file in data, and
 * drops what it used; FALSE when more data is needed or on error. */
static gboolean
start_file (Read       *read,
            GByteArray *data)
{
  const char *p = (const char *) data->data;
  const char *end = p + data->len;
  guint64 line = 1;
  gsize skip = 0;

  if (data->len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  /* Blank lines before the header are lines too. */
  for (;;)
    {
      const char *q = p;

      while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
        q++;
      if (q < end && *q == '\n')
        {
          p = q + 1;
          line++;
          continue;
        }
      break;
    }
  {
    const char *q = p;

    while (q < end && g_ascii_isspace (*q))
      q++;
    if (q == end)
      {
        if (!read->eof)
          return FALSE;
        {
          ReadError *e = new_error (read->next_seq, read->file, 1, HUB_LOG_ERROR_EMPTY, -1, NULL, 0);

          e->absolute = TRUE;
          keep_error (read, e);
        }
        return FALSE;
      }
    if (*q == '{')
      {
        read->is_json = TRUE;
        read->header_done = TRUE;
        g_array_append_val (read->first_lines, line);
        skip = (gsize) (p - (const char *) data->data);
        g_byte_array_remove_range (data, 0, (guint) skip);
        return TRUE;
      }
  }

  {
    const char *nl = memchr (p, '\n', (gsize) (end - p));
    const char *header_end = nl ? nl : end;

    if (nl == NULL && !read->eof)
      return FALSE;
    read->is_json = FALSE;
    if (header_end > p && header_end[-1] == '\r')
      header_end--;
    if (!read_header (read, p, (gsize) (header_end - p), line))
      return FALSE;
    line++;
    read->header_done = TRUE;
    g_array_append_val (read->first_lines, line);
    skip = nl ? (gsize) (nl + 1 - (const char *) data->data) : data->len;
    g_byte_array_remove_range (data, 0, (guint) skip);
  }
  return TRUE;
}

static void
csv_field (void   *data,
           size_t  len,
           void   *user_data)
{
  Read *read = user_data;
  Field at = { GSIZE_TO_POINTER ((gsize) read->csv_pending->len), len };
  const char *s = data ? data : "";

  /* A record may end in a later block than its first fields: they wait
   * here until it does. */
  for (size_t i = 0; i < len; i++)
    if (s[i] == '\n')
      read->csv_embedded++;
  g_byte_array_append (read->csv_pending, (const guint8 *) s, (guint) len);
  g_array_append_val (read->csv_pending_fields, at);
  read->csv_n_fields++;
}

static void
csv_record (int   term,
            void *user_data)
{
  Read *read = user_data;
  Worker *w = read->csv_worker;
  guint n = read->csv_n_fields;

  read->csv_n_fields = 0;
  /* CSV_REPALL_NL reports the LF of a CRLF as an empty record of its own. */
  if (n == 0 && term == '\n' && read->csv_last_term == '\r')
    {
      read->csv_last_term = term;
      return;
    }
  read->csv_last_term = term;
  if (n > 0)
    {
      Record rec = { w->record_fields->len, n, read->csv_lines };
      gsize base = w->record_data->len;

      for (guint i = 0; i < n; i++)
        {
          Field at = g_array_index (read->csv_pending_fields, Field, i);

          at.p = GSIZE_TO_POINTER (GPOINTER_TO_SIZE (at.p) + base);
          g_array_append_val (w->record_fields, at);
        }
      g_byte_array_append (w->record_data, read->csv_pending->data, read->csv_pending->len);
      g_array_append_val (w->records, rec);
    }
  g_byte_array_set_size (read->csv_pending, 0);
  g_array_set_size (read->csv_pending_fields, 0);
  read->csv_lines += 1 + read->csv_embedded;
  read->csv_embedded = 0;
}

static gpointer work (gpointer data);

/* Hands the worker its next block, or FALSE when there is none; lock held. */
static gboolean
next_block (Read   *read,
            Worker *w)
{
  for (;;)
    {
      GByteArray *buf = w->buffer;
      g_autoptr(GError) error = NULL;
      gsize got = 0;
      BlockInfo info;

      if (read->stop || g_cancellable_is_cancelled (read->cancellable))
        return FALSE;
      if (read->stream == NULL)
        {
          if (read->file >= read->n_files || !open_next (read))
            return FALSE;
        }

      g_byte_array_set_size (buf, 0);
      g_byte_array_append (buf, read->carry->data, read->carry->len);
      g_byte_array_set_size (read->carry, 0);
      if (!read->eof)
        {
          guint before = buf->len;

          g_byte_array_set_size (buf, before + read->read_size);
          if (!g_input_stream_read_all (read->stream, buf->data + before, read->read_size, &got,
                                        read->cancellable, &error))
            {
              set_io_error (read, read_failure (read, g_steal_pointer (&error)));
              return FALSE;
            }
          g_byte_array_set_size (buf, before + (guint) got);
          if (got < read->read_size)
            read->eof = TRUE;
          if (read->progress)
            atomic_fetch_add (&read->progress->bytes, got);
        }

      if (!read->header_done)
        {
          if (!start_file (read, buf))
            {
              if (read->stop)
                return FALSE;
              /* More is needed for the header. */
              if (buf->len > BLOCK_SIZE)
                {
                  ReadError *e = new_error (read->next_seq, read->file, 1,
                                            HUB_LOG_ERROR_FIELD_TOO_LONG, -1, NULL, 0);

                  e->absolute = TRUE;
                  keep_error (read, e);
                  return FALSE;
                }
              g_byte_array_append (read->carry, buf->data, buf->len);
              continue;
            }
        }

      if (!read->is_json && !read->through_csv
          && (read->csv_only || memchr (buf->data, '"', buf->len) != NULL))
        {
          read->through_csv = TRUE;
          csv_init (&read->csv, CSV_REPALL_NL);
          read->csv_ready = TRUE;
          read->csv_lines = 0;
          read->csv_embedded = 0;
          read->csv_n_fields = 0;
          read->csv_last_term = 0;
          g_byte_array_set_size (read->csv_pending, 0);
          g_array_set_size (read->csv_pending_fields, 0);
        }

      w->seq = read->next_seq;
      w->file = read->file;
      w->is_json = read->is_json;
      w->old_format = read->old_format;
      w->aggregate = read->aggregate;
      memcpy (w->columns, read->columns, sizeof w->columns);
      w->n_needed = read->n_needed;
      w->role_at = read->role_at;
      w->lines = 0;

      if (read->through_csv)
        {
          guint64 start = read->csv_lines;

          w->has_records = TRUE;
          g_byte_array_set_size (w->record_data, 0);
          g_array_set_size (w->record_fields, 0);
          g_array_set_size (w->records, 0);
          read->csv_worker = w;
          if (csv_parse (&read->csv, buf->data, buf->len, csv_field, csv_record, read) != buf->len)
            {
              set_io_error (read, g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_READ,
                                               _("%s could not be read: %s"), read->names[read->file],
                                               csv_strerror (csv_error (&read->csv))));
              return FALSE;
            }
          if (read->eof)
            csv_fini (&read->csv, csv_field, csv_record, read);
          else if (read->csv.entry_pos > BLOCK_SIZE)
            {
              ReadError *e = new_error (read->next_seq, read->file, (gint64) read->csv_lines,
                                        HUB_LOG_ERROR_FIELD_TOO_LONG, -1, NULL, 0);

              keep_error (read, e);
              return FALSE;
            }
          /* Record lines count from the first record ending in this block. */
          for (guint r = 0; r < w->records->len; r++)
            g_array_index (w->records, Record, r).line -= start;
          w->lines = read->csv_lines - start;
        }
      else
        {
          w->has_records = FALSE;
          if (!read->eof)
            {
              guint8 *nl = buf->data + buf->len;

              while (nl > buf->data && nl[-1] != '\n')
                nl--;
              nl = nl > buf->data ? nl - 1 : NULL;
              if (nl == NULL)
                {
                  if (buf->len > BLOCK_SIZE)
                    {
                      keep_error (read, new_error (read->next_seq, read->file, 0,
                                                   HUB_LOG_ERROR_FIELD_TOO_LONG, -1, NULL, 0));
                      return FALSE;
                    }
                  g_byte_array_append (read->carry, buf->data, buf->len);
                  continue;
                }
              g_byte_array_append (read->carry, nl + 1, (guint) (buf->data + buf->len - nl - 1));
              g_byte_array_set_size (buf, (guint) (nl + 1 - buf->data));
            }
        }

      info.file = read->file;
      info.lines = w->lines;
      g_array_append_val (read->blocks, info);
      read->next_seq++;
      if (read->helper_thread == NULL && !read->eof)
        read->helper_thread = g_thread_new ("hub-log-reader", work, read->helper);
      read->read_size = MIN (read->read_size * 2, BLOCK_SIZE);
      if (read->eof)
        close_current (read);
      return TRUE;
    }
}

static void
take_turn (Worker *w)
{
  Read *read = w->read;
  gboolean flush = FALSE;
  gboolean disorder;

  /* Sessions need the blocks in order: each waits for the one before. */
  g_mutex_lock (&read->turn_lock);
  while (read->turn != w->seq)
    g_cond_wait (&read->turn_changed, &read->turn_lock);

  if (w->error != NULL)
    ;
  else if (read->collect)
    {
      for (guint i = 0; i < w->events->len; i++)
        g_array_index (w->events, LogEvent, i).seq = read->all_events->len + i;
      g_array_append_vals (read->all_events, w->events->data, w->events->len);
    }
  else if (!read->disorder)
    {
      for (guint i = 0; i < w->events->len; i++)
        {
          LogEvent *e = &g_array_index (w->events, LogEvent, i);

          if (tracker_add (&read->tracker, e, &read->disorder))
            g_array_index (w->store->cells, LogCell, e->cell).sessions++;
        }
      flush = w->store->cells->len > FLUSH_CELLS
              || w->store->repo_days->len + w->store->country_days->len > FLUSH_SKETCHES;
    }
  disorder = read->disorder;
  g_array_set_size (w->events, 0);
  read->turn++;
  g_cond_broadcast (&read->turn_changed);
  g_mutex_unlock (&read->turn_lock);

  g_mutex_lock (&read->lock);
  if (!w->has_records)
    g_array_index (read->blocks, BlockInfo, w->seq).lines = w->lines;
  if (w->error != NULL)
    keep_error (read, g_steal_pointer (&w->error));
  if (disorder)
    read->stop = TRUE;
  g_mutex_unlock (&read->lock);

  /* Apart from the reading and the turns, so that the other thread reads on. */
  if (flush)
    {
      g_mutex_lock (&read->result_lock);
      log_store_merge (read->result, w->store);
      g_mutex_unlock (&read->result_lock);
      log_store_clear_lines (w->store);
      memset (w->country_day_cache, 0, sizeof w->country_day_cache);
    }
}

static gpointer
work (gpointer data)
{
  Worker *w = data;
  Read *read = w->read;

  for (;;)
    {
      gboolean got;

      g_mutex_lock (&read->lock);
      got = next_block (read, w);
      g_mutex_unlock (&read->lock);
      if (!got)
        break;
      if (w->has_records)
        handle_records (w);
      else if (w->is_json)
        handle_json_lines (w);
      else
        handle_csv_lines (w);
      take_turn (w);
    }
  return NULL;
}

static Worker *
worker_new (Read  *read,
            guint  id)
{
  Worker *w = g_new0 (Worker, 1);

  w->read = read;
  w->id = id;
  w->store = hub_log_store_new ();
  w->events = g_array_new (FALSE, FALSE, sizeof (LogEvent));
  w->buffer = g_byte_array_new ();
  w->record_data = g_byte_array_new ();
  w->record_fields = g_array_new (FALSE, FALSE, sizeof (Field));
  w->records = g_array_new (FALSE, FALSE, sizeof (Record));
  w->key = g_string_sized_new (256);
  w->json = json_parser_new ();
  return w;
}

static void
worker_free (Worker *w)
{
  hub_log_store_free (w->store);
  g_array_unref (w->events);
  g_byte_array_unref (w->buffer);
  g_byte_array_unref (w->record_data);
  g_array_unref (w->record_fields);
  g_array_unref (w->records);
  g_string_free (w->key, TRUE);
  g_object_unref (w->json);
  read_error_free (w->error);
  g_free (w);
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
static void
count_collected (Read    *read,
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
        g_array_index (workers[e->worker]->store->cells, LogCell, e->cell).sessions++;

      if (i + 1 == events->len || e[1].identity != e->identity || e[1].repo != e->repo)
        {
          LogOpenSession o = { e->identity, e->repo, e->ms };

          if (e->ms >= horizon - HUB_LOG_SESSION_GAP_MS)
            g_array_append_val (open_sessions, o);
        }
    }
  read->tracker.horizon = horizon;
}

/* One pass over every file; FALSE on error, or with read->disorder. */
static gboolean
read_all (Read         *read,
          HubLogStore  *store,
          GError      **error)
{
  Worker *workers[N_WORKERS];
  g_autoptr(GArray) open_sessions = g_array_new (FALSE, FALSE, sizeof (LogOpenSession));
  gboolean ok;

  for (guint i = 0; i < N_WORKERS; i++)
    workers[i] = worker_new (read, i);
  read->result = store;
  tracker_init (&read->tracker, store->open_sessions, store->horizon_ms);
  if (read->collect)
    for (guint i = 0; i < store->open_sessions->len; i++)
      {
        LogOpenSession *o = &g_array_index (store->open_sessions, LogOpenSession, i);
        LogEvent e = { o->identity, o->repo, o->last_ms, 0, NO_CELL, 0 };

        g_array_append_val (read->all_events, e);
      }

  read->helper = workers[1];
  work (workers[0]);
  if (read->helper_thread != NULL)
    g_thread_join (g_steal_pointer (&read->helper_thread));

  if (read->csv_ready)
    {
      csv_free (&read->csv);
      read->csv_ready = FALSE;
    }
  g_clear_object (&read->stream);

  /* Unordered input is read again whole, which finds any error again. */
  if (read->disorder)
    ok = FALSE;
  else if (read->error != NULL)
    {
      g_propagate_error (error, make_error (read, read->error));
      ok = FALSE;
    }
  else if (read->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read->io_error));
      ok = FALSE;
    }
  else
    ok = !g_cancellable_set_error_if_cancelled (read->cancellable, error);

  if (ok)
    {
      if (read->collect)
        count_collected (read, workers, open_sessions);
      else
        tracker_open_sessions (&read->tracker, open_sessions);
      for (guint i = 0; i < N_WORKERS; i++)
        log_store_merge (store, workers[i]->store);
      store->horizon_ms = MAX (store->horizon_ms, read->tracker.horizon);
      g_array_set_size (store->open_sessions, 0);
      g_array_append_vals (store->open_sessions, open_sessions->data, open_sessions->len);
    }

  for (guint i = 0; i < N_WORKERS; i++)
    worker_free (workers[i]);
  g_free (read->tracker.slots);
  return ok;
}

static void
read_reset (Read *read)
{
  read->next_seq = 0;
  read->turn = 0;
  read->file = 0;
  read->stop = FALSE;
  read->disorder = FALSE;
  g_array_set_size (read->blocks, 0);
  g_array_set_size (read->first_lines, 0);
  g_array_set_size (read->all_events, 0);
  g_byte_array_set_size (read->carry, 0);
  g_clear_pointer (&read->error, read_error_free);
  g_clear_error (&read->io_error);
  memset (&read->tracker, 0, sizeof read->tracker);
}

gboolean
hub_log_store_add_files (HubLogStore          *store,
                         GFile               **files,
                         const char * const   *names,
                         guint                 n_files,
                         const HubLogOptions  *options,
                         HubProgress          *progress,
                         GCancellable         *cancellable,
                         GError              **error)
{
  return log_store_add_files_full (store, files, names, n_files, options, FALSE, progress,
                                   cancellable, error);
}

/* through_csv sends every CSV line through libcsv, for the tests and the
 * fuzzer to compare both paths. */
gboolean
log_store_add_files_full (HubLogStore          *store,
                          GFile               **files,
                          const char * const   *names,
                          guint                 n_files,
                          const HubLogOptions  *options,
                          gboolean              through_csv,
                          HubProgress          *progress,
                          GCancellable         *cancellable,
                          GError              **error)
{
  static const HubLogOptions defaults = { NULL, FALSE, FALSE };
  g_autoptr(HubLogStore) added = NULL;
  g_autoptr(GHashTable) team = NULL;
  Read read = { 0 };
  gboolean ok;

  if (options == NULL)
    options = &defaults;
  if (options->team_ids != NULL)
    {
      team = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; options->team_ids[i] != NULL; i++)
        {
          gint64 *h = g_new (gint64, 1);

          *h = (gint64) hub_identity_hash (options->team_ids[i], strlen (options->team_ids[i]));
          g_hash_table_add (team, h);
        }
    }

  read.files = files;
  read.names = names;
  read.n_files = n_files;
  read.options = options;
  read.team = team;
  read.progress = progress;
  read.cancellable = cancellable;
  read.collect = options->single_pass;
  read.csv_only = through_csv;
  g_mutex_init (&read.lock);
  g_mutex_init (&read.turn_lock);
  g_mutex_init (&read.result_lock);
  g_cond_init (&read.turn_changed);
  read.blocks = g_array_new (FALSE, FALSE, sizeof (BlockInfo));
  read.first_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  read.all_events = g_array_new (FALSE, FALSE, sizeof (LogEvent));
  read.carry = g_byte_array_new ();
  read.role_ats = g_ptr_array_new_with_free_func (g_free);
  read.csv_pending = g_byte_array_new ();
  read.csv_pending_fields = g_array_new (FALSE, FALSE, sizeof (Field));

  /* Into a copy of the open sessions, so that a refused input leaves the
   * store as it was. */
  for (;;)
    {
      added = hub_log_store_new ();
      g_array_append_vals (added->open_sessions, store->open_sessions->data,
                           store->open_sessions->len);
      added->horizon_ms = store->horizon_ms;
      read_reset (&read);
      ok = read_all (&read, added, error);
      if (ok || !read.disorder || read.collect)
        break;
      /* Out of order: again, with every line's session key kept. */
      g_clear_pointer (&added, hub_log_store_free);
      read.collect = TRUE;
    }

  if (ok && log_store_is_empty (store))
    log_store_swap (store, added);
  else if (ok)
    {
      log_store_merge (store, added);
      g_array_set_size (store->open_sessions, 0);
      g_array_append_vals (store->open_sessions, added->open_sessions->data,
                           added->open_sessions->len);
    }

  read_reset (&read);
  g_array_unref (read.blocks);
  g_array_unref (read.first_lines);
  g_array_unref (read.all_events);
  g_byte_array_unref (read.carry);
  g_ptr_array_unref (read.role_ats);
  g_byte_array_unref (read.csv_pending);
  g_array_unref (read.csv_pending_fields);
  g_mutex_clear (&read.lock);
  g_mutex_clear (&read.turn_lock);
  g_mutex_clear (&read.result_lock);
  g_cond_clear (&read.turn_changed);
  return ok;
}
