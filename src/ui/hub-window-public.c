/* hub-window-public.c: any author's public figures in the window, and their history
 *
 * An author (an organisation or a user, signed in or not) is listed with
 * hub_history_take_snapshot_async(), which saves the day's snapshot once
 * every page arrived; the history then gives the daily downloads estimated
 * between snapshots. Both make one HubSource of kind AUTHOR, shown by
 * HubPublicView. Followed authors are kept in GSettings and listed in the
 * source switcher; an organisation whose plan has no breakdown falls back
 * to its public view here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-background.h"
#include "hub-compare-dialog.h"
#include "hub-follow-dialog.h"
#include "hub-format.h"
#include "hub-import-dialog.h"
#include "hub-window-private.h"
#include "hub-window-public.h"

#define FOLLOW_PROGRESS_MS 100
/* While the window is open, whether the day has turned and the followed
 * authors want their next snapshot. */
#define KEEP_CHECK_S (60 * 60)

static HubDay
snapshot_day (HubWindow *self)
{
  return self->today != HUB_DAY_NONE ? self->today : hub_history_today ();
}

HubHistory *
hub_window_get_history (HubWindow  *self,
                        GError    **error)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  if (self->history == NULL)
    self->history = hub_history_open (NULL, error);
  return self->history;
}

/* What the Background portal answered (a HubBackgroundAnswer), or -1
 * while keeping history was never asked for in this window. */
int
hub_window_get_background_answer (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), -1);

  return self->background;
}

/* The public view, once an author was shown in this window; or NULL. */
HubPublicView *
hub_window_get_public_view (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return self->public_view;
}

void
hub_window_set_today (HubWindow *self,
                      HubDay     day)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  self->today = day;
}

/* The signed-in client, whose token adds the private repositories it may
 * see, or a client without a token: public figures need none. */
static HubClient *
client_for_listings (HubWindow  *self,
                     GError    **error)
{
  HubClient *client;

  if (self->account == NULL)
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_ENDPOINT,
                   _("The Hub’s address in the preferences is not valid: correct it first."));
      return NULL;
    }
  client = hub_account_get_client (self->account);
  if (client != NULL)
    return g_object_ref (client);
  return hub_client_new (hub_account_get_endpoint (self->account), NULL);
}

static gboolean
is_followed (HubWindow  *self,
             const char *author)
{
  g_auto(GStrv) followed = g_settings_get_strv (self->settings, "followed-authors");

  return g_strv_contains ((const char * const *) followed, author);
}

static void
set_followed (HubWindow  *self,
              const char *author,
              gboolean    followed)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "followed-authors");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], author))
      g_strv_builder_add (builder, old[i]);
  if (followed)
    g_strv_builder_add (builder, author);
  names = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "followed-authors", (const char * const *) names);
}

typedef struct
{
  char       *author;
  char       *endpoint;
  GPtrArray  *infos;          /* complete; or what arrived, or the last snapshot */
  GError     *listing_error;  /* why infos is not today's complete listing */
  GError     *refusal;        /* the plan's 403, when falling back to this view */
  HubDay      day;
  HubDataset *dataset;
  guint       n_days;
  GDateTime  *fetched;
} OpenAuthor;

static void
open_author_free (OpenAuthor *open)
{
  g_free (open->author);
  g_free (open->endpoint);
  g_clear_pointer (&open->infos, g_ptr_array_unref);
  g_clear_error (&open->listing_error);
  g_clear_error (&open->refusal);
  g_clear_object (&open->dataset);
  g_clear_pointer (&open->fetched, g_date_time_unref);
  g_free (open);
}

/* Off the main thread: the last snapshot when today's listing failed, the
 * history's days and the estimates made of them. */
