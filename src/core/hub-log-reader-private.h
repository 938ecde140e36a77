/* hub-log-reader-private.h: the request-log reader's insides, shared by its
 * input, its line formats, its sessions and its threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <csv.h>
#include <json-glib/json-glib.h>

#include "hub-log-private.h"

G_BEGIN_DECLS

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

extern const char * const log_column_names[N_COLS];

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
  guint32 region_cell;   /* in the worker's store, or NO_CELL */
} LogEvent;

typedef struct
{
  guint64 identity;
  guint64 repo;
  gint64  last_ms;   /* G_MININT64: an empty slot */
} TrackSlot;

/* A person lately added to a day's sketch: the sketch's index in its
 * array and which of the four kinds of sketch (repository or country,
 * users or anonymous addresses), + 1; 0 for an empty slot. */
typedef struct
{
  guint64 hash;
  guint32 sketch;
  guint32 kind;
} LogRecentAdd;

#define RECENT_ADDS 4096

/* A repository lately read, with its text: found again without the store's
 * index and strings, which are larger than the cache. */
typedef struct
{
  guint64 hash;
  guint32 repo;
  guint8  type_len;      /* 0 for an empty slot */
  guint8  name_len;
  char    type[10];
  char    name[40];
} LogRecentRepo;

#define RECENT_REPOS 256

/* A text of up to 8 bytes lately seen (a method, a repository type) by its
 * bytes as one number (log_short_text()), with what it stands for. */
typedef struct
{
  guint64 text;
  guint64 value;
  guint8  len;          /* RECENT_TEXT_NONE for an empty slot */
} LogRecentText;

#define RECENT_TEXTS 4
#define RECENT_TEXT_NONE G_MAXUINT8

typedef struct
{
  TrackSlot *slots;
  TrackSlot *spare;      /* the slots before the last sweep, of spare_capacity */
  guint32    spare_capacity;
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
  guint32  region;       /* NO_CELL: none */
  guint32  method;
  guint32  status;
  guint32  cell_hash;
  gboolean counted;      /* FALSE: team traffic left out */
  gboolean identified;   /* a user id or an address */
  gboolean person;       /* not an error, and an identity */
  gboolean is_user;
  gboolean internal;     /* isInternal */
} LogLine;

/* Where a line was counted: its cell, and its sketches' places. */
typedef struct
{
  guint32       cell;
  guint32       repo_day;
  guint32       country_day;
  guint32       region_cell;
  /* Where the person is remembered as added lately to each sketch. */
  LogRecentAdd *recent_repo;
  LogRecentAdd *recent_country;
} LogPlace;

/* A block whose lines are added up, waiting for its turn at the sessions. */
typedef struct
{
  guint64      seq;
  guint64      lines;
  gboolean     has_records;
  GArray      *events;       /* LogEvent: the block's n_events first */
  guint        n_events;
} HeldBlock;

typedef struct
{
  Read        *read;
  guint        id;
  HubLogStore *store;
  GArray      *events;       /* LogEvent: the block's n_events first, then room */
  guint        n_events;
  GArray      *spare_events; /* for the next block while one is held; NULL meanwhile */
  HeldBlock    held;         /* a block held past its turn; events NULL for none */
  GByteArray  *buffer;
  /* A block: whole lines in buffer, or records from libcsv. */
  guint64      seq;
  guint        file;
  gboolean     is_json;
  gboolean     old_format;
  gboolean     aggregate;
  gboolean     whole;        /* HubLogOptions.whole_span */
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
  char         minute_text[17];          /* the last "YYYY-MM-DDTHH:MM:" read */
  gboolean     have_minute;
  gint64       minute_ms;
  guint32      country_cache[26 * 26];   /* country + 1, by its two letters */
  LogRecentText recent_methods[RECENT_TEXTS];   /* methods, as their index in the store */
  LogLine      pending[16];              /* read, not yet added up */
  LogRecentText recent_types[RECENT_TEXTS];     /* repository types, as their hash */
  guint64      type_seed;                /* the line's repoType's hash */
  LogRecentRepo recent_repos[RECENT_REPOS];
  /* The people added to sketches lately, by identity and sketch: the same
   * identity in the same sketch again changes nothing, and people come in
   * bursts (a HEAD, a redirect, a GET). Emptied when the sketches go. */
  LogRecentAdd recent_adds[RECENT_ADDS];
  guint        n_pending;
  GArray      *country_day_cache;        /* LogDayCache by country, the last day seen */
  GArray      *repo_day_cache;           /* LogDayCache by repository, the last day seen */
  guint32      region_cache[64];         /* region + 1, by a hash of its text */
  struct
  {
    HubDay     day;
    guint32    country;
    guint32    region;
    guint32    cell;                     /* + 1; 0 for none */
  }            region_cell_cache[256];   /* by country and region */
  HubDay       day;
  GString     *key;
  char         numbers[N_COLS][24];
  JsonParser  *json;
  ReadError   *error;
} Worker;

