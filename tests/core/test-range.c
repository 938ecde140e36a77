/* test-range.c: the named windows, buckets, the 7-day average and the downloads before the rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

static void
assert_range (HubRange    range,
              const char *first,
              const char *last)
{
  g_assert_cmpint (range.first, ==, hub_test_day (first));
  g_assert_cmpint (range.last, ==, hub_test_day (last));
}

/* Each preset ends on asOf and counts both ends. */
static void
test_presets (void)
{
  HubDay as_of = hub_test_day ("2026-06-30");
  HubDay first_day = hub_test_day ("2024-02-29");

  assert_range (hub_range_from_preset (HUB_RANGE_LAST_7_DAYS, as_of, first_day),
                "2026-06-24", "2026-06-30");
  assert_range (hub_range_from_preset (HUB_RANGE_LAST_30_DAYS, as_of, first_day),
                "2026-06-01", "2026-06-30");
  assert_range (hub_range_from_preset (HUB_RANGE_LAST_90_DAYS, as_of, first_day),
                "2026-04-02", "2026-06-30");
  assert_range (hub_range_from_preset (HUB_RANGE_LAST_365_DAYS, as_of, first_day),
                "2025-07-01", "2026-06-30");
  assert_range (hub_range_from_preset (HUB_RANGE_ALL, as_of, first_day),
                "2024-02-29", "2026-06-30");
  /* No rows: All is the last 30 days, as an empty chart shows them. */
  assert_range (hub_range_from_preset (HUB_RANGE_ALL, as_of, HUB_DAY_NONE),
                "2026-06-01", "2026-06-30");

  g_assert_cmpuint (hub_range_get_n_days (hub_range_from_preset (HUB_RANGE_LAST_7_DAYS, as_of,
                                                                 first_day)), ==, 7);
  g_assert_cmpuint (hub_range_get_n_days (hub_range_from_preset (HUB_RANGE_LAST_365_DAYS, as_of,
                                                                 first_day)), ==, 365);
  g_assert_cmpuint (hub_range_get_n_days ((HubRange) { 5, 4 }), ==, 0);
  g_assert_true (hub_range_equal ((HubRange) { 3, 9 }, (HubRange) { 3, 9 }));
  g_assert_false (hub_range_equal ((HubRange) { 3, 9 }, (HubRange) { 3, 8 }));
  g_assert_false (hub_range_equal ((HubRange) { 3, 9 }, (HubRange) { 2, 9 }));
  {
    HubSpan a = hub_span_make (HUB_RANGE_LAST_30_DAYS, (HubRange) { 31, 60 }, HUB_COMPARISON_PREVIOUS);
    HubSpan b = a;

    g_assert_true (hub_span_equal (&a, &b));
    b.comparison = HUB_COMPARISON_YEAR;
    g_assert_false (hub_span_equal (&a, &b));
    b = a;
    b.compared.first--;
    g_assert_false (hub_span_equal (&a, &b));
    b = a;
    b.preset = HUB_RANGE_CUSTOM;
    g_assert_false (hub_span_equal (&a, &b));
  }
  {
    g_autoptr(GEnumClass) presets = g_type_class_ref (HUB_TYPE_RANGE_PRESET);

    g_assert_cmpstr (g_enum_get_value (presets, HUB_RANGE_ALL)->value_nick, ==, "all");
  }
}

/* Last Month is asOf−29 … asOf, the previous month the 30 days before it,
 * across a year's end and a leap day. */
static void
test_months (void)
{
  assert_range (hub_range_last_month (hub_test_day ("2026-06-30")), "2026-06-01", "2026-06-30");
  assert_range (hub_range_before (hub_range_last_month (hub_test_day ("2026-06-30"))),
                "2026-05-02", "2026-05-31");
  assert_range (hub_range_last_month (hub_test_day ("2027-01-10")), "2026-12-12", "2027-01-10");
  assert_range (hub_range_before (hub_range_last_month (hub_test_day ("2024-03-30"))),
                "2024-01-31", "2024-02-29");
  g_assert_cmpint (hub_range_before ((HubRange) { 100, 106 }).first, ==, 93);
  g_assert_cmpint (hub_range_before ((HubRange) { 100, 106 }).last, ==, 99);
}

