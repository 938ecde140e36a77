/* hub-net-error.h: the errors of the Hub client, the token store and the cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HUB_NET_ERROR (hub_net_error_quark ())

/* Every message is translated and names what the user can act on; none
 * contains the token. */
typedef enum
{
  HUB_NET_ERROR_INVALID_ENDPOINT,      /* not a URL, or with a query, user or fragment */
  HUB_NET_ERROR_INSECURE_ENDPOINT,     /* plain http:// to a host other than loopback */
  HUB_NET_ERROR_NO_TOKEN,              /* no token anywhere (the command line) */
  HUB_NET_ERROR_UNAUTHORIZED,          /* 401: the token was rejected */
  HUB_NET_ERROR_FORBIDDEN,             /* 403: no plan for it, or no access for the token */
  HUB_NET_ERROR_NOT_FOUND,             /* 404: no such organisation */
  HUB_NET_ERROR_RATE_LIMITED,          /* 429, after waiting as long as allowed */
  HUB_NET_ERROR_SERVER,                /* 5xx, after three tries */
  HUB_NET_ERROR_HTTP,                  /* any other unexpected status */
  HUB_NET_ERROR_NOT_BREAKDOWN,         /* a web page or another body that is no breakdown */
  HUB_NET_ERROR_TRUNCATED,             /* the connection dropped before the whole body */
  HUB_NET_ERROR_TIMEOUT,               /* no bytes for the time-out (30 s) */
  HUB_NET_ERROR_OFFLINE,               /* could not connect, and the system says it is offline */
  HUB_NET_ERROR_CONNECTION,            /* could not connect (refused, DNS, TLS) */
  HUB_NET_ERROR_BAD_RESPONSE,          /* JSON that is not what the Hub sends, a bad redirect */
  HUB_NET_ERROR_KEYRING_UNAVAILABLE,   /* missing, locked or refused: the token is kept for this run */
  HUB_NET_ERROR_CACHE_MISSING,         /* nothing cached for this endpoint and organisation */
  HUB_NET_ERROR_CACHE_INVALID,         /* corrupt, truncated, foreign or from another version */
  HUB_NET_ERROR_INVALID_TOKEN,         /* HF_TOKEN with a control character: nothing is sent */
} HubNetError;

GQuark hub_net_error_quark (void);

G_END_DECLS
