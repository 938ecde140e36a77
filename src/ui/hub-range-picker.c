/* hub-range-picker.c: the range shown, as the dashboard and the insights choose it
 *
 * A preset (each with its shortcut, Alt+1 … Alt+8) or days picked on the
 * calendar, the first click its first day and the second its last, stepped
 * with the arrows beside it (Alt+Page Up, Alt+Page Down: Alt+← is back
 * navigation). The button says the preset, or the dates when they are not
 * the preset's own (a custom range, a stepped one). The range is the
 * picker's; what it is compared with is the owner's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-format.h"
#include "hub-range-picker.h"

struct _HubRangePicker
{
  GtkWidget       parent_instance;

  GtkWidget      *earlier_button;
  GtkMenuButton  *range_button;
  GtkPopover     *range_popover;
  GtkListBox     *preset_list;
  GtkCalendar    *calendar;
  GtkWidget      *later_button;

  HubDay          as_of;       /* HUB_DAY_NONE before a dataset */
  HubDay          first_day;
  HubRangePreset  preset;
  HubRange        range;
  int             steps;       /* the arrows' steps from the preset's own range */
  HubDay          first_pick;  /* the first day clicked of a custom range, or HUB_DAY_NONE */
  gboolean        syncing;     /* the calendar is being set, not clicked */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HubRangePicker, hub_range_picker, GTK_TYPE_WIDGET)

/* The presets in the order of the menu and of Alt+1 … Alt+8. */
static const HubRangePreset presets[] = {
  HUB_RANGE_LAST_7_DAYS, HUB_RANGE_LAST_30_DAYS, HUB_RANGE_LAST_90_DAYS,
  HUB_RANGE_MONTH_TO_DATE, HUB_RANGE_LAST_MONTH, HUB_RANGE_YEAR_TO_DATE,
  HUB_RANGE_LAST_365_DAYS, HUB_RANGE_ALL,
};

/* The preset's range over the data's days, stepped steps times. */
static HubRange
preset_range (HubRangePicker *self,
              HubRangePreset  preset,
              int             steps)
{
  HubRange range = hub_range_from_preset (preset, self->as_of, self->first_day);

  return steps != 0 ? hub_range_step (range, preset, steps) : range;
}

static void
update_label (HubRangePicker *self)
{
  g_autofree char *dates = NULL;
  g_autoptr(GDateTime) last = NULL;

  if (self->as_of == HUB_DAY_NONE)
    {
      gtk_menu_button_set_label (self->range_button, hub_format_range_preset (self->preset));
      return;
    }
  dates = hub_format_range (self->range);
  if (self->preset != HUB_RANGE_CUSTOM && self->steps == 0)
    {
      gtk_menu_button_set_label (self->range_button, hub_format_range_preset (self->preset));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->range_button), dates);
    }
  else
    {
      gtk_menu_button_set_label (self->range_button, dates);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->range_button), _("Choose the Range"));
    }
  /* All Time does not move. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "range-picker.step",
                                 self->preset != HUB_RANGE_ALL);

  self->syncing = TRUE;
  last = hub_day_to_date_time (self->range.last);
  gtk_calendar_select_day (self->calendar, last);
  self->syncing = FALSE;
}

static void
set_choice (HubRangePicker *self,
            HubRangePreset  preset,
            int             steps,
            HubRange        range)
{
  gboolean changed = preset != self->preset || !hub_range_equal (range, self->range);

  self->preset = preset;
  self->steps = steps;
  self->range = range;
  update_label (self);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Callbacks */

static void
on_preset_activated (GtkListBox     *list,
                     GtkListBoxRow  *row,
                     HubRangePicker *self)
{
  gtk_popover_popdown (self->range_popover);
  hub_range_picker_set_preset (self, presets[gtk_list_box_row_get_index (row)]);
}

