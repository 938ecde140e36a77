/* hub-cli.c: the command line of hub-analytics, in one place
 *
 * The commands that need no display run here, before the single-instance
 * hand-over, so that they need no D-Bus and work while the window runs.
 * Each is an entry of the table below (its options: the first names it,
 * the others qualify it, as --org qualifies --fetch and --report) and a
 * file of its own. The first entry named runs; with none named, the first
 * entry that one of the options qualifies runs, to say what is missing.
 * What is left (files to open, --demo) goes on to the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-cli.h"
#include "hub-cli-private.h"

static const HubCliCommand commands[] = {
  { { { "summary", 0, 0, G_OPTION_ARG_FILENAME, NULL,
        N_("Print a JSON summary of a breakdown file (- for standard input) and exit"), N_("FILE") } },
    hub_cli_summary_run },
  { { { "logs-summary", 0, 0, G_OPTION_ARG_NONE, NULL,
        N_("Print a JSON summary of the request-log files (FILE…, - for standard input) and exit"),
        NULL } },
    hub_cli_logs_summary_run },
  { { { "fetch", 0, 0, G_OPTION_ARG_FILENAME, NULL,
        N_("Fetch the organisation’s download breakdown into a CSV file and exit"), N_("OUT.csv") },
      { "org", 0, 0, G_OPTION_ARG_STRING, NULL,
        N_("The organisation, with --fetch, or with --report for its saved breakdown"), N_("ORG") } },
    hub_cli_fetch_run },
  { { { "snapshot", 0, 0, G_OPTION_ARG_NONE, NULL,
        N_("Save today’s public figures of each organisation or user named after the options "
           "in the history, and exit"), NULL } },
    hub_cli_snapshot_run },
};

/* The options of the window. */
static const GOptionEntry window_options[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo data"), NULL },
  { NULL }
};

void
hub_cli_add_options (GApplication        *app,
                     const HubCliCommand *extra,
                     guint                n_extra)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_application_add_main_option_entries (app, commands[i].options);
  for (guint i = 0; i < n_extra; i++)
    g_application_add_main_option_entries (app, extra[i].options);
  g_application_add_main_option_entries (app, window_options);
  g_application_set_option_context_parameter_string (app, _("[FILE…]"));
}

/* Named: by its first option; qualified: by any of them. */
static gboolean
selected (const HubCliCommand *command,
          GVariantDict        *options,
          gboolean             named)
{
  for (const GOptionEntry *option = command->options; option->long_name != NULL; option++)
    {
      if (g_variant_dict_contains (options, option->long_name))
        return TRUE;
      if (named)
        break;
    }
  return FALSE;
}

/* The arguments left after the options, but for "--". */
static GStrv
remaining_arguments (char **argv)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 1; argv != NULL && argv[i] != NULL; i++)
    if (!g_str_equal (argv[i], "--"))
      g_strv_builder_add (names, argv[i]);
  return g_strv_builder_end (names);
}

/* A running instance opens the demo; this one only asks it to. */
static int
handle_demo (GApplication *app,
             gboolean     *open_demo)
{
  g_autoptr(GError) error = NULL;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (app))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
      return 0;
    }
  *open_demo = TRUE;
  return -1;
}

/* commands[i], then extra[i - G_N_ELEMENTS (commands)]. */
static const HubCliCommand *
command_at (guint                i,
            const HubCliCommand *extra)
{
  return i < G_N_ELEMENTS (commands) ? &commands[i] : &extra[i - G_N_ELEMENTS (commands)];
}

int
hub_cli_handle_local_options (GApplication        *app,
                              GVariantDict        *options,
                              char               **argv,
                              const HubCliCommand *extra,
                              guint                n_extra,
                              gboolean            *open_demo)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (commands) + n_extra; i++)
      if (selected (command_at (i, extra), options, pass == 0))
        {
          g_auto(GStrv) arguments = remaining_arguments (argv);

          return command_at (i, extra)->run (options, (const char * const *) arguments);
        }

  if (g_variant_dict_contains (options, "demo"))
    return handle_demo (app, open_demo);
  return -1;
}

gboolean
hub_cli_stdin_is_whole_file (void)
{
  GStatBuf st;

  return fstat (0, &st) == 0 && S_ISREG (st.st_mode) && lseek (0, 0, SEEK_CUR) == 0;
}
