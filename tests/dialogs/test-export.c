/* test-export.c: Export CSV…: both kinds round-trip, a failed export leaves nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "hub-export.h"
#include "hub-ui-test-util.h"

static const char fixture[] =
  "repoType,repoName,total,timestamp,downloads\n"
  "model,org/alpha,100,2026-10-01T00:00:00.000Z,5\n"
  "model,org/alpha,100,2026-11-20T00:00:00.000Z,7\n"
  "dataset,\"org/\"\"quoted\"\", name\",40,2026-11-21T00:00:00.000Z,9\n"
  "model,org/beta,3,2026-09-01T00:00:00.000Z,3\n";

static HubDataset *
load_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  HubDataset *dataset = hub_dataset_load_bytes (bytes, "fixture.csv", &error);

  g_assert_no_error (error);
  return dataset;
}

typedef struct
{
  GFile  *file;
  GError *error;
  gboolean done;
} Result;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  r->file = hub_export_write_finish (result, &r->error);
  r->done = TRUE;
}

static gboolean
result_done (gpointer data)
{
  return ((Result *) data)->done;
}

static Result
export_and_wait (HubDataset    *dataset,
                 HubExportKind  kind,
                 GArray        *indexes,
                 GFile         *destination)
{
  Result r = { 0 };
  const HubTotals *totals = hub_dataset_get_totals (dataset);
  HubSpan span = hub_span_make (HUB_RANGE_LAST_30_DAYS, hub_range_last_month (totals->as_of),
                                HUB_COMPARISON_PREVIOUS);

  hub_export_write_async (dataset, kind, indexes, &span, destination, NULL, on_written, &r);
  hub_test_wait_for (result_done, &r, 20, "the export");
  return r;
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hub-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_breakdown_round_trip (void)
{
  g_autoptr(HubDataset) dataset = load_text (fixture);
  g_autoptr(HubDataset) again = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "org-downloads-2026-11-21.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary_a = NULL;
  g_autofree char *summary_b = NULL;
  Result r = export_and_wait (dataset, HUB_EXPORT_BREAKDOWN, NULL, file);

  g_assert_no_error (r.error);
  g_assert_true (g_file_equal (r.file, file));
  g_clear_object (&r.file);

  again = hub_dataset_load_file (path, "again", NULL, NULL, &error);
  g_assert_no_error (error);
  summary_a = hub_summary_to_json (dataset);
  summary_b = hub_summary_to_json (again);
  g_assert_cmpstr (summary_a, ==, summary_b);
  g_assert_cmpuint (hub_dataset_get_n_repos (again), ==, 3);
  g_assert_nonnull (hub_dataset_find_repo (again, "dataset", "org/\"quoted\", name"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_table_as_shown (void)
{
  g_autoptr(HubDataset) dataset = load_text (fixture);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *contents = NULL;
  guint order[] = { 1, 0 };  /* the dataset first, then alpha; beta filtered out */
  Result r;

  g_array_append_vals (shown, order, G_N_ELEMENTS (order));
  r = export_and_wait (dataset, HUB_EXPORT_TABLE, shown, file);
  g_assert_no_error (r.error);
  g_clear_object (&r.file);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "repoType,repoName,periodDownloads,allTime,lastMonth,previousMonth,change\n"
                   "dataset,\"org/\"\"quoted\"\", name\",9,40,9,0,\n"
                   "model,org/alpha,7,100,7,5,0.4\n");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Tests run as root, so a read-only folder would not stop the write: a
 * destination whose folder is a regular file does (ENOTDIR). */
