/* hub-insights-dialog-compare.c: the insights dialog's comparison of the range's busiest
 * repositories and the followed authors, drawn on one chart and exported as CSV or PNG
 *
 * A followed author (the followed-authors setting) is compared by its
 * estimated daily downloads: the overall series of the dataset made of
 * its snapshots in the history (hub_estimate_to_dataset ()), loaded in
 * the history's thread when the comparison is first shown, and always
 * labelled as an estimate. The notes of the range go with the table, so
 * that the chart marks them and both exports carry them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-endpoint.h"
#include "hub-insights-dialog-private.h"

#define N_COMPARE_CHOICES 12    /* the busiest repositories of the range offered for comparison */

/* A followed author, once its snapshots are read. */
typedef struct
{
  char       *name;
  HubDataset *dataset;   /* its estimated days */
} HubCompareAuthor;

static void
compare_author_free (HubCompareAuthor *author)
{
  g_free (author->name);
  g_clear_object (&author->dataset);
  g_free (author);
}

static void load_authors (HubInsightsDialog *self);

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

static const HubCompareAuthor *
find_author (HubInsightsDialog *self,
             const char        *name)
{
  for (guint i = 0; self->authors != NULL && i < self->authors->len; i++)
    {
      const HubCompareAuthor *author = g_ptr_array_index (self->authors, i);

      if (g_str_equal (author->name, name))
        return author;
    }
  return NULL;
}

static void
update_compare_chart (HubInsightsDialog *self)
{
  HubCompareSeries series[HUB_COMPARE_MAX];
  char *labels[HUB_COMPARE_MAX] = { NULL };
  char *columns[HUB_COMPARE_MAX] = { NULL };
  HubCompareTable *table;
  guint n = 0;

  for (guint i = 0; i < self->compared_repos->len && n < HUB_COMPARE_MAX; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (self->dataset,
                                                  g_array_index (self->compared_repos, guint, i));

      columns[n] = g_strdup_printf ("%s:%s", repo->type, repo->name);
      series[n] = (HubCompareSeries) { repo, repo->name, columns[n] };
      n++;
    }
  for (guint i = 0; i < self->compared_authors->len && n < HUB_COMPARE_MAX; i++)
    {
      const HubCompareAuthor *author = find_author (self, g_ptr_array_index (self->compared_authors, i));

      if (author == NULL)
        continue;
      /* Translators: a followed author in the comparison's legend, whose daily downloads are
       * estimated from its snapshots; %s is its name */
      labels[n] = g_strdup_printf (_("%s (estimated)"), author->name);
      columns[n] = g_strdup_printf ("author:%s (estimated)", author->name);
      series[n] = (HubCompareSeries) { hub_dataset_get_overall (author->dataset), labels[n], columns[n] };
      n++;
    }
  table = hub_compare_compute_series (series, n, self->range, compare_bucket (self->range),
                                      compare_mode (self));
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      const HubNote *note = g_ptr_array_index (self->notes, i);
      g_autofree char *text = note->repo_name != NULL
        ? g_strdup_printf ("%s: %s", note->repo_name, note->text) : g_strdup (note->text);

      hub_compare_add_note (table, note->day, text);
    }
  hub_compare_chart_set_table (self->compare_chart, table);
  for (guint i = 0; i < n; i++)
    {
      g_free (labels[i]);
      g_free (columns[i]);
    }
}

