/* hub-summary-cards.h: the headline numbers above the table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-source.h"

G_BEGIN_DECLS

#define HUB_TYPE_SUMMARY_CARDS (hub_summary_cards_get_type ())

G_DECLARE_FINAL_TYPE (HubSummaryCards, hub_summary_cards, HUB, SUMMARY_CARDS, GtkWidget)

GtkWidget *hub_summary_cards_new         (void);
void       hub_summary_cards_set_source  (HubSummaryCards *self,
                                          HubSource       *source,
                                          const HubSpan   *span);
void       hub_summary_cards_set_shown   (HubSummaryCards     *self,
                                          const HubSpanTotals *shown);
GtkWidget *hub_summary_cards_get_card    (HubSummaryCards *self,
                                          guint            index);
gboolean   hub_summary_cards_get_compact (HubSummaryCards *self);
void       hub_summary_cards_set_compact (HubSummaryCards *self,
                                          gboolean         compact);

G_END_DECLS
