/* test-public-view.c: any author's public figures in the window, and their history
 *
 * The project's test Hub (tests/net/fake-hub.c) serves the listings: any
 * author's models, datasets and spaces, two a page, with all-time downloads
 * that grow each round; pub-none lists nothing, pub-500 fails. No token is
 * set: the public view needs none. The history is a real SQLite database in
 * a folder of the test's own (XDG_DATA_HOME).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fake-hub.h"
#include "hub-background.h"
#include "hub-compare-dialog.h"
#include "hub-follow-dialog.h"
#include "hub-format.h"
#include "hub-import-dialog.h"
#include "hub-repo-detail.h"
#include "hub-ui-test-util.h"
#include "hub-window-public.h"

typedef struct
{
  FakeHub   *hub;
  char      *data_dir;
  GSettings *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->hub = fake_hub_new (NULL);
  fixture->data_dir = g_dir_make_tmp ("hub-public-view-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", fixture->data_dir, TRUE);
  g_setenv ("HF_ENDPOINT", fixture->hub->url, TRUE);
  g_unsetenv ("HF_TOKEN");
  g_setenv ("HF_TOKEN_PATH", "/nonexistent/token", TRUE);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "last-source");
  g_settings_reset (fixture->settings, "followed-authors");
  g_settings_reset (fixture->settings, "period");
  g_settings_reset (fixture->settings, "ranges");
  g_settings_reset (fixture->settings, "last-range");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_settings_reset (fixture->settings, "followed-authors");
  g_clear_object (&fixture->settings);
  fake_hub_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
  fake_hub_free (fixture->hub);
  g_unsetenv ("HF_ENDPOINT");
  g_unsetenv ("HF_TOKEN_PATH");
}

static gboolean
shows_author (gpointer data)
{
  HubWindow *window = data;
  HubSource *source = hub_window_get_source (window);

  return source != NULL && hub_source_get_kind (source) == HUB_SOURCE_KIND_AUTHOR &&
         !hub_window_get_loading (window);
}

static gboolean
not_loading (gpointer data)
{
  return !hub_window_get_loading (HUB_WINDOW (data));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
follow_dialog_idle (gpointer data)
{
  return !hub_follow_dialog_get_busy (HUB_FOLLOW_DIALOG (data));
}

static gboolean
no_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (data)) == NULL;
}

static gboolean
import_dialog_shown (gpointer data)
{
  return HUB_IS_IMPORT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (data)));
}

typedef struct
{
  HubWindow *window;
  AdwBanner *banner;
} Importing;

/* The dialog closed, or its banner says why the import failed. */
static gboolean
import_done (gpointer data)
{
  Importing *importing = data;

  if (importing->banner != NULL && adw_banner_get_revealed (importing->banner))
    g_error ("The import failed: %s", adw_banner_get_title (importing->banner));
  return no_dialog (importing->window);
}

static HubDay
day_of (const char *iso)
{
  HubDay day;

  g_assert_true (hub_day_parse_timestamp (iso, strlen (iso), &day));
  return day;
}

/* The dialog asks for a name, says what is wrong with it (a name the Hub
 * does not know, the Hub failing), and opens the public view when it is
 * right: no sign-in, the author followed. */
