/* bench-snapshot.c: how long a snapshot of a large author takes against the
 * local test Hub, and how large the history grows in a year.
 *
 *   bench-snapshot [REPOS] [DAYS] [RUNS]      (5000, 365, 5 by default)
 *
 * First RUNS snapshots of an author with REPOS repositories (a fifth of
 * them datasets, 1000 a page, as the Hub pages its listings), listed from
 * the test Hub of tests/net (fake-hub.c) on 127.0.0.1 and saved into a
 * history in /tmp, each on its own day; then DAYS daily snapshots of the
 * same author with figures that grow every day, saved straight into
 * another history, whose size on disk is then printed, with the time to
 * load it and to estimate its daily downloads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fake-hub.h"
#include "hub-core.h"
#include "hub-net.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static guint64
size_on_disk (const char *path)
{
  GStatBuf st;
  guint64 total = 0;
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_stat (file, &st) == 0)
        total += (guint64) st.st_size;
    }
  return total;
}

/* What the Hub would list on day d of the year: every repository gains a
 * little every day, some more than others, and the 30-day figure moves. */
static GPtrArray *
listing_of_day (const char *author,
                guint       repos,
                guint       d)
{
  GPtrArray *infos = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_repo_info_free);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2025, 6, 1, 0, 0, 0);

  for (guint i = 0; i < repos; i++)
    {
      HubRepoInfo *info = g_new0 (HubRepoInfo, 1);
      gint64 daily = (gint64) ((i * 2654435761u) % 5000) / (1 + i % 7);

      info->type = g_strdup (i < repos - repos / 5 ? "model" : "dataset");
      info->name = g_strdup_printf ("%s/%s-%u", author, i < repos - repos / 5 ? "model" : "dataset", i);
      info->downloads = daily * 30 + d % 11;
      info->downloads_all_time = 1000 * (gint64) (i + 1) + daily * d;
      info->likes = (gint64) (i % 97) + d / 30;
      info->trending_score = (gint64) (i % 13);
      info->created_at = g_date_time_ref (created);
      info->last_modified = g_date_time_add_days (created, (int) (i % 300));
      g_ptr_array_add (infos, info);
    }
  return infos;
}

int
main (int   argc,
      char *argv[])
{
  guint repos = argc > 1 ? (guint) atoi (argv[1]) : 5000;
  guint days = argc > 2 ? (guint) atoi (argv[2]) : 365;
  guint runs = argc > 3 ? (guint) atoi (argv[3]) : 5;
  g_autofree char *author = g_strdup_printf ("many-%u", repos);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hub-bench-snapshot-XXXXXX", &error);
  g_autofree char *fetched_path = g_build_filename (dir, "fetched.sqlite3", NULL);
  g_autofree char *year_path = g_build_filename (dir, "year.sqlite3", NULL);
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) histories = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *size = NULL;
  FakeHub *hub;
  HubClient *client;
  HubHistory *history;
  HubDay first = hub_day_from_ymd (2026, 1, 1);
  gint64 start;
  double load_s, estimate_s;

  if (repos == 0 || days < 2 || runs == 0 || dir == NULL)
    {
      g_printerr ("usage: bench-snapshot [REPOS] [DAYS ≥ 2] [RUNS]\n");
      return 2;
    }

  /* Snapshots through the listings, as --snapshot takes them. */
  hub = fake_hub_new (nothing);
  client = hub_client_new (hub->url, NULL);
  history = hub_history_open (fetched_path, &error);
  g_assert_no_error (error);
  for (guint run = 0; run < runs; run++)
    {
      g_auto(HubAsyncWait) wait = { 0 };
      g_autoptr(GPtrArray) infos = NULL;
      double seconds;

      start = g_get_monotonic_time ();
      hub_history_take_snapshot_async (history, client, author, first + (HubDay) run, NULL, NULL,
                                       hub_async_wait_cb, &wait);
      infos = hub_history_take_snapshot_finish (history, hub_async_wait (&wait, 600), NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (infos->len, ==, repos);
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      g_array_append_val (times, seconds);
      g_print ("snapshot %u of %s (%u repositories, %u pages): %.3f s\n", run + 1, author,
               infos->len, fake_hub_hits (hub, "/api/models") / (run + 1) +
               fake_hub_hits (hub, "/api/datasets") / (run + 1) +
               fake_hub_hits (hub, "/api/spaces") / (run + 1), seconds);
    }
  g_print ("snapshot of %u repositories: median %.3f s over %u runs\n", repos, median (times), runs);
  g_object_unref (history);
  g_object_unref (client);
  fake_hub_free (hub);

  /* A year of daily snapshots. */
  history = hub_history_open (year_path, &error);
  g_assert_no_error (error);
  for (guint d = 0; d < days; d++)
    {
      g_autoptr(GPtrArray) infos = listing_of_day ("acme", repos, d);
      double seconds;

      start = g_get_monotonic_time ();
      if (!hub_history_save_snapshot (history, HUB_DEFAULT_ENDPOINT, "acme", first + (HubDay) d,
                                      NULL, infos, &error))
        g_error ("day %u: %s", d, error->message);
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      g_array_append_val (save_times, seconds);
    }
  g_object_unref (history);
  size = g_format_size (size_on_disk (year_path));
  g_print ("%u daily snapshots of %u repositories: %s on disk (%" G_GUINT64_FORMAT " bytes), "
           "%.1f bytes a repository and day; a save took %.3f s (median)\n",
           days, repos, size, size_on_disk (year_path),
           (double) size_on_disk (year_path) / ((double) days * repos), median (save_times));

  history = hub_history_open (year_path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  histories = hub_history_load_author (history, HUB_DEFAULT_ENDPOINT, "acme", &error);
  g_assert_no_error (error);
  load_s = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  start = g_get_monotonic_time ();
  dataset = hub_estimate_to_dataset (histories, "acme", &error);
  g_assert_no_error (error);
  estimate_s = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_print ("loading the year: %.3f s; its estimates as a dataset (%u repositories): %.3f s\n",
           load_s, hub_dataset_get_n_repos (dataset), estimate_s);
  g_object_unref (history);

  g_unlink (fetched_path);
  g_unlink (year_path);
  g_rmdir (dir);
  return 0;
}
