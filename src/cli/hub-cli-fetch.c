/* hub-cli-fetch.c: `hub-analytics --org ORG --fetch OUT.csv`, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-atomic-file.h"
#include "hub-cli-fetch.h"
#include "hub-cli-private.h"
#include "hub-net.h"

typedef struct
{
  HubCliSession   session;
  HubClient      *client;
  const char     *org;
  const char     *out_path;
  HubAtomicFile  *out;    /* OUT.csv while it is written */
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
      case HUB_NET_ERROR_INVALID_TOKEN:
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
                    hub_token_source_describe (fetch->session.token_source));
      else
        g_printerr ("hub-analytics: %s\n", error->message);
      fetch->status = status_for_error (error);
    }
  else
    fetch->status = HUB_CLI_FETCH_OK;
  g_main_loop_quit (fetch->session.loop);
}

/* OUT.csv is written unnamed and named only once complete: a failed, an
 * interrupted or a killed fetch leaves neither part of it nor a temporary
 * file. */
static gboolean
open_output (CliFetch  *fetch,
             GError   **error)
{
  fetch->out = hub_atomic_file_new (fetch->out_path, 0666, error);
  return fetch->out != NULL;
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
  if (dataset != NULL)
    hub_atomic_file_commit (fetch->out, &error);
  g_clear_pointer (&fetch->out, hub_atomic_file_free);
  finish (fetch, error);
}

static void
got_token (const char   *token,
           const GError *lookup_error,
           gpointer      user_data)
{
  CliFetch *fetch = user_data;
  g_autoptr(GError) error = lookup_error ? g_error_copy (lookup_error) : NULL;
  g_autoptr(HubCache) cache = NULL;

  if (error == NULL && token == NULL)
    {
      g_autofree char *path = hub_token_file_path ();

      g_set_error (&error, HUB_NET_ERROR, HUB_NET_ERROR_NO_TOKEN,
                   _("No token for %s: sign in with Hub Analytics, set HF_TOKEN, or log in "
                     "with huggingface_hub (%s)"), fetch->session.endpoint, path);
    }
  if (error != NULL || !open_output (fetch, &error))
    {
      finish (fetch, error);
      return;
    }

  fetch->client = hub_client_new (fetch->session.endpoint, token);
  cache = hub_cache_new (NULL);
  hub_client_set_cache (fetch->client, cache);
  hub_client_fetch_breakdown_async (fetch->client, fetch->org, &fetch->progress,
                                    hub_atomic_file_get_stream (fetch->out),
                                    fetch->session.cancellable, fetch_cb, fetch);
}

/* `--org ORG --fetch OUT.csv`: OUT.csv whole, or the error on stderr and
 * OUT.csv as it was. */
int
hub_cli_fetch_run (GVariantDict       *options,
                   const char * const *arguments)
{
  CliFetch fetch = { 0 };

  g_variant_dict_lookup (options, "org", "&s", &fetch.org);
  g_variant_dict_lookup (options, "fetch", "^&ay", &fetch.out_path);
  if (fetch.org == NULL || fetch.out_path == NULL)
    {
      g_printerr ("hub-analytics: %s\n", _("--fetch and --org go together: --org ORG --fetch OUT.csv"));
      return HUB_CLI_FETCH_USAGE;
    }
  if (*fetch.org == '\0' || *fetch.out_path == '\0')
    {
      g_printerr ("hub-analytics: %s\n", _("--org and --fetch need a value: --org ORG --fetch OUT.csv"));
      return HUB_CLI_FETCH_USAGE;
    }

  if (!hub_cli_session_begin (&fetch.session))
    return HUB_CLI_FETCH_USAGE;
  hub_cli_session_run (&fetch.session, got_token, &fetch);
  g_clear_pointer (&fetch.out, hub_atomic_file_free);
  g_clear_object (&fetch.client);
  hub_cli_session_end (&fetch.session);
  return fetch.status;
}
