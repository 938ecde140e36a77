/* test-window.c: the window on a fixture: the cards in two ranges, a broken
 * file, the welcome page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-trend-chart.h"
#include "hub-ui-test-util.h"

static void
set_period (HubPeriod period)
{
  hub_test_set_preset (period == HUB_PERIOD_ALL_TIME ? HUB_RANGE_ALL : HUB_RANGE_LAST_30_DAYS);
}

#define assert_label(root, name, text) \
  g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (root), name), ==, text)

static void
test_cards (void)
{
  HubWindow *window;
  GtkWidget *cards;

  set_period (HUB_PERIOD_ALL_TIME);
  window = hub_test_open_window ("fixture.csv", 1100, 760);
  cards = GTK_WIDGET (hub_window_get_cards (window));

  /* All time: 5000 + 1000 + 2000 + 10 + 50. */
  assert_label (cards, "downloads-value", "8060");
  assert_label (cards, "downloads-caption", "All time");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (hub_test_find_named (cards, "downloads-value"))),
                   ==, "8060 downloads");
  assert_label (cards, "models-value", "2");
  assert_label (cards, "models-caption", "6.0 K downloads");
  assert_label (cards, "datasets-value", "2");
  assert_label (cards, "datasets-caption", "2.0 K downloads");
  /* All Time is compared with nothing. */
  assert_label (cards, "change-value", "—");
  assert_label (cards, "change-caption", "No comparison");
  assert_label (cards, "as-of-value", "21 Nov 2026");
  g_assert_true (g_str_has_prefix (hub_test_label_text (cards, "as-of-caption"), "File modified "));

  set_period (HUB_PERIOD_LAST_MONTH);
  g_assert_cmpint (hub_window_get_span (window)->preset, ==, HUB_RANGE_LAST_30_DAYS);
  assert_label (cards, "downloads-value", "1305");
  assert_label (cards, "downloads-caption", "23 Oct – 21 Nov 2026");
  assert_label (cards, "models-value", "2");
  assert_label (cards, "models-caption", "1.3 K downloads");
  assert_label (cards, "datasets-caption", "0 downloads");
  /* 1305 against 18 Sep … 17 Oct, 35 days before: 550. */
  assert_label (cards, "change-value", "+137.3 %");
  g_assert_true (gtk_widget_has_css_class (hub_test_find_named (cards, "change-value"), "success"));
  assert_label (cards, "change-caption", "Vs. previous period");

  set_period (HUB_PERIOD_ALL_TIME);
  assert_label (cards, "downloads-value", "8060");
  hub_test_close_window (window);
}

static gboolean
label_is (gpointer data)
{
  const char **expected = data;   /* { root, name, text } */

  return g_strcmp0 (hub_test_label_text ((GtkWidget *) expected[0], expected[1]), expected[2]) == 0;
}

#define wait_label(root, name, text) \
  hub_test_wait_for (label_is, (const char *[]) { (const char *) (root), name, text }, 10, \
                     "the label " name " to read " text)

/* A search or the type filter narrows the table: the cards sum the rows
 * shown and say so; cleared, the whole source again. */
