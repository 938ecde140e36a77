/* hub-window-audience.c: the window's request logs: the Audience view
 *
 * The Audience view, made the first time a source has request logs, and the
 * switcher to it; the table's Uniques and Sessions over its days; a
 * repository's logs on its page, or on a page of their own when only the
 * logs name it; and the logs read again when team traffic goes in or out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-repo-audience.h"
#include "hub-repo-row.h"
#include "hub-repo-table-audience.h"
#include "hub-window-private.h"

static void
on_logs_reread (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubSource) source = hub_source_reread_logs_finish (result, &error);

  hub_window_finish_loading (self);
  if (self->sources == NULL)
    return;
  if (source != NULL)
    hub_window_add_source (self, source);
  else
    {
      /* What was shown stays, the team switch with it, and is what the
       * next opening reads. */
      if (self->source != NULL)
        {
          gboolean saved;
          g_auto(GStrv) team = hub_source_load_team (self->source, &saved);

          hub_source_save_team (self->source, (const char * const *) team,
                                hub_source_get_team_excluded (self->source), NULL);
          if (self->audience != NULL)
            hub_audience_view_set_source (self->audience, self->source, &self->span);
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hub_window_show_toast (self, error->message);
    }
  hub_window_end_progress (self);
}

/* Team traffic in or out: the raw logs read again, with progress. */
static void
on_team_changed (HubAudienceView *view,
                 gboolean         exclude,
                 HubWindow       *self)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) team = NULL;
  gboolean saved;

  if (self->source == NULL || hub_window_get_loading (self))
    {
      if (self->source != NULL && self->audience != NULL)
        hub_audience_view_set_source (self->audience, self->source, &self->span);
      return;
    }
  name = g_strdup (hub_source_get_title (self->source));
  team = hub_source_load_team (self->source, &saved);
  hub_window_begin_progress (self, name, FALSE);
  hub_source_reread_logs_async (self->source, (const char * const *) team, exclude, self->progress,
                                self->load_cancellable, on_logs_reread, g_object_ref (self));
}

/* A repository of the Audience view: its page, with the breakdown's
 * downloads when the breakdown names it, else the logs' figures alone. */
static void
on_audience_repo_activated (HubAudienceView *view,
                            const char      *type,
                            const char      *name,
                            HubWindow       *self)
{
  if (self->source == NULL || hub_window_open_repo (self, type, name))
    return;
  hub_window_show_logs_repo (self, type, name);
}

/* The repository pages' request logs follow the Audience view's days. */
static void
on_audience_span_changed (HubAudienceView *view,
                          HubWindow       *self)
{
  GtkWidget *slot = hub_repo_detail_get_audience (self->detail);
  GtkWidget *audience = gtk_widget_get_first_child (slot);
  HubDay first, last;

  hub_audience_view_get_span (view, &first, &last);
  if (audience != NULL)
    gtk_widget_set_visible (slot, hub_repo_audience_set_span (HUB_REPO_AUDIENCE (audience),
                                                              self->source, first, last));
  if (self->logs_repo_audience != NULL)
    hub_repo_audience_set_span (HUB_REPO_AUDIENCE (self->logs_repo_audience), self->source,
                                first, last);
}

/* The Audience view is made the first time a source has request logs: a
 * window without logs pays nothing for it. */
static void
ensure_audience_view (HubWindow *self)
{
  if (self->audience != NULL)
    return;
  self->audience = HUB_AUDIENCE_VIEW (hub_audience_view_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->audience), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->audience), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->audience), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->audience), 12);
  adw_clamp_set_child (self->audience_clamp, GTK_WIDGET (self->audience));
  g_signal_connect (self->audience, "message", G_CALLBACK (hub_window_on_message), self);
  g_signal_connect (self->audience, "team-changed", G_CALLBACK (on_team_changed), self);
  g_signal_connect (self->audience, "repo-activated", G_CALLBACK (on_audience_repo_activated), self);
  g_signal_connect (self->audience, "span-changed", G_CALLBACK (on_audience_span_changed), self);
}

