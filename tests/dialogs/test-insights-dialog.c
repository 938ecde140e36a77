/* test-insights-dialog.c: the insights of a source: ranges and their comparison, movers, notes, badges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "badge-reader.h"

#include "hub-chart.h"
#include "hub-compare-chart.h"
#include "hub-history.h"
#include "hub-insights-dialog.h"
#include "hub-ui-test-util.h"

static HubSource *
make_source (void)
{
  g_autoptr(HubDataset) dataset = hub_test_insights_dataset (TRUE);
  g_autoptr(GDateTime) fetched = g_date_time_new_utc (2026, 11, 22, 6, 0, 0);

  return hub_source_new_for_organization ("aurora", "Aurora Labs", dataset, fetched);
}

static void
assert_range (HubRange    range,
              const char *first,
              const char *last)
{
  char a[HUB_DAY_ISO_LEN], b[HUB_DAY_ISO_LEN];

  hub_day_format (range.first, a);
  hub_day_format (range.last, b);
  g_assert_cmpstr (a, ==, first);
  g_assert_cmpstr (b, ==, last);
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  hub_test_wait_frames (6);
  texture = hub_test_render (GTK_WIDGET (window));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
close_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  for (int i = 0; i < 1000 && weak != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}

static void
activate (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  /* The action does not take a floating parameter's reference. */
  g_autoptr(GVariant) owned = g_variant_ref_sink (parameter);

  g_assert_true (gtk_widget_activate_action_variant (widget, action, owned));
}

/* The change under the downloads in the cards' and the table's colours:
 * a rise green, a fall red, neither for none. */
static void
assert_change_style (HubInsightsDialog *dialog)
{
  GtkWidget *caption = hub_test_find_named (GTK_WIDGET (dialog), "insights-downloads-caption");
  const char *text = gtk_label_get_label (GTK_LABEL (caption));

  g_test_message ("change: %s", text);
  g_assert_cmpint (gtk_widget_has_css_class (caption, "success"), ==,
                   g_str_has_prefix (text, "+") || g_str_has_prefix (text, "new"));
  g_assert_cmpint (gtk_widget_has_css_class (caption, "error"), ==, g_str_has_prefix (text, "−"));
}

/* The presets, the arrows and the comparison, through the dialog's actions. */
static void
test_ranges (void)
{
  g_autoptr(HubSource) source = make_source ();
  HubInsightsDialog *dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  GtkWindow *window = hub_test_present_dialog (GTK_WIDGET (dialog), 1000, 900);
  HubDay first, last;

  hub_test_wait_frames (2);
  /* Opens on the last 30 days, against the 30 starting five weeks earlier. */
  assert_range (hub_insights_dialog_get_range (dialog), "2026-10-23", "2026-11-21");
  assert_range (hub_insights_dialog_get_compared (dialog), "2026-09-18", "2026-10-17");
  hub_chart_get_span (HUB_CHART (hub_insights_dialog_get_chart (dialog)), &first, &last);
  g_assert_cmpint (first, ==, hub_day_from_ymd (2026, 10, 23));
  assert_change_style (dialog);

  activate (GTK_WIDGET (dialog), "insights.preset", g_variant_new_int32 (0));
  assert_range (hub_insights_dialog_get_range (dialog), "2026-11-15", "2026-11-21");
  activate (GTK_WIDGET (dialog), "insights.step", g_variant_new_int32 (-1));
  assert_range (hub_insights_dialog_get_range (dialog), "2026-11-08", "2026-11-14");
  assert_range (hub_insights_dialog_get_compared (dialog), "2026-11-01", "2026-11-07");

  activate (GTK_WIDGET (dialog), "insights.preset", g_variant_new_int32 (4));
  assert_range (hub_insights_dialog_get_range (dialog), "2026-10-01", "2026-10-31");
  activate (GTK_WIDGET (dialog), "insights.step", g_variant_new_int32 (-1));
  assert_range (hub_insights_dialog_get_range (dialog), "2026-09-01", "2026-09-30");

  hub_insights_dialog_set_comparison (dialog, HUB_COMPARISON_YEAR);
  assert_range (hub_insights_dialog_get_compared (dialog), "2025-09-01", "2025-09-30");
  assert_change_style (dialog);
  hub_insights_dialog_set_comparison (dialog, HUB_COMPARISON_PREVIOUS);

  /* Alt+3 is the last 90 days. */
  activate (GTK_WIDGET (dialog), "insights.preset", g_variant_new_int32 (2));
  assert_range (hub_insights_dialog_get_range (dialog), "2026-08-24", "2026-11-21");

  adw_dialog_force_close (ADW_DIALOG (dialog));
  close_window (window);
}

