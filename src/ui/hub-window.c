/* hub-window.c: the window a publisher lives in
 *
 * Welcome, loading and dashboard pages; the sources opened in this window
 * and the one shown; the window's size and the last source, kept in
 * GSettings. The range shown is in hub-window-range.c, the actions in
 * hub-window-actions.c, the loading off the main thread with its progress
 * in hub-window-loading.c, the request logs' Audience view in
 * hub-window-audience.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-net.h"
#include "hub-spike-notifier.h"
#include "hub-window-private.h"
#include "hub-window-public.h"

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HubWindow, hub_window, ADW_TYPE_APPLICATION_WINDOW)

/* build-aux/bench-ui.sh reads these lines (G_MESSAGES_DEBUG=hub-ui): when
 * the table is first painted with rows, and the longest the window went
 * without a frame from a source shown until its table filled. */
static void
on_after_paint (GdkFrameClock *clock,
                HubWindow     *self)
{
  gint64 now = g_get_monotonic_time ();
  GListModel *rows = hub_repo_table_get_model (self->table);

  self->longest_frame = MAX (self->longest_frame, now - self->last_paint);
  self->last_paint = now;
  /* Its rows are made in another thread: the first frames may have none. */
  if (!self->table_shown &&
      (g_list_model_get_n_items (rows) > 0 || !hub_repo_table_get_filling (self->table)))
    {
      self->table_shown = TRUE;
      g_debug ("Table shown: %u repositories, %.3f s after the load started",
               g_list_model_get_n_items (rows),
               (now - self->load_started) / (double) G_USEC_PER_SEC);
    }
  if (hub_repo_table_get_filling (self->table))
    return;
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  g_debug ("Table filled: %u repositories; the longest frame took %.1f ms",
           g_list_model_get_n_items (hub_repo_table_get_model (self->table)),
           self->longest_frame / 1000.0);
}

/* build-aux/bench-ui.sh reads this line too: the window's first frame,
 * and whether it shows a file's progress already. */
static void
on_first_paint (GdkFrameClock *clock,
                HubWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  g_debug ("First frame painted%s", self->load_cancellable != NULL ? ", progress shown" : "");
}

static void
on_map (HubWindow *self,
        gpointer   unused)
{
  g_signal_handlers_disconnect_by_func (self, on_map, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_paint), self, 0);
}

static void
set_chart_source (HubWindow *self,
                  HubSource *source)
{
  HubDataset *dataset = source ? hub_source_get_dataset (source) : NULL;

  hub_trend_chart_set_dataset (self->trend_chart, dataset, &self->span);
  gtk_label_set_label (self->chart_title, hub_trend_chart_get_title (self->trend_chart));
}

static void
update_chart (HubWindow *self)
{
  set_chart_source (self, self->source);
}

static void update_cards_rows (HubWindow *self);

/* The parts of a dashboard that appears, one more a frame after its frame:
 * what each draws for the first time (shaders, glyphs, icons, the chart's
 * curves) costs its own frame, 5–25 ms each with llvmpipe, where all of
 * them together took 40–110 ms in one. The header's source switcher and
 * refresh, then its range, come after its backgrounds (the three in one
 * frame took 14–17 ms of it, with 4 ms of the window's update); the cards
 * together, about 2 ms each once the loading page has drawn their
 * shadows. The parts keep their places meanwhile (transparent, not
 * hidden), so nothing moves. */
enum {
  STAGE_FRAME,        /* the window anew: backgrounds, the header's menu */
  STAGE_SOURCE,       /* the source switcher and refresh */
  STAGE_RANGE,
  STAGE_DETAIL,       /* the empty detail, with the window's buttons in a
                       * wide window: its big icon and title cost as much
                       * as the table, */
  STAGE_CARDS,
  STAGE_CHART,
  STAGE_TABLE,        /* which comes last: its rows fill the frames after it */
  N_STAGES
};

