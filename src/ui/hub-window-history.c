/* hub-window-history.c: the window's history of authors: import, export, keeping it
 *
 * A folder of community snapshot files is read off the main thread and
 * previewed (HubImportDialog) before anything is written; the history of
 * the author shown is exported in the breakdown's five columns plus
 * `estimate`, whole or not at all; and "Keep history while I'm logged in"
 * takes a snapshot a day of each followed author: at login through the
 * Background portal (hub-background.c) where the desktop has one, at
 * start-up and every hour while the window is open otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-atomic-file.h"
#include "hub-background.h"
#include "hub-import-dialog.h"
#include "hub-window-private.h"
#include "hub-window-public.h"

/* While the window is open, whether the day has turned and the followed
 * authors want their next snapshot. */
#define KEEP_CHECK_S (60 * 60)

/* Import */

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HubImportResult imported;
  g_autofree char *text = NULL;

  if (!hub_import_dialog_import_finish (HUB_IMPORT_DIALOG (object), result, &imported, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hub_import_dialog_fail (HUB_IMPORT_DIALOG (object), error->message);
      return;
    }
  adw_dialog_force_close (ADW_DIALOG (object));
  if (self->sources == NULL)
    return;
  text = g_strdup_printf (ngettext ("Imported %u snapshot", "Imported %u snapshots",
                                    imported.snapshots), imported.snapshots);
  if (imported.already_kept > 0)
    {
      g_autofree char *kept = g_strdup_printf (ngettext ("%s; %u was already in the history",
                                                         "%s; %u were already in the history",
                                                         imported.already_kept),
                                               text, imported.already_kept);

      g_free (text);
      text = g_steal_pointer (&kept);
    }
  hub_window_show_toast (self, text);
  /* The author shown may have more history now. */
  if (self->source != NULL && hub_source_get_kind (self->source) == HUB_SOURCE_KIND_AUTHOR &&
      self->load_cancellable == NULL)
    hub_window_open_author (self, hub_source_id_get_author (hub_source_get_id (self->source)));
}

static void
on_import_requested (HubImportDialog *dialog,
                     HubWindow       *self)
{
  hub_import_dialog_import_async (dialog, self->history, hub_account_get_endpoint (self->account),
                                  NULL, on_imported, g_object_ref (self));
}

static void
on_preview_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HubImportPreview *preview = g_task_propagate_pointer (G_TASK (result), &error);
  AdwDialog *dialog;

  if (self->sources == NULL)
    {
      g_clear_pointer (&preview, hub_import_preview_free);
      return;
    }
  if (preview == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hub_window_show_toast (self, error->message);
      return;
    }
  dialog = hub_import_dialog_new (g_task_get_task_data (G_TASK (result)), preview);
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_import_requested), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
read_preview_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  HubImportPreview *preview = hub_import_preview_folder (task_data, cancellable, &error);

  if (preview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) hub_import_preview_free);
}

/* Reads a folder of snapshot files off the main thread, then shows what
 * would be imported; the dialog's Import writes it. */
void
hub_window_import_folder (HubWindow *self,
                          GFile     *folder)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HUB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (hub_window_get_history (self, &error) == NULL || self->account == NULL)
    {
      hub_window_show_toast (self, error ? error->message
                                         : _("The Hub’s address in the preferences is not valid: "
                                             "correct it first."));
      return;
    }
  task = g_task_new (NULL, NULL, on_preview_read, g_object_ref (self));
  g_task_set_source_tag (task, hub_window_import_folder);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, read_preview_thread);
}

static void
on_import_folder_chosen (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object),
                                                                  result, NULL);

  if (folder != NULL && self->sources != NULL)
    hub_window_import_folder (self, folder);
}

static void
import_history_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  HubWindow *self = user_data;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Import a Folder of Snapshots"));
  gtk_file_dialog_set_accept_label (dialog, _("_Preview"));
  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, on_import_folder_chosen,
                                 g_object_ref (self));
}

/* Export */

typedef struct
{
  char  *endpoint;
  char  *author;
  GFile *destination;
} Export;

static void
export_free (Export *export)
{
  g_free (export->endpoint);
  g_free (export->author);
  g_clear_object (&export->destination);
  g_free (export);
}

