/* hub-cli.h: the command line of hub-analytics, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A command that needs no window: options holds the options as parsed,
 * arguments what is left after them. Returns the process's exit status. */
typedef int (*HubCliRun) (GVariantDict       *options,
                          const char * const *arguments);

/* A command of the table: its first option names it, the others qualify
 * it (hub-cli.c says how one is chosen). */
typedef struct
{
  GOptionEntry options[4];  /* NULL-terminated */
  HubCliRun    run;
} HubCliCommand;

/* Gives app every option of the command line, and "[FILE…]" for the files
 * it opens. extra are the commands of the window's layer, which draw with
 * GTK (--report) and so cannot be src/cli's: they join the table. */
void hub_cli_add_options          (GApplication        *app,
                                   const HubCliCommand *extra,
                                   guint                n_extra);

/* For handle-local-options, in the calling process and before the
 * single-instance hand-over: runs the command that needs no display, if
 * options name one, and returns its exit status. argv is the command line
 * once GApplication took its options out: what is left are the command's
 * arguments (--snapshot's names, --logs-summary's files). --demo asks a
 * running instance to activate its "open-demo" action and returns 0, or
 * sets *open_demo for this one. Otherwise returns -1: the window goes on,
 * with the files, if any. */
int  hub_cli_handle_local_options (GApplication        *app,
                                   GVariantDict        *options,
                                   char               **argv,
                                   const HubCliCommand *extra,
                                   guint                n_extra,
                                   gboolean            *open_demo);

/* The endpoint as DESIGN.md orders it: HF_ENDPOINT, the preference (when
 * the app's schema is installed), the default; NULL and an error when the
 * one asked for is invalid. */
char *hub_cli_dup_endpoint          (GError             **error);

G_END_DECLS
