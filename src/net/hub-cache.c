/* hub-cache.c: the last good fetch per endpoint and organisation, on disk
 *
 * Where the files go and how they are replaced: each dataset in its own
 * file format (hub-dataset-file.c), written through an atomic file, so that
 * a file is replaced whole or not at all and a killed process leaves no part
 * of one behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-cache.h"
#include "hub-core.h"
#include "hub-json-private.h"
#include "hub-net-error.h"

#define WHOAMI_VERSION   1
#define LISTINGS_VERSION 1

struct _HubCache
{
  GObject  parent_instance;

  char    *dir;
  gsize    cleaned;  /* the stale temporary files were removed (g_once_init) */
};

G_DEFINE_FINAL_TYPE (HubCache, hub_cache, G_TYPE_OBJECT)

/* A file or folder name that stands for text and for nothing else: letters,
 * digits, '-', '_' and (not first) '.' stay; anything else becomes %XX. */
static char *
escape_component (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || (c == '.' && p != text))
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "%%%02X", c);
    }
  return g_string_free (out, FALSE);
}

static char *
endpoint_dir (HubCache   *self,
              const char *endpoint)
{
  g_autofree char *name = escape_component (endpoint);

  return g_build_filename (self->dir, name, NULL);
}

/* Sets error to errno's, after what format says was being done; returns
 * FALSE. */
static gboolean G_GNUC_PRINTF (2, 3)
file_error (GError     **error,
            const char  *format,
            ...)
{
  int errsv = errno;
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv), "%s: %s", what,
               g_strerror (errsv));
  return FALSE;
}

static gboolean
make_private_dir (const char  *path,
                  GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0 || g_chmod (path, 0700) != 0)
    /* Translators: %s is a folder; why it failed follows. */
    return file_error (error, _("Could not create the cache folder %s"), path);
  return TRUE;
}

/* The cache folder and the endpoint's folder inside it, both private. */
static char *
prepare_endpoint_dir (HubCache    *self,
                      const char  *endpoint,
                      GError     **error)
{
  g_autofree char *dir = endpoint_dir (self, endpoint);

  if (!make_private_dir (self->dir, error) || !make_private_dir (dir, error))
    return NULL;
  return g_steal_pointer (&dir);
}

static void
hub_cache_finalize (GObject *object)
{
  HubCache *self = HUB_CACHE (object);

  g_free (self->dir);

  G_OBJECT_CLASS (hub_cache_parent_class)->finalize (object);
}

static void
hub_cache_class_init (HubCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hub_cache_finalize;
}

static void
hub_cache_init (HubCache *self)
{
}

HubCache *
hub_cache_new (const char *dir)
{
  HubCache *self = g_object_new (HUB_TYPE_CACHE, NULL);

  if (dir != NULL)
    self->dir = g_strdup (dir);
  else
    self->dir = g_build_filename (g_get_user_cache_dir (), "hub-analytics", NULL);
  return self;
}

const char *
hub_cache_get_dir (HubCache *self)
{
  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);

  return self->dir;
}

char *
hub_cache_get_dataset_path (HubCache   *self,
                            const char *endpoint,
                            const char *org)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL && org != NULL, NULL);

  dir = endpoint_dir (self, endpoint);
  name = escape_component (org);
  file = g_strconcat (name, ".breakdown", NULL);
  return g_build_filename (dir, file, NULL);
}

char *
hub_cache_get_whoami_path (HubCache   *self,
                           const char *endpoint)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);

  dir = endpoint_dir (self, endpoint);
  return g_build_filename (dir, "whoami.json", NULL);
}

/* Removes, once a run, what a killed save left in the cache folder: the
 * temporary files of a file system without O_TMPFILE that no running
 * process owns. */
static void
remove_stale_once (HubCache *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_once_init_enter (&self->cleaned))
    return;
  hub_atomic_file_remove_stale (self->dir);
  dir = g_dir_open (self->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (self->dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        hub_atomic_file_remove_stale (child);
    }
  g_once_init_leave (&self->cleaned, 1);
}