static void
show_stage (HubWindow *self,
            guint      stage,
            double     opacity)
{
  GtkWidget *card;

  if (stage == STAGE_SOURCE)
    {
      gtk_widget_set_opacity (GTK_WIDGET (self->source_button), opacity);
      gtk_widget_set_opacity (GTK_WIDGET (self->refresh_button), opacity);
    }
  else if (stage == STAGE_RANGE)
    gtk_widget_set_opacity (GTK_WIDGET (self->range_picker), opacity);
  else if (stage == STAGE_CARDS)
    for (guint i = 0; (card = hub_summary_cards_get_card (self->cards, i)) != NULL; i++)
      gtk_widget_set_opacity (card, opacity);
  else if (stage == STAGE_CHART)
    gtk_widget_set_opacity (self->chart_card, opacity);
  else if (stage == STAGE_DETAIL)
    gtk_widget_set_opacity (GTK_WIDGET (self->detail_stack), opacity);
  else if (stage == STAGE_TABLE)
    gtk_widget_set_opacity (GTK_WIDGET (self->table), opacity);
}

static gboolean
stage_step (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  HubWindow *self = HUB_WINDOW (widget);

  show_stage (self, self->stage++, 1);
  if (self->stage < N_STAGES)
    return G_SOURCE_CONTINUE;
  self->stage_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Every part shown at once. */
static void
stop_staging (HubWindow *self)
{
  if (self->stage_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->stage_tick);
  self->stage_tick = 0;
  for (; self->stage < N_STAGES; self->stage++)
    show_stage (self, self->stage, 1);
}

static void
start_staging (HubWindow *self)
{
  stop_staging (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  for (guint stage = 0; stage < N_STAGES; stage++)
    show_stage (self, stage, 0);
  self->stage = 0;
  self->stage_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), stage_step, NULL, NULL);
}

static void
show_source (HubWindow *self,
             HubSource *source)
{
  GdkFrameClock *clock;
  gboolean appears;

  if (!g_set_object (&self->source, source))
    return;
  appears = !g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "dashboard");
  /* The frame that shows the source counts from here. */
  self->last_paint = g_get_monotonic_time ();

  /* The dashboard first: a table on screen fills over a few frames. At
   * once: a crossfade paints both pages in each of its frames, 20–90 ms
   * apiece with the table filling (software rendering, 1280 × 860). */
  gtk_stack_set_visible_child_full (self->main_stack, "dashboard", GTK_STACK_TRANSITION_TYPE_NONE);
  if (appears)
    start_staging (self);
  /* The source's range, before anything counts it: set already, with the
   * cards and the chart, for a dashboard that appears. */
  if (self->prepared != source)
    hub_window_prepare_source (self, source);
  g_clear_object (&self->prepared);
  hub_repo_table_set_dataset (self->table, hub_source_get_dataset (source), &self->span);
  hub_repo_table_set_source_infos (self->table, source);
  hub_window_show_audience (self, source);
  hub_window_public_show (self);

  g_settings_set_string (self->settings, "last-source", hub_source_get_id (source));
  gtk_label_set_label (self->source_label, hub_source_get_title (source));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_button), hub_source_get_title (source));
  hub_repo_table_set_key_capture_widget (self->table, GTK_WIDGET (self));
  /* The detail showed a repository of the source shown before. */
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  hub_window_update_banner (self);

  if ((clock = gtk_widget_get_frame_clock (GTK_WIDGET (self))) != NULL)
    {
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
      self->table_shown = FALSE;
      self->longest_frame = 0;
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
    }

  hub_window_rebuild_source_menu (self);
  hub_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/* The range source starts with, and the cards and chart that count it: a
 * few milliseconds spent a frame before the rest of the source is shown,
 * while the loading page or the dashboard before it still shows. */
void
hub_window_prepare_source (HubWindow *self,
                           HubSource *source)
{
  g_set_object (&self->prepared, source);
  self->span = HUB_SPAN_ALL_TIME;
  hub_window_range_set_source (self, source);
  hub_summary_cards_set_source (self->cards, source, &self->span);
  set_chart_source (self, source);
}

