/* test-audience.c: request logs in the window: the Audience view's figures,
 * a breakdown and logs in one source, a cancelled read, team traffic, the
 * audience tables exported, the logs' store kept and extended in the cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "hub-ui-test-util.h"
#include "hub-chart.h"
#include "hub-repo-table-audience.h"
#include "hub-window-private.h"
#include "hub-log.h"
#include "hub-source.h"

#define assert_label(root, name, text) \
  g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (root), name), ==, text)

static char *
logs_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "logs", name, NULL);
}

static void
set_period (HubPeriod period)
{
  hub_test_set_preset (period == HUB_PERIOD_ALL_TIME ? HUB_RANGE_ALL : HUB_RANGE_LAST_30_DAYS);
}

static HubWindow *
open_logs (const char * const *names,
           int                 width,
           int                 height)
{
  HubWindow *window = hub_test_open_window (NULL, width, height);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_str_has_prefix (names[i], "/") ? g_strdup (names[i])
                                                                : logs_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  hub_window_open_files (window, G_LIST_MODEL (files));
  hub_test_wait_loaded (window);
  return window;
}

static const char *
visible_view (HubWindow *window)
{
  return adw_view_stack_get_visible_child_name (window->view_stack);
}

/* Two days of logs (CSV and JSON Lines) give the figures that
 * --logs-summary gives for them. */
static void
test_figures (void)
{
  static const char * const names[] = { "day-1.csv", "day-2.jsonl", NULL };
  HubWindow *window;
  GtkWidget *view;

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);
  view = GTK_WIDGET (window->audience);

  g_assert_nonnull (hub_window_get_source (window));
  g_assert_nonnull (hub_source_get_logs (hub_window_get_source (window)));
  g_assert_cmpstr (visible_view (window), ==, "audience");
  g_assert_true (gtk_widget_get_visible (window->switcher_box));

  assert_label (view, "audience-uniques-value", "52");
  assert_label (view, "audience-uniques-caption", "19 users · 33 anonymous");
  assert_label (view, "audience-sessions-value", "102");
  assert_label (view, "audience-requests-value", "300");
  assert_label (view, "audience-requests-caption", "7 errors");
  assert_label (view, "audience-downloads-value", "3.7 %");
  assert_label (view, "country-US-requests", "81");
  assert_label (view, "country-US-uniques", "21");
  assert_label (view, "country-IN-requests", "33");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (hub_test_find_named (view, "country-US-requests")))),
                   ==, "US");
  assert_label (view, "repo-model/acme/acme-phi-small-0-sessions", "42");
  assert_label (view, "repo-model/acme/acme-phi-small-0-uniques", "26");
  /* No breakdown: no Hub column. */
  g_assert_null (hub_test_find_named (view, "repo-model/acme/acme-phi-small-0-hub"));

  /* The charts: a bar of requests and two lines a day, the classes stacked. */
  {
    HubChart *chart = HUB_CHART (hub_test_find_named (view, "audience-daily-chart"));
    HubChart *classes = HUB_CHART (hub_test_find_named (view, "audience-classes-chart"));
    g_autofree char *text = NULL;
    guint n_days = hub_chart_get_points (chart)->len;

    g_assert_cmpuint (hub_chart_get_n_layers (chart), ==, 3);
    g_assert_cmpuint (hub_chart_get_n_layers (classes), ==, 1);
    g_assert_cmpfloat (hub_chart_layer_get_max (hub_chart_get_layer (chart, 0)), ==, 150);
    g_assert_cmpfloat (hub_chart_layer_get_max (hub_chart_get_layer (classes, 0)), ==, 150);
    /* A point a day, the last day's text its tooltip's. */
    g_assert_cmpuint (n_days, ==, hub_chart_get_points (classes)->len);
    text = hub_chart_dup_point_text (chart, n_days - 1);
    g_assert_nonnull (text);
    g_assert_true (g_str_has_prefix (text, "2 Oct 2026\nRequests: 150\n"));
  }

  /* The regions of the country with the most requests, then of another
   * chosen in the list. */
  {
    HubLogStore *store = hub_source_get_logs (hub_window_get_source (window));
    g_autoptr(GPtrArray) regions = NULL;
    const HubLogRegion *region;
    g_autofree char *label = NULL;
    g_autofree char *count = NULL;
    guint de = G_MAXUINT;

    assert_label (view, "audience-regions-title", "Regions of United States");
    for (guint c = 0; c < hub_log_store_get_n_countries (store); c++)
      if (g_str_equal (hub_log_store_get_country (store, c), "DE"))
        de = c;
    g_assert_cmpuint (de, !=, G_MAXUINT);
    gtk_widget_activate (hub_test_find_named (view, "country-DE"));
    assert_label (view, "audience-regions-title", "Regions of Germany");
    regions = hub_log_store_regions (store, hub_day_from_ymd (2026, 10, 1),
                                     hub_day_from_ymd (2026, 10, 2), de);
    g_assert_cmpuint (regions->len, >, 0);
    region = g_ptr_array_index (regions, 0);
    label = g_strconcat ("region-", region->region, "-requests", NULL);
    count = g_strdup_printf ("%" G_GUINT64_FORMAT, region->requests);
    assert_label (view, label, count);
    g_assert_null (hub_test_find_named (view, "region-Texas-requests"));
  }

  /* Last Month is the logs' last 30 days: the same two days. */
  set_period (HUB_PERIOD_LAST_MONTH);
  assert_label (view, "audience-requests-value", "300");
  set_period (HUB_PERIOD_ALL_TIME);
  hub_test_close_window (window);
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hub-audience-XXXXXX", &error);
  g_autofree char *day_1 = logs_path ("day-1.csv");
  g_autofree char *day_2 = logs_path ("day-2.jsonl");
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  static const char breakdown[] =
    "repoType,repoName,total,timestamp,downloads\n"
    "model,acme/acme-phi-small-0,900,2026-10-01,40\n"
    "model,acme/acme-phi-small-0,900,2026-10-02,35\n"
    "dataset,acme/other,10,2026-10-02,10\n";

  g_assert_no_error (error);
  target = g_build_filename (dir, "acme-breakdown.csv", NULL);
  g_assert_true (g_file_set_contents (target, breakdown, -1, &error));
  g_clear_pointer (&target, g_free);
  g_assert_true (g_file_get_contents (day_1, &contents, NULL, &error));
  target = g_build_filename (dir, "logs-2026-10-01.csv", NULL);
  g_assert_true (g_file_set_contents (target, contents, -1, &error));
  g_clear_pointer (&target, g_free);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (day_2, &contents, NULL, &error));
  target = g_build_filename (dir, "logs-2026-10-02.jsonl", NULL);
  g_assert_true (g_file_set_contents (target, contents, -1, &error));
  return g_steal_pointer (&dir);
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) children = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (children)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* text in a new temporary file of request logs, whose path is returned. */
static char *
write_temporary_logs (const char *text,
                      gsize       length)
{
  char *path = NULL;
  int fd = g_file_open_tmp ("hub-logs-XXXXXX.csv", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, (gssize) length, NULL));
  return path;
}

