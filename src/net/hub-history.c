/* hub-history.c: the snapshots the Hub does not keep, in a local SQLite database
 *
 * One file, history.sqlite3 in the app's data folder (0700, the file 0600:
 * which repositories someone follows is private), in WAL mode so that the
 * window can read while `--snapshot` writes. A snapshot is an author's
 * figures on one UTC day; saving another the same day replaces it. Each
 * save or import is one transaction: a failure (locked, full, damaged)
 * rolls it back, and the snapshots saved before stay as they were. A
 * damaged file or one from a newer version is never rewritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "hub-history-private.h"
#include "hub-history.h"
#include "hub-net-error.h"

#define DEFAULT_BUSY_TIMEOUT 5000  /* ms another writer may hold the file */

/* The schema, one step a version: step N brings version N to N+1, so that
 * a database of any earlier version is brought up to date, and the tests
 * make one of each. Steps already released are never edited. */
static const char *const schema_steps[] = {
  /* 1: the first layout, a row a repository and snapshot. */
  "CREATE TABLE authors (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  endpoint TEXT NOT NULL,\n"
  "  name     TEXT NOT NULL,\n"
  "  UNIQUE (endpoint, name));\n"
  "CREATE TABLE snapshots (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,\n"
  "  day       INTEGER NOT NULL,\n"
  "  taken_at  INTEGER NOT NULL,\n"
  "  UNIQUE (author_id, day));\n"
  "CREATE TABLE figures (\n"
  "  snapshot_id        INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,\n"
  "  repo_type          TEXT NOT NULL,\n"
  "  repo_name          TEXT NOT NULL,\n"
  "  downloads          INTEGER,\n"
  "  downloads_all_time INTEGER,\n"
  "  likes              INTEGER,\n"
  "  PRIMARY KEY (snapshot_id, repo_type, repo_name)) WITHOUT ROWID;\n",

  /* 2: repositories named once (a year of daily snapshots of thousands of
   * repositories repeated every name 365 times), the listings' other
   * figures, where a snapshot came from, and which authors are followed. */
  "CREATE TABLE repos (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  author_id  INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,\n"
  "  type       TEXT NOT NULL,\n"
  "  name       TEXT NOT NULL,\n"
  "  created_at INTEGER,\n"
  "  UNIQUE (author_id, type, name));\n"
  "INSERT INTO repos (author_id, type, name)\n"
  "  SELECT DISTINCT s.author_id, f.repo_type, f.repo_name\n"
  "  FROM figures f JOIN snapshots s ON s.id = f.snapshot_id;\n"
  "CREATE TABLE repo_figures (\n"
  "  snapshot_id        INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,\n"
  "  repo_id            INTEGER NOT NULL REFERENCES repos (id) ON DELETE CASCADE,\n"
  "  downloads          INTEGER,\n"
  "  downloads_all_time INTEGER,\n"
  "  likes              INTEGER,\n"
  "  trending_score     INTEGER,\n"
  "  last_modified      INTEGER,\n"
  "  private            INTEGER,\n"
  "  PRIMARY KEY (snapshot_id, repo_id)) WITHOUT ROWID;\n"
  "INSERT INTO repo_figures (snapshot_id, repo_id, downloads, downloads_all_time, likes)\n"
  "  SELECT f.snapshot_id, r.id, f.downloads, f.downloads_all_time, f.likes\n"
  "  FROM figures f JOIN snapshots s ON s.id = f.snapshot_id\n"
  "  JOIN repos r ON r.author_id = s.author_id AND r.type = f.repo_type AND r.name = f.repo_name;\n"
  "DROP TABLE figures;\n"
  "ALTER TABLE authors ADD COLUMN followed INTEGER NOT NULL DEFAULT 1;\n"
  "ALTER TABLE snapshots ADD COLUMN source TEXT NOT NULL DEFAULT 'hub';\n",

  /* 3: notes on the timeline ("v2 released"), for a source (the window's
   * source id: an organisation, a file, the demo) or one repository of it. */
  "CREATE TABLE notes (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  source     TEXT NOT NULL,\n"
  "  repo_type  TEXT,\n"
  "  repo_name  TEXT,\n"
  "  day        INTEGER NOT NULL,\n"
  "  text       TEXT NOT NULL,\n"
  "  created_at INTEGER NOT NULL,\n"
  "  CHECK ((repo_type IS NULL) = (repo_name IS NULL)));\n"
  "CREATE INDEX notes_by_source ON notes (source, day);\n",
};

#define SCHEMA_VERSION G_N_ELEMENTS (schema_steps)


G_DEFINE_FINAL_TYPE (HubHistory, hub_history, G_TYPE_OBJECT)

G_DEFINE_QUARK (hub-history-error-quark, hub_history_error)