static void
load_history_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  HubWindow *self = source_object;
  OpenAuthor *open = task_data;
  g_autoptr(GPtrArray) histories = NULL;
  g_autoptr(GArray) days = NULL;
  GError *error = NULL;

  if (open->infos == NULL)
    {
      HubDay day = HUB_DAY_NONE;

      open->infos = hub_history_load_latest (self->history, open->endpoint, open->author, &day, NULL);
      if (open->infos == NULL || open->infos->len == 0)
        {
          g_task_return_error (task, g_steal_pointer (&open->listing_error));
          return;
        }
    }
  else if (open->listing_error == NULL)
    hub_history_set_followed (self->history, open->endpoint, open->author, TRUE, NULL);

  histories = hub_history_load_author (self->history, open->endpoint, open->author, &error);
  if (histories == NULL ||
      (days = hub_history_list_days (self->history, open->endpoint, open->author, &error)) == NULL ||
      (open->dataset = hub_estimate_to_dataset (histories, open->author, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  open->n_days = days->len;
  g_task_return_boolean (task, TRUE);
}

static void
on_history_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HubWindow *self = HUB_WINDOW (object);
  OpenAuthor *open = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubSource) source = NULL;
  g_autofree char *id = NULL;
  gboolean complete = open->listing_error == NULL;

  /* The window went away meanwhile: nothing to show, or to end. */
  if (self->sources == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "closed");
      return;
    }
  hub_window_end_progress (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  id = hub_source_id_for_author (open->author);
  source = hub_source_new_for_author (open->author, open->dataset, open->infos, open->fetched,
                                      open->n_days);
  g_clear_pointer (&open->infos, g_ptr_array_unref);
  if (open->refusal != NULL)
    {
      g_autoptr(GError) plan = NULL;

      plan = g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN,
                          /* Translators: a banner over an organisation's public view; %s is its name */
                          _("%s: public figures only (30 days, all time, likes). Daily "
                            "downloads need a Team or Enterprise plan."),
                          open->author);
      g_hash_table_replace (self->problems, g_strdup (id), g_steal_pointer (&plan));
      g_hash_table_remove (self->problems, "");
    }
  else if (open->listing_error != NULL)
    g_hash_table_replace (self->problems, g_strdup (id), g_steal_pointer (&open->listing_error));
  else
    g_hash_table_remove (self->problems, id);
  if (complete && !is_followed (self, open->author))
    set_followed (self, open->author, TRUE);
  hub_window_add_source (self, source);
  hub_window_update_banner (self);
  g_task_return_boolean (task, TRUE);
}

