/* screenshots.c: pictures of the window for a person to look at
 *
 * Not a test: build-aux/test.sh runs it after the tests, and it writes PNG
 * files into the folder it is given. Each state of the window (welcome,
 * loading, dashboard, the repository beside or over the table, a banner,
 * the sign-in dialog) at a phone's size (360 × 640), a laptop's (1024 × 768)
 * and a wide screen's (1920 × 1080), in light and dark. With --german MO, the
 * same in German from that compiled catalogue. With HUB_SCREENSHOTS=insights
 * in the environment, only the pictures of the Insights (issue 14).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "fake-hub.h"
#include "hub-compare-chart.h"
#include "hub-history.h"
#include "hub-import-dialog.h"
#include "hub-insights-dialog.h"
#include "hub-repo-detail.h"
#include "hub-report.h"
#include "hub-net.h"
#include "hub-sign-in-dialog.h"
#include "hub-ui-test-util.h"
#include "hub-window-private.h"
#include "hub-window-public.h"

static const char *out_dir;
static gboolean only_insights;   /* HUB_SCREENSHOTS=insights: the Insights' pictures alone */
static FakeHub *hub;
static const char *prefix = "";
static guint saved;

static const struct {
  const char *name;
  int         width;
  int         height;
} sizes[] = {
  { "360x640", 360, 640 },
  { "1024x768", 1024, 768 },
  { "1920x1080", 1920, 1080 },
};

static const struct {
  const char     *name;
  AdwColorScheme  scheme;
} schemes[] = {
  { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
  { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
};

static void
save (HubWindow  *window,
      const char *state,
      const char *size,
      const char *scheme)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = g_strdup_printf ("%s%s-%s-%s.png", prefix, state, size, scheme);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);

  /* A picture program, not a test: let animations and layout finish. */
  hub_test_wait_frames (25);
  texture = hub_test_render (GTK_WIDGET (window));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
  saved++;
}

static HubWindow *
open_demo (int width,
           int height)
{
  HubWindow *window = hub_test_open_window (NULL, width, height);

  hub_window_open_demo (window);
  hub_test_wait_loaded (window);
  return window;
}

static gboolean
not_loading (gpointer data)
{
  return !hub_window_get_loading (HUB_WINDOW (data));
}

static gboolean
import_shown (gpointer data)
{
  return HUB_IS_IMPORT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (data)));
}

static gboolean
no_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (data)) == NULL;
}

/* An author's public view from the test Hub: snapshots a week apart over
 * two months, so that the chart draws estimates; then the same view as an
 * organisation's fallback when its plan has no breakdown, and the preview
 * of a folder of community snapshots. */
static void
shoot_public (guint size,
              guint scheme)
{
  const char *size_name = sizes[size].name;
  const char *scheme_name = schemes[scheme].name;
  g_autoptr(GError) refusal = g_error_new_literal (HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN,
                                                   "refused");
  g_autoptr(GFile) folder = g_file_new_for_path (SNAPSHOTS_DIR);
  HubWindow *window = hub_test_open_window (NULL, sizes[size].width, sizes[size].height);
  HubDay first = hub_day_from_ymd (2026, 9, 20);

  for (guint week = 0; week <= 9; week++)
    {
      hub_window_set_today (window, first + week * 7);
      hub_window_open_author (window, "aurora");
      hub_test_wait_for (not_loading, window, 30, "a snapshot of aurora");
    }
  save (window, "public", size_name, scheme_name);
  /* Six weeks of estimated days, summed on the downloads card. */
  hub_range_picker_set_range (size == 0 ? window->narrow_range_picker : window->range_picker,
                              HUB_RANGE_CUSTOM, (HubRange) { first + 14, first + 55 });
  save (window, "public-range", size_name, scheme_name);
  hub_range_picker_set_preset (size == 0 ? window->narrow_range_picker : window->range_picker,
                               HUB_RANGE_LAST_30_DAYS);
  g_signal_emit_by_name (hub_window_get_public_view (window), "repo-activated", 0);
  save (window, "public-detail", size_name, scheme_name);
  adw_navigation_split_view_set_show_content (window->split_view, FALSE);

  hub_window_fall_back_to_public (window, "aurora", refusal);
  hub_test_wait_for (not_loading, window, 30, "aurora's fallback");
  save (window, "plan-refused", size_name, scheme_name);

  hub_window_import_folder (window, folder);
  hub_test_wait_for (import_shown, window, 30, "the import preview");
  save (window, "import-preview", size_name, scheme_name);
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  hub_test_wait_for (no_dialog, window, 10, "the import preview to close");
  hub_test_close_window (window);
}

