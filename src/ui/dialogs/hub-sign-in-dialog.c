/* hub-sign-in-dialog.c: a token, checked with whoami-v2, then an organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-ui.h"

#include "hub-sign-in-dialog.h"

struct _HubSignInDialog
{
  AdwDialog       parent_instance;

  char           *endpoint;
  HubTokenStore  *store;
  GCancellable   *cancellable;
  HubClient      *client;
  HubWhoami      *whoami;
  char           *token;          /* the token being checked, or checked */
  HubTokenSource  token_source;
  char           *found_token;    /* HF_TOKEN or the token file's, when there is one */
  HubTokenSource  found_source;
  char           *error_message;
  char           *chosen_org;
  gboolean        signed_in;      /* the store's token is the one in use */

  GtkStack             *stack;
  GtkStack             *button_stack;
  GtkButton            *next_button;
  GtkButton            *open_button;
  AdwPasswordEntryRow  *token_row;
  GtkLinkButton        *token_link;
  GtkWidget            *spinner;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *found_group;
  AdwActionRow         *found_row;
  AdwPreferencesGroup  *org_group;
  AdwEntryRow          *other_org_row;
  GtkLabel             *keyring_label;
  GtkCheckButton       *first_org_check;
  GPtrArray            *org_rows;
};

G_DEFINE_FINAL_TYPE (HubSignInDialog, hub_sign_in_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_org_row_activated (HubSignInDialog *self,
                                  AdwActionRow    *row);

static void
set_busy (HubSignInDialog *self,
          gboolean         busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->found_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button),
                            !busy && *gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
}

static void
show_error (HubSignInDialog *self,
            const char      *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A refused token is marked on the entry until it is changed. */
static void
mark_token_refused (HubSignInDialog *self,
                    gboolean         refused)
{
  hub_ui_set_css_class (GTK_WIDGET (self->token_row), "error", refused);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->token_row),
                                 refused ? _("This token was not accepted") : _("Token"));
}

static void
on_token_edited (HubSignInDialog *self)
{
  mark_token_refused (self, FALSE);
}

static void
update_open_button (HubSignInDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button),
                            self->chosen_org != NULL && *self->chosen_org != '\0');
}

static void
on_org_toggled (HubSignInDialog *self,
                GtkCheckButton  *check)
{
  if (!gtk_check_button_get_active (check))
    return;
  g_free (self->chosen_org);
  self->chosen_org = g_strdup (g_object_get_data (G_OBJECT (check), "org"));
  gtk_editable_set_text (GTK_EDITABLE (self->other_org_row), "");
  update_open_button (self);
}

static void
on_other_org_changed (HubSignInDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->other_org_row));

  if (*text == '\0')
    return;
  for (guint i = 0; i < self->org_rows->len; i++)
    {
      GtkCheckButton *check = g_object_get_data (g_ptr_array_index (self->org_rows, i), "check");

      gtk_check_button_set_active (check, FALSE);
    }
  g_free (self->chosen_org);
  self->chosen_org = g_strstrip (g_strdup (text));
  update_open_button (self);
}

static void
show_orgs (HubSignInDialog *self)
{
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->org_rows->len; i++)
    adw_preferences_group_remove (self->org_group, g_ptr_array_index (self->org_rows, i));
  g_ptr_array_set_size (self->org_rows, 0);
  self->first_org_check = NULL;

  /* Translators: %s is the user's name on Hugging Face */
  title = g_strdup_printf (_("Signed in as %s"),
                           self->whoami->fullname ? self->whoami->fullname : self->whoami->name);
  adw_preferences_group_set_description (self->org_group, title);

  for (guint i = 0; i < self->whoami->orgs->len; i++)
    {
      const HubWhoamiOrg *org = g_ptr_array_index (self->whoami->orgs, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     org->fullname ? org->fullname : org->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), org->name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "org", g_strdup (org->name), g_free);
      if (self->first_org_check == NULL)
        self->first_org_check = GTK_CHECK_BUTTON (check);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->first_org_check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_org_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_swapped (row, "activated", G_CALLBACK (on_org_row_activated), self);
      g_object_set_data (G_OBJECT (row), "check", check);
      adw_preferences_group_add (self->org_group, row);
      g_ptr_array_add (self->org_rows, row);
    }

  /* The free-text row comes after the organisations the Hub listed. */
  g_object_ref (self->other_org_row);
  adw_preferences_group_remove (self->org_group, GTK_WIDGET (self->other_org_row));
  adw_preferences_group_add (self->org_group, GTK_WIDGET (self->other_org_row));
  g_object_unref (self->other_org_row);

  if (self->first_org_check != NULL)
    {
      gtk_check_button_set_active (self->first_org_check, TRUE);
      gtk_widget_grab_focus (g_ptr_array_index (self->org_rows, 0));
    }
  else
    adw_preferences_group_set_description (self->org_group,
                                           _("Your account belongs to no organisation: type the "
                                             "name of the one to open."));

  gtk_stack_set_visible_child_name (self->stack, "org");
  gtk_stack_set_visible_child_name (self->button_stack, "org");
  update_open_button (self);
}

