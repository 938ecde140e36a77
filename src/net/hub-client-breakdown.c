/* hub-client-breakdown.c: the download breakdown, streamed into the parser
 *
 * The body goes into the parser chunk by chunk as it arrives, in the
 * request's worker thread. Its gzip is decoded here with GLib, whose
 * decoder reports a stream cut short: a cut transfer, whatever its framing,
 * is never taken for a whole one.
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

static GError *
parse_error (GError     *error,
             const char *org)
{
  if (g_error_matches (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_NOT_CSV) ||
      g_error_matches (error, HUB_PARSE_ERROR, HUB_PARSE_ERROR_EMPTY))
    return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_NOT_BREAKDOWN,
                        _("The Hub sent something other than the download breakdown of %s "
                          "(a web page, perhaps a sign-in page). Nothing was changed."), org);
  return g_error_copy (error);
}

static HubDataset *
fetch_breakdown (HubClient     *self,
                 Request       *request,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (request->org, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/organizations/", escaped,
                                       "/settings/publisher-analytics/download-breakdown", NULL);
  g_autofree char *source = g_strdup_printf (_("the breakdown of %s"), request->org);
  g_autofree char *what = g_strdup_printf (_("the download breakdown of %s"), request->org);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(HubParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  SoupMessageHeaders *response;
  const char *content_type;
  const char *encoding;
  goffset content_length = -1;
  gboolean encoded;
  guint64 received = 0;
  HubDataset *dataset;

  uri = hub_client_api_uri (self, path, error);
  if (uri == NULL)
    return NULL;
  stream = hub_client_send_request (self, uri, REQUEST_BREAKDOWN, request->org, "text/csv, */*;q=0.5",
                                    &msg, cancellable, error);
  if (stream == NULL)
    return NULL;

  response = soup_message_get_response_headers (msg);
  content_type = soup_message_headers_get_content_type (response, NULL);
  if (content_type != NULL && (g_ascii_strcasecmp (content_type, "text/html") == 0 ||
                               g_ascii_strcasecmp (content_type, "application/xhtml+xml") == 0))
    {
      hub_client_close_quietly (stream);
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_NOT_BREAKDOWN,
                   _("The Hub sent a web page instead of the download breakdown of %s "
                     "(perhaps a sign-in page). Nothing was changed."), request->org);
      return NULL;
    }

  /* The body is decoded here, so that a gzip stream that stops before its
   * end is a cut transfer (G_IO_ERROR_PARTIAL_INPUT), whatever the framing. */
  encoding = soup_message_headers_get_one (response, "Content-Encoding");
  encoded = encoding != NULL && !hub_client_header_has_token (encoding, "identity");
  if (encoded)
    {
      g_autoptr(GZlibDecompressor) gunzip = NULL;
      GInputStream *decoded;

      if (!hub_client_header_has_token (encoding, "gzip") && !hub_client_header_has_token (encoding, "x-gzip"))
        {
          hub_client_close_quietly (stream);
          g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
                       _("%s sent the download breakdown of %s in an encoding Hub Analytics "
                         "cannot read (%s). Nothing was changed."), self->host, request->org,
                       encoding);
          return NULL;
        }
      gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      decoded = g_converter_input_stream_new (stream, G_CONVERTER (gunzip));
      g_object_unref (stream);
      stream = decoded;
    }
  /* With a Content-Encoding the length is the compressed one: unknown here. */
  if (soup_message_headers_get_encoding (response) == SOUP_ENCODING_CONTENT_LENGTH)
    content_length = soup_message_headers_get_content_length (response);
  if (request->progress != NULL)
    request->progress->total_bytes = !encoded && content_length > 0 ? (guint64) content_length : 0;

  parser = hub_parser_new (source, request->progress);
  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, READ_CHUNK, cancellable, &local_error);

      if (n < 0)
        {
          g_propagate_error (error, hub_client_read_error (self, msg, local_error, what, received));
          return NULL;
        }
      if (n == 0)
        break;
      received += (guint64) n;
      if (request->raw_copy != NULL &&
          !g_output_stream_write_all (request->raw_copy, buffer, (gsize) n, NULL,
                                      cancellable, error))
        {
          g_prefix_error (error, _("Could not save the download breakdown: "));
          return NULL;
        }
      if (!hub_parser_feed (parser, buffer, (gsize) n, &local_error))
        {
          hub_client_close_quietly (stream);
          g_propagate_error (error, parse_error (local_error, request->org));
          return NULL;
        }
    }
  hub_client_close_quietly (stream);

  if (!encoded && content_length >= 0 && received != (guint64) content_length)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "short body");
      g_propagate_error (error, hub_client_read_error (self, msg, local_error, what, received));
      return NULL;
    }

  dataset = hub_parser_finish (parser, &local_error);
  if (dataset == NULL)
    {
      g_propagate_error (error, parse_error (local_error, request->org));
      return NULL;
    }
  request->raw_size = received;
  return dataset;
}

static void
fetch_breakdown_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  HubClient *self = source_object;
  Request *request = task_data;
  g_autoptr(GError) error = NULL;
  HubDataset *dataset;

  dataset = fetch_breakdown (self, request, cancellable, &error);
  if (dataset == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  request->fetched_at = g_date_time_new_now_utc ();

  /* Only a complete, parsed breakdown replaces the saved one. */
  if (request->cache != NULL &&
      !hub_cache_save_dataset (request->cache, self->endpoint, request->org, dataset,
                               request->fetched_at, NULL, &error))
    g_message ("The breakdown of %s was not saved for offline use: %s",
               request->org, error->message);
  g_task_return_pointer (task, dataset, g_object_unref);
}

void
hub_client_fetch_breakdown_async (HubClient           *self,
                                  const char          *org,
                                  HubProgress         *progress,
                                  GOutputStream       *raw_copy,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (org != NULL && *org != '\0');

  hub_client_request_start (self, REQUEST_BREAKDOWN, org, progress, raw_copy,
                            hub_client_fetch_breakdown_async, fetch_breakdown_thread, cancellable,
                            callback, user_data);
}

HubDataset *
hub_client_fetch_breakdown_finish (HubClient     *self,
                                   GAsyncResult  *result,
                                   guint64       *raw_size,
                                   GDateTime    **fetched_at,
                                   GError       **error)
{
  Request *request;
  HubDataset *dataset;

  dataset = hub_client_request_finish (self, result, hub_client_fetch_breakdown_async,
                                               &request, error);
  if (dataset != NULL)
    {
      if (raw_size != NULL)
        *raw_size = request->raw_size;
      if (fetched_at != NULL)
        *fetched_at = g_date_time_ref (request->fetched_at);
    }
  return dataset;
}
