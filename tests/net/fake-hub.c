/* fake-hub.c: a SoupServer on 127.0.0.1 that plays the Hub for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fake-hub.h"

#define BREAKDOWN_PREFIX "/organizations/"
#define BREAKDOWN_SUFFIX "/settings/publisher-analytics/download-breakdown"

static const char html_page[] =
  "<!DOCTYPE html>\n<html><head><title>Sign in - Hugging Face</title></head>\n"
  "<body><form action=\"/login\"><input name=\"username\"></form></body></html>\n";

typedef struct
{
  FakeHub           *hub;
  SoupServerMessage *msg;
  GBytes            *body;
  gsize              offset;
  gsize              piece;
  guint              source;
  gboolean           stall;
} Trickle;

char *
fake_hub_breakdown_path (const char *org)
{
  return g_strconcat (BREAKDOWN_PREFIX, org, BREAKDOWN_SUFFIX, NULL);
}

GBytes *
fake_hub_load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "net", "breakdown.csv", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
count_hit (FakeHub    *hub,
           const char *path)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (hub->hits, path));

  g_hash_table_replace (hub->hits, g_strdup (path), GUINT_TO_POINTER (n + 1));
}

guint
fake_hub_hits (FakeHub    *hub,
               const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (hub->hits, path));
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body,
         gsize              len)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, len);
}

static void
respond_bytes (SoupServerMessage *msg,
               const char        *content_type,
               GBytes            *bytes)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         content_type, NULL);
  soup_message_body_append_bytes (body, bytes);
}

/* Slow answers: a piece at a time, from the main loop. */

static void
trickle_free (Trickle *trickle)
{
  g_clear_handle_id (&trickle->source, g_source_remove);
  g_signal_handlers_disconnect_by_data (trickle->msg, trickle);
  g_object_unref (trickle->msg);
  g_bytes_unref (trickle->body);
  g_free (trickle);
}

