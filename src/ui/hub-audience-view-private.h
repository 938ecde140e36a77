/* hub-audience-view-private.h: the audience view's state, shared by
 * hub-audience-view.c and hub-audience-view-team.c (its Team Traffic part)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-chart.h"
#include "hub-audience-view.h"

G_BEGIN_DECLS

struct _HubAudienceView
{
  GtkWidget         parent_instance;

  /* template */
  GtkWidget        *content;
  GtkLabel         *span_label;
  GtkSwitch        *team_switch;
  GtkLabel         *team_label;
  GtkListBox       *identities_list;
  GtkLabel         *uniques_value;
  GtkLabel         *uniques_caption;
  GtkLabel         *sessions_value;
  GtkLabel         *sessions_caption;
  GtkLabel         *requests_value;
  GtkLabel         *requests_caption;
  GtkLabel         *downloads_value;
  GtkLabel         *downloads_caption;
  HubChart         *daily_chart;
  HubChart         *classes_chart;
  GtkListBox       *countries_list;
  GtkListBox       *repos_list;
  GtkWidget        *regions_card;
  GtkLabel         *regions_title;
  GtkListBox       *regions_list;

  HubSource        *source;
  const HubAudienceFigures *figures;  /* the source's, over the period shown */
  HubDay            first;
  HubDay            last;
  GSimpleActionGroup *actions;
  GFile            *export_folder;
  GtkSizeGroup     *country_names;
  GtkSizeGroup     *repo_names;
  GtkSizeGroup     *region_names;
  char             *region_country;  /* the code whose regions are shown, or NULL */
  guint             fill_tick;       /* filling the lists after the first frame, or 0 */
  guint             fill_step;
};

void hub_audience_view_emit_message         (HubAudienceView *self,
                                             const char      *message);
void hub_audience_view_emit_team_changed    (HubAudienceView *self,
                                             gboolean         exclude);

void hub_audience_view_update_team          (HubAudienceView *self,
                                             HubLogStore     *store);
void hub_audience_view_exclude_team_changed (GSimpleAction   *action,
                                             GVariant        *value,
                                             gpointer         user_data);

G_END_DECLS
