/* test-snapshot-import.c: folders of snapshot CSV files, as community scrapers write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-test-util.h"

static HubImportPreview *
preview_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "snapshots", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HubImportPreview *preview = hub_import_preview_folder (folder, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  return preview;
}

static const HubImportFigures *
figures_at (const HubImportSnapshot *snapshot,
            guint                    index)
{
  g_assert_cmpuint (index, <, snapshot->figures->len);
  return g_ptr_array_index (snapshot->figures, index);
}

static void
assert_figures (const HubImportFigures *figures,
                const char             *type,
                const char             *name,
                gint64                  downloads,
                gint64                  all_time,
                gint64                  likes)
{
  g_assert_cmpstr (figures->type, ==, type);
  g_assert_cmpstr (figures->name, ==, name);
  g_assert_cmpint (figures->downloads, ==, downloads);
  g_assert_cmpint (figures->downloads_all_time, ==, all_time);
  g_assert_cmpint (figures->likes, ==, likes);
}

static void
assert_snapshot (const HubImportPreview *preview,
                 guint                   index,
                 const char             *author,
                 const char             *day,
                 guint                   n_figures)
{
  const HubImportSnapshot *snapshot = g_ptr_array_index (preview->snapshots, index);

  g_assert_cmpstr (snapshot->author, ==, author);
  g_assert_cmpint (snapshot->day, ==, hub_test_day (day));
  g_assert_cmpuint (snapshot->figures->len, ==, n_figures);
}

static void
assert_issue (const HubImportPreview *preview,
              guint                   index,
              HubImportIssueKind      kind,
              const char             *file,
              guint                   line,
              const char             *repo,
              const char             *other_file,
              guint                   other_line)
{
  const HubImportIssue *issue = g_ptr_array_index (preview->issues, index);

  g_assert_cmpint (issue->kind, ==, kind);
  g_assert_cmpstr (issue->file, ==, file);
  g_assert_cmpuint (issue->line, ==, line);
  g_assert_cmpstr (issue->repo, ==, repo);
  g_assert_cmpstr (issue->other_file, ==, other_file);
  g_assert_cmpuint (issue->other_line, ==, other_line);
}

/* The preview of a folder: files, columns, snapshots, and every row left
 * out with the reason. */
