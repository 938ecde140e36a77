/* hub-log.h: request logs read into small, mergeable per-day aggregates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-date.h"
#include "hub-hll.h"
#include "hub-parser.h"

G_BEGIN_DECLS

#define HUB_LOG_ERROR (hub_log_error_quark ())

typedef enum
{
  HUB_LOG_ERROR_EMPTY,            /* no header, no lines */
  HUB_LOG_ERROR_NOT_LOGS,         /* a web page or another kind of file */
  HUB_LOG_ERROR_MISSING_COLUMN,
  HUB_LOG_ERROR_SHORT_ROW,
  HUB_LOG_ERROR_EMPTY_FIELD,      /* an empty repoName or repoType */
  HUB_LOG_ERROR_BAD_STATUS,
  HUB_LOG_ERROR_BAD_DATE,
  HUB_LOG_ERROR_NOT_TEXT,
  HUB_LOG_ERROR_FIELD_TOO_LONG,
  HUB_LOG_ERROR_BAD_JSON,
  HUB_LOG_ERROR_READ,             /* the file could not be read, or was cut */
  HUB_LOG_ERROR_BAD_AGGREGATE,    /* a saved aggregate that is damaged */
  HUB_LOG_ERROR_BAD_COUNT,        /* in an aggregate CSV */
  HUB_LOG_ERROR_BAD_SKETCH,       /* in an aggregate CSV */
  HUB_LOG_ERROR_CHANGED,          /* a file cut shorter while it was read */
} HubLogError;

/* Request classes, by status first, then method: they sum to the requests. */
typedef enum
{
  HUB_LOG_CLASS_DOWNLOAD,
  HUB_LOG_CLASS_PARTIAL,
  HUB_LOG_CLASS_PROBE,
  HUB_LOG_CLASS_REDIRECT,
  HUB_LOG_CLASS_REVALIDATION,
  HUB_LOG_CLASS_ERROR,
  HUB_LOG_CLASS_OTHER,
  HUB_LOG_N_CLASSES
} HubLogClass;

/* Two sessions of one identity and repository are one when the gap between
 * their lines is at most this. */
#define HUB_LOG_SESSION_GAP_MS 300000

typedef struct
{
  /* Hashed ids marked as the organisation's own (hashed as any identity). */
  const char * const *team_ids;
  /* Leave team traffic (those ids, and isInternal lines) out of every figure. */
  gboolean            exclude_team;
  /* Read each input once, whatever its order: for inputs that cannot be
   * opened again, such as a pipe. Memory then follows the lines. */
  gboolean            single_pass;
  /* Keep only what the whole span of days read adds up to, as
   * `--logs-summary` prints it: no day's own figures, top identities or
   * regions. Lines are counted into one cell per repository, country, method
   * and status, which takes less memory and time; the store then answers
   * only for a range that holds all its days. */
  gboolean            whole_span;
} HubLogOptions;

/* What a range of days holds, for the whole source or a part of it. */
typedef struct
{
  guint64 requests;
  guint64 sessions;
  guint64 users;
  guint64 anonymous_ips;
  guint64 uniques;
  guint64 classes[HUB_LOG_N_CLASSES];
} HubLogFigures;

/* Which lines a query looks at: a repository and a country by index, or -1
 * for all. */
typedef struct
{
  int repo;
  int country;
} HubLogFilter;

#define HUB_LOG_FILTER_ALL ((HubLogFilter) { -1, -1 })

typedef struct _HubLogStore HubLogStore;

GQuark        hub_log_error_quark        (void);

const char   *hub_log_class_name         (HubLogClass    klass);
HubLogClass   hub_log_classify           (guint          status,
                                          const char    *method);

HubLogStore  *hub_log_store_new          (void);
void          hub_log_store_free         (HubLogStore   *store);

gboolean      hub_log_store_add_files    (HubLogStore          *store,
                                          GFile               **files,
                                          const char * const   *names,
                                          guint                 n_files,
                                          const HubLogOptions  *options,
                                          HubProgress          *progress,
                                          GCancellable         *cancellable,
                                          GError              **error);

gboolean      hub_log_store_save         (HubLogStore   *store,
                                          const char    *path,
                                          GError       **error);
HubLogStore  *hub_log_store_load         (const char    *path,
                                          GError       **error);

/* Days, repositories, countries, methods, statuses: what the store holds. */
gboolean      hub_log_store_get_days     (HubLogStore   *store,
                                          HubDay        *first,
                                          HubDay        *last);
guint         hub_log_store_get_n_repos  (HubLogStore   *store);
void          hub_log_store_get_repo     (HubLogStore   *store,
                                          guint          repo,
                                          const char   **type,
                                          const char   **name);
guint         hub_log_store_get_n_countries (HubLogStore *store);
const char   *hub_log_store_get_country  (HubLogStore   *store,
                                          guint          country);