static gboolean
trickle_next (gpointer data)
{
  Trickle *trickle = data;
  gsize len;
  const char *bytes = g_bytes_get_data (trickle->body, &len);
  SoupMessageBody *body = soup_server_message_get_response_body (trickle->msg);
  gsize n = MIN (trickle->piece, len - trickle->offset);

  soup_message_body_append (body, SOUP_MEMORY_COPY, bytes + trickle->offset, n);
  trickle->offset += n;
  if (trickle->offset >= len)
    soup_message_body_complete (body);
  soup_server_message_unpause (trickle->msg);
  if (trickle->offset >= len || trickle->stall)
    {
      trickle->source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
trickle_finished_cb (SoupServerMessage *msg,
                     Trickle           *trickle)
{
  g_ptr_array_remove (trickle->hub->pending, trickle);
}

static void
start_trickle (FakeHub           *hub,
               SoupServerMessage *msg,
               GBytes            *body,
               gsize              piece,
               guint              interval_ms,
               gboolean           stall)
{
  Trickle *trickle = g_new0 (Trickle, 1);

  trickle->hub = hub;
  trickle->msg = g_object_ref (msg);
  trickle->body = g_bytes_ref (body);
  trickle->piece = piece;
  trickle->stall = stall;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "text/csv", NULL);
  g_ptr_array_add (hub->pending, trickle);
  g_signal_connect (msg, "finished", G_CALLBACK (trickle_finished_cb), trickle);
  soup_server_message_pause (msg);
  trickle->source = g_timeout_add (interval_ms, trickle_next, trickle);
}

/* A response written by hand on the stolen connection, then cut. */
static void
send_cut (SoupServerMessage *msg,
          GBytes            *body,
          gboolean           chunked)
{
  g_autoptr(GIOStream) connection = soup_server_message_steal_connection (msg);
  GOutputStream *out = g_io_stream_get_output_stream (connection);
  g_autoptr(GString) raw = g_string_new ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n");
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  gsize half = len / 2;

  if (chunked)
    {
      /* A first whole chunk, then a second one cut short. */
      g_string_append (raw, "Transfer-Encoding: chunked\r\n\r\n");
      g_string_append_printf (raw, "%zx\r\n", half / 2);
      g_string_append_len (raw, data, (gssize) (half / 2));
      g_string_append_printf (raw, "\r\n%zx\r\n", len - half / 2);
      g_string_append_len (raw, data + half / 2, (gssize) (half - half / 2));
    }
  else
    {
      g_string_append_printf (raw, "Content-Length: %zu\r\n\r\n", len);
      g_string_append_len (raw, data, (gssize) half);
    }
  g_output_stream_write_all (out, raw->str, raw->len, NULL, NULL, NULL);
  g_io_stream_close (connection, NULL, NULL);
}

static GBytes *
gzip_bytes (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_output_stream_write_all (out, data, len, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Transfers cut short, each framing of them (issue: nothing half-replaced). */

/* Where a cut falls in body: just after the row that ends past its middle,
 * or in the middle of the next one. */
static gsize
cut_point (GBytes   *body,
           gboolean  mid_row)
{
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  const char *nl = memchr (data + len / 2, '\n', len - len / 2);

  g_assert_nonnull (nl);
  return (gsize) (nl - data) + 1 + (mid_row ? 7 : 0);
}

/* The first len bytes of data as a gzip stream that stops before its end:
 * the compressed data is flushed, but the last block and the trailer
 * never come. */
static GBytes *
gzip_unfinished (const char *data,
                 gsize       len)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  gsize cap = len + len / 100 + 1024, in = 0, out = 0;
  guint8 *buffer = g_malloc (cap);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize read, written;
      GConverterResult result = g_converter_convert (G_CONVERTER (compressor), data + in, len - in,
                                                     buffer + out, cap - out, G_CONVERTER_FLUSH,
                                                     &read, &written, &error);

      g_assert_no_error (error);
      in += read;
      out += written;
      if (result == G_CONVERTER_FLUSHED && in == len)
        break;
    }
  return g_bytes_new_take (buffer, out);
}

static void
write_raw (SoupServerMessage *msg,
           GString           *raw)
{
  g_autoptr(GIOStream) connection = soup_server_message_steal_connection (msg);
  GOutputStream *out = g_io_stream_get_output_stream (connection);

  g_output_stream_write_all (out, raw->str, raw->len, NULL, NULL, NULL);
  g_io_stream_close (connection, NULL, NULL);
}

static void
append_chunk (GString    *raw,
              const char *data,
              gsize       len)
{
  g_string_append_printf (raw, "%zx\r\n", len);
  g_string_append_len (raw, data, (gssize) len);
  g_string_append (raw, "\r\n");
}

/* Whole chunks up to the cut, then the connection closes without the last
 * (zero-length) chunk. */
static void
send_chunked_unfinished (SoupServerMessage *msg,
                         GBytes            *body,
                         gboolean           mid_row)
{
  g_autoptr(GString) raw = g_string_new ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
                                         "Transfer-Encoding: chunked\r\n\r\n");
  const char *data = g_bytes_get_data (body, NULL);
  gsize cut = cut_point (body, mid_row);

  append_chunk (raw, data, cut / 2);
  append_chunk (raw, data + cut / 2, cut - cut / 2);
  write_raw (msg, raw);
}

/* A gzip stream cut at a row boundary, in complete HTTP framing: ended by
 * the connection's close, or a whole chunked body. */
static void
send_gzip_unfinished (SoupServerMessage *msg,
                      GBytes            *body,
                      gboolean           chunked)
{
  g_autoptr(GString) raw = g_string_new ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
                                         "Content-Encoding: gzip\r\n");
  g_autoptr(GBytes) compressed = gzip_unfinished (g_bytes_get_data (body, NULL),
                                                  cut_point (body, FALSE));
  gsize len;
  const char *data = g_bytes_get_data (compressed, &len);

  if (chunked)
    {
      g_string_append (raw, "Transfer-Encoding: chunked\r\n\r\n");
      append_chunk (raw, data, len / 2);
      append_chunk (raw, data + len / 2, len - len / 2);
      g_string_append (raw, "0\r\n\r\n");
    }
  else
    {
      g_string_append (raw, "Connection: close\r\n\r\n");
      g_string_append_len (raw, data, (gssize) len);
    }
  write_raw (msg, raw);
}

