/* hub-endpoint.h: which Hub to talk to, where its token may go, and where
 * a repository's page is on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

#define HUB_DEFAULT_ENDPOINT "https://huggingface.co"

typedef enum
{
  HUB_ENDPOINT_SOURCE_ENV,         /* HF_ENDPOINT */
  HUB_ENDPOINT_SOURCE_PREFERENCE,  /* the endpoint preference (GSettings) */
  HUB_ENDPOINT_SOURCE_DEFAULT,     /* https://huggingface.co */
} HubEndpointSource;

/* Checks an endpoint and returns it without a trailing slash: https://, or
 * http:// only to a loopback host (127.0.0.0/8, ::1, localhost); no user,
 * query or fragment. HUB_NET_ERROR_INVALID_ENDPOINT or _INSECURE_ENDPOINT. */
char     *hub_endpoint_normalize     (const char         *endpoint,
                                      GError            **error);

/* The endpoint in DESIGN.md's order: HF_ENDPOINT when set and not empty,
 * else preference (the GSettings value, may be NULL or "") when not empty,
 * else HUB_DEFAULT_ENDPOINT. An invalid value is an error, not skipped: the
 * user asked for it. source (may be NULL) says where it came from. */
char     *hub_endpoint_resolve       (const char         *preference,
                                      HubEndpointSource  *source,
                                      GError            **error);

/* TRUE when uri has the same scheme, host and port as endpoint: the only
 * origin the token is sent to. */
gboolean  hub_endpoint_same_origin   (const char         *endpoint,
                                      GUri               *uri);

/* TRUE for http:// to a loopback host or any https:// URI. */
gboolean  hub_uri_is_secure_enough   (GUri               *uri);

char     *hub_endpoint_repo_url      (const char         *endpoint,
                                     const HubRepo      *repo);

G_END_DECLS
