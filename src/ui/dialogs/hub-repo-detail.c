/* hub-repo-detail.c: the page about one repository: cards, the chart, its notes, its
 * badge, Open on Hugging Face
 *
 * The notes are the repository's in the history database (the window
 * hands it over; without one, none can be kept) and are marked on the
 * chart; the badge is saved and copied as the insights dialog does the
 * organisation's (hub-badge-file.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-net.h"
#include "hub-repo-row.h"
#include "hub-ui.h"

#include "hub-badge-file.h"
#include "hub-chart.h"
#include "hub-day-marks.h"
#include "hub-history.h"
#include "hub-format.h"
#include "hub-repo-detail.h"

struct _HubRepoDetail
{
  GtkWidget        parent_instance;

  HubDataset      *dataset;
  guint            index;
  char            *endpoint;
  HubHistory      *history;     /* NULL: notes cannot be kept */
  char            *source_id;
  GPtrArray       *notes;       /* HubNote of the repository */
  HubDay           note_day;    /* the day a note is added on */
  GSettings       *settings;    /* the badge's figure and variant, shared with Insights */

  GtkWidget       *toolbar_view;
  AdwWindowTitle  *window_title;
  GtkLabel        *all_time_value;
  GtkLabel        *all_time_caption;
  GtkLabel        *last_month_value;
  GtkLabel        *last_month_caption;
  GtkLabel        *last_week_value;
  GtkLabel        *best_day_value;
  GtkLabel        *best_day_caption;
  AdwToggleGroup  *range_toggles;
  AdwToggleGroup  *bucket_toggles;
  GtkLabel        *milestone_label;
  HubChart        *chart;
  GtkListBox      *notes_list;
  AdwEntryRow     *note_entry;
  GtkMenuButton   *note_day_button;
  GtkCalendar     *note_calendar;
  GtkWidget       *audience;
};

G_DEFINE_FINAL_TYPE (HubRepoDetail, hub_repo_detail, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_notes (HubRepoDetail *self);

/* A card's value in the one number style: exact where it fits, compact
 * with the exact value in its tooltip where it does not. */
static void
set_card (GtkLabel   *value_label,
          GtkLabel   *caption_label,
          gint64      value,
          const char *caption)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *text = hub_format_count_fitting (value, hub_format_fits_card (value), &tooltip);

  gtk_label_set_label (value_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (value_label), tooltip);
  if (caption_label != NULL)
    gtk_label_set_label (caption_label, caption ? caption : "");
}

static void
update_cards (HubRepoDetail *self)
{
  const HubRepo *repo = hub_repo_detail_get_repo (self);
  HubDay as_of = hub_dataset_get_as_of (self->dataset);
  g_autofree char *change = hub_format_change (hub_repo_change (repo, as_of));
  g_autofree char *change_caption = NULL;
  g_autofree char *best_caption = NULL;
  g_autofree char *first_caption = NULL;
  HubRange week = hub_range_from_preset (HUB_RANGE_LAST_7_DAYS, as_of, HUB_DAY_NONE);
  HubDay best_day;
  gint64 best = 0;

  if (repo->n_days > 0)
    {
      g_autofree char *since = hub_format_day (repo->days[0]);

      /* Translators: %s is the date of the repository's first row */
      first_caption = g_strdup_printf (_("Daily figures since %s"), since);
    }
  set_card (self->all_time_value, self->all_time_caption, hub_repo_all_time (repo), first_caption);

  switch (hub_repo_change (repo, as_of).kind)
    {
    case HUB_CHANGE_NEW:
      change_caption = g_strdup (_("None in the 30 days before"));
      break;
    case HUB_CHANGE_NONE:
      change_caption = g_strdup (_("None in the 60 days to the data’s last day"));
      break;
    case HUB_CHANGE_RATIO:
    default:
      /* Translators: %s is a change such as "+12.5 %" */
      change_caption = g_strdup_printf (_("%s against the 30 days before"), change);
      break;
    }
  set_card (self->last_month_value, self->last_month_caption, hub_repo_last_month (repo, as_of),
            change_caption);

  set_card (self->last_week_value, NULL, hub_repo_range_sum (repo, week.first, week.last), NULL);

  if (hub_repo_best_day (repo, &best_day, &best))
    {
      g_autofree char *day = hub_format_day (best_day);

      /* Translators: %s is the date of the repository's best day */
      best_caption = g_strdup_printf (_("on %s"), day);
    }
  set_card (self->best_day_value, self->best_day_caption, best, best_caption);
}