static void
on_snapshot_taken (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HubWindow *self = g_task_get_source_object (task);
  OpenAuthor *open = g_task_get_task_data (task);
  g_autoptr(GPtrArray) partial = NULL;
  GCancellable *cancellable;
  GTask *load;

  open->infos = hub_history_take_snapshot_finish (HUB_HISTORY (object), result, &partial,
                                                  &open->listing_error);
  if (self->sources == NULL)
    {
      g_clear_error (&open->listing_error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "closed");
      return;
    }
  if (g_error_matches (open->listing_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      hub_window_end_progress (self);
      g_task_return_error (task, g_steal_pointer (&open->listing_error));
      return;
    }
  if (open->infos == NULL && partial != NULL && partial->len > 0)
    {
      /* What arrived is shown, said to be incomplete; it is no snapshot. */
      g_autoptr(GError) cut = open->listing_error;

      open->listing_error = g_error_new (cut->domain, cut->code,
                                         /* Translators: %u repositories arrived before the error %s */
                                         ngettext ("Only %u repository arrived, and nothing was "
                                                   "saved: %s",
                                                   "Only %u repositories arrived, and nothing was "
                                                   "saved: %s", partial->len),
                                         partial->len, cut->message);
      open->infos = g_steal_pointer (&partial);
    }
  open->fetched = g_date_time_new_now_utc ();

  cancellable = g_task_get_cancellable (task);
  load = g_task_new (self, cancellable, on_history_loaded, g_steal_pointer (&task));
  g_task_set_source_tag (load, on_snapshot_taken);
  g_task_set_task_data (load, open, NULL);
  g_task_run_in_thread (load, load_history_thread);
  g_object_unref (load);
}

static void
open_author_full (HubWindow           *self,
                  const char          *author,
                  const GError        *refusal,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(HubClient) client = NULL;
  GError *error = NULL;
  OpenAuthor *open;

  g_task_set_source_tag (task, hub_window_open_author_async);
  if (self->load_cancellable != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("Wait for the current reading to finish, or cancel it"));
      return;
    }
  if (hub_window_get_history (self, &error) == NULL ||
      (client = client_for_listings (self, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  open = g_new0 (OpenAuthor, 1);
  open->author = g_strdup (author);
  open->endpoint = g_strdup (hub_client_get_endpoint (client));
  open->refusal = refusal ? g_error_copy (refusal) : NULL;
  open->day = snapshot_day (self);
  g_task_set_task_data (task, open, (GDestroyNotify) open_author_free);

  hub_window_begin_progress (self, author, TRUE);
  hub_history_take_snapshot_async (self->history, client, author, open->day, self->progress,
                                   self->load_cancellable, on_snapshot_taken,
                                   g_steal_pointer (&task));
}

/* Lists author's public figures (saving the day's snapshot when every page
 * arrives) and shows them with its history. Fails, leaving the window as it
 * was, when nothing can be shown: an author the Hub does not know, the Hub
 * busy or failing with no snapshot kept, the history unreadable. */
void
hub_window_open_author_async (HubWindow           *self,
                              const char          *author,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HUB_IS_WINDOW (self));
  g_return_if_fail (author != NULL && *author != '\0');

  open_author_full (self, author, NULL, cancellable, callback, user_data);
}

gboolean
hub_window_open_author_finish (HubWindow     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_author_opened (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  HubWindow *self = HUB_WINDOW (object);

  if (!hub_window_open_author_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->sources != NULL)
    hub_window_show_toast (self, error->message);
}

/* Opens author, with what went wrong in a toast. */
void
hub_window_open_author (HubWindow  *self,
                        const char *author)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  open_author_full (self, author, NULL, NULL, on_author_opened, NULL);
}

static void
on_refusal_fallback (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) refusal = user_data;
  g_autoptr(GError) error = NULL;
  HubWindow *self = HUB_WINDOW (object);

  if (hub_window_open_author_finish (self, result, &error) || self->sources == NULL ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* No public figures either: the welcome page says why, as before. */
  g_debug ("No public view of the refused organisation: %s", error->message);
  if (self->source == NULL)
    hub_window_set_problem (self, "", refusal);
  else
    hub_window_show_toast (self, refusal->message);
}

/* org's breakdown was refused (403, its plan): its public view instead,
 * with a banner saying what it shows and what needs the plan. */
void
hub_window_fall_back_to_public (HubWindow    *self,
                                const char   *org,
                                const GError *refusal)
{
  open_author_full (self, org, refusal, NULL, on_refusal_fallback, g_error_copy (refusal));
}

typedef struct
{
  GWeakRef window;
  GWeakRef dialog;
  guint    timeout;
} Following;

static void
following_free (Following *following)
{
  g_clear_handle_id (&following->timeout, g_source_remove);
  g_weak_ref_clear (&following->window);
  g_weak_ref_clear (&following->dialog);
  g_free (following);
}

/* The dialog says how far the listing is: a page at a time, as it comes. */
static gboolean
update_follow_progress (gpointer user_data)
{
  Following *following = user_data;
  g_autoptr(HubWindow) self = g_weak_ref_get (&following->window);
  g_autoptr(HubFollowDialog) dialog = g_weak_ref_get (&following->dialog);
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  guint64 rows;

  if (self == NULL || dialog == NULL || self->progress == NULL)
    return G_SOURCE_CONTINUE;
  rows = atomic_load_explicit (&self->progress->rows, memory_order_relaxed);
  counts = hub_format_count ((gint64) rows);
  /* Translators: %s is a number of repositories listed so far */
  text = g_strdup_printf (ngettext ("Listed %s repository…", "Listed %s repositories…",
                                    (gulong) MIN (rows, G_MAXULONG)), counts);
  hub_follow_dialog_set_progress (dialog, text);
  return G_SOURCE_CONTINUE;
}

static void
on_follow_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Following *following = user_data;
  g_autoptr(HubFollowDialog) dialog = g_weak_ref_get (&following->dialog);
  g_autoptr(GError) error = NULL;

  if (hub_window_open_author_finish (HUB_WINDOW (object), result, &error))
    {
      if (dialog != NULL)
        adw_dialog_force_close (ADW_DIALOG (dialog));
    }
  else if (dialog != NULL)
    hub_follow_dialog_fail (dialog, error->message);
  following_free (following);
}

static void
on_follow (HubFollowDialog *dialog,
           const char      *author,
           HubWindow       *self)
{
  Following *following = g_new0 (Following, 1);

  g_weak_ref_init (&following->window, self);
  g_weak_ref_init (&following->dialog, dialog);
  following->timeout = g_timeout_add (FOLLOW_PROGRESS_MS, update_follow_progress, following);
  open_author_full (self, author, NULL, NULL, on_follow_done, following);
}

/* "Follow an Organisation or User…": the dialog, then the public view. */
void
hub_window_show_follow (HubWindow *self)
{
  AdwDialog *dialog;

  g_return_if_fail (HUB_IS_WINDOW (self));

  dialog = hub_follow_dialog_new ();
  g_signal_connect_object (dialog, "follow", G_CALLBACK (on_follow), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
follow_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  hub_window_show_follow (user_data);
}

static void
open_author_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HubWindow *self = user_data;
  const char *author = g_variant_get_string (parameter, NULL);
  g_autofree char *id = hub_source_id_for_author (author);

  if (hub_window_find_source (self, id, NULL))
    hub_window_select_source (self, id);
  else
    hub_window_open_author (self, author);
}

static void
unfollow_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HubWindow *self = user_data;
  const char *author = hub_source_id_get_author (hub_source_get_id (self->source));
  g_autofree char *text = NULL;

  set_followed (self, author, FALSE);
  if (self->history != NULL)
    hub_history_set_followed (self->history, hub_account_get_endpoint (self->account), author,
                              FALSE, NULL);
  /* Translators: a toast; %s is an organisation or user. Its history stays. */
  text = g_strdup_printf (_("No longer following %s; its history is kept"), author);
  hub_window_show_toast (self, text);
  hub_window_rebuild_source_menu (self);
  hub_window_public_actions_update (self);
}

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

  hub_day_format (snapshot_day (self), day);
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
  HubDay today = snapshot_day (self);
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
      if ((client = client_for_listings (self, NULL)) == NULL)
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