/* Activates the Audience view's row of a repository, as a click does. */
static void
activate_audience_repo (HubWindow  *window,
                        const char *type,
                        const char *name)
{
  g_autofree char *id = g_strdup_printf ("repo-%s/%s", type, name);
  GtkWidget *row = hub_test_find_named (GTK_WIDGET (window->audience), id);

  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  gtk_widget_activate (row);
  hub_test_wait_frames (2);
}

/* Logs alone: a repository of the Audience view opens a page of its
 * figures in the logs, which says why it has no chart of downloads. */
static void
test_logs_repo_page (void)
{
  static const char * const names[] = { "day-1.csv", "day-2.jsonl", NULL };
  g_autoptr(GListModel) children = NULL;
  HubWindow *window;
  GtkWidget *page;

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "empty");

  activate_audience_repo (window, "model", "acme/acme-phi-small-0");
  page = GTK_WIDGET (window->logs_repo_box);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "logs-repository");
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_navigation_page_get_title (window->detail_page), ==, "acme/acme-phi-small-0");
  g_assert_cmpstr (adw_window_title_get_title (window->logs_repo_title), ==, "acme/acme-phi-small-0");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->logs_repo_title), ==, "Model");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (window->logs_repo_note),
                                   "These request logs came without a breakdown"));
  assert_label (page, "repo-sessions-value", "42");
  assert_label (page, "repo-uniques-value", "26");
  assert_label (page, "repo-requests-value", "118");
  assert_label (page, "repo-sessions-caption", "Not in the breakdown on these days");
  g_assert_nonnull (hub_test_find_named (page, "repo-country-US-requests"));
  g_assert_cmpuint (hub_chart_get_n_layers (HUB_CHART (hub_test_find_named (page, "repo-classes-chart"))),
                    ==, 1);

  /* Another repository replaces it on the same page. */
  activate_audience_repo (window, "model", "acme/acme-llama-v2-2");
  g_assert_cmpstr (adw_window_title_get_title (window->logs_repo_title), ==, "acme/acme-llama-v2-2");
  children = gtk_widget_observe_children (page);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 2);
  hub_test_close_window (window);
}

typedef struct
{
  GtkWidget  *page;
  const char *requests;
} PageShows;

static gboolean
page_shows (gpointer data)
{
  PageShows *shows = data;

  return g_strcmp0 (hub_test_label_text (shows->page, "repo-requests-value"), shows->requests) == 0;
}

/* The page of a repository of the logs alone follows a change of period
 * while it is open: two months of logs, the last month's line alone. */
