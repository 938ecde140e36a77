/* hub-window-account.c: the window's account: sign in, organisations, preferences, sign out
 *
 * An organisation opens from its cache at once, then is fetched afresh in
 * the background with the progress bar; the data on screen stays until a
 * complete fetch replaces it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-preferences-dialog.h"
#include "hub-sign-in-dialog.h"
#include "hub-window-private.h"

/* Work that may outlive the window (a keyring look-up, a listing) holds it
 * weakly: closing the window is not delayed by the keyring or the network. */
static GWeakRef *
weak_window_new (HubWindow *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static HubWindow *
weak_window_take (GWeakRef *ref)
{
  HubWindow *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

static void
set_app_action_enabled (HubWindow  *self,
                        const char *name,
                        gboolean    enabled)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GAction *action = app ? g_action_map_lookup_action (G_ACTION_MAP (app), name) : NULL;

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_account_state (HubWindow *self)
{
  gboolean signed_in = self->account && hub_account_get_signed_in (self->account);
  HubTokenSource source = self->account ? hub_account_get_token_source (self->account)
                                        : HUB_TOKEN_SOURCE_NONE;

  /* A token from huggingface_hub is offered on the welcome page until the
   * Hub has confirmed whose it is. */
  gtk_widget_set_visible (self->found_token_button,
                          (source == HUB_TOKEN_SOURCE_ENV || source == HUB_TOKEN_SOURCE_TOKEN_FILE) &&
                          hub_account_get_whoami (self->account) == NULL);
  set_app_action_enabled (self, "sign-out", signed_in);
  hub_window_rebuild_source_menu (self);
  hub_window_actions_update (self);
}

/* An organisation's full name, as the Hub gives it, wherever it is shown:
 * the source switcher, its menu and the window's title. */
static const char *
org_title (HubWindow  *self,
           const char *org)
{
  HubWhoami *whoami = self->account ? hub_account_get_whoami (self->account) : NULL;

  for (guint i = 0; whoami != NULL && i < whoami->orgs->len; i++)
    {
      const HubWhoamiOrg *entry = g_ptr_array_index (whoami->orgs, i);

      if (g_str_equal (entry->name, org))
        return entry->fullname ? entry->fullname : entry->name;
    }
  return org;
}

/* The signed-in user's organisations, in the source switcher. */
void
hub_window_add_org_menu (HubWindow *self,
                         GMenu     *menu)
{
  HubWhoami *whoami;

  if (self->account == NULL || !hub_account_get_signed_in (self->account))
    return;
  whoami = hub_account_get_whoami (self->account);
  if (whoami == NULL)
    return;

  for (guint i = 0; i < whoami->orgs->len; i++)
    {
      const HubWhoamiOrg *org = g_ptr_array_index (whoami->orgs, i);
      g_autofree char *id = hub_source_id_for_organization (org->name);
      g_autoptr(GMenuItem) item = NULL;

      if (hub_window_find_source (self, id, NULL))
        continue;
      item = g_menu_item_new (org->fullname ? org->fullname : org->name, NULL);
      g_menu_item_set_action_and_target (item, "win.open-org", "s", org->name);
      g_menu_append_item (menu, item);
    }
}

typedef struct
{
  GWeakRef  *window;
  HubSource *source;
} Listing;

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Listing *listing = user_data;
  g_autoptr(HubWindow) self = weak_window_take (listing->window);
  g_autoptr(HubSource) source = listing->source;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = hub_account_list_repos_finish (HUB_ACCOUNT (object), result, &error);

  g_free (listing);
  /* Likes and locks are extras: without them the table is still complete. */
  if (infos == NULL)
    {
      g_debug ("No listings: %s", error->message);
      return;
    }
  hub_source_set_repo_infos (source, infos);
  if (self != NULL && self->sources != NULL && self->source == source)
    hub_repo_table_set_source_infos (self->table, source);
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(HubDataset) dataset = hub_account_fetch_finish (HUB_ACCOUNT (object), result,
                                                            &fetched_at, &error);
  g_autofree char *id = NULL;
  g_autofree char *refused = NULL;

  if (self->sources == NULL)
    return;

  id = hub_source_id_for_organization (self->loading_name);
  if (dataset != NULL)
    {
      g_autoptr(HubSource) source = hub_source_new_for_organization (self->loading_name,
                                                                     org_title (self, self->loading_name),
                                                                     dataset, fetched_at);
      Listing *listing = g_new0 (Listing, 1);

      /* A complete fetch ends whatever was wrong before it. */
      g_hash_table_remove (self->problems, id);
      g_hash_table_remove (self->problems, "");
      hub_window_dismiss_toast (self);
      hub_window_add_source (self, source);

      listing->window = weak_window_new (self);
      listing->source = g_object_ref (source);
      hub_account_list_repos_async (HUB_ACCOUNT (object), self->loading_name,
                                    self->account_cancellable, on_listed, listing);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (hub_window_find_source (self, id, NULL))
    /* The data on screen stays; the banner says why it is not newer. */
    hub_window_set_problem (self, id, error);
  else if (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN))
    /* No breakdown in its plan: its public view, once this fetch has ended. */
    refused = g_strdup (self->loading_name);
  else if (self->source == NULL)
    /* Nothing saved for this organisation, nothing else open: the welcome
     * page says why. */
    hub_window_set_problem (self, "", error);
  else
    /* Another source is shown: that this one could not be opened is an event. */
    hub_window_show_toast (self, error->message);

  hub_window_end_progress (self);
  if (refused != NULL)
    hub_window_fall_back_to_public (self, refused, error);
}

/* Fetches org afresh in the background, when signed in. */
static void
fetch_org (HubWindow  *self,
           const char *org)
{
  if (!hub_account_get_signed_in (self->account))
    return;
  if (self->load_cancellable != NULL)
    {
      hub_window_show_toast (self, _("Wait for the current reading to finish, or cancel it"));
      return;
    }

  hub_window_begin_progress (self, org, TRUE);
  hub_account_fetch_async (self->account, org, self->progress, self->load_cancellable,
                           on_fetched, g_object_ref (self));
}

typedef struct
{
  HubDataset *dataset;
  GDateTime  *fetched_at;
  GPtrArray  *infos;       /* the listings saved with it, or NULL */
} Cached;

static void
cached_free (Cached *cached)
{
  g_clear_object (&cached->dataset);
  g_clear_pointer (&cached->fetched_at, g_date_time_unref);
  g_clear_pointer (&cached->infos, g_ptr_array_unref);
  g_free (cached);
}

typedef struct
{
  GWeakRef  window;
  char     *org;
  gboolean  fetch;
} OpenOrg;

static void
open_org_free (OpenOrg *open)
{
  g_weak_ref_clear (&open->window);
  g_free (open->org);
  g_free (open);
}

/* The cache is read off the main thread: a slow disk (or a path that is no
 * regular file) never holds up the window's frames. */
static void
load_cached_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  OpenOrg *open = task_data;
  Cached *cached = g_new0 (Cached, 1);
  GError *error = NULL;

  cached->dataset = hub_account_load_cached (HUB_ACCOUNT (source_object), open->org,
                                             &cached->fetched_at, &error);
  if (cached->dataset == NULL)
    {
      cached_free (cached);
      g_task_return_error (task, error);
      return;
    }
  cached->infos = hub_account_load_cached_listings (HUB_ACCOUNT (source_object), open->org, NULL);
  g_task_return_pointer (task, cached, (GDestroyNotify) cached_free);
}

