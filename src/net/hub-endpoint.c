/* hub-endpoint.c: which Hub to talk to, and where its token may go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hub-endpoint.h"
#include "hub-net-error.h"

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
hub_uri_is_secure_enough (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  return g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (uri));
}

char *
hub_endpoint_normalize (const char  *endpoint,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) clean = NULL;
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;
  const char *scheme;
  const char *path;
  gsize len;

  g_return_val_if_fail (endpoint != NULL, NULL);

  text = g_strstrip (g_strdup (endpoint));
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_ENDPOINT,
                   _("“%s” is not a Hub address: give one like https://huggingface.co"),
                   text);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_ENDPOINT,
                   _("“%s” is not a Hub address: it must start with https://"), text);
      return NULL;
    }
  if (!hub_uri_is_secure_enough (uri))
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_INSECURE_ENDPOINT,
                   _("The Hub address “%s” is not encrypted: use https:// (plain http:// "
                     "is only allowed to this computer)"), text);
      return NULL;
    }

  /* The path is kept (a mirror may live under one), without its last slash;
   * the scheme is stored lower case. */
  path = g_uri_get_path (uri);
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    len--;
  trimmed = g_strndup (path, len);
  lower = g_ascii_strdown (scheme, -1);
  clean = g_uri_build (G_URI_FLAGS_NONE, lower, NULL, g_uri_get_host (uri),
                       g_uri_get_port (uri), trimmed, NULL, NULL);
  return g_uri_to_string (clean);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

char *
hub_endpoint_resolve (const char         *preference,
                      HubEndpointSource  *source,
                      GError            **error)
{
  const char *env = g_getenv ("HF_ENDPOINT");
  HubEndpointSource from = HUB_ENDPOINT_SOURCE_DEFAULT;
  const char *value = HUB_DEFAULT_ENDPOINT;
  g_autoptr(GError) local_error = NULL;
  char *endpoint;

  if (!is_blank (env))
    {
      from = HUB_ENDPOINT_SOURCE_ENV;
      value = env;
    }
  else if (!is_blank (preference))
    {
      from = HUB_ENDPOINT_SOURCE_PREFERENCE;
      value = preference;
    }

  endpoint = hub_endpoint_normalize (value, &local_error);
  if (endpoint == NULL)
    {
      if (from == HUB_ENDPOINT_SOURCE_ENV)
        g_prefix_error (&local_error, _("In the HF_ENDPOINT environment variable: "));
      else if (from == HUB_ENDPOINT_SOURCE_PREFERENCE)
        g_prefix_error (&local_error, _("In the endpoint preference: "));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (source != NULL)
    *source = from;
  return endpoint;
}

gboolean
hub_endpoint_same_origin (const char *endpoint,
                          GUri       *uri)
{
  g_autoptr(GUri) base = NULL;
  const char *a_host, *b_host;
  int a_port, b_port;

  g_return_val_if_fail (endpoint != NULL, FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  base = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  if (base == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (base), g_uri_get_scheme (uri)) != 0)
    return FALSE;
  a_host = g_uri_get_host (base);
  b_host = g_uri_get_host (uri);
  if (a_host == NULL || b_host == NULL || g_ascii_strcasecmp (a_host, b_host) != 0)
    return FALSE;
  a_port = g_uri_get_port (base);
  b_port = g_uri_get_port (uri);
  if (a_port == -1)
    a_port = g_ascii_strcasecmp (g_uri_get_scheme (base), "https") == 0 ? 443 : 80;
  if (b_port == -1)
    b_port = g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
  return a_port == b_port;
}

/* A repository's page on the Hub at endpoint (NULL for the default):
 * models at the root, other kinds under their own path. */
char *
hub_endpoint_repo_url (const char    *endpoint,
                       const HubRepo *repo)
{
  const char *base = endpoint ? endpoint : HUB_DEFAULT_ENDPOINT;

  switch (repo->kind)
    {
    case HUB_REPO_KIND_MODEL:
      return g_strconcat (base, "/", repo->name, NULL);
    case HUB_REPO_KIND_DATASET:
      return g_strconcat (base, "/datasets/", repo->name, NULL);
    case HUB_REPO_KIND_SPACE:
      return g_strconcat (base, "/spaces/", repo->name, NULL);
    case HUB_REPO_KIND_OTHER:
    default:
      return g_strconcat (base, "/", repo->type, "s/", repo->name, NULL);
    }
}