static void
test_logs_repo_page_period (void)
{
  static const char text[] =
    "timestamp,status,method,repoName,repoType,hashedUserId,hashedIp,country,region\n"
    "2026-08-01T10:00:00Z,200,GET,acme/m,model,,a1,US,\n"
    "2026-08-01T11:00:00Z,200,GET,acme/m,model,,b2,DE,\n"
    "2026-10-02T10:00:00Z,200,GET,acme/m,model,,c3,FR,\n";
  g_autofree char *path = write_temporary_logs (text, sizeof text - 1);
  const char *names[] = { path, NULL };
  g_autofree char *all_title = NULL;
  PageShows shows = { NULL, NULL };
  HubWindow *window;

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);
  activate_audience_repo (window, "model", "acme/m");
  shows.page = GTK_WIDGET (window->logs_repo_box);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "logs-repository");
  assert_label (shows.page, "repo-requests-value", "3");
  assert_label (shows.page, "repo-uniques-value", "3");
  g_assert_nonnull (hub_test_find_named (shows.page, "repo-country-DE-requests"));
  all_title = g_strdup (hub_test_label_text (shows.page, "repo-audience-title"));

  set_period (HUB_PERIOD_LAST_MONTH);
  shows.requests = "1";
  hub_test_wait_for (page_shows, &shows, 10, "the page's last month");
  assert_label (shows.page, "repo-uniques-value", "1");
  g_assert_null (hub_test_find_named (shows.page, "repo-country-DE-requests"));
  g_assert_nonnull (hub_test_find_named (shows.page, "repo-country-FR-requests"));
  g_assert_cmpstr (hub_test_label_text (shows.page, "repo-audience-title"), !=, all_title);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "logs-repository");

  set_period (HUB_PERIOD_ALL_TIME);
  shows.requests = "3";
  hub_test_wait_for (page_shows, &shows, 10, "the page's whole span");
  g_assert_cmpstr (hub_test_label_text (shows.page, "repo-audience-title"), ==, all_title);

  hub_test_close_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static gboolean
requests_shown (gpointer data)
{
  PageShows *shows = data;

  return g_strcmp0 (hub_test_label_text (shows->page, "audience-requests-value"), shows->requests) == 0;
}

static void
choose_days (HubWindow *window,
             int        y1,
             int        m1,
             int        d1,
             int        y2,
             int        m2,
             int        d2)
{
  hub_range_picker_set_range (hub_window_get_range_picker (window), HUB_RANGE_CUSTOM,
                              (HubRange) { hub_day_from_ymd (y1, m1, d1), hub_day_from_ymd (y2, m2, d2) });
}

/* The Audience view follows the window's range: a preset counts back from
 * the logs' last day, a custom range keeps its days, and a range with no
 * day of the logs shows nothing counted and says so. */
static void
test_view_follows_range (void)
{
  static const char text[] =
    "timestamp,status,method,repoName,repoType,hashedUserId,hashedIp,country,region\n"
    "2026-08-01T10:00:00Z,200,GET,acme/m,model,,a1,US,\n"
    "2026-08-01T11:00:00Z,200,GET,acme/m,model,,b2,DE,\n"
    "2026-09-15T10:00:00Z,200,GET,acme/m,model,,c3,FR,\n"
    "2026-10-01T10:00:00Z,200,GET,acme/m,model,,d4,FR,\n"
    "2026-10-02T10:00:00Z,200,GET,acme/m,model,,e5,FR,\n";
  g_autofree char *path = write_temporary_logs (text, sizeof text - 1);
  const char *names[] = { path, NULL };
  PageShows shows = { NULL, "5" };
  HubDay first, last;
  HubWindow *window;

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);
  shows.page = GTK_WIDGET (window->audience);
  assert_label (shows.page, "audience-requests-value", "5");

  /* Last 7 days: the logs' 26 September … 2 October. */
  hub_test_set_preset (HUB_RANGE_LAST_7_DAYS);
  shows.requests = "2";
  hub_test_wait_for (requests_shown, &shows, 10, "the logs' last 7 days");
  hub_audience_view_get_span (window->audience, &first, &last);
  g_assert_cmpint (first, ==, hub_day_from_ymd (2026, 9, 26));
  g_assert_cmpint (last, ==, hub_day_from_ymd (2026, 10, 2));

  choose_days (window, 2026, 9, 1, 2026, 9, 30);
  shows.requests = "1";
  hub_test_wait_for (requests_shown, &shows, 10, "September alone");
  hub_audience_view_get_span (window->audience, &first, &last);
  g_assert_cmpint (first, ==, hub_day_from_ymd (2026, 9, 1));
  g_assert_cmpint (last, ==, hub_day_from_ymd (2026, 9, 30));

  choose_days (window, 2026, 7, 1, 2026, 7, 31);
  shows.requests = "0";
  hub_test_wait_for (requests_shown, &shows, 10, "July, with no logs");
  hub_audience_view_get_span (window->audience, &first, &last);
  g_assert_cmpint (first, ==, HUB_DAY_NONE);

  set_period (HUB_PERIOD_ALL_TIME);
  shows.requests = "5";
  hub_test_wait_for (requests_shown, &shows, 10, "every day again");

  hub_test_close_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
}

typedef struct
{
  GtkWidget *view;
  guint      frames;
  guint      frames_at_update;
  char      *cards_at_update;
  char      *repo_at_update;
} Deferred;

static void
count_frame (GdkFrameClock *clock,
             Deferred      *deferred)
{
  deferred->frames++;
}

static void
on_span_changed (HubAudienceView *view,
                 Deferred        *deferred)
{
  deferred->frames_at_update = deferred->frames;
  g_free (deferred->cards_at_update);
  g_free (deferred->repo_at_update);
  deferred->cards_at_update = g_strdup (hub_test_label_text (deferred->view, "audience-requests-value"));
  deferred->repo_at_update = g_strdup (hub_test_label_text (deferred->view, "repo-model/acme/m-sessions"));
}

static gboolean
repos_show_month (gpointer data)
{
  Deferred *deferred = data;

  return g_strcmp0 (hub_test_label_text (deferred->view, "repo-model/acme/m-sessions"), "1") == 0;
}

