/* hub-cli-logs-summary.c: `hub-analytics --logs-summary FILE…`, one JSON
 * object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hub-core.h"
#include "hub-cli-private.h"

/* `--logs-summary FILE…` (`-` for standard input): one JSON object on
 * stdout, or the error on stderr and nothing on stdout. */
int
hub_cli_logs_summary_run (GVariantDict       *options,
                          const char * const *paths)
{
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  /* The summary is over every day read: the store keeps no day's own. */
  HubLogOptions log_options = { NULL, FALSE, FALSE, TRUE };
  guint n = g_strv_length ((char **) paths);

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
          if (!hub_cli_stdin_is_whole_file ())
            log_options.single_pass = TRUE;
        }
      else
        {
          g_ptr_array_add (files, g_file_new_for_path (paths[i]));
          g_ptr_array_add (names, (gpointer) paths[i]);
        }
    }

  if (!hub_log_store_add_files (store, (GFile **) files->pdata, (const char * const *) names->pdata,
                                n, &log_options, NULL, NULL, &error))
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return 1;
    }

  json = hub_log_summary_to_json (store);
  g_print ("%s\n", json);
  return fflush (stdout) == 0 ? 0 : 1;
}
