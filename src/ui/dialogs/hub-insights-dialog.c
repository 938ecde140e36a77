/* hub-insights-dialog.c: a source's insights for any range: comparison, velocity, movers,
 * milestones, spikes, notes, badges and the report
 *
 * The range comes from a HubRangePicker, as the window's does, with the
 * same keys, and is compared with the previous range of the same length
 * starting on the same weekday, or with the same dates a year earlier. Every figure comes from
 * src/core; the notes live in the history database. The comparison, the
 * notes and the badge are in hub-insights-dialog-compare.c, -notes.c and
 * -badge.c; the state they share in hub-insights-dialog-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-day-marks.h"
#include "hub-format.h"
#include "hub-report.h"
#include "hub-ui.h"
#include "hub-insights-dialog-private.h"

#define N_MOVERS          5
#define N_SPIKE_REPOS     100   /* the busiest repositories of the range checked for spikes */

G_DEFINE_FINAL_TYPE (HubInsightsDialog, hub_insights_dialog, ADW_TYPE_DIALOG)

/* A rise or a fall in the cards' and the table's colours; the caption
 * stays as it is for no change or no data. */
static void
set_change_style (GtkWidget *label,
                  HubChange  change)
{
  const char *style = hub_format_change_style (change);

  hub_ui_set_css_class (label, "success", g_strcmp0 (style, "success") == 0);
  hub_ui_set_css_class (label, "error", g_strcmp0 (style, "error") == 0);
}

void
hub_insights_dialog_show_toast (HubInsightsDialog *self,
                                const char        *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* Cards */

static void
update_cards (HubInsightsDialog *self)
{
  const HubRepo *overall = hub_dataset_get_overall (self->dataset);
  HubRange compared = hub_range_compared (self->range, self->comparison);
  gint64 current = hub_repo_range_sum (overall, self->range.first, self->range.last);
  gint64 previous = hub_repo_range_sum (overall, compared.first, compared.last);
  HubChange change = hub_change_compute (current, previous);
  HubVelocity velocity = hub_repo_velocity (overall, self->range.last);
  HubProjection projection = hub_repo_projection (self->dataset, overall);
  g_autofree char *value = hub_format_compact (current);
  g_autofree char *exact = hub_format_count (current);
  g_autofree char *change_text = hub_format_change (change);
  g_autofree char *previous_text = hub_format_count (previous);
  g_autofree char *caption = NULL;
  g_autofree char *rate = hub_format_count ((gint64) (velocity.rate_7 + 0.5));
  g_autofree char *rate_30 = hub_format_count ((gint64) (velocity.rate_30 + 0.5));
  g_autofree char *acceleration = hub_format_count ((gint64) (ABS (velocity.acceleration_7) + 0.5));
  g_autofree char *velocity_text = NULL;
  g_autofree char *milestone = hub_format_compact (projection.milestone);
  g_autofree char *milestone_text = NULL;

  gtk_label_set_label (self->downloads_value, value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->downloads_value), exact);
  /* Translators: the change against the comparison range, and its downloads */
  caption = g_strdup_printf (_("%s against %s"), change_text, previous_text);
  gtk_label_set_label (self->downloads_caption, caption);
  set_change_style (GTK_WIDGET (self->downloads_caption), change);

  gtk_label_set_label (self->velocity_value, rate);
  /* Translators: under the downloads a day of the last 7 days: the change
   * against the 7 days before (a sign, then a count), and the 30-day rate */
  velocity_text = g_strdup_printf (_("%s%s against the week before · %s a day over 30 days"),
                                   velocity.acceleration_7 < 0 ? "−" : "+", acceleration, rate_30);
  gtk_label_set_label (self->velocity_caption, velocity_text);

  gtk_label_set_label (self->milestone_value, milestone);
  if (projection.status == HUB_PROJECTION_OK)
    {
      g_autofree char *day = hub_format_date (projection.day, HUB_DATE_FULL);
      g_autofree char *earliest = hub_format_date (projection.earliest, HUB_DATE_FULL);
      g_autofree char *latest = projection.latest != HUB_DAY_NONE
        ? hub_format_date (projection.latest, HUB_DATE_FULL) : NULL;

      if (projection.earliest == projection.latest)
        /* Translators: the projected date of the next milestone */
        milestone_text = g_strdup_printf (_("Around %s"), day);
      else if (latest == NULL)
        /* Translators: the projected date of the next milestone, and the earliest it may come */
        milestone_text = g_strdup_printf (_("Around %s, from %s, perhaps much later"), day, earliest);
      else
        /* Translators: the projected date of the next milestone, and the range of dates it may come in */
        milestone_text = g_strdup_printf (_("Around %s, between %s and %s"), day, earliest, latest);
    }
  else
    milestone_text = g_strdup (hub_projection_describe (projection.status));
  gtk_label_set_label (self->milestone_caption, milestone_text);
}

