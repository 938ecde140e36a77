/* hub-history-notes.c: notes on the timeline, kept in the history database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hub-history-private.h"

void
hub_note_free (HubNote *note)
{
  if (note == NULL)
    return;
  g_free (note->repo_type);
  g_free (note->repo_name);
  g_free (note->text);
  g_free (note);
}

/* The text as it is kept: without the spaces around it, and not empty
 * nor longer than HUB_NOTE_MAX_CHARS. */
static char *
note_text (const char  *text,
           GError     **error)
{
  g_autofree char *kept = g_strstrip (g_strdup (text));

  if (*kept == '\0')
    {
      g_set_error_literal (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_INVALID,
                           _("A note needs some text."));
      return NULL;
    }
  if (!g_utf8_validate (kept, -1, NULL) || g_utf8_strlen (kept, -1) > HUB_NOTE_MAX_CHARS)
    {
      g_set_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_INVALID,
                   _("A note holds at most %d characters: shorten it and add it again."),
                   HUB_NOTE_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&kept);
}

/* Adds a note on day, of the source (repo_type and repo_name NULL) or of
 * one of its repositories; returns its id, or 0 with error set. */
gint64
hub_history_add_note (HubHistory  *self,
                      const char  *source,
                      const char  *repo_type,
                      const char  *repo_name,
                      HubDay       day,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *kept = NULL;

  g_return_val_if_fail (HUB_IS_HISTORY (self), 0);
  g_return_val_if_fail (source != NULL, 0);
  g_return_val_if_fail ((repo_type == NULL) == (repo_name == NULL), 0);
  g_return_val_if_fail (text != NULL, 0);

  if ((kept = note_text (text, error)) == NULL)
    return 0;

  locker = g_mutex_locker_new (&self->lock);
  stmt = hub_history_prepare (self,
                              "INSERT INTO notes (source, repo_type, repo_name, day, text, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, repo_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, repo_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, day);
  sqlite3_bind_text (stmt, 5, kept, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, g_date_time_to_unix (now));
  if (!hub_history_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
hub_history_remove_note (HubHistory  *self,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HUB_IS_HISTORY (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if ((stmt = hub_history_prepare (self, "DELETE FROM notes WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return hub_history_step_done (self, stmt, error);
}

/* The notes of source in day order (then in the order they were added):
 * all of them when repo_type and repo_name are NULL, else that
 * repository's and the source's own, which its chart shows too. */
GPtrArray *
hub_history_list_notes (HubHistory  *self,
                        const char  *source,
                        const char  *repo_type,
                        const char  *repo_name,
                        GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_note_free);
  int rc;

  g_return_val_if_fail (HUB_IS_HISTORY (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail ((repo_type == NULL) == (repo_name == NULL), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = hub_history_prepare (self,
                              "SELECT id, repo_type, repo_name, day, text FROM notes "
                              "WHERE source = ?1 AND (?2 IS NULL OR repo_type IS NULL "
                              "  OR (repo_type = ?2 AND repo_name = ?3)) "
                              "ORDER BY day, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, repo_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, repo_name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HubNote *note = g_new0 (HubNote, 1);

      note->id = sqlite3_column_int64 (stmt, 0);
      note->repo_type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      note->repo_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      note->day = sqlite3_column_int (stmt, 3);
      note->text = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (notes, note);
    }
  if (rc != SQLITE_DONE)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  return g_steal_pointer (&notes);
}
