/* hub-client.c: the Hub's HTTP API, for one endpoint and one token
 *
 * Every request runs in a worker thread (libsoup ≥ 3.2 lets a session send
 * from any thread) and reads its body synchronously there, so that the
 * breakdown goes into the parser chunk by chunk as it arrives and the main
 * thread only sees the result. Redirects, retries and errors are handled
 * here, once, for every kind of request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "hub-client-private.h"
#include "hub-endpoint.h"
#include "hub-net-error.h"
#include "hub-token-store.h"

#define DEFAULT_TIMEOUT        30     /* seconds without a byte */
#define DEFAULT_MAX_RETRY_WAIT 60     /* the longest Retry-After we wait for, seconds */
#define DEFAULT_RETRY_DELAY    1000   /* the first back-off after a 5xx, ms */
#define MAX_TRIES              3
#define MAX_REDIRECTS          10


G_DEFINE_FINAL_TYPE (HubClient, hub_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENDPOINT,
  PROP_TOKEN,
  PROP_TIMEOUT,
  PROP_MAX_RETRY_WAIT,
  PROP_RETRY_DELAY,
  PROP_NETWORK_MONITOR,
  PROP_CACHE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
request_free (Request *request)
{
  g_free (request->org);
  g_clear_object (&request->raw_copy);
  g_clear_object (&request->cache);
  g_clear_pointer (&request->fetched_at, g_date_time_unref);
  g_clear_pointer (&request->partial, g_ptr_array_unref);
  g_free (request);
}

/* Waiting (Retry-After, back-off) that a cancellation cuts short. */
static gboolean
wait_ms (HubClient     *self,
         guint          ms,
         GCancellable  *cancellable,
         GError       **error)
{
  GPollFD pollfd;

  if (self->sleep_func != NULL)
    self->sleep_func (ms, cancellable, self->sleep_data);
  else if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &pollfd))
    {
      g_poll (&pollfd, 1, (int) ms);
      g_cancellable_release_fd (cancellable);
    }
  else
    g_usleep ((gulong) ms * 1000);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Errors */

/* host[:port] of uri, as messages name it. */
static char *
uri_host (GUri *uri)
{
  if (g_uri_get_host (uri) == NULL)
    return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

/* host is where the request was going: after a redirect, not the endpoint. */
static GError *
transport_error (HubClient  *self,
                 const char *host,
                 GError     *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_TIMEOUT,
                        _("%s did not answer for %u seconds. Check the connection and try again."),
                        host, self->timeout);
  /* The monitor only chooses the words: the request was tried anyway. */
  if (!g_network_monitor_get_network_available (self->network_monitor))
    return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_OFFLINE,
                        _("This computer seems to be offline: %s could not be reached (%s)"),
                        host, error->message);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_CONNECTION,
                        _("The secure connection to %s failed: %s"), host, error->message);
  return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_CONNECTION,
                      _("Could not reach %s (%s)"), host, error->message);
}

/* An error while reading the body of msg. */
GError *
hub_client_read_error (HubClient   *self,
                       SoupMessage *msg,
                       GError      *error,
                       const char  *what,
                       guint64      bytes)
{
  g_autofree char *size = g_format_size (bytes);
  g_autofree char *host = uri_host (soup_message_get_uri (msg));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return transport_error (self, host, error);
  /* Translators: the first %s is what was being read ("the download breakdown of acme"). */
  return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_TRUNCATED,
                      _("The connection to %s dropped after %s of %s. Nothing was changed; "
                        "try again."), host, size, what);
}

static GError *
status_error (HubClient   *self,
              SoupMessage *msg,
              RequestKind  kind,
              const char  *org)
{
  guint status = soup_message_get_status (msg);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_UNAUTHORIZED,
                          _("%s refused the token: it may have expired or been revoked. "
                            "Sign in again with a valid token."), self->host);
    case SOUP_STATUS_FORBIDDEN:
      if (kind == REQUEST_BREAKDOWN)
        return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN,
                            _("The download breakdown of %s is not available to this token: "
                              "the organisation needs a Team or Enterprise plan, and the token "
                              "needs access to %s."), org, org);
      if (org != NULL)
        return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN,
                            _("The token has no access to the repositories of %s."), org);
      return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN,
                          _("%s did not allow this token to read the account."), self->host);
    case SOUP_STATUS_NOT_FOUND:
      if (org != NULL)
        return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_NOT_FOUND,
                            _("There is no organisation called “%s” on %s."), org, self->host);
      return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_NOT_FOUND,
                          _("%s does not answer like a Hugging Face Hub: check the endpoint."),
                          self->host);
    default:
      if (SOUP_STATUS_IS_SERVER_ERROR (status))
        return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_SERVER,
                            _("%s has a problem (HTTP %u) and did not answer after %d tries. "
                              "Try again later."), self->host, status, MAX_TRIES);
      return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_HTTP,
                          _("%s answered with an unexpected error (HTTP %u)."), self->host, status);
    }
}

