/* hub-repo-info.c: likes, privacy and dates of a repository, from the listings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hub-json-private.h"
#include "hub-net-error.h"
#include "hub-repo-info.h"

void
hub_repo_info_free (HubRepoInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->type);
  g_free (info->name);
  g_clear_pointer (&info->last_modified, g_date_time_unref);
  g_clear_pointer (&info->created_at, g_date_time_unref);
  g_free (info);
}

gboolean
hub_repo_info_parse_page (const char  *json,
                          gsize        length,
                          const char  *type,
                          GPtrArray   *infos,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (json != NULL || length == 0, FALSE);
  g_return_val_if_fail (type != NULL, FALSE);

  if (!json_parser_load_from_data (parser, json ? json : "", (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
                   _("The Hub’s list of repositories could not be read"));
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *object;
      const char *id;
      const char *modified;
      const char *created;
      HubRepoInfo *info;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      object = json_node_get_object (item);
      id = hub_json_string_member (object, "id");
      if (id == NULL || *id == '\0')
        continue;

      info = g_new0 (HubRepoInfo, 1);
      info->type = g_strdup (type);
      info->name = g_strdup (id);
      info->likes = hub_json_int_member (object, "likes");
      info->is_private = hub_json_bool_member (object, "private");
      info->downloads = hub_json_int_member (object, "downloads");
      info->downloads_all_time = hub_json_int_member (object, "downloadsAllTime");
      info->trending_score = hub_json_int_member (object, "trendingScore");
      modified = hub_json_string_member (object, "lastModified");
      if (modified != NULL)
        info->last_modified = g_date_time_new_from_iso8601 (modified, NULL);
      created = hub_json_string_member (object, "createdAt");
      if (created != NULL)
        info->created_at = g_date_time_new_from_iso8601 (created, NULL);
      g_ptr_array_add (infos, info);
    }
  return TRUE;
}
