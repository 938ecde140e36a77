/* hub-import-dialog.c: what a folder of snapshot files would add to the history
 *
 * Shows the preview that src/core/hub-snapshot-import.c read: each file
 * with its day and the columns recognised in it, the snapshots (an author
 * and a day each) it makes, and every row left out and why; the repeated
 * and the conflicting rows are listed, never merged silently. Import
 * writes it with hub_history_import() off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-format.h"
#include "hub-import-dialog.h"

/* Enough to see what a folder holds; the rest is counted. */
#define MAX_ROWS 50

struct _HubImportDialog
{
  AdwDialog              parent_instance;

  AdwBanner             *banner;
  GtkWidget             *import_button;
  AdwActionRow          *snapshots_row;
  AdwActionRow          *left_out_row;
  AdwPreferencesGroup   *files_group;
  AdwPreferencesGroup   *snapshots_group;
  AdwPreferencesGroup   *issues_group;

  GFile                 *folder;
  HubImportPreview      *preview;
  gboolean               importing;
};

enum {
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HubImportDialog, hub_import_dialog, ADW_TYPE_DIALOG)

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle_markup != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
}

static void
add_more_row (AdwPreferencesGroup *group,
              guint                n_more)
{
  g_autofree char *text = NULL;

  if (n_more == 0)
    return;
  text = g_strdup_printf (ngettext ("And %u more", "And %u more", n_more), n_more);
  add_row (group, text, NULL);
}

static char *
describe_columns (const HubImportFile *file)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < file->columns->len; i++)
    {
      const HubImportColumn *column = g_ptr_array_index (file->columns, i);

      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a column of a snapshot file and what it was taken for: "likes → likes" */
      g_string_append_printf (text, _("%s → %s"), column->header,
                              hub_import_column_role_name (column->role));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_files (HubImportDialog *self)
{
  GPtrArray *files = self->preview->files;

  for (guint i = 0; i < MIN (files->len, MAX_ROWS); i++)
    {
      const HubImportFile *file = g_ptr_array_index (files, i);
      g_autofree char *columns = describe_columns (file);
      g_autofree char *day = NULL;
      g_autofree char *subtitle = NULL;

      if (file->day != HUB_DAY_NONE)
        day = hub_format_date (file->day, HUB_DATE_FULL);
      else
        day = g_strdup (_("from a column"));
      /* Translators: a file of the import preview: its day, its rows, then its columns */
      subtitle = g_strdup_printf (ngettext ("Day: %s · %u row\n%s", "Day: %s · %u rows\n%s",
                                            file->rows),
                                  day, file->rows, columns);
      add_row (self->files_group, file->name, subtitle);
    }
  add_more_row (self->files_group, files->len > MAX_ROWS ? files->len - MAX_ROWS : 0);
}

static void
fill_snapshots (HubImportDialog *self)
{
  GPtrArray *snapshots = self->preview->snapshots;

  for (guint i = 0; i < MIN (snapshots->len, MAX_ROWS); i++)
    {
      const HubImportSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      g_autofree char *day = hub_format_date (snapshot->day, HUB_DATE_FULL);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a snapshot of the import preview: the author, then the day */
      title = g_strdup_printf (_("%s, %s"), snapshot->author, day);
      subtitle = g_strdup_printf (ngettext ("%u repository", "%u repositories",
                                            snapshot->figures->len),
                                  snapshot->figures->len);
      add_row (self->snapshots_group, title, subtitle);
    }
  add_more_row (self->snapshots_group, snapshots->len > MAX_ROWS ? snapshots->len - MAX_ROWS : 0);
}

static char *
describe_issue (const HubImportIssue *issue,
                char                **subtitle)
{
  g_autofree char *day = issue->day != HUB_DAY_NONE ? hub_format_date (issue->day, HUB_DATE_FULL)
                                                    : NULL;

  switch (issue->kind)
    {
    case HUB_IMPORT_ISSUE_REPEATED:
      /* Translators: the first %s is a file, %u its line, then the other file and line */
      *subtitle = g_strdup_printf (_("%s, line %u: the same as %s, line %u"),
                                   issue->file, issue->line, issue->other_file, issue->other_line);
      /* Translators: a repeated row: the repository, then the day */
      return g_strdup_printf (_("Repeated: %s on %s"), issue->repo, day);
    case HUB_IMPORT_ISSUE_CONFLICTING:
      *subtitle = g_strdup_printf (_("%s, line %u: other figures than %s, line %u"),
                                   issue->file, issue->line, issue->other_file, issue->other_line);
      /* Translators: a conflicting row: the repository, then the day */
      return g_strdup_printf (_("Conflicting: %s on %s"), issue->repo, day);
    case HUB_IMPORT_ISSUE_UNKNOWN:
    default:
      *subtitle = g_strdup_printf (_("%s, line %u"), issue->file, issue->line);
      /* Translators: a row whose repository is not recognised; %s as the file writes it */
      return g_strdup_printf (_("Unknown repository: “%s”"), issue->repo ? issue->repo : "");
    }
}

static void
fill_issues (HubImportDialog *self)
{
  GPtrArray *issues = self->preview->issues;

  gtk_widget_set_visible (GTK_WIDGET (self->issues_group), issues->len > 0);
  for (guint i = 0; i < MIN (issues->len, MAX_ROWS); i++)
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *title = describe_issue (g_ptr_array_index (issues, i), &subtitle);

      add_row (self->issues_group, title, subtitle);
    }
  add_more_row (self->issues_group, issues->len > MAX_ROWS ? issues->len - MAX_ROWS : 0);
}