/* The cut transfers, and a redirect to a host that never answers: TRUE
 * when org names one. */
static gboolean
serve_cut (FakeHub           *hub,
           SoupServerMessage *msg,
           const char        *org)
{
  if (g_str_equal (org, "chunked-cut-row"))
    send_chunked_unfinished (msg, hub->breakdown, FALSE);
  else if (g_str_equal (org, "chunked-cut-mid-row"))
    send_chunked_unfinished (msg, hub->breakdown, TRUE);
  else if (g_str_equal (org, "gzip-cut-close"))
    send_gzip_unfinished (msg, hub->breakdown, FALSE);
  else if (g_str_equal (org, "gzip-cut-chunked"))
    send_gzip_unfinished (msg, hub->breakdown, TRUE);
  else if (g_str_equal (org, "cdn-stall"))
    {
      g_autofree char *target = g_strconcat (hub->cdn_url, "/stall", NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, target);
    }
  else
    return FALSE;
  return TRUE;
}

static void
serve_breakdown (FakeHub           *hub,
                 SoupServerMessage *msg,
                 const char        *path,
                 const char        *org)
{
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  guint hits = fake_hub_hits (hub, path);

  if (serve_cut (hub, msg, org))
    return;
  if (g_str_equal (org, "acme"))
    respond_bytes (msg, "text/csv", hub->breakdown);
  else if (g_str_equal (org, "chunked"))
    {
      gsize len;
      const char *data = g_bytes_get_data (hub->breakdown, &len);
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (response, "text/csv", NULL);
      for (gsize at = 0; at < len; at += 997)
        soup_message_body_append (body, SOUP_MEMORY_COPY, data + at, MIN (997, len - at));
      soup_message_body_complete (body);
    }
  else if (g_str_equal (org, "slow"))
    start_trickle (hub, msg, hub->breakdown, g_bytes_get_size (hub->breakdown) / 20 + 1, 20, FALSE);
  else if (g_str_equal (org, "stall"))
    start_trickle (hub, msg, hub->breakdown, 1000, 10, TRUE);
  else if (g_str_equal (org, "stall-headers"))
    soup_server_message_pause (msg);
  else if (g_str_equal (org, "gzip"))
    {
      const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                         "Accept-Encoding");
      g_autoptr(GBytes) compressed = NULL;

      if (accept == NULL || strstr (accept, "gzip") == NULL)
        {
          respond (msg, SOUP_STATUS_NOT_ACCEPTABLE, NULL, NULL, 0);
          return;
        }
      compressed = gzip_bytes (hub->breakdown);
      respond_bytes (msg, "text/csv", compressed);
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
    }
  else if (g_str_equal (org, "truncated"))
    send_cut (msg, hub->breakdown, FALSE);
  else if (g_str_equal (org, "dropped"))
    send_cut (msg, hub->breakdown, TRUE);
  else if (g_str_equal (org, "html"))
    respond (msg, SOUP_STATUS_OK, "text/html", html_page, strlen (html_page));
  else if (g_str_equal (org, "html-as-csv"))
    respond (msg, SOUP_STATUS_OK, "text/csv", html_page, strlen (html_page));
  else if (g_str_equal (org, "e401"))
    respond (msg, SOUP_STATUS_UNAUTHORIZED, "application/json", "{\"error\":\"Invalid credentials\"}", 31);
  else if (g_str_equal (org, "e403"))
    respond (msg, SOUP_STATUS_FORBIDDEN, "application/json", "{\"error\":\"Forbidden\"}", 21);
  else if (g_str_equal (org, "e404"))
    respond (msg, SOUP_STATUS_NOT_FOUND, "application/json", "{\"error\":\"Not found\"}", 21);
  else if (g_str_equal (org, "limited") && hits <= 1)
    {
      respond (msg, 429, "text/plain", "slow down", 9);
      soup_message_headers_replace (response, "Retry-After", "1");
    }
  else if (g_str_equal (org, "limited"))
    respond_bytes (msg, "text/csv", hub->breakdown);
  else if (g_str_equal (org, "limited-date") && hits <= 1)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 2);
      g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

      respond (msg, 429, "text/plain", "slow down", 9);
      soup_message_headers_replace (response, "Retry-After", date);
    }
  else if (g_str_equal (org, "limited-date"))
    respond_bytes (msg, "text/csv", hub->breakdown);
  else if (g_str_equal (org, "limited-30"))
    {
      respond (msg, 429, "text/plain", "slow down", 9);
      soup_message_headers_replace (response, "Retry-After", "30");
    }
  else if (g_str_equal (org, "limited-long"))
    {
      respond (msg, 429, "text/plain", "slow down", 9);
      soup_message_headers_replace (response, "Retry-After", "3600");
    }
  else if (g_str_equal (org, "flaky") && hits <= 2)
    respond (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "text/plain", "busy", 4);
  else if (g_str_equal (org, "flaky"))
    respond_bytes (msg, "text/csv", hub->breakdown);
  else if (g_str_equal (org, "down"))
    respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", "oops", 4);
  else if (g_str_equal (org, "same-origin"))
    {
      g_autofree char *target = fake_hub_breakdown_path ("acme");

      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, target);
    }
  else if (g_str_equal (org, "cdn"))
    {
      g_autofree char *target = g_strconcat (hub->cdn_url, "/blob/breakdown.csv?sig=abc", NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, target);
    }
  else if (g_str_equal (org, "insecure"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://example.com/breakdown.csv");
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, "application/json", "{}", 2);
}