static void
test_folder (void)
{
  g_autoptr(HubImportPreview) preview = preview_folder ();
  const HubImportFile *file;
  const HubImportSnapshot *snapshot;

  /* README.md is no snapshot file. */
  g_assert_cmpuint (preview->files->len, ==, 4);
  file = g_ptr_array_index (preview->files, 2);
  g_assert_cmpstr (file->name, ==, "hf-models-2026-10-01.csv");
  g_assert_cmpint (file->day, ==, hub_test_day ("2026-10-01"));
  g_assert_cmpuint (file->rows, ==, 4);
  g_assert_cmpuint (file->columns->len, ==, 5);
  g_assert_cmpint (((HubImportColumn *) g_ptr_array_index (file->columns, 0))->role, ==,
                   HUB_IMPORT_COLUMN_REPO);
  g_assert_cmpint (((HubImportColumn *) g_ptr_array_index (file->columns, 2))->role, ==,
                   HUB_IMPORT_COLUMN_ALL_TIME);
  g_assert_cmpstr (((HubImportColumn *) g_ptr_array_index (file->columns, 4))->header, ==,
                   "lastModified");
  g_assert_cmpint (((HubImportColumn *) g_ptr_array_index (file->columns, 4))->role, ==,
                   HUB_IMPORT_COLUMN_IGNORED);

  /* A BOM before the header, CRLF, snake_case names. */
  file = g_ptr_array_index (preview->files, 3);
  g_assert_cmpstr (((HubImportColumn *) g_ptr_array_index (file->columns, 0))->header, ==, "repo_id");
  g_assert_cmpint (((HubImportColumn *) g_ptr_array_index (file->columns, 1))->role, ==,
                   HUB_IMPORT_COLUMN_ALL_TIME);

  /* A monthly file names its month; the day comes from a column in another. */
  file = g_ptr_array_index (preview->files, 1);
  g_assert_cmpint (file->day, ==, hub_test_day ("2026-11-01"));
  file = g_ptr_array_index (preview->files, 0);
  g_assert_cmpstr (file->name, ==, "daily.csv");
  g_assert_cmpint (file->day, ==, HUB_DAY_NONE);
  g_assert_cmpint (((HubImportColumn *) g_ptr_array_index (file->columns, 0))->role, ==,
                   HUB_IMPORT_COLUMN_DAY);

  g_assert_cmpuint (preview->rows, ==, 13);
  g_assert_cmpuint (preview->unknown, ==, 1);
  g_assert_cmpuint (preview->repeated, ==, 2);
  g_assert_cmpuint (preview->conflicting, ==, 1);
  g_assert_cmpuint (preview->issues->len, ==, 4);
  /* An address to a tab of the repository is the repository. */
  assert_issue (preview, 0, HUB_IMPORT_ISSUE_REPEATED, "datasets_2026-11.csv", 3,
                "https://huggingface.co/datasets/acme/data/tree/main", "datasets_2026-11.csv", 2);
  /* A name without its owner says nothing of whose it is. */
  assert_issue (preview, 1, HUB_IMPORT_ISSUE_UNKNOWN, "hf-models-2026-10-01.csv", 5, "gpt2", NULL, 0);
  assert_issue (preview, 2, HUB_IMPORT_ISSUE_REPEATED, "hf-models-2026-11-01.csv", 4, "acme/one",
                "hf-models-2026-11-01.csv", 2);
  assert_issue (preview, 3, HUB_IMPORT_ISSUE_CONFLICTING, "hf-models-2026-11-01.csv", 5, "acme/two",
                "hf-models-2026-11-01.csv", 3);

  g_assert_cmpuint (preview->snapshots->len, ==, 5);
  assert_snapshot (preview, 0, "acme", "2026-10-01", 3);
  snapshot = g_ptr_array_index (preview->snapshots, 0);
  assert_figures (figures_at (snapshot, 0), "model", "acme/one", 90, 1000, 4);
  assert_figures (figures_at (snapshot, 1), "model", "acme/three", -1, 77, -1);
  assert_figures (figures_at (snapshot, 2), "model", "acme/two", 10, 200, 0);
  /* The conflicting repository is left out of its day, not merged. */
  assert_snapshot (preview, 1, "acme", "2026-11-01", 2);
  snapshot = g_ptr_array_index (preview->snapshots, 1);
  assert_figures (figures_at (snapshot, 0), "dataset", "acme/data", 40, 400, -1);
  assert_figures (figures_at (snapshot, 1), "model", "acme/one", -1, 1300, 6);
  assert_snapshot (preview, 2, "acme", "2026-11-10", 1);
  assert_snapshot (preview, 3, "acme", "2026-11-11", 1);
  snapshot = g_ptr_array_index (preview->snapshots, 3);
  assert_figures (figures_at (snapshot, 0), "model", "acme/one", 96, 1411, -1);
  assert_snapshot (preview, 4, "beta", "2026-11-01", 1);
}

