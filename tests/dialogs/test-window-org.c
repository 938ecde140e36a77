/* test-window-org.c: an organisation in the window: fetched, refreshed, cancelled, detailed
 *
 * A SoupServer on 127.0.0.1 plays the Hub; HF_ENDPOINT and HF_TOKEN point
 * the window at it, as a user of huggingface_hub would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "hub-repo-row.h"
#include "hub-sign-in-dialog.h"
#include "hub-ui-test-util.h"
#include "hub-window.h"
#include "hub-window-public.h"

#define TOKEN "hf_window_test_token"

static const char whoami_json[] =
  "{\"name\":\"ada\",\"orgs\":[{\"name\":\"aurora\",\"fullname\":\"Aurora Labs\"},"
  "{\"name\":\"boreal\",\"fullname\":\"Boreal Research\"}],"
  "\"auth\":{\"accessToken\":{\"role\":\"read\"}}}";

static const char breakdown[] =
  "repoType,repoName,total,timestamp,downloads\n"
  "model,aurora/alpha,100,2026-11-20T00:00:00.000Z,5\n"
  "model,aurora/alpha,100,2026-11-21T00:00:00.000Z,6\n"
  "dataset,aurora/corpus,10,2026-11-21T00:00:00.000Z,7\n";

static gboolean slow;

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (g_strcmp0 (auth, "Bearer " TOKEN) != 0)
    {
      soup_server_message_set_status (msg, 401, NULL);
      return;
    }
  if (g_str_equal (path, "/api/whoami-v2"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        whoami_json, strlen (whoami_json));
      return;
    }
  if (g_strcmp0 (query ? g_hash_table_lookup (query, "author") : NULL, "boreal") == 0)
    {
      /* Boreal's public figures: what its plan still allows. */
      const char *listing = g_str_equal (path, "/api/models")
        ? "[{\"id\":\"boreal/wind\",\"likes\":4,\"downloads\":30,\"downloadsAllTime\":900}]"
        : "[]";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        listing, strlen (listing));
      return;
    }
  if (g_str_equal (path, "/api/models") || g_str_equal (path, "/api/datasets"))
    {
      const char *listing = g_str_equal (path, "/api/models")
        ? "[{\"id\":\"aurora/alpha\",\"likes\":12,\"private\":false}]"
        : "[{\"id\":\"aurora/corpus\",\"likes\":3,\"private\":true}]";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        listing, strlen (listing));
      return;
    }
  /* Boreal has no plan that includes the breakdown. */
  if (g_str_equal (path, "/organizations/boreal/settings/publisher-analytics/download-breakdown"))
    {
      soup_server_message_set_status (msg, 403, NULL);
      return;
    }
  if (!g_str_equal (path, "/organizations/aurora/settings/publisher-analytics/download-breakdown"))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  soup_server_message_set_status (msg, 200, NULL);
  if (slow)
    {
      /* The header and one row, then nothing more: the fetch waits. */
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (headers, "text/csv", NULL);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                                breakdown, 90);
      return;
    }
  soup_server_message_set_response (msg, "text/csv", SOUP_MEMORY_STATIC,
                                    breakdown, strlen (breakdown));
}

static void
wait_until (HubTestDone  done,
            HubWindow   *window,
            const char  *what)
{
  hub_test_wait_for (done, window, 30, what);
}

static gboolean
can_open_org (gpointer data)
{
  HubWindow *window = data;

  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-org");
}

static gboolean
shows_boreal_public (gpointer data)
{
  HubWindow *window = data;
  HubSource *source = hub_window_get_source (window);

  return source != NULL && g_str_equal (hub_source_get_id (source), "author:boreal") &&
         !hub_window_get_loading (window);
}

static gboolean
shows_aurora (gpointer data)
{
  HubWindow *window = data;

  HubSource *source = hub_window_get_source (window);

  return source != NULL && g_str_equal (hub_source_get_id (source), "org:aurora") &&
         !hub_window_get_loading (window);
}

static gboolean
is_loading (gpointer data)
{
  HubWindow *window = data;

  return hub_window_get_loading (window);
}

static gboolean
is_idle (gpointer data)
{
  HubWindow *window = data;

  return !hub_window_get_loading (window);
}

static gboolean
has_listings (gpointer data)
{
  HubWindow *window = data;

  return hub_source_has_repo_infos (hub_window_get_source (window));
}

static void
save_screenshot (HubWindow  *window,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GdkTexture) texture = NULL;

  hub_test_wait_frames (18);
  texture = hub_test_render (GTK_WIDGET (window));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static gboolean