static void
on_token_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HubSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hub_token_store_store_finish (HUB_TOKEN_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_label_set_label (self->keyring_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->keyring_label), TRUE);
    }
}

static void
on_whoami (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HubSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubWhoami) whoami = hub_client_whoami_finish (HUB_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (whoami == NULL)
    {
      show_error (self, error->message);
      mark_token_refused (self, g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_UNAUTHORIZED));
      return;
    }

  g_clear_pointer (&self->whoami, hub_whoami_unref);
  self->whoami = g_steal_pointer (&whoami);

  /* Only a token the user typed is ours to keep: HF_TOKEN and the token file
   * are found again next time. */
  if (self->token_source == HUB_TOKEN_SOURCE_KEYRING && self->store != NULL)
    hub_token_store_store_async (self->store, self->endpoint, self->token, self->cancellable,
                                 on_token_stored, g_object_ref (self));
  show_orgs (self);
}

static void
check_token (HubSignInDialog *self,
             const char      *token,
             HubTokenSource   source)
{
  g_autofree char *stripped = g_strstrip (g_strdup (token));

  if (*stripped == '\0')
    return;

  g_free (self->token);
  self->token = g_steal_pointer (&stripped);
  self->token_source = source;
  show_error (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->client);
  self->client = hub_client_new (self->endpoint, self->token);
  hub_client_whoami_async (self->client, self->cancellable, on_whoami, g_object_ref (self));
}

static void
on_next_clicked (HubSignInDialog *self)
{
  check_token (self, gtk_editable_get_text (GTK_EDITABLE (self->token_row)),
               HUB_TOKEN_SOURCE_KEYRING);
}

static void
on_use_found_clicked (HubSignInDialog *self)
{
  if (self->found_token != NULL)
    check_token (self, self->found_token, self->found_source);
}

static void
on_token_changed (HubSignInDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button),
                            *gtk_editable_get_text (GTK_EDITABLE (self->token_row)) != '\0');
}

static void
on_open_clicked (HubSignInDialog *self)
{
  if (self->whoami == NULL || self->chosen_org == NULL || *self->chosen_org == '\0')
    return;
  g_signal_emit (self, signals[SIGNED_IN], 0,
                 self->chosen_org, self->token, (int) self->token_source, self->whoami);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
cancel (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

/* A row of the organisation list opens its organisation, by a click or by
 * Enter on the row that has the focus. */
static void
on_org_row_activated (HubSignInDialog *self,
                      AdwActionRow    *row)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

  gtk_check_button_set_active (check, TRUE);
  on_open_clicked (self);
}

static void
on_lookup (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HubSignInDialog) self = user_data;
  g_autofree char *path = NULL;
  g_autofree char *subtitle = NULL;
  HubTokenSource found_source = HUB_TOKEN_SOURCE_NONE;
  g_autofree char *token = hub_token_store_lookup_finish (HUB_TOKEN_STORE (source), result,
                                                          &found_source, &path, NULL);

  if (token == NULL)
    return;
  /* Signed in already: the token in use is checked again, and the
   * organisations follow, so that choosing another one asks for nothing. */
  if (self->signed_in)
    {
      check_token (self, token, found_source);
      return;
    }
  if (found_source != HUB_TOKEN_SOURCE_ENV && found_source != HUB_TOKEN_SOURCE_TOKEN_FILE)
    return;

  self->found_token = g_steal_pointer (&token);
  self->found_source = found_source;
  if (found_source == HUB_TOKEN_SOURCE_TOKEN_FILE && path != NULL)
    /* Translators: %s is the path of huggingface_hub's token file */
    subtitle = g_strdup_printf (_("Found in %s"), path);
  else
    subtitle = g_strdup (_("Found in the HF_TOKEN environment variable"));
  adw_action_row_set_subtitle (self->found_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->found_group), TRUE);
}

