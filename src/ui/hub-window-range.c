/* hub-window-range.c: the dashboard's range, remembered per source
 *
 * Two range pickers show one state: the header's, and the narrow layout's
 * bottom bar. Each source keeps the range it was left with (the "ranges"
 * key: the source's id to its preset, its steps from the preset's own
 * range, and a custom range's days); a source opened for the first time
 * starts with the last range chosen ("last-range"), or, before any was,
 * with the old "period" key's choice. What Change compares the range with
 * is one choice for every source (the "comparison" key, win.comparison).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-window-private.h"

/* A remembered range: (preset's nick, steps, first day, last day); the
 * days are a custom range's, "" for a preset. */
#define RANGE_TYPE "(siss)"

static gboolean
preset_from_nick (const char     *nick,
                  HubRangePreset *preset)
{
  g_autoptr(GEnumClass) presets = g_type_class_ref (HUB_TYPE_RANGE_PRESET);
  GEnumValue *value = g_enum_get_value_by_nick (presets, nick);

  if (value == NULL)
    return FALSE;
  *preset = value->value;
  return TRUE;
}

static const char *
preset_nick (HubRangePreset preset)
{
  g_autoptr(GEnumClass) presets = g_type_class_ref (HUB_TYPE_RANGE_PRESET);

  return g_enum_get_value (presets, preset)->value_nick;
}

static GVariant *
range_to_variant (HubRangePicker *picker)
{
  HubRangePreset preset = hub_range_picker_get_preset (picker);
  HubRange range = hub_range_picker_get_range (picker);
  char first[HUB_DAY_ISO_LEN] = "", last[HUB_DAY_ISO_LEN] = "";

  if (preset == HUB_RANGE_CUSTOM)
    {
      hub_day_format (range.first, first);
      hub_day_format (range.last, last);
    }
  return g_variant_new (RANGE_TYPE, preset_nick (preset), hub_range_picker_get_steps (picker),
                        first, last);
}

/* Sets picker to a remembered range; FALSE when it holds none. */
static gboolean
restore (HubRangePicker *picker,
         GVariant       *remembered)
{
  const char *nick, *first_text, *last_text;
  int steps;
  HubRangePreset preset;
  HubRange range = { 1, 0 };

  g_variant_get (remembered, "(&si&s&s)", &nick, &steps, &first_text, &last_text);
  if (!preset_from_nick (nick, &preset))
    return FALSE;
  if (preset == HUB_RANGE_CUSTOM
      && (!hub_day_parse_timestamp (first_text, strlen (first_text), &range.first)
          || !hub_day_parse_timestamp (last_text, strlen (last_text), &range.last)
          || range.last < range.first))
    return FALSE;
  hub_range_picker_restore (picker, preset, steps, range);
  return TRUE;
}

/* The range a source starts with when it has none of its own. */
static void
restore_default (HubWindow      *self,
                 HubRangePicker *picker)
{
  g_autoptr(GVariant) last = g_settings_get_value (self->settings, "last-range");

  if (!restore (picker, last))
    hub_range_picker_restore (picker,
                              g_settings_get_enum (self->settings, "period") == HUB_PERIOD_LAST_MONTH
                                ? HUB_RANGE_LAST_30_DAYS : HUB_RANGE_ALL,
                              0, (HubRange) { 1, 0 });
}

static void
remember (HubWindow *self)
{
  g_autoptr(GVariant) ranges = g_settings_get_value (self->settings, "ranges");
  g_autoptr(GVariant) range = g_variant_ref_sink (range_to_variant (self->range_picker));
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{s" RANGE_TYPE "}"));
  const char *id = hub_source_get_id (self->source);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, ranges);
  while (g_variant_iter_next (&iter, "{&s@" RANGE_TYPE "}", &key, &value))
    {
      if (!g_str_equal (key, id))
        g_variant_builder_add (&builder, "{s@" RANGE_TYPE "}", key, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&builder, "{s@" RANGE_TYPE "}", id, range);
  g_settings_set_value (self->settings, "ranges", g_variant_builder_end (&builder));
  g_settings_set_value (self->settings, "last-range", range);
}

