/* hub-history.h: the snapshots the Hub does not keep, in a local SQLite database
 *
 * For the window, on the main thread:
 *
 *   history = hub_history_open (NULL, &error);            → the app's data folder
 *   client = hub_client_new (endpoint, token_or_NULL);
 *   hub_history_take_snapshot_async (history, client, name, hub_history_today (),
 *                                    &progress, cancellable, …)
 *     → the listings (HubRepoInfo) for the public view's table; saved only
 *       when every page arrived; on failure, _finish's partial has what came
 *   hub_history_load_author_async (history, endpoint, name, …)
 *     → HubRepoHistory per repository; hub_estimate_to_dataset() makes the
 *       dataset for the cards, table and charts (every daily figure an
 *       estimate), hub_estimate_daily() one repository's days and decreases
 *   hub_history_load_latest ()      → the last snapshot, as listings
 *   hub_history_list_authors ()     → the source switcher; _set_followed ()
 *   hub_import_preview_folder ()    → the import dialog's preview (src/core),
 *   hub_history_import ()           → then its write
 *   hub_estimate_export ()          → Export of the history (src/core)
 *   hub_history_add_note (), _list_notes (), _remove_note ()
 *                                   → notes on the timeline, per source
 *
 * The synchronous calls may run in any thread, one at a time per object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-client.h"
#include "hub-estimate.h"
#include "hub-repo-info.h"
#include "hub-snapshot-import.h"

G_BEGIN_DECLS

#define HUB_HISTORY_ERROR (hub_history_error_quark ())

/* Every message is translated, names the database's file and says what to
 * do; whatever failed, the snapshots saved before are still there. */
typedef enum
{
  HUB_HISTORY_ERROR_LOCKED,   /* another program held it longer than the busy time-out */
  HUB_HISTORY_ERROR_FULL,     /* no room to write: the disk or a size limit */
  HUB_HISTORY_ERROR_DAMAGED,  /* not a database, or a damaged one: left untouched */
  HUB_HISTORY_ERROR_NEWER,    /* made by a newer Hub Analytics: left untouched */
  HUB_HISTORY_ERROR_IO,       /* any other failure to open, read or write it */
  HUB_HISTORY_ERROR_INVALID,  /* a note without text, or one too long */
} HubHistoryError;

/* A note on the timeline: of the whole source when repo_type and
 * repo_name are NULL, else of that repository. */
typedef struct
{
  gint64  id;
  char   *repo_type;
  char   *repo_name;
  HubDay  day;
  char   *text;
} HubNote;

/* The longest note, in characters. */
#define HUB_NOTE_MAX_CHARS 500

/* An author the history knows. */
typedef struct
{
  char     *endpoint;
  char     *name;
  gboolean  followed;
  guint     n_snapshots;
  HubDay    first_day;
  HubDay    last_day;
} HubHistoryAuthor;

/* What an import wrote, and what it left out. */
typedef struct
{
  guint snapshots;        /* (author, day) snapshots written */
  guint figures;          /* repository rows written */
  guint already_kept;     /* snapshots left out: the history had that author and day */
} HubImportResult;

#define HUB_TYPE_HISTORY (hub_history_get_type ())

G_DECLARE_FINAL_TYPE (HubHistory, hub_history, HUB, HISTORY, GObject)

GQuark            hub_history_error_quark     (void);
void              hub_history_author_free     (HubHistoryAuthor *author);
void              hub_note_free               (HubNote          *note);

char             *hub_history_default_path    (void);
HubHistory       *hub_history_open            (const char       *path,
                                               GError          **error);
const char       *hub_history_get_path        (HubHistory       *self);
void              hub_history_set_busy_timeout (HubHistory      *self,
                                               guint             ms);

gboolean          hub_history_save_snapshot   (HubHistory       *self,
                                               const char       *endpoint,
                                               const char       *author,
                                               HubDay            day,
                                               GDateTime        *taken_at,
                                               GPtrArray        *infos,
                                               GError          **error);
GPtrArray        *hub_history_load_author     (HubHistory       *self,
                                               const char       *endpoint,
                                               const char       *author,
                                               GError          **error);
GPtrArray        *hub_history_load_latest     (HubHistory       *self,
                                               const char       *endpoint,
                                               const char       *author,
                                               HubDay           *day,
                                               GError          **error);
GArray           *hub_history_list_days       (HubHistory       *self,
                                               const char       *endpoint,
                                               const char       *author,
                                               GError          **error);
GPtrArray        *hub_history_list_authors    (HubHistory       *self,
                                               GError          **error);
gboolean          hub_history_set_followed    (HubHistory       *self,
                                               const char       *endpoint,
                                               const char       *author,
                                               gboolean          followed,
                                               GError          **error);
gboolean          hub_history_import          (HubHistory       *self,
                                               const char       *endpoint,
                                               HubImportPreview *preview,
                                               HubImportResult  *result,
                                               GError          **error);

gint64            hub_history_add_note        (HubHistory       *self,
                                               const char       *source,
                                               const char       *repo_type,
                                               const char       *repo_name,
                                               HubDay            day,
                                               const char       *text,
                                               GError          **error);
gboolean          hub_history_remove_note     (HubHistory       *self,
                                               gint64            id,
                                               GError          **error);
GPtrArray        *hub_history_list_notes      (HubHistory       *self,
                                               const char       *source,
                                               const char       *repo_type,
                                               const char       *repo_name,
                                               GError          **error);

void              hub_history_take_snapshot_async  (HubHistory         *self,
                                                    HubClient          *client,
                                                    const char         *author,
                                                    HubDay              day,
                                                    HubProgress        *progress,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
GPtrArray        *hub_history_take_snapshot_finish (HubHistory         *self,
                                                    GAsyncResult       *result,
                                                    GPtrArray         **partial,
                                                    GError            **error);
void              hub_history_load_author_async    (HubHistory         *self,
                                                    const char         *endpoint,
                                                    const char         *author,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
GPtrArray        *hub_history_load_author_finish   (HubHistory         *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);

HubDay            hub_history_today           (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubHistoryAuthor, hub_history_author_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubNote, hub_note_free)

G_END_DECLS
