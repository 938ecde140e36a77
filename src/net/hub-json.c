/* hub-json.c: members of the Hub's JSON answers, and of the cache's copies,
 * read strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-json-private.h"

static JsonNode *
value_member (JsonObject *object,
              const char *member,
              GType       type)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

gint64
hub_json_int_member (JsonObject *object,
                     const char *member)
{
  JsonNode *node = value_member (object, member, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : -1;
}

const char *
hub_json_string_member (JsonObject *object,
                        const char *member)
{
  JsonNode *node = value_member (object, member, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

gboolean
hub_json_bool_member (JsonObject *object,
                      const char *member)
{
  JsonNode *node = value_member (object, member, G_TYPE_BOOLEAN);

  return node != NULL && json_node_get_boolean (node);
}