/* Retry-After: seconds or an HTTP date; -1 when absent or unreadable. */
static gint64
retry_after_seconds (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
    return (gint64) seconds;
  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return -1;
  now = g_date_time_new_now_utc ();
  return MAX (g_date_time_difference (date, now) / G_USEC_PER_SEC, 0);
}

/* Sending */

void
hub_client_close_quietly (GInputStream *stream)
{
  if (stream != NULL)
    g_input_stream_close (stream, NULL, NULL);
}

/* One GET, following redirects here: the token goes only to the endpoint's
 * origin, and never to a plain-http host other than loopback. */
static GInputStream *
send_following_redirects (HubClient     *self,
                          GUri          *start,
                          const char    *accept,
                          gboolean       decode_here,
                          SoupMessage  **out_msg,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GUri) uri = g_uri_ref (start);

  for (guint redirects = 0; redirects <= MAX_REDIRECTS; redirects++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GUri) next = NULL;
      g_autofree char *shown = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
      SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
      gboolean with_token = self->token != NULL && hub_endpoint_same_origin (self->endpoint, uri);
      const char *location;
      guint status;

      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      soup_message_headers_replace (headers, "Accept", accept);
      if (decode_here)
        {
          /* libsoup's decoder takes a gzip stream cut short for a whole one:
           * the caller decodes it with GLib, which reports the cut. */
          soup_message_disable_feature (msg, SOUP_TYPE_CONTENT_DECODER);
          soup_message_headers_replace (headers, "Accept-Encoding", "gzip");
        }
      if (with_token)
        {
          char *value = g_strconcat ("Bearer ", self->token, NULL);

          soup_message_headers_replace (headers, "Authorization", value);
          hub_token_free (value);
        }
      g_debug ("GET %s (Authorization: %s)", shown, with_token ? "Bearer [redacted]" : "none");

      stream = soup_session_send (self->session, msg, cancellable, &local_error);
      if (stream == NULL)
        {
          g_autofree char *host = uri_host (uri);

          g_debug ("GET %s failed: %s", shown, local_error->message);
          g_propagate_error (error, transport_error (self, host, local_error));
          return NULL;
        }

      status = soup_message_get_status (msg);
      g_debug ("GET %s: %u", shown, status);
      if (status != SOUP_STATUS_MOVED_PERMANENTLY && status != SOUP_STATUS_FOUND &&
          status != SOUP_STATUS_SEE_OTHER && status != SOUP_STATUS_TEMPORARY_REDIRECT &&
          status != SOUP_STATUS_PERMANENT_REDIRECT)
        {
          *out_msg = g_steal_pointer (&msg);
          return g_steal_pointer (&stream);
        }

      hub_client_close_quietly (stream);
      location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
      if (location != NULL)
        next = g_uri_parse_relative (uri, location, SOUP_HTTP_URI_FLAGS, NULL);
      if (next == NULL || (g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0 &&
                           g_ascii_strcasecmp (g_uri_get_scheme (next), "http") != 0))
        {
          g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
                       _("%s redirected to an address that is not valid."), self->host);
          return NULL;
        }
      if (!hub_uri_is_secure_enough (next))
        {
          g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_INSECURE_ENDPOINT,
                       _("%s redirected to an unencrypted address; it was not followed."),
                       self->host);
          return NULL;
        }
      g_clear_pointer (&uri, g_uri_unref);
      uri = g_steal_pointer (&next);
    }

  g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
               _("%s redirected too many times."), self->host);
  return NULL;
}

/* A GET with the retry policy: 429 after Retry-After (when it is not too
 * long), 5xx with a doubling back-off; MAX_TRIES in all. Returns the body of
 * a 2xx answer. */