/* New figures change the cards at once, and the lists below the first
 * screen in the frames after: the frame that shows them lays out only what
 * it shows. */
static void
test_lists_after_first_frame (void)
{
  static const char text[] =
    "timestamp,status,method,repoName,repoType,hashedUserId,hashedIp,country,region\n"
    "2026-08-01T10:00:00Z,200,GET,acme/m,model,,a1,US,\n"
    "2026-08-01T11:00:00Z,200,GET,acme/m,model,,b2,DE,\n"
    "2026-10-02T10:00:00Z,200,GET,acme/m,model,,c3,FR,\n";
  g_autofree char *path = write_temporary_logs (text, sizeof text - 1);
  const char *names[] = { path, NULL };
  Deferred deferred = { 0 };
  GdkFrameClock *clock;
  HubWindow *window;
  gulong span, frame;

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);
  deferred.view = GTK_WIDGET (window->audience);
  assert_label (deferred.view, "audience-requests-value", "3");
  assert_label (deferred.view, "repo-model/acme/m-sessions", "3");

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  frame = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &deferred);
  span = g_signal_connect (window->audience, "span-changed", G_CALLBACK (on_span_changed), &deferred);
  set_period (HUB_PERIOD_LAST_MONTH);
  hub_test_wait_for (repos_show_month, &deferred, 10, "the repositories of the last month");
  g_assert_cmpstr (deferred.cards_at_update, ==, "1");
  g_assert_cmpstr (deferred.repo_at_update, ==, "3");
  g_assert_cmpuint (deferred.frames, >=, deferred.frames_at_update + 2);

  g_signal_handler_disconnect (window->audience, span);
  g_signal_handler_disconnect (clock, frame);
  g_free (deferred.cards_at_update);
  g_free (deferred.repo_at_update);
  hub_test_close_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
}

/* A folder with a breakdown and a day of logs each as CSV and JSON Lines:
 * one source with both, the sessions beside the Hub's downloads. */
static void
test_breakdown_and_logs (void)
{
  g_autofree char *dir = make_folder ();
  const char *names[] = { dir, NULL };
  HubWindow *window;
  HubSource *source;
  GtkWidget *view;

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);
  source = hub_window_get_source (window);
  view = GTK_WIDGET (window->audience);

  g_assert_cmpuint (g_list_model_get_n_items (hub_window_get_sources (window)), ==, 1);
  g_assert_cmpstr (hub_source_get_title (source), ==, "acme-breakdown.csv");
  g_assert_cmpuint (hub_dataset_get_totals (hub_source_get_dataset (source))->repos, ==, 2);
  g_assert_nonnull (hub_source_get_logs (source));
  g_assert_cmpuint (g_list_model_get_n_items (hub_repo_table_get_model (hub_window_get_table (window))),
                    ==, 2);
  /* The table gains Uniques and Sessions for the repositories in the logs. */
  {
    HubDataset *dataset = hub_source_get_dataset (source);
    HubRepoTable *table = hub_window_get_table (window);
    guint phi = (guint) (hub_dataset_find_repo (dataset, "model", "acme/acme-phi-small-0") -
                         hub_dataset_get_repo (dataset, 0));
    guint other = (guint) (hub_dataset_find_repo (dataset, "dataset", "acme/other") -
                           hub_dataset_get_repo (dataset, 0));
    GtkColumnView *view_columns = GTK_COLUMN_VIEW (hub_test_find_type (GTK_WIDGET (table),
                                                                         GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view_columns);
    gboolean shown = FALSE;

    g_assert_cmpint (hub_repo_table_get_sessions (table, phi), ==, 42);
    g_assert_cmpint (hub_repo_table_get_uniques (table, phi), ==, 26);
    g_assert_cmpint (hub_repo_table_get_sessions (table, other), ==, -1);
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Sessions") == 0)
          shown = gtk_column_view_column_get_visible (column);
      }
    g_assert_true (shown);

    /* The repository's page: its sessions beside the Hub's count, its
     * uniques, countries and classes; a repository the logs do not name
     * has none of them. */
    hub_test_open_repo (window, phi);
    {
      GtkWidget *audience = hub_repo_detail_get_audience (window->detail);
      HubChart *classes = HUB_CHART (hub_test_find_named (audience, "repo-classes-chart"));

      g_assert_true (gtk_widget_get_visible (audience));
      assert_label (audience, "repo-sessions-value", "42");
      assert_label (audience, "repo-uniques-value", "26");
      assert_label (audience, "repo-requests-value", "118");
      assert_label (audience, "repo-sessions-caption", "Hub counted 75; logs 42");
      g_assert_nonnull (hub_test_find_named (audience, "repo-country-US-requests"));
      g_assert_nonnull (hub_test_find_named (audience, "repo-country-US-sessions"));
      g_assert_cmpuint (hub_chart_get_n_layers (classes), ==, 1);
      g_assert_cmpuint (hub_chart_get_n_layers (HUB_CHART (hub_test_find_named (audience, "repo-daily-chart"))),
                        ==, 2);
      hub_test_open_repo (window, other);
      g_assert_false (gtk_widget_get_visible (audience));
    }
  }

  /* A breakdown opens on its downloads; the Audience is a click away. */
  g_assert_cmpstr (visible_view (window), ==, "downloads");
  g_assert_true (gtk_widget_get_visible (window->switcher_box));
  adw_view_stack_set_visible_child_name (window->view_stack, "audience");
  hub_test_wait_frames (3);

  assert_label (view, "audience-requests-value", "300");
  assert_label (view, "repo-model/acme/acme-phi-small-0-sessions", "42");
  assert_label (view, "repo-model/acme/acme-phi-small-0-hub", "75");
  {
    GtkWidget *row = hub_test_find_named (view, "repo-model/acme/acme-phi-small-0");
    GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_first_child (row));

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, "acme-phi-small-0");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (name), ==,
                     "acme/acme-phi-small-0: 42 sessions in the logs, 75 downloads counted by the Hub");

    /* A repository of the breakdown opens its page; one only the logs
     * name, the logs' figures with a sentence for the missing chart. */
    activate_audience_repo (window, "model", "acme/acme-phi-small-0");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "repository");
    g_assert_cmpstr (hub_repo_detail_get_repo (window->detail)->name, ==, "acme/acme-phi-small-0");
    activate_audience_repo (window, "model", "acme/acme-llama-v2-2");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "logs-repository");
    g_assert_true (g_str_has_prefix (gtk_label_get_label (window->logs_repo_note),
                                     "The breakdown does not name this repository"));
  }

  /* Refreshed: the breakdown and its logs read again, into one source. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "refresh", NULL);
  g_assert_true (hub_window_get_loading (window));
  hub_test_wait_loaded (window);
  g_assert_true (hub_window_get_source (window) != source);
  g_assert_cmpuint (g_list_model_get_n_items (hub_window_get_sources (window)), ==, 1);
  g_assert_nonnull (hub_source_get_logs (hub_window_get_source (window)));
  assert_label (view, "audience-requests-value", "300");

  /* A breakdown alone has no Audience. */
  {
    g_autofree char *path = hub_test_fixture_path ("fixture.csv");
    g_autoptr(GFile) file = g_file_new_for_path (path);

    hub_window_open_file (window, file);
    hub_test_wait_loaded (window);
    g_assert_null (hub_source_get_logs (hub_window_get_source (window)));
    g_assert_false (gtk_widget_get_visible (window->switcher_box));
    g_assert_cmpint (hub_repo_table_get_sessions (hub_window_get_table (window), 0), ==, -1);
    g_assert_cmpstr (visible_view (window), ==, "downloads");
  }
  hub_test_close_window (window);
  remove_folder (dir);
}