/* A custom range from two days clicked on the calendar, in either order;
 * the screenshots of it with the weekday comparison. */
static void
test_custom_range (void)
{
  g_autoptr(HubSource) source = make_source ();
  HubInsightsDialog *dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  GtkWindow *window = hub_test_present_dialog (GTK_WIDGET (dialog), 1000, 1100);
  GtkCalendar *calendar = GTK_CALENDAR (hub_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_CALENDAR));
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 11, 14, 0, 0, 0);
  g_autoptr(GDateTime) earlier = g_date_time_new_utc (2026, 10, 27, 0, 0, 0);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_assert_nonnull (calendar);
  gtk_calendar_select_day (calendar, later);
  gtk_calendar_select_day (calendar, earlier);
  assert_range (hub_insights_dialog_get_range (dialog), "2026-10-27", "2026-11-14");
  /* 19 days: compared with the 19 starting three weeks earlier, a Tuesday too. */
  assert_range (hub_insights_dialog_get_compared (dialog), "2026-10-06", "2026-10-24");
  g_assert_cmpuint (hub_insights_dialog_get_n_movers (dialog), >, 0);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_screenshot (window, "insights-custom-light.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (window, "insights-custom-dark.png");
  gtk_window_set_default_size (window, 360, 900);
  save_screenshot (window, "insights-custom-narrow-dark.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  adw_dialog_force_close (ADW_DIALOG (dialog));
  close_window (window);
}

/* The Remove button of the note listed with text as its title. */
static GtkWidget *
note_remove_button (GtkWidget  *dialog,
                    const char *text)
{
  GtkWidget *list = hub_test_find_named (dialog, "notes");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) == 0)
      return hub_test_find_type (row, GTK_TYPE_BUTTON);
  return NULL;
}

/* A note added is kept in the history, listed and drawn on the chart; an
 * empty one is refused and nothing is kept; its row's button removes it. */
static void
test_notes (void)
{
  g_autoptr(HubSource) source = make_source ();
  HubInsightsDialog *dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  GtkWindow *window = hub_test_present_dialog (GTK_WIDGET (dialog), 1000, 900);
  HubChart *chart = HUB_CHART (hub_insights_dialog_get_chart (dialog));
  g_autoptr(GError) error = NULL;
  guint before = hub_insights_dialog_get_n_notes (dialog);
  guint layers = hub_chart_get_n_layers (chart);
  HubDayMarkLayer *marks;

  g_assert_false (hub_insights_dialog_add_note (dialog, hub_day_from_ymd (2026, 11, 3), "  ", &error));
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (hub_insights_dialog_get_n_notes (dialog), ==, before);

  g_assert_true (hub_insights_dialog_add_note (dialog, hub_day_from_ymd (2026, 11, 3), "v2 released",
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hub_insights_dialog_get_n_notes (dialog), ==, before + 1);
  marks = HUB_DAY_MARK_LAYER (hub_chart_get_layer (chart, hub_chart_get_n_layers (chart) - 1));
  g_assert_true (HUB_IS_DAY_MARK_LAYER (marks));
  g_assert_cmpuint (hub_chart_get_n_layers (chart), >=, layers);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < hub_day_mark_layer_get_n_marks (marks); i++)
      {
        HubDayMark mark;

        hub_day_mark_layer_get_mark (marks, i, &mark);
        found |= mark.kind == HUB_DAY_MARK_NOTE && g_strcmp0 (mark.label, "v2 released") == 0;
      }
    g_assert_true (found);
  }
  save_screenshot (window, "insights-notes-light.png");

  /* A new dialog reads it back from the history. */
  adw_dialog_force_close (ADW_DIALOG (dialog));
  dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  g_assert_cmpuint (hub_insights_dialog_get_n_notes (dialog), ==, before + 1);

  /* Removed by its row's button: gone from the list and from the next dialog. */
  {
    GtkWidget *remove = note_remove_button (GTK_WIDGET (dialog), "v2 released");

    g_assert_nonnull (remove);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove the Note");
    g_signal_emit_by_name (remove, "clicked");
    g_assert_cmpuint (hub_insights_dialog_get_n_notes (dialog), ==, before);
    g_assert_null (note_remove_button (GTK_WIDGET (dialog), "v2 released"));
  }
  adw_dialog_force_close (ADW_DIALOG (dialog));
  dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  g_assert_cmpuint (hub_insights_dialog_get_n_notes (dialog), ==, before);
  adw_dialog_force_close (ADW_DIALOG (dialog));
  close_window (window);
}

