/* hub-spike-notifier.c: desktop notifications of the spikes and drops a refresh brings
 *
 * After a refresh replaces a source, the days it added (after the old
 * asOf) are checked for spikes and drops in every repository; when the
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

/* Sends the notifications of the spikes and drops that after brings on the
 * days since before's asOf, when the window is not focused and the
 * "notify-spikes" preference is on; returns how many were sent. */
guint
hub_spike_notifier_notify (GApplication *application,
                           GSettings    *settings,
                           gboolean      window_active,
                           HubSource    *before,
                           HubSource    *after)
{
  HubDataset *dataset;
  HubDay old_as_of, as_of;
  g_autoptr(GArray) found = NULL;
  guint n_repos, sent = 0;

  g_return_val_if_fail (G_IS_APPLICATION (application), 0);
  g_return_val_if_fail (HUB_IS_SOURCE (before) && HUB_IS_SOURCE (after), 0);

  if (window_active || (settings != NULL && !g_settings_get_boolean (settings, "notify-spikes")))
    return 0;

  old_as_of = hub_dataset_get_as_of (hub_source_get_dataset (before));
  dataset = hub_source_get_dataset (after);
  as_of = hub_dataset_get_as_of (dataset);
  if (old_as_of == HUB_DAY_NONE || as_of == HUB_DAY_NONE || as_of <= old_as_of)
    return 0;

  found = g_array_new (FALSE, FALSE, sizeof (Found));
  n_repos = hub_dataset_get_n_repos (dataset);
  for (guint i = 0; i < n_repos; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, i);
      g_autoptr(GArray) spikes = hub_repo_spikes (repo, (HubRange) { old_as_of + 1, as_of });

      for (guint j = 0; j < spikes->len; j++)
        {
          Found one = { repo, g_array_index (spikes, HubSpike, j) };

          g_array_append_val (found, one);
        }
    }
  g_array_sort (found, by_score);
  if (found->len > 0)
    ensure_action (application);

  for (guint i = 0; i < found->len && sent < HUB_SPIKE_NOTIFICATIONS_MAX; i++)
    {
      const Found *one = &g_array_index (found, Found, i);
      g_autoptr(GNotification) notification = make_notification (one);
      g_autofree char *id = g_strdup_printf ("spike-%s-%s-%d", one->repo->type, one->repo->name,
                                             one->spike.day);

      g_application_send_notification (application, id, notification);
      sent++;
    }
  return sent;
}