static void
test_cards_narrowed (void)
{
  HubWindow *window;
  HubRepoTable *table;
  GtkWidget *cards;
  GtkWidget *shown;

  set_period (HUB_PERIOD_ALL_TIME);
  window = hub_test_open_window ("fixture.csv", 1100, 760);
  table = hub_window_get_table (window);
  cards = GTK_WIDGET (hub_window_get_cards (window));
  shown = hub_test_find_named (cards, "shown-label");
  g_assert_false (gtk_widget_get_visible (shown));

  /* org/alpha (5000) and org/alpha-demo (50). */
  gtk_editable_set_text (hub_repo_table_get_search_entry (table), "alpha");
  wait_label (cards, "downloads-value", "5050");
  g_assert_true (gtk_widget_get_visible (shown));
  assert_label (cards, "shown-label", "2 of 5 repositories: 5.0 K downloads");
  assert_label (cards, "models-value", "1");
  assert_label (cards, "datasets-value", "0");
  assert_label (cards, "change-value", "—");

  /* The range changes what is summed, not which rows: the last 30 days
   * 300 + 5 against 150 before. */
  set_period (HUB_PERIOD_LAST_MONTH);
  assert_label (cards, "downloads-value", "305");
  assert_label (cards, "shown-label", "2 of 5 repositories: 305 downloads");
  assert_label (cards, "change-value", "+103.3 %");
  set_period (HUB_PERIOD_ALL_TIME);

  /* The type filter alone: the two datasets. */
  gtk_editable_set_text (hub_repo_table_get_search_entry (table), "");
  hub_repo_table_set_type_filter (table, HUB_REPO_KIND_DATASET);
  wait_label (cards, "downloads-value", "2010");
  assert_label (cards, "shown-label", "2 of 5 repositories: 2.0 K downloads");
  assert_label (cards, "models-value", "0");
  assert_label (cards, "datasets-value", "2");

  /* The data shown again (a refresh): every type, and the whole source. */
  hub_repo_table_set_dataset (table, hub_repo_table_get_dataset (table), hub_window_get_span (window));
  g_assert_false (hub_repo_table_get_narrowed (table));
  g_assert_cmpuint (g_list_model_get_n_items (hub_repo_table_get_model (table)), ==, 5);
  g_assert_false (gtk_widget_get_visible (shown));
  assert_label (cards, "downloads-value", "8060");
  hub_repo_table_set_type_filter (table, HUB_REPO_KIND_DATASET);
  wait_label (cards, "downloads-value", "2010");

  /* Nothing left: zeros, still said. */
  gtk_editable_set_text (hub_repo_table_get_search_entry (table), "alpha");
  wait_label (cards, "shown-label", "0 of 5 repositories: 0 downloads");
  assert_label (cards, "downloads-value", "0");

  /* Cleared: the whole source. */
  gtk_editable_set_text (hub_repo_table_get_search_entry (table), "");
  hub_repo_table_set_type_filter (table, -1);
  wait_label (cards, "downloads-value", "8060");
  g_assert_false (gtk_widget_get_visible (shown));
  assert_label (cards, "change-value", "—");
  hub_test_close_window (window);
}

/* A narrow window: short forms, and the table keeps its essential columns. */
static void
test_compact (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 360, 700);
  GtkWidget *cards = GTK_WIDGET (hub_window_get_cards (window));

  hub_test_wait_frames (6);
  g_assert_true (hub_summary_cards_get_compact (HUB_SUMMARY_CARDS (cards)));
  g_assert_true (hub_repo_table_get_compact (hub_window_get_table (window)));
  assert_label (cards, "downloads-value", "8.1 K");
  hub_test_close_window (window);
}

static gboolean
table_scrollable (gpointer window)
{
  GtkAdjustment *adjustment = hub_repo_table_get_vadjustment (hub_window_get_table (window));

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100;
}

/* On a phone's width the cards scroll away with the table, and come back
 * at its top; on a wide window they stay. */
static void
test_cards_scroll_away (void)
{
  HubWindow *window = hub_test_open_window (NULL, 360, 640);
  GtkAdjustment *adjustment = hub_repo_table_get_vadjustment (hub_window_get_table (window));
  GtkRevealer *revealer = GTK_REVEALER (hub_test_find_named (GTK_WIDGET (window), "cards-revealer"));

  hub_window_open_demo (window);
  hub_test_wait_loaded (window);
  hub_test_wait_for (table_scrollable, window, 20, "a table taller than the window");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  gtk_adjustment_set_value (adjustment, 100);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  gtk_adjustment_set_value (adjustment, 0);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  gtk_adjustment_set_value (adjustment, 100);
  hub_summary_cards_set_compact (hub_window_get_cards (window), FALSE);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  hub_test_close_window (window);
}

static gboolean
table_has_rows (gpointer table)
{
  return g_list_model_get_n_items (hub_repo_table_get_model (table)) > 0;
}

/* The table takes as many frames to fill as the machine's speed asks
 * for: under the sanitizers a row a frame, 150 rows in 10–30 s. */
