/* hub-client-private.h: what the client's files share (its state, one
 * request's sending with its redirects, retries and errors), and its retry
 * clock, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "hub-client.h"

G_BEGIN_DECLS

#define READ_CHUNK (256 * 1024)

/* How the client waits ms milliseconds before a retry (Retry-After, the
 * back-off after a 5xx), from the request's worker thread; the client
 * checks cancellable afterwards. */
typedef void (*HubClientSleepFunc) (guint         ms,
                                    GCancellable *cancellable,
                                    gpointer      user_data);

struct _HubClient
{
  GObject          parent_instance;

  SoupSession     *session;
  GMainContext    *context;          /* where the session was made */
  GThread         *owner;
  char            *endpoint;
  char            *token;
  char            *host;             /* the endpoint's host[:port], for messages */
  guint            timeout;
  guint            max_retry_wait;
  guint            retry_delay;
  GNetworkMonitor *network_monitor;

  GMutex           lock;             /* guards cache */
  HubCache        *cache;

  HubClientSleepFunc sleep_func;     /* how retries wait; NULL for the clock */
  gpointer         sleep_data;
};

typedef enum
{
  REQUEST_BREAKDOWN,
  REQUEST_WHOAMI,
  REQUEST_LIST,
} RequestKind;

typedef struct
{
  RequestKind    kind;
  char          *org;
  HubProgress   *progress;
  GOutputStream *raw_copy;
  HubCache      *cache;
  guint64        raw_size;
  GDateTime     *fetched_at;
  GPtrArray     *partial;     /* the listings that arrived before a failure */
} Request;

GError        *hub_client_read_error (HubClient   *self,
                                      SoupMessage *msg,
                                      GError      *error,
                                      const char  *what,
                                      guint64      bytes);
void           hub_client_close_quietly (GInputStream *stream);
GInputStream  *hub_client_send_request (HubClient     *self,
                                        GUri          *uri,
                                        RequestKind    kind,
                                        const char    *org,
                                        const char    *accept,
                                        SoupMessage  **out_msg,
                                        GCancellable  *cancellable,
                                        GError       **error);
GUri          *hub_client_api_uri (HubClient   *self,
                                   const char  *path_and_query,
                                   GError     **error);
gboolean       hub_client_header_has_token (const char *value,
                                            const char *token);
/* Runs thread_func in a thread on a request for org (NULL for whoami),
 * whose task's data is the Request. */
void           hub_client_request_start (HubClient           *self,
                                         RequestKind          kind,
                                         const char          *org,
                                         HubProgress         *progress,
                                         GOutputStream       *raw_copy,
                                         gpointer             source_tag,
                                         GTaskThreadFunc      thread_func,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* What the request's thread returned (NULL and error when it failed), and
 * the Request, for what else it found. */
gpointer       hub_client_request_finish (HubClient     *self,
                                          GAsyncResult  *result,
                                          gpointer       source_tag,
                                          Request      **request,
                                          GError       **error);

/* Replaces the clock of every later request; NULL gives it back. */
void hub_client_set_sleep_func (HubClient          *self,
                                HubClientSleepFunc  func,
                                gpointer            user_data);

G_END_DECLS
