/* hub-sparkline.h: a repository's recent daily downloads, small, in a table cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

#define HUB_TYPE_SPARKLINE (hub_sparkline_get_type ())

G_DECLARE_FINAL_TYPE (HubSparkline, hub_sparkline, HUB, SPARKLINE, GtkWidget)

GtkWidget               *hub_sparkline_new           (void);
void                     hub_sparkline_set_values    (HubSparkline   *self,
                                                      const gint64   *values,
                                                      guint           n_values,
                                                      HubDay          last_day);
void                     hub_sparkline_set_described (HubSparkline   *self,
                                                      const gint64   *values,
                                                      guint           n_values,
                                                      HubDay          last_day,
                                                      const char     *summary);
char                    *hub_sparkline_describe      (const gint64   *values,
                                                      guint           n_values);
void                     hub_sparkline_set_repo      (HubSparkline   *self,
                                                      const HubRepo  *repo,
                                                      HubDay          as_of,
                                                      guint           n_days);
void                     hub_sparkline_clear         (HubSparkline   *self);
const graphene_point_t  *hub_sparkline_get_points    (HubSparkline   *self,
                                                      guint          *n_points);
const char              *hub_sparkline_get_summary   (HubSparkline   *self);
char                    *hub_sparkline_dup_tooltip   (HubSparkline   *self);

G_END_DECLS