static void
test_unwritable_leaves_nothing (void)
{
  g_autoptr(HubDataset) dataset = load_text (fixture);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) listing = NULL;
  Result r;
  guint entries = 0;

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  r = export_and_wait (dataset, HUB_EXPORT_BREAKDOWN, NULL, file);
  g_assert_null (r.file);
  g_assert_nonnull (r.error);
  g_assert_nonnull (strstr (r.error->message, "out.csv"));
  g_clear_error (&r.error);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    entries++;
  g_assert_cmpuint (entries, ==, 1);

  g_assert_cmpint (g_remove (blocker), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* /dev/full accepts the file but not its bytes (ENOSPC): the error names the
 * disk being full and nothing is left. */
static void
test_disk_full (void)
{
  g_autoptr(HubDataset) dataset = load_text (fixture);
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  gboolean ok;

  /* g_file_replace() on a device writes in place; hub_csv_write_breakdown()
   * must still report the failure from the stream. */
  out = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  ok = hub_csv_write_breakdown (dataset, G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static GtkWidget *
find_chooser_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* The save dialog is shown, in the folder it was asked to start in. */
static gboolean
chooser_ready (gpointer data)
{
  GtkWidget **chooser = data;
  g_autoptr(GFile) folder = NULL;

  *chooser = find_chooser_dialog ();
  if (*chooser == NULL)
    return FALSE;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (*chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  return folder != NULL;
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Result *r = user_data;

  r->file = hub_export_run_finish (result, &r->error);
  r->done = TRUE;
}

/* The save dialog as a user meets it, for one kind of export: it starts in
 * folder, suggests the kind's own name, and Export writes that kind. Without
 * a portal (as here) GtkFileDialog shows GTK's own dialog; driving it needs
 * the GtkFileChooser calls the platform deprecates. */
static void
run_save_dialog (HubDataset    *dataset,
                 HubExportKind  kind,
                 const char    *dir,
                 const char    *expected_name,
                 const char    *expected_header,
                 const char    *shot_name)
{
  g_autofree char *path = g_build_filename (dir, expected_name, NULL);
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, shot_name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) shown_folder = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  GtkWindow *parent = GTK_WINDOW (adw_application_window_new (NULL));
  GtkWidget *chooser = NULL;
  Result r = { 0 };

  gtk_window_set_default_size (parent, 1000, 700);
  gtk_window_present (parent);
  hub_export_run_async (parent, dataset, kind, "aurora", NULL, &HUB_SPAN_ALL_TIME, folder,
                        NULL, on_run_done, &r);
  hub_test_wait_for (chooser_ready, &chooser, 20, "the save dialog in its folder");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  shown_folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_nonnull (shown_folder);
  g_assert_true (g_file_equal (shown_folder, folder));

  texture = hub_test_render (chooser);
  g_assert_true (gdk_texture_save_to_png (texture, shot));
  g_test_message ("screenshot: %s", shot);

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  hub_test_wait_for (result_done, &r, 20, "the export");

  g_assert_no_error (r.error);
  g_assert_nonnull (r.file);
  g_clear_object (&r.file);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, expected_header));

  gtk_window_destroy (parent);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_save_dialog (void)
{
  g_autoptr(HubDataset) dataset = load_text (fixture);
  g_autofree char *dir = make_tmpdir ();

  run_save_dialog (dataset, HUB_EXPORT_BREAKDOWN, dir, "aurora-downloads-2026-11-21.csv",
                   "repoType,repoName,total,timestamp,downloads", "export-dialog.png");
  run_save_dialog (dataset, HUB_EXPORT_TABLE, dir, "aurora-repositories-2026-11-21.csv",
                   "repoType,repoName,periodDownloads,", "export-table-dialog.png");
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/dialogs/export/breakdown-round-trip", test_breakdown_round_trip);
  g_test_add_func ("/dialogs/export/table-as-shown", test_table_as_shown);
  g_test_add_func ("/dialogs/export/unwritable-leaves-nothing", test_unwritable_leaves_nothing);
  g_test_add_func ("/dialogs/export/disk-full", test_disk_full);
  g_test_add_func ("/dialogs/export/save-dialog", test_save_dialog);

  return g_test_run ();
}