static void
test_follow (Fixture       *fixture,
             gconstpointer  data)
{
  HubWindow *window = hub_test_open_window (NULL, 1280, 800);
  HubFollowDialog *dialog;
  HubPublicView *view;
  GListModel *rows;
  g_auto(GStrv) followed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *last = NULL;
  HubHistory *history;
  AdwBanner *banner;
  const char *message;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "follow"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "follow", NULL);
  dialog = HUB_FOLLOW_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (HUB_IS_FOLLOW_DIALOG (dialog));

  /* Not a name at all: said at once, nothing asked of the Hub. */
  hub_follow_dialog_set_name (dialog, "https://huggingface.co/acme");
  g_assert_nonnull (strstr (hub_follow_dialog_get_message (dialog), "letters, digits"));
  hub_follow_dialog_follow (dialog);
  g_assert_false (hub_follow_dialog_get_busy (dialog));

  hub_follow_dialog_set_name (dialog, "pub-none");
  hub_follow_dialog_follow (dialog);
  hub_test_wait_for (follow_dialog_idle, dialog, 30, "the unknown author's answer");
  message = hub_follow_dialog_get_message (dialog);
  g_assert_nonnull (strstr (message, "pub-none"));
  g_assert_nonnull (strstr (message, "check the name"));
  g_assert_null (hub_window_get_source (window));

  /* The Hub fails on the datasets: the models that arrived are shown, said
   * to be incomplete, and nothing is saved or followed. */
  hub_follow_dialog_set_name (dialog, "pub-500");
  hub_follow_dialog_follow (dialog);
  hub_test_wait_for (shows_author, window, 60, "what arrived of pub-500");
  hub_test_wait_for (no_dialog, window, 10, "the dialog to close");
  banner = ADW_BANNER (hub_test_find_named (GTK_WIDGET (window), "banner"));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "Only 5 repositories arrived"));
  g_assert_cmpuint (g_list_model_get_n_items (hub_public_view_get_model (hub_window_get_public_view (window))), ==, 5);
  history = hub_window_get_history (window, &error);
  g_assert_no_error (error);
  days = hub_history_list_days (history, fixture->hub->url, "pub-500", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  followed = g_settings_get_strv (fixture->settings, "followed-authors");
  g_assert_false (g_strv_contains ((const char * const *) followed, "pub-500"));
  g_clear_pointer (&followed, g_strfreev);

  /* A 429 on the second page: Retry-After is waited for, then the rest. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "follow", NULL);
  dialog = HUB_FOLLOW_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  hub_follow_dialog_set_name (dialog, " pub-429 ");
  hub_follow_dialog_follow (dialog);
  hub_test_wait_for (no_dialog, window, 30, "the public view of pub-429");
  hub_test_wait_for (shows_author, window, 30, "the public view of pub-429");
  g_assert_cmpuint (fake_hub_hits (fixture->hub, "limited:pub-429"), ==, 1);

  g_assert_cmpstr (hub_source_get_id (hub_window_get_source (window)), ==, "author:pub-429");
  g_assert_false (adw_banner_get_revealed (banner));
  view = hub_window_get_public_view (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  rows = hub_public_view_get_model (view);
  /* 5 models, 3 datasets, 2 spaces; sorted by downloads in 30 days. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);
  g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (view), "repos-value"), ==, "10");
  /* One snapshot: no estimate yet, and the view says when there will be. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hub_public_view_get_chart (view))) &&
                  gtk_widget_get_mapped (GTK_WIDGET (hub_public_view_get_chart (view))));
  g_assert_true (gtk_widget_get_mapped (hub_test_find_named (GTK_WIDGET (view), "history-waiting")));

  followed = g_settings_get_strv (fixture->settings, "followed-authors");
  g_assert_true (g_strv_contains ((const char * const *) followed, "pub-429"));
  last = g_settings_get_string (fixture->settings, "last-source");
  g_assert_cmpstr (last, ==, "author:pub-429");

  hub_test_close_window (window);
}

/* Two snapshots three days apart: each day between gets a third of the
 * change in all-time downloads, the remainder on the latest days, drawn as
 * an estimate with its caption; the range works on it: the Hub's 30 days,
 * all time, or the sum of the estimated days of any other range. */
static void
test_estimates (Fixture       *fixture,
                gconstpointer  data)
{
  HubWindow *window = hub_test_open_window (NULL, 1280, 800);
  HubDay first = day_of ("2026-11-20");
  HubPublicView *view;
  HubDataset *dataset;
  const HubRepo *repo;
  gint64 change;
  HubDay day;
  gint64 count;

  hub_window_set_today (window, first);
  hub_window_open_author (window, "aurora");
  hub_test_wait_for (shows_author, window, 30, "the first snapshot");
  g_assert_cmpuint (hub_source_get_n_snapshots (hub_window_get_source (window)), ==, 1);
  view = hub_window_get_public_view (window);

  hub_window_set_today (window, first + 3);
  g_action_group_activate_action (G_ACTION_GROUP (window), "refresh", NULL);
  g_assert_true (hub_window_get_loading (window));
  hub_test_wait_for (not_loading, window, 30, "the second snapshot");
  g_assert_cmpuint (hub_source_get_n_snapshots (hub_window_get_source (window)), ==, 2);

  dataset = hub_source_get_dataset (hub_window_get_source (window));
  repo = hub_dataset_find_repo (dataset, "model", "aurora/models-1");
  g_assert_nonnull (repo);
  change = fake_hub_public_all_time ("aurora", "models", 1, 2) -
           fake_hub_public_all_time ("aurora", "models", 1, 1);
  g_assert_cmpint (change, >, 0);
  g_assert_cmpint (hub_repo_range_sum (repo, first + 1, first + 3), ==, change);
  g_assert_cmpint (hub_repo_day_count (repo, first + 1), ==, change / 3);
  g_assert_cmpint (hub_repo_day_count (repo, first + 3), ==, change / 3 + (change % 3 > 0));
  g_assert_true (hub_repo_best_day (repo, &day, &count));
  g_assert_cmpint (day, <=, first + 3);

  /* Marked as an estimate, in words and on the chart's card. */
  g_assert_nonnull (strstr (hub_public_view_get_estimate_caption (view), "Estimated"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hub_public_view_get_chart (view))));
  g_assert_true (gtk_widget_has_css_class (hub_test_find_named (GTK_WIDGET (view),
                                                                "public-chart-card"),
                                           "estimate"));
  g_assert_cmpuint (hub_trend_chart_get_n_points (hub_public_view_get_chart (view)), >, 0);

  /* The repository's page draws its estimated days, and says so. */
  for (guint i = 0; i < hub_dataset_get_n_repos (dataset); i++)
    if (hub_dataset_get_repo (dataset, i) == repo)
      g_signal_emit_by_name (view, "repo-activated", i);
  g_assert_true (hub_repo_detail_get_repo (HUB_REPO_DETAIL (hub_test_find_type (GTK_WIDGET (window), HUB_TYPE_REPO_DETAIL))) == repo);
  g_assert_true (gtk_widget_has_css_class (hub_test_find_type (GTK_WIDGET (window), HUB_TYPE_REPO_DETAIL),
                                           "estimate"));

  /* Exported: the breakdown's five columns, the estimates flagged. */
  {
    g_autofree char *path = g_build_filename (fixture->data_dir, "aurora-history.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    g_autofree char *row = NULL;
    char iso[HUB_DAY_ISO_LEN];

    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-history"));
    hub_window_export_history (window, file);
    hub_test_wait_for (file_exists, path, 30, "the history's export");
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "repoType,repoName,total,timestamp,downloads,estimate\n"));
    hub_day_format (first + 1, iso);
    row = g_strdup_printf (",%sT00:00:00.000Z,%" G_GINT64_FORMAT ",true\n", iso, change / 3);
    g_assert_nonnull (strstr (contents, "model,aurora/models-1,"));
    g_assert_nonnull (strstr (contents, row));
  }

  /* The range: the cards' downloads follow it (the Hub's 30 days). */
  hub_test_set_preset (HUB_RANGE_LAST_30_DAYS);
  g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (view), "downloads-value"), !=, NULL);
  {
    g_autofree char *last_month = g_strdup (hub_test_label_text (GTK_WIDGET (view), "downloads-value"));

    hub_test_set_preset (HUB_RANGE_ALL);
    g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (view), "downloads-value"), !=, last_month);
  }

  /* Any other range sums the estimated days it covers, and says so. */
  {
    gint64 two_days = 0, estimated = 0;
    g_autofree char *expected = NULL;

    for (guint i = 0; i < hub_dataset_get_n_repos (dataset); i++)
      {
        two_days += hub_repo_range_sum (hub_dataset_get_repo (dataset, i), first + 1, first + 2);
        estimated += hub_repo_range_sum (hub_dataset_get_repo (dataset, i), first + 1, first + 3);
      }
    g_assert_cmpint (two_days, >, 0);
    g_assert_cmpint (estimated, >, two_days);

    hub_range_picker_set_range (hub_window_get_range_picker (window), HUB_RANGE_CUSTOM,
                                (HubRange) { first + 1, first + 2 });
    hub_test_wait_frames (3);
    expected = hub_format_count (two_days);
    g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (view), "downloads-value"), ==, expected);
    g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (view), "downloads-caption"), ==,
                     "Estimated from the daily snapshots");

    /* The last 7 days begin before the first estimated day. */
    hub_test_set_preset (HUB_RANGE_LAST_7_DAYS);
    g_clear_pointer (&expected, g_free);
    expected = hub_format_count (estimated);
    g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (view), "downloads-value"), ==, expected);
    g_assert_true (g_str_has_prefix (hub_test_label_text (GTK_WIDGET (view), "downloads-caption"),
                                     "Estimated, for the days since "));
  }

  hub_test_close_window (window);
}

