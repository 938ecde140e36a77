/* hub-cli-fetch.c: `hub-analytics --org ORG --fetch OUT.csv`, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "hub-cli-fetch.h"
#include "hub-net.h"

typedef struct
{
  GMainLoop      *loop;
  GCancellable   *cancellable;
  HubTokenStore  *store;
  HubClient      *client;
  char           *org;
  char           *out_path;
  char           *tmp_path;
  int             tmp_fd;
  GOutputStream  *out;
  char           *endpoint;
  HubTokenSource  token_source;
  HubProgress     progress;
  int             status;
} CliFetch;

static int
status_for_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return HUB_CLI_FETCH_INTERRUPTED;
  if (error->domain == HUB_NET_ERROR)
    switch ((HubNetError) error->code)
      {
      case HUB_NET_ERROR_INVALID_ENDPOINT:
      case HUB_NET_ERROR_INSECURE_ENDPOINT:
        return HUB_CLI_FETCH_USAGE;
      case HUB_NET_ERROR_NO_TOKEN:
        return HUB_CLI_FETCH_NO_TOKEN;
      case HUB_NET_ERROR_UNAUTHORIZED:
        return HUB_CLI_FETCH_UNAUTHORIZED;
      case HUB_NET_ERROR_FORBIDDEN:
        return HUB_CLI_FETCH_FORBIDDEN;
      case HUB_NET_ERROR_NOT_FOUND:
        return HUB_CLI_FETCH_NOT_FOUND;
      case HUB_NET_ERROR_RATE_LIMITED:
        return HUB_CLI_FETCH_RATE_LIMITED;
      case HUB_NET_ERROR_SERVER:
        return HUB_CLI_FETCH_SERVER;
      case HUB_NET_ERROR_TRUNCATED:
      case HUB_NET_ERROR_TIMEOUT:
      case HUB_NET_ERROR_OFFLINE:
      case HUB_NET_ERROR_CONNECTION:
        return HUB_CLI_FETCH_NETWORK;
      case HUB_NET_ERROR_NOT_BREAKDOWN:
        return HUB_CLI_FETCH_NOT_BREAKDOWN;
      case HUB_NET_ERROR_HTTP:
      case HUB_NET_ERROR_BAD_RESPONSE:
      case HUB_NET_ERROR_KEYRING_UNAVAILABLE:
      case HUB_NET_ERROR_CACHE_MISSING:
      case HUB_NET_ERROR_CACHE_INVALID:
      default:
        return HUB_CLI_FETCH_FAILED;
      }
  return HUB_CLI_FETCH_FAILED;
}

static void
finish (CliFetch     *fetch,
        const GError *error)
{
  if (error != NULL)
    {
      if (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_UNAUTHORIZED))
        /* Translators: the second %s says where the token came from. */
        g_printerr ("hub-analytics: %s (%s %s)\n", error->message, _("the token came from"),
                    hub_token_source_describe (fetch->token_source));
      else
        g_printerr ("hub-analytics: %s\n", error->message);
      fetch->status = status_for_error (error);
    }
  else
    fetch->status = HUB_CLI_FETCH_OK;
  g_main_loop_quit (fetch->loop);
}

/* The endpoint preference, when the app's schema is installed. */
char *
hub_cli_endpoint_preference (void)
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

static gboolean
open_temporary (CliFetch  *fetch,
                GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (fetch->out_path);
  g_autofree char *base = g_path_get_basename (fetch->out_path);
  g_autofree char *name = g_strconcat (".", base, ".XXXXXX", NULL);

  fetch->tmp_path = g_build_filename (dir, name, NULL);
  fetch->tmp_fd = g_mkstemp_full (fetch->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fetch->tmp_fd < 0)
    {
      int errsv = errno;

      g_clear_pointer (&fetch->tmp_path, g_free);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not write %s: %s"), fetch->out_path, g_strerror (errsv));
      return FALSE;
    }
  fetch->out = g_unix_output_stream_new (fetch->tmp_fd, FALSE);
  return TRUE;
}