#define TABLE_FILLED_S 60

static gboolean
table_filled (gpointer table)
{
  return !hub_repo_table_get_filling (table);
}

/* A dataset fills the table over a few frames, a screenful at a time and
 * in the order shown, so that no frame makes every row widget at once. */
static void
test_table_fills_in_frames (void)
{
  HubWindow *window = hub_test_open_window (NULL, 1100, 760);
  HubRepoTable *table = hub_window_get_table (window);
  GListModel *model = hub_repo_table_get_model (table);
  g_autoptr(HubRepoRow) top = NULL;
  gint64 previous = G_MAXINT64;
  guint first;

  hub_window_open_demo (window);
  while (hub_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (hub_repo_table_get_filling (table));

  hub_test_wait_for (table_has_rows, table, 20, "the first rows");
  first = g_list_model_get_n_items (model);
  g_assert_cmpuint (first, <=, 32);
  top = g_list_model_get_item (model, 0);

  hub_test_wait_for (table_filled, table, TABLE_FILLED_S, "the whole table");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 150);
  /* The row shown first stays first, and the order holds throughout. */
  {
    g_autoptr(HubRepoRow) row = g_list_model_get_item (model, 0);

    g_assert_true (row == top);
  }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubRepoRow) row = g_list_model_get_item (model, i);

      g_assert_cmpint (hub_repo_row_get_period_downloads (row), <=, previous);
      previous = hub_repo_row_get_period_downloads (row);
    }
  hub_test_close_window (window);
}

/* A dataset's rows are made off the main thread: a range chosen or an
 * export asked for meanwhile holds for every row once the table is full. */
static void
test_table_rows_made_aside (void)
{
  HubWindow *window = hub_test_open_window (NULL, 1100, 760);
  HubRepoTable *table = hub_window_get_table (window);
  GListModel *model = hub_repo_table_get_model (table);
  HubDataset *dataset;
  HubSpan span;
  g_autofree guint *indexes = NULL;
  guint n = 0;

  hub_window_open_demo (window);
  while (hub_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (hub_repo_table_get_filling (table));
  dataset = hub_repo_table_get_dataset (table);
  span = hub_span_make (HUB_RANGE_LAST_30_DAYS,
                        hub_range_last_days (hub_dataset_get_as_of (dataset), 30),
                        HUB_COMPARISON_PREVIOUS);
  hub_repo_table_set_span (table, &span);

  /* An export reads every row at once, made or not. */
  indexes = hub_repo_table_get_visible_indexes (table, &n);
  g_assert_cmpuint (n, ==, hub_dataset_get_n_repos (dataset));
  g_assert_false (hub_repo_table_get_filling (table));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubRepoRow) row = g_list_model_get_item (model, i);

      g_assert_cmpint (hub_repo_row_get_period_downloads (row), ==,
                       hub_repo_span_downloads (hub_repo_row_get_repo (row), &span));
    }

  /* The same dataset again, and the range back while its rows are made. */
  hub_repo_table_set_dataset (table, dataset, &span);
  g_assert_true (hub_repo_table_get_filling (table));
  span = HUB_SPAN_ALL_TIME;
  hub_repo_table_set_span (table, &span);
  hub_test_wait_for (table_filled, table, TABLE_FILLED_S, "the whole table");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, hub_dataset_get_n_repos (dataset));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubRepoRow) row = g_list_model_get_item (model, i);

      g_assert_cmpint (hub_repo_row_get_period_downloads (row), ==,
                       hub_repo_all_time (hub_repo_row_get_repo (row)));
    }
  hub_test_close_window (window);
}

/* The dashboard that replaces the loading page appears in parts, a frame
 * apart (its header's buttons after its backgrounds, its cards after the
 * header, its table last, nothing moving), and ends whole; a
 * dashboard already shown takes another file without appearing again. */
