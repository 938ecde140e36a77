/* test-range.c: the dashboard's range in a real window: presets, a custom
 * range, stepping, the weekday and year-earlier comparisons, the range of
 * each source across a reopen (a keyfile settings backend in a private
 * folder), the table as shown exported over a range, the chart of the rows
 * a filter shows
 *
 * tests/ui/fixture.csv, asOf Saturday 21 Nov 2026:
 *   model   org/alpha         1 Oct 150, 20 Nov 200, 21 Nov 100 (total 5000)
 *   model   org/Beta-large    10 Nov 1000
 *   dataset org/gamma-corpus  10 Oct 400 (total 2000)
 *   dataset org/delta-eval    1 Jan 2020 10
 *   space   org/alpha-demo    21 Nov 5 (total 50)
 * Every figure below is summed from these rows by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>

#include "hub-export.h"
#include "hub-insights-dialog.h"
#include "hub-ui-test-util.h"
#include "hub-window-private.h"

static char *config_dir;

#define assert_label(root, name, text) \
  g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (root), name), ==, text)

static void
choose_preset (HubWindow *window,
               int        index)
{
  /* As Alt+1 … Alt+8 do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.range-preset", "i", index));
  hub_test_wait_frames (3);
}

static void
step (HubWindow *window,
      int        steps)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.range-step", "i", steps));
  hub_test_wait_frames (3);
}

static void
choose_days (HubWindow  *window,
             const char *first,
             const char *last)
{
  int y1, m1, d1, y2, m2, d2;

  g_assert_cmpint (sscanf (first, "%d-%d-%d", &y1, &m1, &d1), ==, 3);
  g_assert_cmpint (sscanf (last, "%d-%d-%d", &y2, &m2, &d2), ==, 3);
  hub_range_picker_set_range (hub_window_get_range_picker (window), HUB_RANGE_CUSTOM,
                              (HubRange) { hub_day_from_ymd (y1, m1, d1), hub_day_from_ymd (y2, m2, d2) });
  hub_test_wait_frames (3);
}

static void
choose_comparison (HubWindow  *window,
                   const char *comparison)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "comparison",
                                  g_variant_new_string (comparison));
  hub_test_wait_frames (3);
}

/* The names of the table's first rows, "org/" left out, with their
 * downloads in the range: "alpha 300, alpha-demo 5". */
static char *
top_rows (HubWindow *window,
          guint      n)
{
  GListModel *model = hub_repo_table_get_model (hub_window_get_table (window));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubRepoRow) row = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s %" G_GINT64_FORMAT, i > 0 ? ", " : "",
                              hub_repo_row_get_name (row) + strlen ("org/"),
                              hub_repo_row_get_period_downloads (row));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static HubChange
row_change (HubWindow  *window,
            const char *name)
{
  GListModel *model = hub_repo_table_get_model (hub_window_get_table (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubRepoRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (hub_repo_row_get_name (row), name))
        return hub_repo_row_get_change (row);
    }
  g_assert_not_reached ();
}

/* The chart's points as "value value …". */
static char *
chart_points (HubWindow *window)
{
  const GArray *points = hub_chart_get_points (hub_trend_chart_get_chart (window->trend_chart));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < points->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (points, HubPoint, i).value);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
label_of (HubRangePicker *range_picker)
{
  GtkWidget *picker = GTK_WIDGET (range_picker);
  GtkWidget *button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (picker));

  return gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
}

static const char *
picker_label (HubWindow *window)
{
  GtkWidget *picker = GTK_WIDGET (hub_window_get_range_picker (window));
  GtkWidget *button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (picker));

  return gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
}

#define assert_cards(cards, downloads, caption, change) G_STMT_START { \
  assert_label (cards, "downloads-value", downloads);                  \
  assert_label (cards, "downloads-caption", caption);                  \
  assert_label (cards, "change-value", change);                        \
} G_STMT_END

#define assert_text(expr, expected) G_STMT_START { \
  g_autofree char *text_ = (expr);                 \
  g_assert_cmpstr (text_, ==, expected);           \
} G_STMT_END