guint         hub_log_store_get_n_methods (HubLogStore  *store);
const char   *hub_log_store_get_method   (HubLogStore   *store,
                                          guint          method);
guint64       hub_log_store_get_team_requests (HubLogStore *store);

/* Figures over days first … last (inclusive): uniques are unions of the
 * days' sketches, never sums. */
void          hub_log_store_figures      (HubLogStore   *store,
                                          HubLogFilter   filter,
                                          HubDay         first,
                                          HubDay         last,
                                          HubLogFigures *figures);
/* One HubLogFigures a day, first … last, into series[last - first + 1]. */
void          hub_log_store_daily        (HubLogStore   *store,
                                          HubLogFilter   filter,
                                          HubDay         first,
                                          HubDay         last,
                                          HubLogFigures *series);
/* Figures over days first … last for every repository (figures[n_repos])
 * or every country (figures[n_countries]), in one pass. */
void          hub_log_store_by_repo      (HubLogStore   *store,
                                          HubDay         first,
                                          HubDay         last,
                                          HubLogFigures *figures);
void          hub_log_store_by_country   (HubLogStore   *store,
                                          HubDay         first,
                                          HubDay         last,
                                          HubLogFigures *figures);
/* Requests by method and by status (0: none) over days first … last. */
GHashTable   *hub_log_store_requests_by_method (HubLogStore *store,
                                                HubDay       first,
                                                HubDay       last);
GHashTable   *hub_log_store_requests_by_status (HubLogStore *store,
                                                HubDay       first,
                                                HubDay       last);

char         *hub_log_summary_to_json    (HubLogStore   *store);

/* Who makes the requests: the identities with the most requests, kept a
 * day at a time in a small summary of fixed size (Misra–Gries, the
 * frequent-items summary: HUB_LOG_TOP_SLOTS identities a day). Over a range
 * of days an identity's true requests lie between requests and requests +
 * requests_error, and requests_error is at most the range's requests
 * divided by HUB_LOG_TOP_SLOTS / 2; it is 0, and the figures exact, while
 * no day has had more identities than the summary holds. Every line with
 * an identity counts, errors and team traffic included, so that marked
 * identities stay in sight to be unmarked. */
#define HUB_LOG_TOP_SLOTS 128

typedef struct
{
  char     *id;              /* the hash as 16 hexadecimal digits: what a team list takes */
  char     *short_id;        /* its first 8 digits and an ellipsis, for display */
  guint64   hash;            /* as hub_identity_hash() makes it */
  guint64   requests;        /* at least this many */
  guint64   requests_error;  /* and at most this many more */
  guint64   sessions;        /* sessions begun while among its days' top: at least this many */
  gboolean  is_user;         /* a hashedUserId; else only a hashedIp */
  gboolean  team;            /* on the team list, or an isInternal line */
} HubLogIdentity;

#define HUB_TYPE_LOG_IDENTITY (hub_log_identity_get_type ())

GType           hub_log_identity_get_type (void) G_GNUC_CONST;
HubLogIdentity *hub_log_identity_copy     (const HubLogIdentity *identity);
void            hub_log_identity_free     (HubLogIdentity       *identity);
/* Whether id, an entry of a team list as the user wrote it, is this
 * identity: for taking it off the list. */
gboolean        hub_log_identity_matches  (const HubLogIdentity *identity,
                                           const char           *id);

/* The identities with the most requests over days first … last, most
 * first (ties by hash), at most max of them: HubLogIdentity. */
GPtrArray      *hub_log_store_top_identities (HubLogStore *store,
                                              HubDay       first,
                                              HubDay       last,
                                              guint        max);
/* Marks these ids (as HubLogOptions.team_ids takes them) as the team's in
 * the top identities at once. The figures leave them out only once the
 * logs are read again with the same list. */
void            hub_log_store_set_team_ids   (HubLogStore        *store,
                                              const char * const *team_ids);

/* Where inside a country: requests and sessions by region (free text, as
 * the logs write it). Lines without a region count for none; an aggregate
 * without a region column has none. */
typedef struct
{
  char    *region;
  guint64  requests;
  guint64  sessions;
} HubLogRegion;

#define HUB_TYPE_LOG_REGION (hub_log_region_get_type ())

GType         hub_log_region_get_type    (void) G_GNUC_CONST;
HubLogRegion *hub_log_region_copy        (const HubLogRegion *region);
void          hub_log_region_free        (HubLogRegion       *region);

/* The regions of a country (by index, as hub_log_store_get_country())
 * over days first … last, most requests first (ties by name):
 * HubLogRegion. */
GPtrArray    *hub_log_store_regions      (HubLogStore   *store,
                                          HubDay         first,
                                          HubDay         last,
                                          guint          country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubLogStore, hub_log_store_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubLogIdentity, hub_log_identity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubLogRegion, hub_log_region_free)

G_END_DECLS