/* Request logs alone: a repository of the Audience view opens a page of
 * its figures in the logs, with no chart of the Hub's downloads. */
static void
shoot_logs_repo (guint size,
                 guint scheme)
{
  const char *size_name = sizes[size].name;
  const char *scheme_name = schemes[scheme].name;
  const char *names[] = { "day-1.csv", "day-2.jsonl" };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  HubWindow *window = hub_test_open_window (NULL, sizes[size].width, sizes[size].height);
  GtkWidget *row;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (LOGS_DIR, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  hub_window_open_files (window, G_LIST_MODEL (files));
  hub_test_wait_loaded (window);
  row = hub_test_find_named (GTK_WIDGET (window->audience), "repo-model/acme/acme-phi-small-0");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  save (window, "logs-repo", size_name, scheme_name);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (window->logs_repo_box),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save (window, "logs-repo-end", size_name, scheme_name);
  }
  hub_test_close_window (window);
}

/* A window of any kind (a dialog's parent) as state-size-scheme.png. */
static void
save_window (GtkWindow  *window,
             const char *state,
             const char *size,
             const char *scheme)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = g_strdup_printf ("%s%s-%s-%s.png", prefix, state, size, scheme);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);

  hub_test_wait_frames (25);
  texture = hub_test_render (GTK_WIDGET (window));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
  saved++;
}

/* Scrolls the page that holds target so that target starts `above` pixels
 * below the page's top. */