/* The followed authors side by side */

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  HubWindow *self = source_object;
  char **names = task_data;  /* the endpoint, then the authors */
  g_autoptr(GPtrArray) totals = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_author_totals_free);
  GError *error = NULL;

  for (guint i = 1; names[i] != NULL; i++)
    {
      HubAuthorTotals *author = hub_author_totals_load (self->history, names[0], names[i], &error);

      if (author == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (totals, author);
    }
  g_task_return_pointer (task, g_steal_pointer (&totals), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_compared (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HubWindow *self = HUB_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) totals = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->sources == NULL)
    return;
  if (totals == NULL)
    hub_window_show_toast (self, error->message);
  else
    adw_dialog_present (hub_compare_dialog_new (totals), GTK_WIDGET (self));
}

static void
compare_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  HubWindow *self = user_data;
  g_auto(GStrv) followed = g_settings_get_strv (self->settings, "followed-authors");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (hub_window_get_history (self, &error) == NULL)
    {
      hub_window_show_toast (self, error->message);
      return;
    }
  g_strv_builder_add (builder, hub_account_get_endpoint (self->account));
  g_strv_builder_addv (builder, (const char **) followed);
  task = g_task_new (self, NULL, on_compared, NULL);
  g_task_set_source_tag (task, compare_activated);
  g_task_set_task_data (task, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, compare_thread);
}

static const GActionEntry public_entries[] = {
  { "follow", follow_activated },
  { "open-author", open_author_activated, "s" },
  { "unfollow", unfollow_activated },
  { "import-history", import_history_activated },
  { "export-history", export_history_activated },
  { "compare-authors", compare_activated },
};

