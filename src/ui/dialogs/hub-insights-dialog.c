/* hub-insights-dialog.c: a source's insights for any range: comparison, velocity, movers,
 * milestones, spikes, notes, badges and the report
 *
 * The range is a preset (each with its shortcut, Alt+1 … Alt+8) or days
 * picked on the calendar, stepped with the arrows (Alt+←, Alt+→), and
 * compared with the previous range of the same length starting on the same
 * weekday, or with the same dates a year earlier. Every figure comes from
 * src/core; the notes live in the history database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-chart.h"
#include "hub-compare-chart.h"
#include "hub-format.h"
#include "hub-history.h"
#include "hub-net.h"
#include "hub-report.h"
#include "hub-insights-dialog.h"

#define N_MOVERS          5
#define N_SPIKE_REPOS     100   /* the busiest repositories of the range checked for spikes */
#define N_COMPARE_CHOICES 12    /* the busiest repositories of the range offered for comparison */

struct _HubInsightsDialog
{
  AdwDialog        parent_instance;

  HubSource       *source;
  HubDataset      *dataset;
  char            *endpoint;
  HubHistory      *history;     /* NULL when it cannot be opened: no notes */
  GPtrArray       *notes;       /* HubNote of the source */

  HubRangePreset   preset;
  HubRange         range;
  HubComparison    comparison;
  HubDay           first_pick;  /* the first day clicked of a custom range, or HUB_DAY_NONE */
  gboolean         syncing;     /* the calendar is being set, not clicked */
  guint            n_movers;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  GtkMenuButton   *range_button;
  GtkPopover      *range_popover;
  GtkListBox      *preset_list;
  GtkCalendar     *calendar;
  AdwToggleGroup  *comparison_toggles;
  GtkLabel        *range_label;
  GtkLabel        *downloads_value;
  GtkLabel        *downloads_caption;
  GtkLabel        *velocity_value;
  GtkLabel        *velocity_caption;
  GtkLabel        *milestone_value;
  GtkLabel        *milestone_caption;
  HubChart        *chart;
  GtkListBox      *movers_list;
  GtkFlowBox      *compare_choices;
  AdwToggleGroup  *compare_mode_toggles;
  HubCompareChart *compare_chart;
  GArray          *compared_repos;   /* guint indexes of the repositories compared */
  GtkListBox      *notes_list;
  AdwEntryRow     *note_entry;
  AdwToggleGroup  *badge_figure_toggles;
  AdwToggleGroup  *badge_variant_toggles;
  GtkPicture      *badge_picture;
};

G_DEFINE_FINAL_TYPE (HubInsightsDialog, hub_insights_dialog, ADW_TYPE_DIALOG)

/* The presets in the order of the menu and of Alt+1 … Alt+8. */
static const HubRangePreset presets[] = {
  HUB_RANGE_LAST_7_DAYS, HUB_RANGE_LAST_30_DAYS, HUB_RANGE_LAST_90_DAYS,
  HUB_RANGE_MONTH_TO_DATE, HUB_RANGE_LAST_MONTH, HUB_RANGE_YEAR_TO_DATE,
  HUB_RANGE_LAST_365_DAYS, HUB_RANGE_ALL,
};

static const char *
preset_title (HubRangePreset preset)
{
  switch (preset)
    {
    case HUB_RANGE_LAST_7_DAYS:
      return _("Last 7 Days");
    case HUB_RANGE_LAST_30_DAYS:
      return _("Last 30 Days");
    case HUB_RANGE_LAST_90_DAYS:
      return _("Last 90 Days");
    case HUB_RANGE_MONTH_TO_DATE:
      return _("Month to Date");
    case HUB_RANGE_LAST_MONTH:
      return _("Last Calendar Month");
    case HUB_RANGE_YEAR_TO_DATE:
      return _("Year to Date");
    case HUB_RANGE_LAST_365_DAYS:
      return _("Last 12 Months");
    case HUB_RANGE_ALL:
      return _("All Time");
    case HUB_RANGE_CUSTOM:
    default:
      return _("Custom Range");
    }
}