/* The chart: the organisation's trend over the range, with its notes,
 * spikes, drops and milestones passed. */
static void
update_chart (HubInsightsDialog *self)
{
  const HubRepo *overall = hub_dataset_get_overall (self->dataset);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (HubDayMark));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 all_time = hub_dataset_get_totals (self->dataset)->all_time;

  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      const HubNote *note = g_ptr_array_index (self->notes, i);
      HubDayMark mark = { note->day, HUB_DAY_MARK_NOTE, note->text };

      if (note->repo_name == NULL)
        g_array_append_val (marks, mark);
    }
  hub_day_marks_add_events (marks, labels, self->dataset, overall, self->range, all_time);

  hub_chart_set_series (self->chart, self->dataset, overall, hub_dataset_get_as_of (self->dataset));
  hub_chart_set_custom_range (self->chart, self->range);
  hub_chart_set_day_marks (self->chart, (const HubDayMark *) marks->data, marks->len);
}

/* Movers */

void
hub_insights_dialog_clear_list (GtkListBox *list,
                                GtkWidget  *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep)
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static void
add_row (GtkListBox *list,
         const char *icon,
         const char *title,
         const char *subtitle,
         const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (css_class != NULL)
    gtk_widget_add_css_class (image, css_class);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  gtk_list_box_append (list, row);
}

static void
add_movers (HubInsightsDialog *self,
            GArray            *movers,
            const char        *kind,
            const char        *icon,
            const char        *css_class)
{
  for (guint i = 0; i < movers->len; i++)
    {
      const HubMover *mover = &g_array_index (movers, HubMover, i);
      gint64 delta = mover->current - mover->previous;
      g_autofree char *count = hub_format_compact (ABS (delta));
      g_autofree char *change = hub_format_change (mover->change);
      /* Translators: a mover's line: its kind ("Gainer"), the change in
       * downloads with its sign, and the change as a ratio */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s%s · %s"), kind,
                                                   delta < 0 ? "−" : "+", count, change);

      add_row (self->movers_list, icon, mover->repo->name, subtitle, css_class);
      self->n_movers++;
    }
}

/* A repository's spikes and drops, a row each; days in a row of the same
 * kind (a repository that went quiet drops day after day) make one row. */
static void
add_spikes (HubInsightsDialog *self)
{
  g_autoptr(GArray) top = hub_dataset_top (self->dataset, self->range.first, self->range.last,
                                           N_SPIKE_REPOS);

  for (guint i = 0; i < top->len; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (self->dataset, g_array_index (top, guint, i));
      g_autoptr(GArray) spikes = hub_repo_spikes (repo, self->range);

      for (guint j = 0; j < spikes->len;)
        {
          const HubSpike *spike = &g_array_index (spikes, HubSpike, j);
          gboolean up = spike->score > 0;
          gint64 extreme = spike->count;
          guint n = 1;
          g_autofree char *day = hub_format_date (spike->day, HUB_DATE_FULL);
          g_autofree char *usual = hub_format_count ((gint64) (spike->expected + 0.5));
          g_autofree char *count = NULL;
          g_autofree char *subtitle = NULL;

          while (j + n < spikes->len)
            {
              const HubSpike *next = &g_array_index (spikes, HubSpike, j + n);

              if (next->day != spike->day + (HubDay) n || (next->score > 0) != up)
                break;
              extreme = up ? MAX (extreme, next->count) : MIN (extreme, next->count);
              n++;
            }
          count = hub_format_count (extreme);
          if (n == 1)
            /* Translators: a spike's or drop's line: the day, its downloads, the usual count */
            subtitle = g_strdup_printf (up ? _("Spike on %s: %s downloads, usually %s")
                                           : _("Drop on %s: %s downloads, usually %s"),
                                        day, count, usual);
          else
            {
              g_autofree char *last = hub_format_date (spike->day + n - 1, HUB_DATE_FULL);

              /* Translators: spikes or drops on days in a row: the first and last
               * day, the highest (lowest) downloads, the usual count before them */
              subtitle = g_strdup_printf (up ? _("Spikes from %s to %s: up to %s downloads, usually %s")
                                             : _("Drops from %s to %s: down to %s downloads, usually %s"),
                                          day, last, count, usual);
            }
          add_row (self->movers_list, up ? "go-up-symbolic" : "go-down-symbolic",
                   repo->name, subtitle, up ? "success" : "error");
          self->n_movers++;
          j += n;
        }
    }
}

