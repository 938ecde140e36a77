/* hub-chart-input.c: the chart's marker under the pointer and the keys, its tooltip and its words
 *
 * The marker is a bucket: the pointer moves it, Left, Right, Home and End
 * move it from the keyboard, Escape takes it away. The accessible label
 * tells the whole chart, the accessible description the marked bucket.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-chart-private.h"

static int
index_at_x (HubChart *self,
            double    x)
{
  const graphene_rect_t *plot = &self->frame.plot;
  HubDay day;

  if (self->points->len == 0 || self->frame.px_per_day <= 0 ||
      x < plot->origin.x || x >= plot->origin.x + plot->size.width)
    return -1;
  day = self->span.first + (HubDay) ((x - plot->origin.x) / self->frame.px_per_day);
  day = CLAMP (day, self->span.first, self->span.last);
  return hub_chart_index_for_day (self, day);
}

static void
update_accessible_marker (HubChart *self)
{
  if (self->marker >= 0)
    {
      g_autofree char *text = hub_chart_dup_point_text (self, (guint) self->marker);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The label tells the whole chart, the description the marked point. */
void
hub_chart_update_accessible (HubChart *self)
{
  g_autofree char *label = hub_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  update_accessible_marker (self);
}

void
hub_chart_move_marker (HubChart *self,
                       int       index)
{
  index = MIN (index, (int) self->points->len - 1);
  index = MAX (index, -1);
  if (index == self->marker)
    return;

  self->marker = index;
  update_accessible_marker (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HubChart                 *self)
{
  int index = index_at_x (self, x);

  if (index >= 0)
    hub_chart_move_marker (self, index);
}

static void
on_leave (GtkEventControllerMotion *controller,
          HubChart                 *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    hub_chart_move_marker (self, -1);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            HubChart        *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HubChart              *self)
{
  int n = (int) self->points->len;
  int index = self->marker;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      index = index < 0 ? n - 1 : MAX (index - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      index = index < 0 ? n - 1 : MIN (index + 1, n - 1);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      index = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      index = n - 1;
      break;
    case GDK_KEY_Escape:
      if (index < 0)
        return FALSE;
      index = -1;
      break;
    default:
      return FALSE;
    }

  hub_chart_move_marker (self, index);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

gboolean
hub_chart_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  HubChart *self = HUB_CHART (widget);
  int index = keyboard_mode ? self->marker : index_at_x (self, x);
  g_autofree char *text = NULL;
  HubDay d0, d1;
  GdkRectangle area;

  if (index < 0)
    return FALSE;

  text = hub_chart_dup_point_text (self, (guint) index);
  gtk_tooltip_set_text (tooltip, text);

  /* The tooltip follows the pointer from one bucket to the next. */
  hub_chart_point_span (self, (guint) index, &d0, &d1);
  area.x = (int) hub_chart_frame_x (&self->frame, d0);
  area.width = MAX (1, (int) hub_chart_frame_x (&self->frame, d1 + 1) - area.x);
  area.y = (int) self->frame.plot.origin.y;
  area.height = (int) self->frame.plot.size.height;
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

void
hub_chart_init_input (HubChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