find_chooser (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget **chooser = data;
  g_autoptr(GFile) folder = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        *chooser = GTK_WIDGET (item);
    }
  if (*chooser == NULL)
    return FALSE;
  /* Shown, and in the folder it was asked to start in. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (*chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  return folder != NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
banner_shown (gpointer data)
{
  HubWindow *window = data;

  return !hub_window_get_loading (window) &&
         adw_banner_get_revealed (ADW_BANNER (hub_test_find_named (GTK_WIDGET (window), "banner")));
}

/* The table's Likes column. */
static GtkColumnViewColumn *
likes_column (HubWindow *window)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (hub_test_find_type (GTK_WIDGET (hub_window_get_table (window)),
                                                             GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Likes") == 0)
        return column;
    }
  g_assert_not_reached ();
}

static void
test_fetch_refresh_cancel_detail (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *cache = NULL;
  HubWindow *window;
  HubDataset *fetched;
  GtkWidget *split_view;
  const char *progress;

  soup_server_add_handler (server, NULL, on_request, NULL, NULL);
  endpoint = hub_test_listen_local (server);

  cache = g_dir_make_tmp ("hub-window-org-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("HF_ENDPOINT", endpoint, TRUE);
  g_setenv ("HF_TOKEN", TOKEN, TRUE);

  window = hub_test_open_window (NULL, 1100, 800);
  wait_until (can_open_org, window, "signing in with HF_TOKEN");

  /* Open the organisation: nothing cached, so it is fetched. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-org",
                                  g_variant_new_string ("aurora"));
  wait_until (shows_aurora, window, "the first fetch");
  fetched = hub_source_get_dataset (hub_window_get_source (window));
  g_assert_cmpuint (hub_dataset_get_totals (fetched)->repos, ==, 2);
  g_assert_cmpint (hub_dataset_get_totals (fetched)->all_time, ==, 110);

  /* Then likes and privacy, from the models and datasets listings. */
  wait_until (has_listings, window, "the listings");
  g_assert_cmpint (hub_source_find_repo_info (hub_window_get_source (window),
                                              hub_dataset_get_repo (fetched, 0))->likes, ==, 12);
  g_assert_true (hub_source_find_repo_info (hub_window_get_source (window),
                                            hub_dataset_get_repo (fetched, 1))->is_private);

  /* The table shows them in a Likes column that sorts: fewest likes first. */
  {
    HubRepoTable *table = hub_window_get_table (window);
    g_autoptr(HubRepoRow) first = NULL;

    hub_test_wait_frames (12);
    hub_repo_table_sort_by (table, HUB_REPO_COLUMN_LIKES, GTK_SORT_ASCENDING);
    first = g_list_model_get_item (hub_repo_table_get_model (table), 0);
    g_assert_cmpstr (hub_repo_row_get_name (first), ==, "aurora/corpus");
    g_assert_cmpint (hub_repo_row_get_likes (first), ==, 3);
    g_assert_true (hub_repo_row_get_is_private (first));
  }
  save_screenshot (window, "window-organisation.png");

  /* A refresh that stalls shows its progress, and Cancel keeps the data. */
  slow = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (window), "refresh", NULL);
  wait_until (is_loading, window, "the refresh");
  hub_test_wait_frames (31);
  progress = hub_test_label_text (GTK_WIDGET (window), "progress-label");
  g_assert_nonnull (strstr (progress, "aurora"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-load", NULL);
  wait_until (is_idle, window, "the cancelled refresh");
  g_assert_true (hub_source_get_dataset (hub_window_get_source (window)) == fetched);

  /* A row opens the repository's page. */
  hub_test_open_repo (window, 1);
  split_view = hub_test_find_type (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_SPLIT_VIEW);
  g_assert_true (adw_navigation_split_view_get_show_content (ADW_NAVIGATION_SPLIT_VIEW (split_view)));
  save_screenshot (window, "window-detail.png");

  /* Export Breakdown (Ctrl+E): the save dialog suggests SOURCE-downloads-ASOF.csv, and
   * Export writes it; the toast's Open button is the window's open-uri. */
  {
    g_autofree char *path = g_build_filename (g_get_home_dir (), "aurora-downloads-2026-11-21.csv",
                                              NULL);
    g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
    g_autoptr(GFile) shown_folder = NULL;
    g_autofree char *suggested = NULL;
    GtkWidget *chooser = NULL;

    g_action_group_activate_action (G_ACTION_GROUP (window), "export-breakdown", NULL);
    hub_test_wait_for (find_chooser, &chooser, 30, "the save dialog");
    /* GTK's own dialog, without a portal: driven through its deprecated API.
     * The first export of a run starts in Documents, or home without one. */
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    shown_folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
    g_assert_cmpstr (suggested, ==, "aurora-downloads-2026-11-21.csv");
    g_assert_true (g_file_equal (shown_folder, home));
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    G_GNUC_END_IGNORE_DEPRECATIONS
    hub_test_wait_for (file_exists, path, 30, "the export");
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-uri"));
    g_remove (path);
  }
  hub_test_close_window (window);

  /* Offline, the next start shows the saved organisation at once, with the
   * likes and locks of its last listings, and a banner that says why the
   * figures are not newer. */
  soup_server_disconnect (server);
  window = hub_test_open_window (NULL, 1100, 800);
  wait_until (shows_aurora, window, "the saved organisation");
  wait_until (banner_shown, window, "the banner of the refresh that failed");
  fetched = hub_source_get_dataset (hub_window_get_source (window));
  g_assert_true (hub_source_has_repo_infos (hub_window_get_source (window)));
  g_assert_cmpint (hub_source_find_repo_info (hub_window_get_source (window),
                                              hub_dataset_get_repo (fetched, 0))->likes, ==, 12);
  g_assert_true (gtk_column_view_column_get_visible (likes_column (window)));
  save_screenshot (window, "window-offline.png");

  g_unsetenv ("HF_TOKEN");
  g_unsetenv ("HF_ENDPOINT");
  hub_test_close_window (window);
}

static gboolean
welcome_banner_shown (gpointer data)
{
  HubWindow *window = data;

  return !hub_window_get_loading (window) &&
         adw_banner_get_revealed (ADW_BANNER (hub_test_find_named (GTK_WIDGET (window),
                                                                   "welcome-banner")));
}

static gboolean
dialog_on_organisations (gpointer data)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (data));

  return HUB_IS_SIGN_IN_DIALOG (dialog) &&
         g_strcmp0 (hub_sign_in_dialog_get_page (HUB_SIGN_IN_DIALOG (dialog)), "org") == 0;
}