static void
update_movers (HubInsightsDialog *self)
{
  HubRange compared = hub_range_compared (self->range, self->comparison);
  g_autoptr(HubMovers) movers = hub_movers_compute (self->dataset, self->range, compared, N_MOVERS);

  hub_insights_dialog_clear_list (self->movers_list, NULL);
  self->n_movers = 0;
  add_movers (self, movers->gainers, _("Gainer"), "go-up-symbolic", "success");
  add_movers (self, movers->losers, _("Loser"), "go-down-symbolic", "error");
  add_movers (self, movers->fresh, _("New"), "list-add-symbolic", "accent");
  add_movers (self, movers->quiet, _("Gone quiet"), "list-remove-symbolic", "dim-label");
  add_spikes (self);
  if (self->n_movers == 0)
    add_row (self->movers_list, "emblem-ok-symbolic", _("Nothing moved"),
             _("No repository gained, lost, started or stopped against the comparison"), NULL);
}

/* Everything */

static void
update (HubInsightsDialog *self)
{
  HubSpan span = { HUB_RANGE_CUSTOM, self->comparison, self->range,
                   hub_range_compared (self->range, self->comparison) };
  g_autofree char *line = hub_format_span (&span);

  gtk_label_set_label (self->range_label, line);

  hub_insights_dialog_update_notes (self);
  update_cards (self);
  update_chart (self);
  update_movers (self);
  hub_insights_dialog_update_compare (self);
}

/* Callbacks */

static void
on_range_changed (HubInsightsDialog *self)
{
  self->range = hub_range_picker_get_range (self->range_picker);
  if (hub_dataset_get_as_of (self->dataset) != HUB_DAY_NONE)
    update (self);
}

static void
on_comparison_changed (HubInsightsDialog *self)
{
  const char *name = adw_toggle_group_get_active_name (self->comparison_toggles);

  hub_insights_dialog_set_comparison (self, g_strcmp0 (name, "year") == 0 ? HUB_COMPARISON_YEAR
                                                                          : HUB_COMPARISON_PREVIOUS);
}

/* Actions */

static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);

  hub_range_picker_step (self->range_picker, g_variant_get_int32 (parameter));
}

static void
preset_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  HubRangePreset preset;

  if (hub_range_picker_preset_at ((guint) g_variant_get_int32 (parameter), &preset))
    hub_insights_dialog_set_preset (self, preset);
}

/* The range picker's keys, as insights.step and insights.preset. */
static gboolean
step_pressed (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return gtk_widget_activate_action_variant (widget, "insights.step", args);
}

static gboolean
preset_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return gtk_widget_activate_action_variant (widget, "insights.preset", args);
}

static void
on_report_chosen (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HubInsightsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;
  HubReportFormat format = HUB_REPORT_PDF;
  HubReport report;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL || !hub_report_format_for_path (path, &format))
    {
      hub_insights_dialog_show_toast (self,
                                      _("A report is saved as PDF or PNG: end its name in .pdf or .png"));
      return;
    }
  report = (HubReport) { self->dataset, hub_source_get_title (self->source), self->range,
                         self->comparison, self->notes, now };
  if (!hub_report_write (&report, path, format, &error))
    hub_insights_dialog_show_toast (self, error->message);
  else
    hub_insights_dialog_show_toast (self, _("Report saved"));
}

static void
save_report_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  char first[HUB_DAY_ISO_LEN], last[HUB_DAY_ISO_LEN];
  g_autofree char *name = NULL;

  hub_day_format (self->range.first, first);
  hub_day_format (self->range.last, last);
  name = g_strdup_printf ("%s-report-%s-%s.pdf", hub_source_get_export_name (self->source), first, last);
  gtk_file_dialog_set_title (dialog, _("Save Report"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_report_chosen,
                        g_object_ref (self));
}

/* GObject */

static void
hub_insights_dialog_dispose (GObject *object)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (object);

  hub_insights_dialog_badge_dispose (self);
  hub_insights_dialog_compare_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_INSIGHTS_DIALOG);

  G_OBJECT_CLASS (hub_insights_dialog_parent_class)->dispose (object);
}

static void
hub_insights_dialog_finalize (GObject *object)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (object);

  g_clear_object (&self->source);
  g_clear_object (&self->dataset);
  g_clear_object (&self->history);
  g_clear_object (&self->badge_settings);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->compared_repos, g_array_unref);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->compared_authors, g_ptr_array_unref);
  g_free (self->endpoint);

  G_OBJECT_CLASS (hub_insights_dialog_parent_class)->finalize (object);
}