static void
test_dashboard_in_parts (void)
{
  HubWindow *window = hub_test_open_window (NULL, 1280, 860);
  GtkWidget *table = GTK_WIDGET (hub_window_get_table (window));
  GtkWidget *cards = GTK_WIDGET (hub_window_get_cards (window));
  GtkWidget *chart_card = gtk_widget_get_parent (hub_test_find_type (GTK_WIDGET (window),
                                                                     HUB_TYPE_TREND_CHART));
  g_autofree char *path = hub_test_fixture_path ("fixture.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hub_window_open_file (window, file);
  while (hub_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_widget_get_opacity (table), ==, 0);
  g_assert_cmpfloat (gtk_widget_get_opacity (hub_summary_cards_get_card (HUB_SUMMARY_CARDS (cards), 0)), ==, 0);
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (hub_window_get_range_picker (window))), ==, 0);

  hub_test_wait_frames (8);
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (hub_window_get_range_picker (window))), ==, 1);
  for (guint i = 0; hub_summary_cards_get_card (HUB_SUMMARY_CARDS (cards), i) != NULL; i++)
    g_assert_cmpfloat (gtk_widget_get_opacity (hub_summary_cards_get_card (HUB_SUMMARY_CARDS (cards), i)), ==, 1);
  g_assert_cmpfloat (gtk_widget_get_opacity (chart_card), ==, 1);
  g_assert_cmpfloat (gtk_widget_get_opacity (table), ==, 1);
  /* Its rows, however many frames they take. */
  hub_test_wait_for (table_filled, table, TABLE_FILLED_S, "the whole table");
  g_assert_cmpuint (g_list_model_get_n_items (hub_repo_table_get_model (HUB_REPO_TABLE (table))), ==, 5);

  hub_window_open_file (window, file);
  while (hub_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_widget_get_opacity (table), ==, 1);
  g_assert_cmpfloat (gtk_widget_get_opacity (hub_summary_cards_get_card (HUB_SUMMARY_CARDS (cards), 4)), ==, 1);
  hub_test_close_window (window);
}

static void
test_broken_file_keeps_data (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 1100, 760);
  HubSource *before = hub_window_get_source (window);
  g_autofree char *broken = hub_test_fixture_path ("broken.csv");
  g_autoptr(GFile) file = g_file_new_for_path (broken);
  GtkWidget *cards = GTK_WIDGET (hub_window_get_cards (window));

  set_period (HUB_PERIOD_ALL_TIME);
  hub_window_open_file (window, file);
  g_assert_true (hub_window_get_loading (window));
  hub_test_wait_loaded (window);

  g_assert_true (hub_window_get_source (window) == before);
  g_assert_cmpuint (g_list_model_get_n_items (hub_window_get_sources (window)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hub_repo_table_get_model (hub_window_get_table (window))),
                    ==, 5);
  assert_label (cards, "downloads-value", "8060");
  hub_test_close_window (window);
}

static void
test_welcome (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HubWindow *window;
  GtkWidget *stack;

  g_settings_set_string (settings, "last-source", "");
  window = hub_test_open_window (NULL, 1100, 760);
  hub_window_restore_last_source (window);
  g_assert_false (hub_window_get_loading (window));
  stack = hub_test_find_named (GTK_WIDGET (window), "main-stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "welcome");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-demo"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "refresh"));
  hub_test_close_window (window);
}