/* "27 Oct – 14 Nov 2026"; the first day's year is written only when it differs. */
static char *
format_range (HubRange range)
{
  int first_year, last_year;
  g_autofree char *first = NULL;
  g_autofree char *last = hub_format_date (range.last, HUB_DATE_FULL);

  hub_day_to_ymd (range.first, &first_year, NULL, NULL);
  hub_day_to_ymd (range.last, &last_year, NULL, NULL);
  first = hub_format_date (range.first, first_year == last_year && range.first != range.last
                                        ? HUB_DATE_DAY_MONTH : HUB_DATE_FULL);

  if (range.first == range.last)
    return g_steal_pointer (&first);
  /* Translators: a range of dates, "1 Nov 2026 – 30 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static void
set_change_style (GtkWidget *label,
                  HubChange  change)
{
  gboolean up = change.kind == HUB_CHANGE_NEW || (change.kind == HUB_CHANGE_RATIO && change.ratio > 0);
  gboolean down = change.kind == HUB_CHANGE_RATIO && change.ratio < 0;

  if (up)
    gtk_widget_add_css_class (label, "success");
  else
    gtk_widget_remove_css_class (label, "success");
  if (down)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
show_toast (HubInsightsDialog *self,
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
        ? hub_format_date (projection.latest, HUB_DATE_FULL) : g_strdup ("…");

      if (projection.earliest == projection.latest)
        /* Translators: the projected date of the next milestone */
        milestone_text = g_strdup_printf (_("Around %s"), day);
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
  g_autoptr(GArray) spikes = hub_repo_spikes (overall, self->range);
  g_autoptr(GArray) passed = hub_repo_milestones (self->dataset, overall, self->range);
  gint64 all_time = hub_dataset_get_totals (self->dataset)->all_time;

  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      const HubNote *note = g_ptr_array_index (self->notes, i);
      HubDayMark mark = { note->day, HUB_DAY_MARK_NOTE, note->text };

      if (note->repo_name == NULL)
        g_array_append_val (marks, mark);
    }
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

  hub_chart_set_series (self->chart, self->dataset, overall, hub_dataset_get_as_of (self->dataset));
  hub_chart_set_custom_range (self->chart, self->range);
  hub_chart_set_day_marks (self->chart, (const HubDayMark *) marks->data, marks->len);
}

/* Movers */

static void
clear_list (GtkListBox *list,
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

static void
add_spikes (HubInsightsDialog *self)
{
  g_autoptr(GArray) top = hub_dataset_top (self->dataset, self->range.first, self->range.last,
                                           N_SPIKE_REPOS);

  for (guint i = 0; i < top->len; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (self->dataset, g_array_index (top, guint, i));
      g_autoptr(GArray) spikes = hub_repo_spikes (repo, self->range);

      for (guint j = 0; j < spikes->len; j++)
        {
          const HubSpike *spike = &g_array_index (spikes, HubSpike, j);
          g_autofree char *day = hub_format_date (spike->day, HUB_DATE_FULL);
          g_autofree char *count = hub_format_count (spike->count);
          g_autofree char *usual = hub_format_count ((gint64) (spike->expected + 0.5));
          /* Translators: a spike's or drop's line: the day, its downloads, the usual count */
          g_autofree char *subtitle = g_strdup_printf (spike->score > 0
                                                         ? _("Spike on %s: %s downloads, usually %s")
                                                         : _("Drop on %s: %s downloads, usually %s"),
                                                       day, count, usual);

          add_row (self->movers_list, spike->score > 0 ? "go-up-symbolic" : "go-down-symbolic",
                   repo->name, subtitle, spike->score > 0 ? "success" : "error");
          self->n_movers++;
        }
    }
}

static void
update_movers (HubInsightsDialog *self)
{
  HubRange compared = hub_range_compared (self->range, self->comparison);
  g_autoptr(HubMovers) movers = hub_movers_compute (self->dataset, self->range, compared, N_MOVERS);

  clear_list (self->movers_list, NULL);
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

/* Compare */

static HubCompareMode
compare_mode (HubInsightsDialog *self)
{
  const char *name = adw_toggle_group_get_active_name (self->compare_mode_toggles);

  if (g_strcmp0 (name, "indexed") == 0)
    return HUB_COMPARE_INDEXED;
  if (g_strcmp0 (name, "share") == 0)
    return HUB_COMPARE_SHARE;
  return HUB_COMPARE_ABSOLUTE;
}

/* Days up to three months, weeks up to two years, months beyond. */
static HubBucket
compare_bucket (HubRange range)
{
  guint n = hub_range_get_n_days (range);

  return n <= 92 ? HUB_BUCKET_DAY : n <= 731 ? HUB_BUCKET_WEEK : HUB_BUCKET_MONTH;
}

static void
update_compare_chart (HubInsightsDialog *self)
{
  const HubRepo *repos[HUB_COMPARE_MAX];
  guint n = MIN (self->compared_repos->len, HUB_COMPARE_MAX);

  for (guint i = 0; i < n; i++)
    repos[i] = hub_dataset_get_repo (self->dataset, g_array_index (self->compared_repos, guint, i));
  hub_compare_chart_set_table (self->compare_chart,
                               hub_compare_compute (repos, n, self->range,
                                                    compare_bucket (self->range), compare_mode (self)));
}

static gboolean
is_compared (HubInsightsDialog *self,
             guint              index)
{
  for (guint i = 0; i < self->compared_repos->len; i++)
    if (g_array_index (self->compared_repos, guint, i) == index)
      return TRUE;
  return FALSE;
}

static void
on_compare_toggled (GtkCheckButton    *check,
                    HubInsightsDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "repo-index"));

  if (gtk_check_button_get_active (check))
    {
      if (is_compared (self, index))
        return;
      if (self->compared_repos->len >= HUB_COMPARE_MAX)
        {
          gtk_check_button_set_active (check, FALSE);
          show_toast (self, _("At most six repositories can be compared"));
          return;
        }
      g_array_append_val (self->compared_repos, index);
    }
  else
    for (guint i = 0; i < self->compared_repos->len; i++)
      if (g_array_index (self->compared_repos, guint, i) == index)
        {
          g_array_remove_index (self->compared_repos, i);
          break;
        }
  update_compare_chart (self);
}