static void
test_presets_and_steps (void)
{
  HubWindow *window;
  GtkWidget *cards;

  hub_test_set_preset (HUB_RANGE_ALL);
  window = hub_test_open_window ("fixture.csv", 1300, 860);
  cards = GTK_WIDGET (hub_window_get_cards (window));

  /* All Time: each repository's All Time, no Change. */
  assert_cards (cards, "8060", "All time", "—");
  assert_label (cards, "change-caption", "No comparison");
  g_assert_cmpint (row_change (window, "org/alpha").kind, ==, HUB_CHANGE_NONE);

  /* Alt+1, the last 7 days: Sunday 15 … Saturday 21 Nov, 200 + 100 + 5,
   * against Sunday 8 … Saturday 14 Nov: Beta's 1000. */
  choose_preset (window, 0);
  g_assert_cmpint (hub_window_get_span (window)->preset, ==, HUB_RANGE_LAST_7_DAYS);
  assert_cards (cards, "305", "15 Nov – 21 Nov 2026", "−69.5 %");
  assert_label (cards, "change-caption", "Vs. previous period");
  assert_label (cards, "models-caption", "300 downloads");
  assert_label (cards, "datasets-caption", "0 downloads");
  g_assert_cmpstr (picker_label (window), ==, "Last 7 Days");
  assert_text (top_rows (window, 2), "alpha 300, alpha-demo 5");
  g_assert_cmpint (row_change (window, "org/alpha").kind, ==, HUB_CHANGE_NEW);
  g_assert_cmpfloat (row_change (window, "org/Beta-large").ratio, ==, -1.0);
  assert_text (chart_points (window), "0 0 0 0 0 200 105");
  g_assert_cmpstr (gtk_label_get_label (window->chart_title), ==, "Daily downloads, 15 Nov – 21 Nov 2026");

  /* A step back: 8 … 14 Nov, Beta's 1000, against 1 … 7 Nov: nothing. */
  step (window, -1);
  assert_cards (cards, "1000", "8 Nov – 14 Nov 2026", "new");
  g_assert_cmpstr (picker_label (window), ==, "8 Nov – 14 Nov 2026");
  assert_text (top_rows (window, 1), "Beta-large 1000");
  assert_text (chart_points (window), "0 0 1000 0 0 0 0");
  step (window, 1);
  assert_cards (cards, "305", "15 Nov – 21 Nov 2026", "−69.5 %");
  g_assert_cmpstr (picker_label (window), ==, "Last 7 Days");

  /* Alt+5, the last calendar month: October, 150 + 400, against the 31
   * days from Thursday 27 Aug; a step back is Sepember, by whole months. */
  choose_preset (window, 4);
  assert_cards (cards, "550", "1 Oct – 31 Oct 2026", "new");
  assert_text (top_rows (window, 2), "gamma-corpus 400, alpha 150");
  step (window, -1);
  assert_cards (cards, "0", "1 Sep – 30 Sep 2026", "—");
  {
    g_autofree char *top = top_rows (window, 1);

    g_assert_true (g_str_has_suffix (top, " 0"));
  }

  /* Alt+2, the last 30 days: 23 Oct … 21 Nov, 1305, against 18 Sep … 17 Oct: 550. */
  choose_preset (window, 1);
  assert_cards (cards, "1305", "23 Oct – 21 Nov 2026", "+137.3 %");

  /* A custom range from the calendar: 1 … 10 Oct, against the 10 days two
   * weeks before. */
  choose_days (window, "2026-10-01", "2026-10-10");
  g_assert_cmpint (hub_window_get_span (window)->preset, ==, HUB_RANGE_CUSTOM);
  assert_cards (cards, "550", "1 Oct – 10 Oct 2026", "new");
  assert_label (cards, "models-caption", "150 downloads");
  assert_label (cards, "datasets-caption", "400 downloads");
  g_assert_cmpstr (picker_label (window), ==, "1 Oct – 10 Oct 2026");
  assert_text (top_rows (window, 2), "gamma-corpus 400, alpha 150");
  assert_text (chart_points (window), "150 0 0 0 0 0 0 0 0 400");
  /* A custom range steps by its length. */
  step (window, -1);
  assert_cards (cards, "0", "21 Sep – 30 Sep 2026", "—");
  step (window, 1);

  /* The same dates a year earlier, chosen in the menu: remembered. */
  choose_comparison (window, "year");
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_assert_cmpint (g_settings_get_enum (settings, "comparison"), ==, HUB_COMPARISON_YEAR);
  }
  assert_label (cards, "change-caption", "Vs. a year earlier");
  assert_cards (cards, "550", "1 Oct – 10 Oct 2026", "new");
  /* January 2021 against January 2020: delta-eval's 10, then none. */
  choose_days (window, "2021-01-01", "2021-01-31");
  assert_cards (cards, "0", "1 Jan – 31 Jan 2021", "−100.0 %");
  g_assert_cmpfloat (row_change (window, "org/delta-eval").ratio, ==, -1.0);
  /* The weekday-matched comparison of the same days: 4 … 31 Dec 2020 (35
   * days back, a Friday again), nothing. */
  choose_comparison (window, "previous");
  assert_cards (cards, "0", "1 Jan – 31 Jan 2021", "—");

  /* Alt+8: All Time again. */
  choose_preset (window, 7);
  assert_cards (cards, "8060", "All time", "—");
  hub_test_close_window (window);
}

