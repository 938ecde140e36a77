/* test-compare.c: repositories on one scale: absolute, indexed to 100, shares, and their CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

static HubDataset *
load (void)
{
  return hub_test_parse (HEADER
    "model,org/a,0,2026-11-01,100\n"
    "model,org/a,0,2026-11-02,150\n"
    "model,org/a,0,2026-11-03,300\n"
    "dataset,org/a,0,2026-11-02,50\n"
    "dataset,org/a,0,2026-11-03,50\n"
    "model,org/b,0,2026-11-01,300\n"
    "model,org/b,0,2026-11-03,300\n");
}

static void
test_modes (void)
{
  g_autoptr(HubDataset) dataset = load ();
  const HubRepo *repos[] = {
    hub_dataset_find_repo (dataset, "model", "org/a"),
    hub_dataset_find_repo (dataset, "dataset", "org/a"),
    hub_dataset_find_repo (dataset, "model", "org/b"),
  };
  HubRange range = { hub_test_day ("2026-11-01"), hub_test_day ("2026-11-03") };
  g_autoptr(HubCompareTable) absolute = hub_compare_compute (repos, 3, range, HUB_BUCKET_DAY,
                                                             HUB_COMPARE_ABSOLUTE);
  g_autoptr(HubCompareTable) indexed = hub_compare_compute (repos, 3, range, HUB_BUCKET_DAY,
                                                            HUB_COMPARE_INDEXED);
  g_autoptr(HubCompareTable) share = hub_compare_compute (repos, 3, range, HUB_BUCKET_DAY,
                                                          HUB_COMPARE_SHARE);

  g_assert_cmpuint (absolute->n_series, ==, 3);
  g_assert_cmpuint (absolute->n_points, ==, 3);
  g_assert_cmpint (absolute->starts[2], ==, hub_test_day ("2026-11-03"));
  g_assert_cmpfloat (hub_compare_value (absolute, 0, 2), ==, 300);
  g_assert_cmpfloat (hub_compare_value (absolute, 2, 1), ==, 0);

  /* Indexed to the first day: org/a 100 → 150 → 300; the dataset had none
   * on the first day, so no index; org/b falls to 0 and comes back. */
  g_assert_cmpfloat (hub_compare_value (indexed, 0, 0), ==, 100);
  g_assert_cmpfloat (hub_compare_value (indexed, 0, 1), ==, 150);
  g_assert_cmpfloat (hub_compare_value (indexed, 0, 2), ==, 300);
  g_assert_true (isnan (hub_compare_value (indexed, 1, 2)));
  g_assert_cmpfloat (hub_compare_value (indexed, 2, 1), ==, 0);
  g_assert_cmpfloat (hub_compare_value (indexed, 2, 2), ==, 100);

  /* Shares of each day's sum: 100/400, 0/400, 300/400 on the first day. */
  g_assert_cmpfloat_with_epsilon (hub_compare_value (share, 0, 0), 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (hub_compare_value (share, 2, 0), 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (hub_compare_value (share, 1, 1), 0.25, 1e-12);
  for (guint p = 0; p < share->n_points; p++)
    g_assert_cmpfloat_with_epsilon (hub_compare_value (share, 0, p) + hub_compare_value (share, 1, p) +
                                    hub_compare_value (share, 2, p), 1.0, 1e-12);
}

/* Weekly buckets cut at the range's ends; more than six repositories are left out. */
static void
test_weeks_and_limit (void)
{
  g_autoptr(HubDataset) dataset = load ();
  const HubRepo *a = hub_dataset_find_repo (dataset, "model", "org/a");
  const HubRepo *repos[] = { a, a, a, a, a, a, a, a };
  HubRange range = { hub_test_day ("2026-10-28"), hub_test_day ("2026-11-03") };
  g_autoptr(HubCompareTable) weeks = hub_compare_compute (repos, G_N_ELEMENTS (repos), range,
                                                          HUB_BUCKET_WEEK, HUB_COMPARE_ABSOLUTE);

  g_assert_cmpuint (weeks->n_series, ==, HUB_COMPARE_MAX);
  g_assert_cmpuint (weeks->n_points, ==, 2);   /* Wed 28 Oct – Sun 1 Nov, Mon 2 – Tue 3 Nov */
  g_assert_cmpfloat (hub_compare_value (weeks, 0, 0), ==, 100);
  g_assert_cmpfloat (hub_compare_value (weeks, 0, 1), ==, 450);
}

static void
test_csv (void)
{
  g_autoptr(HubDataset) dataset = load ();
  const HubRepo *repos[] = {
    hub_dataset_find_repo (dataset, "model", "org/a"),
    hub_dataset_find_repo (dataset, "dataset", "org/a"),
  };
  HubRange range = { hub_test_day ("2026-11-01"), hub_test_day ("2026-11-03") };
  g_autoptr(HubCompareTable) indexed = hub_compare_compute (repos, 2, range, HUB_BUCKET_DAY,
                                                            HUB_COMPARE_INDEXED);
  g_autoptr(HubCompareTable) absolute = hub_compare_compute (repos, 2, range, HUB_BUCKET_DAY,
                                                             HUB_COMPARE_ABSOLUTE);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out2 = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hub_compare_write_csv (indexed, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), ==,
                   "date,model:org/a,dataset:org/a\n"
                   "2026-11-01,100,\n"
                   "2026-11-02,150,\n"
                   "2026-11-03,300,\n");
  g_assert_true (hub_compare_write_csv (absolute, out2, NULL, &error));
  g_assert_true (g_output_stream_write_all (out2, "", 1, NULL, NULL, &error));
  g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out2)), ==,
                   "date,model:org/a,dataset:org/a\n"
                   "2026-11-01,100,0\n"
                   "2026-11-02,150,50\n"
                   "2026-11-03,300,50\n");
}