static gboolean
is_idle (gpointer window)
{
  return !hub_window_get_loading (window);
}

/* Team traffic left out: the logs are read again without it; a read that
 * is cancelled keeps what was shown, the switch with it. */
static void
test_team_and_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hub-team-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "internal.csv", NULL);
  const char *names[] = { path, NULL };
  static const char logs[] =
    "timestamp,requestType,repoName,repoType,hashedUserId,hashedIp,country,isInternal\n"
    "2026-10-01T10:00:00Z,download,acme/a,model,u1,,US,false\n"
    "2026-10-01T10:00:01Z,download,acme/a,model,u2,,US,true\n"
    "2026-10-01T10:00:02Z,download,acme/a,model,u3,,DE,1\n"
    "2026-10-01T10:00:03Z,download,acme/a,model,,ip4,FR,0\n";
  GtkWidget *view;
  GtkSwitch *team;
  HubSource *before;
  int fd;

  g_assert_true (g_file_set_contents (path, logs, -1, &error));
  set_period (HUB_PERIOD_ALL_TIME);
  {
    HubWindow *window = open_logs (names, 1400, 900);

    view = GTK_WIDGET (window->audience);
    team = GTK_SWITCH (hub_test_find_named (view, "audience-team-switch"));
    assert_label (view, "audience-requests-value", "4");
    assert_label (view, "audience-uniques-value", "4");
    assert_label (view, "audience-team-label",
                  "2 requests in these logs are marked as the organisation’s own. Mark more below.");
    g_assert_false (gtk_switch_get_active (team));

    /* Out: the re-read leaves the two internal lines out of every figure. */
    g_assert_true (gtk_widget_activate_action (view, "audience.exclude-team", NULL));
    g_assert_true (hub_window_get_loading (window));
    hub_test_wait_for (is_idle, window, 20, "the logs read without the team");
    hub_test_wait_frames (3);
    g_assert_true (hub_source_get_team_excluded (hub_window_get_source (window)));
    g_assert_true (gtk_switch_get_active (team));
    assert_label (view, "audience-requests-value", "2");
    assert_label (view, "audience-uniques-value", "2");
    g_assert_null (hub_test_find_named (view, "country-DE-requests"));
    g_assert_true (g_str_has_suffix (hub_test_label_text (view, "audience-span"),
                                     "team traffic left out"));

    /* Back in, through a read that cannot finish: the file is now a pipe
     * whose writer stays silent, and the read is cancelled. */
    before = hub_window_get_source (window);
    g_assert_cmpint (g_remove (path), ==, 0);
    g_assert_cmpint (mkfifo (path, 0600), ==, 0);
    fd = open (path, O_RDWR | O_CLOEXEC);
    g_assert_cmpint (fd, >=, 0);
    gtk_switch_set_active (team, FALSE);
    g_assert_true (hub_window_get_loading (window));
    g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-load", NULL);
    close (fd);
    hub_test_wait_for (is_idle, window, 20, "the cancelled read");
    hub_test_wait_frames (3);

    g_assert_true (hub_window_get_source (window) == before);
    g_assert_true (gtk_switch_get_active (team));
    assert_label (view, "audience-requests-value", "2");
    hub_test_close_window (window);
  }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* An identity from the top list marked as the team's: shown marked at once,
 * and left out of every figure once team traffic is. */