/* The next milestone of all-time downloads and when it comes, or why
 * that cannot be said. */
static void
update_milestone (HubRepoDetail *self)
{
  const HubRepo *repo = hub_repo_detail_get_repo (self);
  HubProjection projection = hub_repo_projection (self->dataset, repo);
  g_autofree char *milestone = hub_format_compact (projection.milestone);
  g_autofree char *text = NULL;

  if (projection.status == HUB_PROJECTION_OK)
    {
      g_autofree char *day = hub_format_date (projection.day, HUB_DATE_FULL);
      g_autofree char *earliest = hub_format_date (projection.earliest, HUB_DATE_FULL);
      g_autofree char *latest = projection.latest != HUB_DAY_NONE
        ? hub_format_date (projection.latest, HUB_DATE_FULL) : NULL;

      if (latest == NULL)
        /* Translators: the next milestone of all-time downloads ("2.0 M"), the
         * projected date, and the earliest it may come */
        text = g_strdup_printf (_("Next milestone: %s downloads around %s (from %s, perhaps much later)"),
                                milestone, day, earliest);
      else
        /* Translators: the next milestone of all-time downloads ("2.0 M"), the
         * projected date, and the range of dates it may come in */
        text = g_strdup_printf (_("Next milestone: %s downloads around %s (between %s and %s)"),
                                milestone, day, earliest, latest);
    }
  else
    /* Translators: the next milestone ("2.0 M"), then why no date is projected */
    text = g_strdup_printf (_("Next milestone: %s downloads. %s"), milestone,
                            hub_projection_describe (projection.status));
  gtk_label_set_label (self->milestone_label, text);
}

/* Spikes, drops, milestones passed and the notes, marked on the chart on
 * their days. */
static void
update_marks (HubRepoDetail *self)
{
  const HubRepo *repo = hub_repo_detail_get_repo (self);
  HubDay as_of = hub_dataset_get_as_of (self->dataset);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (HubDayMark));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 all_time = hub_repo_all_time (repo);

  if (repo->n_days == 0 || as_of == HUB_DAY_NONE)
    {
      hub_chart_set_day_marks (self->chart, NULL, 0);
      return;
    }
  hub_day_marks_add_events (marks, labels, self->dataset, repo,
                            (HubRange) { repo->days[0], as_of }, all_time);
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      const HubNote *note = g_ptr_array_index (self->notes, i);
      HubDayMark mark = { note->day, HUB_DAY_MARK_NOTE, note->text };

      g_array_append_val (marks, mark);
    }
  hub_chart_set_day_marks (self->chart, (const HubDayMark *) marks->data, marks->len);
}

static void
show_message (GtkWidget  *widget,
              const char *message)
{
  g_signal_emit (widget, signals[MESSAGE], 0, message);
}

static void
clear_notes_list (HubRepoDetail *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != GTK_WIDGET (self->note_entry))
        gtk_list_box_remove (self->notes_list, child);
      child = next;
    }
}

/* detail.remove-note, the note's id its parameter. */
static void
remove_note_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (widget);
  g_autoptr(GError) error = NULL;

  if (self->history == NULL
      || !hub_history_remove_note (self->history, g_variant_get_int64 (parameter), &error))
    {
      if (error != NULL)
        show_message (widget, error->message);
      return;
    }
  update_notes (self);
}

/* The entry says the day a note goes on: the data's last day until another
 * is picked. */
static void
update_note_entry (HubRepoDetail *self)
{
  g_autofree char *day = hub_format_date (self->note_day, HUB_DATE_FULL);
  /* Translators: the title of the entry that adds a note; %s is a date */
  g_autofree char *title = g_strdup_printf (_("Add a note on %s"), day);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_entry), title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), self->history != NULL);
}