/* The range or its comparison changed: everything that counts it. */
void
hub_window_show_span (HubWindow *self)
{
  hub_window_actions_update (self);
  if (self->source == NULL || hub_repo_table_get_dataset (self->table) == NULL)
    return;
  hub_summary_cards_set_source (self->cards, self->source, &self->span);
  hub_repo_table_set_span (self->table, &self->span);
  update_chart (self);
  update_cards_rows (self);
  if (self->audience != NULL)
    hub_audience_view_set_source (self->audience, self->source, &self->span);
  hub_window_update_table_audience (self);
  hub_window_public_show (self);
}

static void
on_repo_activated (HubRepoTable *table,
                   guint         index,
                   HubWindow    *self)
{
  const char *endpoint = self->account ? hub_account_get_endpoint (self->account) : NULL;

  g_autoptr(GError) error = NULL;
  HubHistory *history;

  if (self->source == NULL)
    return;
  /* Without the history database the page keeps no notes, and says so. */
  history = hub_window_get_history (self, &error);
  if (history == NULL)
    g_warning ("Notes are unavailable: %s", error->message);
  hub_repo_detail_set_history (self->detail, history, hub_source_get_id (self->source));
  hub_repo_detail_set_repo (self->detail, hub_source_get_dataset (self->source), index, endpoint);
  adw_navigation_page_set_title (self->detail_page,
                                 hub_dataset_get_repo (hub_source_get_dataset (self->source),
                                                       index)->name);
  hub_window_show_repo_audience (self, index);
  gtk_widget_remove_css_class (GTK_WIDGET (self->detail), "estimate");
  gtk_stack_set_visible_child_name (self->detail_stack, "repository");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* The same page, for days estimated from an author's snapshots: its title
 * and its chart's card say so. */
void
hub_window_show_estimated_repo (HubWindow *self,
                                guint      index)
{
  g_autofree char *title = NULL;

  on_repo_activated (self->table, index, self);
  /* Translators: the title of a repository's page whose days are estimates */
  title = g_strdup_printf (_("%s (estimated)"),
                           adw_navigation_page_get_title (self->detail_page));
  adw_navigation_page_set_title (self->detail_page, title);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "estimate");
}

/* A widget's "message" signal: its words in a toast. */
void
hub_window_on_message (GtkWidget  *widget,
                       const char *message,
                       HubWindow  *self)
{
  hub_window_show_toast (self, message);
}

/* On a phone's width the cards are a strip that scrolls away with the
 * table: hidden once the table scrolls, back at its top. */
static void
update_cards_shown (HubWindow *self)
{
  GtkAdjustment *adjustment = hub_repo_table_get_vadjustment (self->table);
  gboolean scrolled = adjustment != NULL && gtk_adjustment_get_value (adjustment) > 0;

  gtk_revealer_set_reveal_child (self->cards_revealer,
                                 !hub_summary_cards_get_compact (self->cards) || !scrolled);
}

static gboolean
update_chart_rows (gpointer user_data)
{
  HubWindow *self = user_data;
  g_autofree guint *indexes = NULL;
  guint n = 0;

  self->chart_rows_idle = 0;
  if (hub_repo_table_get_narrowed (self->table))
    indexes = hub_repo_table_get_visible_indexes (self->table, &n);
  if (indexes != NULL || hub_trend_chart_get_narrowed (self->trend_chart))
    {
      hub_trend_chart_set_shown (self->trend_chart, indexes, n);
      gtk_label_set_label (self->chart_title, hub_trend_chart_get_title (self->trend_chart));
    }
  return G_SOURCE_REMOVE;
}

/* While a search or the type filter narrows the table, the cards and the
 * chart sum the rows it shows. The chart's sum of thousands of series waits
 * until the table's frame is out, and the keys typed meanwhile make one. */