/* A folder of snapshot files: the dialog shows the files, the columns
 * recognised, the snapshots and the rows left out; Import writes them. */
static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  HubWindow *window = hub_test_open_window (NULL, 1280, 800);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "snapshots", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *summary = NULL;
  HubImportDialog *dialog;
  HubHistory *history;
  Importing importing;

  hub_window_import_folder (window, folder);
  hub_test_wait_for (import_dialog_shown, window, 30, "the import preview");
  dialog = HUB_IMPORT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  summary = hub_import_dialog_dup_summary (dialog);
  g_assert_nonnull (strstr (summary, "1 unknown · 2 repeated · 1 conflicting"));
  g_assert_nonnull (hub_test_find_named (GTK_WIDGET (dialog), "import-issues"));
  g_assert_true (gtk_widget_get_visible (hub_test_find_named (GTK_WIDGET (dialog), "import-issues")));

  importing.window = window;
  importing.banner = ADW_BANNER (hub_test_find_named (GTK_WIDGET (dialog), "import-banner"));
  g_object_add_weak_pointer (G_OBJECT (importing.banner), (gpointer *) &importing.banner);
  g_assert_true (gtk_widget_is_sensitive (hub_test_find_named (GTK_WIDGET (dialog), "import-button")));
  g_signal_emit_by_name (hub_test_find_named (GTK_WIDGET (dialog), "import-button"), "clicked");
  /* Writing: the dialog cannot be closed until it has finished. */
  g_assert_false (adw_dialog_get_can_close (ADW_DIALOG (dialog)));
  hub_test_wait_for (import_done, &importing, 20, "the import to be written");
  if (importing.banner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (importing.banner), (gpointer *) &importing.banner);

  history = hub_window_get_history (window, &error);
  g_assert_no_error (error);
  days = hub_history_list_days (history, fixture->hub->url, "acme", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, >=, 2);

  hub_test_close_window (window);
}

