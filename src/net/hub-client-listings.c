/* hub-client-listings.c: the JSON requests: whoami-v2, and the models,
 * datasets and spaces listings page by page
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

#define MAX_PAGES              10000
#define MAX_JSON_SIZE          (64 * 1024 * 1024)

static GBytes *
read_json (HubClient     *self,
           GUri          *uri,
           RequestKind    kind,
           const char    *org,
           const char    *what,
           SoupMessage  **out_msg,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autofree char *buffer = g_malloc (READ_CHUNK);
  g_autoptr(GError) local_error = NULL;

  stream = hub_client_send_request (self, uri, kind, org, "application/json", &msg, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, READ_CHUNK, cancellable, &local_error);

      if (n < 0)
        {
          g_propagate_error (error, hub_client_read_error (self, msg, local_error, what, body->len));
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize) n > MAX_JSON_SIZE)
        {
          hub_client_close_quietly (stream);
          g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
                       _("%s sent too much data for %s."), self->host, what);
          return NULL;
        }
      g_byte_array_append (body, (const guint8 *) buffer, (guint) n);
    }
  hub_client_close_quietly (stream);
  if (out_msg != NULL)
    *out_msg = g_steal_pointer (&msg);
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static void
whoami_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  HubClient *self = source_object;
  Request *request = task_data;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HubWhoami) whoami = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  if ((uri = hub_client_api_uri (self, "/api/whoami-v2", &error)) == NULL ||
      (body = read_json (self, uri, REQUEST_WHOAMI, NULL, _("the account"), NULL,
                         cancellable, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_bytes_get_data (body, &len);
  whoami = hub_whoami_new_from_json (data ? data : "", (gssize) len, &error);
  if (whoami == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  request->fetched_at = g_date_time_new_now_utc ();
  if (request->cache != NULL &&
      !hub_cache_save_whoami (request->cache, self->endpoint, whoami, request->fetched_at, &error))
    g_message ("The account was not saved for offline use: %s", error->message);
  g_task_return_pointer (task, g_steal_pointer (&whoami), (GDestroyNotify) hub_whoami_unref);
}

/* The target of `Link: <…>; rel="next"`, or NULL. */
static char *
link_next (const char *header)
{
  const char *p = header;

  while (p != NULL && *p != '\0')
    {
      const char *open = strchr (p, '<');
      const char *close = open ? strchr (open, '>') : NULL;
      const char *end;
      g_autofree char *params = NULL;
      g_auto(GStrv) parts = NULL;

      if (close == NULL)
        return NULL;
      end = strchr (close, ',');
      params = end ? g_strndup (close + 1, (gsize) (end - close - 1)) : g_strdup (close + 1);
      parts = g_strsplit (params, ";", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *param = g_strstrip (g_strdup (parts[i]));

          if (g_ascii_strcasecmp (param, "rel=\"next\"") == 0 ||
              g_ascii_strcasecmp (param, "rel=next") == 0)
            return g_strndup (open + 1, (gsize) (close - open - 1));
        }
      p = end ? end + 1 : NULL;
    }
  return NULL;
}

/* Spaces have likes but no downloads. */
#define LIST_EXPAND_SPACES "&expand=likes&expand=trendingScore&expand=createdAt" \
                           "&expand=lastModified&expand=private"
#define LIST_EXPAND        "&expand=downloads&expand=downloadsAllTime" LIST_EXPAND_SPACES

/* One kind of repository of org, a request a page, appended to infos as
 * each page arrives: what came before a failure stays there. */
