/* hub-preferences-dialog.c: the endpoint, refresh on start-up, Sign Out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-ui.h"

#include "hub-endpoint.h"
#include "hub-preferences-dialog.h"

struct _HubPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;

  GtkSwitch            *refresh_switch;
  GtkSwitch            *notify_switch;
  AdwSwitchRow         *keep_history_row;
  AdwEntryRow          *endpoint_row;
  GtkLabel             *endpoint_status;
  AdwActionRow         *account_row;
};

G_DEFINE_FINAL_TYPE (HubPreferencesDialog, hub_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static void
show_endpoint_status (HubPreferencesDialog *self,
                      const char           *message,
                      gboolean              is_error)
{
  gtk_label_set_label (self->endpoint_status, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->endpoint_status), message != NULL);
  hub_ui_set_css_class (GTK_WIDGET (self->endpoint_status), "error", is_error);
  hub_ui_set_css_class (GTK_WIDGET (self->endpoint_row), "error", is_error);
}

/* A blank address is the default Hub; anything else must be a valid https://
 * URL, or http:// to this computer, before it is kept. */
static void
on_endpoint_apply (HubPreferencesDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->endpoint_row));
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      g_settings_set_string (self->settings, "endpoint", "");
      show_endpoint_status (self, NULL, FALSE);
      return;
    }

  normalized = hub_endpoint_normalize (stripped, &error);
  if (normalized == NULL)
    {
      show_endpoint_status (self, error->message, TRUE);
      return;
    }
  g_settings_set_string (self->settings, "endpoint", normalized);
  gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row), normalized);
  show_endpoint_status (self, NULL, FALSE);
}

static void
hub_preferences_dialog_dispose (GObject *object)
{
  HubPreferencesDialog *self = HUB_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (hub_preferences_dialog_parent_class)->dispose (object);
}

static void
hub_preferences_dialog_class_init (HubPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_preferences_dialog_dispose;

  hub_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "dialogs/hub-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubPreferencesDialog, refresh_switch);
  gtk_widget_class_bind_template_child (widget_class, HubPreferencesDialog, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, HubPreferencesDialog, keep_history_row);
  gtk_widget_class_bind_template_child (widget_class, HubPreferencesDialog, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, HubPreferencesDialog, endpoint_status);
  gtk_widget_class_bind_template_child (widget_class, HubPreferencesDialog, account_row);
  gtk_widget_class_bind_template_callback (widget_class, on_endpoint_apply);
}

static void
hub_preferences_dialog_init (HubPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hub_preferences_dialog_new (GSettings *settings)
{
  HubPreferencesDialog *self;
  g_autofree char *endpoint = NULL;
  const char *env = g_getenv ("HF_ENDPOINT");

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HUB_TYPE_PREFERENCES_DIALOG, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "refresh-on-startup", self->refresh_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-spikes", self->notify_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "keep-history", self->keep_history_row, "active",
                   G_SETTINGS_BIND_DEFAULT);

  endpoint = g_settings_get_string (settings, "endpoint");
  gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row), endpoint);
  if (env != NULL && *env != '\0')
    {
      /* Translators: %s is the address set in the HF_ENDPOINT environment variable */
      g_autofree char *note = g_strdup_printf (_("HF_ENDPOINT is set: this run uses %s"), env);

      show_endpoint_status (self, note, FALSE);
    }

  return GTK_WIDGET (self);
}

/* account: the signed-in user's name, or NULL when nobody is signed in. */
void
hub_preferences_dialog_set_account (HubPreferencesDialog *self,
                                    const char           *account)
{
  g_return_if_fail (HUB_IS_PREFERENCES_DIALOG (self));

  if (account != NULL)
    {
      /* Translators: %s is the Hugging Face user name */
      g_autofree char *title = g_strdup_printf (_("Signed in as %s"), account);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), _("Not signed in"));
}
