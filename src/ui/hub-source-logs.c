/* hub-source-logs.c: files and folders opened together, breakdowns and
 * request logs told apart by their header, and the logs' store kept in the
 * cache
 *
 * A folder stands for the files in it (an export usually comes a file a
 * day). Each breakdown makes a source of its own; the request logs opened
 * with them join the first breakdown's source, or make one of their own
 * when there is none. The logs' per-day store is saved in the cache beside
 * the list of the files (names, sizes, modification times) it was made
 * from, so that opening the same logs again reads the store, not the logs,
 * and a folder that gained a day reads that day alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hub-countries.h"
#include "hub-source-private.h"

/* Enough of a file to hold its header, compressed or not. */
#define SNIFF_BYTES 16384

typedef struct
{
  GPtrArray   *files;     /* GFile, as opened */
  HubSource   *source;    /* for reading a source's logs again */
  GStrv        team_ids;
  gboolean     exclude_team;
  HubProgress *progress;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_object (&data->source);
  g_clear_pointer (&data->team_ids, g_strfreev);
  g_free (data);
}

/* Whether the first line names the request logs' columns (or the
 * aggregate's), or is a JSON object. Anything else goes to the breakdown's
 * reader, which says what is wrong with it. */
static gboolean
header_is_logs (const char *text,
                gsize       len)
{
  static const char * const log_columns[] = {
    "status", "method", "hashedUserId", "hashedIp", "requestType", "sessions", NULL
  };
  const char *end = memchr (text, '\n', len);
  g_autofree char *line = NULL;
  g_auto(GStrv) names = NULL;
  gboolean logs = FALSE;

  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      len -= 3;
      end = memchr (text, '\n', len);
    }
  line = g_strndup (text, end ? (gsize) (end - text) : len);
  g_strstrip (line);
  if (line[0] == '{')
    return TRUE;

  names = g_strsplit (line, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);
      gsize n = strlen (name);

      if (n >= 2 && name[0] == '"' && name[n - 1] == '"')
        {
          name[n - 1] = '\0';
          name++;
        }
      if (g_str_equal (name, "downloads"))
        return FALSE;
      if (g_strv_contains (log_columns, name))
        logs = TRUE;
    }
  return logs;
}

/* Reads the start of a file, through gzip when it is compressed. */
static gboolean
file_is_logs (GFile        *file,
              GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  g_autofree guint8 *head = g_malloc (SNIFF_BYTES);
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, SNIFF_BYTES, &n, cancellable, NULL))
    return FALSE;

  if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      g_autofree char *text = g_malloc (SNIFF_BYTES);
      gsize read = 0, written = 0;

      /* A cut input converts as far as it goes. */
      if (g_converter_convert (G_CONVERTER (gunzip), head, n, text, SNIFF_BYTES,
                               G_CONVERTER_NO_FLAGS, &read, &written, NULL) == G_CONVERTER_ERROR)
        return FALSE;
      return header_is_logs (text, written);
    }
  return header_is_logs ((const char *) head, n);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **) b);

  return g_strcmp0 (name_a, name_b);
}

/* The regular, visible files of a folder, by name. */
static gboolean
add_folder (GPtrArray     *into,
            GFile         *folder,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return FALSE;
  while (g_file_enumerator_iterate (children, &info, &child, cancellable, error) && info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
        !g_file_info_get_is_hidden (info))
      g_ptr_array_add (found, g_object_ref (child));
  if (error != NULL && *error != NULL)
    return FALSE;
  g_ptr_array_sort (found, compare_names);
  g_ptr_array_extend_and_steal (into, g_steal_pointer (&found));
  return TRUE;
}

/* Where the store of these logs is kept: named after their folders, not
 * the files themselves, so that a folder that gained a day finds the store
 * made before it, and after the team settings. *prefix: the part of the
 * name for the folders, that every store of these logs shares. */
static char *
cache_path (GPtrArray          *files,
            const char * const *team_ids,
            gboolean            exclude_team,
            char              **prefix)
{
  g_autoptr(GString) key = g_string_new ("hub-analytics logs 2\n");
  g_autoptr(GString) settings = g_string_new (NULL);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *digest = NULL;
  g_autofree char *settings_digest = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) parent = g_file_get_parent (g_ptr_array_index (files, i));
      char *uri = parent ? g_file_get_uri (parent) : g_strdup ("");

      if (g_ptr_array_find_with_equal_func (folders, uri, g_str_equal, NULL))
        g_free (uri);
      else
        g_ptr_array_add (folders, uri);
    }
  g_ptr_array_sort (folders, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < folders->len; i++)
    g_string_append_printf (key, "%s\n", (char *) g_ptr_array_index (folders, i));
  if (exclude_team)
    {
      g_string_append (settings, "without the team\n");
      for (guint i = 0; team_ids != NULL && team_ids[i] != NULL; i++)
        g_string_append_printf (settings, "%s\n", team_ids[i]);
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key->str, key->len);
  settings_digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, settings->str, settings->len);
  *prefix = g_strconcat (digest, "-", NULL);
  name = g_strconcat (digest, "-", settings_digest, ".logs", NULL);
  return g_build_filename (g_get_user_cache_dir (), "hub-analytics", "logs", name, NULL);
}

