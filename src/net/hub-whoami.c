/* hub-whoami.c: who a token belongs to, from /api/whoami-v2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hub-json-private.h"
#include "hub-net-error.h"
#include "hub-whoami.h"

typedef struct
{
  HubWhoami      public;
  gatomicrefcount ref_count;
} HubWhoamiReal;

G_DEFINE_BOXED_TYPE (HubWhoami, hub_whoami, hub_whoami_ref, hub_whoami_unref)

static void
whoami_org_free (HubWhoamiOrg *org)
{
  g_free (org->name);
  g_free (org->fullname);
  g_free (org->avatar_url);
  g_free (org->role_in_org);
  g_free (org);
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

HubWhoami *
hub_whoami_new_from_json (const char  *json,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  HubWhoamiReal *real;
  HubWhoami *self;
  JsonNode *root;
  JsonObject *object;
  JsonObject *access_token;
  JsonNode *orgs;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
                   _("The Hub’s answer about the signed-in account could not be read"));
      return NULL;
    }
  object = json_node_get_object (root);

  real = g_new0 (HubWhoamiReal, 1);
  g_atomic_ref_count_init (&real->ref_count);
  self = &real->public;
  self->orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) whoami_org_free);
  self->name = g_strdup (hub_json_string_member (object, "name"));
  self->fullname = g_strdup (hub_json_string_member (object, "fullname"));
  access_token = get_object_member (get_object_member (object, "auth"), "accessToken");
  if (access_token != NULL)
    self->token_role = g_strdup (hub_json_string_member (access_token, "role"));

  orgs = json_object_get_member (object, "orgs");
  if (orgs != NULL && JSON_NODE_HOLDS_ARRAY (orgs))
    {
      JsonArray *array = json_node_get_array (orgs);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *org_object;
          HubWhoamiOrg *org;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          org_object = json_node_get_object (item);
          org = g_new0 (HubWhoamiOrg, 1);
          org->name = g_strdup (hub_json_string_member (org_object, "name"));
          if (org->name == NULL)
            {
              whoami_org_free (org);
              continue;
            }
          org->fullname = g_strdup (hub_json_string_member (org_object, "fullname"));
          org->avatar_url = g_strdup (hub_json_string_member (org_object, "avatarUrl"));
          org->role_in_org = g_strdup (hub_json_string_member (org_object, "roleInOrg"));
          g_ptr_array_add (self->orgs, org);
        }
    }

  if (self->name == NULL)
    {
      hub_whoami_unref (self);
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE,
                   _("The Hub’s answer about the signed-in account has no user name"));
      return NULL;
    }
  return self;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

char *
hub_whoami_to_json (const HubWhoami *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "name", self->name);
  add_string (builder, "fullname", self->fullname);
  json_builder_set_member_name (builder, "orgs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->orgs->len; i++)
    {
      const HubWhoamiOrg *org = g_ptr_array_index (self->orgs, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", org->name);
      add_string (builder, "fullname", org->fullname);
      add_string (builder, "avatarUrl", org->avatar_url);
      add_string (builder, "roleInOrg", org->role_in_org);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (self->token_role != NULL)
    {
      json_builder_set_member_name (builder, "auth");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "accessToken");
      json_builder_begin_object (builder);
      add_string (builder, "role", self->token_role);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

HubWhoami *
hub_whoami_ref (HubWhoami *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&((HubWhoamiReal *) self)->ref_count);
  return self;
}

void
hub_whoami_unref (HubWhoami *self)
{
  if (self == NULL)
    return;
  if (!g_atomic_ref_count_dec (&((HubWhoamiReal *) self)->ref_count))
    return;
  g_free (self->name);
  g_free (self->fullname);
  g_free (self->token_role);
  g_ptr_array_unref (self->orgs);
  g_free (self);
}

const HubWhoamiOrg *
hub_whoami_find_org (const HubWhoami *self,
                     const char      *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->orgs->len; i++)
    {
      const HubWhoamiOrg *org = g_ptr_array_index (self->orgs, i);

      if (g_strcmp0 (org->name, name) == 0)
        return org;
    }
  return NULL;
}