/* The table's Uniques and Sessions over the Audience view's days. */
void
hub_window_update_table_audience (HubWindow *self)
{

  hub_repo_table_set_audience (self->table,
                               self->source ? hub_source_get_logs (self->source) : NULL,
                               self->source ? hub_source_get_audience_span (self->source, &self->span) : NULL);
}

/* The Audience view, and the switcher to it, for a source with request
 * logs; a source of logs alone opens on it. */
void
hub_window_show_audience (HubWindow *self,
                          HubSource *source)
{
  gboolean logs = hub_source_get_logs (source) != NULL;
  gboolean breakdown = hub_dataset_get_totals (hub_source_get_dataset (source))->as_of != HUB_DAY_NONE;
  gint64 start = g_get_monotonic_time ();

  if (logs)
    ensure_audience_view (self);
  if (self->audience != NULL)
    hub_audience_view_set_source (self->audience, source, &self->span);
  hub_window_update_table_audience (self);
  /* What filling the view costs the main thread, for the benchmarks. */
  if (logs)
    g_debug ("Audience view filled in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  gtk_widget_set_visible (self->switcher_box, logs);
  gtk_widget_set_visible (self->switcher_bar, logs);
  if (!logs)
    adw_view_stack_set_visible_child_name (self->view_stack, "downloads");
  else if (!breakdown)
    adw_view_stack_set_visible_child_name (self->view_stack, "audience");
}

/* The repository's request logs under its downloads, when the logs name it. */
void
hub_window_show_repo_audience (HubWindow *self,
                               guint      index)
{
  HubDataset *dataset = hub_source_get_dataset (self->source);
  const HubRepo *repo = hub_dataset_get_repo (dataset, index);
  GtkWidget *slot = hub_repo_detail_get_audience (self->detail);
  GtkWidget *audience = gtk_widget_get_first_child (slot);
  HubLogStore *logs = hub_source_get_logs (self->source);
  HubDay first, last;

  if (logs == NULL || self->audience == NULL)
    {
      gtk_widget_set_visible (slot, FALSE);
      return;
    }
  if (audience == NULL)
    {
      audience = hub_repo_audience_new ();
      gtk_box_append (GTK_BOX (slot), audience);
    }
  hub_audience_view_get_span (self->audience, &first, &last);
  gtk_widget_set_visible (slot, hub_repo_audience_set_repo (HUB_REPO_AUDIENCE (audience),
                                                            self->source, repo->type, repo->name,
                                                            first, last));
}

/* The page of a repository that only the request logs name: their
 * figures, and a sentence where the breakdown's chart would be. */
void
hub_window_show_logs_repo (HubWindow  *self,
                           const char *type,
                           const char *name)
{
  HubDataset *dataset = hub_source_get_dataset (self->source);
  gboolean breakdown = hub_dataset_get_totals (dataset)->as_of != HUB_DAY_NONE;
  HubRepo repo = { .type = type, .name = name, .kind = hub_repo_kind_from_type (type) };
  HubDay first, last;

  g_return_if_fail (self->audience != NULL);

  if (self->logs_repo_audience == NULL)
    {
      self->logs_repo_audience = hub_repo_audience_new ();
      gtk_box_append (self->logs_repo_box, self->logs_repo_audience);
    }
  hub_audience_view_get_span (self->audience, &first, &last);
  if (!hub_repo_audience_set_repo (HUB_REPO_AUDIENCE (self->logs_repo_audience), self->source,
                                   type, name, first, last))
    return;
  gtk_label_set_label (self->logs_repo_note,
                       breakdown
                       ? _("The breakdown does not name this repository, so there is no chart of the "
                           "downloads the Hub counted: these are the request logs’ figures alone.")
                       : _("These request logs came without a breakdown, so there is no chart of the "
                           "downloads the Hub counted: these are the logs’ figures alone."));
  adw_window_title_set_title (self->logs_repo_title, name);
  adw_window_title_set_subtitle (self->logs_repo_title, hub_repo_kind_title (&repo));
  adw_navigation_page_set_title (self->detail_page, name);
  gtk_stack_set_visible_child_name (self->detail_stack, "logs-repository");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}