static void
scroll_to (GtkWidget *target,
           double     above)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (target,
                                                                               GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_point_t at;

  GtkWidget *content = gtk_scrolled_window_get_child (scroller);

  /* The viewport's child: the page as laid out, not as scrolled. */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  hub_test_wait_frames (2);
  g_assert_true (gtk_widget_compute_point (target, content, &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (adjustment, at.y - above);
}

/* The report's first (and only) page, as its PNG is written: A4, light
 * whatever the desktop's style, so once a language. */
static void
shoot_report (HubSource *source,
              HubRange   range,
              GPtrArray *notes)
{
  g_autoptr(GDateTime) made = g_date_time_new_utc (2026, 11, 22, 7, 30, 0);
  g_autofree char *name = g_strdup_printf ("%sreport-first-page.png", prefix);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  HubReport report = { hub_source_get_dataset (source), hub_source_get_title (source), range,
                       HUB_COMPARISON_PREVIOUS, notes, made };

  if (!hub_report_write (&report, path, HUB_REPORT_PNG, &error))
    g_error ("%s", error->message);
  g_print ("%s\n", path);
  saved++;
}

static gboolean authors_saved;

static gboolean
authors_loaded (gpointer dialog)
{
  return hub_insights_dialog_get_n_authors (HUB_INSIGHTS_DIALOG (dialog)) == 2;
}

/* Issue 14's Insights: a custom range compared by weekday (with the next
 * milestone's projection and a spike on the chart), the chart's notes,
 * Movers, six repositories indexed, four and two followed authors, a
 * milestone passed on the whole
 * range's chart, the badge in its light and dark variants; the report. */
static void
shoot_insights (guint size,
                guint scheme)
{
  const char *size_name = sizes[size].name;
  const char *scheme_name = schemes[scheme].name;
  g_autoptr(HubDataset) dataset = hub_test_insights_dataset (TRUE);
  g_autoptr(GDateTime) fetched = g_date_time_new_utc (2026, 11, 22, 6, 0, 0);
  g_autoptr(HubSource) source = hub_source_new_for_organization ("aurora", "Aurora Labs", dataset, fetched);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HubInsightsDialog *dialog;
  GtkWindow *window;
  HubRange custom = { hub_day_from_ymd (2026, 10, 27), hub_day_from_ymd (2026, 11, 14) };
  const guint six[] = { 0, 1, 2, 3, 4, 5 };
  GtkWidget *chart;

  /* Two followed authors with a history (saved once): followed while the
   * dialog reads them, and no longer for the window's pictures after. */
  if (!authors_saved)
    hub_test_save_author_snapshots ();
  authors_saved = TRUE;
  g_settings_set_strv (settings, "followed-authors", (const char *[]) { "lumen", "quill", NULL });
  dialog = HUB_INSIGHTS_DIALOG (hub_insights_dialog_new (source, NULL));
  window = hub_test_present_dialog (GTK_WIDGET (dialog), sizes[size].width, sizes[size].height);
  g_settings_reset (settings, "followed-authors");
  chart = hub_insights_dialog_get_chart (dialog);

  /* Two notes of the organisation, kept in the history from one size to the next. */
  if (hub_insights_dialog_get_n_notes (dialog) == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!hub_insights_dialog_add_note (dialog, hub_day_from_ymd (2026, 11, 3), "Version 2 released", &error) ||
          !hub_insights_dialog_add_note (dialog, hub_day_from_ymd (2026, 11, 10), "Paper accepted", &error))
        g_error ("%s", error->message);
    }
  /* The custom range as a user picks it: two days on the calendar. */
  {
    GtkCalendar *calendar = GTK_CALENDAR (hub_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_CALENDAR));
    g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 11, 14, 0, 0, 0);
    g_autoptr(GDateTime) earlier = g_date_time_new_utc (2026, 10, 27, 0, 0, 0);

    hub_insights_dialog_set_comparison (dialog, HUB_COMPARISON_PREVIOUS);
    gtk_calendar_select_day (calendar, later);
    gtk_calendar_select_day (calendar, earlier);
    g_assert_true (hub_insights_dialog_get_range (dialog).first == custom.first &&
                   hub_insights_dialog_get_range (dialog).last == custom.last);
  }
  save_window (window, "insights-custom", size_name, scheme_name);
  scroll_to (chart, 60);
  save_window (window, "insights-chart", size_name, scheme_name);
  scroll_to (hub_test_find_named (GTK_WIDGET (dialog), "movers"), 60);
  save_window (window, "insights-movers", size_name, scheme_name);
  /* The notes' rows, each with its Remove button (one row as on a repository's page). */
  scroll_to (hub_test_find_named (GTK_WIDGET (dialog), "notes"), 60);
  save_window (window, "insights-notes", size_name, scheme_name);

  hub_insights_dialog_set_compare (dialog, six, G_N_ELEMENTS (six), HUB_COMPARE_INDEXED);
  scroll_to (hub_insights_dialog_get_compare_chart (dialog), 160);
  save_window (window, "insights-compare-indexed", size_name, scheme_name);

  /* Four repositories and two followed authors' estimates, indexed. */
  hub_insights_dialog_set_compare (dialog, six, 4, HUB_COMPARE_INDEXED);
  hub_test_wait_for (authors_loaded, dialog, 30, "the followed authors' snapshots");
  hub_insights_dialog_set_compared_authors (dialog, (const char *[]) { "lumen", "quill", NULL });
  scroll_to (hub_insights_dialog_get_compare_chart (dialog), 160);
  save_window (window, "insights-compare-authors", size_name, scheme_name);
  hub_insights_dialog_set_compared_authors (dialog, NULL);

  for (guint variant = 0; variant < 2; variant++)
    {
      g_settings_set_enum (settings, "badge-variant", variant == 0 ? HUB_BADGE_LIGHT : HUB_BADGE_DARK);
      scroll_to (hub_test_find_named (GTK_WIDGET (dialog), "badge"), 200);
      save_window (window, variant == 0 ? "insights-badge-light" : "insights-badge-dark",
                   size_name, scheme_name);
    }
  g_settings_reset (settings, "badge-variant");

  /* The whole range: the milestones passed marked on the chart. */
  hub_insights_dialog_set_preset (dialog, HUB_RANGE_ALL);
  scroll_to (chart, 200);
  save_window (window, "insights-milestone", size_name, scheme_name);

  /* Once a language: the first size, light (German has one size). */
  if (scheme == 0 && (size == 0 || prefix[0] != '\0'))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HubHistory) history = hub_history_open (NULL, &error);
      g_autoptr(GPtrArray) notes = history != NULL
        ? hub_history_list_notes (history, hub_source_get_id (source), NULL, NULL, &error) : NULL;

      if (notes == NULL)
        g_error ("%s", error->message);
      shoot_report (source, custom, notes);
    }

  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (window);

  /* A repository's own chart: aurora/corpus's spike of 12 Nov marked on it. */
  {
    GtkWidget *detail = hub_repo_detail_new ();
    const HubRepo *corpus = hub_dataset_find_repo (dataset, "dataset", "aurora/corpus");
    guint index = 0;

    while (hub_dataset_get_repo (dataset, index) != corpus)
      index++;
    window = GTK_WINDOW (adw_window_new ());
    adw_window_set_content (ADW_WINDOW (window), detail);
    gtk_window_set_default_size (window, sizes[size].width, sizes[size].height);
    gtk_window_present (window);
    hub_repo_detail_set_repo (HUB_REPO_DETAIL (detail), dataset, index, NULL);
    scroll_to (hub_repo_detail_get_chart (HUB_REPO_DETAIL (detail)), 60);
    save_window (window, "repo-spike", size_name, scheme_name);
    gtk_window_destroy (window);
  }
}

