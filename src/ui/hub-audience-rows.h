/* hub-audience-rows.h: what the Audience view and the repository's audience
 * share: the classes' names and colours, the rows of a ranked list, the
 * figures of the cards and the two charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-chart.h"
#include "hub-core.h"

G_BEGIN_DECLS

extern const GdkRGBA hub_audience_class_colors[HUB_LOG_N_CLASSES];

const char *hub_audience_class_title    (HubLogClass          klass);
GtkWidget  *hub_audience_ranked_row     (GtkSizeGroup        *names,
                                         const char          *name,
                                         const char          *tooltip,
                                         double               fraction,
                                         const char          *id,
                                         const char         **figure_names,
                                         guint64             *figures,
                                         guint                n_figures);
void        hub_audience_add_header_row (GtkListBox          *list,
                                         GtkSizeGroup        *names,
                                         const char          *first,
                                         const char         **figures,
                                         guint                n_figures);
void        hub_audience_set_count      (GtkLabel            *label,
                                         guint64              value);
void        hub_audience_show_uniques   (GtkLabel            *value,
                                         GtkLabel            *caption,
                                         const HubLogFigures *figures);
void        hub_audience_show_daily     (HubChart            *chart,
                                         const HubLogFigures *daily,
                                         HubDay               first,
                                         HubDay               last,
                                         gboolean             with_requests);
void        hub_audience_show_classes   (HubChart            *chart,
                                         const HubLogFigures *daily,
                                         HubDay               first,
                                         HubDay               last);

G_END_DECLS