gboolean
hub_cache_save_dataset (HubCache      *self,
                        const char    *endpoint,
                        const char    *org,
                        HubDataset    *dataset,
                        GDateTime     *fetched_at,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const void *data;

  g_return_val_if_fail (HUB_IS_CACHE (self), FALSE);
  g_return_val_if_fail (endpoint != NULL && org != NULL, FALSE);
  g_return_val_if_fail (HUB_IS_DATASET (dataset), FALSE);

  remove_stale_once (self);
  bytes = hub_dataset_file_write (dataset, endpoint, org, fetched_at, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID, local_error->message);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  dir = prepare_endpoint_dir (self, endpoint, error);
  if (dir == NULL)
    return FALSE;
  path = hub_cache_get_dataset_path (self, endpoint, org);
  data = g_bytes_get_data (bytes, &len);
  return hub_atomic_file_set_contents (path, data, len, 0600, error);
}

static GError *
invalid_cache (const char *org,
               const char *why)
{
  return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                      _("The saved copy of %s cannot be used (%s); it will be fetched again"),
                      org, why);
}

/* The file, mapped: only a regular file, opened without blocking, so that a
 * FIFO or a device in its place can neither hang nor feed the app. */
static GMappedFile *
map_regular_file (const char  *path,
                  const char  *org,
                  GError     **error)
{
  GMappedFile *mapped;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int errsv = errno;

      if (errsv == ENOENT)
        g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING,
                     _("Nothing of %s has been saved yet"), org);
      else
        g_propagate_error (error, invalid_cache (org, g_strerror (errsv)));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_propagate_error (error, invalid_cache (org, _("it is not a regular file")));
      return NULL;
    }
  mapped = g_mapped_file_new_from_fd (fd, FALSE, NULL);
  close (fd);
  if (mapped == NULL)
    g_propagate_error (error, invalid_cache (org, _("the file cannot be read")));
  return mapped;
}

HubDataset *
hub_cache_load_dataset (HubCache      *self,
                        const char    *endpoint,
                        const char    *org,
                        GDateTime    **fetched_at,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  HubDataset *dataset;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL && org != NULL, NULL);

  remove_stale_once (self);
  path = hub_cache_get_dataset_path (self, endpoint, org);
  mapped = map_regular_file (path, org, error);
  if (mapped == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  dataset = hub_dataset_file_read ((const guint8 *) g_mapped_file_get_contents (mapped),
                                   g_mapped_file_get_length (mapped), endpoint, org,
                                   fetched_at, &local_error);
  if (dataset == NULL)
    g_propagate_error (error, invalid_cache (org, local_error->message));
  return dataset;
}

typedef struct
{
  char       *endpoint;
  char       *org;
  HubDataset *dataset;
  GDateTime  *fetched_at;
} CacheTaskData;

static void
cache_task_data_free (CacheTaskData *data)
{
  g_free (data->endpoint);
  g_free (data->org);
  g_clear_object (&data->dataset);
  g_clear_pointer (&data->fetched_at, g_date_time_unref);
  g_free (data);
}

/* A task for org's dataset at endpoint, run by thread_func once the caller
 * added what else it needs. */
static GTask *
cache_task_new (HubCache            *self,
                const char          *endpoint,
                const char          *org,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  CacheTaskData *data = g_new0 (CacheTaskData, 1);

  g_task_set_source_tag (task, source_tag);
  data->endpoint = g_strdup (endpoint);
  data->org = g_strdup (org);
  g_task_set_task_data (task, data, (GDestroyNotify) cache_task_data_free);
  return task;
}