static void
test_mark_identity (void)
{
  static const char * const names[] = { "day-1.csv", NULL };
  HubWindow *window;
  GtkWidget *view;
  g_autoptr(GPtrArray) top = NULL;
  const HubLogIdentity *first;
  g_autofree char *check_name = NULL;
  g_autofree char *expected = NULL;
  GtkCheckButton *check;
  HubLogStore *store;

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);
  view = GTK_WIDGET (window->audience);
  store = hub_source_get_logs (hub_window_get_source (window));
  top = hub_log_store_top_identities (store, hub_day_from_ymd (2026, 10, 1),
                                      hub_day_from_ymd (2026, 10, 1), 10);
  g_assert_cmpuint (top->len, >, 0);
  first = g_ptr_array_index (top, 0);
  g_assert_cmpuint (first->requests_error, ==, 0);
  g_assert_false (first->team);

  check_name = g_strconcat ("identity-", first->id, NULL);
  check = GTK_CHECK_BUTTON (hub_test_find_named (view, check_name));
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  /* Marked, not yet left out: no reading, the figures as they were. */
  g_assert_false (hub_window_get_loading (window));
  hub_test_wait_frames (3);
  assert_label (view, "audience-requests-value", "150");
  check = GTK_CHECK_BUTTON (hub_test_find_named (view, check_name));
  g_assert_true (gtk_check_button_get_active (check));

  g_assert_true (gtk_widget_activate_action (view, "audience.exclude-team", NULL));
  hub_test_wait_for (is_idle, window, 20, "the logs read without the team");
  hub_test_wait_frames (3);
  expected = g_strdup_printf ("%" G_GUINT64_FORMAT, 150 - first->requests);
  assert_label (view, "audience-requests-value", expected);
  /* Still listed, marked, to be unmarked. */
  check = GTK_CHECK_BUTTON (hub_test_find_named (view, check_name));
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (check));

  /* The next window reads the logs as they were left: without the team. */
  hub_test_close_window (window);
  window = open_logs (names, 1400, 900);
  assert_label (window->audience, "audience-requests-value", expected);
  g_assert_true (hub_source_get_team_excluded (hub_window_get_source (window)));

  /* Unmarked while left out: read again, the identity back in. */
  check = GTK_CHECK_BUTTON (hub_test_find_named (GTK_WIDGET (window->audience), check_name));
  gtk_check_button_set_active (check, FALSE);
  hub_test_wait_for (is_idle, window, 20, "the logs read with the identity");
  hub_test_wait_frames (3);
  assert_label (window->audience, "audience-requests-value", "150");
  hub_test_close_window (window);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hub_audience_view_export_finish (HUB_AUDIENCE_VIEW (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

static char *
export_table (HubAudienceView  *view,
              HubAudienceTable  table,
              const char       *dir,
              const char       *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  char *contents = NULL;

  hub_audience_view_export_async (view, table, file, NULL, on_exported, &done);
  hub_test_wait_for (is_true, &done, 20, "the export");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpint (g_remove (path), ==, 0);
  return contents;
}

/* The three audience tables as CSV: locale-free, in the order shown. */
static void
test_export (void)
{
  static const char * const names[] = { "day-1.csv", "day-2.jsonl", NULL };
  g_autofree char *dir = g_dir_make_tmp ("hub-export-XXXXXX", NULL);
  g_autofree char *countries = NULL;
  g_autofree char *classes = NULL;
  g_autofree char *repos = NULL;
  HubWindow *window;
  g_auto(GStrv) lines = NULL;

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);

  countries = export_table (window->audience, HUB_AUDIENCE_TABLE_COUNTRIES, dir, "c.csv");
  lines = g_strsplit (countries, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "country,requests,sessions,users,anonymousIps,uniques");
  g_assert_true (g_str_has_prefix (lines[1], "US,81,"));
  g_assert_true (g_str_has_suffix (lines[1], ",21"));
  g_assert_true (g_str_has_prefix (lines[2], "IN,33,"));
  g_clear_pointer (&lines, g_strfreev);

  classes = export_table (window->audience, HUB_AUDIENCE_TABLE_CLASSES, dir, "k.csv");
  g_assert_cmpstr (classes, ==,
                   "class,requests\n"
                   "download,11\npartial,27\nprobe,128\nredirect,116\n"
                   "revalidation,11\nerror,7\nother,0\n");

  repos = export_table (window->audience, HUB_AUDIENCE_TABLE_REPOSITORIES, dir, "r.csv");
  lines = g_strsplit (repos, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "repoType,repoName,requests,sessions,users,anonymousIps,uniques");
  g_assert_true (g_str_has_prefix (lines[1], "model,acme/acme-phi-small-0,118,42,"));
  g_assert_true (g_str_has_suffix (lines[1], ",26"));

  {
    g_autofree char *suggested = hub_audience_suggested_name ("logs", HUB_AUDIENCE_TABLE_COUNTRIES,
                                                              hub_day_from_ymd (2026, 10, 2));

    g_assert_cmpstr (suggested, ==, "logs-audience-countries-2026-10-02.csv");
  }
  hub_test_close_window (window);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Logs read once are kept in the cache: the second opening reads the
 * store, and shows the same figures. */
static void
test_cache (void)
{
  static const char * const names[] = { "day-1.csv", NULL };
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "hub-analytics", "logs", NULL);
  HubWindow *window;
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  window = open_logs (names, 1000, 700);
  assert_label (window->audience, "audience-requests-value", "150");
  hub_test_close_window (window);

  dir = g_dir_open (cache, 0, NULL);
  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, >=, 1);

  window = open_logs (names, 1000, 700);
  assert_label (window->audience, "audience-requests-value", "150");
  assert_label (window->audience, "audience-uniques-value", "30");
  hub_test_close_window (window);
}