static void
update_cards_rows (HubWindow *self)
{
  HubSpanTotals shown;

  if (self->chart_rows_idle == 0)
    self->chart_rows_idle = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, update_chart_rows, self, NULL);
  if (!hub_repo_table_get_narrowed (self->table))
    {
      hub_summary_cards_set_shown (self->cards, NULL);
      return;
    }
  hub_repo_table_sum_shown (self->table, &shown);
  hub_summary_cards_set_shown (self->cards, &shown);
}

static void
on_shown_rows_changed (HubWindow *self)
{
  if (hub_repo_table_get_narrowed (self->table))
    update_cards_rows (self);
}

static gboolean
hub_window_close_request (GtkWindow *window)
{
  HubWindow *self = HUB_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (hub_window_parent_class)->close_request (window);
}

static void
hub_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HubWindow *self = HUB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, hub_window_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_window_dispose (GObject *object)
{
  HubWindow *self = HUB_WINDOW (object);

  hub_window_loading_dispose (self);
  hub_window_range_dispose (self);
  if (self->table != NULL)
    stop_staging (self);
  g_clear_handle_id (&self->chart_rows_idle, g_source_remove);
  hub_window_account_dispose (self);
  hub_window_public_dispose (self);
  g_cancellable_cancel (self->spike_cancellable);
  g_clear_object (&self->spike_cancellable);
  /* The table's rows go as it goes: the cards need them no more. */
  if (self->table != NULL)
    g_signal_handlers_disconnect_by_func (hub_repo_table_get_model (self->table),
                                          on_shown_rows_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_WINDOW);
  g_clear_object (&self->source);
  g_clear_object (&self->prepared);
  g_clear_object (&self->sources);
  g_clear_object (&self->source_menu);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_object (&self->export_folder);
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;

  G_OBJECT_CLASS (hub_window_parent_class)->dispose (object);
}

static void
hub_window_finalize (GObject *object)
{
  HubWindow *self = HUB_WINDOW (object);

  hub_window_finish_loading (self);

  G_OBJECT_CLASS (hub_window_parent_class)->finalize (object);
}

static void
hub_window_class_init (HubWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hub_window_dispose;
  object_class->finalize = hub_window_finalize;
  object_class->get_property = hub_window_get_property;
  window_class->close_request = hub_window_close_request;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, HUB_TYPE_SOURCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HUB_TYPE_SUMMARY_CARDS);
  g_type_ensure (HUB_TYPE_TREND_CHART);
  g_type_ensure (HUB_TYPE_RANGE_PICKER);
  g_type_ensure (HUB_TYPE_REPO_TABLE);
  g_type_ensure (HUB_TYPE_REPO_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/hub-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HubWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, welcome_banner);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, found_token_button);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, dashboard_view);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, source_button);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, source_label);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, range_picker);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, narrow_range_picker);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, cards_revealer);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, cards);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, chart_card);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, chart_title);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, table);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, switcher_box);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, audience_clamp);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, detail_page);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, detail);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, logs_repo_title);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, logs_repo_box);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, logs_repo_note);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, content_stack);
}