/* The repository's notes, newest day first as the history lists them, and
 * their marks on the chart. */
static void
update_notes (HubRepoDetail *self)
{
  const HubRepo *repo = hub_repo_detail_get_repo (self);
  g_autoptr(GError) error = NULL;

  clear_notes_list (self);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  if (self->history != NULL && repo != NULL)
    {
      self->notes = hub_history_list_notes (self->history, self->source_id, repo->type, repo->name,
                                            &error);
      if (self->notes == NULL)
        show_message (GTK_WIDGET (self), error->message);
    }
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      const HubNote *note = g_ptr_array_index (self->notes, i);

      gtk_list_box_append (self->notes_list,
                           hub_day_marks_note_row (note, FALSE, "detail.remove-note"));
    }
  if (self->dataset != NULL)
    update_marks (self);
}

static void
on_note_apply (HubRepoDetail *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (!hub_repo_detail_add_note (self, self->note_day, text, &error))
    {
      show_message (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

/* A day picked in the calendar: days after the data's last one are not
 * there to note. */
static void
on_note_day_selected (HubRepoDetail *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->note_calendar);
  HubDay day = hub_day_from_ymd (g_date_time_get_year (picked), g_date_time_get_month (picked),
                                 g_date_time_get_day_of_month (picked));
  HubDay as_of = self->dataset != NULL ? hub_dataset_get_as_of (self->dataset) : HUB_DAY_NONE;

  self->note_day = as_of != HUB_DAY_NONE ? MIN (day, as_of) : day;
  update_note_entry (self);
  gtk_menu_button_popdown (self->note_day_button);
}

static HubBadgeSpec *
dup_badge (GtkWidget *widget)
{
  return hub_repo_detail_dup_badge (HUB_REPO_DETAIL (widget));
}

/* The toggle groups name no action: each shows its action's state, and a
 * choice on it changes that state (menus and the toggles stay one). */
static gboolean
state_to_name (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  GVariant *state = g_value_get_variant (from);

  if (state == NULL || !g_variant_is_of_type (state, G_VARIANT_TYPE_STRING))
    return FALSE;
  g_value_set_string (to, g_variant_get_string (state, NULL));
  return TRUE;
}

static void
on_toggle_chosen (AdwToggleGroup *toggles,
                  GParamSpec     *pspec,
                  GAction        *action)
{
  const char *name = adw_toggle_group_get_active_name (toggles);

  if (name != NULL)
    g_action_change_state (action, g_variant_new_string (name));
}

static void
bind_toggles (AdwToggleGroup *toggles,
              GAction        *action)
{
  g_object_bind_property_full (action, "state", toggles, "active-name", G_BINDING_SYNC_CREATE,
                               state_to_name, NULL, NULL, NULL);
  g_signal_connect_object (toggles, "notify::active-name", G_CALLBACK (on_toggle_chosen),
                           action, 0);
}

static void
open_on_hub (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (widget);
  g_autofree char *url = hub_repo_detail_dup_url (self);

  if (url != NULL)
    {
      g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (url);

      gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL,
                               NULL);
    }
}

static void
copy_name (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (widget);
  const HubRepo *repo = hub_repo_detail_get_repo (self);

  if (repo != NULL)
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), repo->name);
      g_signal_emit (self, signals[MESSAGE], 0, _("Repository name copied"));
    }
}

static void
on_png_chosen (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HubRepoDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file == NULL)
    return;
  if (hub_chart_save_png (self->chart, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is the name of the PNG file written */
      g_autofree char *message = g_strdup_printf (_("Chart saved as %s"), name);

      g_signal_emit (self, signals[MESSAGE], 0, message);
    }
  else
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not save the chart: %s"),
                                                  error->message);

      g_signal_emit (self, signals[MESSAGE], 0, message);
    }
}

static void
export_png (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (widget);
  const HubRepo *repo = hub_repo_detail_get_repo (self);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (repo == NULL)
    return;

  base = g_path_get_basename (repo->name);
  name = g_strconcat (base, "-downloads.png", NULL);
  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Export Chart as PNG"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_png_chosen,
                        g_object_ref (self));
}

