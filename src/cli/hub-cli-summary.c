/* hub-cli-summary.c: `hub-analytics --summary FILE`, one JSON object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "hub-core.h"
#include "hub-cli-private.h"

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

/* `--summary FILE` or `--summary -`: one JSON object on stdout, or the error
 * on stderr and nothing on stdout. */
int
hub_cli_summary_run (GVariantDict       *options,
                     const char * const *arguments)
{
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const char *path = NULL;

  g_variant_dict_lookup (options, "summary", "^&ay", &path);
  if (g_strcmp0 (path, "-") == 0 && hub_cli_stdin_is_whole_file ())
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