static void
hub_window_init (HubWindow *self)
{
  g_autoptr(AdwSpinnerPaintable) spinner = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->stage = N_STAGES;
  spinner = adw_spinner_paintable_new (GTK_WIDGET (self->loading_page));
  adw_status_page_set_paintable (self->loading_page, GDK_PAINTABLE (spinner));

  self->settings = g_settings_new (APP_ID);
  self->sources = g_list_store_new (HUB_TYPE_SOURCE);
  self->source_menu = g_menu_new ();
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_error_free);
  gtk_menu_button_set_menu_model (self->source_button, G_MENU_MODEL (self->source_menu));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  hub_window_loading_init (self);

  g_signal_connect (self->table, "repo-activated", G_CALLBACK (on_repo_activated), self);
  g_signal_connect_swapped (hub_repo_table_get_vadjustment (self->table), "value-changed",
                            G_CALLBACK (update_cards_shown), self);
  g_signal_connect_swapped (self->cards, "notify::compact", G_CALLBACK (update_cards_shown), self);
  g_signal_connect_swapped (self->table, "notify::narrowed", G_CALLBACK (update_cards_rows), self);
  g_signal_connect_object (hub_repo_table_get_model (self->table), "items-changed",
                           G_CALLBACK (on_shown_rows_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->detail, "message", G_CALLBACK (hub_window_on_message), self);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  hub_window_actions_init (self);
  hub_window_range_init (self);
  hub_window_account_init (self);
  hub_window_public_init (self);
  hub_window_rebuild_source_menu (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

HubWindow *
hub_window_new (GtkApplication *application)
{
  return g_object_new (HUB_TYPE_WINDOW, "application", application, NULL);
}

/* At start-up: the source used last, if it can be opened without asking. */
void
hub_window_restore_last_source (HubWindow *self)
{
  g_autofree char *id = NULL;

  g_return_if_fail (HUB_IS_WINDOW (self));

  id = g_settings_get_string (self->settings, "last-source");
  if (g_str_equal (id, "demo"))
    hub_window_open_demo (self);
  else if (g_str_has_prefix (id, "file:"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (id);

      if (g_file_query_exists (file, NULL))
        hub_window_open_file (self, file);
    }
  else if (hub_source_id_get_author (id) != NULL)
    hub_window_open_author (self, hub_source_id_get_author (id));
  /* "org:NAME" is reopened by the network client, from its cache, once signed in. */
}

/* Adds a source and shows it; one with the same id is replaced in place. */
/* The position of the source called id among those opened, or FALSE. */
gboolean
hub_window_find_source (HubWindow  *self,
                        const char *id,
                        guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HubSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (g_str_equal (hub_source_get_id (source), id))
        {
          if (position)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

void
hub_window_add_source (HubWindow *self,
                       HubSource *source)
{
  guint position;

  g_return_if_fail (HUB_IS_WINDOW (self));
  g_return_if_fail (HUB_IS_SOURCE (source));

  if (hub_window_find_source (self, hub_source_get_id (source), &position))
    {
      g_autoptr(HubSource) before = g_list_model_get_item (G_LIST_MODEL (self->sources), position);
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      /* A refresh: what it brings may be worth a notification. A newer
       * refresh makes the check of an older one moot. */
      if (application != NULL)
        {
          g_cancellable_cancel (self->spike_cancellable);
          g_clear_object (&self->spike_cancellable);
          self->spike_cancellable = g_cancellable_new ();
          hub_spike_notifier_notify_async (G_APPLICATION (application), self->settings,
                                           gtk_window_is_active (GTK_WINDOW (self)), before,
                                           source, self->spike_cancellable, NULL, NULL);
        }
      g_list_store_splice (self->sources, position, 1, (gpointer *) &source, 1);
    }
  else
    g_list_store_append (self->sources, source);
  show_source (self, source);
}

/* Shows the repository's page, as a click on its row does (a
 * notification's action); FALSE when the source shown has no such one. */
gboolean
hub_window_open_repo (HubWindow  *self,
                      const char *type,
                      const char *name)
{
  HubDataset *dataset;

  g_return_val_if_fail (HUB_IS_WINDOW (self), FALSE);

  if (self->source == NULL)
    return FALSE;
  dataset = hub_source_get_dataset (self->source);
  for (guint i = 0; i < hub_dataset_get_n_repos (dataset); i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, i);

      if (g_strcmp0 (repo->type, type) == 0 && g_strcmp0 (repo->name, name) == 0)
        {
          on_repo_activated (self->table, i, self);
          return TRUE;
        }
    }
  return FALSE;
}

void
hub_window_select_source (HubWindow  *self,
                          const char *id)
{
  guint position;

  if (hub_window_find_source (self, id, &position))
    {
      g_autoptr(HubSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), position);

      show_source (self, source);
    }
}

void
hub_window_focus_search (HubWindow *self)
{
  if (self->source != NULL)
    hub_repo_table_focus_search (self->table);
}

HubSource *
hub_window_get_source (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return self->source;
}

GListModel *
hub_window_get_sources (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->sources);
}

gboolean
hub_window_get_loading (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}

/* For hub-window-loading.c: a load began, or the last one ended. */
void
hub_window_notify_loading (HubWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The range shown and what its Change compares it with. */
const HubSpan *
hub_window_get_span (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return &self->span;
}

/* The header's range picker; the narrow layout's shows the same range. */
HubRangePicker *
hub_window_get_range_picker (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return self->range_picker;
}

HubRepoTable *
hub_window_get_table (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return self->table;
}

HubSummaryCards *
hub_window_get_cards (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return self->cards;
}

void
hub_window_show_toast (HubWindow  *self,
                       const char *message)
{
  AdwToast *toast;
  g_autofree char *markup = g_markup_escape_text (message, -1);

  g_return_if_fail (HUB_IS_WINDOW (self));

  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 8);
  hub_window_add_toast (self, toast);
}

/* One toast at a time: a newer one replaces the one still showing. */
void
hub_window_add_toast (HubWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  hub_window_dismiss_toast (self);
  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
hub_window_dismiss_toast (HubWindow *self)
{
  if (self->toast == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  adw_toast_dismiss (g_steal_pointer (&self->toast));
}

/* The banner of the page shown: the problem of the source shown (or, on the
 * welcome page, of the organisation that could not be opened), in words,
 * with what the user can do about it. */
static void
show_problem (AdwBanner    *banner,
              const GError *error,
              gboolean      has_data)
{
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  const char *button = _("_Retry");
  const char *action = "win.refresh";

  if (error == NULL)
    {
      adw_banner_set_revealed (banner, FALSE);
      return;
    }

  if (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_UNAUTHORIZED))
    {
      title = g_strdup (_("The Hub did not accept the token. Sign in again to refresh."));
      button = _("_Sign In…");
      action = "win.sign-in";
    }
  else if (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_TOKEN))
    {
      /* Only the environment can mend it: no button. */
      title = g_strdup (error->message);
      button = NULL;
      action = NULL;
    }
  else if (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN) ||
           g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_NOT_FOUND))
    {
      title = g_strdup (error->message);
      button = _("_Choose Another…");
      action = "win.sign-in";
    }
  else if (has_data &&
           (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_OFFLINE) ||
            g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_CONNECTION) ||
            g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_TIMEOUT)))
    title = g_strdup (_("Offline: showing the data saved from the last fetch."));
  else if (has_data)
    /* Translators: a banner over data that is still the last complete fetch; %s is why */
    title = g_strdup_printf (_("The last refresh failed: %s"), error->message);
  else
    title = g_strdup (error->message);

  markup = g_markup_escape_text (title, -1);
  adw_banner_set_title (banner, markup);
  adw_banner_set_button_label (banner, button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (banner), action);
  adw_banner_set_revealed (banner, TRUE);
}

/* Remembers what went wrong for the source called id ("" for none yet), or
 * that nothing is wrong any more (error NULL). */
void
hub_window_set_problem (HubWindow    *self,
                        const char   *id,
                        const GError *error)
{
  if (error != NULL)
    g_hash_table_replace (self->problems, g_strdup (id), g_error_copy (error));
  else
    g_hash_table_remove (self->problems, id);
  hub_window_update_banner (self);
}

void
hub_window_update_banner (HubWindow *self)
{
  const char *id = self->source ? hub_source_get_id (self->source) : "";

  show_problem (self->banner, g_hash_table_lookup (self->problems, id), self->source != NULL);
  show_problem (self->welcome_banner, g_hash_table_lookup (self->problems, ""), FALSE);
}