static void
on_cached_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  OpenOrg *open = g_task_get_task_data (G_TASK (result));
  g_autoptr(HubWindow) self = g_weak_ref_get (&open->window);
  g_autoptr(GError) error = NULL;
  Cached *cached = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *id = hub_source_id_for_organization (open->org);

  if (self == NULL || self->sources == NULL || self->account != HUB_ACCOUNT (object))
    {
      g_clear_pointer (&cached, cached_free);
      return;
    }

  /* A fetch that finished first is newer than the cache. */
  if (cached != NULL && !hub_window_find_source (self, id, NULL))
    {
      g_autoptr(HubSource) source = hub_source_new_for_organization (open->org,
                                                                     org_title (self, open->org),
                                                                     cached->dataset,
                                                                     cached->fetched_at);

      if (cached->infos != NULL)
        hub_source_set_repo_infos (source, cached->infos);
      hub_window_add_source (self, source);
    }
  else if (cached == NULL && !g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING))
    hub_window_show_toast (self, error->message);
  g_clear_pointer (&cached, cached_free);

  if (open->fetch)
    fetch_org (self, open->org);
}

/* Shows org from the cache when there is one, then (when fetch is TRUE and
 * signed in) fetches it afresh in the background. */
void
hub_window_open_org (HubWindow  *self,
                     const char *org,
                     gboolean    fetch)
{
  g_autofree char *id = hub_source_id_for_organization (org);
  g_autoptr(GTask) task = NULL;
  OpenOrg *open;

  g_return_if_fail (HUB_IS_WINDOW (self));

  if (self->account == NULL)
    return;

  if (hub_window_find_source (self, id, NULL))
    {
      hub_window_select_source (self, id);
      if (fetch)
        fetch_org (self, org);
      return;
    }

  open = g_new0 (OpenOrg, 1);
  g_weak_ref_init (&open->window, self);
  open->org = g_strdup (org);
  open->fetch = fetch;
  task = g_task_new (self->account, self->account_cancellable, on_cached_loaded, NULL);
  g_task_set_source_tag (task, hub_window_open_org);
  g_task_set_task_data (task, open, (GDestroyNotify) open_org_free);
  g_task_run_in_thread (task, load_cached_thread);
}