static void
shoot_size (guint size,
            guint scheme)
{
  const char *size_name = sizes[size].name;
  const char *scheme_name = schemes[scheme].name;
  g_autoptr(GError) offline = g_error_new_literal (HUB_NET_ERROR, HUB_NET_ERROR_OFFLINE,
                                                   "offline");
  HubWindow *window;
  GtkWidget *dialog;
  GtkWindow *dialog_parent;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme].scheme);
  shoot_insights (size, scheme);
  if (only_insights)
    return;

  window = hub_test_open_window (NULL, sizes[size].width, sizes[size].height);
  save (window, "welcome", size_name, scheme_name);
  hub_window_begin_progress (window, "big-breakdown.csv", FALSE);
  save (window, "loading", size_name, scheme_name);
  hub_window_end_progress (window);
  hub_test_close_window (window);

  window = open_demo (sizes[size].width, sizes[size].height);
  save (window, "dashboard", size_name, scheme_name);

  /* A custom range of two weeks, against the two weeks before it
   * (weekday-matched); then its picker's menu, a surface of its own. */
  {
    HubDay as_of = hub_dataset_get_as_of (hub_source_get_dataset (hub_window_get_source (window)));
    HubRangePicker *picker = size == 0 ? window->narrow_range_picker : window->range_picker;
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (picker))));
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *name = g_strdup_printf ("%srange-menu-%s-%s.png", prefix, size_name, scheme_name);
    g_autofree char *path = g_build_filename (out_dir, name, NULL);

    g_action_group_activate_action (G_ACTION_GROUP (window), "comparison", g_variant_new_string ("previous"));
    hub_range_picker_set_range (picker, HUB_RANGE_CUSTOM, (HubRange) { as_of - 20, as_of - 7 });
    save (window, "range", size_name, scheme_name);
    gtk_menu_button_popup (button);
    hub_test_wait_frames (25);
    texture = hub_test_render (GTK_WIDGET (gtk_menu_button_get_popover (button)));
    if (!gdk_texture_save_to_png (texture, path))
      g_error ("Could not write %s", path);
    g_print ("%s\n", path);
    saved++;
    gtk_menu_button_popdown (button);
    /* The other scenes in the last 30 days. */
    hub_range_picker_set_preset (picker, HUB_RANGE_LAST_30_DAYS);
  }

  /* The demo's month of request logs: the Audience view, its top and its end;
   * first over the custom range of two weeks, then the last 30 days. */
  adw_view_stack_set_visible_child_name (window->view_stack, "audience");
  {
    HubDay as_of = hub_dataset_get_as_of (hub_source_get_dataset (hub_window_get_source (window)));
    HubRangePicker *picker = size == 0 ? window->narrow_range_picker : window->range_picker;

    hub_range_picker_set_range (picker, HUB_RANGE_CUSTOM, (HubRange) { as_of - 20, as_of - 7 });
    save (window, "audience-range", size_name, scheme_name);
    hub_range_picker_set_preset (picker, HUB_RANGE_LAST_30_DAYS);
  }
  save (window, "audience", size_name, scheme_name);
  {
    /* The daily chart's marker on the last day, where the keyboard's End
     * puts it: the repository chart's band, and a dot on each line. */
    HubChart *daily = HUB_CHART (hub_test_find_named (GTK_WIDGET (window->audience),
                                                      "audience-daily-chart"));

    gtk_widget_grab_focus (GTK_WIDGET (daily));
    hub_chart_set_marker (daily, (int) hub_chart_get_points (daily)->len - 1);
    save (window, "audience-marker", size_name, scheme_name);
    hub_chart_set_marker (daily, -1);
  }
  {
    /* The top identities, to be marked as the organisation's own. */
    GtkMenuButton *team = GTK_MENU_BUTTON (hub_test_find_named (GTK_WIDGET (window->audience),
                                                                "audience-team-button"));

    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *name = g_strdup_printf ("%saudience-team-%s-%s.png", prefix, size_name, scheme_name);
    g_autofree char *path = g_build_filename (out_dir, name, NULL);

    /* A popover is a surface of its own: it is pictured alone. */
    gtk_menu_button_popup (team);
    hub_test_wait_frames (25);
    texture = hub_test_render (GTK_WIDGET (gtk_menu_button_get_popover (team)));
    if (!gdk_texture_save_to_png (texture, path))
      g_error ("Could not write %s", path);
    g_print ("%s\n", path);
    saved++;
    gtk_menu_button_popdown (team);
  }
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (window->audience),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save (window, "audience-end", size_name, scheme_name);
    gtk_adjustment_set_value (adjustment, 0);
  }
  adw_view_stack_set_visible_child_name (window->view_stack, "downloads");

  hub_test_open_repo (window, 0);
  /* Two notes of the repository, marked on its chart (the history keeps
   * them from one size to the next). */
  if (hub_repo_detail_get_n_notes (window->detail) == 0)
    {
      HubDay as_of = hub_dataset_get_as_of (hub_source_get_dataset (hub_window_get_source (window)));
      g_autoptr(GError) error = NULL;

      if (!hub_repo_detail_add_note (window->detail, as_of - 40, "Paper accepted", &error) ||
          !hub_repo_detail_add_note (window->detail, as_of - 12, "Version 2 released", &error))
        g_error ("%s", error->message);
    }
  save (window, "detail", size_name, scheme_name);
  {
    /* The notes under the chart. */
    GtkWidget *notes = hub_test_find_named (GTK_WIDGET (window->detail), "notes");
    GtkWidget *scroller = gtk_widget_get_ancestor (notes, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (notes, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adjustment, at.y - gtk_adjustment_get_page_size (adjustment) / 2);
    save (window, "detail-notes", size_name, scheme_name);
    gtk_adjustment_set_value (adjustment, 0);
  }
  {
    /* The repository in the request logs, under its downloads. */
    GtkWidget *audience = hub_repo_detail_get_audience (window->detail);
    GtkWidget *scroller = gtk_widget_get_ancestor (audience, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_assert_true (gtk_widget_get_visible (audience));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save (window, "detail-audience", size_name, scheme_name);
    gtk_adjustment_set_value (adjustment, 0);
  }
  adw_navigation_split_view_set_show_content (window->split_view, FALSE);

  hub_window_set_problem (window, "demo", offline);
  save (window, "banner", size_name, scheme_name);
  hub_window_set_problem (window, "demo", NULL);

  /* The datasets alone: the cards sum the rows shown. */
  hub_repo_table_set_type_filter (hub_window_get_table (window), HUB_REPO_KIND_DATASET);
  save (window, "narrowed", size_name, scheme_name);
  hub_repo_table_set_type_filter (hub_window_get_table (window), -1);

  gtk_editable_set_text (hub_repo_table_get_search_entry (hub_window_get_table (window)),
                         "no such repository");
  save (window, "search-empty", size_name, scheme_name);
  hub_test_close_window (window);

  shoot_logs_repo (size, scheme);

  shoot_public (size, scheme);

  dialog = hub_sign_in_dialog_new ("https://huggingface.co", NULL, FALSE);
  dialog_parent = hub_test_present_dialog (dialog, sizes[size].width, sizes[size].height);
  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *name = g_strdup_printf ("%ssign-in-%s-%s.png", prefix, size_name, scheme_name);
    g_autofree char *path = g_build_filename (out_dir, name, NULL);

    hub_test_wait_frames (25);
    texture = hub_test_render (GTK_WIDGET (dialog_parent));
    if (!gdk_texture_save_to_png (texture, path))
      g_error ("Could not write %s", path);
    g_print ("%s\n", path);
    saved++;
  }
  gtk_window_destroy (dialog_parent);
}