GInputStream *
hub_client_send_request (HubClient     *self,
                         GUri          *uri,
                         RequestKind    kind,
                         const char    *org,
                         const char    *accept,
                         SoupMessage  **out_msg,
                         GCancellable  *cancellable,
                         GError       **error)
{
  guint delay = self->retry_delay;

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GInputStream) stream = NULL;
      guint status;

      stream = send_following_redirects (self, uri, accept, kind == REQUEST_BREAKDOWN, &msg,
                                         cancellable, error);
      if (stream == NULL)
        return NULL;

      status = soup_message_get_status (msg);
      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          *out_msg = g_steal_pointer (&msg);
          return g_steal_pointer (&stream);
        }
      hub_client_close_quietly (stream);

      if (status == 429)
        {
          gint64 wait = retry_after_seconds (msg);
          guint wait_for = wait >= 0 ? (guint) MIN (wait, G_MAXINT32 / 1000) * 1000 : delay;

          if (attempt >= MAX_TRIES || wait > (gint64) self->max_retry_wait)
            {
              if (wait > 0)
                g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_RATE_LIMITED,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%s is limiting requests: try again in %u second.",
                                          "%s is limiting requests: try again in %u seconds.",
                                          (gulong) wait),
                             self->host, (guint) MIN (wait, G_MAXUINT));
              else
                g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_RATE_LIMITED,
                             _("%s is limiting requests: try again in a few minutes."),
                             self->host);
              return NULL;
            }
          g_debug ("Rate limited, waiting %u ms", wait_for);
          if (!wait_ms (self, wait_for, cancellable, error))
            return NULL;
          delay *= 2;
          continue;
        }

      if (SOUP_STATUS_IS_SERVER_ERROR (status) && attempt < MAX_TRIES)
        {
          g_debug ("Server error %u, trying again in %u ms", status, delay);
          if (!wait_ms (self, delay, cancellable, error))
            return NULL;
          delay *= 2;
          continue;
        }

      g_propagate_error (error, status_error (self, msg, kind, org));
      return NULL;
    }
}

GUri *
hub_client_api_uri (HubClient   *self,
                    const char  *path_and_query,
                    GError     **error)
{
  g_autofree char *endpoint = hub_endpoint_normalize (self->endpoint, error);
  g_autofree char *url = NULL;

  if (endpoint == NULL)
    return NULL;
  url = g_strconcat (endpoint, path_and_query, NULL);
  return g_uri_parse (url, SOUP_HTTP_URI_FLAGS, error);
}

gboolean
hub_client_header_has_token (const char *value,
                             const char *token)
{
  return value != NULL && g_ascii_strncasecmp (value, token, strlen (token)) == 0;
}

/* GObject */

static void
hub_client_constructed (GObject *object)
{
  HubClient *self = HUB_CLIENT (object);
  g_autofree char *user_agent = g_strconcat ("hub-analytics/", PACKAGE_VERSION, NULL);
  g_autoptr(GUri) uri = NULL;

  G_OBJECT_CLASS (hub_client_parent_class)->constructed (object);

  if (self->endpoint == NULL)
    self->endpoint = g_strdup (HUB_DEFAULT_ENDPOINT);
  uri = g_uri_parse (self->endpoint, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && g_uri_get_host (uri) != NULL)
    self->host = g_uri_get_port (uri) > 0
                   ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
                   : g_strdup (g_uri_get_host (uri));
  else
    self->host = g_strdup (self->endpoint);

  if (self->network_monitor == NULL)
    self->network_monitor = g_object_ref (g_network_monitor_get_default ());

  /* Configured here, before any request, as libsoup asks of a session that
   * sends from several threads; let go of in this thread too. */
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", self->timeout,
                                                 "proxy-resolver", g_proxy_resolver_get_default (),
                                                 NULL);
  if (!soup_session_has_feature (self->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
}

/* The session is released by the source's destroy notify, after this runs
 * or when the context goes away. */
static gboolean
release_session_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
hub_client_finalize (GObject *object)
{
  HubClient *self = HUB_CLIENT (object);

  /* A worker may drop the last reference: the session goes back to the
   * thread that made it (or with its main context). */
  if (g_thread_self () == self->owner)
    g_clear_object (&self->session);
  else
    {
      g_autoptr(GSource) idle = g_idle_source_new ();

      g_source_set_callback (idle, release_session_cb,
                             g_steal_pointer (&self->session), g_object_unref);
      g_source_set_static_name (idle, "[hub-analytics] release the HTTP session");
      g_source_attach (idle, self->context);
    }
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->endpoint);
  hub_token_free (self->token);
  g_free (self->host);
  g_clear_object (&self->network_monitor);
  g_clear_object (&self->cache);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (hub_client_parent_class)->finalize (object);
}

