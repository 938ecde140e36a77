/* hub-audience-view-team.c: the audience view's Team Traffic part: the
 * organisation's own requests, its busiest identities to mark as the team's,
 * and the switch that leaves team traffic out of every figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-audience-view-private.h"
#include "hub-format.h"

static void update_identities_idle (HubAudienceView *self);

static void
on_identity_toggled (GtkCheckButton  *check,
                     HubAudienceView *self)
{
  const HubLogIdentity *identity = g_object_get_data (G_OBJECT (check), "hub-identity");
  gboolean exclude;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) team = NULL;
  g_autoptr(GError) error = NULL;
  gboolean marked = gtk_check_button_get_active (check);

  if (self->source == NULL || identity == NULL)
    return;
  ids = hub_source_load_team (self->source, &exclude);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!hub_log_identity_matches (identity, ids[i]))
      g_strv_builder_add (kept, ids[i]);
  if (marked)
    g_strv_builder_add (kept, identity->id);
  team = g_strv_builder_end (kept);
  if (!hub_source_save_team (self->source, (const char * const *) team, exclude, &error))
    {
      hub_audience_view_emit_message (self, error->message);
      return;
    }
  hub_source_set_team_ids (self->source, (const char * const *) team);
  /* Left out already: the figures need the logs read without the new list. */
  if (hub_source_get_team_excluded (self->source))
    hub_audience_view_emit_team_changed (self, TRUE);
  else
    g_idle_add_once ((GSourceOnceFunc) update_identities_idle, g_object_ref (self));
}

static GtkWidget *
identity_row (HubAudienceView      *self,
              const HubLogIdentity *identity,
              gboolean              on_list)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *requests = hub_format_compact ((gint64) identity->requests);
  g_autofree char *subtitle = NULL;
  g_autofree char *name = g_strconcat ("identity-", identity->id, NULL);

  subtitle = g_strdup_printf (identity->is_user
                              /* Translators: under an identity of the top list; %s is a count */
                              ? _("%s requests · signed in")
                              /* Translators: under an identity of the top list; %s is a count */
                              : _("%s requests · anonymous"),
                              requests);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), identity->short_id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, identity->id);
  gtk_widget_add_css_class (row, "monospace");

  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), identity->team);
  if (identity->team && !on_list)
    {
      /* isInternal lines: the logs say so, not the list. */
      gtk_widget_set_sensitive (check, FALSE);
      gtk_widget_set_tooltip_text (check, _("Marked as internal in the logs"));
    }
  g_object_set_data_full (G_OBJECT (check), "hub-identity", hub_log_identity_copy (identity),
                          (GDestroyNotify) hub_log_identity_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_identity_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
update_identities (HubAudienceView *self)
{
  GPtrArray *top = self->figures->identities;
  gboolean exclude;
  g_auto(GStrv) ids = hub_source_load_team (self->source, &exclude);

  gtk_list_box_remove_all (self->identities_list);
  for (guint i = 0; i < top->len; i++)
    {
      const HubLogIdentity *identity = g_ptr_array_index (top, i);
      gboolean on_list = FALSE;

      for (guint k = 0; ids != NULL && ids[k] != NULL && !on_list; k++)
        on_list = hub_log_identity_matches (identity, ids[k]);
      gtk_list_box_append (self->identities_list, identity_row (self, identity, on_list));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->identities_list), top->len > 0);
}

static void
update_identities_idle (HubAudienceView *self)
{
  if (self->figures != NULL && self->first != HUB_DAY_NONE)
    update_identities (self);
  g_object_unref (self);
}

void
hub_audience_view_update_team (HubAudienceView *self,
                               HubLogStore     *store)
{
  GAction *exclude = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "exclude-team");
  guint64 team = hub_log_store_get_team_requests (store);
  gboolean excluded = hub_source_get_team_excluded (self->source);
  g_autofree char *count = hub_format_count ((gint64) team);
  g_autofree char *text = NULL;

  g_simple_action_set_state (G_SIMPLE_ACTION (exclude), g_variant_new_boolean (excluded));
  if (excluded)
    text = g_strdup (_("The organisation’s own requests are left out of every figure."));
  else
    /* Translators: %s is a count of requests marked internal in the logs */
    text = g_strdup_printf (ngettext ("%s request in these logs is marked as the organisation’s own. Mark more below.",
                                      "%s requests in these logs are marked as the organisation’s own. Mark more below.",
                                      (gulong) MIN (team, G_MAXULONG)),
                            count);
  gtk_label_set_label (self->team_label, text);
  update_identities (self);
}

void
hub_audience_view_exclude_team_changed (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  HubAudienceView *self = user_data;
  gboolean exclude = g_variant_get_boolean (value);

  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->source == NULL || exclude == hub_source_get_team_excluded (self->source))
    return;
  ids = hub_source_load_team (self->source, &saved);
  if (!hub_source_save_team (self->source, (const char * const *) ids, exclude, &error))
    {
      hub_audience_view_emit_message (self, error->message);
      return;
    }
  g_simple_action_set_state (action, value);
  hub_audience_view_emit_team_changed (self, exclude);
}
