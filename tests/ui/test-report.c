/* test-report.c: the one-page report, as PDF (read back by poppler's tools) and PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "hub-report.h"
#include "hub-ui-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* The value pdfinfo gives for key, without the spaces that align it. */
static char *
info_value (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static HubReport
organisation_report (HubDataset *dataset,
                     GPtrArray  *notes,
                     GDateTime  *made)
{
  HubDay as_of = hub_dataset_get_as_of (dataset);

  return (HubReport) { dataset, "Aurora Labs", hub_range_last_days (as_of, 30),
                       HUB_COMPARISON_PREVIOUS, notes, made };
}

static GPtrArray *
make_notes (void)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_note_free);
  HubNote *release = g_new0 (HubNote, 1);
  HubNote *paper = g_new0 (HubNote, 1);

  release->day = hub_day_from_ymd (2026, 11, 3);
  release->text = g_strdup ("v2 released");
  paper->day = hub_day_from_ymd (2026, 11, 12);
  paper->repo_type = g_strdup ("model");
  paper->repo_name = g_strdup ("aurora/rising");
  paper->text = g_strdup ("paper accepted");
  g_ptr_array_add (notes, release);
  g_ptr_array_add (notes, paper);
  return notes;
}

/* Pixels near the accent blue of the trend's area, in the page's chart band. */
static guint
count_blue (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guint8 *data = g_malloc (stride * height);
  guint count = 0;

  gdk_texture_download (texture, data, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    if (data[i] > data[i + 2] + 25 && data[i] > 150)   /* B, G, R, A: bluer than red */
      count++;
  return count;
}

/* The PDF: one A4 page, its words searchable, drawn back by pdftoppm to a
 * picture with the trend's area in it. */
static void
test_pdf (void)
{
  g_autoptr(HubDataset) dataset = hub_test_insights_dataset (FALSE);
  g_autoptr(GPtrArray) notes = make_notes ();
  g_autoptr(GDateTime) made = g_date_time_new_utc (2026, 11, 23, 8, 30, 0);
  HubReport report = organisation_report (dataset, notes, made);
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "ui", "report.pdf", NULL);
  g_autofree char *prefix = g_test_build_filename (G_TEST_BUILT, "ui", "report-page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GdkTexture) page = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (hub_report_write (&report, pdf, HUB_REPORT_PDF, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  info = run ((const char *[]) { "pdfinfo", pdf, NULL });
  {
    g_autofree char *pages = info_value (info, "Pages");
    g_autofree char *size = info_value (info, "Page size");
    g_autofree char *title = info_value (info, "Title");

    g_assert_cmpstr (pages, ==, "1");
    g_assert_cmpstr (size, ==, "595 x 842 pts (A4)");
    g_assert_cmpstr (title, ==, "Aurora Labs");
  }

  text = run ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL });
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Aurora Labs"));
  g_assert_nonnull (strstr (text, "23 Oct 2026 – 21 Nov 2026"));
  g_assert_nonnull (strstr (text, "18 Sep 2026 – 17 Oct 2026"));   /* 35 days earlier */
  g_assert_nonnull (strstr (text, "Data as of 21 Nov 2026"));
  g_assert_nonnull (strstr (text, "2026-11-23 08:30 UTC"));
  g_assert_nonnull (strstr (text, "Gainers"));
  g_assert_nonnull (strstr (text, "aurora/rising"));
  g_assert_nonnull (strstr (text, "Losers"));
  g_assert_nonnull (strstr (text, "aurora/fading"));
  g_assert_nonnull (strstr (text, "aurora/fresh"));
  g_assert_nonnull (strstr (text, "aurora/retired"));
  g_assert_nonnull (strstr (text, "Next milestones"));
  g_assert_nonnull (strstr (text, "Downloads are falling"));
  g_assert_nonnull (strstr (text, "v2 released"));
  g_assert_nonnull (strstr (text, "aurora/rising · paper accepted"));
  /* The corpus's day of 30,000 is a spike of the organisation's series. */
  g_assert_nonnull (strstr (text, "Spike: 38.8 K"));

  g_free (run ((const char *[]) { "pdftoppm", "-png", "-r", "144", "-singlefile", pdf, prefix, NULL }));
  page = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (page), ==, 1190);
  g_assert_cmpint (gdk_texture_get_height (page), ==, 1684);
  g_assert_cmpuint (count_blue (page), >, 50000);
  g_test_message ("look at %s", png);
}

