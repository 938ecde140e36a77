/* hub-cli-session.c: what the Hub's commands (--fetch, --snapshot) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <signal.h>

#include "hub-cli-private.h"

/* The endpoint preference, when the app's schema is installed. */
static char *
endpoint_preference (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "endpoint"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "endpoint");
}

char *
hub_cli_dup_endpoint (GError **error)
{
  g_autofree char *preference = endpoint_preference ();

  return hub_endpoint_resolve (preference, NULL, error);
}

gboolean
hub_cli_session_begin (HubCliSession *session)
{
  g_autoptr(GError) error = NULL;

  *session = (HubCliSession) { 0 };
  session->endpoint = hub_cli_dup_endpoint (&error);
  if (session->endpoint == NULL)
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return FALSE;
    }

  session->context = g_main_context_new ();
  g_main_context_push_thread_default (session->context);
  session->loop = g_main_loop_new (session->context, FALSE);
  session->cancellable = g_cancellable_new ();
  session->store = hub_token_store_new ();
  /* A script or a timer should not wait long on an unanswered unlock prompt. */
  hub_token_store_set_keyring_timeout (session->store, 30);
  return TRUE;
}

static gboolean
interrupted_cb (gpointer user_data)
{
  HubCliSession *session = user_data;

  g_cancellable_cancel (session->cancellable);
  return G_SOURCE_CONTINUE;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HubCliSession *session = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = hub_token_store_lookup_finish (HUB_TOKEN_STORE (object), result,
                                         &session->token_source, NULL, &error);
  session->got_token (token, error, session->user_data);
}

void
hub_cli_session_run (HubCliSession   *session,
                     HubCliTokenFunc  got_token,
                     gpointer         user_data)
{
  g_autoptr(GSource) sigint = g_unix_signal_source_new (SIGINT);
  g_autoptr(GSource) sigterm = g_unix_signal_source_new (SIGTERM);

  /* Ctrl+C cancels, so that what the command writes is left as it was. */
  g_source_set_callback (sigint, interrupted_cb, session, NULL);
  g_source_set_callback (sigterm, interrupted_cb, session, NULL);
  g_source_attach (sigint, session->context);
  g_source_attach (sigterm, session->context);

  session->got_token = got_token;
  session->user_data = user_data;
  hub_token_store_lookup_async (session->store, session->endpoint, session->cancellable,
                                lookup_cb, session);
  g_main_loop_run (session->loop);

  g_source_destroy (sigint);
  g_source_destroy (sigterm);
}

void
hub_cli_session_end (HubCliSession *session)
{
  g_clear_object (&session->store);
  g_clear_object (&session->cancellable);
  g_clear_pointer (&session->loop, g_main_loop_unref);
  g_clear_pointer (&session->endpoint, g_free);
  g_main_context_pop_thread_default (session->context);
  g_clear_pointer (&session->context, g_main_context_unref);
}
