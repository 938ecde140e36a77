/* hub-export.c: Export CSV…, from the save dialog to the file on disk
 *
 * The dialog lets the user choose between the Hub's full daily breakdown and
 * the table as shown; the file is written off the main thread by
 * hub_csv_export(), which writes beside the destination and renames, so a
 * failed export leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-export.h"

typedef struct
{
  HubDataset    *dataset;
  HubExportKind  kind;
  GArray        *indexes;   /* guint; NULL for every repository in file order */
  HubPeriod      period;
  GFile         *destination;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->dataset);
  g_clear_pointer (&data->indexes, g_array_unref);
  g_clear_object (&data->destination);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GArray) all = NULL;
  GArray *indexes = data->indexes;
  GError *error = NULL;

  if (indexes == NULL)
    {
      guint n = hub_dataset_get_n_repos (data->dataset);

      all = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
      for (guint i = 0; i < n; i++)
        g_array_append_val (all, i);
      indexes = all;
    }

  if (!hub_csv_export (data->dataset, data->kind,
                       (const guint *) (gpointer) indexes->data, indexes->len,
                       data->period, data->destination, cancellable, &error))
    {
      g_autofree char *name = g_file_get_parse_name (data->destination);

      g_task_return_new_error (task, error->domain, error->code,
                               /* Translators: the first %s is a file, the second why */
                               _("Could not export to %s: %s"), name, error->message);
      g_error_free (error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (data->destination), g_object_unref);
}

/* Writes the export off the main thread. indexes (guint, may be NULL for all
 * repositories) is used for the table, in its order. */
void
hub_export_write_async (HubDataset          *dataset,
                        HubExportKind        kind,
                        GArray              *indexes,
                        HubPeriod            period,
                        GFile               *destination,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (HUB_IS_DATASET (dataset));
  g_return_if_fail (G_IS_FILE (destination));

  data = g_new0 (ExportData, 1);
  data->dataset = g_object_ref (dataset);
  data->kind = kind;
  data->indexes = indexes ? g_array_ref (indexes) : NULL;
  data->period = period;
  data->destination = g_object_ref (destination);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_export_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

GFile *
hub_export_write_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The save dialog. */

typedef struct
{
  GtkFileChooserNative *native;
  HubDataset           *dataset;
  GArray               *shown_indexes;
  HubPeriod             period;
} RunData;

static void
run_data_free (RunData *data)
{
  if (data->native)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->native));
  g_clear_object (&data->native);
  g_clear_object (&data->dataset);
  g_clear_pointer (&data->shown_indexes, g_array_unref);
  g_free (data);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file = hub_export_write_finish (result, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static void
on_response (GtkNativeDialog *native,
             int              response,
             gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  const char *choice;
  HubExportKind kind;

  g_signal_handlers_disconnect_by_func (native, on_response, user_data);

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The export was cancelled"));
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "content");
  kind = g_strcmp0 (choice, "table") == 0 ? HUB_EXPORT_TABLE : HUB_EXPORT_BREAKDOWN;

  hub_export_write_async (data->dataset, kind,
                          kind == HUB_EXPORT_TABLE ? data->shown_indexes : NULL,
                          data->period, file, g_task_get_cancellable (task),
                          on_written, g_object_ref (task));
}

/* Shows the save dialog with the suggested name SOURCE-downloads-ASOF.csv and
 * the choice of content, then writes. Finishes with the file written, or
 * G_IO_ERROR_CANCELLED when the user cancelled the dialog. */
void
hub_export_run_async (GtkWindow           *parent,
                      HubDataset          *dataset,
                      const char          *export_name,
                      GArray              *shown_indexes,
                      HubPeriod            period,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  static const char *choice_ids[] = { "breakdown", "table", NULL };
  const char *choice_labels[] = {
    _("Full daily breakdown (the Hub’s five columns)"),
    _("Table as shown (one row a repository)"),
    NULL
  };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  GTask *task;
  RunData *data;

  g_return_if_fail (HUB_IS_DATASET (dataset));

  data = g_new0 (RunData, 1);
  data->dataset = g_object_ref (dataset);
  data->shown_indexes = shown_indexes ? g_array_ref (shown_indexes) : NULL;
  data->period = period;
  data->native = gtk_file_chooser_native_new (_("Export CSV"), parent,
                                              GTK_FILE_CHOOSER_ACTION_SAVE,
                                              _("_Export"), _("_Cancel"));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_export_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  suggested = hub_csv_suggested_name (export_name, hub_dataset_get_as_of (dataset));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->native), suggested);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->native), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (data->native), "content", _("Content"),
                               choice_ids, choice_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (data->native), "content", "breakdown");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->native), TRUE);

  g_signal_connect (data->native, "response", G_CALLBACK (on_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->native));
}

GFile *
hub_export_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
