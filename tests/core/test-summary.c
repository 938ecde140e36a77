/* test-summary.c: the JSON object `--summary` prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

static char *
summary_of (const char *text)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (text);
  char *json = hub_summary_to_json (dataset);

  g_assert_finalize_object (g_steal_pointer (&dataset));
  return json;
}

/* The members, in the order DESIGN.md gives them. */
static void
test_hub_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hub-sample.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  json = summary_of (text);
  g_assert_cmpstr (json, ==,
                   "{\"asOf\":\"2021-11-29\",\"allTime\":6529744,\"lastMonth\":28,"
                   "\"previousMonth\":0,\"repos\":2,\"models\":1,\"datasets\":1,"
                   "\"spaces\":0,\"rows\":6}");
}

/* A header and no rows: asOf null, zeros. */
static void
test_empty (void)
{
  g_autofree char *json = summary_of (HEADER);

  g_assert_cmpstr (json, ==,
                   "{\"asOf\":null,\"allTime\":0,\"lastMonth\":0,\"previousMonth\":0,"
                   "\"repos\":0,\"models\":0,\"datasets\":0,\"spaces\":0,\"rows\":0}");
}

/* Other types count in repos and All Time only; rows counts records before
 * repeated days are merged. */
static void
test_types_and_rows (void)
{
  g_autofree char *json = summary_of (HEADER
                                      "model,a,0,2026-06-30,1\n"
                                      "model,a,0,2026-06-30,2\n"
                                      "dataset,a,0,2026-05-31,4\n"
                                      "space,s,0,2026-06-01,8\n"
                                      "kernel,k,100,2026-01-01,16\n");

  g_assert_cmpstr (json, ==,
                   "{\"asOf\":\"2026-06-30\",\"allTime\":115,\"lastMonth\":11,"
                   "\"previousMonth\":4,\"repos\":4,\"models\":1,\"datasets\":1,"
                   "\"spaces\":1,\"rows\":5}");
}

/* 64-bit numbers print exactly, beyond a double's 2^53. */
static void
test_64_bit (void)
{
  g_autofree char *json = summary_of (HEADER
                                      "model,a,9223372036854775807,2026-06-30,9007199254740993\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "allTime"), ==, G_MAXINT64);
  g_assert_cmpint (json_object_get_int_member (object, "lastMonth"), ==,
                   G_GINT64_CONSTANT (9007199254740993));
  g_assert_nonnull (strstr (json, "\"lastMonth\":9007199254740993,"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/summary/hub-sample", test_hub_sample);
  g_test_add_func ("/core/summary/empty", test_empty);
  g_test_add_func ("/core/summary/types-and-rows", test_types_and_rows);
  g_test_add_func ("/core/summary/64-bit", test_64_bit);

  return g_test_run ();
}