static void
on_signed_in (HubSignInDialog *dialog,
              const char      *org,
              const char      *token,
              int              source,
              HubWhoami       *whoami,
              HubWindow       *self)
{
  hub_account_sign_in (self->account, token, source, whoami);
  update_account_state (self);
  hub_window_open_org (self, org, TRUE);
}

void
hub_window_show_sign_in (HubWindow *self)
{
  GtkWidget *dialog;

  g_return_if_fail (HUB_IS_WINDOW (self));

  if (self->account == NULL)
    {
      hub_window_show_toast (self, _("The Hub address is not valid: change it in Preferences"));
      return;
    }

  dialog = hub_sign_in_dialog_new (hub_account_get_endpoint (self->account),
                                   hub_account_get_token_store (self->account),
                                   hub_account_get_signed_in (self->account));
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_signed_in), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
on_restored (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HubWindow) self = weak_window_take (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  hub_account_restore_finish (HUB_ACCOUNT (object), result, &error);
  if (self == NULL || self->sources == NULL ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A token that cannot be sent (HF_TOKEN with a line break in it) is said
   * where it lasts; nothing else is sent in its place. */
  if (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_TOKEN))
    {
      if (self->source == NULL)
        hub_window_set_problem (self, "", error);
      else
        hub_window_show_toast (self, error->message);
    }

  update_account_state (self);

  /* The organisation shown last: its cache at once, then a fresh fetch when
   * the user asked for refreshing at start-up. */
  last = g_settings_get_string (self->settings, "last-source");
  if (hub_source_id_get_organization (last) != NULL && self->source == NULL)
    hub_window_open_org (self, hub_source_id_get_organization (last),
                         g_settings_get_boolean (self->settings, "refresh-on-startup"));
}

void
hub_window_account_init (HubWindow *self)
{
  g_autofree char *preference = g_settings_get_string (self->settings, "endpoint");
  g_autoptr(GError) error = NULL;

  self->account = hub_account_new (preference, NULL, &error);
  if (self->account == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  self->account_cancellable = g_cancellable_new ();
  hub_account_restore_async (self->account, self->account_cancellable, on_restored,
                             weak_window_new (self));
}

void
hub_window_account_dispose (HubWindow *self)
{
  g_cancellable_cancel (self->account_cancellable);
  g_clear_object (&self->account_cancellable);
  g_clear_object (&self->account);
}

static void
on_signed_out (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HubWindow) self = weak_window_take (user_data);
  g_autoptr(GError) error = NULL;
  gboolean signed_out = hub_account_sign_out_finish (HUB_ACCOUNT (object), result, &error);

  if (self == NULL || self->sources == NULL)
    return;
  if (!signed_out)
    hub_window_show_toast (self, error->message);
  else
    hub_window_show_toast (self, _("Signed out. Saved organisation data stays available offline."));
  update_account_state (self);
}

static void
on_sign_out_response (AdwAlertDialog *dialog,
                      const char     *response,
                      HubWindow      *self)
{
  if (!g_str_equal (response, "sign-out") || self->account == NULL ||
      !hub_account_get_signed_in (self->account))
    return;
  hub_account_sign_out_async (self->account, self->account_cancellable, on_signed_out,
                              weak_window_new (self));
  update_account_state (self);
}

/* Sign Out, once the user confirms: the keyring entry and the cached
 * organisation list go; the cached breakdowns stay, shown offline. */
void
hub_window_sign_out (HubWindow *self)
{
  AdwDialog *dialog;

  g_return_if_fail (HUB_IS_WINDOW (self));

  if (self->account == NULL || !hub_account_get_signed_in (self->account))
    return;
  dialog = adw_alert_dialog_new (_("Sign Out?"),
                                 _("The token is removed from the keyring. Saved organisation "
                                   "data stays available offline."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "sign-out", _("_Sign Out"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "sign-out",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sign_out_response), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
hub_window_show_preferences (HubWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *account = NULL;

  g_return_if_fail (HUB_IS_WINDOW (self));

  dialog = hub_preferences_dialog_new (self->settings);
  if (self->account != NULL)
    account = hub_account_dup_description (self->account);
  hub_preferences_dialog_set_account (HUB_PREFERENCES_DIALOG (dialog), account);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}
