/* test-dataset.c: the numbers of DESIGN.md on the Hub's own sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-core.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/dataset/hub-sample", test_hub_sample);

  return g_test_run ();
}