static void
export_history_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  HubWindow *self = source_object;
  Export *export = task_data;
  g_autoptr(GPtrArray) histories = NULL;
  g_autoptr(HubAtomicFile) file = NULL;
  g_autofree char *path = g_file_get_path (export->destination);
  GError *error = NULL;

  /* Whole or not at all, whether or not the file was there before. */
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The history can only be exported to a local file"));
      return;
    }
  histories = hub_history_load_author (self->history, export->endpoint, export->author, &error);
  if (histories == NULL ||
      (file = hub_atomic_file_new (path, 0644, &error)) == NULL ||
      !hub_estimate_write_csv (histories, hub_atomic_file_get_stream (file), cancellable, &error) ||
      !hub_atomic_file_commit (file, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_history_exported (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  HubWindow *self = HUB_WINDOW (object);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->sources == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      hub_window_show_toast (self, error->message);
      return;
    }
  name = g_file_get_basename (export->destination);
  /* Translators: a toast after an export; %s is the file's name */
  text = g_strdup_printf (_("Exported “%s”"), name);
  hub_window_show_toast (self, text);
}

/* Writes the history of the author shown as CSV: the breakdown's five
 * columns and a sixth that flags the estimates. */
void
hub_window_export_history (HubWindow *self,
                           GFile     *destination)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (HUB_IS_WINDOW (self));
  g_return_if_fail (self->source != NULL &&
                    hub_source_get_kind (self->source) == HUB_SOURCE_KIND_AUTHOR);

  if (self->history == NULL)
    return;
  export = g_new0 (Export, 1);
  export->endpoint = g_strdup (hub_account_get_endpoint (self->account));
  export->author = g_strdup (hub_source_id_get_author (hub_source_get_id (self->source)));
  export->destination = g_object_ref (destination);
  task = g_task_new (self, NULL, on_history_exported, NULL);
  g_task_set_source_tag (task, hub_window_export_history);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_history_thread);
}

static void
on_export_history_chosen (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && self->sources != NULL && self->source != NULL &&
      hub_source_get_kind (self->source) == HUB_SOURCE_KIND_AUTHOR)
    hub_window_export_history (self, file);
}

static void
export_history_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  HubWindow *self = user_data;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  char day[HUB_DAY_ISO_LEN];
  g_autofree char *name = NULL;

  hub_day_format (hub_window_snapshot_day (self), day);
  name = g_strdup_printf ("%s-history-%s.csv", hub_source_get_export_name (self->source), day);
  gtk_file_dialog_set_title (dialog, _("Export History"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_export_history_chosen,
                        g_object_ref (self));
}

/* Keep history while I'm logged in */

static void keep_next (HubWindow *self);

static void
on_kept (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = hub_history_take_snapshot_finish (HUB_HISTORY (object), result,
                                                                 NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->sources == NULL)
    return;
  if (infos == NULL)
    /* Tried again at the next check, or the next start. */
    g_debug ("No snapshot kept: %s", error->message);
  keep_next (self);
}

/* Takes, one at a time, the day's snapshot of each followed author that
 * has none yet; the window's own work is not disturbed. */
static void
keep_next (HubWindow *self)
{
  HubDay today = hub_window_snapshot_day (self);
  const char *endpoint;

  if (self->keep_pending == NULL || self->account == NULL)
    return;
  endpoint = hub_account_get_endpoint (self->account);
  while (self->keep_pending[self->keep_index] != NULL)
    {
      const char *author = self->keep_pending[self->keep_index++];
      g_autoptr(GArray) days = hub_history_list_days (self->history, endpoint, author, NULL);
      g_autoptr(HubClient) client = NULL;

      if (days != NULL && days->len > 0 && g_array_index (days, HubDay, days->len - 1) >= today)
        continue;
      if ((client = hub_window_client_for_listings (self, NULL)) == NULL)
        break;
      hub_history_take_snapshot_async (self->history, client, author, today, NULL,
                                       self->keep_cancellable, on_kept, g_object_ref (self));
      return;
    }
  g_clear_pointer (&self->keep_pending, g_strfreev);
}

