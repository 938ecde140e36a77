/* hub-window-private.h: the window's state, shared by hub-window.c and
 * hub-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-account.h"
#include "hub-repo-detail.h"
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
  AdwLeaflet           *leaflet;
  GtkWidget            *dashboard_page;
  HubRepoDetail        *detail;
  GtkWidget            *found_token_button;

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
  gboolean              fetching;      /* the progress is a fetch, not a file read */

  /* Signed in or not; NULL when the endpoint asked for is invalid. */
  HubAccount           *account;
  GCancellable         *account_cancellable;
};

void hub_window_actions_init        (HubWindow *self);
void hub_window_actions_update      (HubWindow *self);
void hub_window_rebuild_source_menu (HubWindow *self);
void hub_window_select_source       (HubWindow *self,
                                     const char *id);
gboolean hub_window_find_source     (HubWindow  *self,
                                     const char *id,
                                     guint      *position);
void hub_window_cancel_load         (HubWindow *self);
void hub_window_focus_search        (HubWindow *self);
void hub_window_begin_progress      (HubWindow  *self,
                                     const char *name,
                                     gboolean    fetching);
void hub_window_end_progress        (HubWindow *self);

/* hub-window-account.c: signing in, organisations, preferences */
void hub_window_account_init        (HubWindow  *self);
void hub_window_account_dispose     (HubWindow  *self);
void hub_window_show_sign_in        (HubWindow  *self);
void hub_window_add_org_menu        (HubWindow  *self,
                                     GMenu      *menu);

G_END_DECLS
