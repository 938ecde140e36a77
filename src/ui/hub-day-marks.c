/* hub-day-marks.c: the events of a repository marked on its chart, and the
 * rows that list its notes
 *
 * The insights dialog and a repository's detail mark the same events with
 * the same words, and list their notes in the same rows; this says them
 * once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-day-mark-layer.h"
#include "hub-format.h"
#include "hub-insights.h"
#include "hub-day-marks.h"

/* Appends to marks (of HubDayMark) the spikes, drops and milestones passed
 * of repo over range; the labels they point to go to labels (freeing
 * g_free), which must outlive marks. A milestone under a hundredth of
 * all_time is left out. */
void
hub_day_marks_add_events (GArray        *marks,
                          GPtrArray     *labels,
                          HubDataset    *dataset,
                          const HubRepo *repo,
                          HubRange       range,
                          gint64         all_time)
{
  g_autoptr(GArray) spikes = hub_repo_spikes (repo, range);
  g_autoptr(GArray) passed = hub_repo_milestones (dataset, repo, range);

  for (guint i = 0; i < spikes->len; i++)
    {
      const HubSpike *spike = &g_array_index (spikes, HubSpike, i);
      g_autofree char *count = hub_format_compact (spike->count);
      char *label = g_strdup_printf (spike->score > 0 ? _("Spike: %s") : _("Drop: %s"), count);
      HubDayMark mark = { spike->day, spike->score > 0 ? HUB_DAY_MARK_SPIKE : HUB_DAY_MARK_DROP, label };

      g_ptr_array_add (labels, label);
      g_array_append_val (marks, mark);
    }
  for (guint i = 0; i < passed->len; i++)
    {
      const HubMilestone *milestone = &g_array_index (passed, HubMilestone, i);
      g_autofree char *value = hub_format_compact (milestone->value);
      char *label;
      HubDayMark mark = { milestone->day, HUB_DAY_MARK_MILESTONE, NULL };

      /* Small round numbers of a large series would crowd the chart. */
      if (milestone->value * 100 < all_time)
        continue;
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s download", "%s downloads",
                                            (gulong) MIN (milestone->value, G_MAXLONG)), value);
      mark.label = label;
      g_ptr_array_add (labels, label);
      g_array_append_val (marks, mark);
    }
}

/* A row of a notes list: the note's text, its day (and its repository, if
 * with_repo and it has one), and a button that removes it through
 * remove_action, the note's id (an int64) its parameter. */
GtkWidget *
hub_day_marks_note_row (const HubNote *note,
                        gboolean       with_repo,
                        const char    *remove_action)
{
  g_autofree char *when = hub_format_date (note->day, HUB_DATE_FULL);
  g_autofree char *subtitle = with_repo && note->repo_name != NULL
    ? g_strdup_printf ("%s · %s", when, note->repo_name) : g_strdup (when);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the Note"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), remove_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", note->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}