static void
on_day_selected (GtkCalendar    *calendar,
                 HubRangePicker *self)
{
  g_autoptr(GDateTime) picked = NULL;
  HubDay day;

  if (self->syncing)
    return;
  picked = gtk_calendar_get_date (calendar);
  day = hub_day_from_ymd (g_date_time_get_year (picked), g_date_time_get_month (picked),
                          g_date_time_get_day_of_month (picked));
  if (self->first_pick == HUB_DAY_NONE)
    {
      self->first_pick = day;
      return;
    }
  gtk_popover_popdown (self->range_popover);
  hub_range_picker_set_range (self, HUB_RANGE_CUSTOM,
                              (HubRange) { MIN (self->first_pick, day), MAX (self->first_pick, day) });
  self->first_pick = HUB_DAY_NONE;
}

static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hub_range_picker_step (HUB_RANGE_PICKER (widget), g_variant_get_int32 (parameter));
}

/* GObject */

static void
hub_range_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HUB_TYPE_RANGE_PICKER);

  G_OBJECT_CLASS (hub_range_picker_parent_class)->dispose (object);
}

static void
hub_range_picker_class_init (HubRangePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_range_picker_dispose;

  /* The preset or the days changed, by the user or by a setter. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/hub-range-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, HubRangePicker, earlier_button);
  gtk_widget_class_bind_template_child (widget_class, HubRangePicker, range_button);
  gtk_widget_class_bind_template_child (widget_class, HubRangePicker, range_popover);
  gtk_widget_class_bind_template_child (widget_class, HubRangePicker, preset_list);
  gtk_widget_class_bind_template_child (widget_class, HubRangePicker, calendar);
  gtk_widget_class_bind_template_child (widget_class, HubRangePicker, later_button);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "range-picker.step", "i", step_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rangepicker");
}

static void
hub_range_picker_init (HubRangePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->as_of = HUB_DAY_NONE;
  self->first_day = HUB_DAY_NONE;
  self->preset = HUB_RANGE_LAST_30_DAYS;
  self->range = (HubRange) { 1, 0 };
  self->first_pick = HUB_DAY_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *title = gtk_label_new (hub_format_range_preset (presets[i]));
      g_autofree char *accel_label = gtk_accelerator_get_label (GDK_KEY_1 + i, GDK_ALT_MASK);
      GtkWidget *shortcut = gtk_label_new (accel_label);

      gtk_widget_set_hexpand (title, TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (shortcut, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), shortcut);
      gtk_list_box_append (self->preset_list, box);
    }
  update_label (self);
}

/* Public */

GtkWidget *
hub_range_picker_new (void)
{
  return g_object_new (HUB_TYPE_RANGE_PICKER, NULL);
}

/* The data's last day (asOf), which every preset ends on, and its first,
 * which All Time starts on. The preset's range follows them; a custom
 * range keeps its days. */
void
hub_range_picker_set_bounds (HubRangePicker *self,
                             HubDay          as_of,
                             HubDay          first_day)
{
  g_return_if_fail (HUB_IS_RANGE_PICKER (self));

  self->as_of = as_of;
  self->first_day = first_day;
  if (as_of == HUB_DAY_NONE || (self->preset == HUB_RANGE_CUSTOM && self->range.first <= self->range.last))
    update_label (self);
  else
    set_choice (self, self->preset, self->steps, preset_range (self, self->preset, self->steps));
}

HubRangePreset
hub_range_picker_get_preset (HubRangePicker *self)
{
  g_return_val_if_fail (HUB_IS_RANGE_PICKER (self), HUB_RANGE_LAST_30_DAYS);

  return self->preset;
}

/* The days shown; empty (last < first) before the bounds are set. */
HubRange
hub_range_picker_get_range (HubRangePicker *self)
{
  g_return_val_if_fail (HUB_IS_RANGE_PICKER (self), ((HubRange) { 1, 0 }));

  return self->range;
}

/* A preset's range, ending on the data's asOf. */
void
hub_range_picker_set_preset (HubRangePicker *self,
                             HubRangePreset  preset)
{
  g_return_if_fail (HUB_IS_RANGE_PICKER (self));

  hub_range_picker_restore (self, preset, 0, self->range);
}

/* Shows range under preset, whose step the arrows keep (a stepped preset
 * stays that preset). */
void
hub_range_picker_set_range (HubRangePicker *self,
                            HubRangePreset  preset,
                            HubRange        range)
{
  g_return_if_fail (HUB_IS_RANGE_PICKER (self));
  g_return_if_fail (range.first <= range.last);

  set_choice (self, preset, 0, range);
}

/* The range `steps` steps later (earlier when negative). */
void
hub_range_picker_step (HubRangePicker *self,
                       int             steps)
{
  g_return_if_fail (HUB_IS_RANGE_PICKER (self));

  if (self->range.first > self->range.last || self->preset == HUB_RANGE_ALL)
    return;
  set_choice (self, self->preset, self->preset == HUB_RANGE_CUSTOM ? 0 : self->steps + steps,
              hub_range_step (self->range, self->preset, steps));
}

/* How many steps the arrows moved a preset from its own range. */
int
hub_range_picker_get_steps (HubRangePicker *self)
{
  g_return_val_if_fail (HUB_IS_RANGE_PICKER (self), 0);

  return self->steps;
}

/* A preset stepped steps times, or (HUB_RANGE_CUSTOM) the days of range:
 * what get_preset(), get_steps() and get_range() said, for another picker or
 * a later run. Before the bounds, a preset waits for them. */
void
hub_range_picker_restore (HubRangePicker *self,
                          HubRangePreset  preset,
                          int             steps,
                          HubRange        range)
{
  g_return_if_fail (HUB_IS_RANGE_PICKER (self));
  g_return_if_fail (preset <= HUB_RANGE_CUSTOM);

  if (preset == HUB_RANGE_CUSTOM)
    {
      g_return_if_fail (range.first <= range.last);
      set_choice (self, preset, 0, range);
      return;
    }
  if (preset == HUB_RANGE_ALL)
    steps = 0;
  if (self->as_of == HUB_DAY_NONE)
    set_choice (self, preset, steps, (HubRange) { 1, 0 });
  else
    set_choice (self, preset, steps, preset_range (self, preset, steps));
}

/* The preset of Alt+(index + 1); FALSE past the last. */
gboolean
hub_range_picker_preset_at (guint           index,
                            HubRangePreset *preset)
{
  if (index >= G_N_ELEMENTS (presets))
    return FALSE;
  *preset = presets[index];
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GtkShortcutFunc        func,
              int                    value)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, GDK_ALT_MASK),
                                            gtk_callback_action_new (func, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (value));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The keys of every range picker, for its owner: step (its arguments
 * "i": the steps) on Alt+Page Up and Alt+Page Down, preset ("i": the
 * preset's place in the menu) on Alt+1 … Alt+8. A function that returns
 * FALSE leaves the key to the next widget that binds it. */
GtkEventController *
hub_range_picker_shortcuts_new (GtkShortcutFunc step,
                                GtkShortcutFunc preset)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Page_Up, step, -1);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Page_Down, step, 1);
  for (int i = 0; i < (int) G_N_ELEMENTS (presets); i++)
    add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_1 + i, preset, i);
  return controller;
}

/* The day selected on the calendar: the range's last, or the first day
 * clicked of a custom range (where the insights add a note). */
HubDay
hub_range_picker_get_selected_day (HubRangePicker *self)
{
  g_autoptr(GDateTime) picked = NULL;

  g_return_val_if_fail (HUB_IS_RANGE_PICKER (self), HUB_DAY_NONE);

  picked = gtk_calendar_get_date (self->calendar);
  return hub_day_from_ymd (g_date_time_get_year (picked), g_date_time_get_month (picked),
                           g_date_time_get_day_of_month (picked));
}
