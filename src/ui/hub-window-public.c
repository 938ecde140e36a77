/* hub-window-public.c: any author's public figures in the window, and their history
 *
 * An author (an organisation or a user, signed in or not) is listed with
 * hub_history_take_snapshot_async(), which saves the day's snapshot once
 * every page arrived; the history then gives the daily downloads estimated
 * between snapshots. Both make one HubSource of kind AUTHOR, shown by
 * HubPublicView. Followed authors are kept in GSettings and listed in the
 * source switcher and compared side by side; an organisation whose plan
 * has no breakdown falls back to its public view here. Importing,
 * exporting and keeping the history are in hub-window-history.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-compare-dialog.h"
#include "hub-follow-dialog.h"
#include "hub-format.h"
#include "hub-window-private.h"
#include "hub-window-public.h"

#define FOLLOW_PROGRESS_MS 100

HubDay
hub_window_snapshot_day (HubWindow *self)
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
HubClient *
hub_window_client_for_listings (HubWindow  *self,
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
      (client = hub_window_client_for_listings (self, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  open = g_new0 (OpenAuthor, 1);
  open->author = g_strdup (author);
  open->endpoint = g_strdup (hub_client_get_endpoint (client));
  open->refusal = refusal ? g_error_copy (refusal) : NULL;
  open->day = hub_window_snapshot_day (self);
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
  { "compare-authors", compare_activated },
};

/* For the window's parts: an action of the window, on or off; one not
 * added yet is passed over. */
void
hub_window_set_action_enabled (HubWindow  *self,
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
  g_auto(GStrv) followed = g_settings_get_strv (self->settings, "followed-authors");
  gboolean unfollow = author &&
                      is_followed (self, hub_source_id_get_author (hub_source_get_id (self->source)));

  hub_window_set_action_enabled (self, "follow", self->account != NULL);
  hub_window_set_action_enabled (self, "open-author", self->account != NULL && !loading);
  hub_window_set_action_enabled (self, "compare-authors",
                                 self->account != NULL && g_strv_length (followed) >= 2);
  hub_window_set_action_enabled (self, "unfollow", unfollow);
  hub_window_history_actions_update (self);
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
      hub_public_view_set_source (self->public_view, self->source, &self->span);
      gtk_stack_set_visible_child_name (self->content_stack, "public");
    }
  else
    {
      if (self->public_view != NULL)
        hub_public_view_set_source (self->public_view, NULL, &self->span);
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
  hub_window_history_followed_changed (self);
}

void
hub_window_public_init (HubWindow *self)
{
  self->today = HUB_DAY_NONE;
  g_action_map_add_action_entries (G_ACTION_MAP (self), public_entries,
                                   G_N_ELEMENTS (public_entries), self);
  g_signal_connect (self->settings, "changed::followed-authors",
                    G_CALLBACK (on_followed_changed), self);
  hub_window_history_init (self);
  hub_window_public_actions_update (self);
}

void
hub_window_public_dispose (HubWindow *self)
{
  hub_window_history_dispose (self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_followed_changed, self);
  g_clear_object (&self->history);
}