static gboolean
window_gone (gpointer data)
{
  return *(HubWindow **) data == NULL;
}

/* A window closed while an author is listed goes away whole: the listing
 * is cancelled, no callback touches the window, and the history has the
 * snapshot whole or not at all. */
static void
test_close_while_listing (Fixture       *fixture,
                          gconstpointer  data)
{
  HubWindow *window = hub_test_open_window (NULL, 800, 600);
  g_autoptr(HubHistory) history = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;

  hub_window_open_author (window, "many-3000");
  g_assert_true (hub_window_get_loading (window));
  history = g_object_ref (hub_window_get_history (window, &error));
  g_assert_no_error (error);
  /* The cancelled listing holds the window until its callback has run. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  hub_test_wait_for (window_gone, &window, 30, "the window to be finalized");

  /* Saved whole if every page had arrived first, else not at all. */
  days = hub_history_list_days (history, fixture->hub->url, "many-3000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, <=, 1);
  if (days->len == 1)
    {
      g_autoptr(GPtrArray) latest = hub_history_load_latest (history, fixture->hub->url,
                                                             "many-3000", NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (latest->len, ==, 3000);
    }
}

static gboolean
compare_shown (gpointer data)
{
  return HUB_IS_COMPARE_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (data)));
}

/* Two followed authors: the switcher lists both, and their totals side by
 * side come from their latest snapshots. */
