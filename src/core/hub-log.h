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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubLogStore, hub_log_store_free)

G_END_DECLS