static void
save_dataset_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  CacheTaskData *data = task_data;
  GError *error = NULL;

  if (hub_cache_save_dataset (source_object, data->endpoint, data->org, data->dataset,
                              data->fetched_at, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hub_cache_save_dataset_async (HubCache            *self,
                              const char          *endpoint,
                              const char          *org,
                              HubDataset          *dataset,
                              GDateTime           *fetched_at,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CacheTaskData *data;

  g_return_if_fail (HUB_IS_CACHE (self));
  g_return_if_fail (endpoint != NULL && org != NULL);
  g_return_if_fail (HUB_IS_DATASET (dataset));

  task = cache_task_new (self, endpoint, org, hub_cache_save_dataset_async, cancellable, callback,
                         user_data);
  data = g_task_get_task_data (task);
  data->dataset = g_object_ref (dataset);
  data->fetched_at = fetched_at ? g_date_time_ref (fetched_at) : NULL;
  g_task_run_in_thread (task, save_dataset_thread);
}

gboolean
hub_cache_save_dataset_finish (HubCache      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_cache_save_dataset_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_dataset_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  CacheTaskData *data = task_data;
  GError *error = NULL;
  HubDataset *dataset;

  dataset = hub_cache_load_dataset (source_object, data->endpoint, data->org,
                                    &data->fetched_at, cancellable, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

void
hub_cache_load_dataset_async (HubCache            *self,
                              const char          *endpoint,
                              const char          *org,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUB_IS_CACHE (self));
  g_return_if_fail (endpoint != NULL && org != NULL);

  task = cache_task_new (self, endpoint, org, hub_cache_load_dataset_async, cancellable, callback,
                         user_data);
  g_task_run_in_thread (task, load_dataset_thread);
}

HubDataset *
hub_cache_load_dataset_finish (HubCache      *self,
                               GAsyncResult  *result,
                               GDateTime    **fetched_at,
                               GError       **error)
{
  CacheTaskData *data;
  HubDataset *dataset;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_cache_load_dataset_async, NULL);

  dataset = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (dataset != NULL && fetched_at != NULL)
    *fetched_at = g_steal_pointer (&data->fetched_at);
  return dataset;
}

gboolean
hub_cache_save_whoami (HubCache    *self,
                       const char  *endpoint,
                       HubWhoami   *whoami,
                       GDateTime   *fetched_at,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *whoami_json = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), FALSE);
  g_return_val_if_fail (endpoint != NULL && whoami != NULL, FALSE);

  dir = prepare_endpoint_dir (self, endpoint, error);
  if (dir == NULL)
    return FALSE;
  whoami_json = hub_whoami_to_json (whoami);
  json = g_strdup_printf ("{\"version\":%d,\"fetchedAt\":%" G_GINT64_FORMAT ",\"whoami\":%s}\n",
                          WHOAMI_VERSION, hub_date_time_to_usec (fetched_at), whoami_json);
  path = hub_cache_get_whoami_path (self, endpoint);
  return hub_atomic_file_set_contents (path, json, strlen (json), 0600, error);
}

HubWhoami *
hub_cache_load_whoami (HubCache    *self,
                       const char  *endpoint,
                       GDateTime  **fetched_at,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *whoami_json = NULL;
  JsonNode *root, *node;
  JsonObject *object;
  HubWhoami *whoami;
  gsize len;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);

  path = hub_cache_get_whoami_path (self, endpoint);
  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING,
                     _("No account has been saved for %s yet"), endpoint);
      else
        g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                     _("The saved account for %s cannot be read: %s"), endpoint,
                     local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, contents, (gssize) len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (object = json_node_get_object (root)) == NULL ||
      hub_json_int_member (object, "version") != WHOAMI_VERSION ||
      (node = json_object_get_member (object, "whoami")) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                   _("The saved account for %s cannot be used; it will be asked for again"),
                   endpoint);
      return NULL;
    }

  whoami_json = json_to_string (node, FALSE);
  whoami = hub_whoami_new_from_json (whoami_json, -1, &local_error);
  if (whoami == NULL)
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                   _("The saved account for %s cannot be used; it will be asked for again"),
                   endpoint);
      return NULL;
    }
  if (fetched_at != NULL)
    *fetched_at = hub_date_time_new_from_usec (MAX (hub_json_int_member (object, "fetchedAt"), 0));
  return whoami;
}

