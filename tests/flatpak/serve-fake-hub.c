/* serve-fake-hub.c: the tests' Hub (tests/net/fake-hub.c) on 127.0.0.1, for
 * build-aux/flatpak-check.sh, whose sandboxed app reaches it through its
 * network permission.
 *
 *   serve-fake-hub BREAKDOWN.csv
 *
 * Prints the Hub's URL on a line of its own, then serves until its standard
 * input is closed. A request to the breakdown or whoami routes with the test
 * token is logged on standard output as "ok PATH", one without it as
 * "refused PATH", so that a check sees which token the app sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixinputstream.h>
#include <stdio.h>

#include "fake-hub.h"

static void
on_request_finished (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  GUri *uri = soup_server_message_get_uri (msg);
  guint status = soup_server_message_get_status (msg);

  printf ("%s %s\n", status == SOUP_STATUS_UNAUTHORIZED ? "refused" : "ok", g_uri_get_path (uri));
  fflush (stdout);
}

static void
on_stdin_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;

  /* Any answer, data or end of file or an error, means the caller is gone
   * or done: the check writes nothing to us. */
  g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);
  *done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) breakdown = NULL;
  g_autoptr(FakeHub) hub = NULL;
  g_autoptr(GInputStream) in = NULL;
  gboolean done = FALSE;

  if (argc != 2)
    {
      g_printerr ("usage: serve-fake-hub BREAKDOWN.csv\n");
      return 2;
    }
  file = g_mapped_file_new (argv[1], FALSE, &error);
  if (file == NULL)
    {
      g_printerr ("serve-fake-hub: %s\n", error->message);
      return 1;
    }
  breakdown = g_mapped_file_get_bytes (file);
  hub = fake_hub_new (breakdown);
  g_signal_connect (hub->server, "request-finished", G_CALLBACK (on_request_finished), NULL);
  printf ("%s\n", hub->url);
  fflush (stdout);

  in = g_unix_input_stream_new (0, FALSE);
  g_input_stream_read_bytes_async (in, 1, G_PRIORITY_DEFAULT, NULL, on_stdin_read, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