/* A check button for each of the range's busiest repositories; those
 * compared before stay so, and at first the six busiest are. */
static void
update_compare (HubInsightsDialog *self)
{
  g_autoptr(GArray) top = hub_dataset_top (self->dataset, self->range.first, self->range.last,
                                           N_COMPARE_CHOICES);

  gtk_flow_box_remove_all (self->compare_choices);
  if (self->compared_repos->len == 0)
    g_array_append_vals (self->compared_repos, top->data, MIN (top->len, HUB_COMPARE_MAX));
  for (guint i = 0; i < top->len; i++)
    {
      guint index = g_array_index (top, guint, i);
      GtkWidget *check = gtk_check_button_new_with_label (hub_dataset_get_repo (self->dataset, index)->name);

      g_object_set_data (G_OBJECT (check), "repo-index", GUINT_TO_POINTER (index));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_compared (self, index));
      g_signal_connect (check, "toggled", G_CALLBACK (on_compare_toggled), self);
      gtk_flow_box_append (self->compare_choices, check);
    }
  update_compare_chart (self);
}

static void
on_compare_mode_changed (HubInsightsDialog *self)
{
  update_compare_chart (self);
}

/* Notes */

static HubDay
note_day (HubInsightsDialog *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  HubDay day = hub_day_from_ymd (g_date_time_get_year (picked), g_date_time_get_month (picked),
                                 g_date_time_get_day_of_month (picked));

  return hub_range_contains (self->range, day) ? day : self->range.last;
}