/* Weeks start on Monday, months on their first; the next bucket follows. */
static void
test_buckets (void)
{
  HubDay saturday = hub_test_day ("2026-11-21");

  g_assert_cmpint (hub_bucket_start (saturday, HUB_BUCKET_DAY), ==, saturday);
  g_assert_cmpint (hub_bucket_next (saturday, HUB_BUCKET_DAY), ==, saturday + 1);
  g_assert_cmpint (hub_bucket_start (saturday, HUB_BUCKET_WEEK), ==, hub_test_day ("2026-11-16"));
  g_assert_cmpint (hub_bucket_next (hub_test_day ("2026-12-28"), HUB_BUCKET_WEEK), ==,
                   hub_test_day ("2027-01-04"));
  g_assert_cmpint (hub_bucket_start (saturday, HUB_BUCKET_MONTH), ==, hub_test_day ("2026-11-01"));
  g_assert_cmpint (hub_bucket_next (hub_test_day ("2024-02-01"), HUB_BUCKET_MONTH), ==,
                   hub_test_day ("2024-03-01"));
  g_assert_cmpint (hub_bucket_next (hub_test_day ("2026-12-01"), HUB_BUCKET_MONTH), ==,
                   hub_test_day ("2027-01-01"));
}

/* The mean of a day and the 6 before it, from the first row on: the first
 * days average what there is, a day with no row counts 0. */
static void
test_average (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
    "model,org/a,0,2026-11-02,70\n"
    "model,org/a,0,2026-11-03,0\n"
    "model,org/a,0,2026-11-04,35\n"
    "model,org/a,0,2026-11-10,7\n"
    "model,org/a,0,2026-11-11,1\n");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "org/a");
  double mean = -1;

  g_assert_false (hub_repo_average (repo, hub_test_day ("2026-11-01"), &mean));
  g_assert_cmpfloat (mean, ==, -1);

  g_assert_true (hub_repo_average (repo, hub_test_day ("2026-11-02"), &mean));
  g_assert_cmpfloat (mean, ==, 70);
  g_assert_true (hub_repo_average (repo, hub_test_day ("2026-11-03"), &mean));
  g_assert_cmpfloat (mean, ==, 35);
  g_assert_true (hub_repo_average (repo, hub_test_day ("2026-11-04"), &mean));
  g_assert_cmpfloat (mean, ==, 35);
  /* 2 … 8 November: 105 over 7 days. */
  g_assert_true (hub_repo_average (repo, hub_test_day ("2026-11-08"), &mean));
  g_assert_cmpfloat (mean, ==, 15);
  /* 4 … 10 November: 42 over 7; 5 … 11: 8 over 7; 9 … 15: 8 over 7. */
  g_assert_true (hub_repo_average (repo, hub_test_day ("2026-11-10"), &mean));
  g_assert_cmpfloat (mean, ==, 6);
  g_assert_true (hub_repo_average (repo, hub_test_day ("2026-11-11"), &mean));
  g_assert_cmpfloat_with_epsilon (mean, 8.0 / 7, 1e-9);
  g_assert_true (hub_repo_average (repo, hub_test_day ("2026-11-17"), &mean));
  g_assert_cmpfloat_with_epsilon (mean, 1.0 / 7, 1e-9);
  g_assert_true (hub_repo_average (repo, hub_test_day ("2026-11-18"), &mean));
  g_assert_cmpfloat (mean, ==, 0);

  g_assert_cmpint (hub_average_round (26547.1), ==, 26547);
  g_assert_cmpint (hub_average_round (2.5), ==, 3);
  g_assert_cmpint (hub_average_round (8.0 / 7), ==, 1);
  g_assert_cmpint (hub_average_round (0), ==, 0);
}

/* All Time less the daily rows: per repository from its `total`, for the
 * organisation from its All Time. */