static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  HubWindow *window = hub_test_open_window (NULL, 1024, 700);
  HubCompareDialog *dialog;
  g_autofree char *all_time = NULL;
  gint64 sum = 0;

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "compare-authors"));
  hub_window_open_author (window, "aurora");
  hub_test_wait_for (shows_author, window, 30, "aurora");
  hub_window_open_author (window, "boreal");
  hub_test_wait_for (not_loading, window, 30, "boreal");
  g_assert_cmpuint (g_list_model_get_n_items (hub_window_get_sources (window)), ==, 2);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "compare-authors"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "compare-authors", NULL);
  hub_test_wait_for (compare_shown, window, 30, "the authors side by side");
  dialog = HUB_COMPARE_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_cmpstr (hub_compare_dialog_get_cell (dialog, 0, 1), ==, "aurora");
  g_assert_cmpstr (hub_compare_dialog_get_cell (dialog, 0, 2), ==, "boreal");
  g_assert_cmpstr (hub_compare_dialog_get_cell (dialog, 1, 1), ==, "10");
  g_assert_cmpstr (hub_compare_dialog_get_cell (dialog, 5, 2), ==, "1");
  for (guint i = 0; i < 5; i++)
    sum += fake_hub_public_all_time ("aurora", "models", i, 1);
  for (guint i = 0; i < 3; i++)
    sum += fake_hub_public_all_time ("aurora", "datasets", i, 1);
  all_time = hub_format_count (sum);
  g_assert_cmpstr (hub_compare_dialog_get_cell (dialog, 3, 1), ==, all_time);

  adw_dialog_force_close (ADW_DIALOG (dialog));
  hub_test_wait_for (no_dialog, window, 10, "the dialog to close");
  hub_test_close_window (window);
}

/* A fake desktop portal on the test's private session bus: Background's
 * RequestBackground, answered on its Request object as the real one does. */
typedef struct
{
  GDBusConnection *connection;
  guint            registration;
  guint            calls;
  gboolean         autostart;
  char           **commandline;
  char            *reason;
} FakePortal;

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Background'>"
  "<method name='RequestBackground'><arg type='s' direction='in'/>"
  "<arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "</interface></node>";

static void
on_portal_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  FakePortal *portal = user_data;
  g_autoptr(GVariant) options = NULL;
  g_autofree char *unique = g_strdup (sender + 1);
  g_autofree char *path = NULL;
  const char *window;
  const char *token = NULL;
  GVariantBuilder results;

  g_variant_get (parameters, "(&s@a{sv})", &window, &options);
  portal->calls++;
  g_variant_lookup (options, "autostart", "b", &portal->autostart);
  g_clear_pointer (&portal->commandline, g_strfreev);
  g_variant_lookup (options, "commandline", "^as", &portal->commandline);
  g_clear_pointer (&portal->reason, g_free);
  g_variant_lookup (options, "reason", "s", &portal->reason);
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_strdelimit (unique, ".", '_');
  path = g_strconcat ("/org/freedesktop/portal/desktop/request/", unique, "/", token, NULL);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (portal->autostart));
  g_dbus_connection_emit_signal (connection, sender, path, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", 0, &results), NULL);
}

