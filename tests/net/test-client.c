/* test-client.c: the Hub client against a SoupServer that plays the Hub
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fake-hub.h"
#include "hub-core.h"
#include "hub-client-private.h"
#include "hub-net.h"

static HubDataset *
fetch_full (HubClient     *client,
            const char    *org,
            HubProgress   *progress,
            GOutputStream *raw_copy,
            GCancellable  *cancellable,
            guint64       *raw_size,
            GError       **error)
{
  g_auto(HubAsyncWait) wait = { 0 };
  HubDataset *dataset;

  hub_client_fetch_breakdown_async (client, org, progress, raw_copy, cancellable, hub_async_wait_cb, &wait);
  dataset = hub_client_fetch_breakdown_finish (client, hub_async_wait (&wait, 30), raw_size, NULL, error);
  return dataset;
}

static HubDataset *
fetch (HubClient   *client,
       const char  *org,
       GError     **error)
{
  return fetch_full (client, org, NULL, NULL, NULL, NULL, error);
}

/* An error of that code, whose message never shows the token. */
static void
assert_net_error (GError *error,
                  int     code)
{
  g_assert_error (error, HUB_NET_ERROR, code);
  g_assert_null (strstr (error->message, FAKE_TOKEN));
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
assert_same_as_fixture (HubDataset *dataset,
                        FakeHub    *hub)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) expected = hub_dataset_load_bytes (hub->breakdown, "fixture", &error);
  const HubTotals *a, *b;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  a = hub_dataset_get_totals (dataset);
  b = hub_dataset_get_totals (expected);
  g_assert_cmpuint (a->rows, ==, b->rows);
  g_assert_cmpuint (a->repos, ==, b->repos);
  g_assert_cmpint (a->all_time, ==, b->all_time);
  g_assert_cmpint (a->last_month, ==, b->last_month);
  g_assert_cmpint (a->as_of, ==, b->as_of);
  g_assert_cmpuint (a->rows, >, 1000);
}