static void
keep_history_now (HubWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_settings_get_boolean (self->settings, "keep-history") || self->keep_pending != NULL)
    return;
  if (hub_window_get_history (self, &error) == NULL)
    {
      g_debug ("No history to keep: %s", error->message);
      return;
    }
  if (self->keep_cancellable == NULL)
    self->keep_cancellable = g_cancellable_new ();
  self->keep_pending = g_settings_get_strv (self->settings, "followed-authors");
  self->keep_index = 0;
  keep_next (self);
}

static gboolean
on_keep_check (gpointer user_data)
{
  keep_history_now (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_background_answered (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HubBackgroundAnswer answer = hub_background_request_finish (result, &error);

  if (self->sources == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->background = answer;
  if (error != NULL)
    g_debug ("The Background portal failed: %s", error->message);
  else if (answer == HUB_BACKGROUND_REFUSED)
    hub_window_show_toast (self, _("Running in the background was not allowed: the history is "
                                   "kept each time Hub Analytics starts"));
}

/* Asks the desktop (its Background portal) to start Hub Analytics at login,
 * taking the followed authors' snapshots with --snapshot. */
static void
request_background (HubWindow *self)
{
  g_auto(GStrv) followed = g_settings_get_strv (self->settings, "followed-authors");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) commandline = NULL;
  GDBusConnection *connection;
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  connection = application ? g_application_get_dbus_connection (application) : NULL;
  if (connection == NULL)
    connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  else
    g_object_ref (connection);
  if (connection == NULL || followed[0] == NULL)
    {
      g_clear_object (&connection);
      return;
    }
  g_strv_builder_add_many (builder, "hub-analytics", "--snapshot", NULL);
  g_strv_builder_addv (builder, (const char **) followed);
  commandline = g_strv_builder_end (builder);
  hub_background_request_async (connection, "",
                                 _("Hub Analytics takes a snapshot of the organisations and users "
                                   "you follow once a day, for the history the Hub does not keep."),
                                 (const char * const *) commandline, self->keep_cancellable,
                                 on_background_answered, g_object_ref (self));
  g_object_unref (connection);
}

static void
on_keep_history_changed (GSettings  *settings,
                         const char *key,
                         HubWindow  *self)
{
  if (!g_settings_get_boolean (settings, "keep-history"))
    {
      g_clear_handle_id (&self->keep_timeout, g_source_remove);
      return;
    }
  if (self->keep_cancellable == NULL)
    self->keep_cancellable = g_cancellable_new ();
  request_background (self);
  keep_history_now (self);
  if (self->keep_timeout == 0)
    self->keep_timeout = g_timeout_add_seconds (KEEP_CHECK_S, on_keep_check, self);
}

static const GActionEntry history_entries[] = {
  { "import-history", import_history_activated },
  { "export-history", export_history_activated },
};

void
hub_window_history_actions_update (HubWindow *self)
{
  hub_window_set_action_enabled (self, "import-history", self->account != NULL);
  hub_window_set_action_enabled (self, "export-history",
                                 self->source != NULL &&
                                 hub_source_get_kind (self->source) == HUB_SOURCE_KIND_AUTHOR);
}

/* The command line the desktop starts at login names the followed authors. */
void
hub_window_history_followed_changed (HubWindow *self)
{
  if (g_settings_get_boolean (self->settings, "keep-history"))
    request_background (self);
}

void
hub_window_history_init (HubWindow *self)
{
  self->background = -1;
  g_action_map_add_action_entries (G_ACTION_MAP (self), history_entries,
                                   G_N_ELEMENTS (history_entries), self);
  g_signal_connect (self->settings, "changed::keep-history",
                    G_CALLBACK (on_keep_history_changed), self);
  /* At start-up: the snapshots of the day not taken yet, and asking the
   * desktop again (it may have a portal now). */
  if (g_settings_get_boolean (self->settings, "keep-history"))
    on_keep_history_changed (self->settings, "keep-history", self);
  hub_window_history_actions_update (self);
}

void
hub_window_history_dispose (HubWindow *self)
{
  g_cancellable_cancel (self->keep_cancellable);
  g_clear_object (&self->keep_cancellable);
  g_clear_handle_id (&self->keep_timeout, g_source_remove);
  g_clear_pointer (&self->keep_pending, g_strfreev);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_keep_history_changed, self);
}