static void
hub_sign_in_dialog_dispose (GObject *object)
{
  HubSignInDialog *self = HUB_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_pointer (&self->whoami, hub_whoami_unref);
  g_clear_pointer (&self->org_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (hub_sign_in_dialog_parent_class)->dispose (object);
}

static void
hub_sign_in_dialog_finalize (GObject *object)
{
  HubSignInDialog *self = HUB_SIGN_IN_DIALOG (object);

  g_free (self->endpoint);
  g_free (self->error_message);
  g_free (self->chosen_org);
  hub_token_free (self->token);
  hub_token_free (self->found_token);

  G_OBJECT_CLASS (hub_sign_in_dialog_parent_class)->finalize (object);
}

static void
hub_sign_in_dialog_class_init (HubSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_sign_in_dialog_dispose;
  object_class->finalize = hub_sign_in_dialog_finalize;

  /**
   * HubSignInDialog::signed-in:
   * @org: the organisation chosen
   * @token: the token checked
   * @source: the HubTokenSource of the token
   * @whoami: the whoami-v2 answer (HUB_TYPE_WHOAMI)
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                     G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT, HUB_TYPE_WHOAMI);

  hub_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "dialogs/hub-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, button_stack);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, token_link);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, found_group);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, found_row);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, org_group);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, other_org_row);
  gtk_widget_class_bind_template_child (widget_class, HubSignInDialog, keyring_label);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_use_found_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_token_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_other_org_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_token_edited);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, cancel);
}

static void
hub_sign_in_dialog_init (HubSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->org_rows = g_ptr_array_new ();
}

/* store may be NULL: the token is then checked but not kept. signed_in
 * says that the store's token is the one in use: the dialog then goes on to
 * the organisations by itself. */
GtkWidget *
hub_sign_in_dialog_new (const char    *endpoint,
                        HubTokenStore *store,
                        gboolean       signed_in)
{
  HubSignInDialog *self;
  g_autofree char *tokens_page = NULL;

  g_return_val_if_fail (endpoint != NULL, NULL);

  self = g_object_new (HUB_TYPE_SIGN_IN_DIALOG, NULL);
  self->endpoint = g_strdup (endpoint);
  self->store = store ? g_object_ref (store) : NULL;
  self->signed_in = signed_in;

  tokens_page = g_strconcat (endpoint, "/settings/tokens", NULL);
  gtk_link_button_set_uri (self->token_link, tokens_page);

  if (self->store != NULL)
    hub_token_store_lookup_async (self->store, endpoint, self->cancellable, on_lookup,
                                  g_object_ref (self));
  return GTK_WIDGET (self);
}

void
hub_sign_in_dialog_set_token (HubSignInDialog *self,
                              const char      *token)
{
  g_return_if_fail (HUB_IS_SIGN_IN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
}

/* What the Next button does: checks the token typed. */
void
hub_sign_in_dialog_validate (HubSignInDialog *self)
{
  g_return_if_fail (HUB_IS_SIGN_IN_DIALOG (self));

  on_next_clicked (self);
}

/* The message shown for the last failed check, or NULL. */
const char *
hub_sign_in_dialog_get_error (HubSignInDialog *self)
{
  g_return_val_if_fail (HUB_IS_SIGN_IN_DIALOG (self), NULL);

  return self->error_message;
}

HubWhoami *
hub_sign_in_dialog_get_whoami (HubSignInDialog *self)
{
  g_return_val_if_fail (HUB_IS_SIGN_IN_DIALOG (self), NULL);

  return self->whoami;
}

/* "token" or "org". */
const char *
hub_sign_in_dialog_get_page (HubSignInDialog *self)
{
  g_return_val_if_fail (HUB_IS_SIGN_IN_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* What typing in "Another organisation" and Open do. */
void
hub_sign_in_dialog_choose_org (HubSignInDialog *self,
                               const char      *org)
{
  g_return_if_fail (HUB_IS_SIGN_IN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->other_org_row), org);
  on_open_clicked (self);
}