/* An organisation whose plan has no breakdown strands nobody: its public
 * view instead, with a banner that says what it shows and what needs the
 * plan; the user stays signed in, and another organisation is one choice
 * away, with no token typed again. */
static void
test_plan_refused (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *cache = NULL;
  AdwBanner *banner;
  AdwDialog *dialog;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HubWindow *window;

  /* Nothing opened before: the window starts on its welcome page. */
  g_settings_reset (settings, "last-source");
  soup_server_add_handler (server, NULL, on_request, NULL, NULL);
  endpoint = hub_test_listen_local (server);
  cache = g_dir_make_tmp ("hub-window-plan-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  /* The public view keeps its history beside the cache. */
  g_setenv ("XDG_DATA_HOME", cache, TRUE);
  g_setenv ("HF_ENDPOINT", endpoint, TRUE);
  g_setenv ("HF_TOKEN", TOKEN, TRUE);
  slow = FALSE;

  window = hub_test_open_window (NULL, 1100, 800);
  wait_until (can_open_org, window, "signing in with HF_TOKEN");
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-org",
                                  g_variant_new_string ("boreal"));
  wait_until (shows_boreal_public, window, "boreal's public view");

  banner = ADW_BANNER (hub_test_find_named (GTK_WIDGET (window), "banner"));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "boreal"));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "Team or Enterprise plan"));
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "_Choose Another…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner)), ==, "win.sign-in");
  g_assert_cmpuint (g_list_model_get_n_items (hub_public_view_get_model (hub_window_get_public_view (window))),
                    ==, 1);
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (hub_test_find_named (GTK_WIDGET (window),
                                                                            "welcome-banner"))));
  /* Still signed in: organisations can still be opened. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-org"));
  save_screenshot (window, "window-plan-refused.png");

  /* The banner's button: the organisations at once, no token asked for. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-in", NULL);
  hub_test_wait_for (dialog_on_organisations, window, 30, "the organisations");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  hub_sign_in_dialog_choose_org (HUB_SIGN_IN_DIALOG (dialog), "aurora");
  wait_until (shows_aurora, window, "the other organisation");
  g_assert_false (adw_banner_get_revealed (banner));

  g_unsetenv ("HF_TOKEN");
  g_unsetenv ("HF_ENDPOINT");
  hub_test_close_window (window);
  soup_server_disconnect (server);
}

/* HF_TOKEN with a line break inside cannot be sent: the welcome page says
 * so, naming HF_TOKEN, and the window is not signed in with anything else. */
static void
test_token_with_line_break (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwBanner *banner;
  HubWindow *window;

  g_settings_reset (settings, "last-source");
  g_setenv ("HF_TOKEN", "hf_first\nhf_second", TRUE);
  window = hub_test_open_window (NULL, 1100, 800);
  wait_until (welcome_banner_shown, window, "the refused token in the welcome page's banner");
  banner = ADW_BANNER (hub_test_find_named (GTK_WIDGET (window), "welcome-banner"));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "HF_TOKEN"));
  g_assert_null (adw_banner_get_button_label (banner));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-org"));
  save_screenshot (window, "window-token-refused.png");

  g_unsetenv ("HF_TOKEN");
  hub_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/dialogs/window/fetch-refresh-cancel-detail", test_fetch_refresh_cancel_detail);
  g_test_add_func ("/dialogs/window/plan-refused", test_plan_refused);
  g_test_add_func ("/dialogs/window/token-with-line-break", test_token_with_line_break);

  return g_test_run ();
}
