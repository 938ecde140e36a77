/* test-insights.c: velocity, movers, milestones and their projection, spikes and drops, at their edges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

/* A dataset of one model whose day i (from first) has counts[i] downloads. */
static HubDataset *
dataset_of_series (const char   *name,
                   const gint64 *counts,
                   guint         n,
                   const char   *first,
                   gint64        total)
{
  g_autoptr(GString) csv = g_string_new (HEADER);

  for (guint i = 0; i < n; i++)
    {
      char iso[HUB_DAY_ISO_LEN];

      hub_day_format (hub_test_day (first) + (HubDay) i, iso);
      g_string_append_printf (csv, "model,%s,%" G_GINT64_FORMAT ",%s,%" G_GINT64_FORMAT "\n",
                              name, total, iso, counts[i]);
    }
  return hub_test_parse (csv->str);
}

/* Velocity is the mean a day of the last 7 (30) days; acceleration its
 * change against the 7 (30) days before; days without rows count 0. */
static void
test_velocity (void)
{
  gint64 counts[70];
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(HubDataset) sparse = NULL;
  HubVelocity v;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    counts[i] = i + 1;
  dataset = dataset_of_series ("org/linear", counts, G_N_ELEMENTS (counts), "2026-01-01", 0);
  v = hub_repo_velocity (hub_dataset_get_repo (dataset, 0), hub_dataset_get_as_of (dataset));
  g_assert_cmpfloat_with_epsilon (v.rate_7, 67.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (v.acceleration_7, 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (v.rate_30, 55.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (v.acceleration_30, 30.0, 1e-9);

  /* Three days of rows: the four days without and the week before count 0. */
  sparse = hub_test_parse (HEADER
    "model,org/new,0,2026-03-10,70\n"
    "model,org/new,0,2026-03-12,70\n"
    "model,org/new,0,2026-03-14,70\n");
  v = hub_repo_velocity (hub_dataset_get_repo (sparse, 0), hub_test_day ("2026-03-14"));
  g_assert_cmpfloat_with_epsilon (v.rate_7, 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (v.acceleration_7, 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (v.rate_30, 7.0, 1e-9);
  /* A week later nothing came: the rate is 0 and it fell by 30. */
  v = hub_repo_velocity (hub_dataset_get_repo (sparse, 0), hub_test_day ("2026-03-21"));
  g_assert_cmpfloat_with_epsilon (v.rate_7, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (v.acceleration_7, -30.0, 1e-9);
}

static const char *
mover_name (GArray *list,
            guint   index)
{
  g_assert_cmpuint (index, <, list->len);
  return g_array_index (list, HubMover, index).repo->name;
}

/* Gainers and losers, absolute and relative (above the floor), new
 * repositories and ones gone quiet, each in one list only. */
static void
test_movers (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
    "model,org/up,0,2026-05-02,100\n"
    "model,org/up,0,2026-05-10,300\n"
    "model,org/big,0,2026-05-02,10000\n"
    "model,org/big,0,2026-05-10,10500\n"
    "model,org/down,0,2026-05-02,1000\n"
    "model,org/down,0,2026-05-10,200\n"
    "model,org/tiny,0,2026-05-02,1\n"
    "model,org/tiny,0,2026-05-10,50\n"
    "model,org/fresh,0,2026-05-09,40\n"
    "model,org/quiet,0,2026-05-03,70\n"
    "model,org/steady,0,2026-05-03,50\n"
    "model,org/steady,0,2026-05-11,50\n"
    "dataset,org/up,0,2026-05-11,1\n");
  HubRange range = hub_range_last_days (hub_test_day ("2026-05-14"), 7);
  HubRange compared = hub_range_compared (range, HUB_COMPARISON_PREVIOUS);
  g_autoptr(HubMovers) movers = hub_movers_compute (dataset, range, compared, 10);
  g_autoptr(HubMovers) top_one = hub_movers_compute (dataset, range, compared, 1);
  HubMover *first;

  g_assert_cmpuint (movers->gainers->len, ==, 3);
  g_assert_cmpstr (mover_name (movers->gainers, 0), ==, "org/big");
  g_assert_cmpstr (mover_name (movers->gainers, 1), ==, "org/up");
  g_assert_cmpstr (mover_name (movers->gainers, 2), ==, "org/tiny");
  first = &g_array_index (movers->gainers, HubMover, 0);
  g_assert_cmpint (first->current, ==, 10500);
  g_assert_cmpint (first->previous, ==, 10000);
  g_assert_cmpint (first->kind, ==, HUB_MOVER_GAINER);

  /* tiny went from 1 to 50: below the floor, no relative figure. */
  g_assert_cmpuint (movers->gainers_relative->len, ==, 2);
  g_assert_cmpstr (mover_name (movers->gainers_relative, 0), ==, "org/up");
  g_assert_cmpfloat_with_epsilon (g_array_index (movers->gainers_relative, HubMover, 0).change.ratio,
                                  2.0, 1e-9);
  g_assert_cmpstr (mover_name (movers->gainers_relative, 1), ==, "org/big");

  g_assert_cmpuint (movers->losers->len, ==, 1);
  g_assert_cmpstr (mover_name (movers->losers, 0), ==, "org/down");
  g_assert_cmpint (g_array_index (movers->losers, HubMover, 0).kind, ==, HUB_MOVER_LOSER);
  g_assert_cmpuint (movers->losers_relative->len, ==, 1);

  /* The dataset org/up is new in the range, as is org/fresh, the larger. */
  g_assert_cmpuint (movers->fresh->len, ==, 2);
  g_assert_cmpstr (mover_name (movers->fresh, 0), ==, "org/fresh");
  g_assert_cmpint (g_array_index (movers->fresh, HubMover, 0).change.kind, ==, HUB_CHANGE_NEW);
  g_assert_cmpuint (movers->quiet->len, ==, 1);
  g_assert_cmpstr (mover_name (movers->quiet, 0), ==, "org/quiet");
  g_assert_cmpint (g_array_index (movers->quiet, HubMover, 0).previous, ==, 70);

  g_assert_cmpuint (top_one->gainers->len, ==, 1);
  g_assert_cmpstr (mover_name (top_one->gainers, 0), ==, "org/big");
}

static void
test_milestone_next (void)
{
  g_assert_cmpint (hub_milestone_next (0), ==, 1);
  g_assert_cmpint (hub_milestone_next (1), ==, 2);
  g_assert_cmpint (hub_milestone_next (2), ==, 5);
  g_assert_cmpint (hub_milestone_next (5), ==, 10);
  g_assert_cmpint (hub_milestone_next (999), ==, 1000);
  g_assert_cmpint (hub_milestone_next (1000), ==, 2000);
  g_assert_cmpint (hub_milestone_next (1999999), ==, 2000000);
  g_assert_cmpint (hub_milestone_next (4999999), ==, 5000000);
  g_assert_cmpint (hub_milestone_next (5000000), ==, 10000000);
  g_assert_cmpint (hub_milestone_next (G_GINT64_CONSTANT (1000000000000000000)), ==,
                   G_GINT64_CONSTANT (2000000000000000000));
  g_assert_cmpint (hub_milestone_next (G_GINT64_CONSTANT (6000000000000000000)), ==, G_MAXINT64);
}

/* The day a series continued by f(t) passes milestone, counting from all_time. */
static HubDay
true_day (double (*f) (guint t),
          guint   n,
          HubDay  last_day,
          gint64  all_time,
          gint64  milestone)
{
  double sum = (double) all_time;

  for (guint k = 1; k < 100000; k++)
    {
      sum += f (n - 1 + k);
      if (sum >= milestone)
        return last_day + (HubDay) k;
    }
  g_assert_not_reached ();
}

static double linear (guint t) { return 1000.0 + 10.0 * t; }
static double flat (guint t) { return 500.0; }
static double exponential (guint t) { return floor (100.0 * pow (1.02, t)); }
static double falling (guint t) { return 2000.0 - 20.0 * t; }

static double
weekly (guint t)
{
  /* Day 0 is a Thursday (1970-01-01); weekends (t % 7 of 2 and 3) a third. */
  return floor ((1000.0 + 10.0 * t) * ((t % 7 == 2 || t % 7 == 3) ? 0.3 : 1.0));
}

static HubProjection
project (double (*f) (guint t),
         guint   n,
         gint64  earlier,
         gint64 *all_time)
{
  g_autofree gint64 *daily = g_new (gint64, n);

  *all_time = earlier;
  for (guint t = 0; t < n; t++)
    {
      daily[t] = (gint64) f (t);
      *all_time += daily[t];
    }
  /* Day numbers from 0, so that day t is t: weekly()'s weekends line up. */
  return hub_projection_compute (daily, n, (HubDay) n - 1, *all_time);
}

static void
test_projection_linear (void)
{
  gint64 all_time;
  HubProjection p = project (linear, 84, 0, &all_time);

  g_assert_cmpint (p.status, ==, HUB_PROJECTION_OK);
  g_assert_cmpint (p.milestone, ==, hub_milestone_next (all_time));
  g_assert_cmpint (p.milestone, ==, 200000);
  g_assert_cmpfloat_with_epsilon (p.slope, 10.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (p.rate, 1830.0, 1e-6);
  g_assert_cmpint (p.day, ==, true_day (linear, 84, 83, all_time, p.milestone));
  /* A line without noise: the range of dates is that day (give or take rounding). */
  g_assert_cmpint (p.earliest, <=, p.day);
  g_assert_cmpint (p.latest, >=, p.day);
  g_assert_cmpint (p.latest - p.earliest, <=, 1);
}

static void
test_projection_flat (void)
{
  gint64 all_time;
  HubProjection p = project (flat, 60, 93456, &all_time);

  /* 123,456 so far, 500 a day: 200,000 is 153.09 days away. */
  g_assert_cmpint (all_time, ==, 123456);
  g_assert_cmpint (p.status, ==, HUB_PROJECTION_OK);
  g_assert_cmpint (p.milestone, ==, 200000);
  g_assert_cmpint (p.day, ==, 59 + 154);
  g_assert_cmpint (p.day, ==, true_day (flat, 60, 59, all_time, p.milestone));
  g_assert_cmpfloat_with_epsilon (p.slope, 0.0, 1e-9);
}

static void
test_projection_exponential (void)
{
  gint64 all_time;
  HubProjection p = project (exponential, 90, 0, &all_time);
  HubDay truth = true_day (exponential, 90, 89, all_time, p.milestone);
  HubDay constant_rate = 89 + (HubDay) ceil ((p.milestone - all_time) / exponential (89));

  g_test_message ("exponential: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                  ", truth %d, projected %d (%d … %d), constant rate %d",
                  all_time, p.milestone, truth, p.day, p.earliest, p.latest, constant_rate);
  g_assert_cmpint (p.status, ==, HUB_PROJECTION_OK);
  g_assert_cmpfloat (p.slope, >, 0);
  /* A line under-reads a curve that keeps bending up: the projection is
   * no earlier than the truth, and earlier than the last rate held flat. */
  g_assert_cmpint (p.day, >=, truth);
  g_assert_cmpint (p.day, <, constant_rate);
  g_assert_cmpint (p.earliest, <=, p.day);
  g_assert_cmpint (p.latest, >=, p.day);
}

static void
test_projection_weekly (void)
{
  gint64 all_time;
  HubProjection p = project (weekly, 84, 0, &all_time);
  HubDay truth = true_day (weekly, 84, 83, all_time, p.milestone);

  g_test_message ("weekly: truth %d, projected %d (%d … %d)", truth, p.day, p.earliest, p.latest);
  g_assert_cmpint (p.status, ==, HUB_PROJECTION_OK);
  g_assert_cmpint (p.earliest, <=, truth);
  g_assert_cmpint (p.latest, >=, truth);
  g_assert_cmpint (ABS (p.day - truth), <=, 2);
}

/* The refusals, each with its reason. */
static void
test_projection_refused (void)
{
  gint64 all_time, zeros[40] = { 0 };
  HubProjection p;

  p = project (falling, 60, 0, &all_time);
  g_assert_cmpint (p.status, ==, HUB_PROJECTION_FALLING);
  g_assert_cmpint (p.day, ==, HUB_DAY_NONE);
  g_assert_cmpint (p.milestone, ==, hub_milestone_next (all_time));
  g_assert_cmpstr (hub_projection_describe (p.status), !=, "");

  p = project (linear, HUB_PROJECTION_MIN_DAYS - 1, 0, &all_time);
  g_assert_cmpint (p.status, ==, HUB_PROJECTION_TOO_FEW_DAYS);
  g_assert_cmpint (p.day, ==, HUB_DAY_NONE);
  p = project (linear, HUB_PROJECTION_MIN_DAYS, 0, &all_time);
  g_assert_cmpint (p.status, ==, HUB_PROJECTION_OK);

  p = hub_projection_compute (zeros, G_N_ELEMENTS (zeros), 100, 5000);
  g_assert_cmpint (p.status, ==, HUB_PROJECTION_NO_DOWNLOADS);
  g_assert_cmpint (p.milestone, ==, 10000);

  /* One download a day towards a milestone 10 million away. */
  {
    gint64 ones[40];

    for (guint i = 0; i < G_N_ELEMENTS (ones); i++)
      ones[i] = 1;
    p = hub_projection_compute (ones, G_N_ELEMENTS (ones), 100, 10000001);
    g_assert_cmpint (p.status, ==, HUB_PROJECTION_TOO_FAR);
  }

  g_assert_cmpstr (hub_projection_describe (HUB_PROJECTION_TOO_FEW_DAYS), !=,
                   hub_projection_describe (HUB_PROJECTION_FALLING));
  g_assert_cmpstr (hub_projection_describe (HUB_PROJECTION_OK), ==, "");
}

/* Through a dataset: All Time counts the downloads before the rows. */
static void
test_repo_projection (void)
{
  gint64 counts[30];
  g_autoptr(HubDataset) dataset = NULL;
  HubProjection p;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    counts[i] = 100;
  dataset = dataset_of_series ("org/a", counts, G_N_ELEMENTS (counts), "2026-01-01", 4000);
  p = hub_repo_projection (dataset, hub_dataset_get_repo (dataset, 0));
  g_assert_cmpint (p.status, ==, HUB_PROJECTION_OK);
  g_assert_cmpint (p.all_time, ==, 4000);
  g_assert_cmpint (p.milestone, ==, 5000);
  g_assert_cmpint (p.day, ==, hub_test_day ("2026-02-09"));
  p = hub_repo_projection (dataset, hub_dataset_get_overall (dataset));
  g_assert_cmpint (p.all_time, ==, 4000);
  g_assert_cmpint (p.day, ==, hub_test_day ("2026-02-09"));
}

/* Each milestone passed, on the day the running count reached it. */
static void
test_milestones_passed (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
    "model,org/a,12000,2026-01-01,300\n"
    "model,org/a,12000,2026-01-02,400\n"
    "model,org/a,12000,2026-01-03,600\n"
    "model,org/a,12000,2026-01-05,10000\n");
  const HubRepo *repo = hub_dataset_get_repo (dataset, 0);
  g_autoptr(GArray) all = hub_repo_milestones (dataset, repo, (HubRange) { hub_test_day ("2026-01-01"),
                                                                           hub_test_day ("2026-01-05") });
  g_autoptr(GArray) later = hub_repo_milestones (dataset, repo, (HubRange) { hub_test_day ("2026-01-04"),
                                                                             hub_test_day ("2026-01-05") });
  static const struct { gint64 value; const char *day; } expected[] = {
    { 1000, "2026-01-01" }, { 2000, "2026-01-03" }, { 5000, "2026-01-05" }, { 10000, "2026-01-05" },
  };

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (g_array_index (all, HubMilestone, i).value, ==, expected[i].value);
      g_assert_cmpint (g_array_index (all, HubMilestone, i).day, ==, hub_test_day (expected[i].day));
    }
  g_assert_cmpuint (later->len, ==, 2);
  g_assert_cmpint (g_array_index (later, HubMilestone, 0).value, ==, 5000);
}

static GArray *
spikes_of (const gint64 *daily,
           guint         n)
{
  return hub_spikes_find (daily, n, 0, 0);
}

/* A steady series with noise: one spike and one drop, nothing else. */
static void
test_spikes_plain (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  gint64 daily[70];
  g_autoptr(GArray) spikes = NULL;
  HubSpike *spike;

  for (guint i = 0; i < G_N_ELEMENTS (daily); i++)
    daily[i] = 1000 + g_rand_int_range (rand, -50, 51);
  daily[60] = 5000;
  daily[65] = 100;
  spikes = spikes_of (daily, G_N_ELEMENTS (daily));

  g_assert_cmpuint (spikes->len, ==, 2);
  spike = &g_array_index (spikes, HubSpike, 0);
  g_assert_cmpint (spike->day, ==, 60);
  g_assert_cmpint (spike->count, ==, 5000);
  g_assert_cmpfloat (spike->score, >=, HUB_SPIKE_THRESHOLD);
  g_assert_cmpfloat (fabs (spike->expected - 1000), <, 50);
  spike = &g_array_index (spikes, HubSpike, 1);
  g_assert_cmpint (spike->day, ==, 65);
  g_assert_cmpfloat (spike->score, <=, -HUB_SPIKE_THRESHOLD);
}

/* Quiet weekends are usual, not drops; a busy Saturday is a spike even
 * below a weekday's count, and a busy Wednesday one too. */
static void
test_spikes_weekly (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 daily[84];
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) spikes = NULL;

  /* Day 0 is a Thursday: t % 7 of 2 and 3 are Saturday and Sunday. */
  for (guint t = 0; t < G_N_ELEMENTS (daily); t++)
    daily[t] = (t % 7 == 2 || t % 7 == 3 ? 200 : 1000) + g_rand_int_range (rand, -30, 31);
  none = spikes_of (daily, G_N_ELEMENTS (daily));
  g_assert_cmpuint (none->len, ==, 0);

  daily[72] = 900;    /* a Saturday */
  daily[69] = 3000;   /* a Wednesday */
  g_assert_cmpint (hub_day_weekday (72), ==, 6);
  g_assert_cmpint (hub_day_weekday (69), ==, 3);
  spikes = spikes_of (daily, G_N_ELEMENTS (daily));
  g_assert_cmpuint (spikes->len, ==, 2);
  g_assert_cmpint (g_array_index (spikes, HubSpike, 0).day, ==, 69);
  g_assert_cmpint (g_array_index (spikes, HubSpike, 1).day, ==, 72);
  g_assert_cmpfloat (fabs (g_array_index (spikes, HubSpike, 1).expected - 200), <, 40);
}

/* A series as steady as a clock: small wobbles are not spikes, the floor
 * of √median keeps the score finite. Too short a series has no baseline. */
static void
test_spikes_steady (void)
{
  gint64 daily[40];
  g_autoptr(GArray) spikes = NULL;
  g_autoptr(GArray) short_series = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (daily); i++)
    daily[i] = 100;
  daily[30] = 130;
  daily[35] = 150;
  spikes = spikes_of (daily, G_N_ELEMENTS (daily));
  g_assert_cmpuint (spikes->len, ==, 1);
  g_assert_cmpint (g_array_index (spikes, HubSpike, 0).day, ==, 35);
  g_assert_cmpfloat_with_epsilon (g_array_index (spikes, HubSpike, 0).score, 5.0, 1e-9);
  g_assert_true (isfinite (g_array_index (spikes, HubSpike, 0).score));

  short_series = spikes_of (daily, HUB_SPIKE_BASELINE_DAYS);
  g_assert_cmpuint (short_series->len, ==, 0);
}

/* Through a repository: only the days of the range are reported. */
static void
test_repo_spikes (void)
{
  gint64 counts[50];
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GArray) in_range = NULL;
  g_autoptr(GArray) before = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    counts[i] = 400;
  counts[35] = 4000;
  dataset = dataset_of_series ("org/a", counts, G_N_ELEMENTS (counts), "2026-01-01", 0);
  in_range = hub_repo_spikes (hub_dataset_get_repo (dataset, 0),
                              hub_range_last_days (hub_dataset_get_as_of (dataset), 30));
  g_assert_cmpuint (in_range->len, ==, 1);
  g_assert_cmpint (g_array_index (in_range, HubSpike, 0).day, ==, hub_test_day ("2026-02-05"));
  before = hub_repo_spikes (hub_dataset_get_repo (dataset, 0),
                            hub_range_last_days (hub_dataset_get_as_of (dataset), 7));
  g_assert_cmpuint (before->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/insights/velocity", test_velocity);
  g_test_add_func ("/core/insights/movers", test_movers);
  g_test_add_func ("/core/insights/milestone-next", test_milestone_next);
  g_test_add_func ("/core/insights/projection/linear", test_projection_linear);
  g_test_add_func ("/core/insights/projection/flat", test_projection_flat);
  g_test_add_func ("/core/insights/projection/exponential", test_projection_exponential);
  g_test_add_func ("/core/insights/projection/weekly", test_projection_weekly);
  g_test_add_func ("/core/insights/projection/refused", test_projection_refused);
  g_test_add_func ("/core/insights/projection/repository", test_repo_projection);
  g_test_add_func ("/core/insights/milestones-passed", test_milestones_passed);
  g_test_add_func ("/core/insights/spikes/plain", test_spikes_plain);
  g_test_add_func ("/core/insights/spikes/weekly", test_spikes_weekly);
  g_test_add_func ("/core/insights/spikes/steady", test_spikes_steady);
  g_test_add_func ("/core/insights/spikes/repository", test_repo_spikes);

  return g_test_run ();
}
