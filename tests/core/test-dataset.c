/* test-dataset.c: the numbers of DESIGN.md, at month, year and leap-year edges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hub-dataset-private.h"
#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

static HubDataset *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  HubDataset *dataset = hub_dataset_load_file (path, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* One row a day from first to last for one repository, each day's count
 * given by value (day index from 0). */
static void
append_days (GString    *text,
             const char *type,
             const char *name,
             gint64      total,
             const char *first,
             const char *last,
             gint64    (*value) (guint i))
{
  HubDay from = hub_test_day (first), to = hub_test_day (last);

  for (HubDay d = from; d <= to; d++)
    {
      char iso[HUB_DAY_ISO_LEN];

      hub_day_format (d, iso);
      g_string_append_printf (text, "%s,%s,%" G_GINT64_FORMAT ",%sT00:00:00.000Z,%" G_GINT64_FORMAT "\n",
                              type, name, total, iso, value ((guint) (d - from)));
    }
}

static gint64
one (guint i)
{
  return 1;
}

static gint64
index_plus_one (guint i)
{
  return i + 1;
}

static HubDataset *
parse_string (GString *text)
{
  return hub_test_parse (text->str);
}

static void
test_hub_sample (void)
{
  g_autoptr(HubDataset) dataset = load_fixture ("hub-sample.csv");
  const HubTotals *t = hub_dataset_get_totals (dataset);
  char day[HUB_DAY_ISO_LEN];

  hub_day_format (t->as_of, day);
  g_assert_cmpstr (day, ==, "2021-11-29");
  g_assert_cmpint (t->all_time, ==, 6529744);
  g_assert_cmpint (t->last_month, ==, 28);
  g_assert_cmpint (t->previous_month, ==, 0);
  g_assert_cmpuint (t->repos, ==, 2);
  g_assert_cmpuint (t->models, ==, 1);
  g_assert_cmpuint (t->datasets, ==, 1);
  g_assert_cmpuint (t->rows, ==, 6);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* asOf is the latest day in the whole file, whatever today is, and every
 * repository's windows end there: a repository whose rows stop earlier has
 * its missing days counted as 0. */
static void
test_as_of (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(HubDataset) dataset = NULL;
  HubDay as_of = hub_test_day ("2021-03-10");
  const HubRepo *early;

  append_days (text, "model", "org/early", 0, "2021-01-01", "2021-02-28", one);
  append_days (text, "model", "org/late", 0, "2021-03-01", "2021-03-10", one);
  dataset = parse_string (text);

  g_assert_cmpint (hub_dataset_get_as_of (dataset), ==, as_of);
  g_assert_cmpint (hub_dataset_get_totals (dataset)->first_day, ==, hub_test_day ("2021-01-01"));
  early = hub_dataset_find_repo (dataset, "model", "org/early");
  /* 2021-02-09 … 2021-03-10: 20 days of February have rows. */
  g_assert_cmpint (hub_repo_last_month (early, as_of), ==, 20);
  g_assert_cmpint (hub_dataset_get_totals (dataset)->last_month, ==, 20 + 10);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Last Month is asOf−29 … asOf: 30 days, both ends included. */
static void
test_last_month_window (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(HubDataset) dataset = NULL;
  const HubRepo *repo;
  HubDay as_of = hub_test_day ("2026-06-30");

  append_days (text, "model", "org/a", 0, "2026-01-01", "2026-06-30", index_plus_one);
  dataset = parse_string (text);
  repo = hub_dataset_find_repo (dataset, "model", "org/a");

  g_assert_cmpint (hub_repo_last_month (repo, as_of), ==,
                   hub_repo_range_sum (repo, hub_test_day ("2026-06-01"), hub_test_day ("2026-06-30")));
  /* Day indexes 151 … 180 from 1 January, each worth its index + 1. */
  g_assert_cmpint (hub_repo_last_month (repo, as_of), ==, (152 + 181) * 30 / 2);
  g_assert_cmpint (hub_dataset_get_totals (dataset)->last_month, ==, (152 + 181) * 30 / 2);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Previous month is the 30 days before: asOf−59 … asOf−30. */
static void
test_previous_month_window (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-30,1\n"    /* asOf */
                                                  "model,a,0,2026-06-01,10\n"   /* asOf−29 */
                                                  "model,a,0,2026-05-31,100\n"  /* asOf−30 */
                                                  "model,a,0,2026-05-02,1000\n" /* asOf−59 */
                                                  "model,a,0,2026-05-01,10000\n"); /* asOf−60 */
  const HubTotals *t = hub_dataset_get_totals (dataset);
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");

  g_assert_cmpint (t->last_month, ==, 11);
  g_assert_cmpint (t->previous_month, ==, 1100);
  g_assert_cmpint (hub_repo_previous_month (repo, t->as_of), ==, 1100);
  g_assert_cmpint (hub_repo_all_time (repo), ==, 11111);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Days before the data begins count 0. */
static void
test_previous_before_data (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-20,5\n"
                                                  "model,a,0,2026-06-30,7\n");
  const HubTotals *t = hub_dataset_get_totals (dataset);
  HubChange change = hub_repo_change (hub_dataset_find_repo (dataset, "model", "a"), t->as_of);

  g_assert_cmpint (t->last_month, ==, 12);
  g_assert_cmpint (t->previous_month, ==, 0);
  g_assert_cmpint (change.kind, ==, HUB_CHANGE_NEW);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Windows across a year's end. */
static void
test_windows_across_year (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(HubDataset) dataset = NULL;
  const HubTotals *t;

  append_days (text, "model", "a", 0, "2025-10-01", "2026-01-10", one);
  dataset = parse_string (text);
  t = hub_dataset_get_totals (dataset);
  g_assert_cmpint (t->as_of, ==, hub_test_day ("2026-01-10"));
  g_assert_cmpint (t->as_of - 29, ==, hub_test_day ("2025-12-12"));
  g_assert_cmpint (t->last_month, ==, 30);
  g_assert_cmpint (t->previous_month, ==, 30);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Windows across 29 February: 30 days are 30 days. */
static void
test_windows_across_leap_day (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(HubDataset) dataset = NULL;
  const HubRepo *repo;
  HubDay as_of = hub_test_day ("2024-03-15");

  append_days (text, "model", "a", 0, "2024-01-01", "2024-03-15", index_plus_one);
  dataset = parse_string (text);
  repo = hub_dataset_find_repo (dataset, "model", "a");
  g_assert_cmpint (as_of - 29, ==, hub_test_day ("2024-02-15"));
  g_assert_cmpint (as_of - 59, ==, hub_test_day ("2024-01-16"));
  g_assert_cmpint (hub_repo_day_count (repo, hub_test_day ("2024-02-29")), ==, 60);
  /* Day indexes 45 … 74 and 15 … 44. */
  g_assert_cmpint (hub_repo_last_month (repo, as_of), ==, (46 + 75) * 30 / 2);
  g_assert_cmpint (hub_repo_previous_month (repo, as_of), ==, (16 + 45) * 30 / 2);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_change_ratio (void)
{
  HubChange change = hub_change_compute (125, 100);

  g_assert_cmpint (change.kind, ==, HUB_CHANGE_RATIO);
  g_assert_cmpfloat_with_epsilon (change.ratio, 0.25, 1e-12);
}

static void
test_change_negative (void)
{
  HubChange change = hub_change_compute (0, 40);

  g_assert_cmpint (change.kind, ==, HUB_CHANGE_RATIO);
  g_assert_cmpfloat_with_epsilon (change.ratio, -1.0, 1e-12);
  change = hub_change_compute (30, 40);
  g_assert_cmpfloat_with_epsilon (change.ratio, -0.25, 1e-12);
}

/* A previous of 0 is "new", never infinity; both 0 is "—". */
static void
test_change_new (void)
{
  HubChange change = hub_change_compute (5, 0);

  g_assert_cmpint (change.kind, ==, HUB_CHANGE_NEW);
  g_assert_true (isfinite (change.ratio));
}

static void
test_change_none (void)
{
  HubChange change = hub_change_compute (0, 0);

  g_assert_cmpint (change.kind, ==, HUB_CHANGE_NONE);
  g_assert_true (isfinite (change.ratio));
}

static void
test_change_large_counts (void)
{
  HubChange change = hub_change_compute (G_MAXINT64, G_MAXINT64 / 2);

  g_assert_cmpint (change.kind, ==, HUB_CHANGE_RATIO);
  g_assert_cmpfloat_with_epsilon (change.ratio, 1.0, 1e-9);
}

/* Change always compares the two 30-day windows, whichever period is shown. */
static void
test_change_of_repo (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,1000000,2026-06-30,30\n"
                                                  "model,a,1000000,2026-05-20,20\n"
                                                  "model,a,1000000,2020-01-01,999\n");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  HubDay as_of = hub_dataset_get_as_of (dataset);
  HubChange change = hub_repo_change (repo, as_of);

  g_assert_cmpint (change.kind, ==, HUB_CHANGE_RATIO);
  g_assert_cmpfloat_with_epsilon (change.ratio, 0.5, 1e-12);
  g_assert_cmpint (hub_repo_period_downloads (repo, HUB_PERIOD_ALL_TIME, as_of), ==, 1000000);
  g_assert_cmpint (hub_repo_period_downloads (repo, HUB_PERIOD_LAST_MONTH, as_of), ==, 30);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* All Time is max(largest total seen, sum of the days). */
static void
test_all_time_total_larger (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,90,2026-06-01,4\n"
                                                  "model,a,100,2026-06-02,5\n"
                                                  "model,a,95,2026-06-03,6\n");

  g_assert_cmpint (hub_repo_all_time (hub_dataset_find_repo (dataset, "model", "a")), ==, 100);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_all_time_sum_larger (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,3,2026-06-01,4\n"
                                                  "model,a,3,2026-06-02,5\n");

  g_assert_cmpint (hub_repo_all_time (hub_dataset_find_repo (dataset, "model", "a")), ==, 9);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_all_time_organisation (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,100,2026-06-01,4\n"
                                                  "dataset,b,3,2026-06-01,4\n"
                                                  "dataset,b,3,2026-06-02,5\n"
                                                  "space,c,7,2026-06-02,1\n");
  const HubTotals *t = hub_dataset_get_totals (dataset);

  g_assert_cmpint (t->all_time, ==, 100 + 9 + 7);
  g_assert_cmpint (t->model_downloads[HUB_PERIOD_ALL_TIME], ==, 100);
  g_assert_cmpint (t->dataset_downloads[HUB_PERIOD_ALL_TIME], ==, 9);
  g_assert_cmpint (t->model_downloads[HUB_PERIOD_LAST_MONTH], ==, 4);
  g_assert_cmpint (t->dataset_downloads[HUB_PERIOD_LAST_MONTH], ==, 9);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Counts and their sums are 64-bit. */
static void
test_counts_64_bit (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-01,4611686018427387904\n"
                                                  "model,a,0,2026-06-02,4294967296\n"
                                                  "model,a,0,2026-06-03,4294967295\n"
                                                  "dataset,b,0,2026-06-03,4611686018427387904\n");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  const HubTotals *t = hub_dataset_get_totals (dataset);

  g_assert_cmpint (hub_repo_day_count (repo, hub_test_day ("2026-06-02")), ==, G_GINT64_CONSTANT (4294967296));
  g_assert_cmpint (hub_repo_day_count (repo, hub_test_day ("2026-06-03")), ==, G_GINT64_CONSTANT (4294967295));
  g_assert_cmpint (hub_repo_all_time (repo), ==,
                   G_GINT64_CONSTANT (4611686018427387904) + G_GINT64_CONSTANT (8589934591));
  g_assert_cmpint (hub_repo_range_sum (repo, hub_test_day ("2026-06-02"), hub_test_day ("2026-06-03")), ==,
                   G_GINT64_CONSTANT (8589934591));
  /* 2^62 + 2^62 + 2^33 − 1 passes 2^63 − 1: the organisation's sum stops there. */
  g_assert_cmpint (t->all_time, ==, G_MAXINT64);
  g_assert_cmpint (t->last_month, ==, G_MAXINT64);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_range_sum (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-01,1\n"
                                                  "model,a,0,2026-06-03,10\n"
                                                  "model,a,0,2026-06-05,100\n");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  HubDay d1 = hub_test_day ("2026-06-01");

  g_assert_cmpint (hub_repo_range_sum (repo, d1, d1 + 4), ==, 111);
  g_assert_cmpint (hub_repo_range_sum (repo, d1 + 1, d1 + 3), ==, 10);
  g_assert_cmpint (hub_repo_range_sum (repo, d1 + 1, d1 + 1), ==, 0);
  g_assert_cmpint (hub_repo_range_sum (repo, d1 - 100, d1), ==, 1);
  g_assert_cmpint (hub_repo_range_sum (repo, d1 + 4, G_MAXINT32), ==, 100);
  g_assert_cmpint (hub_repo_range_sum (repo, G_MININT32 + 1, G_MAXINT32), ==, 111);
  g_assert_cmpint (hub_repo_range_sum (repo, d1 + 3, d1 + 1), ==, 0);
  g_assert_cmpint (hub_repo_range_sum (repo, d1 + 5, d1 + 50), ==, 0);
  g_assert_cmpint (hub_repo_day_count (repo, d1 + 2), ==, 10);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
assert_points (GArray       *points,
               const char  **starts,
               const gint64 *values,
               guint         n)
{
  g_assert_cmpuint (points->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      HubPoint *p = &g_array_index (points, HubPoint, i);

      g_assert_cmpint (p->start, ==, hub_test_day (starts[i]));
      g_assert_cmpint (p->value, ==, values[i]);
    }
}

static HubDataset *
daily_ones (const char *first,
            const char *last)
{
  g_autoptr(GString) text = g_string_new (HEADER);

  append_days (text, "model", "a", 0, first, last, one);
  return parse_string (text);
}

static void
test_buckets_day (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2024-02-28,1\n"
                                                  "model,a,0,2024-03-01,3\n");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  const char *starts[] = { "2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01" };
  const gint64 values[] = { 0, 1, 0, 3 };
  g_autoptr(GArray) points = hub_repo_buckets (repo, hub_test_day ("2024-02-27"),
                                               hub_test_day ("2024-03-01"), HUB_BUCKET_DAY, FALSE);

  assert_points (points, starts, values, G_N_ELEMENTS (starts));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* ISO weeks start on Monday; a week across the year's end is one bucket, and
 * the first and last buckets count only days inside the range. */
static void
test_buckets_week (void)
{
  g_autoptr(HubDataset) dataset = daily_ones ("2020-12-20", "2021-01-20");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  const char *starts[] = { "2020-12-21", "2020-12-28", "2021-01-04", "2021-01-11" };
  const gint64 values[] = { 6, 7, 7, 2 };
  g_autoptr(GArray) points = hub_repo_buckets (repo, hub_test_day ("2020-12-22"),
                                               hub_test_day ("2021-01-12"), HUB_BUCKET_WEEK, FALSE);

  assert_points (points, starts, values, G_N_ELEMENTS (starts));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Calendar months: 29 days in a leap February, then across the year's end. */
static void
test_buckets_month (void)
{
  g_autoptr(HubDataset) dataset = daily_ones ("2023-11-15", "2024-03-10");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  const char *starts[] = { "2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01", "2024-03-01" };
  const gint64 values[] = { 16, 31, 31, 29, 10 };
  g_autoptr(GArray) points = hub_repo_buckets (repo, hub_test_day ("2023-11-01"),
                                               hub_test_day ("2024-03-31"), HUB_BUCKET_MONTH, FALSE);

  assert_points (points, starts, values, G_N_ELEMENTS (starts));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_buckets_month_not_leap (void)
{
  g_autoptr(HubDataset) dataset = daily_ones ("2025-01-31", "2025-03-01");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  const char *starts[] = { "2025-01-01", "2025-02-01", "2025-03-01" };
  const gint64 values[] = { 1, 28, 1 };
  g_autoptr(GArray) points = hub_repo_buckets (repo, hub_test_day ("2025-01-15"),
                                               hub_test_day ("2025-03-01"), HUB_BUCKET_MONTH, FALSE);

  assert_points (points, starts, values, G_N_ELEMENTS (starts));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Cumulative points hold every download up to the bucket's last day in
 * range, including those before the range. */
static void
test_buckets_cumulative (void)
{
  g_autoptr(HubDataset) dataset = daily_ones ("2024-12-01", "2025-02-10");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  const char *starts[] = { "2024-12-30", "2025-01-06", "2025-01-13" };
  const gint64 values[] = { 36, 43, 45 };
  g_autoptr(GArray) points = hub_repo_buckets (repo, hub_test_day ("2025-01-01"),
                                               hub_test_day ("2025-01-14"), HUB_BUCKET_WEEK, TRUE);

  assert_points (points, starts, values, G_N_ELEMENTS (starts));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_buckets_empty_range (void)
{
  g_autoptr(HubDataset) dataset = daily_ones ("2025-01-01", "2025-01-02");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "a");
  g_autoptr(GArray) points = hub_repo_buckets (repo, 10, 9, HUB_BUCKET_DAY, FALSE);

  g_assert_cmpuint (points->len, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Largest first; ties keep file order; n may exceed the repositories. */
static void
test_top (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-01,5\n"
                                                  "model,b,0,2026-06-01,9\n"
                                                  "model,c,0,2026-06-01,5\n"
                                                  "model,d,0,2026-05-01,100\n");
  HubDay d = hub_test_day ("2026-06-01");
  g_autoptr(GArray) top2 = hub_dataset_top (dataset, d, d, 2);
  g_autoptr(GArray) all = hub_dataset_top (dataset, d, d, 10);
  g_autoptr(GArray) wide = hub_dataset_top (dataset, d - 31, d, 1);
  const guint expected[] = { 1, 0, 2, 3 };

  g_assert_cmpuint (top2->len, ==, 2);
  g_assert_cmpmem (top2->data, 2 * sizeof (guint), expected, 2 * sizeof (guint));
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpmem (all->data, 4 * sizeof (guint), expected, sizeof expected);
  g_assert_cmpuint (g_array_index (wide, guint, 0), ==, 3);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_find_repo (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/x,1,2026-06-01,5\n"
                                                  "dataset,org/x,2,2026-06-01,9\n");

  g_assert_cmpint (hub_dataset_find_repo (dataset, "model", "org/x")->total, ==, 1);
  g_assert_cmpint (hub_dataset_find_repo (dataset, "dataset", "org/x")->total, ==, 2);
  g_assert_null (hub_dataset_find_repo (dataset, "space", "org/x"));
  g_assert_null (hub_dataset_find_repo (dataset, "model", "org/y"));
  g_assert_true (hub_dataset_get_repo (dataset, 0) == hub_dataset_find_repo (dataset, "model", "org/x"));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Type and name are apart in the key, whatever characters they hold. */
static void
test_find_repo_newlines (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,\"a\nb\",1,2026-06-01,5\n"
                                                  "\"model\na\",b,2,2026-06-01,9\n");

  g_assert_cmpint (hub_dataset_find_repo (dataset, "model", "a\nb")->total, ==, 1);
  g_assert_cmpint (hub_dataset_find_repo (dataset, "model\na", "b")->total, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* The organisation's daily series sums every repository's days. */
static void
test_overall (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-01,5\n"
                                                  "model,a,0,2026-06-03,1\n"
                                                  "dataset,b,0,2026-06-03,9\n"
                                                  "dataset,b,0,2026-06-04,2\n");
  const HubRepo *overall = hub_dataset_get_overall (dataset);
  HubDay d = hub_test_day ("2026-06-01");

  g_assert_cmpuint (overall->n_days, ==, 3);
  g_assert_cmpint (hub_repo_day_count (overall, d), ==, 5);
  g_assert_cmpint (hub_repo_day_count (overall, d + 1), ==, 0);
  g_assert_cmpint (hub_repo_day_count (overall, d + 2), ==, 10);
  g_assert_cmpint (hub_repo_day_count (overall, d + 3), ==, 2);
  g_assert_cmpint (hub_repo_last_month (overall, d + 3), ==, 17);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_best_day (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-01,5\n"
                                                  "model,a,0,2026-06-02,8\n"
                                                  "model,a,0,2026-06-03,8\n"
                                                  "model,a,0,2026-06-04,2\n");
  HubDay day;
  gint64 count;

  g_assert_true (hub_repo_best_day (hub_dataset_find_repo (dataset, "model", "a"), &day, &count));
  g_assert_cmpint (day, ==, hub_test_day ("2026-06-02"));
  g_assert_cmpint (count, ==, 8);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_empty (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER);
  const HubRepo *overall = hub_dataset_get_overall (dataset);
  g_autoptr(GArray) top = hub_dataset_top (dataset, 0, 100, 5);

  g_assert_cmpint (hub_dataset_get_as_of (dataset), ==, HUB_DAY_NONE);
  g_assert_cmpuint (overall->n_days, ==, 0);
  g_assert_false (hub_repo_best_day (overall, NULL, NULL));
  g_assert_cmpuint (top->len, ==, 0);
  g_assert_cmpint (hub_repo_last_month (overall, HUB_DAY_NONE), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* A daily record is a day number and a running sum: 12 bytes. */
static void
test_record_size (void)
{
  g_assert_cmpuint (sizeof (HubDay) + sizeof (gint64), ==, 12);
}

/* A dataset file feeds the builder whole series: days and running sums. */
static void
test_add_series (void)
{
  g_autoptr(HubDataset) parsed = hub_test_parse (HEADER
                                                 "model,org/a,100,2026-06-01,5\n"
                                                 "model,org/a,100,2026-06-03,7\n"
                                                 "model,org/a,100,2026-06-03,1\n"
                                                 "kernel,org/k,0,2026-06-02,1\n");
  g_autoptr(HubDatasetBuilder) builder = hub_dataset_builder_new ();
  g_autoptr(HubDataset) built = NULL;
  g_autoptr(GError) error = NULL;
  HubDay days_a[] = { hub_test_day ("2026-06-01"), hub_test_day ("2026-06-03") };
  gint64 cum_a[] = { 5, 13 };
  HubDay days_k[] = { hub_test_day ("2026-06-02") };
  gint64 cum_k[] = { 1 };

  g_assert_true (hub_dataset_builder_add_series (builder, "model", 5, "org/a", 5, 100,
                                                 days_a, cum_a, 2, &error));
  g_assert_no_error (error);
  g_assert_true (hub_dataset_builder_add_series (builder, "kernel", 6, "org/k", 5, 0,
                                                 days_k, cum_k, 1, &error));
  g_assert_no_error (error);
  hub_dataset_builder_set_rows (builder, 4, 1);
  built = hub_dataset_builder_finish (builder, &error);
  g_assert_no_error (error);
  hub_test_assert_datasets_equal (parsed, built);
  g_assert_finalize_object (g_steal_pointer (&built));
  g_assert_finalize_object (g_steal_pointer (&parsed));
}

typedef struct
{
  const char *what;
  HubDay      days[2];
  gint64      cum[2];
  gint64      total;
} BadSeries;

/* The gate refuses every series the rest of the code could not rely on. */
static void
test_gate_refuses_series (void)
{
  static const BadSeries cases[] = {
    { "a day before year 1", { HUB_DAY_FIRST - 1, 0 }, { 1, 2 }, 0 },
    { "a day after year 9999", { 0, HUB_DAY_LAST + 1 }, { 1, 2 }, 0 },
    { "the smallest day number", { G_MININT32, 0 }, { 1, 2 }, 0 },
    { "days out of order", { 10, 9 }, { 1, 2 }, 0 },
    { "a repeated day", { 10, 10 }, { 1, 2 }, 0 },
    { "decreasing sums", { 9, 10 }, { 5, 4 }, 0 },
    { "a negative first sum", { 9, 10 }, { -1, 4 }, 0 },
    { "sums that wrapped round", { 9, 10 }, { G_MAXINT64, G_MININT64 }, 0 },
    { "a negative total", { 9, 10 }, { 1, 2 }, -5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HubDatasetBuilder) builder = hub_dataset_builder_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].what);
      g_assert_false (hub_dataset_builder_add_series (builder, "model", 5, "org/a", 5,
                                                      cases[i].total, cases[i].days,
                                                      cases[i].cum, 2, &error));
      g_assert_error (error, HUB_DATASET_ERROR, HUB_DATASET_ERROR_INVALID);
      g_assert_cmpuint (hub_dataset_builder_get_rows (builder), ==, 0);
    }
}

/* Rows that do not add up to the days, and a count no signed number holds. */
static void
test_gate_refuses_rows (void)
{
  static const guint64 rows[][2] = {
    { 1, 0 },                       /* fewer rows than days */
    { 3, 0 },                       /* a repeat not counted as merged */
    { 3, 2 },                       /* more merged than rows beyond the days */
    { G_MAXUINT64, G_MAXUINT64 - 2 },  /* negative as a signed count */
  };
  HubDay days[] = { 1, 2 };
  gint64 cum[] = { 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HubDatasetBuilder) builder = hub_dataset_builder_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(HubDataset) dataset = NULL;

      g_assert_true (hub_dataset_builder_add_series (builder, "model", 5, "org/a", 5, 0,
                                                     days, cum, 2, &error));
      hub_dataset_builder_set_rows (builder, rows[i][0], rows[i][1]);
      dataset = hub_dataset_builder_finish (builder, &error);
      g_assert_error (error, HUB_DATASET_ERROR, HUB_DATASET_ERROR_INVALID);
      g_assert_null (dataset);
    }
}

/* A row with a day outside years 1 … 9999 is refused, and adds nothing. */
static void
test_gate_refuses_rows_added (void)
{
  g_autoptr(HubDatasetBuilder) builder = hub_dataset_builder_new ();

  g_assert_false (hub_dataset_builder_add (builder, "model", 5, "org/a", 5, 0, HUB_DAY_LAST + 1, 1));
  g_assert_false (hub_dataset_builder_add (builder, "model", 5, "org/a", 5, 0, 0, -1));
  g_assert_true (hub_dataset_builder_add (builder, "model", 5, "org/a", 5, 0, 0, 1));
  g_assert_false (hub_dataset_builder_add_to_current (builder, 0, HUB_DAY_FIRST - 1, 1));
  g_assert_false (hub_dataset_builder_add_to_current (builder, -1, 1, 1));
  g_assert_cmpuint (hub_dataset_builder_get_rows (builder), ==, 1);
}

/* Repeats are merged as they arrive: the room the builder holds follows the
 * distinct (repository, day) pairs, not the rows, in order or not. */
static void
test_builder_memory_follows_pairs (void)
{
  g_autoptr(HubDatasetBuilder) builder = hub_dataset_builder_new ();
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_days = 50, cycles = 2000;
  const HubRepo *repo;

  for (guint c = 0; c < cycles; c++)
    for (guint d = 0; d < n_days; d++)
      {
        /* Every other cycle runs backwards, so rows arrive out of order. */
        HubDay day = c % 2 ? (HubDay) (n_days - 1 - d) : (HubDay) d;

        g_assert_true (hub_dataset_builder_add (builder, "model", 5, "org/a", 5, 0, day, 1));
        g_assert_true (hub_dataset_builder_add (builder, "dataset", 7, "org/b", 5, 0, 7, 2));
      }
  g_assert_cmpuint (hub_dataset_builder_get_rows (builder), ==, 2 * n_days * cycles);
  g_assert_cmpuint (hub_dataset_builder_get_capacity (builder), <=, 4 * (n_days + 1) + 32);

  dataset = hub_dataset_builder_finish (builder, &error);
  g_assert_no_error (error);
  repo = hub_dataset_get_repo (dataset, 0);
  g_assert_cmpuint (repo->n_days, ==, n_days);
  g_assert_cmpint (hub_repo_day_count (repo, 0), ==, cycles);
  g_assert_cmpint (hub_repo_day_count (repo, n_days - 1), ==, cycles);
  g_assert_cmpint (hub_dataset_get_repo (dataset, 1)->cum[0], ==, 2 * n_days * cycles);
  g_assert_cmpuint (hub_dataset_get_totals (dataset)->merged_repeats, ==,
                    2 * n_days * cycles - (n_days + 1));
}

/* The builder, as the cache might use it: a repository met again later. */
static void
test_builder (void)
{
  g_autoptr(HubDatasetBuilder) builder = hub_dataset_builder_new ();
  g_autoptr(HubDatasetBuilder) other = hub_dataset_builder_new ();
  g_autoptr(HubDataset) dataset = NULL;
  const HubRepo *repo;

  hub_dataset_builder_add (builder, "model", 5, "org/a", 5, 10, 100, 1);
  hub_dataset_builder_add (builder, "model", 5, "org/b", 5, 0, 100, 2);
  hub_dataset_builder_add (other, "model", 5, "org/a", 5, 20, 99, 3);
  hub_dataset_builder_add (other, "space", 5, "org/c", 5, 0, 101, 4);
  hub_dataset_builder_merge (builder, other);
  g_assert_cmpuint (hub_dataset_builder_get_rows (builder), ==, 4);
  g_assert_cmpuint (hub_dataset_builder_get_rows (other), ==, 0);
  dataset = hub_dataset_builder_finish (builder, NULL);

  g_assert_cmpuint (hub_dataset_get_n_repos (dataset), ==, 3);
  repo = hub_dataset_get_repo (dataset, 0);
  g_assert_cmpstr (repo->name, ==, "org/a");
  g_assert_cmpint (repo->total, ==, 20);
  g_assert_cmpuint (repo->n_days, ==, 2);
  g_assert_cmpint (repo->days[0], ==, 99);
  g_assert_cmpint (repo->cum[1], ==, 4);
  g_assert_cmpstr (hub_dataset_get_repo (dataset, 2)->name, ==, "org/c");
  g_assert_cmpint (hub_dataset_get_as_of (dataset), ==, 101);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/dataset/hub-sample", test_hub_sample);
  g_test_add_func ("/core/dataset/as-of", test_as_of);
  g_test_add_func ("/core/dataset/last-month-window", test_last_month_window);
  g_test_add_func ("/core/dataset/previous-month-window", test_previous_month_window);
  g_test_add_func ("/core/dataset/previous-before-data", test_previous_before_data);
  g_test_add_func ("/core/dataset/windows-across-year", test_windows_across_year);
  g_test_add_func ("/core/dataset/windows-across-leap-day", test_windows_across_leap_day);
  g_test_add_func ("/core/dataset/change/ratio", test_change_ratio);
  g_test_add_func ("/core/dataset/change/negative", test_change_negative);
  g_test_add_func ("/core/dataset/change/new", test_change_new);
  g_test_add_func ("/core/dataset/change/none", test_change_none);
  g_test_add_func ("/core/dataset/change/large-counts", test_change_large_counts);
  g_test_add_func ("/core/dataset/change/of-repo", test_change_of_repo);
  g_test_add_func ("/core/dataset/all-time/total-larger", test_all_time_total_larger);
  g_test_add_func ("/core/dataset/all-time/sum-larger", test_all_time_sum_larger);
  g_test_add_func ("/core/dataset/all-time/organisation", test_all_time_organisation);
  g_test_add_func ("/core/dataset/counts-64-bit", test_counts_64_bit);
  g_test_add_func ("/core/dataset/range-sum", test_range_sum);
  g_test_add_func ("/core/dataset/buckets/day", test_buckets_day);
  g_test_add_func ("/core/dataset/buckets/week", test_buckets_week);
  g_test_add_func ("/core/dataset/buckets/month", test_buckets_month);
  g_test_add_func ("/core/dataset/buckets/month-not-leap", test_buckets_month_not_leap);
  g_test_add_func ("/core/dataset/buckets/cumulative", test_buckets_cumulative);
  g_test_add_func ("/core/dataset/buckets/empty-range", test_buckets_empty_range);
  g_test_add_func ("/core/dataset/top", test_top);
  g_test_add_func ("/core/dataset/find-repo", test_find_repo);
  g_test_add_func ("/core/dataset/find-repo-newlines", test_find_repo_newlines);
  g_test_add_func ("/core/dataset/overall", test_overall);
  g_test_add_func ("/core/dataset/best-day", test_best_day);
  g_test_add_func ("/core/dataset/empty", test_empty);
  g_test_add_func ("/core/dataset/record-size", test_record_size);
  g_test_add_func ("/core/dataset/add-series", test_add_series);
  g_test_add_func ("/core/dataset/gate/series", test_gate_refuses_series);
  g_test_add_func ("/core/dataset/gate/rows", test_gate_refuses_rows);
  g_test_add_func ("/core/dataset/gate/rows-added", test_gate_refuses_rows_added);
  g_test_add_func ("/core/dataset/builder-memory-follows-pairs", test_builder_memory_follows_pairs);
  g_test_add_func ("/core/dataset/builder", test_builder);

  return g_test_run ();
}