static void
remove_note_clicked (GtkButton         *button,
                     HubInsightsDialog *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "note-id");
  g_autoptr(GError) error = NULL;

  if (!hub_history_remove_note (self->history, id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  hub_insights_dialog_set_range (self, self->range);
}

static void
update_notes (HubInsightsDialog *self)
{
  g_autofree char *day = hub_format_date (note_day (self), HUB_DATE_FULL);
  /* Translators: the title of the entry that adds a note; %s is a date */
  g_autofree char *title = g_strdup_printf (_("Add a note on %s"), day);
  g_autoptr(GError) error = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_entry), title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), self->history != NULL);
  clear_list (self->notes_list, GTK_WIDGET (self->note_entry));
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  if (self->history == NULL)
    return;
  self->notes = hub_history_list_notes (self->history, hub_source_get_id (self->source), NULL, NULL,
                                        &error);
  if (self->notes == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < self->notes->len; i++)
    {
      const HubNote *note = g_ptr_array_index (self->notes, i);
      g_autofree char *when = hub_format_date (note->day, HUB_DATE_FULL);
      g_autofree char *subtitle = note->repo_name != NULL
        ? g_strdup_printf ("%s · %s", when, note->repo_name) : g_strdup (when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gint64 *id = g_new (gint64, 1);

      *id = note->id;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Note"));
      g_object_set_data_full (G_OBJECT (remove), "note-id", id, g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_note_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
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
      show_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

/* Badge */

static HubBadgeFigure
badge_figure (HubInsightsDialog *self)
{
  const char *name = adw_toggle_group_get_active_name (self->badge_figure_toggles);

  if (g_strcmp0 (name, "all-time") == 0)
    return HUB_BADGE_ALL_TIME;
  if (g_strcmp0 (name, "this-month") == 0)
    return HUB_BADGE_THIS_MONTH;
  return HUB_BADGE_LAST_30_DAYS;
}

static HubBadgeVariant
badge_variant (HubInsightsDialog *self)
{
  return g_strcmp0 (adw_toggle_group_get_active_name (self->badge_variant_toggles), "dark") == 0
    ? HUB_BADGE_DARK : HUB_BADGE_LIGHT;
}

static char *
badge_value (HubInsightsDialog *self)
{
  return hub_badge_format_count (hub_badge_count (self->dataset, hub_dataset_get_overall (self->dataset),
                                                  badge_figure (self)));
}

static char *
badge_file_name (HubInsightsDialog *self)
{
  return g_strdup_printf ("%s-downloads%s.svg", hub_source_get_export_name (self->source),
                          badge_variant (self) == HUB_BADGE_DARK ? "-dark" : "");
}

static void
update_badge (HubInsightsDialog *self)
{
  g_autofree char *svg = hub_insights_dialog_dup_badge_svg (self);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&svg), strlen (svg));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  /* Drawn at twice the screen's scale, shown at the badge's own size. */
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, -1, HUB_BADGE_HEIGHT * 2 * scale, TRUE,
                                                NULL, NULL);
  if (pixbuf == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_picture_set_paintable (self->badge_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (GTK_WIDGET (self->badge_picture),
                               gdk_pixbuf_get_width (pixbuf) / (2 * scale),
                               gdk_pixbuf_get_height (pixbuf) / (2 * scale));
}

/* Everything */

static void
update (HubInsightsDialog *self)
{
  HubRange compared = hub_range_compared (self->range, self->comparison);
  g_autofree char *range = format_range (self->range);
  g_autofree char *against = format_range (compared);
  g_autofree char *line = NULL;
  g_autoptr(GDateTime) last = hub_day_to_date_time (self->range.last);

  gtk_menu_button_set_label (self->range_button,
                             self->preset == HUB_RANGE_CUSTOM ? range : preset_title (self->preset));
  /* Translators: the range shown and the one it is compared with */
  line = g_strdup_printf (_("%s, compared with %s"), range, against);
  gtk_label_set_label (self->range_label, line);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, last);
  self->syncing = FALSE;

  update_notes (self);
  update_cards (self);
  update_chart (self);
  update_movers (self);
  update_compare (self);
}

/* Callbacks */

static void
on_preset_activated (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     HubInsightsDialog *self)
{
  int index = gtk_list_box_row_get_index (row);

  gtk_popover_popdown (self->range_popover);
  hub_insights_dialog_set_preset (self, presets[index]);
}

static void
on_day_selected (GtkCalendar       *calendar,
                 HubInsightsDialog *self)
{
  g_autoptr(GDateTime) picked = NULL;
  HubDay day;

  if (self->syncing)
    return;
  picked = gtk_calendar_get_date (calendar);
  day = hub_day_from_ymd (g_date_time_get_year (picked), g_date_time_get_month (picked),
                          g_date_time_get_day_of_month (picked));
  if (self->first_pick == HUB_DAY_NONE)
    {
      self->first_pick = day;
      return;
    }
  gtk_popover_popdown (self->range_popover);
  self->preset = HUB_RANGE_CUSTOM;
  hub_insights_dialog_set_range (self, (HubRange) { MIN (self->first_pick, day),
                                                    MAX (self->first_pick, day) });
  self->first_pick = HUB_DAY_NONE;
}

static void
on_comparison_changed (HubInsightsDialog *self)
{
  const char *name = adw_toggle_group_get_active_name (self->comparison_toggles);

  hub_insights_dialog_set_comparison (self, g_strcmp0 (name, "year") == 0 ? HUB_COMPARISON_YEAR
                                                                          : HUB_COMPARISON_PREVIOUS);
}

static void
on_badge_changed (HubInsightsDialog *self)
{
  update_badge (self);
}

/* Actions */

static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  HubRange stepped = hub_range_step (self->range, self->preset, g_variant_get_int32 (parameter));

  hub_insights_dialog_set_range (self, stepped);
}

static void
preset_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  guint index = (guint) g_variant_get_int32 (parameter);

  if (index < G_N_ELEMENTS (presets))
    hub_insights_dialog_set_preset (self, presets[index]);
}

