/* test-repo-detail.c: the page about one repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "badge-reader.h"
#include "hub-chart.h"
#include "hub-day-mark-layer.h"
#include "hub-history.h"
#include "hub-repo-detail.h"
#include "hub-ui-test-util.h"

/* A model over a leap day, with gaps, and a dataset with one day. */
static const char fixture[] =
  "repoType,repoName,total,timestamp,downloads\n"
  "model,org/alpha,5000,2024-02-27T00:00:00.000Z,10\n"
  "model,org/alpha,5000,2024-02-28T00:00:00.000Z,20\n"
  "model,org/alpha,5000,2024-02-29T00:00:00.000Z,300\n"
  "model,org/alpha,5000,2024-03-01T00:00:00.000Z,40\n"
  "model,org/alpha,5000,2024-03-05T00:00:00.000Z,1234\n"
  "model,org/alpha,5000,2024-04-10T00:00:00.000Z,7\n"
  "dataset,org/corpus,9,2024-04-10T00:00:00.000Z,9\n";

static HubDataset *
load_fixture (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (fixture, sizeof fixture - 1);
  g_autoptr(GError) error = NULL;
  HubDataset *dataset = hub_dataset_load_bytes (bytes, "fixture.csv", &error);

  g_assert_no_error (error);
  return dataset;
}

static GtkWindow *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  hub_test_wait_frames (18);
  return window;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  /* The whole window: the page itself has no background of its own. */
  g_autoptr(GdkTexture) texture = hub_test_render (GTK_WIDGET (gtk_widget_get_root (widget)));
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_cards_and_url (void)
{
  g_autoptr(HubDataset) dataset = load_fixture ();
  GtkWidget *detail = hub_repo_detail_new ();
  GtkWindow *window;
  g_autofree char *url = NULL;

  hub_repo_detail_set_repo (HUB_REPO_DETAIL (detail), dataset, 0, "https://hub.example");
  window = show_in_window (detail, 900, 700);

  /* asOf is 2024-04-10: all time is the larger total; the last 30 days hold 7;
   * the best day is 5 March. Exact values, as they fit (the C locale groups
   * no digits). */
  g_assert_cmpstr (hub_repo_detail_get_card (HUB_REPO_DETAIL (detail), "All Time"), ==,
                   "5000");
  g_assert_cmpstr (hub_repo_detail_get_card (HUB_REPO_DETAIL (detail), "Last Month"), ==, "7");
  g_assert_cmpstr (hub_repo_detail_get_card (HUB_REPO_DETAIL (detail), "Last 7 Days"), ==, "7");
  g_assert_cmpstr (hub_repo_detail_get_card (HUB_REPO_DETAIL (detail), "Best Day"), ==, "1234");

  url = hub_repo_detail_dup_url (HUB_REPO_DETAIL (detail));
  g_assert_cmpstr (url, ==, "https://hub.example/org/alpha");
  g_clear_pointer (&url, g_free);

  /* The next milestone above 5,000: at 7 downloads in the last weeks, not
   * within ten years. The spike of 5 March is marked on the chart. */
  {
    const char *milestone = hub_test_label_text (detail, "milestone");
    HubChart *chart = HUB_CHART (hub_repo_detail_get_chart (HUB_REPO_DETAIL (detail)));
    HubDayMarkLayer *marks = HUB_DAY_MARK_LAYER (hub_chart_get_layer (chart, hub_chart_get_n_layers (chart) - 1));

    g_test_message ("%s", milestone);
    g_assert_true (g_str_has_prefix (milestone, "Next milestone: 10.0 K downloads"));
    g_assert_true (HUB_IS_DAY_MARK_LAYER (marks));
  }

  hub_repo_detail_set_repo (HUB_REPO_DETAIL (detail), dataset, 1, NULL);
  url = hub_repo_detail_dup_url (HUB_REPO_DETAIL (detail));
  g_assert_cmpstr (url, ==, "https://huggingface.co/datasets/org/corpus");

  gtk_window_destroy (window);
}

