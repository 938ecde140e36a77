/* test-writer.c: CSV export: the breakdown round-trips, the table says what the UI shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

static char *
write_breakdown (HubDataset *dataset)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hub_csv_write_breakdown (dataset, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* The span of a preset (or, with HUB_RANGE_CUSTOM, of first … last) over dataset's days. */
static HubSpan
span_of (HubDataset     *dataset,
         HubRangePreset  preset,
         HubComparison   comparison,
         const char     *first,
         const char     *last)
{
  const HubTotals *totals = hub_dataset_get_totals (dataset);
  HubRange range = hub_range_from_preset (preset, totals->as_of, totals->first_day);

  if (preset == HUB_RANGE_CUSTOM)
    range = (HubRange) { hub_test_day (first), hub_test_day (last) };
  return hub_span_make (preset, range, comparison);
}

static char *
write_table (HubDataset    *dataset,
             const guint   *indexes,
             guint          n,
             const HubSpan *span)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hub_csv_write_table (dataset, indexes, n, span, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_round_trip (HubDataset *dataset)
{
  g_autofree char *text = write_breakdown (dataset);
  g_autoptr(HubDataset) again = hub_test_parse (text);

  hub_test_assert_datasets_equal (dataset, again);
  g_assert_finalize_object (g_steal_pointer (&again));
}

/* Names that need quoting, types the app does not know, large counts. */
static void
test_round_trip (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,\"org/a,b\",10,2026-06-01,4\n"
                                                  "model,\"org/\"\"q\"\"\",0,2026-06-01,1\n"
                                                  "model,\"org/new\nline\",0,2026-06-01,1\n"
                                                  "model,\"org/crlf\r\nline\",0,2026-06-01,1\n"
                                                  "model,\" org/lead\",0,2026-06-01,1\n"
                                                  "model,\"org/trail \",0,2026-06-01,1\n"
                                                  "model,\"\torg/tab\",0,2026-06-01,1\n"
                                                  "dataset,org/ünïcødé-数据,0,2026-06-01,1\n"
                                                  "\"kernel, v2\",org/k,0,2026-06-01,1\n"
                                                  "space,org/s,9223372036854775807,2026-06-01,"
                                                  "9223372036854775807\n"
                                                  "model,org/big,0,2026-06-02,4294967296\n"
                                                  "model,org/big,0,2024-02-29T23:00:00-02:00,5\n");

  assert_round_trip (dataset);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* The first and last days a timestamp may name come back as they were. */
static void
test_round_trip_extreme_dates (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/a,0,0001-01-01T00:00:00Z,1\n"
                                                  "model,org/a,0,9999-12-31T23:59:59Z,2\n");

  assert_round_trip (dataset);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Many repositories, days out of order and repeated: written sorted and
 * merged, read back the same. */
static void
test_round_trip_generated (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *written = NULL;
  g_autoptr(HubDataset) again = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      guint repo = (guint) g_rand_int_range (rand, 0, 40);
      HubDay day = hub_day_from_ymd (2023, 12, 1) + g_rand_int_range (rand, 0, 120);
      char iso[HUB_DAY_ISO_LEN];

      hub_day_format (day, iso);
      g_string_append_printf (text, "%s,org/repo-%u,%u,%s,%d\n", repo % 3 ? "model" : "dataset",
                              repo, repo * 1000, iso, g_rand_int_range (rand, 0, 100000));
    }
  dataset = hub_test_parse (text->str);
  g_assert_cmpuint (hub_dataset_get_totals (dataset)->merged_repeats, >, 0);

  written = write_breakdown (dataset);
  again = hub_test_parse (written);
  hub_test_assert_same_numbers (dataset, again);
  g_assert_cmpuint (hub_dataset_get_totals (again)->merged_repeats, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* The Hub's own five columns, in its own form: its sample comes back as it was. */
static void
test_breakdown_format (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hub-sample.csv", NULL);
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *written = NULL;

  g_file_get_contents (path, &original, NULL, &error);
  g_assert_no_error (error);
  dataset = hub_test_parse (original);
  written = write_breakdown (dataset);
  g_strchomp (original);
  g_strchomp (written);
  g_assert_cmpstr (written, ==, original);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static HubDataset *
table_dataset (void)
{
  return hub_test_parse (HEADER
                         "model,org/a,1000,2026-06-30,30\n"
                         "model,org/a,1000,2026-05-20,20\n"
                         "dataset,\"org/b, new\",0,2026-06-29,7\n"
                         "space,org/c,50,2025-01-01,50\n"
                         "kernel,org/d,0,2026-06-01,1\n"
                         "kernel,org/d,0,2026-05-31,3\n");
}

/* In the order given, locale-free, change as a decimal ratio, empty when
 * new; the range's downloads and change, All Time with none. */
static void
test_table (void)
{
  g_autoptr(HubDataset) dataset = table_dataset ();
  const guint order[] = { 2, 0, 1, 3 };
  HubSpan all = span_of (dataset, HUB_RANGE_ALL, HUB_COMPARISON_PREVIOUS, NULL, NULL);
  HubSpan month = span_of (dataset, HUB_RANGE_LAST_30_DAYS, HUB_COMPARISON_PREVIOUS, NULL, NULL);
  /* 12 days from Wednesday 20 May, against the 12 from Wednesday 6 May. */
  HubSpan custom = span_of (dataset, HUB_RANGE_CUSTOM, HUB_COMPARISON_PREVIOUS,
                            "2026-05-20", "2026-05-31");
  /* January against January 2025. */
  HubSpan year = span_of (dataset, HUB_RANGE_CUSTOM, HUB_COMPARISON_YEAR,
                          "2026-01-01", "2026-01-31");
  g_autofree char *all_time = write_table (dataset, order, G_N_ELEMENTS (order), &all);
  g_autofree char *last_month = write_table (dataset, order, 2, &month);
  g_autofree char *days = write_table (dataset, order, G_N_ELEMENTS (order), &custom);
  g_autofree char *january = write_table (dataset, order, 1, &year);

  g_assert_cmpstr (all_time, ==,
                   "repoType,repoName,periodDownloads,allTime,lastMonth,previousMonth,change\n"
                   "space,org/c,50,50,0,0,\n"
                   "model,org/a,1000,1000,30,20,\n"
                   "dataset,\"org/b, new\",7,7,7,0,\n"
                   "kernel,org/d,4,4,1,3,\n");
  /* 1 … 30 June against 27 April … 26 May, which holds org/a's 20. */
  g_assert_cmpstr (last_month, ==,
                   "repoType,repoName,periodDownloads,allTime,lastMonth,previousMonth,change\n"
                   "space,org/c,0,50,0,0,0\n"
                   "model,org/a,30,1000,30,20,0.5\n");
  g_assert_cmpstr (days, ==,
                   "repoType,repoName,periodDownloads,allTime,lastMonth,previousMonth,change\n"
                   "space,org/c,0,50,0,0,0\n"
                   "model,org/a,20,1000,30,20,\n"
                   "dataset,\"org/b, new\",0,7,7,0,0\n"
                   "kernel,org/d,3,4,1,3,\n");
  g_assert_cmpstr (january, ==,
                   "repoType,repoName,periodDownloads,allTime,lastMonth,previousMonth,change\n"
                   "space,org/c,0,50,0,0,-1\n");
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
assert_change (gint64      last,
               gint64      previous,
               const char *expected)
{
  g_autofree char *text = hub_csv_format_change (hub_change_compute (last, previous));

  g_assert_cmpstr (text, ==, expected);
}

static void
test_change_format (void)
{
  assert_change (125, 100, "0.25");
  assert_change (50, 100, "-0.5");
  assert_change (400, 100, "3");
  assert_change (4, 3, "0.333333");
  assert_change (7, 0, "");
  assert_change (0, 0, "0");
}

/* Locale-free even where the decimal separator is a comma. */
static void
test_change_format_locale (void)
{
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  assert_change (125, 100, "0.25");
  setlocale (LC_NUMERIC, saved);
}

static void
test_suggested_name (void)
{
  HubDay day = hub_day_from_ymd (2026, 11, 21);
  g_autofree char *org = hub_csv_suggested_name ("huggingface", HUB_EXPORT_BREAKDOWN, day);
  g_autofree char *file = hub_csv_suggested_name ("breakdown.csv", HUB_EXPORT_BREAKDOWN, day);
  g_autofree char *demo = hub_csv_suggested_name (NULL, HUB_EXPORT_BREAKDOWN, day);
  g_autofree char *empty = hub_csv_suggested_name ("", HUB_EXPORT_BREAKDOWN, day);
  g_autofree char *slashes = hub_csv_suggested_name ("a/b:c", HUB_EXPORT_BREAKDOWN, day);
  g_autofree char *no_day = hub_csv_suggested_name ("org", HUB_EXPORT_BREAKDOWN, HUB_DAY_NONE);
  g_autofree char *table = hub_csv_suggested_name ("huggingface", HUB_EXPORT_TABLE, day);
  g_autofree char *table_no_day = hub_csv_suggested_name ("org", HUB_EXPORT_TABLE, HUB_DAY_NONE);

  g_assert_cmpstr (org, ==, "huggingface-downloads-2026-11-21.csv");
  g_assert_cmpstr (file, ==, "breakdown-downloads-2026-11-21.csv");
  g_assert_cmpstr (demo, ==, "demo-downloads-2026-11-21.csv");
  g_assert_cmpstr (empty, ==, "demo-downloads-2026-11-21.csv");
  g_assert_cmpstr (slashes, ==, "a-b-c-downloads-2026-11-21.csv");
  g_assert_cmpstr (no_day, ==, "org-downloads.csv");
  g_assert_cmpstr (table, ==, "huggingface-repositories-2026-11-21.csv");
  g_assert_cmpstr (table_no_day, ==, "org-repositories.csv");
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hub-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HubDataset) dataset = table_dataset ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = write_breakdown (dataset);
  HubSpan all = span_of (dataset, HUB_RANGE_ALL, HUB_COMPARISON_PREVIOUS, NULL, NULL);

  g_assert_true (g_file_set_contents (path, "old contents\n", -1, NULL));
  g_assert_true (hub_csv_export (dataset, HUB_EXPORT_BREAKDOWN, NULL, 0, &all,
                                 file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_clear_pointer (&contents, g_free);
  {
    const guint order[] = { 1 };

    g_assert_true (hub_csv_export (dataset, HUB_EXPORT_TABLE, order, 1, &all,
                                   file, NULL, &error));
    g_file_get_contents (path, &contents, NULL, &error);
    g_assert_cmpstr (contents, ==,
                     "repoType,repoName,periodDownloads,allTime,lastMonth,previousMonth,change\n"
                     "dataset,\"org/b, new\",7,7,7,0,\n");
  }
  g_unlink (path);
  g_rmdir (dir);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_export_missing_folder (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/folder/out.csv");
  g_autoptr(HubDataset) dataset = table_dataset ();
  g_autoptr(GError) error = NULL;

  g_assert_false (hub_csv_export (dataset, HUB_EXPORT_BREAKDOWN, NULL, 0, &HUB_SPAN_ALL_TIME,
                                  file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* A write that fails half-way (here: the file size limit) leaves the old
 * file as it was and no temporary file beside it. Run in a subprocess, for
 * the limit. */
static void
test_export_failure_keeps_old (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GString) text = g_string_new (HEADER);
      g_autoptr(HubDataset) dataset = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 100 * 1024, 100 * 1024 };

      for (guint i = 0; i < 10000; i++)
        g_string_append_printf (text, "model,org/repo-%u,0,2026-06-01,%u\n", i, i);
      dataset = hub_test_parse (text->str);
      file = g_file_new_for_path (g_getenv ("HUB_TEST_EXPORT_TARGET"));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (hub_csv_export (dataset, HUB_EXPORT_BREAKDOWN, NULL, 0, &HUB_SPAN_ALL_TIME,
                                      file, NULL, &error));
      g_assert_nonnull (error);
      return;
    }

  dir = g_dir_make_tmp ("hub-test-XXXXXX", NULL);
  path = g_build_filename (dir, "out.csv", NULL);
  g_assert_true (g_file_set_contents (path, "old contents\n", -1, NULL));
  g_setenv ("HUB_TEST_EXPORT_TARGET", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_unsetenv ("HUB_TEST_EXPORT_TARGET");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents\n");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_write_error (void)
{
  int fd = open ("/dev/full", O_WRONLY | O_CLOEXEC);
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(HubDataset) dataset = table_dataset ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (fd, >=, 0);
  out = g_unix_output_stream_new (fd, TRUE);
  g_assert_false (hub_csv_write_breakdown (dataset, out, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/writer/round-trip", test_round_trip);
  g_test_add_func ("/core/writer/round-trip-extreme-dates", test_round_trip_extreme_dates);
  g_test_add_func ("/core/writer/round-trip-generated", test_round_trip_generated);
  g_test_add_func ("/core/writer/breakdown-format", test_breakdown_format);
  g_test_add_func ("/core/writer/table", test_table);
  g_test_add_func ("/core/writer/change-format", test_change_format);
  g_test_add_func ("/core/writer/change-format-locale", test_change_format_locale);
  g_test_add_func ("/core/writer/suggested-name", test_suggested_name);
  g_test_add_func ("/core/writer/export", test_export);
  g_test_add_func ("/core/writer/export-missing-folder", test_export_missing_folder);
  g_test_add_func ("/core/writer/export-failure-keeps-old", test_export_failure_keeps_old);
  g_test_add_func ("/core/writer/write-error", test_write_error);

  return g_test_run ();
}
