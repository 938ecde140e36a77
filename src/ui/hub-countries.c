/* hub-countries.c: a country's name from its ISO 3166-1 code, translated
 *
 * The names are iso-codes' (the platform carries them), read once from its
 * JSON file and translated through its gettext domain, as GNOME's other
 * applications name countries. A code iso-codes does not know is shown as
 * written; the logs' unknown country, ZZ, as "Unknown".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "hub-countries.h"

#define ISO_3166_DOMAIN "iso_3166-1"

static GHashTable *
load_names (void)
{
  g_autofree char *path = g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json",
                                            "iso_3166-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *root;
  JsonArray *countries;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_warning ("Country names are not available: %s", error->message);
      return names;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  countries = root ? json_object_get_array_member (root, "3166-1") : NULL;
  for (guint i = 0; countries != NULL && i < json_array_get_length (countries); i++)
    {
      JsonObject *country = json_array_get_object_element (countries, i);
      const char *code = json_object_get_string_member_with_default (country, "alpha_2", NULL);
      const char *name = json_object_get_string_member_with_default (country, "common_name", NULL);

      if (name == NULL)
        name = json_object_get_string_member_with_default (country, "name", NULL);
      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code),
                             g_strdup (g_dgettext (ISO_3166_DOMAIN, name)));
    }
  return names;
}

static GHashTable *
names_table (void)
{
  static GHashTable *names;

  if (g_once_init_enter_pointer (&names))
    {
      bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
      g_once_init_leave_pointer (&names, load_names ());
    }
  return names;
}

/* Reads the names, so that the first country shown does not wait for
 * them: from the thread that reads request logs. Any thread. */
void
hub_countries_load (void)
{
  names_table ();
}

/* The name of the country with the ISO 3166-1 alpha-2 code, in the user's
 * language. Any thread. */
const char *
hub_country_name (const char *code)
{
  const char *name;

  g_return_val_if_fail (code != NULL, NULL);

  if (g_str_equal (code, "ZZ") || code[0] == '\0')
    /* Translators: the country of requests the Hub could not place */
    return _("Unknown");
  name = g_hash_table_lookup (names_table (), code);
  return name ? name : code;
}
