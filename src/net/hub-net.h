/* hub-net.h: everything src/net offers the UI: the endpoint, the token
 * store, the Hub client and the offline cache
 *
 * The usual flow, all on the main thread with _async/_finish pairs:
 *
 *   endpoint = hub_endpoint_resolve (g_settings_get_string (s, "endpoint"), &src, &error);
 *   store = hub_token_store_new ();
 *   hub_token_store_lookup_async (store, endpoint, …)   → token, HubTokenSource, path
 *   cache = hub_cache_new (NULL);
 *   hub_cache_load_dataset_async (cache, endpoint, org, …) → show it at once, with its age
 *   client = hub_client_new (endpoint, token);
 *   hub_client_set_cache (client, cache);               → complete fetches are saved
 *   hub_client_fetch_breakdown_async (client, org, &progress, NULL, cancellable, …)
 *   hub_client_whoami_async (client, …)                 → on sign-in; cached beside
 *   hub_token_store_store_async (store, endpoint, token, …) after a good whoami
 *   hub_client_list_repos_async (client, org, …)        → likes, private, lastModified
 *   hub_client_list_author_async (client, name, &progress, …) → any author's public
 *                                                         figures, with no token too
 *
 * A failed call changes nothing: the caller keeps what it shows, and the
 * cache keeps the last good fetch. Errors are HUB_NET_ERROR's (see
 * hub-net-error.h), translated, and never contain the token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-net-error.h"
#include "hub-endpoint.h"
#include "hub-token-store.h"
#include "hub-whoami.h"
#include "hub-repo-info.h"
#include "hub-cache.h"
#include "hub-client.h"
#include "hub-history.h"