static void
copy_badge_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  g_autofree char *markdown = hub_insights_dialog_dup_markdown (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), markdown);
  show_toast (self, _("Markdown for the badge copied"));
}

static void
on_badge_chosen (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HubInsightsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *svg = NULL;

  if (file == NULL)
    return;
  svg = hub_insights_dialog_dup_badge_svg (self);
  if (!g_file_replace_contents (file, svg, strlen (svg), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Badge saved"));
}

static void
save_badge_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = badge_file_name (self);

  gtk_file_dialog_set_title (dialog, _("Save Badge"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_badge_chosen,
                        g_object_ref (self));
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
      show_toast (self, _("A report is saved as PDF or PNG: end its name in .pdf or .png"));
      return;
    }
  report = (HubReport) { self->dataset, hub_source_get_title (self->source), self->range,
                         self->comparison, self->notes, now };
  if (!hub_report_write (&report, path, format, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Report saved"));
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

static char *
compare_file_name (HubInsightsDialog *self,
                   const char        *extension)
{
  char first[HUB_DAY_ISO_LEN], last[HUB_DAY_ISO_LEN];

  hub_day_format (self->range.first, first);
  hub_day_format (self->range.last, last);
  return g_strdup_printf ("%s-comparison-%s-%s.%s", hub_source_get_export_name (self->source),
                          first, last, extension);
}

static void
on_compare_chosen (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HubInsightsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *name = NULL;
  gboolean saved;

  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  if (g_str_has_suffix (name, ".png"))
    saved = hub_compare_chart_save_png (self->compare_chart, file, &error);
  else
    {
      /* Written beside the file and renamed over it when closed. */
      g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE,
                                                         G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);

      saved = out != NULL &&
              hub_compare_write_csv (hub_compare_chart_get_table (self->compare_chart),
                                     G_OUTPUT_STREAM (out), NULL, &error) &&
              g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
    }
  show_toast (self, saved ? _("Comparison exported") : error->message);
}

static void
export_compare (HubInsightsDialog *self,
                const char        *extension)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = compare_file_name (self, extension);

  gtk_file_dialog_set_title (dialog, _("Export Comparison"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                        on_compare_chosen, g_object_ref (self));
}

static void
compare_csv_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  export_compare (HUB_INSIGHTS_DIALOG (widget), "csv");
}

static void
compare_png_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  export_compare (HUB_INSIGHTS_DIALOG (widget), "png");
}

/* GObject */

static void
hub_insights_dialog_dispose (GObject *object)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (object);

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
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->compared_repos, g_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, range_button);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, range_popover);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, preset_list);
  gtk_widget_class_bind_template_child (widget_class, HubInsightsDialog, calendar);
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
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply);

  gtk_widget_class_install_action (widget_class, "insights.step", "i", step_activated);
  gtk_widget_class_install_action (widget_class, "insights.preset", "i", preset_activated);
  gtk_widget_class_install_action (widget_class, "insights.save-report", NULL, save_report_activated);
  gtk_widget_class_install_action (widget_class, "insights.save-badge", NULL, save_badge_activated);
  gtk_widget_class_install_action (widget_class, "insights.copy-badge", NULL, copy_badge_activated);
  gtk_widget_class_install_action (widget_class, "insights.compare-csv", NULL, compare_csv_activated);
  gtk_widget_class_install_action (widget_class, "insights.compare-png", NULL, compare_png_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "insights.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "insights.step", "i", 1);
  for (int i = 0; i < (int) G_N_ELEMENTS (presets); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "insights.preset", "i", i);
}