/* Any series under any name (an author's estimates), and the range's
 * notes in the CSV, on the bucket of their day; a note outside the range
 * is left out. */
static void
test_series_and_notes (void)
{
  g_autoptr(HubDataset) dataset = load ();
  HubCompareSeries series[] = {
    { hub_dataset_find_repo (dataset, "model", "org/a"), "org/a", "model:org/a" },
    { hub_dataset_get_overall (dataset), "org (estimated)", "author:org (estimated)" },
  };
  HubRange range = { hub_test_day ("2026-10-28"), hub_test_day ("2026-11-03") };
  g_autoptr(HubCompareTable) weeks = hub_compare_compute_series (series, 2, range, HUB_BUCKET_WEEK,
                                                                 HUB_COMPARE_ABSOLUTE);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (weeks->labels[1], ==, "org (estimated)");
  g_assert_cmpfloat (hub_compare_value (weeks, 1, 1), ==, 150 + 50 + 300 + 50 + 300);
  hub_compare_add_note (weeks, hub_test_day ("2026-11-03"), "paper, accepted");
  hub_compare_add_note (weeks, hub_test_day ("2026-11-02"), "v2");
  hub_compare_add_note (weeks, hub_test_day ("2026-11-04"), "after the range");
  g_assert_cmpuint (weeks->notes->len, ==, 2);
  g_assert_cmpuint (hub_compare_point_of_day (weeks, hub_test_day ("2026-11-01")), ==, 0);
  g_assert_cmpuint (hub_compare_point_of_day (weeks, hub_test_day ("2026-11-02")), ==, 1);

  g_assert_true (hub_compare_write_csv (weeks, out, NULL, &error));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), ==,
                   "date,model:org/a,author:org (estimated),notes\n"
                   "2026-10-26,100,400,\n"   /* the Monday of the range's first week */
                   "2026-11-02,450,850,\"2026-11-02 v2; 2026-11-03 paper, accepted\"\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/compare/modes", test_modes);
  g_test_add_func ("/core/compare/weeks-and-limit", test_weeks_and_limit);
  g_test_add_func ("/core/compare/csv", test_csv);
  g_test_add_func ("/core/compare/series-and-notes", test_series_and_notes);

  return g_test_run ();
}
