/* hub-window-private.h: the window's state, shared by hub-window.c and
 * its hub-window-*.c parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-account.h"
#include "hub-audience-view.h"
#include "hub-history.h"
#include "hub-public-view.h"
#include "hub-range-picker.h"
#include "hub-repo-detail.h"
#include "hub-trend-chart.h"
#include "hub-window.h"

G_BEGIN_DECLS

struct _HubWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwBanner            *welcome_banner;
  GtkWidget            *found_token_button;
  AdwStatusPage        *loading_page;
  GtkLabel             *loading_label;
  GtkProgressBar       *loading_bar;
  AdwNavigationSplitView *split_view;
  AdwToolbarView       *dashboard_view;
  GtkMenuButton        *source_button;
  GtkLabel             *source_label;
  GtkWidget            *refresh_button;
  HubRangePicker       *range_picker;
  HubRangePicker       *narrow_range_picker;
  AdwBanner            *banner;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *cards_revealer;
  HubSummaryCards      *cards;
  GtkWidget            *chart_card;
  GtkLabel             *chart_title;
  HubTrendChart        *trend_chart;
  HubRepoTable         *table;
  AdwViewStack         *view_stack;
  GtkWidget            *switcher_box;
  GtkWidget            *switcher_bar;
  AdwClamp             *audience_clamp;
  HubAudienceView      *audience;      /* NULL until a source has logs */
  AdwNavigationPage    *detail_page;
  GtkStack             *detail_stack;
  HubRepoDetail        *detail;
  AdwWindowTitle       *logs_repo_title;
  GtkBox               *logs_repo_box;
  GtkLabel             *logs_repo_note;
  GtkWidget            *logs_repo_audience;  /* NULL until a repository of the logs alone is shown */

  GSettings            *settings;
  GListStore           *sources;       /* HubSource, in the order opened */
  HubSource            *source;        /* the one shown, or NULL */
  GMenu                *source_menu;
  gboolean              source_menu_stale;  /* made anew when it opens next */
  HubSpan               span;          /* the range shown and its comparison */
  gboolean              range_syncing; /* the pickers are being set, not chosen */
  guint                 chart_rows_idle; /* the chart's sum of the rows shown, after the table's frame */
  /* What went wrong last, per source id (a GError), shown in the banner
   * until something complete replaces it; "" for the welcome page. */
  GHashTable           *problems;
  /* The last toast, replaced rather than queued. */
  AdwToast             *toast;
  /* The folder of the last export, where the next save dialog starts. */
  GFile                *export_folder;

  /* One load at a time; more wait in the queue (GFile, or NULL for the demo). */
  GQueue                pending;
  GCancellable         *load_cancellable;
  HubProgress          *progress;
  char                 *loading_name;
  guint                 progress_timeout;
  gint64                load_started;
  gint64                last_paint;    /* for the longest frame while a table fills */
  gint64                longest_frame;
  gboolean              table_shown;
  guint                 stage_tick;    /* the dashboard's parts shown a frame apart */
  guint                 stage;         /* the next part to show; all shown at N_STAGES */
  /* A first dashboard: its cards, chart and range set before the loading
   * page's next frame, its page after that frame (hub-window-loading.c). */
  guint                 appear_tick;
  guint                 appear_idle;
  GPtrArray            *appearing;     /* HubSource read, shown once that frame is painted */
  HubSource            *prepared;      /* whose cards, chart and range are set already */
  gboolean              fetching;      /* the progress is a fetch, not a file read */

  /* Signed in or not; NULL when the endpoint asked for is invalid. */
  HubAccount           *account;
  GCancellable         *account_cancellable;

  /* hub-window-public.c: authors' public figures and their history */
  GtkStack             *content_stack;
  HubPublicView        *public_view;   /* made when an author is first shown */
  HubHistory           *history;       /* opened at first use */
  HubDay                today;         /* HUB_DAY_NONE: the clock's */
  GCancellable         *keep_cancellable;
  GCancellable         *spike_cancellable; /* the latest refresh's spike check */
  char                **keep_pending;  /* followed authors still to snapshot today */
  guint                 keep_index;
  guint                 keep_timeout;
  int                   background;    /* HubBackgroundAnswer, -1 before one */
};