static void
hub_insights_dialog_init (HubInsightsDialog *self)
{
  g_type_ensure (HUB_TYPE_CHART);
  g_type_ensure (HUB_TYPE_COMPARE_CHART);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->compared_repos = g_array_new (FALSE, FALSE, sizeof (guint));

  self->preset = HUB_RANGE_LAST_30_DAYS;
  self->comparison = HUB_COMPARISON_PREVIOUS;
  self->first_pick = HUB_DAY_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *title = gtk_label_new (preset_title (presets[i]));
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      guint key;
      GdkModifierType mods;
      g_autofree char *accel_label = NULL;
      GtkWidget *shortcut;

      gtk_accelerator_parse (accel, &key, &mods);
      accel_label = gtk_accelerator_get_label (key, mods);
      shortcut = gtk_label_new (accel_label);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (shortcut, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), shortcut);
      gtk_list_box_append (self->preset_list, box);
    }
  gtk_list_box_set_activate_on_single_click (self->preset_list, TRUE);
  g_signal_connect (self->preset_list, "row-activated", G_CALLBACK (on_preset_activated), self);
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  adw_toggle_group_set_active_name (self->comparison_toggles, "previous");
  adw_toggle_group_set_active_name (self->badge_figure_toggles, "month");
  adw_toggle_group_set_active_name (self->badge_variant_toggles, "light");
  adw_toggle_group_set_active_name (self->compare_mode_toggles, "absolute");
  g_signal_connect_swapped (self->compare_mode_toggles, "notify::active-name",
                            G_CALLBACK (on_compare_mode_changed), self);
  g_signal_connect_swapped (self->comparison_toggles, "notify::active-name",
                            G_CALLBACK (on_comparison_changed), self);
  g_signal_connect_swapped (self->badge_figure_toggles, "notify::active-name",
                            G_CALLBACK (on_badge_changed), self);
  g_signal_connect_swapped (self->badge_variant_toggles, "notify::active-name",
                            G_CALLBACK (on_badge_changed), self);
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
  update_badge (self);
  hub_insights_dialog_set_preset (self, HUB_RANGE_LAST_30_DAYS);
  return ADW_DIALOG (self);
}

/* A preset's range, ending on the data's asOf. */
void
hub_insights_dialog_set_preset (HubInsightsDialog *self,
                                HubRangePreset     preset)
{
  HubDay as_of;

  g_return_if_fail (HUB_IS_INSIGHTS_DIALOG (self));

  as_of = hub_dataset_get_as_of (self->dataset);
  self->preset = preset;
  if (as_of == HUB_DAY_NONE)
    return;
  hub_insights_dialog_set_range (self, hub_range_from_preset (preset, as_of,
                                                              hub_dataset_get_totals (self->dataset)->first_day));
}

/* Shows range; the preset stays what it was, so that the arrows keep its step. */
void
hub_insights_dialog_set_range (HubInsightsDialog *self,
                               HubRange           range)
{
  g_return_if_fail (HUB_IS_INSIGHTS_DIALOG (self));
  g_return_if_fail (range.first <= range.last);

  self->range = range;
  if (hub_dataset_get_as_of (self->dataset) != HUB_DAY_NONE)
    update (self);
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
  hub_insights_dialog_set_range (self, self->range);
}

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
hub_insights_dialog_get_n_movers (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), 0);

  return self->n_movers;
}

guint
hub_insights_dialog_get_n_notes (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), 0);

  return self->notes != NULL ? self->notes->len : 0;
}

/* Compares the repositories of dataset at indexes (at most six) as mode shows them. */
void
hub_insights_dialog_set_compare (HubInsightsDialog *self,
                                 const guint       *indexes,
                                 guint              n_indexes,
                                 HubCompareMode     mode)
{
  static const char *const names[] = { "absolute", "indexed", "share" };

  g_return_if_fail (HUB_IS_INSIGHTS_DIALOG (self));

  g_array_set_size (self->compared_repos, 0);
  g_array_append_vals (self->compared_repos, indexes, MIN (n_indexes, HUB_COMPARE_MAX));
  adw_toggle_group_set_active_name (self->compare_mode_toggles, names[mode]);
  update_compare (self);
}

GtkWidget *
hub_insights_dialog_get_compare_chart (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  return GTK_WIDGET (self->compare_chart);
}

GtkWidget *
hub_insights_dialog_get_chart (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  return GTK_WIDGET (self->chart);
}

char *
hub_insights_dialog_dup_badge_svg (HubInsightsDialog *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  value = badge_value (self);
  return hub_badge_svg (hub_badge_label (badge_figure (self)), value, badge_variant (self), NULL);
}

/* The badge as a link to the organisation's page (the Hub's front page
 * for a file or the demo), its image the file Save Badge… suggests. */
char *
hub_insights_dialog_dup_markdown (HubInsightsDialog *self)
{
  const char *organization;
  g_autofree char *value = NULL;
  g_autofree char *image = NULL;
  g_autofree char *link = NULL;
  const char *base;

  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  organization = hub_source_id_get_organization (hub_source_get_id (self->source));
  base = self->endpoint != NULL ? self->endpoint : "https://huggingface.co";
  link = organization != NULL ? g_strconcat (base, "/", organization, NULL) : g_strdup (base);
  value = badge_value (self);
  image = badge_file_name (self);
  return hub_badge_markdown (hub_badge_label (badge_figure (self)), value, image, link);
}