static void
hub_repo_detail_dispose (GObject *object)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->history);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_REPO_DETAIL);

  G_OBJECT_CLASS (hub_repo_detail_parent_class)->dispose (object);
}

static void
hub_repo_detail_finalize (GObject *object)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (object);

  g_free (self->endpoint);
  g_free (self->source_id);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hub_repo_detail_parent_class)->finalize (object);
}

static void
hub_repo_detail_class_init (HubRepoDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_repo_detail_dispose;
  object_class->finalize = hub_repo_detail_finalize;

  /* A short message for a toast. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  hub_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "dialogs/hub-repo-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, toolbar_view);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, window_title);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, all_time_value);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, all_time_caption);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, last_month_value);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, last_month_caption);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, last_week_value);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, best_day_value);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, best_day_caption);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, range_toggles);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, bucket_toggles);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, milestone_label);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, notes_list);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, note_entry);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, note_day_button);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, note_calendar);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, audience);
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_note_day_selected);

  gtk_widget_class_install_action (widget_class, "detail.open-on-hub", NULL, open_on_hub);
  gtk_widget_class_install_action (widget_class, "detail.export-png", NULL, export_png);
  gtk_widget_class_install_action (widget_class, "detail.copy-name", NULL, copy_name);
  hub_badge_install_actions (widget_class, "detail", dup_badge, show_message);
  gtk_widget_class_install_action (widget_class, "detail.remove-note", "x", remove_note_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "repodetail");
}

static void
hub_repo_detail_init (HubRepoDetail *self)
{
  g_autoptr(GSimpleActionGroup) chart_actions = g_simple_action_group_new ();
  g_autoptr(GSimpleActionGroup) badge_actions = g_simple_action_group_new ();
  const char *properties[] = { "range", "bucket", "cumulative" };

  g_type_ensure (HUB_TYPE_CHART);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The chart holds the choices: chart.range, chart.bucket, chart.cumulative. */
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autoptr(GPropertyAction) action = g_property_action_new (properties[i], self->chart,
                                                                 properties[i]);

      g_action_map_add_action (G_ACTION_MAP (chart_actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "chart", G_ACTION_GROUP (chart_actions));
  bind_toggles (self->range_toggles,
                g_action_map_lookup_action (G_ACTION_MAP (chart_actions), "range"));
  bind_toggles (self->bucket_toggles,
                g_action_map_lookup_action (G_ACTION_MAP (chart_actions), "bucket"));

  /* The menu's badge.badge-figure and badge.badge-variant. */
  self->settings = g_settings_new (APP_ID);
  hub_badge_add_choice_actions (self->settings, G_ACTION_MAP (badge_actions));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "badge", G_ACTION_GROUP (badge_actions));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.open-on-hub", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.export-png", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-name", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.save-badge", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-badge", FALSE);
  self->note_day = HUB_DAY_NONE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), FALSE);
}

GtkWidget *
hub_repo_detail_new (void)
{
  return g_object_new (HUB_TYPE_REPO_DETAIL, NULL);
}

/* Shows repository index of dataset; endpoint is the Hub the repository's
 * page is on (NULL for https://huggingface.co). */
