/* hub-history-query.c: what the history holds, read back
 *
 * An author's repositories with every snapshot, the latest snapshot, the
 * days there are snapshots of, and the authors there are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hub-history-private.h"

/* Every repository of author with its snapshots, oldest first: a
 * GPtrArray of HubRepoHistory by type and name, for hub_estimate_daily()
 * and hub_estimate_to_dataset(). Empty for an author never saved. */
GPtrArray *
hub_history_load_author (HubHistory  *self,
                         const char  *endpoint,
                         const char  *author,
                         GError     **error)
{
  g_autoptr(GPtrArray) histories = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_repo_history_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) repos = NULL;
  g_autoptr(sqlite3_stmt) figures = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (HUB_IS_HISTORY (self), NULL);
  g_return_val_if_fail (endpoint != NULL && author != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if ((id = hub_history_author_id (self, endpoint, author, FALSE, error)) < 0)
    return NULL;

  /* The repositories in order, then the figures snapshot by snapshot in
   * the order of days, which the indexes give without a sort: a year of
   * thousands of repositories is millions of rows. */
  repos = hub_history_prepare (self, "SELECT id, type, name FROM repos WHERE author_id = ?1 "
                                     "ORDER BY type, name", error);
  if (repos == NULL)
    return NULL;
  sqlite3_bind_int64 (repos, 1, id);
  while ((rc = sqlite3_step (repos)) == SQLITE_ROW)
    {
      HubRepoHistory *history = hub_repo_history_new ((const char *) sqlite3_column_text (repos, 1),
                                                      (const char *) sqlite3_column_text (repos, 2));
      gint64 repo_id = sqlite3_column_int64 (repos, 0);

      g_array_append_val (ids, repo_id);
      g_ptr_array_add (histories, history);
    }
  if (rc != SQLITE_DONE)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  /* ids stays as it is from here: the table points into it. */
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (histories, i));

  figures = hub_history_prepare (self, "SELECT s.day, f.repo_id, f.downloads, f.downloads_all_time, f.likes "
                                       "FROM snapshots s JOIN repo_figures f ON f.snapshot_id = s.id "
                                       "WHERE s.author_id = ?1 ORDER BY s.day", error);
  if (figures == NULL)
    return NULL;
  sqlite3_bind_int64 (figures, 1, id);
  while ((rc = sqlite3_step (figures)) == SQLITE_ROW)
    {
      gint64 repo_id = sqlite3_column_int64 (figures, 1);
      HubRepoHistory *history = g_hash_table_lookup (by_id, &repo_id);
      HubSnapshotPoint point;

      if (history == NULL)
        continue;
      point.day = sqlite3_column_int (figures, 0);
      point.downloads = hub_history_column_count (figures, 2);
      point.downloads_all_time = hub_history_column_count (figures, 3);
      point.likes = hub_history_column_count (figures, 4);
      hub_repo_history_add (history, &point);
    }
  if (rc != SQLITE_DONE)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  /* A repository that was in no snapshot (all of its days replaced) has
   * nothing to show. */
  for (guint i = histories->len; i > 0; i--)
    if (((HubRepoHistory *) g_ptr_array_index (histories, i - 1))->points->len == 0)
      g_ptr_array_remove_index (histories, i - 1);
  return g_steal_pointer (&histories);
}

/* The latest snapshot of author as HubRepoInfo (for the table: likes,
 * trending, dates, privacy), and its day; empty, with HUB_DAY_NONE, when
 * there is none. */
GPtrArray *
hub_history_load_latest (HubHistory  *self,
                         const char  *endpoint,
                         const char  *author,
                         HubDay      *day,
                         GError     **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_repo_info_free);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HubDay latest = HUB_DAY_NONE;
  int rc;

  g_return_val_if_fail (HUB_IS_HISTORY (self), NULL);
  g_return_val_if_fail (endpoint != NULL && author != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = hub_history_prepare (self,
                              "SELECT s.day, r.type, r.name, r.created_at, f.downloads, f.downloads_all_time, "
                              "f.likes, f.trending_score, f.last_modified, f.private "
                              "FROM authors a JOIN snapshots s ON s.author_id = a.id "
                              "JOIN repo_figures f ON f.snapshot_id = s.id JOIN repos r ON r.id = f.repo_id "
                              "WHERE a.endpoint = ?1 AND a.name = ?2 AND s.day = "
                              "(SELECT max (day) FROM snapshots WHERE author_id = a.id) "
                              "ORDER BY r.type, r.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, endpoint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, author, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HubRepoInfo *info = g_new0 (HubRepoInfo, 1);

      latest = sqlite3_column_int (stmt, 0);
      info->type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->created_at = hub_history_column_time (stmt, 3);
      info->downloads = hub_history_column_count (stmt, 4);
      info->downloads_all_time = hub_history_column_count (stmt, 5);
      info->likes = hub_history_column_count (stmt, 6);
      info->trending_score = hub_history_column_count (stmt, 7);
      info->last_modified = hub_history_column_time (stmt, 8);
      info->is_private = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (infos, info);
    }
  if (rc != SQLITE_DONE)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  if (day != NULL)
    *day = latest;
  return g_steal_pointer (&infos);
}

/* The days of author's snapshots, oldest first (a GArray of HubDay). */
GArray *
hub_history_list_days (HubHistory  *self,
                       const char  *endpoint,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (HubDay));
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HUB_IS_HISTORY (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = hub_history_prepare (self, "SELECT s.day FROM authors a JOIN snapshots s ON s.author_id = a.id "
                                    "WHERE a.endpoint = ?1 AND a.name = ?2 ORDER BY s.day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, endpoint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, author, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HubDay day = sqlite3_column_int (stmt, 0);

      g_array_append_val (days, day);
    }
  if (rc != SQLITE_DONE)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* Every author in the history, followed or not, by endpoint and name: a
 * GPtrArray of HubHistoryAuthor, for the source switcher. */
GPtrArray *
hub_history_list_authors (HubHistory  *self,
                          GError     **error)
{
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_history_author_free);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HUB_IS_HISTORY (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = hub_history_prepare (self, "SELECT a.endpoint, a.name, a.followed, count (s.id), min (s.day), max (s.day) "
                                    "FROM authors a LEFT JOIN snapshots s ON s.author_id = a.id "
                                    "GROUP BY a.id ORDER BY a.endpoint, a.name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HubHistoryAuthor *author = g_new0 (HubHistoryAuthor, 1);

      author->endpoint = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      author->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      author->followed = sqlite3_column_int (stmt, 2) != 0;
      author->n_snapshots = (guint) sqlite3_column_int (stmt, 3);
      author->first_day = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                            ? HUB_DAY_NONE : sqlite3_column_int (stmt, 4);
      author->last_day = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                           ? HUB_DAY_NONE : sqlite3_column_int (stmt, 5);
      g_ptr_array_add (authors, author);
    }
  if (rc != SQLITE_DONE)
    {
      hub_history_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  return g_steal_pointer (&authors);
}
