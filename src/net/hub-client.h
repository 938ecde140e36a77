/* hub-client.h: the Hub's HTTP API, for one endpoint and one token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-cache.h"
#include "hub-dataset.h"
#include "hub-loader.h"
#include "hub-repo-info.h"
#include "hub-whoami.h"

G_BEGIN_DECLS

#define HUB_TYPE_CLIENT (hub_client_get_type ())

G_DECLARE_FINAL_TYPE (HubClient, hub_client, HUB, CLIENT, GObject)

/* A client for endpoint (as hub_endpoint_resolve gives it) with token (may
 * be NULL for public calls). One SoupSession; the system proxy settings; a
 * User-Agent of hub-analytics/VERSION; no bytes for 30 s is a time-out.
 * The token is sent only to the endpoint's origin (scheme, host, port):
 * redirects are followed here, a cross-origin one without it. An http://
 * endpoint other than loopback is refused at the first request. Make it on
 * the main thread; its calls may come from any thread. */
HubClient   *hub_client_new                  (const char     *endpoint,
                                              const char     *token);
const char  *hub_client_get_endpoint         (HubClient      *self);

/* When set, each complete breakdown and whoami answer is saved in cache
 * (a failed or partial fetch never touches it). get_cache returns a new
 * reference, or NULL. */
void         hub_client_set_cache            (HubClient      *self,
                                              HubCache       *cache);
HubCache    *hub_client_get_cache            (HubClient      *self);

/* Fetches the download breakdown of org, streaming the body into the parser
 * in a worker thread as it arrives. progress (may be NULL; it must outlive
 * the call) gets bytes and rows as they come, and total_bytes when the Hub
 * gives a length. raw_copy (may be NULL) receives the body as it is read,
 * from the worker thread. A gzip body is decoded here, so that a transfer
 * cut short is HUB_NET_ERROR_TRUNCATED whatever its framing. 429 is retried
 * after Retry-After (up to a limit), 5xx up to three tries. Errors are
 * HUB_NET_ERROR's, or HUB_PARSE_ERROR for a breakdown with a bad row, or
 * G_IO_ERROR_CANCELLED. */
void         hub_client_fetch_breakdown_async  (HubClient      *self,
                                                const char     *org,
                                                HubProgress    *progress,
                                                GOutputStream  *raw_copy,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
/* raw_size (may be NULL): the body's size in bytes, as decoded. fetched_at
 * (may be NULL): when the answer came. */
HubDataset  *hub_client_fetch_breakdown_finish (HubClient      *self,
                                                GAsyncResult   *result,
                                                guint64        *raw_size,
                                                GDateTime     **fetched_at,
                                                GError        **error);

/* GET /api/whoami-v2: who the token belongs to, their organisations and the
 * token's role. */
void         hub_client_whoami_async         (HubClient      *self,
                                              GCancellable   *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
HubWhoami   *hub_client_whoami_finish        (HubClient      *self,
                                              GAsyncResult   *result,
                                              GError        **error);

/* Every model and dataset of org (/api/models and /api/datasets with
 * author=ORG and the expand= fields), following Link: rel="next". Returns
 * a GPtrArray of HubRepoInfo, models first. */
void         hub_client_list_repos_async     (HubClient      *self,
                                              const char     *org,
                                              GCancellable   *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
GPtrArray   *hub_client_list_repos_finish    (HubClient      *self,
                                              GAsyncResult   *result,
                                              GError        **error);

/* The public figures of author, an organisation or a user: every model,
 * dataset and space from /api/models, /api/datasets and /api/spaces with
 * author=NAME and the expand= fields of DESIGN.md ("Public figures and
 * history"), following Link: rel="next", one request a page. No token is
 * needed; with one, the private repositories it may see come too. 429 waits
 * for Retry-After and 5xx is tried again, as for the breakdown. progress
 * (may be NULL; it must outlive the call) counts the bytes read and the
 * repositories (rows) listed so far. Returns a GPtrArray of HubRepoInfo,
 * models, then datasets, then spaces; fetched_at (may be NULL): when the
 * last page came. On failure, partial (may be NULL) receives what arrived
 * before it (or NULL): show it if you like, but it is no snapshot. */
void         hub_client_list_author_async    (HubClient      *self,
                                              const char     *author,
                                              HubProgress    *progress,
                                              GCancellable   *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
GPtrArray   *hub_client_list_author_finish   (HubClient      *self,
                                              GAsyncResult   *result,
                                              GPtrArray     **partial,
                                              GDateTime     **fetched_at,
                                              GError        **error);

G_END_DECLS
