/* hub-audience-csv.c: the Audience view's tables as CSV
 *
 * Locale-free, as the other exports: plain integers, a header of the
 * figures' names as --logs-summary spells them. Countries and repositories
 * come in the order the view shows them: most requests first, then by code
 * (or type and name), so that two exports of the same logs are the same
 * file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-audience-csv.h"
#include "hub-csv-writer.h"

typedef struct
{
  const HubLogFigures *figures;
  HubLogStore         *store;
  /* Orders two with as many requests. */
  int                (*by_name) (HubLogStore *store,
                                 guint        i,
                                 guint        j);
} OrderData;

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const OrderData *data = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  guint64 ri = data->figures[i].requests, rj = data->figures[j].requests;

  if (ri != rj)
    return ri > rj ? -1 : 1;
  return data->by_name (data->store, i, j);
}

static int
country_by_code (HubLogStore *store,
                 guint        i,
                 guint        j)
{
  return strcmp (hub_log_store_get_country (store, i),
                 hub_log_store_get_country (store, j));
}

static int
repo_by_type_and_name (HubLogStore *store,
                       guint        i,
                       guint        j)
{
  const char *ti, *ni, *tj, *nj;
  int by_type;

  hub_log_store_get_repo (store, i, &ti, &ni);
  hub_log_store_get_repo (store, j, &tj, &nj);
  by_type = strcmp (ti, tj);
  return by_type != 0 ? by_type : strcmp (ni, nj);
}

/* Countries by requests, most first, then by code; those without requests
 * in the range left out. The indexes end with G_MAXUINT. */
guint *
hub_audience_order_countries (const HubLogFigures *figures,
                              guint                n_countries,
                              HubLogStore         *store)
{
  OrderData data = { figures, store, country_by_code };
  guint *order = g_new (guint, n_countries + 1);
  guint n = 0;

  for (guint c = 0; c < n_countries; c++)
    if (figures[c].requests > 0)
      order[n++] = c;
  g_sort_array (order, n, sizeof (guint), compare_order, &data);
  order[n] = G_MAXUINT;
  return order;
}

/* Every repository, by requests, most first, then by type and name: those
 * without requests in the range come last. */
guint *
hub_audience_order_repos (const HubLogFigures *figures,
                          guint                n_repos,
                          HubLogStore         *store)
{
  OrderData data = { figures, store, repo_by_type_and_name };
  guint *order = g_new (guint, MAX (n_repos, 1));

  for (guint r = 0; r < n_repos; r++)
    order[r] = r;
  g_sort_array (order, n_repos, sizeof (guint), compare_order, &data);
  return order;
}

static void
append_count (GString *line,
              guint64  value)
{
  g_string_append_printf (line, ",%" G_GUINT64_FORMAT, value);
}

/* The counts of a country's or a repository's row, to the line's end. */
static void
append_figures (GString             *line,
                const HubLogFigures *f)
{
  append_count (line, f->requests);
  append_count (line, f->sessions);
  append_count (line, f->users);
  append_count (line, f->anonymous_ips);
  append_count (line, f->uniques);
  g_string_append_c (line, '\n');
}

static void
append_country (GString     *line,
                HubLogStore *store,
                guint        country)
{
  hub_csv_append_field (line, hub_log_store_get_country (store, country));
}

static void
append_repo (GString     *line,
             HubLogStore *store,
             guint        repo)
{
  const char *type, *name;

  hub_log_store_get_repo (store, repo, &type, &name);
  hub_csv_append_field (line, type);
  g_string_append_c (line, ',');
  hub_csv_append_field (line, name);
}

/* The countries' or the repositories' table: a row for each with requests
 * in the range, in the view's order. */
static void
append_figures_table (GString     *csv,
                      HubLogStore *store,
                      HubDay       first,
                      HubDay       last,
                      const char  *header,
                      guint        n,
                      void       (*by_key) (HubLogStore *, HubDay, HubDay, HubLogFigures *),
                      guint     *(*order_keys) (const HubLogFigures *, guint, HubLogStore *),
                      void       (*append_key) (GString *, HubLogStore *, guint))
{
  g_autofree HubLogFigures *figures = g_new0 (HubLogFigures, MAX (n, 1));
  g_autofree guint *order = NULL;

  by_key (store, first, last, figures);
  order = order_keys (figures, n, store);
  g_string_append (csv, header);
  for (guint k = 0; k < n && order[k] != G_MAXUINT; k++)
    {
      if (figures[order[k]].requests == 0)
        continue;
      append_key (csv, store, order[k]);
      append_figures (csv, &figures[order[k]]);
    }
}

/* A table over days first … last (inclusive). */
char *
hub_audience_csv (HubLogStore      *store,
                  HubAudienceTable  table,
                  HubDay            first,
                  HubDay            last)
{
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (store != NULL, NULL);

  switch (table)
    {
    case HUB_AUDIENCE_TABLE_COUNTRIES:
      append_figures_table (csv, store, first, last,
                            "country,requests,sessions,users,anonymousIps,uniques\n",
                            hub_log_store_get_n_countries (store), hub_log_store_by_country,
                            hub_audience_order_countries, append_country);
      break;
    case HUB_AUDIENCE_TABLE_CLASSES:
      {
        HubLogFigures total;

        hub_log_store_figures (store, HUB_LOG_FILTER_ALL, first, last, &total);
        g_string_append (csv, "class,requests\n");
        for (guint k = 0; k < HUB_LOG_N_CLASSES; k++)
          {
            g_string_append (csv, hub_log_class_name (k));
            append_count (csv, total.classes[k]);
            g_string_append_c (csv, '\n');
          }
        break;
      }
    case HUB_AUDIENCE_TABLE_REPOSITORIES:
    default:
      append_figures_table (csv, store, first, last,
                            "repoType,repoName,requests,sessions,users,anonymousIps,uniques\n",
                            hub_log_store_get_n_repos (store), hub_log_store_by_repo,
                            hub_audience_order_repos, append_repo);
      break;
    }
  return g_string_free (csv, FALSE);
}

/* SOURCE-audience-TABLE-LAST.csv */
char *
hub_audience_suggested_name (const char       *source,
                             HubAudienceTable  table,
                             HubDay            last)
{
  static const char * const tables[] = { "countries", "classes", "repositories" };
  g_autofree char *base = g_strdup (source != NULL && *source ? source : "demo");
  char day[HUB_DAY_ISO_LEN];

  g_strdelimit (base, "/\\:", '-');
  if (last == HUB_DAY_NONE)
    return g_strdup_printf ("%s-audience-%s.csv", base, tables[table]);
  hub_day_format (last, day);
  return g_strdup_printf ("%s-audience-%s-%s.csv", base, tables[table], day);
}