static void
assert_refused (const char         *name,
                const char         *text,
                HubImportErrorCode  code,
                const char         *words)
{
  g_autoptr(HubImportPreview) preview = hub_import_preview_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (hub_import_preview_add_file (preview, name, text, strlen (text), &error));
  g_assert_error (error, HUB_IMPORT_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpuint (preview->files->len, ==, 0);
}

/* Bad input is refused whole, naming the file, the line and the column. */
static void
test_refused (void)
{
  assert_refused ("s-2026-11-01.csv", "downloads,likes\n1,2\n", HUB_IMPORT_ERROR_MISSING_COLUMN,
                  "line 1");
  assert_refused ("s-2026-11-01.csv", "id,lastModified\nacme/a,x\n",
                  HUB_IMPORT_ERROR_MISSING_COLUMN, "line 1");
  assert_refused ("snap.csv", "id,downloads\nacme/a,1\n", HUB_IMPORT_ERROR_NO_DAY, "snap.csv");
  assert_refused ("s-2026-11-01.csv", "id,downloads\nacme/a,1\nacme/b,4.0\n",
                  HUB_IMPORT_ERROR_BAD_COUNT, "line 3, column downloads");
  assert_refused ("s-2026-11-01.csv", "id,note,downloads\nacme/a,\"x\ny\",1\nacme/b,z,-4\n",
                  HUB_IMPORT_ERROR_BAD_COUNT, "line 4, column downloads");
  assert_refused ("s-2026-11-01.csv", "id,downloadsAllTime\nacme/a,9223372036854775808\n",
                  HUB_IMPORT_ERROR_BAD_COUNT, "line 2, column downloadsAllTime");
  assert_refused ("s.csv", "Date,id,downloads\n2026-02-30,acme/a,1\n",
                  HUB_IMPORT_ERROR_BAD_DATE, "line 2, column Date");
  assert_refused ("s-2026-11-01.csv", "id,downloads,likes\nacme/a,1,2\n\nacme/b,1\n",
                  HUB_IMPORT_ERROR_SHORT_ROW, "line 4");
  assert_refused ("s-2026-11-01.csv", "id,downloads\n\xff\xfe\n", HUB_IMPORT_ERROR_NOT_CSV,
                  "s-2026-11-01.csv");
  assert_refused ("s-2026-11-01.csv", "", HUB_IMPORT_ERROR_NOT_CSV, "s-2026-11-01.csv");
}

static void
test_largest_count (void)
{
  g_autoptr(HubImportPreview) preview = hub_import_preview_new ();
  g_autoptr(GError) error = NULL;
  const char text[] = "id,downloadsAllTime\nacme/a,9223372036854775807\nacme/b,007\n";

  g_assert_true (hub_import_preview_add_file (preview, "s-2026-11-01.csv", text, strlen (text), &error));
  g_assert_no_error (error);
  hub_import_preview_finish (preview);
  g_assert_cmpuint (preview->snapshots->len, ==, 1);
  assert_figures (figures_at (g_ptr_array_index (preview->snapshots, 0), 0),
                  "model", "acme/a", -1, G_MAXINT64, -1);
  assert_figures (figures_at (g_ptr_array_index (preview->snapshots, 0), 1),
                  "model", "acme/b", -1, 7, -1);
}

static void
assert_day_of (const char *name,
               const char *day)
{
  g_autoptr(HubImportPreview) preview = hub_import_preview_new ();
  g_autoptr(GError) error = NULL;
  const char text[] = "date,id,likes\n2026-01-01,acme/a,1\n";
  const HubImportFile *file;

  g_assert_true (hub_import_preview_add_file (preview, name, text, strlen (text), &error));
  g_assert_no_error (error);
  file = g_ptr_array_index (preview->files, 0);
  g_assert_cmpint (file->day, ==, day ? hub_test_day (day) : HUB_DAY_NONE);
}

/* The day in a file's name, as scrapers write it. */
static void
test_day_from_name (void)
{
  assert_day_of ("2026-11-05.csv", "2026-11-05");
  assert_day_of ("models_2026_11_05.csv", "2026-11-05");
  assert_day_of ("snapshot-20261105.csv", "2026-11-05");
  assert_day_of ("org/monthly-2026-07.csv", "2026-07-01");
  assert_day_of ("2026-02-30.csv", NULL);
  assert_day_of ("v123456789.csv", NULL);
  assert_day_of ("models.csv", NULL);
}

/* The type comes from a column, an address or the file's name. */
static void
test_types (void)
{
  g_autoptr(HubImportPreview) preview = hub_import_preview_new ();
  g_autoptr(GError) error = NULL;
  const char text[] =
    "repoType,id,likes\n"
    "dataset,acme/a,1\n"
    ",acme/b,2\n"
    ",https://huggingface.co/spaces/acme/c,3\n"
    "spaces,acme/d,4\n";
  const HubImportSnapshot *snapshot;

  g_assert_true (hub_import_preview_add_file (preview, "datasets-2026-11-01.csv", text,
                                              strlen (text), &error));
  g_assert_no_error (error);
  hub_import_preview_finish (preview);
  snapshot = g_ptr_array_index (preview->snapshots, 0);
  assert_figures (figures_at (snapshot, 0), "dataset", "acme/a", -1, -1, 1);
  assert_figures (figures_at (snapshot, 1), "dataset", "acme/b", -1, -1, 2);
  assert_figures (figures_at (snapshot, 2), "space", "acme/c", -1, -1, 3);
  assert_figures (figures_at (snapshot, 3), "space", "acme/d", -1, -1, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/snapshot-import/folder", test_folder);
  g_test_add_func ("/core/snapshot-import/refused", test_refused);
  g_test_add_func ("/core/snapshot-import/largest-count", test_largest_count);
  g_test_add_func ("/core/snapshot-import/day-from-name", test_day_from_name);
  g_test_add_func ("/core/snapshot-import/types", test_types);

  return g_test_run ();
}
