/* hub-export.c: Export CSV…, from the save dialog to the file on disk
 *
 * Export Breakdown… writes the Hub's full daily breakdown, Export Table… the
 * table as shown; each asks where with its own suggested name. The file is
 * written off the main thread by
 * hub_csv_export(), which writes an unnamed file and names it only once
 * complete, so that neither a failed export nor a killed app leaves anything
 * behind.
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
  HubSpan        span;
  GFile         *destination;  /* NULL while the save dialog asks where */
} ExportData;

static ExportData *
export_data_new (HubDataset    *dataset,
                 HubExportKind  kind,
                 GArray        *indexes,
                 const HubSpan *span,
                 GFile         *destination)
{
  ExportData *data = g_new0 (ExportData, 1);

  data->dataset = g_object_ref (dataset);
  data->kind = kind;
  data->indexes = indexes ? g_array_ref (indexes) : NULL;
  data->span = *span;
  data->destination = destination ? g_object_ref (destination) : NULL;
  return data;
}

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
                       &data->span, data->destination, cancellable, &error))
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
                        const HubSpan       *span,
                        GFile               *destination,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUB_IS_DATASET (dataset));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_export_write_async);
  g_task_set_task_data (task, export_data_new (dataset, kind, indexes, span, destination),
                        (GDestroyNotify) export_data_free);
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
on_chosen (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file == NULL)
    {
      if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
          g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 _("The export was cancelled"));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  hub_export_write_async (data->dataset, data->kind,
                          data->kind == HUB_EXPORT_TABLE ? data->indexes : NULL,
                          &data->span, file, g_task_get_cancellable (task),
                          on_written, g_object_ref (task));
}

/* Shows the save dialog for one kind of export, with its suggested name
 * (SOURCE-downloads-ASOF.csv or SOURCE-repositories-ASOF.csv) in folder
 * (the folder of the previous export, or NULL), then writes. Finishes with
 * the file written, or G_IO_ERROR_CANCELLED when the user cancelled. */
void
hub_export_run_async (GtkWindow           *parent,
                      HubDataset          *dataset,
                      HubExportKind        kind,
                      const char          *export_name,
                      GArray              *shown_indexes,
                      const HubSpan       *span,
                      GFile               *folder,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *suggested = NULL;
  GTask *task;

  g_return_if_fail (HUB_IS_DATASET (dataset));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_export_run_async);
  g_task_set_task_data (task, export_data_new (dataset, kind, shown_indexes, span, NULL),
                        (GDestroyNotify) export_data_free);

  suggested = hub_csv_suggested_name (export_name, kind, hub_dataset_get_as_of (dataset));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, kind == HUB_EXPORT_TABLE ? _("Export Table")
                                                              : _("Export Breakdown"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  if (folder != NULL)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, suggested);

      gtk_file_dialog_set_initial_file (dialog, file);
    }
  else
    gtk_file_dialog_set_initial_name (dialog, suggested);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_save (dialog, parent, cancellable, on_chosen, task);
}

GFile *
hub_export_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
