/* hub-window-private.h: the window's state, shared by hub-window.c and
 * hub-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-trend-chart.h"
#include "hub-window.h"

G_BEGIN_DECLS

struct _HubWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *source_button;
  GtkLabel             *source_label;
  GtkWidget            *period_box;
  GtkWidget            *narrow_period_box;
  GtkWidget            *refresh_button;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkStack             *main_stack;
  HubSummaryCards      *cards;
  GtkWidget            *chart_card;
  GtkLabel             *chart_title;
  HubTrendChart        *trend_chart;
  HubRepoTable         *table;

  GSettings            *settings;
  GListStore           *sources;       /* HubSource, in the order opened */
  HubSource            *source;        /* the one shown, or NULL */
  GMenu                *source_menu;
  HubPeriod             period;
  gboolean              compact;
  guint                 compact_idle;

  /* One load at a time; more wait in the queue (GFile, or NULL for the demo). */
  GQueue                pending;
  GCancellable         *load_cancellable;
  HubProgress          *progress;
  char                 *loading_name;
  guint                 progress_timeout;
  gint64                load_started;
};

void hub_window_actions_init        (HubWindow *self);
void hub_window_actions_update      (HubWindow *self);
void hub_window_rebuild_source_menu (HubWindow *self);
void hub_window_select_source       (HubWindow *self,
                                     const char *id);
void hub_window_cancel_load         (HubWindow *self);
void hub_window_focus_search        (HubWindow *self);

G_END_DECLS