static FakePortal *
fake_portal_new (void)
{
  static const GDBusInterfaceVTable vtable = { on_portal_call, NULL, NULL, { 0 } };
  FakePortal *portal = g_new0 (FakePortal, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;

  g_assert_no_error (error);
  portal->connection =
    g_dbus_connection_new_for_address_sync (address,
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
  portal->registration =
    g_dbus_connection_register_object (portal->connection, "/org/freedesktop/portal/desktop",
                                       info->interfaces[0], &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (portal->connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  return portal;
}

static void
fake_portal_free (FakePortal *portal)
{
  g_dbus_connection_unregister_object (portal->connection, portal->registration);
  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_clear_object (&portal->connection);
  g_strfreev (portal->commandline);
  g_free (portal->reason);
  g_free (portal);
}

typedef struct
{
  HubWindow  *window;
  const char *author;
  const char *endpoint;
  int         answer;
} Keeping;

/* The history has a snapshot of the author, and the portal answered. */
static gboolean
history_kept (gpointer data)
{
  Keeping *keeping = data;
  g_autoptr(GArray) days = NULL;
  HubHistory *history = hub_window_get_history (keeping->window, NULL);

  if (history == NULL || hub_window_get_background_answer (keeping->window) != keeping->answer)
    return FALSE;
  days = hub_history_list_days (history, keeping->endpoint, keeping->author, NULL);
  return days != NULL && days->len > 0;
}

/* "Keep history while I'm logged in": where the desktop has no Background
 * portal, the followed authors' snapshots are taken at start-up; where it
 * has one, the app asks to start at login with --snapshot and their names. */
static void
test_keep_history (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const followed[] = { "aurora", NULL };
  Keeping keeping = { NULL, "aurora", fixture->hub->url, HUB_BACKGROUND_NO_PORTAL };
  FakePortal *portal;

  g_settings_set_strv (fixture->settings, "followed-authors", followed);
  g_settings_set_boolean (fixture->settings, "keep-history", TRUE);
  keeping.window = hub_test_open_window (NULL, 1024, 700);
  hub_test_wait_for (history_kept, &keeping, 30, "the snapshot at start-up, with no portal");
  /* Nothing opened: the window stays on its welcome page. */
  g_assert_null (hub_window_get_source (keeping.window));

  portal = fake_portal_new ();
  g_settings_set_boolean (fixture->settings, "keep-history", FALSE);
  g_settings_set_boolean (fixture->settings, "keep-history", TRUE);
  keeping.answer = HUB_BACKGROUND_GRANTED;
  hub_test_wait_for (history_kept, &keeping, 30, "the portal's answer");
  g_assert_cmpuint (portal->calls, ==, 1);
  g_assert_true (portal->autostart);
  g_assert_cmpstr (portal->commandline[0], ==, "hub-analytics");
  g_assert_cmpstr (portal->commandline[1], ==, "--snapshot");
  g_assert_cmpstr (portal->commandline[2], ==, "aurora");
  g_assert_null (portal->commandline[3]);
  g_assert_nonnull (strstr (portal->reason, "snapshot"));

  g_settings_reset (fixture->settings, "keep-history");
  hub_test_close_window (keeping.window);
  fake_portal_free (portal);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add ("/dialogs/public/follow", Fixture, NULL,
              fixture_set_up, test_follow, fixture_tear_down);
  g_test_add ("/dialogs/public/estimates", Fixture, NULL,
              fixture_set_up, test_estimates, fixture_tear_down);
  g_test_add ("/dialogs/public/import-preview", Fixture, NULL,
              fixture_set_up, test_import_preview, fixture_tear_down);

  g_test_add ("/dialogs/public/close-while-listing", Fixture, NULL,
              fixture_set_up, test_close_while_listing, fixture_tear_down);
  g_test_add ("/dialogs/public/compare", Fixture, NULL,
              fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/dialogs/public/keep-history", Fixture, NULL,
              fixture_set_up, test_keep_history, fixture_tear_down);

  return g_test_run ();
}