static gboolean
chart_narrowed (gpointer window)
{
  return hub_trend_chart_get_narrowed (HUB_WINDOW (window)->trend_chart);
}

static gboolean
chart_whole (gpointer window)
{
  return !chart_narrowed (window);
}

typedef struct
{
  HubWindow  *window;
  const char *points;
} PointsWait;

/* The chart once it draws the points wanted. */
static gboolean
chart_draws (gpointer data)
{
  PointsWait *wait = data;
  g_autofree char *points = chart_points (wait->window);

  return g_str_equal (points, wait->points);
}

/* While a search narrows the table, the chart draws the sum of the rows
 * shown, and its title says so. */
static void
test_chart_narrowed (void)
{
  HubWindow *window;
  HubRepoTable *table;

  hub_test_set_preset (HUB_RANGE_LAST_30_DAYS);
  window = hub_test_open_window ("fixture.csv", 1300, 860);
  table = hub_window_get_table (window);
  {
    g_autofree char *whole = chart_points (window);

    /* 23 Oct … 21 Nov: Beta's 1000 on the 10th, then 200, 105. */
    g_assert_true (g_str_has_suffix (whole, " 1000 0 0 0 0 0 0 0 0 0 200 105"));
  }
  g_assert_cmpstr (gtk_label_get_label (window->chart_title), ==, "Daily downloads, 23 Oct – 21 Nov 2026");

  gtk_editable_set_text (hub_repo_table_get_search_entry (table), "alpha");
  hub_test_wait_for (chart_narrowed, window, 20, "the chart of the rows shown");
  g_assert_cmpstr (gtk_label_get_label (window->chart_title), ==,
                   "Daily downloads, 23 Oct – 21 Nov 2026, sum of 2 of 5 repositories shown");
  {
    g_autofree char *narrowed = chart_points (window);

    g_assert_true (g_str_has_suffix (narrowed, " 0 0 0 0 0 0 0 0 0 0 200 105"));
  }
  assert_label (hub_window_get_cards (window), "downloads-value", "305");

  /* Another range keeps the rows shown. */
  choose_preset (window, 0);
  assert_text (chart_points (window), "0 0 0 0 0 200 105");
  g_assert_true (hub_trend_chart_get_narrowed (window->trend_chart));

  /* The type filter alone: the two datasets, nothing in the last 7 days. */
  gtk_editable_set_text (hub_repo_table_get_search_entry (table), "");
  hub_repo_table_set_type_filter (table, HUB_REPO_KIND_DATASET);
  {
    PointsWait wait = { window, "0 0 0 0 0 0 0" };

    hub_test_wait_for (chart_draws, &wait, 20, "the chart of the datasets");
  }
  g_assert_cmpstr (gtk_label_get_label (window->chart_title), ==,
                   "Daily downloads, 15 Nov – 21 Nov 2026, sum of 2 of 5 repositories shown");

  hub_repo_table_set_type_filter (table, -1);
  hub_test_wait_for (chart_whole, window, 20, "the chart of the whole source");
  g_assert_cmpstr (gtk_label_get_label (window->chart_title), ==, "Daily downloads, 15 Nov – 21 Nov 2026");
  hub_test_close_window (window);
}