typedef struct
{
  GPtrArray *sources;
  GError    *error;
  gboolean   done;
} Loaded;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loaded *loaded = user_data;

  loaded->sources = hub_source_load_files_finish (result, &loaded->error);
  loaded->done = TRUE;
}

static gboolean
is_loaded (gpointer data)
{
  return ((Loaded *) data)->done;
}

/* Reads a folder as the window does; the bytes it had to read, and the
 * summary of its logs. */
static char *
load_folder (const char *folder,
             guint64    *total_bytes)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  HubProgress progress = { 0 };
  Loaded loaded = { 0 };
  char *json;

  g_list_store_append (files, file);
  hub_source_load_files_async (G_LIST_MODEL (files), &progress, NULL, loaded_cb, &loaded);
  hub_test_wait_for (is_loaded, &loaded, 30, "the folder read");
  g_assert_no_error (loaded.error);
  g_assert_cmpuint (loaded.sources->len, ==, 1);
  *total_bytes = progress.total_bytes;
  json = hub_log_summary_to_json (hub_source_get_logs (g_ptr_array_index (loaded.sources, 0)));
  g_ptr_array_unref (loaded.sources);
  return json;
}

static void
copy_into (const char *name,
           const char *folder)
{
  g_autofree char *from = logs_path (name);
  g_autofree char *to = g_build_filename (folder, name, NULL);
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &text, &len, NULL));
  g_assert_true (g_file_set_contents (to, text, len, NULL));
}

static guint64
size_of (const char *folder,
         const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* The Audience view's figures come with the source, computed in the
 * thread that read the logs, for both periods: the main thread only shows
 * them. */
static void
test_figures_from_worker (void)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *day1 = logs_path ("day-1.csv");
  g_autofree char *day2 = logs_path ("day-2.jsonl");
  g_autoptr(GFile) file1 = g_file_new_for_path (day1);
  g_autoptr(GFile) file2 = g_file_new_for_path (day2);
  g_autoptr(GPtrArray) sources = NULL;
  static const char * const names[] = { "day-1.csv", "day-2.jsonl", NULL };
  const HubAudienceFigures *all, *month;
  HubLogFigures f;
  HubLogStore *store;
  HubSource *source;
  HubWindow *window;
  Loaded loaded = { 0 };
  g_autofree char *requests = NULL;

  g_list_store_append (files, file1);
  g_list_store_append (files, file2);
  hub_source_load_files_async (G_LIST_MODEL (files), NULL, NULL, loaded_cb, &loaded);
  hub_test_wait_for (is_loaded, &loaded, 30, "the logs read");
  g_assert_no_error (loaded.error);
  sources = loaded.sources;
  source = g_ptr_array_index (sources, 0);
  store = hub_source_get_logs (source);

  all = hub_source_get_audience (source, HUB_PERIOD_ALL_TIME);
  month = hub_source_get_audience (source, HUB_PERIOD_LAST_MONTH);
  g_assert_nonnull (all);
  g_assert_nonnull (month);
  hub_log_store_figures (store, HUB_LOG_FILTER_ALL, all->first, all->last, &f);
  g_assert_cmpmem (&all->total, sizeof f, &f, sizeof f);
  g_assert_cmpuint (all->n_repos, ==, hub_log_store_get_n_repos (store));
  g_assert_nonnull (all->identities);

  set_period (HUB_PERIOD_ALL_TIME);
  window = open_logs (names, 1400, 900);
  requests = g_strdup_printf ("%" G_GUINT64_FORMAT, all->total.requests);
  assert_label (window->audience, "audience-requests-value", requests);
  hub_test_close_window (window);
}

static guint
count_stores (void)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "hub-analytics", "logs", NULL);
  g_autoptr(GDir) dir = g_dir_open (cache, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".logs");
  return n;
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loaded *loaded = user_data;
  HubSource *source = hub_source_reread_logs_finish (result, &loaded->error);

  loaded->sources = g_ptr_array_new_with_free_func (g_object_unref);
  if (source != NULL)
    g_ptr_array_add (loaded->sources, source);
  loaded->done = TRUE;
}