static const char whoami_json[] =
  "{\"type\":\"user\",\"id\":\"1\",\"name\":\"alice\",\"fullname\":\"Alice Example\","
  "\"email\":\"alice@example.com\",\"orgs\":["
  "{\"type\":\"org\",\"name\":\"acme\",\"fullname\":\"Acme Corp\","
  "\"avatarUrl\":\"https://example.com/acme.png\",\"roleInOrg\":\"admin\"},"
  "{\"type\":\"org\",\"name\":\"beta\",\"fullname\":\"Beta\",\"roleInOrg\":\"read\"}],"
  "\"auth\":{\"type\":\"access_token\",\"accessToken\":{\"displayName\":\"ci\","
  "\"role\":\"fineGrained\"}}}";

static void
serve_listing (FakeHub           *hub,
               SoupServerMessage *msg,
               const char        *path)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  if (query == NULL || strstr (query, "author=acme") == NULL ||
      strstr (query, "expand=likes") == NULL || strstr (query, "expand=private") == NULL ||
      strstr (query, "expand=lastModified") == NULL)
    {
      respond (msg, SOUP_STATUS_BAD_REQUEST, "application/json", "{}", 2);
      return;
    }
  if (g_str_equal (path, "/api/models") && strstr (query, "cursor=2") == NULL)
    {
      static const char page1[] =
        "[{\"_id\":\"a\",\"id\":\"acme/one\",\"likes\":12,\"private\":false,"
        "\"downloads\":100,\"downloadsAllTime\":1000,\"lastModified\":\"2026-10-01T12:00:00.000Z\"},"
        "{\"_id\":\"b\",\"id\":\"acme/two\",\"likes\":0,\"private\":true,"
        "\"lastModified\":\"2026-09-01T00:00:00.000Z\"}]";
      g_autofree char *link = g_strconcat ("<", hub->url, "/api/models?", query,
                                           "&cursor=2>; rel=\"next\"", NULL);

      respond (msg, SOUP_STATUS_OK, "application/json", page1, strlen (page1));
      soup_message_headers_replace (response, "Link", link);
    }
  else if (g_str_equal (path, "/api/models"))
    {
      static const char page2[] = "[{\"_id\":\"c\",\"id\":\"acme/three\",\"likes\":3}]";

      respond (msg, SOUP_STATUS_OK, "application/json", page2, strlen (page2));
    }
  else
    {
      static const char datasets[] = "[{\"_id\":\"d\",\"id\":\"acme/data\",\"likes\":7,\"private\":false}]";

      respond (msg, SOUP_STATUS_OK, "application/json", datasets, strlen (datasets));
    }
}