/* Makes the temporary file OUT.csv, or removes it. */
static gboolean
commit_output (CliFetch  *fetch,
               gboolean   keep,
               GError   **error)
{
  gboolean ok = keep;

  if (fetch->out != NULL)
    {
      if (ok && (!g_output_stream_close (fetch->out, NULL, error) || fsync (fetch->tmp_fd) != 0))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                         _("Could not write %s: %s"), fetch->out_path, g_strerror (errno));
          ok = FALSE;
        }
      g_clear_object (&fetch->out);
    }
  if (fetch->tmp_fd >= 0)
    {
      close (fetch->tmp_fd);
      fetch->tmp_fd = -1;
    }
  if (fetch->tmp_path == NULL)
    return ok;
  if (ok && g_rename (fetch->tmp_path, fetch->out_path) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not write %s: %s"), fetch->out_path, g_strerror (errsv));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (fetch->tmp_path);
  g_clear_pointer (&fetch->tmp_path, g_free);
  return ok;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CliFetch *fetch = user_data;
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  /* OUT.csv appears only once the parser accepted the whole body. */
  dataset = hub_client_fetch_breakdown_finish (HUB_CLIENT (object), result, NULL, NULL, &error);
  if (dataset == NULL)
    commit_output (fetch, FALSE, NULL);
  else
    commit_output (fetch, TRUE, &error);
  finish (fetch, error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CliFetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubCache) cache = NULL;
  g_autofree char *token = NULL;

  token = hub_token_store_lookup_finish (HUB_TOKEN_STORE (object), result,
                                         &fetch->token_source, NULL, &error);
  if (error != NULL)
    {
      finish (fetch, error);
      return;
    }
  if (token == NULL)
    {
      g_autofree char *path = hub_token_file_path ();

      g_set_error (&error, HUB_NET_ERROR, HUB_NET_ERROR_NO_TOKEN,
                   _("No token for %s: sign in with Hub Analytics, set HF_TOKEN, or log in "
                     "with huggingface_hub (%s)"), fetch->endpoint, path);
      finish (fetch, error);
      return;
    }
  if (!open_temporary (fetch, &error))
    {
      finish (fetch, error);
      return;
    }

  fetch->client = hub_client_new (fetch->endpoint, token);
  cache = hub_cache_new (NULL);
  hub_client_set_cache (fetch->client, cache);
  hub_client_fetch_breakdown_async (fetch->client, fetch->org, &fetch->progress, fetch->out,
                                    fetch->cancellable, fetch_cb, fetch);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  CliFetch *fetch = user_data;

  g_cancellable_cancel (fetch->cancellable);
  return G_SOURCE_CONTINUE;
}

int
hub_cli_fetch (const char *org,
               const char *out_path)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *preference = NULL;
  CliFetch fetch = { 0 };
  g_autoptr(GSource) sigint = NULL;
  g_autoptr(GSource) sigterm = NULL;

  g_return_val_if_fail (org != NULL && out_path != NULL, HUB_CLI_FETCH_USAGE);

  if (*org == '\0' || *out_path == '\0')
    {
      g_printerr ("hub-analytics: %s\n", _("--org and --fetch need a value: --org ORG --fetch OUT.csv"));
      return HUB_CLI_FETCH_USAGE;
    }

  preference = hub_cli_endpoint_preference ();
  fetch.endpoint = hub_endpoint_resolve (preference, NULL, &error);
  if (fetch.endpoint == NULL)
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return HUB_CLI_FETCH_USAGE;
    }

  g_main_context_push_thread_default (context);
  fetch.loop = g_main_loop_new (context, FALSE);
  fetch.cancellable = g_cancellable_new ();
  fetch.org = g_strdup (org);
  fetch.out_path = g_strdup (out_path);
  fetch.tmp_fd = -1;
  fetch.store = hub_token_store_new ();
  /* A script should not wait long on an unanswered unlock prompt. */
  hub_token_store_set_keyring_timeout (fetch.store, 30);

  /* Ctrl+C cancels, so that the temporary file goes away. */
  sigint = g_unix_signal_source_new (SIGINT);
  sigterm = g_unix_signal_source_new (SIGTERM);
  g_source_set_callback (sigint, interrupted_cb, &fetch, NULL);
  g_source_set_callback (sigterm, interrupted_cb, &fetch, NULL);
  g_source_attach (sigint, context);
  g_source_attach (sigterm, context);

  hub_token_store_lookup_async (fetch.store, fetch.endpoint, fetch.cancellable, lookup_cb, &fetch);
  g_main_loop_run (fetch.loop);

  g_source_destroy (sigint);
  g_source_destroy (sigterm);
  commit_output (&fetch, FALSE, NULL);
  g_clear_object (&fetch.client);
  g_clear_object (&fetch.store);
  g_clear_object (&fetch.cancellable);
  g_clear_pointer (&fetch.loop, g_main_loop_unref);
  g_free (fetch.org);
  g_free (fetch.out_path);
  g_free (fetch.endpoint);
  g_main_context_pop_thread_default (context);
  return fetch.status;
}
