/* hub-insights-dialog-notes.c: the insights dialog's notes: those of the source, listed,
 * added on a day of the range and removed, kept in the history database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-day-marks.h"
#include "hub-format.h"
#include "hub-insights-dialog-private.h"

static HubDay
note_day (HubInsightsDialog *self)
{
  HubDay day = hub_range_picker_get_selected_day (self->range_picker);

  return hub_range_contains (self->range, day) ? day : self->range.last;
}

/* insights.remove-note, the note's id its parameter. */
static void
remove_note_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!hub_history_remove_note (self->history, g_variant_get_int64 (parameter), &error))
    {
      hub_insights_dialog_show_toast (self, error->message);
      return;
    }
  hub_insights_dialog_set_range (self, self->range);
}

void
hub_insights_dialog_update_notes (HubInsightsDialog *self)
{
  g_autofree char *day = hub_format_date (note_day (self), HUB_DATE_FULL);
  /* Translators: the title of the entry that adds a note; %s is a date */
  g_autofree char *title = g_strdup_printf (_("Add a note on %s"), day);
  g_autoptr(GError) error = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_entry), title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), self->history != NULL);
  hub_insights_dialog_clear_list (self->notes_list, GTK_WIDGET (self->note_entry));
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  if (self->history == NULL)
    return;
  self->notes = hub_history_list_notes (self->history, hub_source_get_id (self->source), NULL, NULL,
                                        &error);
  if (self->notes == NULL)
    {
      hub_insights_dialog_show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < self->notes->len; i++)
    {
      const HubNote *note = g_ptr_array_index (self->notes, i);
      GtkWidget *row = hub_day_marks_note_row (note, TRUE, "insights.remove-note");

      if (!hub_range_contains (self->range, note->day))
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->notes_list, row);
    }
}

static void
on_note_apply (HubInsightsDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (!hub_insights_dialog_add_note (self, note_day (self), text, &error))
    {
      hub_insights_dialog_show_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

/* Class */

void
hub_insights_dialog_notes_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply);
  gtk_widget_class_install_action (widget_class, "insights.remove-note", "x", remove_note_activated);
}

/* Public */

/* A note of the source on day, kept in the history and drawn on the chart. */
gboolean
hub_insights_dialog_add_note (HubInsightsDialog  *self,
                              HubDay              day,
                              const char         *text,
                              GError            **error)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), FALSE);

  if (self->history == NULL)
    {
      g_set_error_literal (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_IO,
                           _("Notes cannot be kept: the history database could not be opened."));
      return FALSE;
    }
  if (hub_history_add_note (self->history, hub_source_get_id (self->source), NULL, NULL, day, text,
                            error) == 0)
    return FALSE;
  hub_insights_dialog_set_range (self, self->range);
  return TRUE;
}

guint
hub_insights_dialog_get_n_notes (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), 0);

  return self->notes != NULL ? self->notes->len : 0;
}