void
hub_history_author_free (HubHistoryAuthor *author)
{
  if (author == NULL)
    return;
  g_free (author->endpoint);
  g_free (author->name);
  g_free (author);
}

/* Errors */

static gboolean
is_full (sqlite3 *db,
         int      rc)
{
  int system = sqlite3_system_errno (db);

  return (rc & 0xff) == SQLITE_FULL ||
         ((rc & 0xff) == SQLITE_IOERR && (system == ENOSPC || system == EFBIG || system == EDQUOT));
}

/* The error for a failed SQLite call on the history at path. */
void
hub_history_set_error (GError     **error,
                       sqlite3     *db,
                       int          rc,
                       const char  *path)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_LOCKED,
                 _("The history (%s) is in use by another program and stayed locked. "
                   "Nothing was changed; try again in a moment."), path);
  else if (db != NULL && is_full (db, rc))
    g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_FULL,
                 _("There is no room left to write the history (%s). Nothing was changed "
                   "and the earlier snapshots are kept; free some disk space and try again."),
                 path);
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_DAMAGED,
                 _("The history file %s is damaged, so Hub Analytics left it as it is. "
                   "Restore a backup of it, or move it away to start a new history."), path);
  else
    g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_IO,
                 _("Could not use the history (%s): %s"), path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static gboolean
