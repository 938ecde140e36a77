/* test-parser.c: every input tolerance and every refusal of DESIGN.md
 *
 * Each input goes through hub_test_load_every_way(): one buffer, fed in
 * pieces, a stream, and a file read on one thread or split across two, which
 * must all give the same dataset or the same error at the same line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-parser-private.h"
#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

static void
assert_one_row (HubDataset *dataset,
                const char *type,
                const char *name,
                gint64      total,
                const char *day,
                gint64      downloads)
{
  const HubRepo *repo = hub_dataset_find_repo (dataset, type, name);

  g_assert_nonnull (repo);
  g_assert_cmpint (repo->total, ==, total);
  g_assert_cmpuint (repo->n_days, ==, 1);
  g_assert_cmpint (repo->days[0], ==, hub_test_day (day));
  g_assert_cmpint (repo->cum[0], ==, downloads);
}

/* Tolerances */

static void
test_lf (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/a,10,2026-06-01T00:00:00.000Z,4\n"
                                                  "model,org/a,10,2026-06-02T00:00:00.000Z,6\n");

  g_assert_cmpuint (hub_dataset_get_totals (dataset)->rows, ==, 2);
  g_assert_cmpint (hub_test_count (dataset, "model", "org/a", "2026-06-02"), ==, 6);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_crlf (void)
{
  g_autoptr(HubDataset) lf = hub_test_parse (HEADER
                                             "model,org/a,10,2026-06-01,4\n"
                                             "dataset,org/b,3,2026-06-02,6\n");
  g_autoptr(HubDataset) crlf = hub_test_parse ("repoType,repoName,total,timestamp,downloads\r\n"
                                               "model,org/a,10,2026-06-01,4\r\n"
                                               "dataset,org/b,3,2026-06-02,6\r\n");

  hub_test_assert_datasets_equal (lf, crlf);
  g_assert_finalize_object (g_steal_pointer (&crlf));
  g_assert_finalize_object (g_steal_pointer (&lf));
}