static void
test_controls_drive_chart (void)
{
  g_autoptr(HubDataset) dataset = load_fixture ();
  GtkWidget *detail = hub_repo_detail_new ();
  HubChart *chart = HUB_CHART (hub_repo_detail_get_chart (HUB_REPO_DETAIL (detail)));
  GtkWindow *window;

  hub_repo_detail_set_repo (HUB_REPO_DETAIL (detail), dataset, 0, NULL);
  window = show_in_window (detail, 900, 700);

  g_assert_cmpint (hub_chart_get_range (chart), ==, HUB_RANGE_LAST_90_DAYS);
  g_assert_cmpint (hub_chart_get_bucket (chart), ==, HUB_BUCKET_DAY);

  g_assert_true (gtk_widget_activate_action (detail, "detail.copy-name", NULL));
  g_assert_cmpuint (hub_chart_get_points (chart)->len, ==, 90);
  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  hub_chart_set_range (chart, HUB_RANGE_ALL);
  /* February, March and April 2024. */
  g_assert_cmpuint (hub_chart_get_points (chart)->len, ==, 3);
  /* The toggles follow the chart, whoever changed it... */
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (
    hub_test_find_named (detail, "bucket-toggles"))), ==, "month");
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (
    hub_test_find_named (detail, "range-toggles"))), ==, "all");
  /* ...the chart follows the toggles... */
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (hub_test_find_named (detail, "range-toggles")),
                                    "30-days");
  g_assert_cmpint (hub_chart_get_range (chart), ==, HUB_RANGE_LAST_30_DAYS);
  /* ...and the actions that menus and shortcuts name drive both. */
  g_assert_true (gtk_widget_activate_action (detail, "chart.bucket", "s", "week"));
  g_assert_cmpint (hub_chart_get_bucket (chart), ==, HUB_BUCKET_WEEK);
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (
    hub_test_find_named (detail, "bucket-toggles"))), ==, "week");
  g_assert_false (hub_chart_get_cumulative (chart));
  g_assert_true (gtk_widget_activate_action (detail, "chart.cumulative", NULL));
  g_assert_true (hub_chart_get_cumulative (chart));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    hub_test_find_named (detail, "cumulative"))));

  gtk_window_destroy (window);
}

static void
on_message (HubRepoDetail *detail,
            const char    *message,
            char         **last)
{
  g_free (*last);
  *last = g_strdup (message);
}

static guint
count_note_marks (HubRepoDetail *detail,
                  const char    *text)
{
  HubChart *chart = HUB_CHART (hub_repo_detail_get_chart (detail));
  HubDayMarkLayer *marks = HUB_DAY_MARK_LAYER (hub_chart_get_layer (chart, hub_chart_get_n_layers (chart) - 1));
  guint found = 0;

  for (guint i = 0; i < hub_day_mark_layer_get_n_marks (marks); i++)
    {
      HubDayMark mark;

      hub_day_mark_layer_get_mark (marks, i, &mark);
      found += mark.kind == HUB_DAY_MARK_NOTE && g_strcmp0 (mark.label, text) == 0;
    }
  return found;
}

/* The button that removes the note listed first. */
static GtkWidget *
first_remove_button (GtkWidget *detail)
{
  GtkWidget *list = hub_test_find_named (detail, "notes");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      return hub_test_find_type (row, GTK_TYPE_BUTTON);
  return NULL;
}

/* The menu's choice of figure and variant: the badge says the figure and
 * shows its number; the choice is the settings' (what Insights shows). */