void hub_window_actions_init        (HubWindow *self);
void hub_window_actions_update      (HubWindow *self);
void hub_window_rebuild_source_menu (HubWindow *self);
void hub_window_select_source       (HubWindow *self,
                                     const char *id);
gboolean hub_window_find_source     (HubWindow  *self,
                                     const char *id,
                                     guint      *position);
void hub_window_focus_search        (HubWindow *self);
void hub_window_prepare_source      (HubWindow *self,
                                     HubSource *source);
void hub_window_notify_loading      (HubWindow *self);
void hub_window_on_message          (GtkWidget  *widget,
                                     const char *message,
                                     HubWindow  *self);
void hub_window_set_problem         (HubWindow    *self,
                                     const char   *id,
                                     const GError *error);
void hub_window_update_banner       (HubWindow *self);
void hub_window_add_toast           (HubWindow *self,
                                     AdwToast  *toast);
void hub_window_dismiss_toast       (HubWindow *self);

/* hub-window-range.c: the range shown, remembered per source */
void hub_window_range_init          (HubWindow  *self);
void hub_window_range_dispose       (HubWindow  *self);
void hub_window_range_set_source    (HubWindow  *self,
                                     HubSource  *source);
void hub_window_show_span           (HubWindow  *self);

/* hub-window-loading.c: files read one load at a time, with progress */
void hub_window_loading_init        (HubWindow  *self);
void hub_window_loading_dispose     (HubWindow  *self);
void hub_window_finish_loading      (HubWindow  *self);
void hub_window_cancel_load         (HubWindow  *self);
void hub_window_begin_progress      (HubWindow  *self,
                                     const char *name,
                                     gboolean    fetching);
void hub_window_end_progress        (HubWindow  *self);

/* hub-window-audience.c: the request logs' Audience view */
void hub_window_show_audience       (HubWindow  *self,
                                     HubSource  *source);
void hub_window_update_table_audience (HubWindow *self);
void hub_window_show_logs_repo        (HubWindow  *self,
                                       const char *type,
                                       const char *name);
void hub_window_show_repo_audience  (HubWindow  *self,
                                     guint       index);

/* hub-window-account.c: signing in, organisations, preferences */
void hub_window_account_init        (HubWindow  *self);
void hub_window_account_dispose     (HubWindow  *self);
void hub_window_show_sign_in        (HubWindow  *self);
void hub_window_add_org_menu        (HubWindow  *self,
                                     GMenu      *menu);

/* hub-window-public.c: authors' public figures, following, import and export */
void hub_window_public_init         (HubWindow  *self);
void hub_window_public_dispose      (HubWindow  *self);
void hub_window_public_show         (HubWindow  *self);
void hub_window_public_actions_update (HubWindow *self);
void hub_window_set_action_enabled  (HubWindow  *self,
                                     const char *name,
                                     gboolean    enabled);
void hub_window_add_author_menu     (HubWindow  *self,
                                     GMenu      *opened,
                                     GMenu      *more);
HubDay     hub_window_snapshot_day        (HubWindow  *self);
HubClient *hub_window_client_for_listings (HubWindow  *self,
                                           GError    **error);
void hub_window_show_estimated_repo (HubWindow  *self,
                                     guint       index);
void hub_window_fall_back_to_public (HubWindow    *self,
                                     const char   *org,
                                     const GError *refusal);

/* hub-window-history.c: import, export and keeping the history */
void hub_window_history_init        (HubWindow  *self);
void hub_window_history_dispose     (HubWindow  *self);
void hub_window_history_actions_update (HubWindow *self);
void hub_window_history_followed_changed (HubWindow *self);

G_END_DECLS
