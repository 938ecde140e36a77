/* hub-spike-notifier.c: desktop notifications of the spikes and drops a refresh brings
 *
 * After a refresh replaces a source, the days it added (after the old
 * asOf) are checked for spikes and drops in every repository, on a worker
 * thread (about 0.2 s for 5,000 repositories); when the
 * window is not focused and the preference allows it, each of the largest
 * is sent as a GNotification whose default action opens the repository
 * (app.open-repo). A focused window needs no notification: its user sees
 * the marks on the charts and the list in Insights.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hub-format.h"
#include "hub-spike-notifier.h"
#include "hub-window.h"

typedef struct
{
  const HubRepo *repo;
  HubSpike       spike;
} Found;

static int
by_score (gconstpointer a,
          gconstpointer b)
{
  const Found *x = a, *y = b;
  double sx = fabs (x->spike.score), sy = fabs (y->spike.score);

  return sx < sy ? 1 : sx > sy ? -1 : 0;
}

static GNotification *
make_notification (const Found *found)
{
  g_autofree char *day = hub_format_date (found->spike.day, HUB_DATE_FULL);
  g_autofree char *count = hub_format_count (found->spike.count);
  g_autofree char *usual = hub_format_count ((gint64) (found->spike.expected + 0.5));
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;

  if (found->spike.score > 0)
    {
      /* Translators: a notification's title; %s is a repository's name */
      title = g_strdup_printf (_("Downloads of %s jumped"), found->repo->name);
      /* Translators: a notification's text: a date, that day's downloads, the usual count */
      body = g_strdup_printf (_("%s downloads on %s, where %s are usual"), count, day, usual);
    }
  else
    {
      /* Translators: a notification's title; %s is a repository's name */
      title = g_strdup_printf (_("Downloads of %s dropped"), found->repo->name);
      body = g_strdup_printf (_("%s downloads on %s, where %s are usual"), count, day, usual);
    }
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-repo", "(ss)",
                                                 found->repo->type, found->repo->name);
  return notification;
}

/* app.open-repo ((type, name)): the repository's page in the window,
 * which comes to the front. */
static void
open_repo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *type, *name;

  if (!HUB_IS_WINDOW (window))
    return;
  g_variant_get (parameter, "(&s&s)", &type, &name);
  hub_window_open_repo (HUB_WINDOW (window), type, name);
  gtk_window_present (window);
}

/* The notifications' action, added to the application the first time. */
static void
ensure_action (GApplication *application)
{
  g_autoptr(GSimpleAction) action = NULL;

  if (!GTK_IS_APPLICATION (application) ||
      g_action_map_lookup_action (G_ACTION_MAP (application), "open-repo") != NULL)
    return;
  action = g_simple_action_new ("open-repo", G_VARIANT_TYPE ("(ss)"));
  g_signal_connect_object (action, "activate", G_CALLBACK (open_repo_activated), application, 0);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));
}

typedef struct
{
  GApplication *application;
  HubSource    *after;
  HubDay        first;
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->application);
  g_clear_object (&check->after);
  g_free (check);
}

/* In the worker: every repository's spikes and drops on the new days,
 * largest first. The dataset is immutable, and the task holds its source. */
static void
find_spikes (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Check *check = task_data;
  HubDataset *dataset = hub_source_get_dataset (check->after);
  HubDay as_of = hub_dataset_get_as_of (dataset);
  guint n_repos = hub_dataset_get_n_repos (dataset);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));

  for (guint i = 0; i < n_repos; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, i);
      g_autoptr(GArray) spikes = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      spikes = hub_repo_spikes (repo, (HubRange) { check->first, as_of });
      for (guint j = 0; j < spikes->len; j++)
        {
          Found one = { repo, g_array_index (spikes, HubSpike, j) };

          g_array_append_val (found, one);
        }
    }
  g_array_sort (found, by_score);
  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_array_unref);
}

/* Back on the main thread: the notifications of the largest, unless a
 * newer refresh cancelled this check meanwhile. */
static void
on_spikes_found (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = g_task_propagate_pointer (G_TASK (result), &error);
  gsize sent = 0;

  if (found == NULL || g_task_return_error_if_cancelled (task))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (found->len > 0)
    ensure_action (check->application);
  for (guint i = 0; i < found->len && sent < HUB_SPIKE_NOTIFICATIONS_MAX; i++)
    {
      const Found *one = &g_array_index (found, Found, i);
      g_autoptr(GNotification) notification = make_notification (one);
      g_autofree char *id = g_strdup_printf ("spike-%s-%s-%d", one->repo->type, one->repo->name,
                                             one->spike.day);

      g_application_send_notification (check->application, id, notification);
      sent++;
    }
  g_task_return_int (task, (gssize) sent);
}

/* Checks, on a worker thread, the days that after brings since before's
 * asOf for spikes and drops, and sends the notifications of the largest
 * from the main thread, when the window is not focused and the
 * "notify-spikes" preference is on. A newer refresh cancels cancellable. */
void
hub_spike_notifier_notify_async (GApplication        *application,
                                 GSettings           *settings,
                                 gboolean             window_active,
                                 HubSource           *before,
                                 HubSource           *after,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  HubDay old_as_of, as_of;
  Check *check;

  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (HUB_IS_SOURCE (before) && HUB_IS_SOURCE (after));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_spike_notifier_notify_async);

  old_as_of = hub_dataset_get_as_of (hub_source_get_dataset (before));
  as_of = hub_dataset_get_as_of (hub_source_get_dataset (after));
  if (window_active || (settings != NULL && !g_settings_get_boolean (settings, "notify-spikes")) ||
      old_as_of == HUB_DAY_NONE || as_of == HUB_DAY_NONE || as_of <= old_as_of)
    {
      g_task_return_int (task, 0);
      return;
    }

  check = g_new0 (Check, 1);
  check->application = g_object_ref (application);
  check->after = g_object_ref (after);
  check->first = old_as_of + 1;
  worker = g_task_new (NULL, cancellable, on_spikes_found, g_steal_pointer (&task));
  g_task_set_source_tag (worker, find_spikes);
  g_task_set_task_data (worker, check, (GDestroyNotify) check_free);
  g_task_run_in_thread (worker, find_spikes);
}

/* How many notifications the check sent; 0 with error set when it was
 * cancelled. */
guint
hub_spike_notifier_notify_finish (GAsyncResult  *result,
                                  GError       **error)
{
  gssize sent;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_spike_notifier_notify_async, 0);

  sent = g_task_propagate_int (G_TASK (result), error);
  return sent > 0 ? (guint) sent : 0;
}
