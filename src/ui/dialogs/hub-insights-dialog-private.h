/* hub-insights-dialog-private.h: the insights dialog's state, shared by
 * hub-insights-dialog.c (the range, the cards, the chart, the movers and the
 * report), hub-insights-dialog-compare.c, hub-insights-dialog-notes.c and
 * hub-insights-dialog-badge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-chart.h"
#include "hub-compare-chart.h"
#include "hub-history.h"
#include "hub-insights-dialog.h"
#include "hub-range-picker.h"

G_BEGIN_DECLS

struct _HubInsightsDialog
{
  AdwDialog        parent_instance;

  HubSource       *source;
  HubDataset      *dataset;
  char            *endpoint;
  HubHistory      *history;     /* NULL when it cannot be opened: no notes */
  GPtrArray       *notes;       /* HubNote of the source */

  HubRange         range;       /* the range picker's */
  HubComparison    comparison;
  guint            n_movers;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  HubRangePicker  *range_picker;
  AdwToggleGroup  *comparison_toggles;
  GtkLabel        *range_label;
  GtkLabel        *downloads_value;
  GtkLabel        *downloads_caption;
  GtkLabel        *velocity_value;
  GtkLabel        *velocity_caption;
  GtkLabel        *milestone_value;
  GtkLabel        *milestone_caption;
  HubChart        *chart;
  GtkListBox      *movers_list;
  GtkFlowBox      *compare_choices;
  AdwToggleGroup  *compare_mode_toggles;
  HubCompareChart *compare_chart;
  GArray          *compared_repos;   /* guint indexes of the repositories compared */
  GPtrArray       *authors;          /* HubCompareAuthor: the followed authors' estimates, as they load */
  GPtrArray       *compared_authors; /* names of the authors compared, after the repositories */
  GCancellable    *authors_loading;  /* NULL until the authors are asked for */
  GtkListBox      *notes_list;
  AdwEntryRow     *note_entry;
  GSettings       *badge_settings;   /* the badge's figure and variant, shared with a repository's page */
  AdwToggleGroup  *badge_figure_toggles;
  AdwToggleGroup  *badge_variant_toggles;
  GtkPicture      *badge_picture;
};

void hub_insights_dialog_show_toast         (HubInsightsDialog *self,
                                             const char        *text);
void hub_insights_dialog_clear_list         (GtkListBox        *list,
                                             GtkWidget         *keep);

void hub_insights_dialog_compare_class_init (GtkWidgetClass    *widget_class);
void hub_insights_dialog_compare_init       (HubInsightsDialog *self);
void hub_insights_dialog_compare_dispose    (HubInsightsDialog *self);
void hub_insights_dialog_update_compare     (HubInsightsDialog *self);

void hub_insights_dialog_notes_class_init   (GtkWidgetClass    *widget_class);
void hub_insights_dialog_update_notes       (HubInsightsDialog *self);

void hub_insights_dialog_badge_class_init   (GtkWidgetClass    *widget_class);
void hub_insights_dialog_badge_init         (HubInsightsDialog *self);
void hub_insights_dialog_badge_dispose      (HubInsightsDialog *self);
void hub_insights_dialog_update_badge       (HubInsightsDialog *self);

G_END_DECLS
