/* hub-cli-snapshot.c: `hub-analytics --snapshot NAME…`, for a timer or cron
 *
 * The Hub keeps no history of its public figures, so a snapshot has to be
 * taken every day, window or not: this is what the systemd user timer in
 * data/systemd runs. One author at a time, so that the Hub's rate limit
 * sees one request at a time; a failure of one author does not stop the
 * others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "hub-cli-fetch.h"
#include "hub-cli-snapshot.h"
#include "hub-net.h"

typedef struct
{
  GMainLoop           *loop;
  GCancellable        *cancellable;
  HubTokenStore       *store;
  HubClient           *client;
  HubHistory          *history;
  char                *endpoint;
  const char * const  *authors;
  guint                next;
  HubDay               day;
  int                  status;
} CliSnapshot;

static void next_author (CliSnapshot *snapshot);

static int
status_for_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return HUB_CLI_SNAPSHOT_INTERRUPTED;
  if (error->domain == HUB_HISTORY_ERROR)
    return HUB_CLI_SNAPSHOT_HISTORY;
  if (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_ENDPOINT) ||
      g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_INSECURE_ENDPOINT))
    return HUB_CLI_SNAPSHOT_USAGE;
  return HUB_CLI_SNAPSHOT_FAILED;
}

static void
snapshot_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  CliSnapshot *snapshot = user_data;
  const char *author = snapshot->authors[snapshot->next];
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  infos = hub_history_take_snapshot_finish (HUB_HISTORY (object), result, NULL, &error);
  if (infos == NULL)
    {
      /* Translators: the first %s is an organisation or user, the second why its snapshot failed. */
      g_printerr (_("hub-analytics: no snapshot of %s: %s\n"), author, error->message);
      if (snapshot->status == HUB_CLI_SNAPSHOT_OK)
        snapshot->status = status_for_error (error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_main_loop_quit (snapshot->loop);
          return;
        }
    }
  else
    {
      char day[HUB_DAY_ISO_LEN];

      hub_day_format (snapshot->day, day);
      /* Translators: %s are an organisation or user, and a date. */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u repository, snapshot of %s saved\n",
                            "%s: %u repositories, snapshot of %s saved\n", infos->len),
               author, infos->len, day);
    }
  snapshot->next++;
  next_author (snapshot);
}

static void
next_author (CliSnapshot *snapshot)
{
  if (snapshot->authors[snapshot->next] == NULL)
    {
      g_main_loop_quit (snapshot->loop);
      return;
    }
  hub_history_take_snapshot_async (snapshot->history, snapshot->client,
                                   snapshot->authors[snapshot->next], snapshot->day, NULL,
                                   snapshot->cancellable, snapshot_cb, snapshot);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CliSnapshot *snapshot = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = hub_token_store_lookup_finish (HUB_TOKEN_STORE (object), result, NULL, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      snapshot->status = HUB_CLI_SNAPSHOT_INTERRUPTED;
      g_main_loop_quit (snapshot->loop);
      return;
    }
  /* Public figures need no token: a keyring that cannot be read only
   * leaves out the private repositories. */
  if (error != NULL)
    g_printerr (_("hub-analytics: the token could not be read (%s); only public repositories "
                  "are listed\n"), error->message);
  snapshot->client = hub_client_new (snapshot->endpoint, token);
  next_author (snapshot);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  CliSnapshot *snapshot = user_data;

  g_cancellable_cancel (snapshot->cancellable);
  return G_SOURCE_CONTINUE;
}

int
hub_cli_snapshot (const char * const *authors)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *preference = NULL;
  g_autoptr(GSource) sigint = NULL;
  g_autoptr(GSource) sigterm = NULL;
  CliSnapshot snapshot = { 0 };

  if (authors == NULL || authors[0] == NULL)
    {
      g_printerr ("hub-analytics: %s\n",
                  _("--snapshot needs the organisations or users to take: --snapshot NAME…"));
      return HUB_CLI_SNAPSHOT_USAGE;
    }
  for (guint i = 0; authors[i] != NULL; i++)
    if (*authors[i] == '\0' || *authors[i] == '-' || strchr (authors[i], '/') != NULL)
      {
        g_printerr (_("hub-analytics: “%s” is not the name of an organisation or user\n"),
                    authors[i]);
        return HUB_CLI_SNAPSHOT_USAGE;
      }

  preference = hub_cli_endpoint_preference ();
  snapshot.endpoint = hub_endpoint_resolve (preference, NULL, &error);
  if (snapshot.endpoint == NULL)
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return HUB_CLI_SNAPSHOT_USAGE;
    }
  snapshot.history = hub_history_open (NULL, &error);
  if (snapshot.history == NULL)
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      g_free (snapshot.endpoint);
      return HUB_CLI_SNAPSHOT_HISTORY;
    }

  g_main_context_push_thread_default (context);
  snapshot.loop = g_main_loop_new (context, FALSE);
  snapshot.cancellable = g_cancellable_new ();
  snapshot.authors = authors;
  snapshot.day = hub_history_today ();
  snapshot.store = hub_token_store_new ();
  /* A timer should not wait long on an unanswered unlock prompt. */
  hub_token_store_set_keyring_timeout (snapshot.store, 30);

  sigint = g_unix_signal_source_new (SIGINT);
  sigterm = g_unix_signal_source_new (SIGTERM);
  g_source_set_callback (sigint, interrupted_cb, &snapshot, NULL);
  g_source_set_callback (sigterm, interrupted_cb, &snapshot, NULL);
  g_source_attach (sigint, context);
  g_source_attach (sigterm, context);

  hub_token_store_lookup_async (snapshot.store, snapshot.endpoint, snapshot.cancellable,
                                lookup_cb, &snapshot);
  g_main_loop_run (snapshot.loop);

  g_source_destroy (sigint);
  g_source_destroy (sigterm);
  g_clear_object (&snapshot.client);
  g_clear_object (&snapshot.store);
  g_clear_object (&snapshot.history);
  g_clear_object (&snapshot.cancellable);
  g_clear_pointer (&snapshot.loop, g_main_loop_unref);
  g_free (snapshot.endpoint);
  g_main_context_pop_thread_default (context);
  return fflush (stdout) == 0 ? snapshot.status : HUB_CLI_SNAPSHOT_FAILED;
}
