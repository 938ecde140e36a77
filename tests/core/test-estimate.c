/* test-estimate.c: daily downloads estimated between snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "hub-test-util.h"

static HubRepoHistory *
history_of (const char   *name,
            const char  **days,
            const gint64 *all_time,
            guint         n)
{
  HubRepoHistory *history = hub_repo_history_new ("model", name);

  for (guint i = 0; i < n; i++)
    {
      HubSnapshotPoint point = { hub_test_day (days[i]), -1, all_time[i], -1 };

      hub_repo_history_add (history, &point);
    }
  return history;
}

static void
assert_spread (gint64        change,
               guint         n_days,
               const gint64 *expected)
{
  g_autofree gint64 *counts = g_new (gint64, n_days);

  hub_estimate_spread (change, n_days, counts);
  for (guint i = 0; i < n_days; i++)
    g_assert_cmpint (counts[i], ==, expected[i]);
}

static void
test_spread (void)
{
  /* The remainder goes one each to the latest days. */
  assert_spread (10, 3, (gint64[]) { 3, 3, 4 });
  assert_spread (11, 3, (gint64[]) { 3, 4, 4 });
  assert_spread (2, 5, (gint64[]) { 0, 0, 0, 1, 1 });
  assert_spread (0, 2, (gint64[]) { 0, 0 });
  assert_spread (7, 1, (gint64[]) { 7 });
  assert_spread (-5, 3, (gint64[]) { 0, 0, 0 });
  assert_spread (G_MAXINT64, 2, (gint64[]) { G_MAXINT64 / 2, G_MAXINT64 / 2 + 1 });
}

static void
test_daily (void)
{
  const char *days[] = { "2026-11-01", "2026-11-04", "2026-11-05", "2026-11-07" };
  const gint64 all_time[] = { 100, 110, 109, 120 };
  g_autoptr(HubRepoHistory) history = history_of ("acme/one", days, all_time, 4);
  g_autoptr(GArray) decreases = NULL;
  g_autoptr(GArray) estimated = hub_estimate_daily (history, &decreases);
  const gint64 expected[] = { 3, 3, 4, 0, 5, 6 };
  gint64 sum = 0;

  g_assert_cmpuint (estimated->len, ==, 6);
  for (guint i = 0; i < estimated->len; i++)
    {
      const HubEstimatedDay *day = &g_array_index (estimated, HubEstimatedDay, i);

      g_assert_cmpint (day->day, ==, hub_test_day ("2026-11-02") + (HubDay) i);
      g_assert_cmpint (day->downloads, ==, expected[i]);
      g_assert_cmpint (day->decrease, ==, i == 3);
      sum += day->downloads;
    }
  /* What rose is all there, less nothing: the fall is noted, not taken back. */
  g_assert_cmpint (sum, ==, 10 + 11);

  g_assert_cmpuint (decreases->len, ==, 1);
  g_assert_cmpint (g_array_index (decreases, HubDecrease, 0).from, ==, hub_test_day ("2026-11-04"));
  g_assert_cmpint (g_array_index (decreases, HubDecrease, 0).to, ==, hub_test_day ("2026-11-05"));
  g_assert_cmpint (g_array_index (decreases, HubDecrease, 0).amount, ==, 1);
}

static void
test_missing_figures (void)
{
  const char *days[] = { "2026-11-01", "2026-11-02", "2026-11-03" };
  const gint64 all_time[] = { 50, -1, 56 };
  g_autoptr(HubRepoHistory) history = history_of ("acme/one", days, all_time, 3);
  g_autoptr(HubRepoHistory) single = history_of ("acme/two", days, all_time, 1);
  g_autoptr(GArray) estimated = hub_estimate_daily (history, NULL);
  g_autoptr(GArray) none = hub_estimate_daily (single, NULL);

  /* A snapshot without all-time downloads is passed over. */
  g_assert_cmpuint (estimated->len, ==, 2);
  g_assert_cmpint (g_array_index (estimated, HubEstimatedDay, 0).downloads, ==, 3);
  g_assert_cmpint (g_array_index (estimated, HubEstimatedDay, 1).downloads, ==, 3);
  /* One snapshot gives no estimate at all. */
  g_assert_cmpuint (none->len, ==, 0);
}