/* The calendar presets across month, year and leap-year ends. */
static void
test_calendar_presets (void)
{
  HubDay leap = hub_test_day ("2024-03-15");
  HubDay new_year = hub_test_day ("2027-01-03");

  assert_range (hub_range_from_preset (HUB_RANGE_MONTH_TO_DATE, leap, HUB_DAY_NONE),
                "2024-03-01", "2024-03-15");
  assert_range (hub_range_from_preset (HUB_RANGE_LAST_MONTH, leap, HUB_DAY_NONE),
                "2024-02-01", "2024-02-29");
  assert_range (hub_range_from_preset (HUB_RANGE_YEAR_TO_DATE, leap, HUB_DAY_NONE),
                "2024-01-01", "2024-03-15");
  assert_range (hub_range_from_preset (HUB_RANGE_MONTH_TO_DATE, new_year, HUB_DAY_NONE),
                "2027-01-01", "2027-01-03");
  assert_range (hub_range_from_preset (HUB_RANGE_LAST_MONTH, new_year, HUB_DAY_NONE),
                "2026-12-01", "2026-12-31");
  assert_range (hub_range_from_preset (HUB_RANGE_YEAR_TO_DATE, new_year, HUB_DAY_NONE),
                "2027-01-01", "2027-01-03");
  /* On the first of a month, month to date is that one day. */
  assert_range (hub_range_from_preset (HUB_RANGE_MONTH_TO_DATE, hub_test_day ("2026-03-01"),
                                       HUB_DAY_NONE), "2026-03-01", "2026-03-01");
  assert_range (hub_range_from_preset (HUB_RANGE_LAST_MONTH, hub_test_day ("2026-03-01"),
                                       HUB_DAY_NONE), "2026-02-01", "2026-02-28");
}

/* The arrows: calendar ranges by whole months and years, the others by
 * their own length; all time stays. */
static void
test_step (void)
{
  HubRange february = hub_range_from_preset (HUB_RANGE_LAST_MONTH, hub_test_day ("2024-03-15"),
                                             HUB_DAY_NONE);
  HubRange week = hub_range_last_days (hub_test_day ("2027-01-03"), 7);
  HubRange custom = { hub_test_day ("2026-12-25"), hub_test_day ("2027-01-05") };
  HubRange all = { hub_test_day ("2020-01-01"), hub_test_day ("2027-01-03") };

  assert_range (hub_range_step (february, HUB_RANGE_LAST_MONTH, -1), "2024-01-01", "2024-01-31");
  assert_range (hub_range_step (february, HUB_RANGE_LAST_MONTH, 1), "2024-03-01", "2024-03-31");
  assert_range (hub_range_step (february, HUB_RANGE_LAST_MONTH, -2), "2023-12-01", "2023-12-31");
  assert_range (hub_range_step (february, HUB_RANGE_LAST_MONTH, 12), "2025-02-01", "2025-02-28");
  /* Month to date steps back to the whole month before. */
  assert_range (hub_range_step (hub_range_from_preset (HUB_RANGE_MONTH_TO_DATE,
                                                       hub_test_day ("2027-01-03"), HUB_DAY_NONE),
                                HUB_RANGE_MONTH_TO_DATE, -1), "2026-12-01", "2026-12-31");
  assert_range (hub_range_step (hub_range_from_preset (HUB_RANGE_YEAR_TO_DATE,
                                                       hub_test_day ("2024-03-15"), HUB_DAY_NONE),
                                HUB_RANGE_YEAR_TO_DATE, -1), "2023-01-01", "2023-12-31");
  assert_range (hub_range_step (week, HUB_RANGE_LAST_7_DAYS, -1), "2026-12-21", "2026-12-27");
  assert_range (hub_range_step (week, HUB_RANGE_LAST_7_DAYS, 1), "2027-01-04", "2027-01-10");
  assert_range (hub_range_step (custom, HUB_RANGE_CUSTOM, -1), "2026-12-13", "2026-12-24");
  assert_range (hub_range_step (all, HUB_RANGE_ALL, -1), "2020-01-01", "2027-01-03");
  g_assert_true (hub_range_contains (custom, hub_test_day ("2027-01-05")));
  g_assert_false (hub_range_contains (custom, hub_test_day ("2027-01-06")));
}

