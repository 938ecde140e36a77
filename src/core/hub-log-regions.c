/* hub-log-regions.c: requests and sessions by (day, country, region), and
 * a country's regions over a range of days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-log-private.h"

G_DEFINE_BOXED_TYPE (HubLogRegion, hub_log_region, hub_log_region_copy, hub_log_region_free)

HubLogRegion *
hub_log_region_copy (const HubLogRegion *region)
{
  HubLogRegion *copy = g_new (HubLogRegion, 1);

  *copy = *region;
  copy->region = g_strdup (region->region);
  return copy;
}

void
hub_log_region_free (HubLogRegion *region)
{
  if (region == NULL)
    return;
  g_free (region->region);
  g_free (region);
}

static inline guint64
region_cell_hash (HubDay  day,
                  guint32 country,
                  guint32 region)
{
  return log_mix64 (((guint64) (guint32) day << 32 | country)
                    ^ ((guint64) region * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));
}

LogRegionCell *
log_store_region_cell (HubLogStore *store,
                       HubDay       day,
                       guint32      country,
                       guint32      region,
                       guint32     *index)
{
  guint64 hash = region_cell_hash (day, country, region);
  LogRegionCell cell = { 0, 0, day, country, region };

  LOG_INDEX_FOR_EACH (&store->region_cell_index, hash, slot)
    {
      LogRegionCell *c = &g_array_index (store->region_cells, LogRegionCell, slot->index - 1);

      if (slot->hash == hash && c->day == day && c->country == country && c->region == region)
        {
          *index = slot->index - 1;
          return c;
        }
    }
  *index = store->region_cells->len;
  g_array_append_val (store->region_cells, cell);
  log_index_insert (&store->region_cell_index, hash, *index);
  return &g_array_index (store->region_cells, LogRegionCell, *index);
}

/* Adds other's region cells to store's; country_map takes other's
 * countries to store's. */
void
log_regions_merge (HubLogStore *store,
                   HubLogStore *other,
                   GArray      *country_map)
{
  g_autoptr(GArray) region_map = log_strings_remap (&store->regions, &other->regions);

  for (guint i = 0; i < other->region_cells->len; i++)
    {
      const LogRegionCell *c = &g_array_index (other->region_cells, LogRegionCell, i);
      guint32 index;
      LogRegionCell *t = log_store_region_cell (store, c->day,
                                                g_array_index (country_map, guint32, c->country),
                                                g_array_index (region_map, guint32, c->region),
                                                &index);

      t->requests += c->requests;
      t->sessions += c->sessions;
    }
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const HubLogRegion *x = *(HubLogRegion * const *) a;
  const HubLogRegion *y = *(HubLogRegion * const *) b;

  if (x->requests != y->requests)
    return x->requests > y->requests ? -1 : 1;
  return strcmp (x->region, y->region);
}

GPtrArray *
hub_log_store_regions (HubLogStore *store,
                       HubDay       first,
                       HubDay       last,
                       guint        country)
{
  guint n = store->regions.strings->len;
  g_autofree guint64 *requests = g_new0 (guint64, n + 1);
  g_autofree guint64 *sessions = g_new0 (guint64, n + 1);
  g_autofree gboolean *seen = g_new0 (gboolean, n + 1);
  GPtrArray *regions = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_log_region_free);

  g_return_val_if_fail (store != NULL, regions);

  for (guint i = 0; i < store->region_cells->len; i++)
    {
      const LogRegionCell *c = &g_array_index (store->region_cells, LogRegionCell, i);

      if (c->country != country || c->day < first || c->day > last)
        continue;
      requests[c->region] += c->requests;
      sessions[c->region] += c->sessions;
      seen[c->region] = TRUE;
    }
  for (guint r = 0; r < n; r++)
    if (seen[r])
      {
        HubLogRegion *region = g_new (HubLogRegion, 1);

        region->region = g_strdup (log_strings_get (&store->regions, r, NULL));
        region->requests = requests[r];
        region->sessions = sessions[r];
        g_ptr_array_add (regions, region);
      }
  g_ptr_array_sort (regions, compare_regions);
  return regions;
}
