/* hub-follow-dialog.c: the name of an organisation or user whose public figures to follow
 *
 * The dialog asks for the name and says what went wrong; the window lists
 * the author (its "follow" signal) and closes the dialog once the public
 * view is shown, or calls hub_follow_dialog_fail() with the reason: a name
 * the Hub does not know, the Hub busy (429) or failing (5xx), no network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-ui.h"

#include "hub-follow-dialog.h"

struct _HubFollowDialog
{
  AdwDialog    parent_instance;

  AdwEntryRow *name_row;
  GtkLabel    *message_label;
  GtkWidget   *follow_button;

  gboolean     busy;
};

enum {
  SIGNAL_FOLLOW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HubFollowDialog, hub_follow_dialog, ADW_TYPE_DIALOG)

/* What the Hub accepts in a user or organisation name, so that a typo or a
 * pasted address is said at once rather than asked of the Hub. */
static gboolean
name_is_valid (const char *name)
{
  if (*name == '\0' || *name == '-' || *name == '.')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static void
set_busy (HubFollowDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  /* Not insensitive: the entry keeps the focus while the Hub answers. */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  gtk_widget_set_sensitive (self->follow_button,
                            !busy && name_is_valid (hub_follow_dialog_get_name (self)));
}

static void
show_message (HubFollowDialog *self,
              const char      *message,
              gboolean         error)
{
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  hub_ui_set_css_class (GTK_WIDGET (self->message_label), "error", error);
  hub_ui_set_css_class (GTK_WIDGET (self->message_label), "dim-label", !error);
}

static void
on_name_changed (HubFollowDialog *self)
{
  const char *name = hub_follow_dialog_get_name (self);

  if (*name != '\0' && !name_is_valid (name))
    show_message (self, _("A name on the Hub has only letters, digits, “-”, “_” and “.”, as in "
                          "“huggingface” or “google-bert”."), TRUE);
  else
    show_message (self, NULL, FALSE);
  set_busy (self, self->busy);
}

static void
on_follow_clicked (HubFollowDialog *self)
{
  hub_follow_dialog_follow (self);
}

static void
hub_follow_dialog_class_init (HubFollowDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The user asked to follow the name given (the window lists it). */
  signals[SIGNAL_FOLLOW] =
    g_signal_new ("follow", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "dialogs/hub-follow-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubFollowDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HubFollowDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, HubFollowDialog, follow_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_clicked);
}

static void
hub_follow_dialog_init (HubFollowDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->name_row));
}

AdwDialog *
hub_follow_dialog_new (void)
{
  return g_object_new (HUB_TYPE_FOLLOW_DIALOG, NULL);
}

/* The name as typed, without the spaces around it. */
const char *
hub_follow_dialog_get_name (HubFollowDialog *self)
{
  const char *text;

  g_return_val_if_fail (HUB_IS_FOLLOW_DIALOG (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  while (g_ascii_isspace (*text))
    text++;
  return text;
}

void
hub_follow_dialog_set_name (HubFollowDialog *self,
                            const char      *name)
{
  g_return_if_fail (HUB_IS_FOLLOW_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

/* As the Follow button: emits "follow" with the name, when it is one. */
void
hub_follow_dialog_follow (HubFollowDialog *self)
{
  g_autofree char *name = NULL;

  g_return_if_fail (HUB_IS_FOLLOW_DIALOG (self));

  name = g_strstrip (g_strdup (hub_follow_dialog_get_name (self)));
  if (self->busy || !name_is_valid (name))
    return;
  set_busy (self, TRUE);
  show_message (self, _("Listing the models, datasets and spaces…"), FALSE);
  g_signal_emit (self, signals[SIGNAL_FOLLOW], 0, name);
}

/* How far the listing has come ("Page 3 · 2,000 repositories"). */
void
hub_follow_dialog_set_progress (HubFollowDialog *self,
                                const char      *text)
{
  g_return_if_fail (HUB_IS_FOLLOW_DIALOG (self));

  if (self->busy)
    show_message (self, text, FALSE);
}

/* The listing failed: says why, and lets the user try again. */
void
hub_follow_dialog_fail (HubFollowDialog *self,
                        const char      *message)
{
  g_return_if_fail (HUB_IS_FOLLOW_DIALOG (self));

  set_busy (self, FALSE);
  show_message (self, message, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

const char *
hub_follow_dialog_get_message (HubFollowDialog *self)
{
  g_return_val_if_fail (HUB_IS_FOLLOW_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
    ? gtk_label_get_label (self->message_label) : NULL;
}

gboolean
hub_follow_dialog_get_busy (HubFollowDialog *self)
{
  g_return_val_if_fail (HUB_IS_FOLLOW_DIALOG (self), FALSE);

  return self->busy;
}