static void
test_content_length (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  HubProgress progress = { 0 };
  guint64 raw_size = 0;

  dataset = fetch_full (client, "acme", &progress, NULL, NULL, &raw_size, &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_cmpuint (raw_size, ==, g_bytes_get_size (hub->breakdown));
  g_assert_cmpuint (progress.total_bytes, ==, g_bytes_get_size (hub->breakdown));
  g_assert_cmpuint (atomic_load (&progress.bytes), ==, g_bytes_get_size (hub->breakdown));
  g_assert_cmpuint (atomic_load (&progress.rows), ==, hub_dataset_get_totals (dataset)->rows);
  g_assert_false (hub->bad_agent);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_chunked (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  HubProgress progress = { 0 };

  dataset = fetch_full (client, "chunked", &progress, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_cmpuint (progress.total_bytes, ==, 0);
  g_assert_cmpuint (atomic_load (&progress.bytes), ==, g_bytes_get_size (hub->breakdown));
}

/* The body goes into the parser as it arrives: rows are counted while the
 * server is still sending. */
static void
test_slow_progress (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  HubProgress progress = { 0 };
  g_auto(HubAsyncWait) wait = { 0 };
  gboolean seen_partial = FALSE;
  gsize size = g_bytes_get_size (hub->breakdown);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  hub_client_fetch_breakdown_async (client, "slow", &progress, NULL, NULL, hub_async_wait_cb, &wait);
  while (!wait.done && g_get_monotonic_time () < deadline)
    {
      guint64 bytes = atomic_load (&progress.bytes);

      if (bytes > 0 && bytes < size && atomic_load (&progress.rows) > 0)
        seen_partial = TRUE;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (wait.done);
  dataset = hub_client_fetch_breakdown_finish (client, wait.result, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_true (seen_partial);
}

static void
test_gzip (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  guint64 raw_size = 0;

  dataset = fetch_full (client, "gzip", NULL, NULL, NULL, &raw_size, &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_nonnull (strstr (hub->last_accept_encoding, "gzip"));
  g_assert_cmpuint (raw_size, ==, g_bytes_get_size (hub->breakdown));
}

/* The raw copy receives exactly the body. */
static void
test_raw_copy (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) copy = NULL;

  dataset = fetch_full (client, "chunked", NULL, out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  copy = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_bytes_equal (copy, hub->breakdown));
}

/* host:port of a test server's URL, as messages name it. */
static const char *
url_host (const char *url)
{
  return url + strlen ("http://");
}

/* Every framing of a cut transfer is reported as a short Content-Length
 * body is: the same error, the same words. */
static void
test_cut (gconstpointer data)
{
  const char *mode = data;
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *expected = NULL;

  hub->mode = mode;
  dataset = fetch (client, "acme", &error);
  g_test_message ("%s: %s", mode, error ? error->message : "no error");
  assert_net_error (error, HUB_NET_ERROR_TRUNCATED);
  g_assert_null (dataset);
  expected = g_strdup_printf ("The connection to %s dropped after * of the download breakdown "
                              "of acme. Nothing was changed; try again.", url_host (hub->url));
  g_assert_true (g_pattern_match_simple (expected, error->message));
}

/* A time-out after a redirect names the host that did not answer. */
static void
test_redirect_timeout (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = g_object_new (HUB_TYPE_CLIENT, "endpoint", hub->url,
                                              "token", FAKE_TOKEN, "timeout", 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = fetch (client, "cdn-stall", &error);

  assert_net_error (error, HUB_NET_ERROR_TIMEOUT);
  g_assert_cmpuint (hub->cdn_hits, ==, 1);
  g_assert_nonnull (strstr (error->message, url_host (hub->cdn_url)));
  g_assert_null (strstr (error->message, url_host (hub->url)));
}

/* The retry clock, in place of the real one: it records each wait. */
typedef struct
{
  GMutex        lock;
  GArray       *waits;        /* guint, ms */
  GCancellable *cancel_on;    /* cancelled at the first wait, when set */
} Clock;

static void
clock_sleep (guint         ms,
             GCancellable *cancellable,
             gpointer      user_data)
{
  Clock *clock = user_data;

  g_mutex_lock (&clock->lock);
  g_array_append_val (clock->waits, ms);
  g_mutex_unlock (&clock->lock);
  if (clock->cancel_on != NULL)
    g_cancellable_cancel (clock->cancel_on);
}

static void
clock_init (Clock     *clock,
            HubClient *client)
{
  g_mutex_init (&clock->lock);
  clock->waits = g_array_new (FALSE, FALSE, sizeof (guint));
  clock->cancel_on = NULL;
  hub_client_set_sleep_func (client, clock_sleep, clock);
}

static void
clock_clear (Clock *clock)
{
  g_array_unref (clock->waits);
  g_mutex_clear (&clock->lock);
}

static guint
clock_wait (Clock *clock,
            guint  i)
{
  g_assert_cmpuint (i, <, clock->waits->len);
  return g_array_index (clock->waits, guint, i);
}

/* A cancel while the Hub stalls ends the fetch at once, without waiting
 * for the time-out. */
static void
test_cancel (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("stall");
  g_auto(HubAsyncWait) wait = { 0 };

  hub_client_fetch_breakdown_async (client, "stall", NULL, NULL, cancellable, hub_async_wait_cb,
                                    &wait);
  fake_hub_wait_for_hits (hub, path, 1, 10);
  g_cancellable_cancel (cancellable);
  /* Well within the 30 s time-out. */
  dataset = hub_client_fetch_breakdown_finish (client, hub_async_wait (&wait, 10), NULL, NULL,
                                               &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (dataset);
}

static void
test_timeout (gconstpointer data)
{
  const char *org = data;
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = g_object_new (HUB_TYPE_CLIENT, "endpoint", hub->url,
                                              "token", FAKE_TOKEN, "timeout", 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  guint timeout = 0;

  g_object_get (client, "timeout", &timeout, NULL);
  g_assert_cmpuint (timeout, ==, 1);
  dataset = fetch (client, org, &error);
  assert_net_error (error, HUB_NET_ERROR_TIMEOUT);
  g_assert_null (dataset);
}

static void
test_default_timeout (void)
{
  g_autoptr(HubClient) client = hub_client_new ("https://huggingface.co", NULL);
  guint timeout = 0;

  g_object_get (client, "timeout", &timeout, NULL);
  g_assert_cmpuint (timeout, ==, 30);
}

typedef struct
{
  const char *org;
  int         code;
} ErrorCase;

static void
test_error_org (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;

  dataset = fetch (client, c->org, &error);
  g_test_message ("%s: %s", c->org, error ? error->message : "no error");
  assert_net_error (error, c->code);
  g_assert_null (dataset);
}

static void
test_401_wrong_token (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, "hf_wrongWRONGwrong");
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = fetch (client, "acme", &error);

  assert_net_error (error, HUB_NET_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "hf_wrong"));
}

static void
test_403_names_org (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = fetch (client, "e403", &error);

  assert_net_error (error, HUB_NET_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "e403"));
  g_assert_nonnull (strstr (error->message, "Team or Enterprise"));
}

static void
test_429_retry (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("limited");
  Clock clock;

  clock_init (&clock, client);
  dataset = fetch (client, "limited", &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_cmpuint (fake_hub_hits (hub, path), ==, 2);
  /* It waited for Retry-After: 1, once. */
  g_assert_cmpuint (clock.waits->len, ==, 1);
  g_assert_cmpuint (clock_wait (&clock, 0), ==, 1000);
  clock_clear (&clock);
}

static void
test_429_date (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("limited-date");
  Clock clock;

  clock_init (&clock, client);
  dataset = fetch (client, "limited-date", &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_cmpuint (fake_hub_hits (hub, path), ==, 2);
  /* An HTTP date 2 s ahead, in whole seconds: one or two of them. */
  g_assert_cmpuint (clock.waits->len, ==, 1);
  g_assert_cmpuint (clock_wait (&clock, 0), >=, 1000);
  g_assert_cmpuint (clock_wait (&clock, 0), <=, 2000);
  clock_clear (&clock);
}

/* A cancellation during a Retry-After wait ends the fetch. */
static void
test_429_cancel_wait (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("limited-30");
  Clock clock;

  clock_init (&clock, client);
  clock.cancel_on = cancellable;
  dataset = fetch_full (client, "limited-30", NULL, NULL, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (dataset);
  g_assert_cmpuint (clock.waits->len, ==, 1);
  g_assert_cmpuint (clock_wait (&clock, 0), ==, 30000);
  g_assert_cmpuint (fake_hub_hits (hub, path), ==, 1);
  clock_clear (&clock);
}

/* The real clock: a wait on it ends as soon as the fetch is cancelled. */
static void
test_retry_wait_cancelled (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;

  /* Cancelled before it starts: the first wait (30 s) must not be waited. */
  g_cancellable_cancel (cancellable);
  dataset = fetch_full (client, "limited-30", NULL, NULL, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (dataset);
}

static void
test_429_too_long (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("limited-long");

  dataset = fetch (client, "limited-long", &error);
  assert_net_error (error, HUB_NET_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "3600"));
  g_assert_cmpuint (fake_hub_hits (hub, path), ==, 1);
}

static void
test_5xx_retry (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("flaky");
  Clock clock;

  clock_init (&clock, client);
  dataset = fetch (client, "flaky", &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_cmpuint (fake_hub_hits (hub, path), ==, 3);
  /* The back-off doubles from the retry delay. */
  g_assert_cmpuint (clock.waits->len, ==, 2);
  g_assert_cmpuint (clock_wait (&clock, 0), ==, 10);
  g_assert_cmpuint (clock_wait (&clock, 1), ==, 20);
  clock_clear (&clock);
}

static void
test_5xx_give_up (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("down");

  dataset = fetch (client, "down", &error);
  assert_net_error (error, HUB_NET_ERROR_SERVER);
  g_assert_cmpuint (fake_hub_hits (hub, path), ==, 3);
}

static void
test_redirect_same_origin (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *target = fake_hub_breakdown_path ("acme");

  /* The server answers 401 without the token: the redirect kept it. */
  dataset = fetch (client, "same-origin", &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_cmpuint (fake_hub_hits (hub, target), ==, 1);
}

static void
test_redirect_cross_origin (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;

  dataset = fetch (client, "cdn", &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
  g_assert_cmpuint (hub->cdn_hits, ==, 1);
  g_assert_false (hub->token_leaked);
}

static void
test_insecure_endpoint (void)
{
  g_autoptr(HubClient) client = hub_client_new ("http://example.com", FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = fetch (client, "acme", &error);

  assert_net_error (error, HUB_NET_ERROR_INSECURE_ENDPOINT);
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint16 port;

  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

/* A network monitor that says the computer is offline (GIO's own ones follow
 * the real machine). */
typedef struct
{
  GObject parent_instance;
} OfflineMonitor;

typedef struct
{
  GObjectClass parent_class;
} OfflineMonitorClass;

enum {
  OFFLINE_PROP_0,
  OFFLINE_PROP_AVAILABLE,
  OFFLINE_PROP_METERED,
  OFFLINE_PROP_CONNECTIVITY,
};

static GType offline_monitor_get_type (void);
static void offline_monitor_iface_init (GNetworkMonitorInterface *iface);

static gboolean
offline_monitor_initable_init (GInitable     *initable,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return TRUE;
}

static void
offline_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = offline_monitor_initable_init;
}

G_DEFINE_TYPE_WITH_CODE (OfflineMonitor, offline_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, offline_monitor_initable_iface_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, offline_monitor_iface_init))

static void
offline_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case OFFLINE_PROP_AVAILABLE:
    case OFFLINE_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case OFFLINE_PROP_CONNECTIVITY:
      g_value_set_enum (value, G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
offline_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static void
offline_monitor_class_init (OfflineMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = offline_monitor_get_property;
  g_object_class_override_property (object_class, OFFLINE_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, OFFLINE_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, OFFLINE_PROP_CONNECTIVITY, "connectivity");
}

static void
offline_monitor_init (OfflineMonitor *self)
{
}

static GNetworkMonitor *
offline_monitor (void)
{
  GNetworkMonitor *monitor = g_object_new (offline_monitor_get_type (), NULL);

  g_assert_false (g_network_monitor_get_network_available (monitor));
  return monitor;
}

static void
test_connection_refused (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", free_port ());
  g_autoptr(HubClient) client = hub_client_new (url, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = fetch (client, "acme", &error);

  assert_net_error (error, HUB_NET_ERROR_CONNECTION);
}

/* The network monitor chooses the message; it never stops a request. */
static void
test_offline_hint (void)
{
  g_autoptr(GNetworkMonitor) monitor = offline_monitor ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", free_port ());
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) refused = g_object_new (HUB_TYPE_CLIENT, "endpoint", url,
                                               "token", FAKE_TOKEN,
                                               "network-monitor", monitor, NULL);
  g_autoptr(HubClient) live = g_object_new (HUB_TYPE_CLIENT, "endpoint", hub->url,
                                            "token", FAKE_TOKEN,
                                            "network-monitor", monitor, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) none = fetch (refused, "acme", &error);
  g_autoptr(HubDataset) dataset = NULL;

  assert_net_error (error, HUB_NET_ERROR_OFFLINE);
  g_clear_error (&error);
  dataset = fetch (live, "acme", &error);
  g_assert_no_error (error);
  assert_same_as_fixture (dataset, hub);
}

static void
test_user_agent (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = fetch (client, "acme", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hub->last_agent, ==, "hub-analytics/" PACKAGE_VERSION);
  g_assert_false (hub->bad_agent);
}

static void
test_whoami (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autofree char *dir = g_dir_make_tmp ("hub-net-XXXXXX", NULL);
  g_autoptr(HubCache) cache = hub_cache_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubWhoami) whoami = NULL;
  g_autoptr(HubWhoami) cached = NULL;
  g_autofree char *cached_text = NULL;
  g_autofree char *path = NULL;
  const HubWhoamiOrg *org;
  g_auto(HubAsyncWait) wait = { 0 };

  hub_client_set_cache (client, cache);
  hub_client_whoami_async (client, NULL, hub_async_wait_cb, &wait);
  whoami = hub_client_whoami_finish (client, hub_async_wait (&wait, 30), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (whoami->name, ==, "alice");
  g_assert_cmpstr (whoami->fullname, ==, "Alice Example");
  g_assert_cmpstr (whoami->token_role, ==, "fineGrained");
  g_assert_cmpuint (whoami->orgs->len, ==, 2);
  org = hub_whoami_find_org (whoami, "acme");
  g_assert_nonnull (org);
  g_assert_cmpstr (org->fullname, ==, "Acme Corp");
  g_assert_cmpstr (org->avatar_url, ==, "https://example.com/acme.png");
  g_assert_cmpstr (org->role_in_org, ==, "admin");
  g_assert_null (hub_whoami_find_org (whoami, "nope"));

  /* Cached beside the breakdowns, without the e-mail or anything else. */
  cached = hub_cache_load_whoami (cache, hub->url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cached->name, ==, "alice");
  g_assert_cmpuint (cached->orgs->len, ==, 2);
  path = hub_cache_get_whoami_path (cache, hub->url);
  g_file_get_contents (path, &cached_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (cached_text, "alice@example.com"));
  g_assert_null (strstr (cached_text, FAKE_TOKEN));
  fake_hub_remove_tree (dir);
}

static void
test_whoami_401 (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, "hf_bad");
  g_autoptr(GError) error = NULL;
  g_autoptr(HubWhoami) whoami = NULL;
  g_auto(HubAsyncWait) wait = { 0 };

  hub_client_whoami_async (client, NULL, hub_async_wait_cb, &wait);
  whoami = hub_client_whoami_finish (client, hub_async_wait (&wait, 30), &error);
  assert_net_error (error, HUB_NET_ERROR_UNAUTHORIZED);
}

static void
test_list_repos (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  const HubRepoInfo *info;
  g_auto(HubAsyncWait) wait = { 0 };

  hub_client_list_repos_async (client, "acme", NULL, hub_async_wait_cb, &wait);
  infos = hub_client_list_repos_finish (client, hub_async_wait (&wait, 30), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 4);
  g_assert_cmpuint (fake_hub_hits (hub, "/api/models"), ==, 2);
  g_assert_cmpuint (fake_hub_hits (hub, "/api/datasets"), ==, 1);

  info = g_ptr_array_index (infos, 0);
  g_assert_cmpstr (info->type, ==, "model");
  g_assert_cmpstr (info->name, ==, "acme/one");
  g_assert_cmpint (info->likes, ==, 12);
  g_assert_false (info->is_private);
  g_assert_cmpint (info->downloads_all_time, ==, 1000);
  g_assert_nonnull (info->last_modified);
  g_assert_cmpint (g_date_time_get_year (info->last_modified), ==, 2026);
  info = g_ptr_array_index (infos, 1);
  g_assert_true (info->is_private);
  info = g_ptr_array_index (infos, 2);
  g_assert_cmpstr (info->name, ==, "acme/three");
  g_assert_null (info->last_modified);
  g_assert_cmpint (info->downloads, ==, -1);
  info = g_ptr_array_index (infos, 3);
  g_assert_cmpstr (info->type, ==, "dataset");
  g_assert_cmpstr (info->name, ==, "acme/data");
  g_assert_cmpint (info->likes, ==, 7);
}

/* A complete fetch is cached; one that fails, halfway or otherwise, leaves
 * the cache as it was, byte for byte. */
static void
test_cache_only_complete (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autofree char *dir = g_dir_make_tmp ("hub-net-XXXXXX", NULL);
  HubCache *cache = hub_cache_new (dir);
  g_autoptr(HubCache) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(HubDataset) cached = NULL;
  g_autofree char *path = hub_cache_get_dataset_path (cache, hub->url, "acme");
  g_autofree char *before = NULL;
  gsize before_len;
  const char *failures[] = { "truncated", "dropped", "chunked-cut-row", "chunked-cut-mid-row",
                             "gzip-cut-close", "gzip-cut-chunked", "html", "html-as-csv",
                             "e403", "down" };

  hub_client_set_cache (client, cache);
  got = hub_client_get_cache (client);
  g_assert_true (got == cache);
  g_object_unref (cache);
  dataset = fetch (client, "acme", &error);
  g_assert_no_error (error);
  cached = hub_cache_load_dataset (cache, hub->url, "acme", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_as_fixture (cached, hub);
  g_file_get_contents (path, &before, &before_len, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autoptr(HubDataset) none = NULL;
      g_autofree char *after = NULL;
      gsize after_len;

      hub->mode = failures[i];
      none = fetch (client, "acme", &error);
      g_assert_nonnull (error);
      g_assert_null (none);
      g_clear_error (&error);
      g_file_get_contents (path, &after, &after_len, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (before, before_len, after, after_len);
    }
  fake_hub_remove_tree (dir);
}

/* Debug output names requests but never shows the token. */
static void
test_debug_redacts (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(FakeHub) hub = fake_hub_new (NULL);
      g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
      const char *orgs[] = { "acme", "same-origin", "cdn", "e401", "down", "truncated" };

      g_log_set_debug_enabled (TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(HubDataset) dataset = fetch (client, orgs[i], &error);

          if (error != NULL)
            g_printerr ("error: %s\n", error->message);
        }
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*GET http://127.0.0.1:*Bearer [redacted]*");
  g_test_trap_assert_stdout ("*/blob/breakdown.csv?sig=abc (Authorization: none)*");
  g_test_trap_assert_stderr_unmatched ("*" FAKE_TOKEN "*");
  g_test_trap_assert_stdout_unmatched ("*" FAKE_TOKEN "*");
}

int
main (int   argc,
      char *argv[])
{
  static const ErrorCase case_truncated = { "truncated", HUB_NET_ERROR_TRUNCATED };
  static const ErrorCase case_dropped = { "dropped", HUB_NET_ERROR_TRUNCATED };
  static const ErrorCase case_html = { "html", HUB_NET_ERROR_NOT_BREAKDOWN };
  static const ErrorCase case_html_as_csv = { "html-as-csv", HUB_NET_ERROR_NOT_BREAKDOWN };
  static const ErrorCase case_e401 = { "e401", HUB_NET_ERROR_UNAUTHORIZED };
  static const ErrorCase case_e404 = { "e404", HUB_NET_ERROR_NOT_FOUND };
  static const ErrorCase case_insecure = { "insecure", HUB_NET_ERROR_INSECURE_ENDPOINT };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/client/content-length", test_content_length);
  g_test_add_func ("/net/client/chunked", test_chunked);
  g_test_add_func ("/net/client/slow-progress", test_slow_progress);
  g_test_add_func ("/net/client/gzip", test_gzip);
  g_test_add_func ("/net/client/raw-copy", test_raw_copy);
  g_test_add_func ("/net/client/cancel", test_cancel);
  g_test_add_data_func ("/net/client/timeout/body", "stall", test_timeout);
  g_test_add_data_func ("/net/client/timeout/headers", "stall-headers", test_timeout);
  g_test_add_func ("/net/client/timeout/default", test_default_timeout);
  g_test_add_data_func ("/net/client/truncated", &case_truncated, test_error_org);
  g_test_add_data_func ("/net/client/cut/content-length", "truncated", test_cut);
  g_test_add_data_func ("/net/client/cut/chunked-at-row", "chunked-cut-row", test_cut);
  g_test_add_data_func ("/net/client/cut/chunked-mid-row", "chunked-cut-mid-row", test_cut);
  g_test_add_data_func ("/net/client/cut/gzip-by-close", "gzip-cut-close", test_cut);
  g_test_add_data_func ("/net/client/cut/gzip-chunked", "gzip-cut-chunked", test_cut);
  g_test_add_data_func ("/net/client/dropped", &case_dropped, test_error_org);
  g_test_add_data_func ("/net/client/html", &case_html, test_error_org);
  g_test_add_data_func ("/net/client/html-as-csv", &case_html_as_csv, test_error_org);
  g_test_add_data_func ("/net/client/401", &case_e401, test_error_org);
  g_test_add_func ("/net/client/401-wrong-token", test_401_wrong_token);
  g_test_add_func ("/net/client/403", test_403_names_org);
  g_test_add_data_func ("/net/client/404", &case_e404, test_error_org);
  g_test_add_func ("/net/client/429-retry", test_429_retry);
  g_test_add_func ("/net/client/429-date", test_429_date);
  g_test_add_func ("/net/client/429-cancel-wait", test_429_cancel_wait);
  g_test_add_func ("/net/client/429-too-long", test_429_too_long);
  g_test_add_func ("/net/client/retry-wait-cancelled", test_retry_wait_cancelled);
  g_test_add_func ("/net/client/5xx-retry", test_5xx_retry);
  g_test_add_func ("/net/client/5xx-give-up", test_5xx_give_up);
  g_test_add_func ("/net/client/redirect/same-origin", test_redirect_same_origin);
  g_test_add_func ("/net/client/redirect/cross-origin", test_redirect_cross_origin);
  g_test_add_data_func ("/net/client/redirect/insecure", &case_insecure, test_error_org);
  g_test_add_func ("/net/client/redirect/timeout-names-target", test_redirect_timeout);
  g_test_add_func ("/net/client/insecure-endpoint", test_insecure_endpoint);
  g_test_add_func ("/net/client/connection-refused", test_connection_refused);
  g_test_add_func ("/net/client/offline-hint", test_offline_hint);
  g_test_add_func ("/net/client/user-agent", test_user_agent);
  g_test_add_func ("/net/client/whoami", test_whoami);
  g_test_add_func ("/net/client/whoami-401", test_whoami_401);
  g_test_add_func ("/net/client/list-repos", test_list_repos);
  g_test_add_func ("/net/client/cache-only-complete", test_cache_only_complete);
  g_test_add_func ("/net/client/debug-redacts", test_debug_redacts);

  return g_test_run ();
}