typedef struct
{
  HubDay  day;
  guint32 sketches;    /* + 1; 0 for none */
} LogDayCache;

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
  int                  fd;            /* a plain file's, for pread; -1 otherwise */
  goffset              offset;        /* of the next byte to read, in the file */
  goffset              size;          /* a plain file's, when it was opened */
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

/* Errors (hub-log-errors.c) */
void       log_read_error_free  (ReadError   *error);
void       log_keep_error       (Read        *read,
                                 ReadError   *error);
ReadError *log_new_error        (guint64      seq,
                                 guint        file,
                                 gint64       line,
                                 HubLogError  code,
                                 int          column,
                                 const char  *value,
                                 gsize        len);
GError    *log_make_error       (Read        *read,
                                 ReadError   *e);
void       log_fail             (Worker      *w,
                                 guint64      line,
                                 HubLogError  code,
                                 int          column,
                                 const char  *value,
                                 gsize        len);

/* Sessions (hub-log-sessions.c) */
void       log_tracker_init     (Tracker        *t,
                                 GArray         *open_sessions,
                                 gint64          horizon);
gboolean   log_tracker_add      (Tracker        *t,
                                 const LogEvent *e,
                                 gboolean       *disorder);
void       log_tracker_open_sessions (Tracker   *t,
                                      GArray    *out);
void       log_count_session    (HubLogStore    *store,
                                 const LogEvent *e);
void       log_count_collected  (Read           *read,
                                 Worker        **workers,
                                 GArray         *open_sessions);

/* One line's fields (hub-log-lines.c) */
gboolean   log_parse_time       (Worker      *w,
                                 const char  *p,
                                 gsize        len,
                                 gint64      *out_ms);
gboolean   log_check_key        (Worker      *w,
                                 Field       *f,
                                 gboolean     with_status,
                                 guint32     *status,
                                 guint64      line);
gint64     log_intern_repo      (Worker      *w,
                                 Field        type,
                                 Field        name,
                                 guint64      hash,
                                 guint64      line);
/* The slow paths of log_intern_place(): a country, a region and a method
 * not among the worker's recent ones. */
gint64     log_intern_country   (Worker      *w,
                                 Field        f,
                                 guint64      line);
gint64     log_intern_region    (Worker      *w,
                                 Field        f,
                                 guint64      line);
gint64     log_intern_method    (Worker      *w,
                                 Field        f,
                                 int          column,
                                 guint64      line);
gboolean   log_prepare_line     (Worker      *w,
                                 Field       *f,
                                 gboolean     old_format,
                                 guint64      line,
                                 LogLine     *out);
void       log_apply_pending    (Worker      *w);
gboolean   log_handle_fields    (Worker      *w,
                                 Field       *f,
                                 gboolean     old_format,
                                 guint64      line);

/* The formats */
gboolean   log_handle_aggregate_fields (Worker  *w,
                                        Field   *f,
                                        guint64  line);
gboolean   log_short_row        (Worker      *w,
                                 guint        n,
                                 guint64      line);
void       log_handle_csv_lines (Worker      *w);
void       log_handle_json_lines (Worker     *w);
void       log_handle_records   (Worker      *w);
void       log_libcsv_start     (Read        *read);
gboolean   log_libcsv_block     (Read        *read,
                                 Worker      *w,
                                 GByteArray  *buf);

