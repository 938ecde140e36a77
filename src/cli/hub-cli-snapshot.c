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

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hub-cli-private.h"
#include "hub-cli-snapshot.h"
#include "hub-net.h"

typedef struct
{
  HubCliSession        session;
  HubClient           *client;
  HubHistory          *history;
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
          g_main_loop_quit (snapshot->session.loop);
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
      g_main_loop_quit (snapshot->session.loop);
      return;
    }
  hub_history_take_snapshot_async (snapshot->history, snapshot->client,
                                   snapshot->authors[snapshot->next], snapshot->day, NULL,
                                   snapshot->session.cancellable, snapshot_cb, snapshot);
}

static void
got_token (const char   *token,
           const GError *error,
           gpointer      user_data)
{
  CliSnapshot *snapshot = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      snapshot->status = HUB_CLI_SNAPSHOT_INTERRUPTED;
      g_main_loop_quit (snapshot->session.loop);
      return;
    }
  /* Public figures need no token: a keyring that cannot be read only
   * leaves out the private repositories. */
  if (error != NULL)
    g_printerr (_("hub-analytics: the token could not be read (%s); only public repositories "
                  "are listed\n"), error->message);
  snapshot->client = hub_client_new (snapshot->session.endpoint, token);
  next_author (snapshot);
}

/* `--snapshot NAME…`: a line on stdout for each snapshot saved, on stderr
 * for each that failed. */
int
hub_cli_snapshot_run (GVariantDict       *options,
                      const char * const *authors)
{
  g_autoptr(GError) error = NULL;
  CliSnapshot snapshot = { 0 };

  if (authors[0] == NULL)
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

  if (!hub_cli_session_begin (&snapshot.session))
    return HUB_CLI_SNAPSHOT_USAGE;
  snapshot.history = hub_history_open (NULL, &error);
  if (snapshot.history == NULL)
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      hub_cli_session_end (&snapshot.session);
      return HUB_CLI_SNAPSHOT_HISTORY;
    }
  snapshot.authors = authors;
  snapshot.day = hub_history_today ();

  hub_cli_session_run (&snapshot.session, got_token, &snapshot);
  g_clear_object (&snapshot.client);
  g_clear_object (&snapshot.history);
  hub_cli_session_end (&snapshot.session);
  return fflush (stdout) == 0 ? snapshot.status : HUB_CLI_SNAPSHOT_FAILED;
}