/* The source opened is remembered, and reopened by the next window. */
static void
test_last_source (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = hub_test_fixture_path ("fixture.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *kept = NULL;
  HubWindow *window = hub_test_open_window ("fixture.csv", 1100, 760);

  kept = g_settings_get_string (settings, "last-source");
  g_assert_cmpstr (kept, ==, uri);
  hub_test_close_window (window);

  window = hub_test_open_window (NULL, 1100, 760);
  hub_window_restore_last_source (window);
  hub_test_wait_loaded (window);
  g_assert_nonnull (hub_window_get_source (window));
  g_assert_cmpstr (hub_source_get_id (hub_window_get_source (window)), ==, uri);
  hub_test_close_window (window);
}

static void
test_demo_and_switch (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 1100, 760);
  GListModel *sources = hub_window_get_sources (window);
  const HubTotals *totals;

  hub_window_open_demo (window);
  hub_test_wait_loaded (window);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_cmpstr (hub_source_get_id (hub_window_get_source (window)), ==, "demo");
  totals = hub_dataset_get_totals (hub_source_get_dataset (hub_window_get_source (window)));
  g_assert_cmpuint (totals->repos, ==, 150);

  g_action_group_activate_action (G_ACTION_GROUP (window), "source",
                                  g_variant_new_string ("demo"));
  g_assert_cmpstr (hub_source_get_id (hub_window_get_source (window)), ==, "demo");
  {
    g_autoptr(HubSource) first = g_list_model_get_item (sources, 0);

    g_action_group_activate_action (G_ACTION_GROUP (window), "source",
                                    g_variant_new_string (hub_source_get_id (first)));
    g_assert_true (hub_window_get_source (window) == first);
  }
  g_assert_cmpuint (g_list_model_get_n_items (hub_repo_table_get_model (hub_window_get_table (window))),
                    ==, 5);

  /* The switcher's menu, made as it opens, has both. */
  {
    GtkWidget *button = gtk_widget_get_ancestor (hub_test_find_named (GTK_WIDGET (window), "source-label"),
                                                 GTK_TYPE_MENU_BUTTON);
    GMenuModel *menu;
    g_autoptr(GMenuModel) opened = NULL;

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
    opened = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_nonnull (opened);
    g_assert_cmpint (g_menu_model_get_n_items (opened), ==, 2);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }
  hub_test_close_window (window);
}

static gboolean
progress_has_rows (gpointer window)
{
  const char *progress = hub_test_label_text (window, "progress-label");

  return strstr (progress, "2 rows") != NULL;
}

static gboolean
is_idle (gpointer window)
{
  return !hub_window_get_loading (window);
}

/* A read that cannot finish (a pipe whose writer stays silent) is cancelled
 * halfway: the read stops, and the data shown before stays. */
static void
test_cancel (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 1100, 760);
  HubSource *before = hub_window_get_source (window);
  g_autofree char *dir = g_dir_make_tmp ("hub-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "slow.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char start[] = "repoType,repoName,total,timestamp,downloads\n"
                              "model,org/slow,5,2026-11-20,2\n"
                              "model,org/slow,5,2026-11-21,3\n";
  GtkWidget *stack;
  int fd;

  g_assert_nonnull (before);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  /* Both ends here: the app's read never meets the end of the file. */
  fd = open (path, O_RDWR | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, start, strlen (start)), ==, (gssize) strlen (start));

  hub_window_open_file (window, file);
  g_assert_true (hub_window_get_loading (window));
  hub_test_wait_for (progress_has_rows, window, 20, "the first rows of the slow file");
  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-load", NULL);
  hub_test_wait_for (is_idle, window, 20, "the cancelled read");

  g_assert_true (hub_window_get_source (window) == before);
  g_assert_cmpuint (g_list_model_get_n_items (hub_window_get_sources (window)), ==, 1);
  stack = hub_test_find_named (GTK_WIDGET (window), "main-stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "dashboard");

  close (fd);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  hub_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window/cards", test_cards);
  g_test_add_func ("/ui/window/cards-narrowed", test_cards_narrowed);
  g_test_add_func ("/ui/window/compact", test_compact);
  g_test_add_func ("/ui/window/cards-scroll-away", test_cards_scroll_away);
  g_test_add_func ("/ui/window/table-fills-in-frames", test_table_fills_in_frames);
  g_test_add_func ("/ui/window/table-rows-made-aside", test_table_rows_made_aside);
  g_test_add_func ("/ui/window/dashboard-in-parts", test_dashboard_in_parts);
  g_test_add_func ("/ui/window/broken-file-keeps-data", test_broken_file_keeps_data);
  g_test_add_func ("/ui/window/welcome", test_welcome);
  g_test_add_func ("/ui/window/last-source", test_last_source);
  g_test_add_func ("/ui/window/demo-and-switch", test_demo_and_switch);
  g_test_add_func ("/ui/window/cancel", test_cancel);

  return g_test_run ();
}