/* Input (hub-log-input.c) and the threads (hub-log-reader.c) */
void       log_set_io_error     (Read        *read,
                                 GError      *error);
gboolean   log_next_block       (Read        *read,
                                 Worker      *w);
void       log_close_current    (Read        *read);
gpointer   log_work             (gpointer     data);

/* The place of a two-letter country, of either case, in a worker's
 * country_cache; -1 for any other. */
static inline int
log_country_slot (const char *p,
                  gsize       len)
{
  /* A letter of either case: (c | 0x20) from 'a' to 'z'. */
  if (len == 2 && (guint) ((p[0] | 0x20) - 'a') < 26 && (guint) ((p[1] | 0x20) - 'a') < 26)
    return ((p[0] | 0x20) - 'a') * 26 + ((p[1] | 0x20) - 'a');
  return -1;
}

/* A text of up to 8 bytes as a number, its first byte lowest. */
static inline guint64
log_short_text (Field f)
{
  guint64 text = 0;

  for (gsize k = 0; k < f.len; k++)
    text |= (guint64) (guchar) f.p[k] << (8 * k);
  return text;
}

/* Whether f is among the recent texts; what it stands for then in *value. */
static inline gboolean
log_recent_find (const LogRecentText *recent,
                 Field                f,
                 guint64             *value)
{
  guint64 text;

  if (f.len > sizeof text)
    return FALSE;
  text = log_short_text (f);
  for (guint i = 0; i < RECENT_TEXTS; i++)
    if (recent[i].text == text && recent[i].len == f.len)
      {
        *value = recent[i].value;
        return TRUE;
      }
  return FALSE;
}

/* f first among the recent texts, standing for value; a longer one is not
 * kept. */
static inline void
log_recent_add (LogRecentText *recent,
                Field          f,
                guint64        value)
{
  if (f.len > sizeof (guint64))
    return;
  memmove (recent + 1, recent, (RECENT_TEXTS - 1) * sizeof *recent);
  recent[0] = (LogRecentText) { log_short_text (f), value, (guint8) f.len };
}

/* Whether f is ASCII without a NUL: text, as g_utf8_validate_len() takes
 * it, without a call. */
static inline gboolean
log_is_plain_text (Field f)
{
  guchar bytes = 0;
  gboolean nul = FALSE;

  for (gsize k = 0; k < f.len; k++)
    {
      bytes |= (guchar) f.p[k];
      nul |= f.p[k] == '\0';
    }
  return bytes < 0x80 && !nul;
}

/* A line's or a row's country, region (NO_CELL: none) and method, its
 * method from the given column; FALSE, with the error kept, when one is
 * refused. Inline, with the worker's recent ones found here: the lines'
 * parser calls it for every line. A store of the whole span keeps no
 * regions: a region of plain ASCII text needs no more check. */
G_ALWAYS_INLINE static inline gboolean
log_intern_place (Worker  *w,
                  Field   *f,
                  int      method_column,
                  guint64  line,
                  guint32 *country,
                  guint32 *region,
                  guint32 *method)
{
  Field mf = f[method_column];
  int slot = log_country_slot (f[COL_COUNTRY].p, f[COL_COUNTRY].len);
  gint64 c, r;
  guint64 m;

  if (slot >= 0 && G_LIKELY (w->country_cache[slot] != 0))
    c = w->country_cache[slot] - 1;
  else if ((c = log_intern_country (w, f[COL_COUNTRY], line)) < 0)
    return FALSE;
  r = f[COL_REGION].len == 0 || (w->whole && log_is_plain_text (f[COL_REGION]))
      ? NO_CELL : log_intern_region (w, f[COL_REGION], line);
  if (r < 0)
    return FALSE;
  if (!log_recent_find (w->recent_methods, mf, &m))
    {
      gint64 found = log_intern_method (w, mf, method_column, line);

      if (found < 0)
        return FALSE;
      m = (guint64) found;
    }
  *country = (guint32) c;
  *region = (guint32) r;
  *method = (guint32) m;
  return TRUE;
}

G_END_DECLS
