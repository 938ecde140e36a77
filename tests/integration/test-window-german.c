/* test-window-german.c: the running window speaks German under a German locale
 *
 * The .mo compiled from po/de.po is put in a private locale folder; then a
 * real window opens a breakdown and shows its labels and its numbers in
 * German (the range picker, the table's count, grouped digits).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "hub-report.h"
#include "hub-ui-test-util.h"
#include "hub-window.h"

static const char *mo_path;

static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
        {
          g_string_append (out, gtk_label_get_text (GTK_LABEL (child)));
          g_string_append_c (out, '\n');
        }
      collect_labels (child, out);
    }
}

static void
test_dashboard (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 1100, 800);
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "window-german.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;

  hub_test_wait_frames (18);
  collect_labels (GTK_WIDGET (window), labels);
  g_test_message ("labels:\n%s", labels->str);

  g_assert_nonnull (strstr (labels->str, "Gesamt\n"));
  /* All Time, compared with nothing. */
  g_assert_nonnull (strstr (labels->str, "Kein Vergleich\n"));
  g_assert_nonnull (strstr (labels->str, "Repositorys"));
  g_assert_null (strstr (labels->str, "All Time"));
  g_assert_null (strstr (labels->str, "repositories"));
  /* The locale groups thousands with a dot. */
  g_assert_true (g_regex_match_simple ("[0-9]\\.[0-9]{3}", labels->str, 0, 0));

  texture = hub_test_render (GTK_WIDGET (window));
  g_assert_true (gdk_texture_save_to_png (texture, shot));
  g_test_message ("screenshot: %s", shot);
  hub_test_close_window (window);
}

/* The insights and the report speak German too. */
static void
test_insights (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 1100, 1000);
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "insights-german.png", NULL);
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "report-german.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GDateTime) made = g_date_time_new_utc (2026, 11, 23, 8, 30, 0);
  g_autoptr(GError) error = NULL;
  HubReport report;

  hub_test_wait_frames (6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insights", NULL));
  hub_test_wait_frames (18);
  collect_labels (GTK_WIDGET (window), labels);
  g_test_message ("labels:\n%s", labels->str);
  g_assert_nonnull (strstr (labels->str, "Einblicke\n"));
  g_assert_nonnull (strstr (labels->str, "Vorheriger Zeitraum\n"));
  g_assert_nonnull (strstr (labels->str, "Nächster Meilenstein\n"));
  g_assert_null (strstr (labels->str, "Movers"));
  texture = hub_test_render (GTK_WIDGET (window));
  g_assert_true (gdk_texture_save_to_png (texture, shot));
  g_test_message ("screenshot: %s", shot);

  report = (HubReport) { hub_source_get_dataset (hub_window_get_source (window)), "Aurora Labs",
                         hub_range_last_days (hub_dataset_get_as_of (hub_source_get_dataset (hub_window_get_source (window))), 30),
                         HUB_COMPARISON_PREVIOUS, NULL, made };
  g_assert_true (hub_report_write (&report, pdf, HUB_REPORT_PDF, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", pdf, (char *) "-", NULL }, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Gewinner"));
  g_assert_nonnull (strstr (text, "Nächste Meilensteine"));
  hub_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  int status;

  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  hub_test_ui_init (&argc, &argv);
  if (argc != 2)
    {
      g_printerr ("usage: %s MO-FILE\n", argv[0]);
      return 2;
    }
  mo_path = argv[1];
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_printerr ("The de_DE.UTF-8 locale is missing (build-aux/install-deps.sh generates it)\n");
      return 1;
    }

  localedir = g_dir_make_tmp ("hub-locale-XXXXXX", &error);
  g_assert_no_error (error);
  messages = g_build_filename (localedir, "de", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_get_contents (mo_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/integration/window-german/dashboard", test_dashboard);
  g_test_add_func ("/integration/window-german/insights", test_insights);
  status = g_test_run ();

  g_remove (target);
  g_rmdir (messages);
  {
    g_autofree char *de = g_build_filename (localedir, "de", NULL);

    g_rmdir (de);
  }
  g_rmdir (localedir);
  return status;
}