/* The previous range starts on the same weekday, ⌈N/7⌉ weeks earlier; the
 * year before keeps the dates, 29 February becoming the 28th. */
static void
test_comparison (void)
{
  HubRange month = hub_range_last_month (hub_test_day ("2026-06-30"));
  HubRange week = hub_range_last_days (hub_test_day ("2026-06-30"), 7);
  HubRange day = hub_range_last_days (hub_test_day ("2026-06-30"), 1);
  HubRange fortnight = hub_range_last_days (hub_test_day ("2026-06-30"), 14);
  HubRange leap = { hub_test_day ("2024-02-01"), hub_test_day ("2024-02-29") };
  HubRange turn = { hub_test_day ("2026-12-25"), hub_test_day ("2027-01-05") };
  HubRange compared;

  compared = hub_range_compared (month, HUB_COMPARISON_PREVIOUS);
  assert_range (compared, "2026-04-27", "2026-05-26");
  g_assert_cmpint (hub_day_weekday (compared.first), ==, hub_day_weekday (month.first));
  g_assert_cmpuint (hub_range_get_n_days (compared), ==, 30);
  assert_range (hub_range_compared (week, HUB_COMPARISON_PREVIOUS), "2026-06-17", "2026-06-23");
  assert_range (hub_range_compared (day, HUB_COMPARISON_PREVIOUS), "2026-06-23", "2026-06-23");
  assert_range (hub_range_compared (fortnight, HUB_COMPARISON_PREVIOUS), "2026-06-03", "2026-06-16");
  compared = hub_range_compared (turn, HUB_COMPARISON_PREVIOUS);
  assert_range (compared, "2026-12-11", "2026-12-22");
  g_assert_cmpint (hub_day_weekday (compared.first), ==, hub_day_weekday (turn.first));

  assert_range (hub_range_compared (leap, HUB_COMPARISON_YEAR), "2023-02-01", "2023-02-28");
  assert_range (hub_range_compared (turn, HUB_COMPARISON_YEAR), "2025-12-25", "2026-01-05");
  assert_range (hub_range_compared (month, HUB_COMPARISON_YEAR), "2025-06-01", "2025-06-30");
  g_assert_cmpint (hub_day_year_earlier (hub_test_day ("2025-02-28")), ==, hub_test_day ("2024-02-28"));
  g_assert_cmpint (hub_day_year_earlier (hub_test_day ("2025-03-01")), ==, hub_test_day ("2024-03-01"));
}

static void
test_earlier_downloads (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
    "model,org/a,1000,2026-11-20,40\n"
    "model,org/a,1000,2026-11-21,60\n"
    "dataset,org/b,5,2026-11-21,9\n");
  const HubRepo *a = hub_dataset_find_repo (dataset, "model", "org/a");
  const HubRepo *b = hub_dataset_find_repo (dataset, "dataset", "org/b");
  const HubRepo *overall = hub_dataset_get_overall (dataset);

  g_assert_cmpint (hub_repo_earlier_downloads (dataset, a), ==, 900);
  /* A `total` below the rows' sum: All Time is the sum, nothing before. */
  g_assert_cmpint (hub_repo_earlier_downloads (dataset, b), ==, 0);
  g_assert_cmpint (hub_repo_earlier_downloads (dataset, overall), ==, 900);
  g_assert_cmpint (hub_dataset_get_totals (dataset)->all_time, ==,
                   hub_repo_range_sum (overall, G_MININT32 + 1, G_MAXINT32) + 900);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/range/presets", test_presets);
  g_test_add_func ("/core/range/months", test_months);
  g_test_add_func ("/core/range/calendar-presets", test_calendar_presets);
  g_test_add_func ("/core/range/step", test_step);
  g_test_add_func ("/core/range/comparison", test_comparison);
  g_test_add_func ("/core/range/buckets", test_buckets);
  g_test_add_func ("/core/range/average", test_average);
  g_test_add_func ("/core/range/earlier-downloads", test_earlier_downloads);

  return g_test_run ();
}