/* Public listings of any author but acme: /api/models, /api/datasets and
 * /api/spaces, generated from the author's name, for the public view and
 * the history. The figures grow with each round (each time the first page
 * of models is served), as the Hub's do from day to day. */

typedef struct
{
  const char *api;          /* "models", "datasets", "spaces" */
  guint       count;        /* public repositories */
  guint       page_size;
  gint64      base;         /* all-time downloads of the first repository */
  gint64      growth;       /* what it gains a round, for the first repository */
} PublicKind;

static void
public_kinds (const char *author,
              PublicKind  kinds[3])
{
  guint64 many = 0;

  kinds[0] = (PublicKind) { "models", 5, 2, 1000, 7 };
  kinds[1] = (PublicKind) { "datasets", 3, 2, 500, 3 };
  kinds[2] = (PublicKind) { "spaces", 2, 2, 0, 0 };
  if (g_str_has_prefix (author, "many-") &&
      g_ascii_string_to_unsigned (author + 5, 10, 1, 1000000, &many, NULL))
    {
      kinds[0] = (PublicKind) { "models", (guint) (many - many / 5), 1000, 1000, 7 };
      kinds[1] = (PublicKind) { "datasets", (guint) (many / 5), 1000, 500, 3 };
      kinds[2] = (PublicKind) { "spaces", 0, 1000, 0, 0 };
    }
  else if (g_str_equal (author, "pub-none"))
    kinds[0].count = kinds[1].count = kinds[2].count = 0;
}

gint64
fake_hub_public_all_time (const char *author,
                          const char *api,
                          guint       index,
                          guint       round)
{
  PublicKind kinds[3];

  public_kinds (author, kinds);
  for (guint k = 0; k < 3; k++)
    if (g_str_equal (kinds[k].api, api))
      return kinds[k].base * (index + 1) + kinds[k].growth * (index + 1) * (round - 1);
  return -1;
}

