/* hub-summary.c: the JSON summary printed by `hub-analytics --summary`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "hub-summary.h"

char *
hub_summary_to_json (HubDataset *dataset)
{
  const HubTotals *t = hub_dataset_get_totals (dataset);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) summary = json_object_new ();

  if (t->as_of == HUB_DAY_NONE)
    json_object_set_null_member (summary, "asOf");
  else
    {
      char day[HUB_DAY_ISO_LEN];

      hub_day_format (t->as_of, day);
      json_object_set_string_member (summary, "asOf", day);
    }
  json_object_set_int_member (summary, "allTime", t->all_time);
  json_object_set_int_member (summary, "lastMonth", t->last_month);
  json_object_set_int_member (summary, "previousMonth", t->previous_month);
  json_object_set_int_member (summary, "repos", t->repos);
  json_object_set_int_member (summary, "models", t->models);
  json_object_set_int_member (summary, "datasets", t->datasets);
  json_object_set_int_member (summary, "spaces", t->spaces);
  json_object_set_int_member (summary, "rows", (gint64) t->rows);

  json_node_set_object (root, summary);
  return json_to_string (root, FALSE);
}