exec (HubHistory  *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
hub_history_prepare (HubHistory  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  return stmt;
}

/* Steps a statement that returns no row (or whose row is not wanted). */
gboolean
hub_history_step_done (HubHistory    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

void
hub_history_rollback (HubHistory *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Schema */

/* Brings db from its version up to `to`, in one transaction. */
gboolean
hub_history_migrate (sqlite3     *db,
                     const char  *path,
                     guint        to,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version;
  int rc;

  g_return_val_if_fail (to <= SCHEMA_VERSION, FALSE);

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rc = SQLITE_OK;
  if (rc != SQLITE_OK)
    {
      hub_history_set_error (error, db, rc, path);
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (version > (int) SCHEMA_VERSION)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_NEWER,
                   _("The history (%s) was written by a newer version of Hub Analytics, "
                     "which this one cannot read. It was left as it is; update Hub Analytics."),
                   path);
      return FALSE;
    }

  for (guint step = (guint) version; step < to; step++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", step + 1);

      rc = sqlite3_exec (db, schema_steps[step], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, set_version, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          hub_history_set_error (error, db, rc, path);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      hub_history_set_error (error, db, rc, path);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

guint
hub_history_schema_version (void)
{
  return SCHEMA_VERSION;
}

/* The folder 0700 and the file 0600 before SQLite opens it: its -wal and
 * -shm files take the database's mode. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_IO,
                   _("Could not make the folder of the history (%s): %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_IO,
                   _("Could not open the history (%s): %s"), path, g_strerror (errsv));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* GObject */

static void
hub_history_finalize (GObject *object)
{
  HubHistory *self = HUB_HISTORY (object);

  /* The last connection to close folds the WAL back into the file. */
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (hub_history_parent_class)->finalize (object);
}

static void
hub_history_class_init (HubHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_history_finalize;
}

static void
hub_history_init (HubHistory *self)
{
  g_mutex_init (&self->lock);
}

/* Public API */

char *
hub_history_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hub-analytics", "history.sqlite3", NULL);
}

/* Opens (or creates) the history at path (NULL: the default one) and brings
 * its schema up to date. */
HubHistory *
hub_history_open (const char  *path,
                  GError     **error)
{
  g_autoptr(HubHistory) self = g_object_new (HUB_TYPE_HISTORY, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  self->path = path != NULL ? g_strdup (path) : hub_history_default_path ();
  if (!prepare_file (self->path, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT);

  /* journal_mode answers the mode in force: anything but wal is a failure
   * (a file that is no database fails here, untouched). */
  stmt = hub_history_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
    {
      g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_IO,
                   _("Could not use the history (%s): its journal cannot be kept beside it"),
                   self->path);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", error) ||
      !hub_history_migrate (self->db, self->path, SCHEMA_VERSION, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
hub_history_get_path (HubHistory *self)
{
  g_return_val_if_fail (HUB_IS_HISTORY (self), NULL);

  return self->path;
}

/* How long a save waits for another writer before it reports the history
 * locked. */
void
hub_history_set_busy_timeout (HubHistory *self,
                              guint       ms)
{
  g_return_if_fail (HUB_IS_HISTORY (self));

  sqlite3_busy_timeout (self->db, (int) MIN (ms, G_MAXINT));
}

HubDay
hub_history_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return hub_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  if (time == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
}

gint64
hub_history_column_count (sqlite3_stmt *stmt,
                          int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, index);
}

GDateTime *
hub_history_column_time (sqlite3_stmt *stmt,
                         int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL
           ? NULL : g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, index));
}

/* The author's id, made when missing; within the caller's transaction. */
gint64
hub_history_author_id (HubHistory  *self,
                       const char  *endpoint,
                       const char  *author,
                       gboolean     create,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (create)
    stmt = hub_history_prepare (self, "INSERT INTO authors (endpoint, name) VALUES (?1, ?2) "
                                      "ON CONFLICT (endpoint, name) DO UPDATE SET name = excluded.name "
                                      "RETURNING id", error);
  else
    stmt = hub_history_prepare (self, "SELECT id FROM authors WHERE endpoint = ?1 AND name = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, endpoint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, author, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  hub_history_set_error (error, self->db, rc, self->path);
  return -1;
}

/* Statements of one snapshot's write. */
typedef struct
{
  sqlite3_stmt *remove;
  sqlite3_stmt *snapshot;
  sqlite3_stmt *repo;
  sqlite3_stmt *figures;
} Writer;

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->remove, sqlite3_finalize);
  g_clear_pointer (&writer->snapshot, sqlite3_finalize);
  g_clear_pointer (&writer->repo, sqlite3_finalize);
  g_clear_pointer (&writer->figures, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static gboolean
writer_init (HubHistory  *self,
             Writer      *writer,
             GError     **error)
{
  writer->remove = hub_history_prepare (self, "DELETE FROM snapshots WHERE author_id = ?1 AND day = ?2", error);
  if (writer->remove == NULL)
    return FALSE;
  writer->snapshot = hub_history_prepare (self, "INSERT INTO snapshots (author_id, day, taken_at, source) "
                                                "VALUES (?1, ?2, ?3, ?4) RETURNING id", error);
  if (writer->snapshot == NULL)
    return FALSE;
  writer->repo = hub_history_prepare (self, "INSERT INTO repos (author_id, type, name, created_at) "
                                            "VALUES (?1, ?2, ?3, ?4) "
                                            "ON CONFLICT (author_id, type, name) DO UPDATE "
                                            "SET created_at = coalesce (excluded.created_at, created_at) "
                                            "RETURNING id", error);
  if (writer->repo == NULL)
    return FALSE;
  writer->figures = hub_history_prepare (self, "INSERT INTO repo_figures (snapshot_id, repo_id, downloads, "
                                               "downloads_all_time, likes, trending_score, last_modified, "
                                               "private) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  return writer->figures != NULL;
}

static gint64
write_snapshot_row (HubHistory  *self,
                    Writer      *writer,
                    gint64       author,
                    HubDay       day,
                    gint64       taken_at,
                    const char  *source,
                    GError     **error)
{
  gint64 id;
  int rc;

  sqlite3_bind_int64 (writer->remove, 1, author);
  sqlite3_bind_int (writer->remove, 2, day);
  if (!hub_history_step_done (self, writer->remove, error))
    return -1;
  sqlite3_bind_int64 (writer->snapshot, 1, author);
  sqlite3_bind_int (writer->snapshot, 2, day);
  sqlite3_bind_int64 (writer->snapshot, 3, taken_at);
  sqlite3_bind_text (writer->snapshot, 4, source, -1, SQLITE_STATIC);
  rc = sqlite3_step (writer->snapshot);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (writer->snapshot);
      hub_history_set_error (error, self->db, rc, self->path);
      return -1;
    }
  id = sqlite3_column_int64 (writer->snapshot, 0);
  sqlite3_reset (writer->snapshot);
  return id;
}

static gboolean
write_figures (HubHistory  *self,
               Writer      *writer,
               gint64       author,
               gint64       snapshot,
               const char  *type,
               const char  *name,
               GDateTime   *created_at,
               gint64       downloads,
               gint64       downloads_all_time,
               gint64       likes,
               gint64       trending_score,
               GDateTime   *last_modified,
               int          is_private,
               GError     **error)
{
  gint64 repo;
  int rc;

  sqlite3_bind_int64 (writer->repo, 1, author);
  sqlite3_bind_text (writer->repo, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (writer->repo, 3, name, -1, SQLITE_STATIC);
  bind_time (writer->repo, 4, created_at);
  rc = sqlite3_step (writer->repo);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (writer->repo);
      hub_history_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  repo = sqlite3_column_int64 (writer->repo, 0);
  sqlite3_reset (writer->repo);

  sqlite3_bind_int64 (writer->figures, 1, snapshot);
  sqlite3_bind_int64 (writer->figures, 2, repo);
  bind_count (writer->figures, 3, downloads);
  bind_count (writer->figures, 4, downloads_all_time);
  bind_count (writer->figures, 5, likes);
  bind_count (writer->figures, 6, trending_score);
  bind_time (writer->figures, 7, last_modified);
  if (is_private < 0)
    sqlite3_bind_null (writer->figures, 8);
  else
    sqlite3_bind_int (writer->figures, 8, is_private);
  return hub_history_step_done (self, writer->figures, error);
}

static gboolean
commit (HubHistory  *self,
        GError     **error)
{
  if (!exec (self, "COMMIT", error))
    {
      hub_history_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Saves infos (HubRepoInfo, the complete listings) as author's snapshot
 * of day, replacing one saved earlier that day. taken_at may be NULL (now). */
gboolean
hub_history_save_snapshot (HubHistory  *self,
                           const char  *endpoint,
                           const char  *author,
                           HubDay       day,
                           GDateTime   *taken_at,
                           GPtrArray   *infos,
                           GError     **error)
{
  g_auto(Writer) writer = { 0 };
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 author_row;
  gint64 snapshot;

  g_return_val_if_fail (HUB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (endpoint != NULL && author != NULL && *author != '\0', FALSE);
  g_return_val_if_fail (infos != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if ((author_row = hub_history_author_id (self, endpoint, author, TRUE, error)) <= 0 ||
      !writer_init (self, &writer, error) ||
      (snapshot = write_snapshot_row (self, &writer, author_row, day,
                                      g_date_time_to_unix (taken_at ? taken_at : now),
                                      "hub", error)) < 0)
    {
      hub_history_rollback (self);
      return FALSE;
    }
  for (guint i = 0; i < infos->len; i++)
    {
      const HubRepoInfo *info = g_ptr_array_index (infos, i);

      if (!write_figures (self, &writer, author_row, snapshot, info->type, info->name,
                          info->created_at, info->downloads, info->downloads_all_time,
                          info->likes, info->trending_score, info->last_modified,
                          info->is_private ? 1 : 0, error))
        {
          hub_history_rollback (self);
          return FALSE;
        }
    }
  return commit (self, error);
}

/* Follows author (adding it, with no snapshot yet) or stops following it;
 * its snapshots are kept either way. */
gboolean
hub_history_set_followed (HubHistory  *self,
                          const char  *endpoint,
                          const char  *author,
                          gboolean     followed,
                          GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (HUB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (endpoint != NULL && author != NULL && *author != '\0', FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if ((id = hub_history_author_id (self, endpoint, author, TRUE, error)) <= 0 ||
      (stmt = hub_history_prepare (self, "UPDATE authors SET followed = ?1 WHERE id = ?2", error)) == NULL)
    {
      hub_history_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, followed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!hub_history_step_done (self, stmt, error))
    {
      hub_history_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  return commit (self, error);
}

/* Writes the preview's snapshots, all or none. A day the history already
 * has for that author is left as it is, and counted in already_kept:
 * snapshots taken from the Hub are never replaced by imported ones. */
gboolean
hub_history_import (HubHistory        *self,
                    const char        *endpoint,
                    HubImportPreview  *preview,
                    HubImportResult   *result,
                    GError           **error)
{
  g_auto(Writer) writer = { 0 };
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  HubImportResult done = { 0 };

  g_return_val_if_fail (HUB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (endpoint != NULL && preview != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!writer_init (self, &writer, error) ||
      (exists = hub_history_prepare (self, "SELECT 1 FROM snapshots WHERE author_id = ?1 AND day = ?2",
                                     error)) == NULL)
    {
      hub_history_rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < preview->snapshots->len; i++)
    {
      const HubImportSnapshot *snapshot = g_ptr_array_index (preview->snapshots, i);
      gint64 author;
      gint64 id;
      int rc;

      if ((author = hub_history_author_id (self, endpoint, snapshot->author, TRUE, error)) <= 0)
        {
          hub_history_rollback (self);
          return FALSE;
        }
      sqlite3_bind_int64 (exists, 1, author);
      sqlite3_bind_int (exists, 2, snapshot->day);
      rc = sqlite3_step (exists);
      sqlite3_reset (exists);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          hub_history_set_error (error, self->db, rc, self->path);
          hub_history_rollback (self);
          return FALSE;
        }
      if (rc == SQLITE_ROW)
        {
          done.already_kept++;
          continue;
        }

      id = write_snapshot_row (self, &writer, author, snapshot->day, g_date_time_to_unix (now),
                               "import", error);
      if (id < 0)
        {
          hub_history_rollback (self);
          return FALSE;
        }
      for (guint f = 0; f < snapshot->figures->len; f++)
        {
          const HubImportFigures *figures = g_ptr_array_index (snapshot->figures, f);

          if (!write_figures (self, &writer, author, id, figures->type, figures->name, NULL,
                              figures->downloads, figures->downloads_all_time, figures->likes,
                              -1, NULL, -1, error))
            {
              hub_history_rollback (self);
              return FALSE;
            }
          done.figures++;
        }
      done.snapshots++;
    }
  if (!commit (self, error))
    return FALSE;
  if (result != NULL)
    *result = done;
  return TRUE;
}