static char *
public_page (const char       *author,
             const PublicKind *kind,
             guint             page,
             guint             round,
             gboolean          with_private)
{
  g_autoptr(GString) json = g_string_new ("[");
  guint count = kind->count + (with_private ? 1 : 0);
  gboolean space = g_str_equal (kind->api, "spaces");

  for (guint i = page * kind->page_size; i < MIN (count, (page + 1) * kind->page_size); i++)
    {
      gboolean secret = i >= kind->count;

      if (json->len > 1)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "{\"_id\":\"%s%u\",\"id\":\"%s/%s-%u\",\"likes\":%u,"
                              "\"private\":%s,\"trendingScore\":%u,"
                              "\"createdAt\":\"2026-01-%02uT00:00:00.000Z\","
                              "\"lastModified\":\"2026-10-%02uT08:00:00.000Z\"",
                              kind->api, i, author, secret ? "secret" : kind->api, i,
                              i + round, secret ? "true" : "false", i % 50,
                              i % 28 + 1, i % 28 + 1);
      if (!space)
        g_string_append_printf (json, ",\"downloads\":%" G_GINT64_FORMAT
                                ",\"downloadsAllTime\":%" G_GINT64_FORMAT,
                                (gint64) (i + 1) * 100 + round,
                                fake_hub_public_all_time (author, kind->api, i, round));
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Serves the listing routes for every author but acme, whose listing the
 * breakdown's tests use. Returns FALSE when the request is not one. */
static gboolean
serve_public_listing (FakeHub           *hub,
                      SoupServerMessage *msg,
                      const char        *path,
                      const char        *auth)
{
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(GHashTable) params = NULL;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  g_autofree char *round_key = NULL;
  g_autofree char *body = NULL;
  const char *author;
  const char *cursor;
  PublicKind kinds[3];
  const PublicKind *kind = NULL;
  guint64 page = 0;
  guint round;
  gboolean with_private;

  if (!g_str_equal (path, "/api/models") && !g_str_equal (path, "/api/datasets") &&
      !g_str_equal (path, "/api/spaces"))
    return FALSE;
  params = g_uri_get_query (uri) ? soup_form_decode (g_uri_get_query (uri)) : NULL;
  author = params ? g_hash_table_lookup (params, "author") : NULL;
  if (author == NULL || g_str_equal (author, "acme"))
    return FALSE;

  if (auth != NULL && g_strcmp0 (auth, "Bearer " FAKE_TOKEN) != 0)
    {
      respond (msg, SOUP_STATUS_UNAUTHORIZED, "application/json",
               "{\"error\":\"Invalid credentials in Authorization header\"}", 54);
      return TRUE;
    }
  with_private = auth != NULL;

  public_kinds (author, kinds);
  for (guint k = 0; k < 3; k++)
    if (g_str_equal (path + strlen ("/api/"), kinds[k].api))
      kind = &kinds[k];
  g_assert_nonnull (kind);

  cursor = g_hash_table_lookup (params, "cursor");
  if (cursor != NULL)
    g_ascii_string_to_unsigned (cursor, 10, 0, 1000000, &page, NULL);

  round_key = g_strconcat ("round:", author, NULL);
  if (page == 0 && g_str_equal (kind->api, "models"))
    count_hit (hub, round_key);
  round = MAX (fake_hub_hits (hub, round_key), 1);

  if (g_str_equal (author, "pub-429") && g_str_equal (kind->api, "models") && page == 1 &&
      fake_hub_hits (hub, "limited:pub-429") == 0)
    {
      count_hit (hub, "limited:pub-429");
      respond (msg, 429, "text/plain", "slow down", 9);
      soup_message_headers_replace (response, "Retry-After", "1");
      return TRUE;
    }
  if (g_str_equal (author, "pub-500") && g_str_equal (kind->api, "datasets"))
    {
      respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", "oops", 4);
      return TRUE;
    }

  body = public_page (author, kind, (guint) page, round, with_private);
  if (g_str_equal (author, "pub-cut") && g_str_equal (kind->api, "datasets") && page == 1)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      send_cut (msg, bytes, FALSE);
      return TRUE;
    }
  respond (msg, SOUP_STATUS_OK, "application/json", body, strlen (body));
  if ((page + 1) * kind->page_size < kind->count + (with_private ? 1 : 0))
    {
      g_autoptr(GString) next = g_string_new (hub->url);
      g_autofree char *escaped = g_uri_escape_string (author, NULL, FALSE);
      g_autofree char *link = NULL;

      g_string_append_printf (next, "%s?author=%s&expand=likes&cursor=%u", path, escaped,
                              (guint) page + 1);
      link = g_strdup_printf ("<%s>; rel=\"next\"", next->str);
      soup_message_headers_replace (response, "Link", link);
    }
  return TRUE;
}

static void
hub_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  FakeHub *hub = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  const char *agent = soup_message_headers_get_one (request, "User-Agent");
  const char *auth = soup_message_headers_get_one (request, "Authorization");

  count_hit (hub, path);
  g_free (hub->last_agent);
  hub->last_agent = g_strdup (agent);
  g_free (hub->last_accept_encoding);
  hub->last_accept_encoding = g_strdup (soup_message_headers_get_one (request, "Accept-Encoding"));
  if (g_strcmp0 (agent, FAKE_USER_AGENT) != 0)
    hub->bad_agent = TRUE;

  if (serve_public_listing (hub, msg, path, auth))
    return;

  if (g_strcmp0 (auth, "Bearer " FAKE_TOKEN) != 0)
    {
      respond (msg, SOUP_STATUS_UNAUTHORIZED, "application/json",
               "{\"error\":\"Invalid credentials in Authorization header\"}", 54);
      return;
    }

  if (g_str_has_prefix (path, BREAKDOWN_PREFIX) && g_str_has_suffix (path, BREAKDOWN_SUFFIX))
    {
      g_autofree char *org = g_strndup (path + strlen (BREAKDOWN_PREFIX),
                                        strlen (path) - strlen (BREAKDOWN_PREFIX) - strlen (BREAKDOWN_SUFFIX));

      serve_breakdown (hub, msg, path, hub->mode ? hub->mode : org);
    }
  else if (g_str_equal (path, "/api/whoami-v2"))
    respond (msg, SOUP_STATUS_OK, "application/json", whoami_json, strlen (whoami_json));
  else if (g_str_equal (path, "/api/models") || g_str_equal (path, "/api/datasets"))
    serve_listing (hub, msg, path);
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "no", 2);
}