typedef struct
{
  gboolean done;
  GError  *error;
} Written;

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Written *w = user_data;
  g_autoptr(GFile) file = hub_export_write_finish (result, &w->error);

  w->done = TRUE;
}

static gboolean
written (gpointer data)
{
  return ((Written *) data)->done;
}

/* Export Table… writes the table as shown, over the range shown: the
 * models by name, over 8 … 10 Oct against 1 … 3 Oct. */
static void
test_export_custom_range (void)
{
  HubWindow *window;
  HubRepoTable *table;
  g_autofree char *dir = g_dir_make_tmp ("hub-range-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *indexes = NULL;
  g_autofree char *contents = NULL;
  Written w = { 0 };
  guint n;

  hub_test_set_preset (HUB_RANGE_ALL);
  window = hub_test_open_window ("fixture.csv", 1300, 860);
  table = hub_window_get_table (window);
  choose_days (window, "2026-10-08", "2026-10-10");
  hub_repo_table_set_type_filter (table, HUB_REPO_KIND_MODEL);
  hub_repo_table_sort_by (table, HUB_REPO_COLUMN_NAME, GTK_SORT_ASCENDING);
  hub_test_wait_frames (3);

  indexes = hub_repo_table_get_visible_indexes (table, &n);
  g_array_append_vals (shown, indexes, n);
  hub_export_write_async (hub_source_get_dataset (hub_window_get_source (window)), HUB_EXPORT_TABLE,
                          shown, hub_window_get_span (window), file, NULL, on_written, &w);
  hub_test_wait_for (written, &w, 20, "the export");
  g_assert_no_error (w.error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* alpha: 0 against 150 (1 Oct); Beta: 0 against 0. lastMonth and
   * previousMonth stay the 30-day windows. */
  g_assert_cmpstr (contents, ==,
                   "repoType,repoName,periodDownloads,allTime,lastMonth,previousMonth,change\n"
                   "model,org/alpha,0,5000,300,150,-1\n"
                   "model,org/Beta-large,0,1000,1000,0,0\n");
  hub_test_close_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
open_file (HubWindow  *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hub_window_open_file (window, file);
  hub_test_wait_loaded (window);
}

static void
select_source (HubWindow  *window,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *id = g_file_get_uri (file);

  g_action_group_activate_action (G_ACTION_GROUP (window), "source", g_variant_new_string (id));
  hub_test_wait_loaded (window);
}

/* Each source keeps its range; a new one starts with the range chosen
 * last; the old period key is the default before any was chosen; all of it
 * in the settings file, across a reopen. */
static void
test_per_source (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *fixture = hub_test_fixture_path ("fixture.csv");
  g_autofree char *dir = g_dir_make_tmp ("hub-range-XXXXXX", NULL);
  g_autofree char *other = g_build_filename (dir, "other.csv", NULL);
  g_autofree char *keyfile = g_build_filename (config_dir, "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  HubWindow *window;
  GtkWidget *cards;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (other, contents, -1, NULL));

  /* Before any range was chosen: the period key's Last Month. */
  g_settings_reset (settings, "ranges");
  g_settings_reset (settings, "last-range");
  g_settings_set_string (settings, "period", "last-month");
  window = hub_test_open_window (NULL, 1300, 860);
  cards = GTK_WIDGET (hub_window_get_cards (window));
  open_file (window, fixture);
  g_assert_cmpint (hub_window_get_span (window)->preset, ==, HUB_RANGE_LAST_30_DAYS);
  assert_cards (cards, "1305", "23 Oct – 21 Nov 2026", "+137.3 %");

  /* The first source: the last 7 days, a step back. */
  choose_preset (window, 0);
  step (window, -1);
  assert_cards (cards, "1000", "8 Nov – 14 Nov 2026", "new");

  /* A new source starts with the range chosen last; it gets its own. */
  open_file (window, other);
  assert_cards (cards, "1000", "8 Nov – 14 Nov 2026", "new");
  choose_days (window, "2026-10-01", "2026-10-10");
  assert_cards (cards, "550", "1 Oct – 10 Oct 2026", "new");

  /* Switching restores each one's. */
  select_source (window, fixture);
  assert_cards (cards, "1000", "8 Nov – 14 Nov 2026", "new");
  select_source (window, other);
  assert_cards (cards, "550", "1 Oct – 10 Oct 2026", "new");
  hub_test_close_window (window);

  /* In the settings file. */
  g_assert_true (g_file_get_contents (keyfile, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "ranges="));
  g_assert_nonnull (strstr (saved, "'2026-10-01'"));

  /* A window opened again: the first source's range, stepped from its
   * preset's own. */
  window = hub_test_open_window ("fixture.csv", 1300, 860);
  cards = GTK_WIDGET (hub_window_get_cards (window));
  g_assert_cmpint (hub_window_get_span (window)->preset, ==, HUB_RANGE_LAST_7_DAYS);
  assert_cards (cards, "1000", "8 Nov – 14 Nov 2026", "new");
  open_file (window, other);
  assert_cards (cards, "550", "1 Oct – 10 Oct 2026", "new");
  hub_test_close_window (window);

  g_settings_reset (settings, "period");
  g_assert_cmpint (g_remove (other), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Keys pressed as a person does: through the X server (xdotool's XTEST),
 * into the window given the focus. */
static void
press (HubWindow  *window,
       const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *id = NULL;
  const char *argv[] = { "xdotool", "windowfocus", "--sync", NULL, "key", "--clearmodifiers",
                         keys, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  /* GTK 4.18 deprecates its X11 backend; the test's X server is Xvfb. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  id = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  G_GNUC_END_IGNORE_DEPRECATIONS
  argv[3] = id;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

typedef struct
{
  HubWindow *window;
  HubRange   range;
} RangeWait;

static gboolean
range_is (gpointer data)
{
  RangeWait *wait = data;
  const HubSpan *span = hub_window_get_span (wait->window);

  return span->range.first == wait->range.first && span->range.last == wait->range.last;
}

static gboolean
dialog_range_is (gpointer data)
{
  RangeWait *wait = data;
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (wait->window));
  HubRange range;

  if (!HUB_IS_INSIGHTS_DIALOG (dialog))
    return FALSE;
  range = hub_insights_dialog_get_range (HUB_INSIGHTS_DIALOG (dialog));
  return range.first == wait->range.first && range.last == wait->range.last;
}

/* At a phone's width the range is in the bottom bar, the header's hidden:
 * both show one range, chosen in either. */
static void
test_narrow (void)
{
  HubWindow *window;
  GtkWidget *cards;
  HubRangePicker *narrow;

  hub_test_set_preset (HUB_RANGE_ALL);
  window = hub_test_open_window ("fixture.csv", 360, 640);
  cards = GTK_WIDGET (hub_window_get_cards (window));
  narrow = window->narrow_range_picker;
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (narrow)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->range_picker)));
  g_assert_cmpstr (label_of (narrow), ==, "All Time");

  choose_preset (window, 0);
  g_assert_cmpstr (label_of (narrow), ==, "Last 7 Days");
  step (window, -1);
  g_assert_cmpstr (label_of (narrow), ==, "8 Nov – 14 Nov 2026");
  /* Compact cards: short forms. */
  assert_label (cards, "downloads-value", "1.0 K");

  /* Days picked on the bottom bar's calendar. */
  hub_range_picker_set_range (narrow, HUB_RANGE_CUSTOM,
                              (HubRange) { hub_day_from_ymd (2026, 10, 1), hub_day_from_ymd (2026, 10, 10) });
  hub_test_wait_frames (3);
  g_assert_cmpstr (picker_label (window), ==, "1 Oct – 10 Oct 2026");
  g_assert_cmpint (hub_window_get_span (window)->preset, ==, HUB_RANGE_CUSTOM);
  assert_label (cards, "downloads-value", "550");
  hub_test_close_window (window);
}

/* The dialog takes the focus once it has opened. */
static gboolean
focus_in_dialog (gpointer data)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (data);
  GtkWidget *focus = gtk_root_get_focus (data);

  return dialog != NULL && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (dialog));
}

/* The keys: Alt+1 … Alt+8 and Alt+Page Up, Alt+Page Down in the window;
 * with the Insights dialog open, the same keys move its range and leave
 * the window's alone; Alt+Left is back navigation, not a step. */
static void
test_keys (void)
{
  HubDay as_of = hub_day_from_ymd (2026, 11, 21);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  HubWindow *window;
  RangeWait wait;

  if (xdotool == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("No xdotool, or not on X11: keys cannot be pressed");
      return;
    }
  hub_test_set_preset (HUB_RANGE_ALL);
  window = hub_test_open_window ("fixture.csv", 1300, 860);
  wait.window = window;

  press (window, "alt+1");
  wait.range = (HubRange) { as_of - 6, as_of };
  hub_test_wait_for (range_is, &wait, 20, "the last 7 days on Alt+1");
  press (window, "alt+Prior");
  wait.range = (HubRange) { as_of - 13, as_of - 7 };
  hub_test_wait_for (range_is, &wait, 20, "the 7 days before on Alt+Page Up");
  press (window, "alt+Left");
  press (window, "alt+Next");
  wait.range = (HubRange) { as_of - 6, as_of };
  hub_test_wait_for (range_is, &wait, 20, "the last 7 days again on Alt+Page Down");
  press (window, "alt+Left");
  hub_test_wait_frames (6);
  g_assert_true (range_is (&wait));

  /* The Insights dialog, on Ctrl+I, opens on the last 30 days; Alt+3 is
   * its own: its last 90 days, the window's 7 stay. */
  press (window, "ctrl+i");
  wait.range = (HubRange) { as_of - 29, as_of };
  hub_test_wait_for (dialog_range_is, &wait, 20, "the Insights dialog on the last 30 days");
  hub_test_wait_for (focus_in_dialog, window, 20, "the focus in the Insights dialog");
  press (window, "alt+3");
  wait.range = (HubRange) { as_of - 89, as_of };
  hub_test_wait_for (dialog_range_is, &wait, 20, "the dialog's last 90 days on Alt+3");
  press (window, "alt+Prior");
  wait.range = (HubRange) { as_of - 179, as_of - 90 };
  hub_test_wait_for (dialog_range_is, &wait, 20, "the dialog's 90 days before on Alt+Page Up");
  wait.range = (HubRange) { as_of - 6, as_of };
  g_assert_true (range_is (&wait));
  g_assert_cmpint (hub_window_get_span (window)->preset, ==, HUB_RANGE_LAST_7_DAYS);

  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  hub_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A real settings backend: a keyfile in a private folder. */
  config_dir = g_dir_make_tmp ("hub-range-config-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/range/presets-and-steps", test_presets_and_steps);
  g_test_add_func ("/ui/range/chart-narrowed", test_chart_narrowed);
  g_test_add_func ("/ui/range/export-custom-range", test_export_custom_range);
  g_test_add_func ("/ui/range/per-source", test_per_source);
  g_test_add_func ("/ui/range/narrow", test_narrow);
  g_test_add_func ("/ui/range/keys", test_keys);

  status = g_test_run ();
  {
    g_autofree char *settings_dir = g_build_filename (config_dir, "glib-2.0", "settings", NULL);
    g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
    g_autofree char *glib_dir = g_build_filename (config_dir, "glib-2.0", NULL);

    g_remove (keyfile);
    g_rmdir (settings_dir);
    g_rmdir (glib_dir);
    g_rmdir (config_dir);
  }
  g_free (config_dir);
  return status;
}