static GPtrArray *
sample_histories (void)
{
  GPtrArray *histories = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_repo_history_free);
  const char *days[] = { "2026-11-01", "2026-11-03" };
  const gint64 one[] = { 1000, 1011 };
  const gint64 two[] = { 7, 7 };
  HubRepoHistory *dataset = hub_repo_history_new ("dataset", "acme/data, quoted");
  HubSnapshotPoint a = { hub_test_day ("2026-11-02"), 9, 40, 1 };
  HubSnapshotPoint b = { hub_test_day ("2026-11-03"), 9, 30, 1 };

  g_ptr_array_add (histories, history_of ("acme/one", days, one, 2));
  g_ptr_array_add (histories, history_of ("acme/two", days, two, 2));
  g_ptr_array_add (histories, history_of ("acme/new", days + 1, one + 1, 1));
  hub_repo_history_add (dataset, &a);
  hub_repo_history_add (dataset, &b);
  g_ptr_array_add (histories, dataset);
  return histories;
}

static const char sample_csv[] =
  "repoType,repoName,total,timestamp,downloads,estimate\n"
  "model,acme/one,1011,2026-11-02T00:00:00.000Z,5,true\n"
  "model,acme/one,1011,2026-11-03T00:00:00.000Z,6,true\n"
  "model,acme/two,7,2026-11-02T00:00:00.000Z,0,true\n"
  "model,acme/two,7,2026-11-03T00:00:00.000Z,0,true\n"
  "dataset,\"acme/data, quoted\",40,2026-11-03T00:00:00.000Z,0,true\n";

static void
test_write_csv (void)
{
  g_autoptr(GPtrArray) histories = sample_histories ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (hub_estimate_write_csv (histories, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_cmpstr (text, ==, sample_csv);
}

static void
test_dataset (void)
{
  g_autoptr(GPtrArray) histories = sample_histories ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_estimate_to_dataset (histories, "history of acme", &error);
  g_autoptr(HubDataset) parsed = hub_test_parse (sample_csv);
  const HubRepo *one;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  /* The breakdown's own reader reads the export, the sixth column aside. */
  hub_test_assert_datasets_equal (dataset, parsed);
  g_assert_cmpuint (hub_dataset_get_n_repos (dataset), ==, 3);
  one = hub_dataset_find_repo (dataset, "model", "acme/one");
  g_assert_nonnull (one);
  g_assert_cmpint (hub_repo_day_count (one, hub_test_day ("2026-11-03")), ==, 6);
  g_assert_cmpint (hub_repo_all_time (one), ==, 1011);
  g_assert_cmpint (hub_dataset_get_as_of (dataset), ==, hub_test_day ("2026-11-03"));
  g_assert_null (hub_dataset_find_repo (dataset, "model", "acme/new"));
}

static void
test_export (void)
{
  g_autoptr(GPtrArray) histories = sample_histories ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hub-estimate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "acme-history.csv", NULL);
  g_autofree char *blocked = g_build_filename (path, "below-a-file.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (blocked);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (hub_estimate_export (histories, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, sample_csv);

  /* A destination below a file cannot be written: an error, and the
   * earlier export stays whole. */
  g_assert_false (hub_estimate_export (histories, nowhere, NULL, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, sample_csv);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/estimate/spread", test_spread);
  g_test_add_func ("/core/estimate/daily", test_daily);
  g_test_add_func ("/core/estimate/missing-figures", test_missing_figures);
  g_test_add_func ("/core/estimate/write-csv", test_write_csv);
  g_test_add_func ("/core/estimate/dataset", test_dataset);
  g_test_add_func ("/core/estimate/export", test_export);

  return g_test_run ();
}
