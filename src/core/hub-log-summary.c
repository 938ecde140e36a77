/* hub-log-summary.c: the JSON summary printed by `hub-analytics --logs-summary`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "hub-audience-csv.h"
#include "hub-log-private.h"

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_uints (const void *a,
               const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

static void
add_day (JsonBuilder *builder,
         const char  *name,
         HubDay       day,
         gboolean     any)
{
  char text[HUB_DAY_ISO_LEN];

  json_builder_set_member_name (builder, name);
  if (!any)
    {
      json_builder_add_null_value (builder);
      return;
    }
  hub_day_format (day, text);
  json_builder_add_string_value (builder, text);
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint64      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, (gint64) MIN (value, (guint64) G_MAXINT64));
}

static void
add_methods (JsonBuilder *builder,
             HubLogStore *store,
             HubDay       first,
             HubDay       last)
{
  g_autoptr(GHashTable) counts = hub_log_store_requests_by_method (store, first, last);
  guint n;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (counts, &n);

  qsort (keys, n, sizeof (gpointer), compare_strings);
  json_builder_set_member_name (builder, "methods");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    add_count (builder, keys[i], *(guint64 *) g_hash_table_lookup (counts, keys[i]));
  json_builder_end_object (builder);
}

static void
add_statuses (JsonBuilder *builder,
              HubLogStore *store,
              HubDay       first,
              HubDay       last)
{
  g_autoptr(GHashTable) counts = hub_log_store_requests_by_status (store, first, last);
  g_autofree guint *statuses = g_new (guint, g_hash_table_size (counts) + 1);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (GPOINTER_TO_UINT (key) != 0)
      statuses[n++] = GPOINTER_TO_UINT (key);
  qsort (statuses, n, sizeof (guint), compare_uints);

  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      char name[16];

      g_snprintf (name, sizeof name, "%u", statuses[i]);
      add_count (builder, name,
                 *(guint64 *) g_hash_table_lookup (counts, GUINT_TO_POINTER (statuses[i])));
    }
  json_builder_end_object (builder);
}

static void
add_countries (JsonBuilder *builder,
               HubLogStore *store,
               HubDay       first,
               HubDay       last)
{
  guint n = hub_log_store_get_n_countries (store);
  g_autofree HubLogFigures *figures = g_new (HubLogFigures, n + 1);
  g_autofree const char **codes = g_new (const char *, n + 1);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  hub_log_store_by_country (store, first, last, figures);
  for (guint i = 0; i < n; i++)
    {
      codes[i] = hub_log_store_get_country (store, i);
      g_hash_table_insert (index, (gpointer) codes[i], GUINT_TO_POINTER (i));
    }
  qsort (codes, n, sizeof (const char *), compare_strings);

  json_builder_set_member_name (builder, "countries");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const HubLogFigures *f = &figures[GPOINTER_TO_UINT (g_hash_table_lookup (index, codes[i]))];

      /* A country whose lines were all team traffic, left out. */
      if (f->requests == 0)
        continue;
      json_builder_set_member_name (builder, codes[i]);
      json_builder_begin_object (builder);
      add_count (builder, "requests", f->requests);
      add_count (builder, "uniques", f->uniques);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static gpointer
by_repo_thread (gpointer data)
{
  log_grouping_work (data);
  return NULL;
}

static void
add_repos (JsonBuilder   *builder,
           HubLogStore   *store,
           HubLogFigures *figures)
{
  guint n = hub_log_store_get_n_repos (store);
  g_autofree guint *sorted = NULL;

  sorted = hub_audience_order_repos (figures, n, store);

  json_builder_set_member_name (builder, "repos");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const HubLogFigures *f = &figures[sorted[i]];
      const char *type, *name;

      if (f->requests == 0)
        continue;
      hub_log_store_get_repo (store, sorted[i], &type, &name);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "repoType");
      json_builder_add_string_value (builder, type);
      json_builder_set_member_name (builder, "repoName");
      json_builder_add_string_value (builder, name);
      add_count (builder, "requests", f->requests);
      add_count (builder, "sessions", f->sessions);
      add_count (builder, "uniques", f->uniques);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
hub_log_summary_to_json (HubLogStore *store)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  HubLogFigures all;
  HubDay first, last;
  gboolean any = hub_log_store_get_days (store, &first, &last);
  g_autofree HubLogFigures *repos = g_new (HubLogFigures, hub_log_store_get_n_repos (store) + 1);
  LogGrouping *by_repo;
  GThread *thread;

  if (!any)
    first = last = 0;
  /* The repositories' unions of sketches on the other core, while this one
   * makes the rest and then helps with them: the store is only read. */
  by_repo = log_grouping_new (store, TRUE, first, last, repos);
  thread = g_thread_new ("hub-log-summary", by_repo_thread, by_repo);
  hub_log_store_figures (store, HUB_LOG_FILTER_ALL, first, last, &all);

  json_builder_begin_object (builder);
  add_day (builder, "firstDay", first, any);
  add_day (builder, "lastDay", last, any);
  add_count (builder, "requests", all.requests);
  add_count (builder, "sessions", all.sessions);
  add_count (builder, "users", all.users);
  add_count (builder, "anonymousIps", all.anonymous_ips);
  add_count (builder, "uniques", all.uniques);
  add_methods (builder, store, first, last);
  add_statuses (builder, store, first, last);
  json_builder_set_member_name (builder, "classes");
  json_builder_begin_object (builder);
  for (guint c = 0; c < HUB_LOG_N_CLASSES; c++)
    add_count (builder, hub_log_class_name (c), all.classes[c]);
  json_builder_end_object (builder);
  add_countries (builder, store, first, last);
  log_grouping_work (by_repo);
  g_thread_join (thread);
  log_grouping_free (by_repo);
  add_repos (builder, store, repos);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The top identities (while exact) and every country's regions, as text:
 * for the tests and the fuzzer to compare two stores. */
char *
log_store_audience_text (HubLogStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) top = hub_log_store_top_identities (store, G_MININT32, G_MAXINT32,
                                                             G_MAXUINT);

  for (guint i = 0; i < top->len; i++)
    {
      HubLogIdentity *identity = top->pdata[i];

      if (identity->requests_error != 0)
        {
          g_string_append (text, "approximate;");
          break;
        }
      g_string_append_printf (text, "%s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %d %d;",
                              identity->id, identity->requests, identity->sessions,
                              identity->is_user, identity->team);
    }
  for (guint c = 0; c < hub_log_store_get_n_countries (store); c++)
    {
      g_autoptr(GPtrArray) regions = hub_log_store_regions (store, G_MININT32, G_MAXINT32, c);

      g_string_append_printf (text, "\n%s:", hub_log_store_get_country (store, c));
      for (guint i = 0; i < regions->len; i++)
        {
          HubLogRegion *region = regions->pdata[i];

          g_string_append_printf (text, " %s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT ";",
                                  region->region, region->requests, region->sessions);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