/* One line a file: its URI, size and modification time, what the store
 * beside it was made from. NULL when a file cannot be looked at. */
static GPtrArray *
describe_files (GPtrArray    *files,
                GCancellable *cancellable)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                     G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                     G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                     G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      g_autofree char *uri = g_file_get_uri (file);

      if (info == NULL)
        return NULL;
      g_ptr_array_add (lines,
                       g_strdup_printf ("%" G_GINT64_FORMAT "\t%" G_GUINT64_FORMAT ".%06u\t%s",
                                        g_file_info_get_size (info),
                                        g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                                        g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                                        uri));
    }
  return g_steal_pointer (&lines);
}

static char *
manifest_path (const char *store_path)
{
  return g_strconcat (store_path, ".files", NULL);
}

/* Which of files are new to the cached store: NULL when the store cannot
 * be extended (none kept, an old file changed or vanished, or a new file
 * sorts before an old one, so that its days could come before those the
 * store holds); else the indices of the new files, perhaps none. */
static GArray *
new_since_cache (const char *path,
                 GPtrArray  *files,
                 GPtrArray  *described)
{
  g_autofree char *manifest = manifest_path (path);
  g_autofree char *text = NULL;
  g_auto(GStrv) kept = NULL;
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *old = NULL;
  g_autofree char *last_old = NULL;
  guint n_kept = 0;

  if (!g_file_get_contents (manifest, &text, NULL, NULL))
    return NULL;
  kept = g_strsplit (text, "\n", -1);
  old = g_new0 (gboolean, files->len);
  for (guint k = 0; kept[k] != NULL; k++)
    {
      gboolean found = FALSE;

      if (kept[k][0] == '\0')
        continue;
      n_kept++;
      for (guint i = 0; i < described->len && !found; i++)
        if (g_str_equal (kept[k], g_ptr_array_index (described, i)))
          {
            g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));

            old[i] = found = TRUE;
            if (g_strcmp0 (name, last_old) > 0)
              g_set_str (&last_old, name);
          }
      if (!found)
        return NULL;
    }
  if (n_kept == 0)
    return NULL;
  for (guint i = 0; i < files->len; i++)
    if (!old[i])
      {
        g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));

        if (g_strcmp0 (name, last_old) <= 0)
          return NULL;
        g_array_append_val (fresh, i);
      }
  return g_steal_pointer (&fresh);
}

/* Removes the stores of the same logs saved under other settings (and
 * their lists of files): a cache holds one store of a source's logs. */
static void
remove_older_stores (const char *path,
                     const char *prefix)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *kept = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_prefix (name, kept))
      {
        g_autofree char *old = g_build_filename (dir_path, name, NULL);

        if (g_remove (old) != 0)
          g_debug ("An older store of request logs stays: %s", g_strerror (errno));
      }
}

/* A cache that cannot be written costs the next opening time, no more. The
 * list of files goes last: a store without it is never extended. */
static void
save_cache (HubLogStore *store,
            const char  *path,
            const char  *prefix,
            GPtrArray   *described)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *manifest = manifest_path (path);
  g_autoptr(GString) text = g_string_new (NULL);

  g_remove (manifest);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Request logs not cached: %s", g_strerror (errno));
      return;
    }
  if (!hub_log_store_save (store, path, &error))
    {
      g_debug ("Request logs not cached: %s", error->message);
      return;
    }
  for (guint i = 0; described != NULL && i < described->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (described, i));
  if (described != NULL && !g_file_set_contents (manifest, text->str, text->len, &error))
    g_debug ("Request logs' files not kept: %s", error->message);
  remove_older_stores (path, prefix);
}

static gboolean
add_files (HubLogStore         *store,
           GPtrArray           *files,
           GArray              *which,
           const HubLogOptions *options,
           HubProgress         *progress,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < (which ? which->len : files->len); i++)
    {
      GFile *file = g_ptr_array_index (files, which ? g_array_index (which, guint, i) : i);

      g_ptr_array_add (chosen, file);
      g_ptr_array_add (names, g_file_get_basename (file));
      if (progress != NULL)
        {
          g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                         G_FILE_QUERY_INFO_NONE, cancellable, NULL);

          if (info != NULL)
            progress->total_bytes += g_file_info_get_size (info);
        }
    }
  return hub_log_store_add_files (store, (GFile **) chosen->pdata,
                                  (const char * const *) names->pdata, chosen->len, options,
                                  progress, cancellable, error);
}