gboolean
hub_cache_clear_whoami (HubCache    *self,
                        const char  *endpoint,
                        GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), FALSE);
  g_return_val_if_fail (endpoint != NULL, FALSE);

  path = hub_cache_get_whoami_path (self, endpoint);
  if (g_unlink (path) != 0 && errno != ENOENT)
    /* Translators: %s is a file; why it failed follows. */
    return file_error (error, _("Could not remove %s"), path);
  return TRUE;
}

/* The likes and privacy of org's repositories from the Hub's last listings,
 * kept beside its breakdown so that a table shown offline still has them. */
static char *
listings_path (HubCache   *self,
               const char *endpoint,
               const char *org)
{
  g_autofree char *dir = endpoint_dir (self, endpoint);
  g_autofree char *name = escape_component (org);
  g_autofree char *file = g_strconcat (name, ".listings.json", NULL);

  return g_build_filename (dir, file, NULL);
}

gboolean
hub_cache_save_listings (HubCache    *self,
                         const char  *endpoint,
                         const char  *org,
                         GPtrArray   *infos,
                         GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), FALSE);
  g_return_val_if_fail (endpoint != NULL && org != NULL && infos != NULL, FALSE);

  dir = prepare_endpoint_dir (self, endpoint, error);
  if (dir == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, LISTINGS_VERSION);
  json_builder_set_member_name (builder, "repos");
  json_builder_begin_array (builder);
  for (guint i = 0; i < infos->len; i++)
    {
      const HubRepoInfo *info = g_ptr_array_index (infos, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, info->type);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, info->name);
      json_builder_set_member_name (builder, "likes");
      json_builder_add_int_value (builder, info->likes);
      json_builder_set_member_name (builder, "private");
      json_builder_add_boolean_value (builder, info->is_private);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  path = listings_path (self, endpoint, org);
  return hub_atomic_file_set_contents (path, json, strlen (json), 0600, error);
}

/* The listings saved for org, or NULL: HUB_NET_ERROR_CACHE_MISSING when
 * none were, HUB_NET_ERROR_CACHE_INVALID when the file cannot be used. */
GPtrArray *
hub_cache_load_listings (HubCache    *self,
                         const char  *endpoint,
                         const char  *org,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_repo_info_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  JsonObject *object;
  JsonArray *repos;
  JsonNode *root;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL && org != NULL, NULL);

  path = listings_path (self, endpoint, org);
  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING,
                     _("No listings have been saved for %s yet"), org);
      else
        g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                     _("The saved listings of %s cannot be used; they will be fetched again"),
                     org);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (object = json_node_get_object (root)) == NULL ||
      hub_json_int_member (object, "version") != LISTINGS_VERSION ||
      !json_object_has_member (object, "repos") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "repos")))
    goto invalid;

  repos = json_object_get_array_member (object, "repos");
  for (guint i = 0; i < json_array_get_length (repos); i++)
    {
      JsonNode *node = json_array_get_element (repos, i);
      JsonObject *repo;
      HubRepoInfo *info;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      repo = json_node_get_object (node);
      if (json_object_get_string_member_with_default (repo, "type", NULL) == NULL ||
          json_object_get_string_member_with_default (repo, "id", NULL) == NULL)
        goto invalid;
      info = g_new0 (HubRepoInfo, 1);
      info->type = g_strdup (json_object_get_string_member (repo, "type"));
      info->name = g_strdup (json_object_get_string_member (repo, "id"));
      info->likes = MAX (hub_json_int_member (repo, "likes"), -1);
      info->is_private = json_object_get_boolean_member_with_default (repo, "private", FALSE);
      info->downloads = -1;
      info->downloads_all_time = -1;
      info->trending_score = -1;
      g_ptr_array_add (infos, info);
    }
  return g_steal_pointer (&infos);

invalid:
  g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
               _("The saved listings of %s cannot be used; they will be fetched again"), org);
  return NULL;
}