static void
fill (HubImportDialog *self)
{
  const HubImportPreview *preview = self->preview;
  g_autofree char *folder = g_file_get_basename (self->folder);
  g_autofree char *description = NULL;
  g_autofree char *snapshots = NULL;
  g_autofree char *left_out = NULL;

  /* Translators: the import preview's summary; %s is the folder's name */
  description = g_strdup_printf (ngettext ("%u file read from “%s”. Nothing is written until "
                                           "you import.",
                                           "%u files read from “%s”. Nothing is written until "
                                           "you import.", preview->files->len),
                                 preview->files->len, folder);
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->snapshots_row),
                                                    ADW_TYPE_PREFERENCES_GROUP)),
    description);
  snapshots = g_strdup_printf (ngettext ("%u snapshot from %u rows", "%u snapshots from %u rows",
                                         preview->snapshots->len),
                               preview->snapshots->len, preview->rows);
  adw_action_row_set_subtitle (self->snapshots_row, snapshots);
  /* Translators: the rows the import leaves out, by reason */
  left_out = g_strdup_printf (_("%u unknown · %u repeated · %u conflicting"),
                              preview->unknown, preview->repeated, preview->conflicting);
  adw_action_row_set_subtitle (self->left_out_row, left_out);
  gtk_widget_set_sensitive (self->import_button, preview->snapshots->len > 0);

  fill_files (self);
  fill_snapshots (self);
  fill_issues (self);
}

static void
on_import_clicked (HubImportDialog *self)
{
  if (self->importing || self->preview->snapshots->len == 0)
    return;
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0);
}

static void
on_cancel_clicked (HubImportDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
hub_import_dialog_finalize (GObject *object)
{
  HubImportDialog *self = HUB_IMPORT_DIALOG (object);

  g_clear_object (&self->folder);
  g_clear_pointer (&self->preview, hub_import_preview_free);

  G_OBJECT_CLASS (hub_import_dialog_parent_class)->finalize (object);
}

static void
hub_import_dialog_class_init (HubImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hub_import_dialog_finalize;

  /* The user asked to import what the preview shows. */
  signals[SIGNAL_IMPORT] =
    g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "dialogs/hub-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubImportDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, HubImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HubImportDialog, snapshots_row);
  gtk_widget_class_bind_template_child (widget_class, HubImportDialog, left_out_row);
  gtk_widget_class_bind_template_child (widget_class, HubImportDialog, files_group);
  gtk_widget_class_bind_template_child (widget_class, HubImportDialog, snapshots_group);
  gtk_widget_class_bind_template_child (widget_class, HubImportDialog, issues_group);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
hub_import_dialog_init (HubImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A dialog showing preview (taken), read from folder. */
AdwDialog *
hub_import_dialog_new (GFile            *folder,
                       HubImportPreview *preview)
{
  HubImportDialog *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (preview != NULL, NULL);

  self = g_object_new (HUB_TYPE_IMPORT_DIALOG, NULL);
  self->folder = g_object_ref (folder);
  self->preview = preview;
  fill (self);
  return ADW_DIALOG (self);
}

HubImportPreview *
hub_import_dialog_get_preview (HubImportDialog *self)
{
  g_return_val_if_fail (HUB_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}

/* The summary rows' text, for the tests. */
char *
hub_import_dialog_dup_summary (HubImportDialog *self)
{
  g_return_val_if_fail (HUB_IS_IMPORT_DIALOG (self), NULL);

  return g_strdup_printf ("%s\n%s", adw_action_row_get_subtitle (self->snapshots_row),
                          adw_action_row_get_subtitle (self->left_out_row));
}

typedef struct
{
  HubHistory      *history;
  char            *endpoint;
  HubImportResult  result;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->history);
  g_free (import->endpoint);
  g_free (import);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  HubImportDialog *self = source_object;
  Import *import = task_data;
  GError *error = NULL;

  if (hub_history_import (import->history, import->endpoint, self->preview, &import->result,
                          &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Writes the preview into history, off the main thread; the dialog waits,
 * its buttons insensitive, and stays open with the reason if it fails. */
void
hub_import_dialog_import_async (HubImportDialog     *self,
                                HubHistory          *history,
                                const char          *endpoint,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (HUB_IS_IMPORT_DIALOG (self));
  g_return_if_fail (HUB_IS_HISTORY (history));

  self->importing = TRUE;
  gtk_widget_set_sensitive (self->import_button, FALSE);
  adw_dialog_set_can_close (ADW_DIALOG (self), FALSE);
  import = g_new0 (Import, 1);
  import->history = g_object_ref (history);
  import->endpoint = g_strdup (endpoint);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_import_dialog_import_async);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
hub_import_dialog_import_finish (HubImportDialog  *self,
                                 GAsyncResult     *result,
                                 HubImportResult  *imported,
                                 GError          **error)
{
  Import *import;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->importing = FALSE;
  adw_dialog_set_can_close (ADW_DIALOG (self), TRUE);
  import = g_task_get_task_data (G_TASK (result));
  if (imported != NULL)
    *imported = import->result;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The import failed: the dialog says why; the history is as it was. */
void
hub_import_dialog_fail (HubImportDialog *self,
                        const char      *message)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (HUB_IS_IMPORT_DIALOG (self));

  markup = g_markup_escape_text (message, -1);
  adw_banner_set_title (self->banner, markup);
  adw_banner_set_revealed (self->banner, TRUE);
  gtk_widget_set_sensitive (self->import_button, TRUE);
}