/* A catalogue compiled from po/de.po, in a folder of its own for gettext. */
static void
use_german (const char *mo_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *localedir = g_dir_make_tmp ("hub-locale-XXXXXX", &error);
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  messages = g_build_filename (localedir, "de", "LC_MESSAGES", NULL);
  g_mkdir_with_parents (messages, 0700);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (mo_path, &contents, &length, &error) ||
      !g_file_set_contents (target, contents, (gssize) length, &error))
    g_error ("%s", error->message);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  prefix = "de-";
}

int
main (int   argc,
      char *argv[])
{
  const char *german = NULL;

  if (argc == 4 && g_str_equal (argv[1], "--german"))
    {
      german = argv[2];
      g_setenv ("LANGUAGE", "de", TRUE);
      g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
      out_dir = argv[3];
    }
  else if (argc == 2)
    out_dir = argv[1];
  else
    {
      g_printerr ("usage: %s [--german MO-FILE] OUT-DIR\n", argv[0]);
      return 2;
    }

  only_insights = g_strcmp0 (g_getenv ("HUB_SCREENSHOTS"), "insights") == 0;
  hub_test_ui_init (&argc, &argv);
  /* Numbers as a person reads them: grouped, in the language shown. */
  if (german != NULL)
    {
      setlocale (LC_ALL, "de_DE.UTF-8");
      use_german (german);
    }
  else if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  g_mkdir_with_parents (out_dir, 0755);

  /* The public view's Hub and history: the test Hub, a history of its own;
   * a cache of its own. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *data_dir = g_dir_make_tmp ("hub-screenshots-XXXXXX", &error);

    g_assert_no_error (error);
    g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
    /* The request logs' stores too: nothing of a run stays in the user's cache. */
    g_setenv ("XDG_CACHE_HOME", data_dir, TRUE);
    hub = fake_hub_new (g_bytes_new_static ("repoType,repoName,total,timestamp,downloads\n", 43));
    g_setenv ("HF_ENDPOINT", hub->url, TRUE);
    g_unsetenv ("HF_TOKEN");
    g_setenv ("HF_TOKEN_PATH", "/nonexistent/token", TRUE);
  }

  if (german != NULL)
    shoot_size (1, 0);
  else
    for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
      for (guint scheme = 0; scheme < G_N_ELEMENTS (schemes); scheme++)
        shoot_size (size, scheme);

  g_print ("%u pictures in %s\n", saved, out_dir);
  return 0;
}