/* The organisation's badge and its Markdown, for each figure and variant
 * chosen; the choice is kept for the next dialog (and a repository's page). */
static void
test_badge (void)
{
  static const struct {
    const char     *figure;
    HubBadgeFigure  value;
    const char     *label;
    const char     *file;
  } figures[] = {
    { "month", HUB_BADGE_LAST_30_DAYS, "downloads/month", "aurora-downloads" },
    { "all-time", HUB_BADGE_ALL_TIME, "downloads", "aurora-downloads-all-time" },
    { "this-month", HUB_BADGE_THIS_MONTH, "downloads this month", "aurora-downloads-this-month" },
  };
  g_autoptr(HubSource) source = make_source ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HubInsightsDialog *dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  GtkWindow *window = hub_test_present_dialog (GTK_WIDGET (dialog), 1000, 900);
  HubDataset *dataset = hub_source_get_dataset (source);
  AdwToggleGroup *figure_toggles = ADW_TOGGLE_GROUP (hub_test_find_named (GTK_WIDGET (dialog),
                                                                          "badge-figure-toggles"));
  AdwToggleGroup *variant_toggles = ADW_TOGGLE_GROUP (hub_test_find_named (GTK_WIDGET (dialog),
                                                                           "badge-variant-toggles"));
  gint64 counts[3];

  /* Three different numbers, so that a wrong figure shows. */
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    counts[i] = hub_badge_count (dataset, hub_dataset_get_overall (dataset), figures[i].value);
  g_assert_cmpint (counts[0], !=, counts[1]);
  g_assert_cmpint (counts[0], !=, counts[2]);
  g_assert_cmpint (counts[1], !=, counts[2]);
  g_assert_cmpint (counts[1], ==, hub_dataset_get_totals (dataset)->all_time);

  g_assert_cmpstr (adw_toggle_group_get_active_name (figure_toggles), ==, "month");
  for (guint v = 0; v < 2; v++)
    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      {
        g_autofree char *number = hub_badge_format_count (counts[i]);
        g_autoptr(HubBadgeSpec) spec = NULL;
        g_autofree char *svg = NULL;
        g_autofree char *markdown = NULL;
        g_autofree char *expected = NULL;
        g_autofree char *label = NULL;
        g_autofree char *value = NULL;

        adw_toggle_group_set_active_name (variant_toggles, v == 0 ? "light" : "dark");
        adw_toggle_group_set_active_name (figure_toggles, figures[i].figure);
        g_assert_cmpint (g_settings_get_enum (settings, "badge-figure"), ==, figures[i].value);
        spec = hub_insights_dialog_dup_badge (dialog);
        svg = hub_badge_spec_dup_svg (spec);
        badge_reader_read (svg, &label, &value);
        g_assert_cmpstr (label, ==, figures[i].label);
        g_assert_cmpstr (value, ==, number);
        /* The dark variant's light label. */
        g_assert_true ((strstr (svg, "#e1e4e8") != NULL) == (v == 1));

        markdown = hub_badge_spec_dup_markdown (spec);
        expected = g_strdup_printf ("[![%s: %s](%s%s.svg)](https://huggingface.co/aurora)",
                                    figures[i].label, number, figures[i].file, v == 1 ? "-dark" : "");
        g_assert_cmpstr (markdown, ==, expected);
      }
  adw_toggle_group_set_active_name (figure_toggles, "all-time");

  /* Copy Badge as Markdown puts the badge chosen on the clipboard. */
  {
    g_autoptr(HubBadgeSpec) spec = hub_insights_dialog_dup_badge (dialog);
    g_autofree char *markdown = hub_badge_spec_dup_markdown (spec);
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));
    g_auto(GValue) copied = G_VALUE_INIT;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "insights.copy-badge", NULL));
    g_value_init (&copied, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &copied,
                                                   NULL));
    g_assert_cmpstr (g_value_get_string (&copied), ==, markdown);
    g_assert_nonnull (strstr (markdown, "-all-time-dark.svg"));
  }
  adw_dialog_force_close (ADW_DIALOG (dialog));

  /* Remembered: the next dialog opens on all time, dark. */
  dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  figure_toggles = ADW_TOGGLE_GROUP (hub_test_find_named (GTK_WIDGET (dialog), "badge-figure-toggles"));
  variant_toggles = ADW_TOGGLE_GROUP (hub_test_find_named (GTK_WIDGET (dialog), "badge-variant-toggles"));
  g_assert_cmpstr (adw_toggle_group_get_active_name (figure_toggles), ==, "all-time");
  g_assert_cmpstr (adw_toggle_group_get_active_name (variant_toggles), ==, "dark");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_settings_reset (settings, "badge-figure");
  g_settings_reset (settings, "badge-variant");
  close_window (window);
}

