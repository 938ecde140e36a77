/* bench-net.c: how fast the Hub client fetches and parses a breakdown from a
 * local SoupServer, and how fast the offline cache of it saves and loads.
 *
 *   bench-net FILE.csv [RUNS]
 *
 * The server runs in its own thread (its own main context), serving FILE
 * with a Content-Length; the client is the app's HubClient, parsing in its
 * worker thread. Prints each run and the medians.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "async-wait.h"
#include "hub-core.h"
#include "hub-net.h"

typedef struct
{
  GBytes     *body;
  char       *url;
  GMutex      lock;
  GCond       ready;
  GMainLoop  *loop;
} Server;

static void
serve (SoupServer        *server,
       SoupServerMessage *msg,
       const char        *path,
       GHashTable        *query,
       gpointer           user_data)
{
  Server *s = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "text/csv", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), s->body);
}

static gpointer
server_thread (gpointer data)
{
  Server *s = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve, s, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("listen: %s", error->message);
  uris = soup_server_get_uris (server);

  g_mutex_lock (&s->lock);
  s->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  s->loop = g_main_loop_new (context, FALSE);
  g_cond_signal (&s->ready);
  g_mutex_unlock (&s->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (s->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(HubClient) client = NULL;
  g_autoptr(HubCache) cache = NULL;
  g_autoptr(HubDataset) last = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree double *fetch_s = NULL;
  g_autofree double *load_s = NULL;
  g_autofree double *save_s = NULL;
  Server s = { 0 };
  GThread *thread;
  guint runs;
  gsize size;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE.csv [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  runs = MAX (runs, 1);
  fetch_s = g_new0 (double, runs);
  load_s = g_new0 (double, runs);
  save_s = g_new0 (double, runs);

  mapped = g_mapped_file_new (argv[1], FALSE, &error);
  if (mapped == NULL)
    g_error ("%s", error->message);
  s.body = g_mapped_file_get_bytes (mapped);
  size = g_bytes_get_size (s.body);
  g_mutex_init (&s.lock);
  g_cond_init (&s.ready);
  thread = g_thread_new ("bench-server", server_thread, &s);
  g_mutex_lock (&s.lock);
  while (s.url == NULL)
    g_cond_wait (&s.ready, &s.lock);
  g_mutex_unlock (&s.lock);

  client = hub_client_new (s.url, "hf_bench");
  g_print ("file: %s, %.1f MB\n", argv[1], size / 1e6);

  for (guint i = 0; i < runs; i++)
    {
      HubProgress progress = { 0 };
      g_auto(HubAsyncWait) wait = { 0 };
      gint64 start = g_get_monotonic_time ();
      guint64 raw = 0;

      hub_client_fetch_breakdown_async (client, "bench", &progress, NULL, NULL, hub_async_wait_cb, &wait);
      g_clear_object (&last);
      last = hub_client_fetch_breakdown_finish (client, hub_async_wait (&wait, 600), &raw, NULL,
                                                &error);
      if (last == NULL)
        g_error ("fetch: %s", error->message);
      fetch_s[i] = (g_get_monotonic_time () - start) / 1e6;
      g_print ("fetch %u: %.3f s, %.0f MB/s, %.2f M rows/s (%" G_GUINT64_FORMAT " rows)\n", i + 1,
               fetch_s[i], raw / 1e6 / fetch_s[i],
               hub_dataset_get_totals (last)->rows / 1e6 / fetch_s[i],
               hub_dataset_get_totals (last)->rows);
    }

  cache_dir = g_dir_make_tmp ("bench-net-XXXXXX", &error);
  cache = hub_cache_new (cache_dir);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!hub_cache_save_dataset (cache, s.url, "bench", last, NULL, NULL, &error))
        g_error ("save: %s", error->message);
      save_s[i] = (g_get_monotonic_time () - start) / 1e6;
    }
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(HubDataset) loaded = NULL;
      gint64 start = g_get_monotonic_time ();

      loaded = hub_cache_load_dataset (cache, s.url, "bench", NULL, NULL, &error);
      if (loaded == NULL)
        g_error ("load: %s", error->message);
      load_s[i] = (g_get_monotonic_time () - start) / 1e6;
      g_print ("cache load %u: %.3f s (%u repos, %" G_GUINT64_FORMAT " rows)\n", i + 1, load_s[i],
               hub_dataset_get_n_repos (loaded), hub_dataset_get_totals (loaded)->rows);
    }

  {
    g_autofree char *path = hub_cache_get_dataset_path (cache, s.url, "bench");
    GStatBuf st;

    g_stat (path, &st);
    g_print ("cache file: %.1f MB\n", st.st_size / 1e6);
    g_print ("median fetch: %.3f s = %.0f MB/s\n", median (fetch_s, runs), size / 1e6 / median (fetch_s, runs));
    g_print ("median cache save: %.3f s\n", median (save_s, runs));
    g_print ("median cache load: %.3f s\n", median (load_s, runs));
    g_unlink (path);
  }

  g_main_loop_quit (s.loop);
  g_thread_join (thread);
  g_main_loop_unref (s.loop);
  g_free (s.url);
  g_bytes_unref (s.body);
  return 0;
}