static void
check_badge_choice (HubRepoDetail *detail,
                    HubDataset    *dataset)
{
  static const struct {
    const char     *figure;
    HubBadgeFigure  value;
    const char     *label;
  } figures[] = {
    { "all-time", HUB_BADGE_ALL_TIME, "downloads" },
    { "this-month", HUB_BADGE_THIS_MONTH, "downloads this month" },
    { "month", HUB_BADGE_LAST_30_DAYS, "downloads/month" },
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const HubRepo *repo = hub_repo_detail_get_repo (detail);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *number = NULL;
      g_autoptr(HubBadgeSpec) spec = NULL;
      g_autofree char *svg = NULL;
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "badge.badge-figure", "s",
                                                 figures[i].figure));
      g_assert_cmpint (g_settings_get_enum (settings, "badge-figure"), ==, figures[i].value);
      number = hub_badge_format_count (hub_badge_count (dataset, repo,
                                                        figures[i].value));
      spec = hub_repo_detail_dup_badge (detail);
      svg = hub_badge_spec_dup_svg (spec);
      badge_reader_read (svg, &label, &value);
      g_assert_cmpstr (label, ==, figures[i].label);
      g_assert_cmpstr (value, ==, number);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "badge.badge-variant", "s", "dark"));
  {
    g_autoptr(HubBadgeSpec) spec = hub_repo_detail_dup_badge (detail);
    g_autofree char *markdown = hub_badge_spec_dup_markdown (spec);
    g_autofree char *svg = hub_badge_spec_dup_svg (spec);

    g_assert_cmpstr (markdown, ==,
                     "[![downloads/month: 7](alpha-downloads-dark.svg)](https://hub.example/org/alpha)");
    g_assert_nonnull (strstr (svg, "#e1e4e8"));
  }
  g_settings_reset (settings, "badge-variant");
}

/* The repository's notes: added on the day picked, listed, marked on the
 * chart, kept in the history (another repository has none), removed; its
 * badge copied as Markdown. */
static void
test_notes_and_badge (void)
{
  g_autoptr(HubDataset) dataset = load_fixture ();
  g_autofree char *folder = g_dir_make_tmp ("hub-detail-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "history.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubHistory) history = hub_history_open (path, &error);
  HubRepoDetail *detail = HUB_REPO_DETAIL (hub_repo_detail_new ());
  g_autofree char *message = NULL;
  g_autofree char *markdown = NULL;
  GtkCalendar *calendar;
  GtkWindow *window;

  g_assert_no_error (error);
  g_signal_connect (detail, "message", G_CALLBACK (on_message), &message);

  /* No history: nothing can be kept, and the page says why. */
  hub_repo_detail_set_repo (detail, dataset, 0, "https://hub.example");
  window = show_in_window (GTK_WIDGET (detail), 900, 900);
  g_assert_false (gtk_widget_get_sensitive (hub_test_find_named (GTK_WIDGET (detail), "note-entry")));
  g_assert_false (hub_repo_detail_add_note (detail, hub_day_from_ymd (2024, 3, 5), "launch", &error));
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_IO);
  g_clear_error (&error);

  hub_repo_detail_set_history (detail, history, "file:fixture.csv");
  g_assert_true (gtk_widget_get_sensitive (hub_test_find_named (GTK_WIDGET (detail), "note-entry")));
  g_assert_cmpuint (hub_repo_detail_get_n_notes (detail), ==, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
    hub_test_find_named (GTK_WIDGET (detail), "note-entry"))), ==, "Add a note on 10 Apr 2024");

  /* A day picked in the calendar, and the entry applied. */
  calendar = GTK_CALENDAR (hub_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (
    GTK_MENU_BUTTON (hub_test_find_type (hub_test_find_named (GTK_WIDGET (detail), "note-entry"),
                                         GTK_TYPE_MENU_BUTTON)))), GTK_TYPE_CALENDAR));
  {
    g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 3, 5, 0, 0, 0);

    gtk_calendar_select_day (calendar, day);
    g_signal_emit_by_name (calendar, "day-selected");
  }
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
    hub_test_find_named (GTK_WIDGET (detail), "note-entry"))), ==, "Add a note on 5 Mar 2024");
  gtk_editable_set_text (GTK_EDITABLE (hub_test_find_named (GTK_WIDGET (detail), "note-entry")),
                         "v1 launched");
  g_signal_emit_by_name (hub_test_find_named (GTK_WIDGET (detail), "note-entry"), "apply");
  g_assert_cmpuint (hub_repo_detail_get_n_notes (detail), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hub_test_find_named (GTK_WIDGET (detail),
                                                                             "note-entry"))), ==, "");
  g_assert_cmpuint (count_note_marks (detail, "v1 launched"), ==, 1);

  /* An empty note is refused, with the history's words. */
  g_assert_false (hub_repo_detail_add_note (detail, hub_day_from_ymd (2024, 3, 1), "  ", &error));
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (hub_repo_detail_add_note (detail, hub_day_from_ymd (2024, 4, 1), "blog post", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hub_repo_detail_get_n_notes (detail), ==, 2);
  hub_test_wait_frames (3);
  save_screenshot (GTK_WIDGET (detail), "detail-notes-light.png");

  /* The other repository has none; back on the first, both again. */
  hub_repo_detail_set_repo (detail, dataset, 1, NULL);
  g_assert_cmpuint (hub_repo_detail_get_n_notes (detail), ==, 0);
  g_assert_cmpuint (count_note_marks (detail, "v1 launched"), ==, 0);
  hub_repo_detail_set_repo (detail, dataset, 0, "https://hub.example");
  g_assert_cmpuint (hub_repo_detail_get_n_notes (detail), ==, 2);

  /* Removed by its button: gone from the list, the chart and the history. */
  g_signal_emit_by_name (first_remove_button (GTK_WIDGET (detail)), "clicked");
  g_assert_cmpuint (hub_repo_detail_get_n_notes (detail), ==, 1);
  {
    g_autoptr(GPtrArray) kept = hub_history_list_notes (history, "file:fixture.csv", "model",
                                                         "org/alpha", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (kept->len, ==, 1);
    g_assert_cmpuint (count_note_marks (detail, ((HubNote *) kept->pdata[0])->text), ==, 1);
  }

  /* The badge: downloads in the last 30 days, linked to the repository. */
  {
    g_autoptr(HubBadgeSpec) spec = hub_repo_detail_dup_badge (detail);

    markdown = hub_badge_spec_dup_markdown (spec);
  }
  g_assert_cmpstr (markdown, ==, "[![downloads/month: 7](alpha-downloads.svg)](https://hub.example/org/alpha)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.copy-badge", NULL));
  g_assert_cmpstr (message, ==, "Markdown for the badge copied");
  check_badge_choice (detail, dataset);

  gtk_window_destroy (window);
  g_clear_object (&history);
  g_remove (path);
  g_rmdir (folder);
}