/* The other origin: it serves the body, and fails the test if a token reaches it. */
static void
cdn_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  FakeHub *hub = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);

  hub->cdn_hits++;
  if (g_str_equal (path, "/stall"))
    {
      soup_server_message_pause (msg);
      return;
    }
  if (soup_message_headers_get_one (request, "Authorization") != NULL)
    {
      hub->token_leaked = TRUE;
      g_test_message ("the token reached another origin: %s", path);
      g_test_fail ();
      respond (msg, SOUP_STATUS_BAD_REQUEST, "text/plain", "token", 5);
      return;
    }
  respond_bytes (msg, "text/csv", hub->breakdown);
}

static SoupServer *
listen_local (SoupServerCallback   callback,
              FakeHub             *hub,
              char               **url)
{
  g_autoptr(GError) error = NULL;
  SoupServer *server = soup_server_new ("server-header", "FakeHub ", NULL);
  GSList *uris;
  GUri *uri;

  soup_server_add_handler (server, NULL, callback, hub, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  uri = uris->data;
  *url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return server;
}

FakeHub *
fake_hub_new (GBytes *breakdown)
{
  FakeHub *hub = g_new0 (FakeHub, 1);

  hub->breakdown = breakdown ? g_bytes_ref (breakdown) : fake_hub_load_fixture ();
  hub->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  hub->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) trickle_free);
  hub->server = listen_local (hub_handler, hub, &hub->url);
  hub->cdn = listen_local (cdn_handler, hub, &hub->cdn_url);
  return hub;
}

void
fake_hub_free (FakeHub *hub)
{
  soup_server_disconnect (hub->server);
  soup_server_disconnect (hub->cdn);
  g_ptr_array_unref (hub->pending);
  g_object_unref (hub->server);
  g_object_unref (hub->cdn);
  /* Let the closed connections go before the next test starts. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (hub->url);
  g_free (hub->cdn_url);
  g_bytes_unref (hub->breakdown);
  g_hash_table_unref (hub->hits);
  g_free (hub->last_agent);
  g_free (hub->last_accept_encoding);
  g_free (hub);
}

static gboolean
wait_timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
fake_hub_wait (gboolean *done,
               guint     timeout_s)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (timeout_s, wait_timed_out_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("a wait of %u s ran out: the test would have hung", timeout_s);
  g_source_remove (id);
}

void
fake_hub_wait_for_hits (FakeHub    *hub,
                        const char *path,
                        guint       hits,
                        guint       timeout_s)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (timeout_s, wait_timed_out_cb, &timed_out);

  while (fake_hub_hits (hub, path) < hits && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("%s was not asked for %u times in %u s: the test would have hung", path, hits,
             timeout_s);
  g_source_remove (id);
}

void
fake_hub_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          g_unlink (child);
        else
          fake_hub_remove_tree (child);
      }
  g_remove (path);
}

HubClient *
fake_hub_new_client (FakeHub    *hub,
                     const char *token)
{
  return g_object_new (HUB_TYPE_CLIENT,
                       "endpoint", hub->url,
                       "token", token,
                       "retry-delay", 10,
                       NULL);
}

void
fake_hub_run_clear (FakeHubRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* The callback of g_subprocess_communicate_utf8_async with a FakeHubRun. */
void
fake_hub_run_communicated (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  FakeHubRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
  run->done = TRUE;
}
