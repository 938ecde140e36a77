/* hub-window-actions.c: the window's actions, the API between its UI and code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-export.h"
#include "hub-insights-dialog.h"
#include "hub-window-private.h"
#include "hub-window-public.h"

static void
on_open_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object),
                                                                      result, &error);

  if (files == NULL || self->sources == NULL)
    return;
  hub_window_open_files (self, files);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HubWindow *self = user_data;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("Breakdowns and Request Logs"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "jsonl");
  gtk_file_filter_add_suffix (csv, "json");
  gtk_file_filter_add_suffix (csv, "gz");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, csv);
  g_list_store_append (filters, all);
  gtk_file_dialog_set_title (dialog, _("Open Downloads or Request Logs"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, csv);
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, on_open_chosen,
                                 g_object_ref (self));
}

static void
on_folders_chosen (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GListModel) folders = gtk_file_dialog_select_multiple_folders_finish (GTK_FILE_DIALOG (object),
                                                                                result, NULL);

  if (folders == NULL || self->sources == NULL)
    return;
  hub_window_open_files (self, folders);
}

/* A folder of request logs (a file a day, as the Hub exports them), with
 * or without its breakdown. */
static void
open_folder_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HubWindow *self = user_data;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open a Folder of Request Logs"));
  gtk_file_dialog_select_multiple_folders (dialog, GTK_WINDOW (self), NULL, on_folders_chosen,
                                           g_object_ref (self));
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  hub_window_open_demo (user_data);
}

static void
sign_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  hub_window_show_sign_in (user_data);
}

static void
open_org_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  hub_window_open_org (user_data, g_variant_get_string (parameter, NULL), TRUE);
}

static void
source_change_state (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  hub_window_select_source (user_data, g_variant_get_string (state, NULL));
}

static void
refresh_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  HubWindow *self = user_data;
  GFile *file = self->source ? hub_source_get_file (self->source) : NULL;

  if (file != NULL)
    {
      g_autoptr(GListModel) files = hub_source_dup_files (self->source);

      hub_window_open_files (self, files);
    }
  else if (self->source != NULL &&
           hub_source_get_kind (self->source) == HUB_SOURCE_KIND_ORGANIZATION)
    hub_window_open_org (self, hub_source_id_get_organization (hub_source_get_id (self->source)),
                         TRUE);
  else if (self->source != NULL && hub_source_get_kind (self->source) == HUB_SOURCE_KIND_AUTHOR)
    hub_window_open_author (self, hub_source_id_get_author (hub_source_get_id (self->source)));
}

static void
cancel_load_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  hub_window_cancel_load (user_data);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  hub_window_focus_search (user_data);
}

static void
on_export_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = hub_export_run_finish (result, &error);

  if (self->sources == NULL)
    return;
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *uri = g_file_get_uri (file);
      /* Translators: a toast after an export; %s is the file's name */
      g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);
      g_autofree char *markup = g_markup_escape_text (text, -1);
      AdwToast *toast = adw_toast_new (markup);

      g_clear_object (&self->export_folder);
      self->export_folder = g_file_get_parent (file);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_set_timeout (toast, 8);
      hub_window_add_toast (self, toast);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hub_window_show_toast (self, error->message);
}

/* The save dialog and the writing are src/ui/dialogs' hub_export_run_async;
 * the window gives it the source, the table as shown and where the last
 * export went. */
static void
export (HubWindow     *self,
        HubExportKind  kind)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GFile) documents = NULL;
  g_autofree guint *indexes = NULL;
  const char *documents_dir;
  guint n;

  if (self->source == NULL)
    return;
  indexes = hub_repo_table_get_visible_indexes (self->table, &n);
  g_array_append_vals (shown, indexes, n);
  /* The first export of a run goes to Documents (or home), not wherever
   * the app was started from. */
  documents_dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents_dir == NULL || !g_file_test (documents_dir, G_FILE_TEST_IS_DIR))
    documents_dir = g_get_home_dir ();
  documents = g_file_new_for_path (documents_dir);
  hub_export_run_async (GTK_WINDOW (self), hub_source_get_dataset (self->source), kind,
                        hub_source_get_export_name (self->source), shown, &self->span,
                        self->export_folder ? self->export_folder : documents,
                        NULL, on_export_done, g_object_ref (self));
}

static void
export_breakdown_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  export (user_data, HUB_EXPORT_BREAKDOWN);
}

static void
export_table_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  export (user_data, HUB_EXPORT_TABLE);
}

