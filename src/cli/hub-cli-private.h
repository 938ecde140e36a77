/* hub-cli-private.h: what the commands of the command line share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-cli.h"
#include "hub-net.h"

G_BEGIN_DECLS

int hub_cli_summary_run      (GVariantDict       *options,
                              const char * const *arguments);
int hub_cli_logs_summary_run (GVariantDict       *options,
                              const char * const *arguments);
int hub_cli_fetch_run        (GVariantDict       *options,
                              const char * const *arguments);
int hub_cli_snapshot_run     (GVariantDict       *options,
                              const char * const *arguments);

/* Standard input is a file redirected to it, not yet read from: opened
 * again by path, it can be read in two halves on two threads, as a named
 * file is. */
gboolean hub_cli_stdin_is_whole_file (void);

/* The Hub's commands (--fetch, --snapshot) run on a main loop of their
 * own, with the endpoint and token found as DESIGN.md says. */
typedef struct _HubCliSession HubCliSession;

/* The endpoint's token (NULL when there is none) or why it could not be
 * read, for the command to go on with. */
typedef void (*HubCliTokenFunc) (const char    *token,
                                 const GError  *error,
                                 gpointer       user_data);

struct _HubCliSession
{
  GMainContext    *context;
  GMainLoop       *loop;
  GCancellable    *cancellable;   /* cancelled by SIGINT and SIGTERM */
  HubTokenStore   *store;
  char            *endpoint;
  HubTokenSource   token_source;  /* where the token came from */
  HubCliTokenFunc  got_token;
  gpointer         user_data;
};

/* Resolves the endpoint (HF_ENDPOINT, the preference, the default) and
 * makes the session's context the thread's default. A bad endpoint is
 * printed on stderr, and FALSE returned with nothing to end. */
gboolean hub_cli_session_begin (HubCliSession   *session);

/* Looks the endpoint's token up for got_token, then runs until the
 * session's loop quits. */
void     hub_cli_session_run   (HubCliSession   *session,
                                HubCliTokenFunc  got_token,
                                gpointer         user_data);

/* Frees what begin made; what the command made in the session's context
 * (its client) is freed before. */
void     hub_cli_session_end   (HubCliSession   *session);

G_END_DECLS