static void
set_enabled (HubWindow  *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
hub_window_public_actions_update (HubWindow *self)
{
  gboolean author = self->source != NULL &&
                    hub_source_get_kind (self->source) == HUB_SOURCE_KIND_AUTHOR;
  gboolean loading = self->load_cancellable != NULL;

  set_enabled (self, "follow", self->account != NULL);
  set_enabled (self, "open-author", self->account != NULL && !loading);
  set_enabled (self, "import-history", self->account != NULL);
  set_enabled (self, "export-history", author);
  {
    g_auto(GStrv) followed = g_settings_get_strv (self->settings, "followed-authors");

    set_enabled (self, "compare-authors", self->account != NULL && g_strv_length (followed) >= 2);
  }
  set_enabled (self, "unfollow", author &&
               is_followed (self, hub_source_id_get_author (hub_source_get_id (self->source))));
}

/* The source switcher: followed authors not opened yet, and following one more. */
void
hub_window_add_author_menu (HubWindow *self,
                            GMenu     *opened,
                            GMenu     *more)
{
  g_auto(GStrv) followed = g_settings_get_strv (self->settings, "followed-authors");

  for (guint i = 0; followed[i] != NULL; i++)
    {
      g_autofree char *id = hub_source_id_for_author (followed[i]);
      g_autoptr(GMenuItem) item = NULL;

      if (hub_window_find_source (self, id, NULL))
        continue;
      item = g_menu_item_new (followed[i], NULL);
      g_menu_item_set_action_and_target (item, "win.open-author", "s", followed[i]);
      g_menu_append_item (opened, item);
    }
  if (g_strv_length (followed) >= 2)
    g_menu_append (more, _("Followed Side by Side"), "win.compare-authors");
  g_menu_append (more, _("Follow an Organisation or User…"), "win.follow");
}

static void
on_public_repo_activated (HubPublicView *view,
                          guint          index,
                          HubWindow     *self)
{
  hub_window_show_estimated_repo (self, index);
}

/* Made when an author is first shown: a window of breakdowns never pays
 * for it. Compact with the cards, which the window's breakpoints set. */
static void
ensure_public_view (HubWindow *self)
{
  GtkWidget *clamp;

  if (self->public_view != NULL)
    return;
  self->public_view = HUB_PUBLIC_VIEW (hub_public_view_new ());
  g_object_add_weak_pointer (G_OBJECT (self->public_view), (gpointer *) &self->public_view);
  gtk_widget_set_name (GTK_WIDGET (self->public_view), "public-view");
  gtk_widget_set_margin_top (GTK_WIDGET (self->public_view), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->public_view), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->public_view), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->public_view), 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->public_view));
  gtk_stack_add_named (self->content_stack, clamp, "public");
  g_object_bind_property (self->cards, "compact", self->public_view, "compact",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (self->public_view, "repo-activated",
                    G_CALLBACK (on_public_repo_activated), self);
}

/* The public view when an author is shown, the breakdown's otherwise. */
void
hub_window_public_show (HubWindow *self)
{
  if (self->source != NULL && hub_source_get_kind (self->source) == HUB_SOURCE_KIND_AUTHOR)
    {
      ensure_public_view (self);
      hub_public_view_set_source (self->public_view, self->source, self->period);
      gtk_stack_set_visible_child_name (self->content_stack, "public");
    }
  else
    {
      if (self->public_view != NULL)
        hub_public_view_set_source (self->public_view, NULL, self->period);
      gtk_stack_set_visible_child_name (self->content_stack, "breakdown");
    }
  hub_window_public_actions_update (self);
}

static void
on_followed_changed (GSettings  *settings,
                     const char *key,
                     HubWindow  *self)
{
  hub_window_rebuild_source_menu (self);
  hub_window_public_actions_update (self);
  /* The command line the desktop starts at login names them. */
  if (g_settings_get_boolean (settings, "keep-history"))
    request_background (self);
}

void
hub_window_public_init (HubWindow *self)
{
  self->today = HUB_DAY_NONE;
  self->background = -1;
  g_action_map_add_action_entries (G_ACTION_MAP (self), public_entries,
                                   G_N_ELEMENTS (public_entries), self);
  g_signal_connect (self->settings, "changed::followed-authors",
                    G_CALLBACK (on_followed_changed), self);
  g_signal_connect (self->settings, "changed::keep-history",
                    G_CALLBACK (on_keep_history_changed), self);
  /* At start-up: the snapshots of the day not taken yet, and asking the
   * desktop again (it may have a portal now). */
  if (g_settings_get_boolean (self->settings, "keep-history"))
    on_keep_history_changed (self->settings, "keep-history", self);
  hub_window_public_actions_update (self);
}

void
hub_window_public_dispose (HubWindow *self)
{
  g_cancellable_cancel (self->keep_cancellable);
  g_clear_object (&self->keep_cancellable);
  g_clear_handle_id (&self->keep_timeout, g_source_remove);
  g_clear_pointer (&self->keep_pending, g_strfreev);
  if (self->settings != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->settings, on_followed_changed, self);
      g_signal_handlers_disconnect_by_func (self->settings, on_keep_history_changed, self);
    }
  g_clear_object (&self->history);
}