void
hub_repo_detail_set_repo (HubRepoDetail *self,
                          HubDataset    *dataset,
                          guint          index,
                          const char    *endpoint)
{
  const HubRepo *repo;

  g_return_if_fail (HUB_IS_REPO_DETAIL (self));
  g_return_if_fail (HUB_IS_DATASET (dataset));
  g_return_if_fail (index < hub_dataset_get_n_repos (dataset));

  g_set_object (&self->dataset, dataset);
  self->index = index;
  g_free (self->endpoint);
  self->endpoint = g_strdup (endpoint);

  repo = hub_dataset_get_repo (dataset, index);
  adw_window_title_set_title (self->window_title, repo->name);
  adw_window_title_set_subtitle (self->window_title, hub_repo_kind_title (repo));
  update_cards (self);
  update_milestone (self);
  hub_chart_set_series (self->chart, dataset, repo, hub_dataset_get_as_of (dataset));
  self->note_day = hub_dataset_get_as_of (dataset);
  if (self->note_day != HUB_DAY_NONE)
    {
      g_autoptr(GDateTime) as_of = hub_day_to_date_time (self->note_day);

      gtk_calendar_select_day (self->note_calendar, as_of);
    }
  update_note_entry (self);
  update_notes (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.open-on-hub", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.export-png", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-name", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.save-badge", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-badge", TRUE);
}

/* Where the repository's notes are kept: history (NULL when it cannot be
 * opened: none are) under the source source_id. Set before the repository. */
void
hub_repo_detail_set_history (HubRepoDetail *self,
                             HubHistory    *history,
                             const char    *source_id)
{
  g_return_if_fail (HUB_IS_REPO_DETAIL (self));
  g_return_if_fail (history == NULL || HUB_IS_HISTORY (history));
  g_return_if_fail (history == NULL || source_id != NULL);

  g_set_object (&self->history, history);
  g_free (self->source_id);
  self->source_id = g_strdup (source_id);
  if (self->dataset != NULL)
    {
      update_note_entry (self);
      update_notes (self);
    }
}

/* A note of the repository on day, kept in the history, listed and marked
 * on the chart. */
gboolean
hub_repo_detail_add_note (HubRepoDetail  *self,
                          HubDay          day,
                          const char     *text,
                          GError        **error)
{
  const HubRepo *repo;

  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), FALSE);
  g_return_val_if_fail (self->dataset != NULL, FALSE);

  if (self->history == NULL)
    {
      g_set_error_literal (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_IO,
                           _("Notes cannot be kept: the history database could not be opened."));
      return FALSE;
    }
  repo = hub_repo_detail_get_repo (self);
  if (hub_history_add_note (self->history, self->source_id, repo->type, repo->name, day, text,
                            error) == 0)
    return FALSE;
  update_notes (self);
  return TRUE;
}

guint
hub_repo_detail_get_n_notes (HubRepoDetail *self)
{
  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), 0);

  return self->notes != NULL ? self->notes->len : 0;
}

/* The repository's badge, of the figure and variant chosen, linked to its
 * page: what Save Badge… writes and Copy Badge as Markdown copies. */
HubBadgeSpec *
hub_repo_detail_dup_badge (HubRepoDetail *self)
{
  const HubRepo *repo;
  g_autofree char *name = NULL;
  g_autofree char *link = NULL;

  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), NULL);
  g_return_val_if_fail (self->dataset != NULL, NULL);

  repo = hub_repo_detail_get_repo (self);
  name = g_path_get_basename (repo->name);
  link = hub_endpoint_repo_url (self->endpoint, repo);
  return hub_badge_spec_new (self->dataset, repo, name, link, self->settings);
}

const HubRepo *
hub_repo_detail_get_repo (HubRepoDetail *self)
{
  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), NULL);

  if (self->dataset == NULL)
    return NULL;
  return hub_dataset_get_repo (self->dataset, self->index);
}

char *
hub_repo_detail_dup_url (HubRepoDetail *self)
{
  const HubRepo *repo = hub_repo_detail_get_repo (self);

  return repo ? hub_endpoint_repo_url (self->endpoint, repo) : NULL;
}

GtkWidget *
hub_repo_detail_get_chart (HubRepoDetail *self)
{
  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), NULL);

  return GTK_WIDGET (self->chart);
}

/* The value shown on a card ("All Time", "Last Month", "Last 7 Days",
 * "Best Day", untranslated), for tests. */
const char *
hub_repo_detail_get_card (HubRepoDetail *self,
                          const char    *name)
{
  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), NULL);

  if (g_str_equal (name, "All Time"))
    return gtk_label_get_label (self->all_time_value);
  if (g_str_equal (name, "Last Month"))
    return gtk_label_get_label (self->last_month_value);
  if (g_str_equal (name, "Last 7 Days"))
    return gtk_label_get_label (self->last_week_value);
  if (g_str_equal (name, "Best Day"))
    return gtk_label_get_label (self->best_day_value);
  return NULL;
}

/* The box where the window shows the repository's request logs, when it
 * has some. */
GtkWidget *
hub_repo_detail_get_audience (HubRepoDetail *self)
{
  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), NULL);

  return self->audience;
}