static void
test_bom (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse ("\xEF\xBB\xBF" HEADER
                                                  "model,org/a,10,2026-06-01,4\n");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Only at the very start: elsewhere U+FEFF is a character like any other. */
static void
test_bom_only_at_start (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse ("\xEF\xBB\xBF" HEADER
                                                  "model,\xEF\xBB\xBForg/a,10,2026-06-01,4\n");

  assert_one_row (dataset, "model", "\xEF\xBB\xBForg/a", 10, "2026-06-01", 4);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* A quoted header after the mark, and a lone first byte of a mark, read right. */
static void
test_bom_then_quote (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse ("\xEF\xBB\xBF\"repoType\",repoName,total,"
                                                  "timestamp,downloads\r\n"
                                                  "model,org/a,10,2026-06-01,4");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  g_assert_finalize_object (g_steal_pointer (&dataset));
  hub_test_assert_refused ("\xEF", HUB_PARSE_ERROR_NOT_CSV, 1, NULL);
}

static void
test_quoted_fields (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse ("\"repoType\",\"repoName\",\"total\","
                                                  "\"timestamp\",\"downloads\"\n"
                                                  "\"model\",\"org/a, \"\"the best\"\"\",\"10\","
                                                  "\"2026-06-01T00:00:00.000Z\",\"4\"\n");

  assert_one_row (dataset, "model", "org/a, \"the best\"", 10, "2026-06-01", 4);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_quoted_newline (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,\"org/two\nlines\",10,2026-06-01,4\n"
                                                  "model,\"org/two\nlines\",10,2026-06-02,5\n"
                                                  "model,\"org/crlf\r\nlines\",1,2026-06-02,1\n");
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "org/two\nlines");

  g_assert_nonnull (repo);
  g_assert_cmpuint (repo->n_days, ==, 2);
  g_assert_nonnull (hub_dataset_find_repo (dataset, "model", "org/crlf\r\nlines"));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_column_order (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse ("downloads,timestamp,total,repoName,repoType\n"
                                                  "4,2026-06-01,10,org/a,model\n");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_extra_columns (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse ("likes,repoType,repoName,private,total,"
                                                  "timestamp,downloads,note\n"
                                                  "7,model,org/a,false,10,2026-06-01,4,\"x,\ny\"\n"
                                                  "8,model,org/b,true,1,2026-06-01,1,,,,\n");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  assert_one_row (dataset, "model", "org/b", 1, "2026-06-01", 1);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* The optional columns after the required ones may be missing from a row. */
static void
test_extra_columns_short (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse ("repoType,repoName,total,timestamp,downloads,"
                                                  "likes,note\n"
                                                  "model,org/a,10,2026-06-01,4\n");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_no_final_newline (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER "model,org/a,10,2026-06-01,4");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_no_final_newline_quoted (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER "model,org/a,10,2026-06-01,\"4\"");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_rows_any_order (void)
{
  g_autoptr(HubDataset) ordered = hub_test_parse (HEADER
                                                  "model,org/a,10,2026-06-01,1\n"
                                                  "model,org/a,10,2026-06-02,2\n"
                                                  "model,org/a,10,2026-06-03,3\n"
                                                  "dataset,org/b,5,2026-06-01,4\n"
                                                  "dataset,org/b,5,2026-06-05,5\n");
  g_autoptr(HubDataset) shuffled = hub_test_parse (HEADER
                                                   "model,org/a,10,2026-06-03,3\n"
                                                   "dataset,org/b,5,2026-06-05,5\n"
                                                   "model,org/a,10,2026-06-01,1\n"
                                                   "dataset,org/b,5,2026-06-01,4\n"
                                                   "model,org/a,10,2026-06-02,2\n");

  hub_test_assert_datasets_equal (ordered, shuffled);
  g_assert_finalize_object (g_steal_pointer (&shuffled));
  g_assert_finalize_object (g_steal_pointer (&ordered));
}

static void
test_repeated_days (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/a,10,2026-06-01,4\n"
                                                  "model,org/a,10,2026-06-02,1\n"
                                                  "model,org/a,10,2026-06-01T00:00:00Z,3\n"
                                                  "dataset,org/a,10,2026-06-01,7\n"
                                                  "model,org/a,10,2026-06-01 T12:00:00.000 Z,2\n");
  const HubTotals *totals = hub_dataset_get_totals (dataset);

  g_assert_cmpint (hub_test_count (dataset, "model", "org/a", "2026-06-01"), ==, 9);
  g_assert_cmpint (hub_test_count (dataset, "dataset", "org/a", "2026-06-01"), ==, 7);
  g_assert_cmpuint (hub_dataset_find_repo (dataset, "model", "org/a")->n_days, ==, 2);
  g_assert_cmpuint (totals->rows, ==, 5);
  g_assert_cmpuint (totals->merged_repeats, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* A file with a header and no rows is valid: no asOf, zeros. */
static void
test_header_only (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER);
  const HubTotals *totals = hub_dataset_get_totals (dataset);

  g_assert_cmpint (totals->as_of, ==, HUB_DAY_NONE);
  g_assert_cmpint (totals->all_time, ==, 0);
  g_assert_cmpuint (totals->repos, ==, 0);
  g_assert_cmpuint (totals->rows, ==, 0);
  g_assert_cmpuint (hub_dataset_get_n_repos (dataset), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_blank_lines (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse ("\n\r\n" HEADER "\n"
                                                  "model,org/a,10,2026-06-01,4\n\n\n");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  g_assert_cmpuint (hub_dataset_get_totals (dataset)->rows, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* The Hub adds kinds: another type is its own, in repos and All Time only. */
static void
test_unknown_type (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/a,10,2026-06-01,4\n"
                                                  "kernel,org/a,100,2026-06-01,40\n"
                                                  "space,org/s,0,2026-06-01,1\n");
  const HubTotals *totals = hub_dataset_get_totals (dataset);
  const HubRepo *kernel = hub_dataset_find_repo (dataset, "kernel", "org/a");

  g_assert_nonnull (kernel);
  g_assert_cmpint (kernel->kind, ==, HUB_REPO_KIND_OTHER);
  g_assert_cmpstr (kernel->type, ==, "kernel");
  g_assert_cmpuint (totals->repos, ==, 3);
  g_assert_cmpuint (totals->models, ==, 1);
  g_assert_cmpuint (totals->datasets, ==, 0);
  g_assert_cmpuint (totals->spaces, ==, 1);
  g_assert_cmpuint (totals->others, ==, 1);
  g_assert_cmpint (totals->all_time, ==, 10 + 100 + 1);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Known types match exactly, in lower case. */
static void
test_type_case (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "Model,org/a,10,2026-06-01,4\n"
                                                  "DATASET,org/b,10,2026-06-01,4\n");
  const HubTotals *totals = hub_dataset_get_totals (dataset);

  g_assert_cmpuint (totals->repos, ==, 2);
  g_assert_cmpuint (totals->models, ==, 0);
  g_assert_cmpuint (totals->datasets, ==, 0);
  g_assert_cmpuint (totals->others, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* A repository is keyed by type and name. */
static void
test_same_name_two_types (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/x,10,2026-06-01,4\n"
                                                  "dataset,org/x,20,2026-06-01,6\n");
  const HubTotals *totals = hub_dataset_get_totals (dataset);

  g_assert_cmpuint (totals->repos, ==, 2);
  assert_one_row (dataset, "model", "org/x", 10, "2026-06-01", 4);
  assert_one_row (dataset, "dataset", "org/x", 20, "2026-06-01", 6);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_count_leading_zeros (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER "model,org/a,0010,2026-06-01,007\n");

  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 7);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_count_zero (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER "model,org/a,0,2026-06-01,0\n");

  assert_one_row (dataset, "model", "org/a", 0, "2026-06-01", 0);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Single days above 2^32 occur. */
static void
test_count_above_32_bits (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/a,12884901888,2026-06-01,4294967296\n"
                                                  "model,org/a,12884901888,2026-06-02,8589934592\n");

  g_assert_cmpint (hub_test_count (dataset, "model", "org/a", "2026-06-01"), ==, G_GINT64_CONSTANT (4294967296));
  g_assert_cmpint (hub_test_count (dataset, "model", "org/a", "2026-06-02"), ==, G_GINT64_CONSTANT (8589934592));
  g_assert_cmpint (hub_dataset_get_totals (dataset)->all_time, ==, G_GINT64_CONSTANT (12884901888));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_count_int64_max (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/a,9223372036854775807,2026-06-01,"
                                                  "9223372036854775807\n");

  assert_one_row (dataset, "model", "org/a", G_MAXINT64, "2026-06-01", G_MAXINT64);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Each timestamp form of DESIGN.md, read through the whole parser. */
static void
test_timestamp_forms (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-01,1\n"
                                                  "model,b,0,2026-06-01T00:00:00,1\n"
                                                  "model,c,0,2026-06-01 00:00:00,1\n"
                                                  "model,d,0,2026-06-01T00:00:00.000,1\n"
                                                  "model,e,0,2026-06-01T00:00:00.000Z,1\n"
                                                  "model,f,0,2026-06-01T00:00:00+00:00,1\n"
                                                  "model,g,0,2026-06-01 T00:00:00.000 Z,1\n"
                                                  "model,h,0,\"2026-06-01 T00:00:00.000 Z\",1\n"
                                                  "model,i,0,2026-06-01T23:59:59Z,1\n");
  const char *names[] = { "a", "b", "c", "d", "e", "f", "g", "h", "i" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_one_row (dataset, "model", names[i], 0, "2026-06-01", 1);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Another offset is converted to UTC: 00:30+02:00 is the day before. */
static void
test_timestamp_offset (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,a,0,2026-06-01T00:30:00+02:00,1\n"
                                                  "model,b,0,2026-06-01T23:00:00-01:30,1\n"
                                                  "model,c,0,2026-06-01T12:00:00+02:00,1\n");

  assert_one_row (dataset, "model", "a", 0, "2026-05-31", 1);
  assert_one_row (dataset, "model", "b", 0, "2026-06-02", 1);
  assert_one_row (dataset, "model", "c", 0, "2026-06-01", 1);
  g_assert_cmpint (hub_dataset_get_as_of (dataset), ==, hub_test_day ("2026-06-02"));
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Refusals: each names the file, the line and the column. */

static void
test_refuse_empty_file (void)
{
  hub_test_assert_refused ("", HUB_PARSE_ERROR_EMPTY, 0, NULL);
}

static void
test_refuse_blank_file (void)
{
  hub_test_assert_refused ("\n\r\n  \n", HUB_PARSE_ERROR_EMPTY, 0, NULL);
}

static void
test_refuse_html_page (void)
{
  g_autoptr(GError) error = NULL;
  const char *page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<title>Hugging Face – Sign in</title></head>\n<body>,,,</body></html>\n";
  g_autoptr(HubDataset) dataset = hub_test_load_every_way (page, strlen (page), &error);

  g_assert_null (dataset);
  g_assert_error (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_NOT_CSV);
  g_assert_nonnull (strstr (error->message, "web page"));
  hub_test_assert_refused (page, HUB_PARSE_ERROR_NOT_CSV, 1, NULL);
}

static void
test_refuse_json_body (void)
{
  hub_test_assert_refused ("{\"error\":\"Invalid credentials in Authorization header\"}",
                           HUB_PARSE_ERROR_NOT_CSV, 1, NULL);
}

/* A first line that never ends (a minified page, a binary file) is given up
 * early rather than read whole into memory. */
static void
test_refuse_endless_first_line (void)
{
  g_autoptr(GString) text = g_string_new ("\"<!DOCTYPE html>\n");

  while (text->len < 200 * 1024)
    g_string_append (text, "<p>lorem, ipsum</p>\n");
  hub_test_assert_refused (text->str, HUB_PARSE_ERROR_NOT_CSV, 1, NULL);
}

static void
test_refuse_binary (void)
{
  static const char gzip[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x07\x00";
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_test_load_every_way (gzip, sizeof gzip - 1, &error);

  g_assert_null (dataset);
  g_assert_error (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_NOT_CSV);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_refuse_missing_column (gconstpointer data)
{
  const char *column = data;
  const char *all[] = { "repoType", "repoName", "total", "timestamp", "downloads" };
  GString *text = g_string_new (NULL);
  g_autofree char *csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (!g_str_equal (all[i], column))
      g_string_append_printf (text, "%s,", all[i]);
  g_string_append (text, "other\nmodel,org/a,1,2026-06-01,1\n");
  csv = g_string_free (text, FALSE);
  hub_test_assert_refused (csv, HUB_PARSE_ERROR_MISSING_COLUMN, 1, column);
}

/* A header name differing in case is not the column. */
static void
test_refuse_column_case (void)
{
  hub_test_assert_refused ("repoType,reponame,total,timestamp,downloads\n",
                           HUB_PARSE_ERROR_MISSING_COLUMN, 1, "repoName");
}

static void
test_refuse_short_row (void)
{
  hub_test_assert_refused (HEADER
                           "model,org/a,10,2026-06-01,4\n"
                           "model,org/a,10\n",
                           HUB_PARSE_ERROR_SHORT_ROW, 3, "timestamp");
}

static void
test_refuse_short_row_at_end (void)
{
  hub_test_assert_refused (HEADER
                           "model,org/a,10,2026-06-01,4\n"
                           "model,org/a,10,2026-06-02",
                           HUB_PARSE_ERROR_SHORT_ROW, 3, "downloads");
}

static void
test_refuse_empty_repo_name (void)
{
  hub_test_assert_refused (HEADER "model,,10,2026-06-01,4\n",
                           HUB_PARSE_ERROR_EMPTY_FIELD, 2, "repoName");
}

static void
test_refuse_empty_quoted_repo_name (void)
{
  hub_test_assert_refused (HEADER "model,org/a,10,2026-06-01,4\nmodel,\"\",10,2026-06-01,4\n",
                           HUB_PARSE_ERROR_EMPTY_FIELD, 3, "repoName");
}

static void
test_refuse_empty_repo_type (void)
{
  hub_test_assert_refused (HEADER "model,org/a,10,2026-06-01,4\n,org/a,10,2026-06-01,4\n",
                           HUB_PARSE_ERROR_EMPTY_FIELD, 3, "repoType");
}

static void
refuse_count (const char *downloads)
{
  g_autofree char *text = g_strdup_printf (HEADER "model,org/a,10,2026-06-01,1\n"
                                           "model,org/a,10,2026-06-02,%s\n", downloads);

  hub_test_assert_refused (text, HUB_PARSE_ERROR_BAD_COUNT, 3, "downloads");
}

static void
test_refuse_count_plus (void)
{
  refuse_count ("+5");
}

static void
test_refuse_count_minus (void)
{
  refuse_count ("-4");
}

static void
test_refuse_count_decimal (void)
{
  refuse_count ("4.0");
}

static void
test_refuse_count_exponent (void)
{
  refuse_count ("4e3");
}

static void
test_refuse_count_empty (void)
{
  refuse_count ("");
}

static void
test_refuse_count_inner_space (void)
{
  refuse_count ("4 000");
  refuse_count ("\" 4\"");
}

static void
test_refuse_count_grouped (void)
{
  refuse_count ("\"4,000\"");
}

static void
test_refuse_count_hex (void)
{
  refuse_count ("0x10");
}

static void
test_refuse_total_not_a_number (void)
{
  hub_test_assert_refused (HEADER "model,org/a,lots,2026-06-01,4\n",
                           HUB_PARSE_ERROR_BAD_COUNT, 2, "total");
}

/* 2^63 − 1 is the largest count; one more is refused, not wrapped. */
static void
test_refuse_count_too_large (void)
{
  hub_test_assert_refused (HEADER "model,org/a,10,2026-06-01,9223372036854775808\n",
                           HUB_PARSE_ERROR_COUNT_TOO_LARGE, 2, "downloads");
  hub_test_assert_refused (HEADER "model,org/a,99999999999999999999999,2026-06-01,1\n",
                           HUB_PARSE_ERROR_COUNT_TOO_LARGE, 2, "total");
}

/* A long number that is not a number is refused as such, not as too large. */
static void
test_refuse_count_long_garbage (void)
{
  refuse_count ("99999999999999999999999x");
}

static void
refuse_date (const char *timestamp)
{
  g_autofree char *text = g_strdup_printf (HEADER "model,org/a,10,2026-06-01,1\n"
                                           "\n"
                                           "model,org/a,10,%s,1\n", timestamp);

  hub_test_assert_refused (text, HUB_PARSE_ERROR_BAD_DATE, 4, "timestamp");
}

static void
test_refuse_date_impossible (void)
{
  refuse_date ("2026-02-30");
}

static void
test_refuse_date_not_leap (void)
{
  refuse_date ("2025-02-29T00:00:00.000Z");
}

static void
test_refuse_date_month (void)
{
  refuse_date ("2026-13-01");
}

static void
test_refuse_date_time (void)
{
  refuse_date ("2026-06-01T25:00:00Z");
}

static void
test_refuse_date_malformed (void)
{
  refuse_date ("yesterday");
  refuse_date ("06/01/2026");
  refuse_date ("");
}

static void
test_refuse_name_not_utf8 (void)
{
  hub_test_assert_refused (HEADER "model,org/caf\xE9,10,2026-06-01,4\n",
                           HUB_PARSE_ERROR_NOT_TEXT, 2, "repoName");
}

static void
test_refuse_name_nul (void)
{
  static const char text[] = HEADER "model,org/a\0b,10,2026-06-01,4\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_test_load_every_way (text, sizeof text - 1, &error);

  g_assert_null (dataset);
  g_assert_error (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, "line 2,"));
}

/* An opening quote that never closes would swallow the rest of the file. */
static void
test_refuse_open_quote (void)
{
  g_autoptr(GString) text = g_string_new (HEADER "model,org/a,10,2026-06-01,4\n"
                                          "model,\"org/b,10,2026-06-01,4\n");

  while (text->len < 3 * 1024 * 1024)
    g_string_append (text, "model,org/c,10,2026-06-01,4\n");
  hub_test_assert_refused (text->str, HUB_PARSE_ERROR_FIELD_TOO_LONG, 3, "repoName");
}

/* Refused whole: good rows before the bad one give no dataset, and the
 * parser stays refused. */
static void
test_refuse_whole (void)
{
  g_autoptr(HubParser) parser = hub_parser_new ("x.csv", NULL);
  g_autoptr(GError) error = NULL;
  const char *good = HEADER "model,org/a,10,2026-06-01,4\n";
  const char *bad = "model,org/a,10,2026-06-02,-1\n";

  g_assert_true (hub_parser_feed (parser, good, strlen (good), &error));
  g_assert_no_error (error);
  g_assert_false (hub_parser_feed (parser, bad, strlen (bad), &error));
  g_assert_error (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_BAD_COUNT);
  g_clear_error (&error);
  g_assert_false (hub_parser_feed (parser, good, strlen (good), &error));
  g_assert_error (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_BAD_COUNT);
  g_clear_error (&error);
  g_assert_null (hub_parser_finish (parser, &error));
  g_assert_error (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_BAD_COUNT);
  g_assert_nonnull (strstr (error->message, "x.csv, line 3"));
}

/* `line N`: the 1-based physical line where the record starts. */

static void
test_line_header_is_one (void)
{
  hub_test_assert_refused ("repoType,repoName,total,timestamp\nmodel,org/a,1,2026-06-01\n",
                           HUB_PARSE_ERROR_MISSING_COLUMN, 1, "downloads");
}

static void
test_line_first_row_is_two (void)
{
  hub_test_assert_refused (HEADER "model,org/a,x,2026-06-01,4\n",
                           HUB_PARSE_ERROR_BAD_COUNT, 2, "total");
}

/* Newlines inside quoted fields are physical lines too. */
static void
test_line_after_quoted_newlines (void)
{
  hub_test_assert_refused ("repoType,\"repo\nName\",total,timestamp,downloads\n"
                           "model,\"org/a\nb\nc\",10,2026-06-01,4\n"
                           "model,org/b,10,2026-06-01,4,\"extra\r\ncolumn\"\n"
                           "model,org/c,10,2026-06-01,x\n",
                           HUB_PARSE_ERROR_MISSING_COLUMN, 1, "repoName");
  hub_test_assert_refused (HEADER
                           "model,\"org/a\nb\nc\",10,2026-06-01,4\n"
                           "model,\"org/a\nb\nc\",10,2026-06-02,4\n"
                           "likes,org/b,10,2026-06-01,4,\"extra\r\ncolumn\"\n"
                           "model,org/c,10,2026-06-01,x\n",
                           HUB_PARSE_ERROR_BAD_COUNT, 10, "downloads");
}

/* A record that spans lines is named by the line it starts on. */
static void
test_line_record_spanning_lines (void)
{
  hub_test_assert_refused (HEADER
                           "model,org/a,10,2026-06-01,4\n"
                           "model,\"org/b\nsecond line\",10,2026-06-01,-4\n",
                           HUB_PARSE_ERROR_BAD_COUNT, 3, "downloads");
}

static void
test_line_crlf (void)
{
  hub_test_assert_refused ("repoType,repoName,total,timestamp,downloads\r\n"
                           "model,org/a,10,2026-06-01,4\r\n"
                           "\r\n"
                           "model,org/a,10,2026-06-31,4\r\n",
                           HUB_PARSE_ERROR_BAD_DATE, 4, "timestamp");
}

static void
test_line_blank_lines (void)
{
  hub_test_assert_refused ("\n\n" HEADER "\n"
                           "model,org/a,10,2026-06-01,4\n"
                           "\n"
                           "model,,10,2026-06-01,4\n",
                           HUB_PARSE_ERROR_EMPTY_FIELD, 7, "repoName");
}

static void
test_line_bom (void)
{
  hub_test_assert_refused ("\xEF\xBB\xBF" HEADER "model,org/a,10,2026-06-01,\n",
                           HUB_PARSE_ERROR_BAD_COUNT, 2, "downloads");
}

/* A file above the split threshold, read on two threads: a quoted field with
 * a newline in the first half, a bad row in the second. */

static void
append_rows (GString    *text,
             const char *name,
             guint       n_rows,
             guint      *lines)
{
  for (guint i = 0; i < n_rows; i++)
    {
      HubDay day = hub_day_from_ymd (2020, 1, 1) + (HubDay) i;
      char iso[HUB_DAY_ISO_LEN];

      hub_day_format (day, iso);
      g_string_append_printf (text, "model,%s,1000000,%sT00:00:00.000Z,%u\n", name, iso, i % 97);
    }
  *lines += n_rows;
  for (const char *p = name; (p = strchr (p, '\n')) != NULL; p++)
    *lines += n_rows;
}

static char *
write_big_file (GString *text)
{
  g_assert_cmpuint (text->len, >, HUB_PARSER_SPLIT_MIN_SIZE);
  return hub_test_write_temp_file (text->str, text->len);
}

static void
test_line_split_file (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) stream_error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  guint lines = 1;
  guint bad_line;

  append_rows (text, "\"org/quoted\nname\"", 2000, &lines);
  for (guint r = 0; text->len < HUB_PARSER_SPLIT_MIN_SIZE * 3 / 4; r++)
    {
      g_autofree char *name = g_strdup_printf ("org/repo-%u", r);

      append_rows (text, name, 1500, &lines);
    }
  bad_line = lines + 1;
  g_string_append (text, "model,org/bad,10,2026-06-01,4.5\n");
  lines++;
  while (text->len <= HUB_PARSER_SPLIT_MIN_SIZE + 1024)
    append_rows (text, "org/after", 1000, &lines);

  path = write_big_file (text);
  dataset = hub_dataset_load_file (path, HUB_TEST_SOURCE, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_BAD_COUNT);
  expected = g_strdup_printf (HUB_TEST_SOURCE ", line %u, column “downloads”", bad_line);
  g_assert_true (g_str_has_prefix (error->message, expected));

  /* The same as one thread reading it all. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (text->str, text->len);

    g_assert_null (hub_dataset_load_bytes (bytes, HUB_TEST_SOURCE, &stream_error));
    hub_test_assert_errors_equal (error, stream_error);
  }
  g_unlink (path);
}

/* The same file without the bad row: both threads' rows, merged in order,
 * with a repository on both sides of the split. */
static void
test_split_file_equal (void)
{
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF" HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) split = NULL;
  g_autoptr(HubDataset) whole = NULL;
  g_autofree char *path = NULL;
  HubProgress progress = { 0 };
  guint lines = 1;

  for (guint r = 0; text->len < HUB_PARSER_SPLIT_MIN_SIZE + 4096; r++)
    {
      g_autofree char *name = g_strdup_printf ("org/repo-%u", r);

      append_rows (text, name, 1000 + r * 37, &lines);
    }
  /* Repeats of the first repository after the split, out of order. */
  append_rows (text, "org/repo-0", 10, &lines);

  path = write_big_file (text);
  split = hub_dataset_load_file (path, HUB_TEST_SOURCE, &progress, NULL, &error);
  g_assert_no_error (error);
  whole = hub_test_load_in_pieces (text->str, text->len, 65536, &error);
  g_assert_no_error (error);
  hub_test_assert_datasets_equal (whole, split);
  g_assert_cmpuint (hub_dataset_get_totals (split)->merged_repeats, ==, 10);
  g_assert_cmpuint (hub_dataset_get_totals (split)->rows, ==, lines - 1);
  g_assert_cmpuint (atomic_load (&progress.bytes), ==, text->len);
  g_assert_cmpuint (atomic_load (&progress.rows), ==, lines - 1);
  g_assert_cmpuint (progress.total_bytes, ==, text->len);
  g_unlink (path);
  g_assert_finalize_object (g_steal_pointer (&split));
  g_assert_finalize_object (g_steal_pointer (&whole));
}

/* The line boundary after the middle lies inside a quoted field: the split
 * is abandoned and the line numbers stay right. */
static void
test_split_inside_quotes (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GString) name = g_string_new ("\"org/");
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  HubProgress progress = { 0 };
  guint lines = 1;
  gsize before;

  /* As much before the name as after it, so that the middle falls in it. */
  while (text->len < 2 * 1024 * 1024)
    append_rows (text, "org/before", 1000, &lines);
  before = text->len;
  while (name->len < 900 * 1024)
    g_string_append (name, "abcdefghijklmn\n");
  g_string_append (name, "end\"");
  append_rows (text, name->str, 1, &lines);
  while (text->len < before + name->len + before)
    append_rows (text, "org/after", 1, &lines);
  g_string_append (text, "model,org/after,1,2026-06-01,nine\n");

  path = write_big_file (text);
  dataset = hub_dataset_load_file (path, HUB_TEST_SOURCE, &progress, NULL, &error);
  g_assert_null (dataset);
  /* Bytes read again after the abandoned split are not counted twice. */
  g_assert_cmpuint (atomic_load (&progress.bytes), <=, text->len);
  expected = g_strdup_printf (HUB_TEST_SOURCE ", line %u, column “downloads”", lines + 1);
  g_assert_error (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_BAD_COUNT);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_unlink (path);
}

/* Reading */

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_dataset_load_file ("/nonexistent/breakdown.csv", NULL,
                                                         NULL, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/breakdown.csv"));
}

static void
test_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_dataset_load_file (g_get_tmp_dir (), "tmp", NULL, NULL,
                                                         &error);

  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not read tmp"));
}

static gpointer
write_fifo (gpointer data)
{
  const char *path = data;
  const char *text = HEADER "model,org/a,10,2026-06-01,4\n";
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputs (text, f);
  fclose (f);
  return NULL;
}

/* A pipe (`<(curl …)`, /dev/stdin) cannot be read at offsets: it is streamed. */
static void
test_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hub-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  GThread *writer;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  writer = g_thread_new ("writer", write_fifo, path);
  dataset = hub_dataset_load_file (path, "pipe.csv", NULL, NULL, &error);
  g_thread_join (writer);
  g_assert_no_error (error);
  assert_one_row (dataset, "model", "org/a", 10, "2026-06-01", 4);
  g_unlink (path);
  g_rmdir (dir);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = hub_test_write_temp_file (HEADER, strlen (HEADER));
  g_autoptr(HubDataset) dataset = NULL;

  g_cancellable_cancel (cancellable);
  dataset = hub_dataset_load_file (path, NULL, NULL, cancellable, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_unlink (path);
}

static void
test_progress (void)
{
  const char *text = HEADER "model,org/a,10,2026-06-01,4\nmodel,org/a,10,2026-06-02,4\n";
  g_autofree char *path = hub_test_write_temp_file (text, strlen (text));
  g_autoptr(GError) error = NULL;
  HubProgress progress = { 0 };
  g_autoptr(HubDataset) dataset = hub_dataset_load_file (path, NULL, &progress, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (progress.total_bytes, ==, strlen (text));
  g_assert_cmpuint (atomic_load (&progress.bytes), ==, strlen (text));
  g_assert_cmpuint (atomic_load (&progress.rows), ==, 2);
  g_unlink (path);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Rows without quotes are read by position, rows with quotes by libcsv;
 * every way of reading (hub_test_parse compares them, libcsv alone among
 * them) gives the same numbers, whatever mix of the two a file has. */
static void
test_plain_and_quoted_rows (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
                                                  "model,org/a,10,2026-06-01,1\n"
                                                  "  model , org/a ,\t10\t, 2026-06-02 ,2\r\n"
                                                  "\n"
                                                  " \t \r\n"
                                                  "\"model\",\"org/b\nsecond line\",0,2026-06-01,3\n"
                                                  "model,org/a,10,2026-06-03,4,extra,\n"
                                                  "\"dataset\",org/c,5,\"2026-06-01 T00:00:00.000 Z\",5\n"
                                                  "dataset,org/c,5,2026-06-02 T00:00:00.000 Z,6");
  const HubTotals *totals = hub_dataset_get_totals (dataset);

  g_assert_cmpuint (totals->rows, ==, 6);
  g_assert_cmpuint (totals->repos, ==, 3);
  g_assert_cmpint (hub_test_count (dataset, "model", "org/a", "2026-06-02"), ==, 2);
  g_assert_cmpint (hub_test_count (dataset, "model", "org/a", "2026-06-03"), ==, 4);
  g_assert_cmpint (hub_test_count (dataset, "model", "org/b\nsecond line", "2026-06-01"), ==, 3);
  g_assert_cmpint (hub_test_count (dataset, "dataset", "org/c", "2026-06-02"), ==, 6);
}

/* A bad row by position is reported at its line, as libcsv's would be. */
static void
test_plain_rows_errors (void)
{
  hub_test_assert_refused (HEADER "model,org/a,1,2026-06-01,1\n\n"
                           "\"model\",\"org/\nb\",1,2026-06-01,1\n"
                           "model,org/a,1,2026-06-31,1\n",
                           HUB_PARSE_ERROR_BAD_DATE, 6, "timestamp");
  hub_test_assert_refused (HEADER "model,org/a,1,2026-06-01,1\r\n"
                           "model, ,1,2026-06-01,1\r\n",
                           HUB_PARSE_ERROR_EMPTY_FIELD, 3, "repoName");
  hub_test_assert_refused (HEADER "model,org/a,1,2026-06-01\n",
                           HUB_PARSE_ERROR_SHORT_ROW, 2, "downloads");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/parser/lf", test_lf);
  g_test_add_func ("/core/parser/crlf", test_crlf);
  g_test_add_func ("/core/parser/bom", test_bom);
  g_test_add_func ("/core/parser/bom-only-at-start", test_bom_only_at_start);
  g_test_add_func ("/core/parser/bom-then-quote", test_bom_then_quote);
  g_test_add_func ("/core/parser/quoted-fields", test_quoted_fields);
  g_test_add_func ("/core/parser/quoted-newline", test_quoted_newline);
  g_test_add_func ("/core/parser/column-order", test_column_order);
  g_test_add_func ("/core/parser/extra-columns", test_extra_columns);
  g_test_add_func ("/core/parser/extra-columns-short", test_extra_columns_short);
  g_test_add_func ("/core/parser/no-final-newline", test_no_final_newline);
  g_test_add_func ("/core/parser/no-final-newline-quoted", test_no_final_newline_quoted);
  g_test_add_func ("/core/parser/rows-any-order", test_rows_any_order);
  g_test_add_func ("/core/parser/repeated-days", test_repeated_days);
  g_test_add_func ("/core/parser/header-only", test_header_only);
  g_test_add_func ("/core/parser/blank-lines", test_blank_lines);
  g_test_add_func ("/core/parser/unknown-type", test_unknown_type);
  g_test_add_func ("/core/parser/type-case", test_type_case);
  g_test_add_func ("/core/parser/same-name-two-types", test_same_name_two_types);
  g_test_add_func ("/core/parser/count/leading-zeros", test_count_leading_zeros);
  g_test_add_func ("/core/parser/count/zero", test_count_zero);
  g_test_add_func ("/core/parser/count/above-32-bits", test_count_above_32_bits);
  g_test_add_func ("/core/parser/count/int64-max", test_count_int64_max);
  g_test_add_func ("/core/parser/timestamp/forms", test_timestamp_forms);
  g_test_add_func ("/core/parser/timestamp/offset", test_timestamp_offset);

  g_test_add_func ("/core/parser/refuse/empty-file", test_refuse_empty_file);
  g_test_add_func ("/core/parser/refuse/blank-file", test_refuse_blank_file);
  g_test_add_func ("/core/parser/refuse/html-page", test_refuse_html_page);
  g_test_add_func ("/core/parser/refuse/json-body", test_refuse_json_body);
  g_test_add_func ("/core/parser/refuse/endless-first-line", test_refuse_endless_first_line);
  g_test_add_func ("/core/parser/refuse/binary", test_refuse_binary);
  g_test_add_data_func ("/core/parser/refuse/missing-column/repoType", "repoType",
                        test_refuse_missing_column);
  g_test_add_data_func ("/core/parser/refuse/missing-column/repoName", "repoName",
                        test_refuse_missing_column);
  g_test_add_data_func ("/core/parser/refuse/missing-column/total", "total",
                        test_refuse_missing_column);
  g_test_add_data_func ("/core/parser/refuse/missing-column/timestamp", "timestamp",
                        test_refuse_missing_column);
  g_test_add_data_func ("/core/parser/refuse/missing-column/downloads", "downloads",
                        test_refuse_missing_column);
  g_test_add_func ("/core/parser/refuse/column-case", test_refuse_column_case);
  g_test_add_func ("/core/parser/refuse/short-row", test_refuse_short_row);
  g_test_add_func ("/core/parser/refuse/short-row-at-end", test_refuse_short_row_at_end);
  g_test_add_func ("/core/parser/refuse/empty-repo-name", test_refuse_empty_repo_name);
  g_test_add_func ("/core/parser/refuse/empty-quoted-repo-name", test_refuse_empty_quoted_repo_name);
  g_test_add_func ("/core/parser/refuse/empty-repo-type", test_refuse_empty_repo_type);
  g_test_add_func ("/core/parser/refuse/count-plus", test_refuse_count_plus);
  g_test_add_func ("/core/parser/refuse/count-minus", test_refuse_count_minus);
  g_test_add_func ("/core/parser/refuse/count-decimal", test_refuse_count_decimal);
  g_test_add_func ("/core/parser/refuse/count-exponent", test_refuse_count_exponent);
  g_test_add_func ("/core/parser/refuse/count-empty", test_refuse_count_empty);
  g_test_add_func ("/core/parser/refuse/count-inner-space", test_refuse_count_inner_space);
  g_test_add_func ("/core/parser/refuse/count-grouped", test_refuse_count_grouped);
  g_test_add_func ("/core/parser/refuse/count-hex", test_refuse_count_hex);
  g_test_add_func ("/core/parser/refuse/total-not-a-number", test_refuse_total_not_a_number);
  g_test_add_func ("/core/parser/refuse/count-too-large", test_refuse_count_too_large);
  g_test_add_func ("/core/parser/refuse/count-long-garbage", test_refuse_count_long_garbage);
  g_test_add_func ("/core/parser/refuse/date-impossible", test_refuse_date_impossible);
  g_test_add_func ("/core/parser/refuse/date-not-leap", test_refuse_date_not_leap);
  g_test_add_func ("/core/parser/refuse/date-month", test_refuse_date_month);
  g_test_add_func ("/core/parser/refuse/date-time", test_refuse_date_time);
  g_test_add_func ("/core/parser/refuse/date-malformed", test_refuse_date_malformed);
  g_test_add_func ("/core/parser/refuse/name-not-utf8", test_refuse_name_not_utf8);
  g_test_add_func ("/core/parser/refuse/name-nul", test_refuse_name_nul);
  g_test_add_func ("/core/parser/refuse/open-quote", test_refuse_open_quote);
  g_test_add_func ("/core/parser/refuse/whole", test_refuse_whole);

  g_test_add_func ("/core/parser/line/header-is-one", test_line_header_is_one);
  g_test_add_func ("/core/parser/line/first-row-is-two", test_line_first_row_is_two);
  g_test_add_func ("/core/parser/line/after-quoted-newlines", test_line_after_quoted_newlines);
  g_test_add_func ("/core/parser/line/record-spanning-lines", test_line_record_spanning_lines);
  g_test_add_func ("/core/parser/line/crlf", test_line_crlf);
  g_test_add_func ("/core/parser/line/blank-lines", test_line_blank_lines);
  g_test_add_func ("/core/parser/line/bom", test_line_bom);
  g_test_add_func ("/core/parser/line/split-file", test_line_split_file);
  g_test_add_func ("/core/parser/split/equal", test_split_file_equal);
  g_test_add_func ("/core/parser/split/inside-quotes", test_split_inside_quotes);

  g_test_add_func ("/core/parser/read/missing-file", test_missing_file);
  g_test_add_func ("/core/parser/read/directory", test_directory);
  g_test_add_func ("/core/parser/read/fifo", test_fifo);
  g_test_add_func ("/core/parser/read/cancelled", test_cancelled);
  g_test_add_func ("/core/parser/read/progress", test_progress);
  g_test_add_func ("/core/parser/plain-and-quoted-rows", test_plain_and_quoted_rows);
  g_test_add_func ("/core/parser/plain-rows-errors", test_plain_rows_errors);

  return g_test_run ();
}