/* The PNG: the same page at two pixels a point. */
static void
test_png (void)
{
  g_autoptr(HubDataset) dataset = hub_test_insights_dataset (FALSE);
  g_autoptr(GDateTime) made = g_date_time_new_utc (2026, 11, 23, 8, 30, 0);
  HubReport report = organisation_report (dataset, NULL, made);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "ui", "report.png", NULL);
  g_autoptr(GdkTexture) page = NULL;
  g_autoptr(GError) error = NULL;

  report.comparison = HUB_COMPARISON_YEAR;
  g_assert_true (hub_report_write (&report, path, HUB_REPORT_PNG, &error));
  g_assert_no_error (error);
  page = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (page), ==, HUB_REPORT_WIDTH * HUB_REPORT_PNG_SCALE);
  g_assert_cmpint (gdk_texture_get_height (page), ==, HUB_REPORT_HEIGHT * HUB_REPORT_PNG_SCALE);
  g_assert_cmpuint (count_blue (page), >, 50000);
  g_test_message ("look at %s", path);
}

/* A report that cannot be written leaves nothing behind; one of no days is refused. */
static void
test_refused (void)
{
  g_autoptr(HubDataset) dataset = hub_test_insights_dataset (FALSE);
  g_autoptr(HubDataset) empty = NULL;
  g_autoptr(GBytes) header = g_bytes_new_static (HEADER, strlen (HEADER));
  g_autoptr(GDateTime) made = g_date_time_new_utc (2026, 11, 23, 8, 30, 0);
  HubReport report = organisation_report (dataset, NULL, made);
  g_autofree char *not_a_folder = g_test_build_filename (G_TEST_BUILT, "ui", "report.pdf", NULL);
  g_autofree char *inside = g_build_filename (not_a_folder, "report.pdf", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "ui", "empty-report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  HubReportFormat format;

  g_assert_true (g_file_set_contents (not_a_folder, "x", 1, NULL));
  g_assert_false (hub_report_write (&report, inside, HUB_REPORT_PDF, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  empty = hub_dataset_load_bytes (header, "empty.csv", &error);
  g_assert_no_error (error);
  report.dataset = empty;
  g_remove (path);
  g_assert_false (hub_report_write (&report, path, HUB_REPORT_PDF, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (hub_report_format_for_path ("week.PDF", &format));
  g_assert_cmpint (format, ==, HUB_REPORT_PDF);
  g_assert_true (hub_report_format_for_path ("a/week.png", &format));
  g_assert_cmpint (format, ==, HUB_REPORT_PNG);
  g_assert_false (hub_report_format_for_path ("week.svg", &format));
}

/* What --report runs: a file's report for a named range. */
static void
test_cli (void)
{
  g_autoptr(HubDataset) dataset = hub_test_insights_dataset (FALSE);
  g_autofree char *csv = g_test_build_filename (G_TEST_BUILT, "ui", "aurora-labs.csv", NULL);
  g_autofree char *out = g_test_build_filename (G_TEST_BUILT, "ui", "weekly.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (HEADER);
  const HubRepo *repo = hub_dataset_find_repo (dataset, "model", "aurora/rising");

  for (guint i = 0; i < repo->n_days; i++)
    {
      char iso[HUB_DAY_ISO_LEN];

      hub_day_format (repo->days[i], iso);
      g_string_append_printf (body, "model,aurora/rising,0,%s,%" G_GINT64_FORMAT "\n", iso,
                              hub_repo_day_count (repo, repo->days[i]));
    }
  g_assert_true (g_file_set_contents (csv, body->str, body->len, &error));
  g_remove (out);
  g_assert_cmpint (hub_report_cli (csv, NULL, out, "7-days", "previous"), ==, 0);
  text = run ((const char *[]) { "pdftotext", out, "-", NULL });
  g_assert_nonnull (strstr (text, "aurora-labs"));
  g_assert_nonnull (strstr (text, "15 Nov 2026 – 21 Nov 2026"));

  g_assert_cmpint (hub_report_cli (csv, NULL, out, "fortnight", NULL), ==, 2);
  g_assert_cmpint (hub_report_cli (csv, NULL, "week.txt", NULL, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/report/pdf", test_pdf);
  g_test_add_func ("/ui/report/png", test_png);
  g_test_add_func ("/ui/report/refused", test_refused);
  g_test_add_func ("/ui/report/cli", test_cli);

  return g_test_run ();
}
