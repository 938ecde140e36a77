/* test-idle.c: a window with nothing to do paints no frames
 *
 * An animation, a pulsing progress bar or a tick callback left running
 * keeps the frame clock painting at 60 frames a second in a window that
 * shows nothing new: a laptop's battery drains while the app sits idle.
 * Each test brings the window to rest, then waits until it has gone
 * QUIET_MS without a frame; a window that keeps painting fails after
 * LIMIT_S seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "hub-ui-test-util.h"

#define QUIET_MS 500
#define LIMIT_S  20

typedef struct
{
  guint64 frames;       /* frames painted so far */
  guint64 seen;         /* frames painted when the last quiet period began */
  gboolean quiet;       /* a whole period went by without a frame */
  gboolean period_over;
} Frames;

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->frames++;
}

static void
on_period_over (gpointer user_data)
{
  Frames *frames = user_data;

  frames->period_over = TRUE;
}

static gboolean
window_at_rest (gpointer user_data)
{
  Frames *frames = user_data;

  if (!frames->period_over)
    return FALSE;
  if (frames->frames == frames->seen)
    return TRUE;
  frames->seen = frames->frames;
  frames->period_over = FALSE;
  g_timeout_add_once (QUIET_MS, on_period_over, frames);
  return FALSE;
}

/* Waits for the window to go QUIET_MS without painting. */
static void
assert_stops_painting (HubWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Frames frames = { 0 };
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);

  g_timeout_add_once (QUIET_MS, on_period_over, &frames);
  hub_test_wait_for (window_at_rest, &frames, LIMIT_S,
                     "the window to stop painting frames (something keeps the frame clock running)");
  g_signal_handler_disconnect (clock, id);
}

/* A file read faster than the progress is first updated: the progress
 * bars, pulsing until the size of the file is known, stop with the read. */
static void
test_loaded_file (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 1100, 760);

  assert_stops_painting (window);
  hub_test_close_window (window);
}

/* The demo, over the welcome page; then a file over the dashboard, whose
 * progress floats over it. */
static void
test_demo_then_file (void)
{
  HubWindow *window = hub_test_open_window (NULL, 1100, 760);
  g_autofree char *path = hub_test_fixture_path ("fixture.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_stops_painting (window);
  hub_window_open_demo (window);
  hub_test_wait_loaded (window);
  assert_stops_painting (window);
  hub_window_open_file (window, file);
  hub_test_wait_loaded (window);
  assert_stops_painting (window);
  hub_test_close_window (window);
}

/* A narrow window: the other layout's widgets. */
static void
test_narrow (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 360, 640);

  assert_stops_painting (window);
  hub_test_close_window (window);
}

#define TOKEN "hf_idle_test_token"

/* The Hub, for an organisation fetched: its breakdown chunked, with no
 * length, so that the progress pulses for the whole fetch. */
static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  static const char whoami[] =
    "{\"name\":\"ada\",\"orgs\":[{\"name\":\"aurora\",\"fullname\":\"Aurora Labs\"}],"
    "\"auth\":{\"accessToken\":{\"role\":\"read\"}}}";
  static const char breakdown[] =
    "repoType,repoName,total,timestamp,downloads\n"
    "model,aurora/alpha,100,2026-11-20T00:00:00.000Z,5\n"
    "model,aurora/alpha,100,2026-11-21T00:00:00.000Z,6\n";
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *body = "[]";

  if (g_str_equal (path, "/api/whoami-v2"))
    body = whoami;
  else if (g_str_equal (path, "/organizations/aurora/settings/publisher-analytics/download-breakdown"))
    {
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      body = breakdown;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            body, strlen (body));
  soup_message_body_complete (soup_server_message_get_response_body (msg));
}

static gboolean
can_open_org (gpointer data)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (data), "open-org");
}

static gboolean
shows_aurora (gpointer data)
{
  HubSource *source = hub_window_get_source (data);

  return source != NULL && g_str_equal (hub_source_get_id (source), "org:aurora") &&
         !hub_window_get_loading (data);
}

/* An organisation fetched with HF_TOKEN, its size unknown until the end. */
static void
test_fetched (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *cache = g_dir_make_tmp ("hub-idle-XXXXXX", &error);
  HubWindow *window;

  g_assert_no_error (error);
  soup_server_add_handler (server, NULL, on_request, NULL, NULL);
  endpoint = hub_test_listen_local (server);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("HF_ENDPOINT", endpoint, TRUE);
  g_setenv ("HF_TOKEN", TOKEN, TRUE);

  window = hub_test_open_window (NULL, 1100, 760);
  hub_test_wait_for (can_open_org, window, 30, "signing in with HF_TOKEN");
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-org",
                                  g_variant_new_string ("aurora"));
  hub_test_wait_for (shows_aurora, window, 30, "the fetch");
  assert_stops_painting (window);

  hub_test_close_window (window);
  g_unsetenv ("HF_TOKEN");
  g_unsetenv ("HF_ENDPOINT");
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/idle/loaded-file", test_loaded_file);
  g_test_add_func ("/ui/idle/demo-then-file", test_demo_then_file);
  g_test_add_func ("/ui/idle/narrow", test_narrow);
  g_test_add_func ("/ui/idle/fetched", test_fetched);

  return g_test_run ();
}
