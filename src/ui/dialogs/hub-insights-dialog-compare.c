/* hub-insights-dialog-compare.c: the insights dialog's comparison of the range's busiest
 * repositories, drawn on one chart and exported as CSV or PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-insights-dialog-private.h"

#define N_COMPARE_CHOICES 12    /* the busiest repositories of the range offered for comparison */

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
          hub_insights_dialog_show_toast (self, _("At most six repositories can be compared"));
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
void
hub_insights_dialog_update_compare (HubInsightsDialog *self)
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
  hub_insights_dialog_show_toast (self, saved ? _("Comparison exported") : error->message);
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

/* Class */

void
hub_insights_dialog_compare_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "insights.compare-csv", NULL, compare_csv_activated);
  gtk_widget_class_install_action (widget_class, "insights.compare-png", NULL, compare_png_activated);
}

void
hub_insights_dialog_compare_init (HubInsightsDialog *self)
{
  g_signal_connect_swapped (self->compare_mode_toggles, "notify::active-name",
                            G_CALLBACK (on_compare_mode_changed), self);
}

/* Public */

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
  hub_insights_dialog_update_compare (self);
}

GtkWidget *
hub_insights_dialog_get_compare_chart (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  return GTK_WIDGET (self->compare_chart);
}