/* The logs' store, from the cache when it holds these files as they are,
 * or these files and new ones: then only the new ones are read, appended
 * to it. */
static HubLogStore *
read_logs (GPtrArray          *files,
           const char * const *team_ids,
           gboolean            exclude_team,
           HubProgress        *progress,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(HubLogStore) store = NULL;
  g_autoptr(GPtrArray) described = describe_files (files, cancellable);
  g_autoptr(GArray) fresh = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *path = cache_path (files, team_ids, exclude_team, &prefix);
  HubLogOptions options = { team_ids, exclude_team, FALSE };

  /* The countries' names too, here rather than in the frame that first
   * shows one. */
  hub_countries_load ();

  if (described != NULL && (fresh = new_since_cache (path, files, described)) != NULL &&
      (store = hub_log_store_load (path, NULL)) != NULL)
    {
      g_debug ("Request logs from the cache, %u files new: %s", fresh->len, path);
      if (fresh->len == 0)
        return g_steal_pointer (&store);
      if (!add_files (store, files, fresh, &options, progress, cancellable, error))
        return NULL;
      save_cache (store, path, prefix, described);
      return g_steal_pointer (&store);
    }

  store = hub_log_store_new ();
  if (!add_files (store, files, NULL, &options, progress, cancellable, error))
    return NULL;
  save_cache (store, path, prefix, described);
  return g_steal_pointer (&store);
}

static HubSource *
read_breakdown (GFile         *file,
                HubProgress   *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  dataset = hub_dataset_load_file (path, base, progress, cancellable, error);
  if (dataset == NULL)
    return NULL;
  return hub_source_new_for_file (g_object_ref (file),
                                  g_file_info_get_modification_date_time (info), dataset);
}

/* A source of logs alone: its breakdown has no rows. */
static HubSource *
new_logs_source (GFile   *named_after,
                 GError **error)
{
  static const char header[] = "repoType,repoName,total,timestamp,downloads\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (header, sizeof header - 1);
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *base = g_file_get_basename (named_after);

  dataset = hub_dataset_load_bytes (bytes, base, error);
  if (dataset == NULL)
    return NULL;
  info = g_file_query_info (named_after, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return hub_source_new_for_file (g_object_ref (named_after),
                                  info ? g_file_info_get_modification_date_time (info) : NULL,
                                  dataset);
}

static void
load_files_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) breakdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) logs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GFile *named_after = NULL;

  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *display = g_file_get_parse_name (file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("“%s” is not a local file"), display);
          return;
        }
      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          if (!add_folder (files, file, cancellable, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          named_after = named_after ? named_after : file;
        }
      else
        g_ptr_array_add (files, g_object_ref (file));
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      /* A pipe cannot be read twice: only the breakdown's reader takes it. */
      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_REGULAR &&
          file_is_logs (file, cancellable))
        g_ptr_array_add (logs, g_object_ref (file));
      else
        g_ptr_array_add (breakdowns, file);
    }
  if (files->len == 0)
    {
      g_autofree char *display = g_file_get_parse_name (g_ptr_array_index (data->files, 0));

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("“%s” holds no files to read"), display);
      return;
    }

  for (guint i = 0; i < breakdowns->len; i++)
    {
      HubSource *source = read_breakdown (g_ptr_array_index (breakdowns, i), data->progress,
                                          cancellable, &error);

      if (source == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (sources, source);
    }

  if (logs->len > 0)
    {
      HubSource *owner = sources->len > 0 ? g_ptr_array_index (sources, 0) : NULL;
      g_autoptr(HubSource) logs_only = NULL;
      g_auto(GStrv) team = NULL;
      gboolean exclude = FALSE;
      HubLogStore *store;

      if (owner == NULL)
        {
          owner = logs_only = new_logs_source (named_after ? named_after
                                                           : g_ptr_array_index (logs, 0),
                                               &error);
          if (owner == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
        }
      team = hub_source_load_team (owner, &exclude);
      store = read_logs (logs, (const char * const *) team, exclude, data->progress, cancellable,
                         &error);

      if (store == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      hub_log_store_set_team_ids (store, (const char * const *) team);
      hub_source_set_logs (owner, store, g_steal_pointer (&logs), exclude);
      if (logs_only != NULL)
        g_ptr_array_add (sources, g_steal_pointer (&logs_only));
    }

  g_task_return_pointer (task, g_steal_pointer (&sources), (GDestroyNotify) g_ptr_array_unref);
}

static char *
team_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hub-analytics", "team-traffic.ini", NULL);
}

/* The team list of this source, as the user marked it. Any thread. */
GStrv
hub_source_load_team (HubSource *self,
                      gboolean  *exclude)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = team_path ();
  const char *id = hub_source_get_id (self);
  GStrv ids;

  *exclude = FALSE;
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  ids = g_key_file_get_string_list (file, id, "ids", NULL, NULL);
  *exclude = g_key_file_get_boolean (file, id, "exclude", NULL);
  return ids;
}

