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
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "asOf");
  if (t->as_of == HUB_DAY_NONE)
    json_builder_add_null_value (builder);
  else
    {
      char day[HUB_DAY_ISO_LEN];

      hub_day_format (t->as_of, day);
      json_builder_add_string_value (builder, day);
    }
  json_builder_set_member_name (builder, "allTime");
  json_builder_add_int_value (builder, t->all_time);
  json_builder_set_member_name (builder, "lastMonth");
  json_builder_add_int_value (builder, t->last_month);
  json_builder_set_member_name (builder, "previousMonth");
  json_builder_add_int_value (builder, t->previous_month);
  json_builder_set_member_name (builder, "repos");
  json_builder_add_int_value (builder, t->repos);
  json_builder_set_member_name (builder, "models");
  json_builder_add_int_value (builder, t->models);
  json_builder_set_member_name (builder, "datasets");
  json_builder_add_int_value (builder, t->datasets);
  json_builder_set_member_name (builder, "spaces");
  json_builder_add_int_value (builder, t->spaces);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, (gint64) t->rows);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