static void
hub_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HubClient *self = HUB_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_RETRY_WAIT:
      g_value_set_uint (value, self->max_retry_wait);
      break;
    case PROP_RETRY_DELAY:
      g_value_set_uint (value, self->retry_delay);
      break;
    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->network_monitor);
      break;
    case PROP_CACHE:
      g_value_take_object (value, hub_client_get_cache (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HubClient *self = HUB_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      self->endpoint = g_value_dup_string (value);
      break;
    case PROP_TOKEN:
      hub_token_free (self->token);
      self->token = g_value_dup_string (value);
      if (self->token != NULL && *self->token == '\0')
        g_clear_pointer (&self->token, g_free);
      break;
    case PROP_TIMEOUT:
      self->timeout = g_value_get_uint (value);
      break;
    case PROP_MAX_RETRY_WAIT:
      if (self->max_retry_wait != g_value_get_uint (value))
        {
          self->max_retry_wait = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_RETRY_DELAY:
      if (self->retry_delay != g_value_get_uint (value))
        {
          self->retry_delay = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_NETWORK_MONITOR:
      self->network_monitor = g_value_dup_object (value);
      break;
    case PROP_CACHE:
      hub_client_set_cache (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_client_class_init (HubClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hub_client_constructed;
  object_class->finalize = hub_client_finalize;
  object_class->get_property = hub_client_get_property;
  object_class->set_property = hub_client_set_property;

  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Write-only: the token cannot be read back out of the object. */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_RETRY_WAIT] =
    g_param_spec_uint ("max-retry-wait", NULL, NULL, 0, G_MAXUINT, DEFAULT_MAX_RETRY_WAIT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RETRY_DELAY] =
    g_param_spec_uint ("retry-delay", NULL, NULL, 0, 60000, DEFAULT_RETRY_DELAY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CACHE] =
    g_param_spec_object ("cache", NULL, NULL, HUB_TYPE_CACHE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_client_init (HubClient *self)
{
  g_mutex_init (&self->lock);
  self->timeout = DEFAULT_TIMEOUT;
  self->max_retry_wait = DEFAULT_MAX_RETRY_WAIT;
  self->retry_delay = DEFAULT_RETRY_DELAY;
}

/* Public API */

HubClient *
hub_client_new (const char *endpoint,
                const char *token)
{
  g_return_val_if_fail (endpoint != NULL, NULL);

  return g_object_new (HUB_TYPE_CLIENT, "endpoint", endpoint, "token", token, NULL);
}

const char *
hub_client_get_endpoint (HubClient *self)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);

  return self->endpoint;
}

void
hub_client_set_cache (HubClient *self,
                      HubCache  *cache)
{
  gboolean changed;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (cache == NULL || HUB_IS_CACHE (cache));

  g_mutex_lock (&self->lock);
  changed = g_set_object (&self->cache, cache);
  g_mutex_unlock (&self->lock);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE]);
}

void
hub_client_set_sleep_func (HubClient          *self,
                           HubClientSleepFunc  func,
                           gpointer            user_data)
{
  g_return_if_fail (HUB_IS_CLIENT (self));

  self->sleep_func = func;
  self->sleep_data = user_data;
}

/* Returns a new reference (or NULL): the cache may be changed from another thread. */
HubCache *
hub_client_get_cache (HubClient *self)
{
  HubCache *cache;

  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);

  g_mutex_lock (&self->lock);
  cache = self->cache ? g_object_ref (self->cache) : NULL;
  g_mutex_unlock (&self->lock);
  return cache;
}

void
hub_client_request_start (HubClient           *self,
                          RequestKind          kind,
                          const char          *org,
                          HubProgress         *progress,
                          GOutputStream       *raw_copy,
                          gpointer             source_tag,
                          GTaskThreadFunc      thread_func,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (raw_copy == NULL || G_IS_OUTPUT_STREAM (raw_copy));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  request = g_new0 (Request, 1);
  request->kind = kind;
  request->org = g_strdup (org);
  request->progress = progress;
  request->raw_copy = raw_copy ? g_object_ref (raw_copy) : NULL;
  request->cache = hub_client_get_cache (self);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, thread_func);
}

gpointer
hub_client_request_finish (HubClient     *self,
                                   GAsyncResult  *result,
                                   gpointer       source_tag,
                                   Request      **request,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (request != NULL)
    *request = g_task_get_task_data (G_TASK (result));
  return g_task_propagate_pointer (G_TASK (result), error);
}