/* Keeps the team list of this source (private data: 0600, in a 0700 folder). */
gboolean
hub_source_save_team (HubSource          *self,
                      const char * const *ids,
                      gboolean            exclude,
                      GError            **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = team_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  const char *id = hub_source_get_id (self);

  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  if ((ids == NULL || ids[0] == NULL) && !exclude)
    g_key_file_remove_group (file, id, NULL);
  else
    {
      g_key_file_set_string_list (file, id, "ids", ids ? ids : (const char * const[]) { NULL },
                                  ids ? g_strv_length ((GStrv) ids) : 0);
      g_key_file_set_boolean (file, id, "exclude", exclude);
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s is a folder, then why it could not be made */
                   _("Could not make %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_key_file_save_to_file (file, path, error) && g_chmod (path, 0600) == 0;
}

/* What to open again to refresh this file's source: its folder, or its
 * breakdown and its logs. */
GListModel *
hub_source_dup_files (HubSource *self)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  GFile *file = hub_source_get_file (self);
  GPtrArray *logs = hub_source_get_log_files (self);

  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);

  if (file != NULL)
    g_list_store_append (files, file);
  if (file != NULL && g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return G_LIST_MODEL (files);
  for (guint i = 0; logs != NULL && i < logs->len; i++)
    if (file == NULL || !g_file_equal (g_ptr_array_index (logs, i), file))
      g_list_store_append (files, g_ptr_array_index (logs, i));
  return G_LIST_MODEL (files);
}

/* The demo organisation's month of request logs, from the resource. */
gboolean
hub_source_add_demo_logs (HubSource     *self,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const names[] = { "aurora-labs-logs.csv", NULL };
  HubLogStore *store = hub_log_store_new ();

  g_ptr_array_add (files, g_file_new_for_uri ("resource://" RESOURCE_PREFIX "demo/aurora-labs-logs.csv"));
  if (!hub_log_store_add_files (store, (GFile **) files->pdata, names, 1, NULL, NULL,
                                cancellable, error))
    {
      hub_log_store_free (store);
      return FALSE;
    }
  hub_source_set_logs (self, store, g_steal_pointer (&files), FALSE);
  return TRUE;
}

/* Reads files (GFile: breakdowns, logs, folders of them) in a worker
 * thread. progress, when not NULL, is written by the worker and must live
 * until the callback runs. */
void
hub_source_load_files_async (GListModel          *files,
                             HubProgress         *progress,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (g_list_model_get_n_items (files) > 0);

  data = g_new0 (LoadData, 1);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (data->files, g_list_model_get_item (files, i));
  data->progress = progress;
  hub_source_run_task (hub_source_load_files_async, "hub_source_load_files",
                       data, (GDestroyNotify) load_data_free, load_files_thread,
                       cancellable, callback, user_data);
}

/* The sources read (HubSource), in the order of their breakdowns. */
GPtrArray *
hub_source_load_files_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
reread_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  HubLogStore *store;
  HubSource *copy;

  store = read_logs (data->files, (const char * const *) data->team_ids, data->exclude_team,
                     data->progress, cancellable, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  hub_log_store_set_team_ids (store, (const char * const *) data->team_ids);
  copy = hub_source_copy_without_logs (data->source);
  hub_source_set_logs (copy, store, g_ptr_array_ref (data->files), data->exclude_team);
  g_task_return_pointer (task, copy, g_object_unref);
}

void
hub_source_reread_logs_async (HubSource           *self,
                              const char * const  *team_ids,
                              gboolean             exclude_team,
                              HubProgress         *progress,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (HUB_IS_SOURCE (self));
  g_return_if_fail (hub_source_get_log_files (self) != NULL);

  data = g_new0 (LoadData, 1);
  data->files = g_ptr_array_ref (hub_source_get_log_files (self));
  data->source = g_object_ref (self);
  data->team_ids = g_strdupv ((char **) team_ids);
  data->exclude_team = exclude_team;
  data->progress = progress;
  hub_source_run_task (hub_source_reread_logs_async, "hub_source_reread_logs",
                       data, (GDestroyNotify) load_data_free, reread_thread,
                       cancellable, callback, user_data);
}

HubSource *
hub_source_reread_logs_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