/* The span the pickers and the comparison say. */
static void
update_span (HubWindow *self)
{
  HubRangePreset preset = hub_range_picker_get_preset (self->range_picker);
  HubComparison comparison = g_settings_get_enum (self->settings, "comparison");
  HubRange range = hub_range_picker_get_range (self->range_picker);

  /* Without days (request logs alone) the preset still says the period. */
  if (range.first > range.last)
    self->span = (HubSpan) { preset, comparison, range, range };
  else
    self->span = hub_span_make (preset, range, comparison);
}

/* ... to every view of the source. */
static void
apply (HubWindow *self)
{
  update_span (self);
  if (self->source != NULL)
    hub_window_show_span (self);
}

static void
on_picker_changed (HubRangePicker *picker,
                   HubWindow      *self)
{
  HubRangePicker *other = picker == self->range_picker ? self->narrow_range_picker
                                                       : self->range_picker;

  if (self->range_syncing)
    return;
  self->range_syncing = TRUE;
  hub_range_picker_restore (other, hub_range_picker_get_preset (picker),
                            hub_range_picker_get_steps (picker), hub_range_picker_get_range (picker));
  self->range_syncing = FALSE;
  if (self->source == NULL)
    return;
  remember (self);
  apply (self);
}

static void
on_comparison_changed (GSettings  *settings,
                       const char *key,
                       HubWindow  *self)
{
  apply (self);
}

static void
range_step_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  HubWindow *self = user_data;

  hub_range_picker_step (self->range_picker, g_variant_get_int32 (parameter));
}

static void
range_preset_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  HubWindow *self = user_data;
  HubRangePreset preset;

  if (hub_range_picker_preset_at ((guint) g_variant_get_int32 (parameter), &preset))
    hub_range_picker_set_preset (self->range_picker, preset);
}

static const GActionEntry range_entries[] = {
  { "range-step", range_step_activated, "i" },
  { "range-preset", range_preset_activated, "i" },
};

/* The range picker's keys, as win.range-step and win.range-preset; not
 * while a dialog is shown, which may bind the same keys (the Insights
 * dialog does). */
static gboolean
range_key_pressed (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   action_name)
{
  if (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (widget)) != NULL)
    return FALSE;
  return gtk_widget_activate_action_variant (widget, action_name, args);
}

static gboolean
step_pressed (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return range_key_pressed (widget, args, "win.range-step");
}

static gboolean
preset_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return range_key_pressed (widget, args, "win.range-preset");
}

void
hub_window_range_init (HubWindow *self)
{
  g_autoptr(GAction) comparison = g_settings_create_action (self->settings, "comparison");

  self->span = HUB_SPAN_ALL_TIME;
  g_action_map_add_action_entries (G_ACTION_MAP (self), range_entries,
                                   G_N_ELEMENTS (range_entries), self);
  g_action_map_add_action (G_ACTION_MAP (self), comparison);
  gtk_widget_add_controller (GTK_WIDGET (self), hub_range_picker_shortcuts_new (step_pressed, preset_pressed));
  g_signal_connect (self->range_picker, "changed", G_CALLBACK (on_picker_changed), self);
  g_signal_connect (self->narrow_range_picker, "changed", G_CALLBACK (on_picker_changed), self);
  g_signal_connect (self->settings, "changed::comparison", G_CALLBACK (on_comparison_changed), self);
}

void
hub_window_range_dispose (HubWindow *self)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_comparison_changed, self);
  /* The settings' action outlives the window's action group when a menu
   * still holds it: out of the group, it no longer tells the group. */
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "comparison") != NULL)
    g_action_map_remove_action (G_ACTION_MAP (self), "comparison");
}

/* The range source was left with, or the one a new source starts with,
 * over source's days, for the views that show source next. */
void
hub_window_range_set_source (HubWindow *self,
                             HubSource *source)
{
  const HubTotals *totals = hub_dataset_get_totals (hub_source_get_dataset (source));
  g_autoptr(GVariant) ranges = g_settings_get_value (self->settings, "ranges");
  g_autoptr(GVariant) own = g_variant_lookup_value (ranges, hub_source_get_id (source),
                                                    G_VARIANT_TYPE (RANGE_TYPE));

  self->range_syncing = TRUE;
  for (guint i = 0; i < 2; i++)
    {
      HubRangePicker *picker = i == 0 ? self->range_picker : self->narrow_range_picker;

      hub_range_picker_set_bounds (picker, totals->as_of, totals->first_day);
      if (own == NULL || !restore (picker, own))
        restore_default (self, picker);
    }
  self->range_syncing = FALSE;
  update_span (self);
}
