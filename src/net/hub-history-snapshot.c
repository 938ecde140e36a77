/* hub-history-snapshot.c: taking a snapshot of an author, off the main thread
 *
 * The listings first, page by page; the save only once every page arrived,
 * so that a snapshot in the history is always an author's whole figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hub-history.h"
#include "hub-net-error.h"

/* Taking a snapshot: the listings, then the save, in a worker thread. */

typedef struct
{
  HubClient   *client;
  char        *endpoint;
  char        *author;
  HubDay       day;
  GPtrArray   *infos;
  GDateTime   *fetched_at;
  GPtrArray   *partial;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_object (&snapshot->client);
  g_free (snapshot->endpoint);
  g_free (snapshot->author);
  g_clear_pointer (&snapshot->infos, g_ptr_array_unref);
  g_clear_pointer (&snapshot->fetched_at, g_date_time_unref);
  g_clear_pointer (&snapshot->partial, g_ptr_array_unref);
  g_free (snapshot);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;
  GError *error = NULL;

  if (!hub_history_save_snapshot (source_object, snapshot->endpoint, snapshot->author,
                                  snapshot->day, snapshot->fetched_at, snapshot->infos, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_ptr_array_ref (snapshot->infos),
                           (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Snapshot *snapshot = g_task_get_task_data (task);
  GError *error = NULL;

  snapshot->infos = hub_client_list_author_finish (HUB_CLIENT (object), result,
                                                   &snapshot->partial, &snapshot->fetched_at,
                                                   &error);
  /* Only a complete listing is a snapshot; the database waits off the
   * main thread. The Hub lists nothing, rather than refusing, for a name
   * that is no author: an empty snapshot would hide a typo every day. */
  if (snapshot->infos == NULL)
    g_task_return_error (task, error);
  else if (snapshot->infos->len == 0)
    g_task_return_new_error (task, HUB_NET_ERROR, HUB_NET_ERROR_NOT_FOUND,
                             _("%s lists no public model, dataset or space of “%s”: check the "
                               "name. Nothing was saved."), snapshot->endpoint, snapshot->author);
  else
    g_task_run_in_thread (task, save_thread);
}

/* Lists author's public figures with client (see
 * hub_client_list_author_async) and, when every page arrived, saves them
 * as its snapshot of day (hub_history_today() in the app; tests choose
 * it). Returns the listings (GPtrArray of HubRepoInfo); on failure,
 * partial (may be NULL) has what arrived, and nothing was saved. */
void
hub_history_take_snapshot_async (HubHistory          *self,
                                 HubClient           *client,
                                 const char          *author,
                                 HubDay               day,
                                 HubProgress         *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  Snapshot *snapshot;

  g_return_if_fail (HUB_IS_HISTORY (self));
  g_return_if_fail (HUB_IS_CLIENT (client));
  g_return_if_fail (author != NULL && *author != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_history_take_snapshot_async);
  snapshot = g_new0 (Snapshot, 1);
  snapshot->client = g_object_ref (client);
  snapshot->endpoint = g_strdup (hub_client_get_endpoint (client));
  snapshot->author = g_strdup (author);
  snapshot->day = day;
  g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free);
  hub_client_list_author_async (client, author, progress, cancellable, listed_cb, task);
}

GPtrArray *
hub_history_take_snapshot_finish (HubHistory    *self,
                                  GAsyncResult  *result,
                                  GPtrArray    **partial,
                                  GError       **error)
{
  Snapshot *snapshot;
  GPtrArray *infos;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_history_take_snapshot_async,
                        NULL);

  infos = g_task_propagate_pointer (G_TASK (result), error);
  snapshot = g_task_get_task_data (G_TASK (result));
  if (infos == NULL && partial != NULL)
    *partial = snapshot->partial ? g_ptr_array_ref (snapshot->partial) : NULL;
  return infos;
}

static void
load_author_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  char **names = task_data;
  GError *error = NULL;
  GPtrArray *histories = hub_history_load_author (source_object, names[0], names[1], &error);

  if (histories == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, histories, (GDestroyNotify) g_ptr_array_unref);
}

/* hub_history_load_author() in a worker thread, for the window. */
void
hub_history_load_author_async (HubHistory          *self,
                               const char          *endpoint,
                               const char          *author,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char **names;

  g_return_if_fail (HUB_IS_HISTORY (self));
  g_return_if_fail (endpoint != NULL && author != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_history_load_author_async);
  names = g_new0 (char *, 3);
  names[0] = g_strdup (endpoint);
  names[1] = g_strdup (author);
  g_task_set_task_data (task, names, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, load_author_thread);
}

GPtrArray *
hub_history_load_author_finish (HubHistory    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_history_load_author_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