/* Six repositories indexed to 100 at the range's start, on one chart, as PNG. */
static void
test_compare (void)
{
  g_autoptr(HubSource) source = make_source ();
  HubInsightsDialog *dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  GtkWindow *window = hub_test_present_dialog (GTK_WIDGET (dialog), 1000, 1100);
  HubCompareChart *chart = HUB_COMPARE_CHART (hub_insights_dialog_get_compare_chart (dialog));
  HubDataset *dataset = hub_source_get_dataset (source);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "compare.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (png);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  const HubCompareTable *table;
  guint indexes[6];
  GdkRGBA first, second;

  g_assert_cmpuint (hub_dataset_get_n_repos (dataset), ==, 6);
  /* At first the busiest six of the range. */
  table = hub_compare_chart_get_table (chart);
  g_assert_cmpuint (table->n_series, ==, 6);
  g_assert_cmpint (table->mode, ==, HUB_COMPARE_ABSOLUTE);

  for (guint i = 0; i < 6; i++)
    indexes[i] = i;
  hub_insights_dialog_set_compare (dialog, indexes, 6, HUB_COMPARE_INDEXED);
  table = hub_compare_chart_get_table (chart);
  g_assert_cmpint (table->mode, ==, HUB_COMPARE_INDEXED);
  g_assert_cmpuint (table->n_points, ==, 30);
  for (guint s = 0; s < table->n_series; s++)
    if (!isnan (hub_compare_value (table, s, 0)))
      g_assert_cmpfloat (hub_compare_value (table, s, 0), ==, 100);

  hub_compare_chart_get_color (chart, 0, &first);
  hub_compare_chart_get_color (chart, 1, &second);
  g_assert_false (gdk_rgba_equal (&first, &second));

  /* The comparison in view, for the pictures. */
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (chart),
                                                                                 GTK_TYPE_SCROLLED_WINDOW));
    GtkWidget *viewport = gtk_scrolled_window_get_child (scrolled);
    GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (chart), content, &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), at.y - 160);
  }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  hub_test_wait_frames (4);
  g_assert_true (hub_compare_chart_save_png (chart, file, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * gtk_widget_get_width (GTK_WIDGET (chart)));
  g_test_message ("comparison: %s", png);
  save_screenshot (window, "insights-compare-light.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (window, "insights-compare-dark.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  adw_dialog_force_close (ADW_DIALOG (dialog));
  close_window (window);
}

static gboolean
two_authors_loaded (gpointer data)
{
  return hub_insights_dialog_get_n_authors (HUB_INSIGHTS_DIALOG (data)) == 2;
}

/* Followed authors beside repositories: their estimated daily downloads,
 * in each mode, labelled as estimates, in the CSV with the range's notes. */
static void
test_compare_authors (void)
{
  g_autoptr(HubSource) source = make_source ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HubInsightsDialog *dialog;
  GtkWindow *window;
  HubCompareChart *chart;
  const HubCompareTable *table;
  const guint indexes[] = { 0, 1, 2, 3 };
  const char *authors[] = { "lumen", "quill", NULL };
  HubDay nov_10 = hub_day_from_ymd (2026, 11, 10);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "compare-authors.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (png);
  guint p10;

  hub_test_save_author_snapshots ();
  g_settings_set_strv (settings, "followed-authors", (const char *[]) { "lumen", "quill", "nobody", NULL });
  dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  window = hub_test_present_dialog (GTK_WIDGET (dialog), 1000, 1100);
  chart = HUB_COMPARE_CHART (hub_insights_dialog_get_compare_chart (dialog));
  /* "nobody" has no snapshots: not offered. */
  hub_test_wait_for (two_authors_loaded, dialog, 30, "the followed authors' snapshots");

  hub_insights_dialog_set_compare (dialog, indexes, G_N_ELEMENTS (indexes), HUB_COMPARE_ABSOLUTE);
  hub_insights_dialog_set_compared_authors (dialog, authors);
  table = hub_compare_chart_get_table (chart);
  g_assert_cmpuint (table->n_series, ==, 6);
  g_assert_cmpstr (table->labels[4], ==, "lumen (estimated)");
  g_assert_cmpstr (table->labels[5], ==, "quill (estimated)");
  g_assert_cmpstr (table->columns[4], ==, "author:lumen (estimated)");
  g_assert_cmpuint (table->n_points, ==, 30);
  p10 = hub_compare_point_of_day (table, nov_10);
  g_assert_cmpint (table->starts[p10], ==, nov_10);
  for (guint p = 0; p < table->n_points; p++)
    {
      g_assert_cmpfloat (hub_compare_value (table, 4, p), ==, 700);
      g_assert_cmpfloat (hub_compare_value (table, 5, p), ==, p < p10 ? 300 : 600);
    }

  hub_insights_dialog_set_compare (dialog, indexes, G_N_ELEMENTS (indexes), HUB_COMPARE_INDEXED);
  table = hub_compare_chart_get_table (chart);
  g_assert_cmpuint (table->n_series, ==, 6);
  g_assert_cmpfloat (hub_compare_value (table, 4, table->n_points - 1), ==, 100);
  g_assert_cmpfloat (hub_compare_value (table, 5, 0), ==, 100);
  g_assert_cmpfloat (hub_compare_value (table, 5, p10), ==, 200);

  hub_insights_dialog_set_compare (dialog, indexes, G_N_ELEMENTS (indexes), HUB_COMPARE_SHARE);
  table = hub_compare_chart_get_table (chart);
  for (guint p = 0; p < table->n_points; p++)
    {
      double sum = 0;

      for (guint s = 0; s < table->n_series; s++)
        sum += hub_compare_value (table, s, p);
      g_assert_cmpfloat_with_epsilon (sum, 1, 1e-9);
    }

  /* A note of the range goes with the comparison: the CSV, the chart. */
  g_assert_true (hub_insights_dialog_add_note (dialog, nov_10, "Paper accepted", &error));
  g_assert_no_error (error);
  hub_insights_dialog_set_compare (dialog, indexes, G_N_ELEMENTS (indexes), HUB_COMPARE_ABSOLUTE);
  table = hub_compare_chart_get_table (chart);
  g_assert_cmpuint (table->n_series, ==, 6);
  g_assert_true (hub_compare_write_csv (table, out, NULL, &error));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), "\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], ",author:lumen (estimated),author:quill (estimated),notes"));
  g_assert_true (g_str_has_prefix (lines[1 + p10], "2026-11-10,"));
  g_assert_true (g_str_has_suffix (lines[1 + p10], ",700,600,2026-11-10 Paper accepted"));
  g_assert_true (g_str_has_suffix (lines[p10], ",700,300,"));

  hub_test_wait_frames (4);
  g_assert_true (hub_compare_chart_save_png (chart, file, &error));
  g_assert_no_error (error);
  g_test_message ("comparison with authors: %s", png);
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (chart),
                                                                                 GTK_TYPE_SCROLLED_WINDOW));
    GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (scrolled)));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (chart), content, &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), at.y - 200);
  }
  save_screenshot (window, "insights-compare-authors-light.png");

  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_settings_reset (settings, "followed-authors");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/dialogs/insights/ranges", test_ranges);
  g_test_add_func ("/dialogs/insights/custom-range", test_custom_range);
  g_test_add_func ("/dialogs/insights/notes", test_notes);
  g_test_add_func ("/dialogs/insights/badge", test_badge);
  g_test_add_func ("/dialogs/insights/compare", test_compare);
  g_test_add_func ("/dialogs/insights/compare-authors", test_compare_authors);

  return g_test_run ();
}
