/* hub-insights-dialog.h: a source's insights for any range: comparison, velocity, movers,
 * milestones, spikes, notes, badges and the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-badge-file.h"
#include "hub-source.h"

G_BEGIN_DECLS

#define HUB_TYPE_INSIGHTS_DIALOG (hub_insights_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubInsightsDialog, hub_insights_dialog, HUB, INSIGHTS_DIALOG, AdwDialog)

AdwDialog      *hub_insights_dialog_new            (HubSource         *source,
                                                    const char        *endpoint);
void            hub_insights_dialog_set_preset     (HubInsightsDialog *self,
                                                    HubRangePreset     preset);
void            hub_insights_dialog_set_range      (HubInsightsDialog *self,
                                                    HubRange           range);
HubRange        hub_insights_dialog_get_range      (HubInsightsDialog *self);
HubRange        hub_insights_dialog_get_compared   (HubInsightsDialog *self);
void            hub_insights_dialog_set_comparison (HubInsightsDialog *self,
                                                    HubComparison      comparison);
gboolean        hub_insights_dialog_add_note       (HubInsightsDialog *self,
                                                    HubDay             day,
                                                    const char        *text,
                                                    GError           **error);
guint           hub_insights_dialog_get_n_movers   (HubInsightsDialog *self);
guint           hub_insights_dialog_get_n_notes    (HubInsightsDialog *self);
GtkWidget      *hub_insights_dialog_get_chart      (HubInsightsDialog *self);
void            hub_insights_dialog_set_compare    (HubInsightsDialog *self,
                                                    const guint       *indexes,
                                                    guint              n_indexes,
                                                    HubCompareMode     mode);
void            hub_insights_dialog_set_compared_authors (HubInsightsDialog  *self,
                                                          const char * const *authors);
guint           hub_insights_dialog_get_n_authors  (HubInsightsDialog *self);
GtkWidget      *hub_insights_dialog_get_compare_chart (HubInsightsDialog *self);
HubBadgeSpec   *hub_insights_dialog_dup_badge      (HubInsightsDialog *self);

G_END_DECLS
