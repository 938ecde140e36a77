/* hub-cli.c: the command-line work that needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-core.h"
#include "hub-cli.h"

static void
print_warnings (HubDataset *dataset)
{
  const HubTotals *totals = hub_dataset_get_totals (dataset);

  if (totals->merged_repeats > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "Warning: %lu row repeated a repository and day already seen; "
                             "its downloads were added to that day\n",
                             "Warning: %lu rows repeated a repository and day already seen; "
                             "their downloads were added to that day\n",
                             (gulong) totals->merged_repeats),
                (gulong) totals->merged_repeats);
}

/* A file redirected to standard input, not yet read from: opened again by
 * path, it can be read in two halves on two threads, as a named file is. */
static gboolean
stdin_is_whole_file (void)
{
  GStatBuf st;

  return fstat (0, &st) == 0 && S_ISREG (st.st_mode) && lseek (0, 0, SEEK_CUR) == 0;
}

/* `--summary FILE` or `--summary -`: one JSON object on stdout, or the error
 * on stderr and nothing on stdout. */
int
hub_cli_summary (const char *path)
{
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  if (g_strcmp0 (path, "-") == 0 && stdin_is_whole_file ())
    dataset = hub_dataset_load_file ("/dev/stdin", _("standard input"), NULL, NULL, &error);
  else if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);

      dataset = hub_dataset_load_stream (in, _("standard input"), NULL, NULL, &error);
    }
  else
    dataset = hub_dataset_load_file (path, path, NULL, NULL, &error);

  if (dataset == NULL)
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return 1;
    }

  print_warnings (dataset);
  json = hub_summary_to_json (dataset);
  g_print ("%s\n", json);
  return fflush (stdout) == 0 ? 0 : 1;
}

/* `--logs-summary FILE…` (`-` for standard input): one JSON object on
 * stdout, or the error on stderr and nothing on stdout. */
int
hub_cli_logs_summary (const char * const *paths)
{
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  HubLogOptions options = { NULL, FALSE, FALSE };
  guint n = paths ? g_strv_length ((char **) paths) : 0;

  if (n == 0)
    {
      g_printerr ("hub-analytics: %s\n", _("--logs-summary needs one or more log files (- for standard input)"));
      return 2;
    }

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (paths[i], "-") == 0)
        {
          g_ptr_array_add (files, g_file_new_for_path ("/dev/stdin"));
          g_ptr_array_add (names, (gpointer) _("standard input"));
          /* A pipe cannot be read twice: every line's session key is kept. */
          if (!stdin_is_whole_file ())
            options.single_pass = TRUE;
        }
      else
        {
          g_ptr_array_add (files, g_file_new_for_path (paths[i]));
          g_ptr_array_add (names, (gpointer) paths[i]);
        }
    }

  if (!hub_log_store_add_files (store, (GFile **) files->pdata, (const char * const *) names->pdata,
                                n, &options, NULL, NULL, &error))
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return 1;
    }

  json = hub_log_summary_to_json (store);
  g_print ("%s\n", json);
  return fflush (stdout) == 0 ? 0 : 1;
}