/* Logs read again with other team settings are saved under another key:
 * the store of the earlier settings goes, the other sources' stay. */
static void
test_cache_keeps_one (void)
{
  g_autofree char *folder = g_dir_make_tmp ("hub-keep-one-XXXXXX", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) sources = NULL;
  static const char * const team[] = { "00000000000000000000000000000001", NULL };
  Loaded loaded = { 0 };
  guint before = count_stores ();

  copy_into ("day-1.csv", folder);
  g_list_store_append (files, file);
  hub_source_load_files_async (G_LIST_MODEL (files), NULL, NULL, loaded_cb, &loaded);
  hub_test_wait_for (is_loaded, &loaded, 30, "the folder read");
  g_assert_no_error (loaded.error);
  sources = g_steal_pointer (&loaded.sources);
  g_assert_cmpuint (count_stores (), ==, before + 1);

  for (int exclude = 1; exclude >= 0; exclude--)
    {
      loaded = (Loaded) { 0 };
      hub_source_reread_logs_async (g_ptr_array_index (sources, 0), team, exclude, NULL, NULL,
                                    reread_cb, &loaded);
      hub_test_wait_for (is_loaded, &loaded, 30, "the logs read again");
      g_assert_no_error (loaded.error);
      g_assert_cmpuint (loaded.sources->len, ==, 1);
      g_ptr_array_unref (loaded.sources);
      g_assert_cmpuint (count_stores (), ==, before + 1);
    }

  {
    g_autofree char *path = g_build_filename (folder, "day-1.csv", NULL);

    g_assert_cmpint (g_remove (path), ==, 0);
    g_assert_cmpint (g_rmdir (folder), ==, 0);
  }
}

/* A folder that gained a day reads that day alone, appended to the cached
 * store, and gives what reading both at once gives; an old file changed or
 * gone makes it read everything again. */
static void
test_cache_append (void)
{
  g_autofree char *folder = g_dir_make_tmp ("hub-append-XXXXXX", NULL);
  g_autofree char *fresh = g_dir_make_tmp ("hub-append-fresh-XXXXXX", NULL);
  g_autofree char *first = NULL;
  g_autofree char *appended = NULL;
  g_autofree char *together = NULL;
  g_autofree char *again = NULL;
  g_autofree char *day1 = g_build_filename (folder, "day-1.csv", NULL);
  guint64 read = 0;
  guint64 day1_size, day2_size;

  copy_into ("day-1.csv", folder);
  first = load_folder (folder, &read);
  day1_size = size_of (folder, "day-1.csv");
  g_assert_cmpuint (read, ==, day1_size);

  copy_into ("day-2.jsonl", folder);
  day2_size = size_of (folder, "day-2.jsonl");
  appended = load_folder (folder, &read);
  g_assert_cmpuint (read, ==, day2_size);
  g_assert_cmpstr (appended, !=, first);

  copy_into ("day-1.csv", fresh);
  copy_into ("day-2.jsonl", fresh);
  together = load_folder (fresh, &read);
  g_assert_cmpuint (read, ==, day1_size + day2_size);
  g_assert_cmpstr (appended, ==, together);

  again = load_folder (folder, &read);
  g_assert_cmpuint (read, ==, 0);
  g_assert_cmpstr (again, ==, together);

  /* An old file changed: everything again. */
  g_assert_true (g_utime (day1, &(struct utimbuf) { 1000000000, 1000000000 }) == 0);
  g_clear_pointer (&again, g_free);
  again = load_folder (folder, &read);
  g_assert_cmpuint (read, ==, day1_size + day2_size);
  g_assert_cmpstr (again, ==, together);

  /* An old file gone: everything that is left. */
  g_assert_cmpint (g_remove (day1), ==, 0);
  g_clear_pointer (&again, g_free);
  again = load_folder (folder, &read);
  g_assert_cmpuint (read, ==, day2_size);
  g_assert_cmpstr (again, !=, together);

  remove_folder (folder);
  remove_folder (fresh);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("hub-audience-cache-XXXXXX", NULL);
  g_autofree char *data = g_dir_make_tmp ("hub-audience-data-XXXXXX", NULL);

  /* The logs' stores and the team lists go to folders of this run's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/audience/figures", test_figures);
  g_test_add_func ("/ui/audience/breakdown-and-logs", test_breakdown_and_logs);
  g_test_add_func ("/ui/audience/logs-repo-page", test_logs_repo_page);
  g_test_add_func ("/ui/audience/logs-repo-page-period", test_logs_repo_page_period);
  g_test_add_func ("/ui/audience/view-follows-range", test_view_follows_range);
  g_test_add_func ("/ui/audience/lists-after-first-frame", test_lists_after_first_frame);
  g_test_add_func ("/ui/audience/team-and-cancel", test_team_and_cancel);
  g_test_add_func ("/ui/audience/mark-identity", test_mark_identity);
  g_test_add_func ("/ui/audience/export", test_export);
  g_test_add_func ("/ui/audience/cache", test_cache);
  g_test_add_func ("/ui/audience/cache-append", test_cache_append);
  g_test_add_func ("/ui/audience/cache-keeps-one", test_cache_keeps_one);
  g_test_add_func ("/ui/audience/figures-from-worker", test_figures_from_worker);

  return g_test_run ();
}