static void
test_screenshots (void)
{
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GBytes) demo = NULL;
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *detail = hub_repo_detail_new ();
  HubChart *chart = HUB_CHART (hub_repo_detail_get_chart (HUB_REPO_DETAIL (detail)));
  GtkWindow *window;

  /* The demo organisation, as a user exploring the app would see it. */
  demo = g_resources_lookup_data (RESOURCE_PREFIX "demo/aurora-labs.csv",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  dataset = hub_dataset_load_bytes (demo, "demo", &error);
  g_assert_no_error (error);
  hub_repo_detail_set_repo (HUB_REPO_DETAIL (detail), dataset, 0, NULL);
  window = show_in_window (detail, 1000, 720);

  save_screenshot (detail, "detail-daily-light.png");
  hub_chart_set_bucket (chart, HUB_BUCKET_MONTH);
  hub_chart_set_range (chart, HUB_RANGE_ALL);
  hub_test_wait_frames (6);
  save_screenshot (detail, "detail-monthly-light.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hub_test_wait_frames (12);
  save_screenshot (detail, "detail-monthly-dark.png");
  hub_chart_set_bucket (chart, HUB_BUCKET_DAY);
  hub_chart_set_range (chart, HUB_RANGE_LAST_90_DAYS);
  hub_test_wait_frames (6);
  save_screenshot (detail, "detail-daily-dark.png");

  gtk_window_set_default_size (window, 380, 720);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  hub_test_wait_frames (50);
  save_screenshot (detail, "detail-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/dialogs/repo-detail/cards-and-url", test_cards_and_url);
  g_test_add_func ("/dialogs/repo-detail/controls-drive-chart", test_controls_drive_chart);
  g_test_add_func ("/dialogs/repo-detail/notes-and-badge", test_notes_and_badge);
  g_test_add_func ("/dialogs/repo-detail/screenshots", test_screenshots);

  return g_test_run ();
}