static void
hub_insights_dialog_class_init (HubInsightsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_insights_dialog_dispose;
  object_class->finalize = hub_insights_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "dialogs/hub-insights-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, range_picker);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, comparison_toggles);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, range_label);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, downloads_value);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, downloads_caption);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, velocity_value);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, velocity_caption);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, milestone_value);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, milestone_caption);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, chart);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, movers_list);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, compare_choices);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, compare_mode_toggles);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, compare_chart);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, notes_list);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, badge_figure_toggles);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, badge_variant_toggles);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, badge_picture);

  gtk_widget_class_install_action (widget_class, "insights.save-report", NULL, save_report_activated);

  gtk_widget_class_install_action (widget_class, "insights.step", "i", step_activated);
  gtk_widget_class_install_action (widget_class, "insights.preset", "i", preset_activated);

  hub_insights_dialog_compare_class_init (widget_class);
  hub_insights_dialog_notes_class_init (widget_class);
  hub_insights_dialog_badge_class_init (widget_class);
}

static void
hub_insights_dialog_init (HubInsightsDialog *self)
{
  GtkEventController *shortcuts;

  g_type_ensure (HUB_TYPE_CHART);
  g_type_ensure (HUB_TYPE_COMPARE_CHART);
  g_type_ensure (HUB_TYPE_RANGE_PICKER);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The range keys go to the dialog before any widget inside it (the
   * window's own leave them to a dialog shown). */
  shortcuts = hub_range_picker_shortcuts_new (step_pressed, preset_pressed);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->compared_repos = g_array_new (FALSE, FALSE, sizeof (guint));

  self->comparison = HUB_COMPARISON_PREVIOUS;
  self->range = (HubRange) { 1, 0 };

  adw_toggle_group_set_active_name (self->comparison_toggles, "previous");
  adw_toggle_group_set_active_name (self->compare_mode_toggles, "absolute");
  g_signal_connect_swapped (self->comparison_toggles, "notify::active-name",
                            G_CALLBACK (on_comparison_changed), self);
  hub_insights_dialog_compare_init (self);
  hub_insights_dialog_badge_init (self);
}

/* Public */

/* The insights of source; endpoint (NULL for the default) is where its
 * repositories' pages are, for the badge's link. The notes come from the
 * history database in the app's data folder. */
AdwDialog *
hub_insights_dialog_new (HubSource  *source,
                         const char *endpoint)
{
  HubInsightsDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HUB_IS_SOURCE (source), NULL);

  self = g_object_new (HUB_TYPE_INSIGHTS_DIALOG, NULL);
  self->source = g_object_ref (source);
  self->dataset = g_object_ref (hub_source_get_dataset (source));
  self->endpoint = g_strdup (endpoint);
  self->history = hub_history_open (NULL, &error);
  if (self->history == NULL)
    g_warning ("Notes are unavailable: %s", error->message);
  adw_window_title_set_subtitle (self->window_title, hub_source_get_title (source));
  hub_insights_dialog_update_badge (self);
  hub_range_picker_set_bounds (self->range_picker, hub_dataset_get_as_of (self->dataset),
                               hub_dataset_get_totals (self->dataset)->first_day);
  return ADW_DIALOG (self);
}

/* A preset's range, ending on the data's asOf. */
void
hub_insights_dialog_set_preset (HubInsightsDialog *self,
                                HubRangePreset     preset)
{
  g_return_if_fail (HUB_IS_INSIGHTS_DIALOG (self));

  hub_range_picker_set_preset (self->range_picker, preset);
}

/* Shows range; the preset stays what it was, so that the arrows keep its
 * step. The range shown already is shown anew (a note added). */
void
hub_insights_dialog_set_range (HubInsightsDialog *self,
                               HubRange           range)
{
  g_return_if_fail (HUB_IS_INSIGHTS_DIALOG (self));
  g_return_if_fail (range.first <= range.last);

  if (hub_range_equal (range, self->range))
    on_range_changed (self);
  else
    hub_range_picker_set_range (self->range_picker, hub_range_picker_get_preset (self->range_picker),
                                range);
}

HubRange
hub_insights_dialog_get_range (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), ((HubRange) { 0, 0 }));

  return self->range;
}

HubRange
hub_insights_dialog_get_compared (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), ((HubRange) { 0, 0 }));

  return hub_range_compared (self->range, self->comparison);
}

void
hub_insights_dialog_set_comparison (HubInsightsDialog *self,
                                    HubComparison      comparison)
{
  g_return_if_fail (HUB_IS_INSIGHTS_DIALOG (self));

  if (self->comparison == comparison)
    return;
  self->comparison = comparison;
  adw_toggle_group_set_active_name (self->comparison_toggles,
                                    comparison == HUB_COMPARISON_YEAR ? "year" : "previous");
  if (hub_dataset_get_as_of (self->dataset) != HUB_DAY_NONE)
    update (self);
}

guint
hub_insights_dialog_get_n_movers (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), 0);

  return self->n_movers;
}

GtkWidget *
hub_insights_dialog_get_chart (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  return GTK_WIDGET (self->chart);
}