static gboolean
list_kind (HubClient     *self,
           const char    *org,
           const char    *api,
           const char    *type,
           HubProgress   *progress,
           GPtrArray     *infos,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (org, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/%s?author=%s%s", api, escaped,
                                           g_str_equal (type, "space") ? LIST_EXPAND_SPACES
                                                                       : LIST_EXPAND);
  g_autofree char *what = g_strdup_printf (_("the repositories of %s"), org);
  g_autoptr(GUri) uri = hub_client_api_uri (self, path, error);

  if (uri == NULL)
    return FALSE;

  for (guint page = 0; uri != NULL; page++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autofree char *next = NULL;
      const char *link;
      const char *data;
      gsize len;

      if (page >= MAX_PAGES)
        {
          g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
                       _("%s sent too many pages of %s."), self->host, what);
          return FALSE;
        }
      body = read_json (self, uri, REQUEST_LIST, org, what, &msg, cancellable, error);
      if (body == NULL)
        return FALSE;
      data = g_bytes_get_data (body, &len);
      if (!hub_repo_info_parse_page (data, len, type, infos, error))
        return FALSE;
      if (progress != NULL)
        {
          atomic_fetch_add (&progress->bytes, len);
          atomic_store (&progress->rows, infos->len);
        }

      link = soup_message_headers_get_list (soup_message_get_response_headers (msg), "Link");
      next = link ? link_next (link) : NULL;
      g_clear_pointer (&uri, g_uri_unref);
      if (next != NULL)
        {
          g_autoptr(GUri) base = g_uri_ref (soup_message_get_uri (msg));

          uri = g_uri_parse_relative (base, next, SOUP_HTTP_URI_FLAGS, NULL);
          if (uri == NULL)
            {
              g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
                           _("%s sent a next page that is not a valid address."), self->host);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static const struct
{
  const char *api;
  const char *type;
} kinds[] = {
  { "models", "model" },
  { "datasets", "dataset" },
  { "spaces", "space" },
};

/* The first n_kinds kinds of the request's author, one after the other;
 * what arrived before a failure is kept as the request's partial. */
static void
list_kinds (GTask        *task,
            HubClient    *self,
            Request      *request,
            guint         n_kinds,
            GCancellable *cancellable)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_repo_info_free);
  GError *error = NULL;

  for (guint i = 0; i < n_kinds; i++)
    if (!list_kind (self, request->org, kinds[i].api, kinds[i].type, request->progress, infos,
                    cancellable, &error))
      {
        request->partial = g_steal_pointer (&infos);
        g_task_return_error (task, error);
        return;
      }
  request->fetched_at = g_date_time_new_now_utc ();
  g_task_return_pointer (task, g_steal_pointer (&infos), (GDestroyNotify) g_ptr_array_unref);
}

/* The table's likes and locks: its spaces have no downloads to show. */
static void
list_repos_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  list_kinds (task, source_object, task_data, 2, cancellable);
}

static void
list_author_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  list_kinds (task, source_object, task_data, G_N_ELEMENTS (kinds), cancellable);
}

void
hub_client_whoami_async (HubClient           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  hub_client_request_start (self, REQUEST_WHOAMI, NULL, NULL, NULL, hub_client_whoami_async,
                            whoami_thread, cancellable, callback, user_data);
}

HubWhoami *
hub_client_whoami_finish (HubClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return hub_client_request_finish (self, result, hub_client_whoami_async, NULL, error);
}

void
hub_client_list_repos_async (HubClient           *self,
                             const char          *org,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (org != NULL && *org != '\0');

  hub_client_request_start (self, REQUEST_LIST, org, NULL, NULL, hub_client_list_repos_async,
                            list_repos_thread, cancellable, callback, user_data);
}

GPtrArray *
hub_client_list_repos_finish (HubClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return hub_client_request_finish (self, result, hub_client_list_repos_async, NULL, error);
}

void
hub_client_list_author_async (HubClient           *self,
                              const char          *author,
                              HubProgress         *progress,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (author != NULL && *author != '\0');

  hub_client_request_start (self, REQUEST_LIST, author, progress, NULL, hub_client_list_author_async,
                            list_author_thread, cancellable, callback, user_data);
}

GPtrArray *
hub_client_list_author_finish (HubClient     *self,
                               GAsyncResult  *result,
                               GPtrArray    **partial,
                               GDateTime    **fetched_at,
                               GError       **error)
{
  Request *request;
  GPtrArray *infos;

  infos = hub_client_request_finish (self, result, hub_client_list_author_async, &request,
                                             error);
  if (infos != NULL && fetched_at != NULL)
    *fetched_at = g_date_time_ref (request->fetched_at);
  if (infos == NULL && partial != NULL)
    *partial = request->partial ? g_ptr_array_ref (request->partial) : NULL;
  return infos;
}