static guint
n_compared (HubInsightsDialog *self)
{
  return self->compared_repos->len + self->compared_authors->len;
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

static gboolean
is_compared_author (HubInsightsDialog *self,
                    const char        *name,
                    guint             *at)
{
  return g_ptr_array_find_with_equal_func (self->compared_authors, name, g_str_equal, at);
}

static void
on_compare_toggled (GtkCheckButton    *check,
                    HubInsightsDialog *self)
{
  const char *author = g_object_get_data (G_OBJECT (check), "author");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "repo-index"));
  gboolean compared = author != NULL ? is_compared_author (self, author, NULL) : is_compared (self, index);

  if (gtk_check_button_get_active (check))
    {
      if (compared)
        return;
      if (n_compared (self) >= HUB_COMPARE_MAX)
        {
          gtk_check_button_set_active (check, FALSE);
          hub_insights_dialog_show_toast (self, _("At most six repositories or authors can be compared"));
          return;
        }
      if (author != NULL)
        g_ptr_array_add (self->compared_authors, g_strdup (author));
      else
        g_array_append_val (self->compared_repos, index);
    }
  else if (author != NULL)
    {
      guint at;

      if (is_compared_author (self, author, &at))
        g_ptr_array_remove_index (self->compared_authors, at);
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

/* A check button for each of the range's busiest repositories, then one
 * for each followed author; those compared before stay so, and at first
 * the six busiest repositories are. */
void
hub_insights_dialog_update_compare (HubInsightsDialog *self)
{
  g_autoptr(GArray) top = hub_dataset_top (self->dataset, self->range.first, self->range.last,
                                           N_COMPARE_CHOICES);

  load_authors (self);
  gtk_flow_box_remove_all (self->compare_choices);
  if (n_compared (self) == 0)
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
  for (guint i = 0; self->authors != NULL && i < self->authors->len; i++)
    {
      const HubCompareAuthor *author = g_ptr_array_index (self->authors, i);
      /* Translators: a followed author offered for the comparison; %s is its name */
      g_autofree char *label = g_strdup_printf (_("%s (estimated)"), author->name);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      g_object_set_data_full (G_OBJECT (check), "author", g_strdup (author->name), g_free);
      gtk_widget_set_tooltip_text (check, _("A followed author: its daily downloads estimated "
                                            "from the snapshots in the history"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_compared_author (self, author->name, NULL));
      g_signal_connect (check, "toggled", G_CALLBACK (on_compare_toggled), self);
      gtk_flow_box_append (self->compare_choices, check);
    }
  update_compare_chart (self);
}

typedef struct
{
  HubInsightsDialog *self;
  char              *name;
} LoadingAuthor;

static void
loading_author_free (LoadingAuthor *loading)
{
  g_object_unref (loading->self);
  g_free (loading->name);
  g_free (loading);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadingAuthor, loading_author_free)

static void
on_author_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoadingAuthor) loading = user_data;
  HubInsightsDialog *self = loading->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) histories = hub_history_load_author_finish (HUB_HISTORY (object), result, &error);
  g_autoptr(HubDataset) dataset = NULL;
  HubCompareAuthor *author;

  /* Disposed (authors_loading cleared) or cancelled: nothing to show it on. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->authors_loading == NULL)
    return;
  if (histories != NULL)
    dataset = hub_estimate_to_dataset (histories, loading->name, &error);
  if (dataset == NULL)
    {
      g_warning ("The history of %s cannot be compared: %s", loading->name, error->message);
      return;
    }
  /* Two snapshots at least: one alone estimates no day. */
  if (hub_dataset_get_as_of (dataset) == HUB_DAY_NONE)
    return;
  author = g_new0 (HubCompareAuthor, 1);
  author->name = g_strdup (loading->name);
  author->dataset = g_steal_pointer (&dataset);
  g_ptr_array_add (self->authors, author);
  hub_insights_dialog_update_compare (self);
}

/* Asks the history, once, for each followed author's snapshots. */
static void
load_authors (HubInsightsDialog *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) names = NULL;
  const char *endpoint = self->endpoint != NULL ? self->endpoint : HUB_DEFAULT_ENDPOINT;

  if (self->authors_loading != NULL || self->history == NULL)
    return;
  self->authors_loading = g_cancellable_new ();
  settings = g_settings_new (APP_ID);
  names = g_settings_get_strv (settings, "followed-authors");
  for (guint i = 0; names[i] != NULL; i++)
    {
      LoadingAuthor *loading = g_new0 (LoadingAuthor, 1);

      loading->self = g_object_ref (self);
      loading->name = g_strdup (names[i]);
      hub_history_load_author_async (self->history, endpoint, names[i], self->authors_loading,
                                     on_author_loaded, loading);
    }
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
  self->authors = g_ptr_array_new_with_free_func ((GDestroyNotify) compare_author_free);
  self->compared_authors = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->compare_mode_toggles, "notify::active-name",
                            G_CALLBACK (on_compare_mode_changed), self);
}

void
hub_insights_dialog_compare_dispose (HubInsightsDialog *self)
{
  g_cancellable_cancel (self->authors_loading);
  g_clear_object (&self->authors_loading);
}

/* Public */

/* Compares the repositories of dataset at indexes (at most six, with the
 * authors compared) as mode shows them. */
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
  while (n_compared (self) > HUB_COMPARE_MAX)
    g_ptr_array_remove_index (self->compared_authors, self->compared_authors->len - 1);
  adw_toggle_group_set_active_name (self->compare_mode_toggles, names[mode]);
  hub_insights_dialog_update_compare (self);
}

/* Compares authors (followed, and loaded: hub_insights_dialog_get_n_authors ())
 * after the repositories compared, as many as there is room for. */
void
hub_insights_dialog_set_compared_authors (HubInsightsDialog  *self,
                                          const char * const *authors)
{
  g_return_if_fail (HUB_IS_INSIGHTS_DIALOG (self));

  g_ptr_array_set_size (self->compared_authors, 0);
  for (guint i = 0; authors != NULL && authors[i] != NULL && n_compared (self) < HUB_COMPARE_MAX; i++)
    g_ptr_array_add (self->compared_authors, g_strdup (authors[i]));
  hub_insights_dialog_update_compare (self);
}

/* The followed authors loaded so far that can be compared. */
guint
hub_insights_dialog_get_n_authors (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), 0);

  return self->authors->len;
}

GtkWidget *
hub_insights_dialog_get_compare_chart (HubInsightsDialog *self)
{
  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  return GTK_WIDGET (self->compare_chart);
}