/* The Open button of the export's toast: the file in its default application. */
static void
open_uri_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (user_data), NULL, NULL, NULL);
}

/* Insights of the source shown: any range, movers, milestones, notes, badges, the report. */
static void
insights_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HubWindow *self = user_data;
  const char *endpoint = self->account ? hub_account_get_endpoint (self->account) : NULL;

  if (self->source == NULL)
    return;
  adw_dialog_present (hub_insights_dialog_new (self->source, endpoint), GTK_WIDGET (self));
}

static const GActionEntry win_entries[] = {
  { "open", open_activated },
  { "open-folder", open_folder_activated },
  { "open-demo", open_demo_activated },
  { "sign-in", sign_in_activated },
  { "open-org", open_org_activated, "s" },
  { "source", NULL, "s", "''", source_change_state },
  { "refresh", refresh_activated },
  { "cancel-load", cancel_load_activated },
  { "search", search_activated },
  { "export-breakdown", export_breakdown_activated },
  { "export-table", export_table_activated },
  { "open-uri", open_uri_activated, "s" },
  { "insights", insights_activated },
};

static void
set_enabled (HubWindow  *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void on_source_menu_popup (GtkMenuButton *button,
                                  gpointer       user_data);

void
hub_window_actions_init (HubWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  /* The window's own shortcut, beside the application's accelerators. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>i"),
                                                          gtk_named_action_new ("win.insights")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_menu_button_set_create_popup_func (self->source_button, on_source_menu_popup, self, NULL);
  hub_window_actions_update (self);
}

/* Enables what makes sense in the current state. */
void
hub_window_actions_update (HubWindow *self)
{
  gboolean loading = self->load_cancellable != NULL;
  GAction *source = g_action_map_lookup_action (G_ACTION_MAP (self), "source");

  set_enabled (self, "refresh", !loading && self->source != NULL &&
                                (hub_source_get_file (self->source) != NULL ||
                                 hub_source_get_kind (self->source) == HUB_SOURCE_KIND_AUTHOR ||
                                 (hub_source_get_kind (self->source) == HUB_SOURCE_KIND_ORGANIZATION &&
                                  self->account != NULL &&
                                  hub_account_get_signed_in (self->account))));
  set_enabled (self, "open-org", !loading && self->account != NULL &&
                                 hub_account_get_signed_in (self->account));
  set_enabled (self, "cancel-load", loading);
  set_enabled (self, "search", self->source != NULL);
  set_enabled (self, "export-breakdown", self->source != NULL);
  set_enabled (self, "export-table", self->source != NULL);
  set_enabled (self, "insights", self->source != NULL &&
                                 hub_dataset_get_as_of (hub_source_get_dataset (self->source)) != HUB_DAY_NONE);
  g_simple_action_set_state (G_SIMPLE_ACTION (source),
                             g_variant_new_string (self->source ? hub_source_get_id (self->source)
                                                                : ""));
  hub_window_public_actions_update (self);
}

/* The source switcher: every source opened, then ways to add one. */
static void
build_source_menu (HubWindow *self)
{
  GListModel *sources = G_LIST_MODEL (self->sources);
  g_autoptr(GMenu) opened = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  gboolean has_demo = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(HubSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (hub_source_get_title (source), NULL);

      g_menu_item_set_action_and_target (item, "win.source", "s", hub_source_get_id (source));
      g_menu_append_item (opened, item);
      has_demo |= hub_source_get_kind (source) == HUB_SOURCE_KIND_DEMO;
    }

  hub_window_add_org_menu (self, opened);
  hub_window_add_author_menu (self, opened, more);
  g_menu_append (more, _("Open CSV File…"), "win.open");
  if (!has_demo)
    g_menu_append (more, _("Demo Data"), "win.open-demo");
  g_menu_append (more, _("Sign In…"), "win.sign-in");

  g_menu_remove_all (self->source_menu);
  g_menu_append_section (self->source_menu, NULL, G_MENU_MODEL (opened));
  g_menu_append_section (self->source_menu, NULL, G_MENU_MODEL (more));
}

static void
on_source_menu_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  HubWindow *self = user_data;

  if (!self->source_menu_stale)
    return;
  self->source_menu_stale = FALSE;
  build_source_menu (self);
}

/* The switcher is made anew when it opens next: its popover makes a row of
 * widgets for each item at every change of a menu attached to it, 3 ms of
 * the frame that shows a file. */
void
hub_window_rebuild_source_menu (HubWindow *self)
{
  self->source_menu_stale = TRUE;
}
